"""The ``reskg`` command: a thin shell over the library.

Each command lives in a module of this package and is registered in :data:`COMMAND_MODULES`.
Commands take their options from :mod:`resolutions_kg.settings` through :func:`setting_option`, so
every option is also a ``RESKG_*`` environment variable. Library errors
(:class:`~resolutions_kg.errors.ResolutionsKGError`) become one-line messages on stderr and the
error class's ``exit_code``, never a traceback.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from resolutions_kg import __version__
from resolutions_kg.errors import ResolutionsKGError
from resolutions_kg.settings import BY_NAME

_F = TypeVar("_F", bound=Callable[..., Any])

#: Modules of this package that define a click command named ``command``.
COMMAND_MODULES = (
    "load", "export", "validate", "stats", "query", "queries_list", "serve", "link", "push",
    "release", "settings_cmd", "review",
)

#: The exit code of a command that reports its own failures (as ResolutionsKGError.exit_code).
EXIT_ERROR = 1


def setting_option(name: str, *short: str, **overrides: Any) -> Callable[[_F], _F]:
    """A click option for the setting ``name`` (with ``short`` forms such as ``-j``), also read
    from ``RESKG_<NAME>``."""
    s = BY_NAME[name]
    kwargs: dict[str, Any] = {
        "envvar": s.envvar,
        "default": s.default,
        "show_default": s.default is not None,
        "show_envvar": True,
        "type": s.type,
        "help": s.help,
    }
    kwargs.update(overrides)
    return click.option(s.option, *short, name, **kwargs)


class ErrorHandlingGroup(click.Group):
    """Turns library errors into one line on stderr and the error's ``exit_code``."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ResolutionsKGError as exc:
            click.echo(f"reskg: error: {exc}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=ErrorHandlingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reskg")
def main() -> None:
    """resolutions-kg: publish conference resolutions as linked open data."""


def _register() -> None:
    for module_name in COMMAND_MODULES:
        command = importlib.import_module(f"{__name__}.{module_name}").command
        if command.short_help is None and command.help:
            # the whole first sentence in `reskg --help`, not click's cut at 45 characters
            first = " ".join(command.help.split("\n\n")[0].split()).split(". ")[0]
            command.short_help = first.rstrip(".") + "."
        main.add_command(command)


_register()
