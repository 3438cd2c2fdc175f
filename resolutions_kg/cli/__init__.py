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

#: Each command's name and the module of this package that defines it as ``command``. A module
#: is imported only when its command runs (or ``reskg --help`` lists them all): ``reskg serve``
#: does not import what ``reskg load`` needs, and each command starts that much sooner.
COMMAND_MODULES = {
    "load": "load", "export": "export", "validate": "validate", "stats": "stats",
    "query": "query", "queries": "queries_list", "serve": "serve", "link": "link",
    "push": "push", "release": "release", "settings": "settings_cmd", "review": "review",
}

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
    """Turns library errors into one line on stderr and the error's ``exit_code``; loads each
    command of :data:`COMMAND_MODULES` when it is asked for (click's lazy subcommands)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            command: click.Command = importlib.import_module(
                f"{__name__}.{COMMAND_MODULES[cmd_name]}").command
            if command.name != cmd_name:
                raise RuntimeError(f"cli/{COMMAND_MODULES[cmd_name]}.py defines "
                                   f"{command.name!r}, not {cmd_name!r}")
            if command.short_help is None and command.help:
                # the whole first sentence in `reskg --help`, not click's cut at 45 characters
                first = " ".join(command.help.split("\n\n")[0].split()).split(". ")[0]
                command.short_help = first.rstrip(".") + "."
            self.add_command(command)
        return self.commands.get(cmd_name)

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


def commands() -> dict[str, click.Command]:
    """Every command by name (each module imported)."""
    ctx = click.Context(main)
    return {name: command for name in main.list_commands(ctx)
            if (command := main.get_command(ctx, name)) is not None}
