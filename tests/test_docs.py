"""The documentation tells the truth about what exists: commands, settings, named queries,
errors, URI patterns."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import resolutions_kg
from resolutions_kg import errors
from resolutions_kg.cli import commands, main
from resolutions_kg.queries import catalogue

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_every_named_query_is_in_the_readme(name: str) -> None:
    assert f"| `{name}` |" in README


@pytest.mark.parametrize("command", sorted(commands()))
def test_every_command_is_shown_in_the_readme(command: str) -> None:
    assert re.search(rf"\breskg {re.escape(command)}\b", README), command


def _all_error_classes() -> set[type[BaseException]]:
    for module in pkgutil.walk_packages(resolutions_kg.__path__, "resolutions_kg."):
        if ".cli." not in module.name:
            importlib.import_module(module.name)
    for sub in ("loaders", "queries", "endpoint", "ontology"):
        package = importlib.import_module(f"resolutions_kg.{sub}")
        for module in pkgutil.walk_packages(package.__path__, f"resolutions_kg.{sub}."):
            importlib.import_module(module.name)
    found: set[type[BaseException]] = set()
    todo: list[type[BaseException]] = [errors.ResolutionsKGError]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_error_class_is_drawn_in_the_error_tree() -> None:
    drawing = errors.__doc__ or ""
    for cls in _all_error_classes():
        assert re.search(rf"\b{cls.__name__}\b", drawing), f"{cls.__module__}.{cls.__name__}"


def test_uri_patterns_in_the_readme_match_the_minter() -> None:
    from resolutions_kg.iris import Minter

    base = "http://base.example/"
    m = Minter(base)
    for iri in (m.resolution("{doc}"), m.recommendation("{doc}", 1), m.event("{doc}"),
                m.cohort("{doc}", 1), m.source("{doc}"), m.graph("{doc}"), m.dataset()):
        pattern = iri.replace(base, "{base}").replace("/1", "/{n}")
        assert f"`{pattern}`" in README, pattern


def _options() -> list[tuple[str, str, str | None]]:
    """(command, option, variable) for every option of every command."""
    import click

    found = []
    for name, command in sorted(commands().items()):
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                long = next((o for o in param.opts if o.startswith("--")), param.opts[0])
                envvar = param.envvar if isinstance(param.envvar, str) else None
                found.append((name, long, envvar))
    return found


@pytest.mark.parametrize(("command", "option", "envvar"), _options())
def test_every_option_has_a_variable_or_the_readme_says_why_not(
    command: str, option: str, envvar: str | None
) -> None:
    if envvar is not None:
        # a variable of the settings table, or one the README names
        assert f"`{envvar}`" in README, f"reskg {command} {option}: {envvar} not in the README"
        return
    without = README.split("Options without a variable:", 1)
    assert len(without) == 2, "the README's list of options without a variable is missing"
    listed = without[1].split("\n\n", 1)[0]
    # the option appears in the list, after its command's name
    entry = re.search(rf"`reskg {re.escape(command)} [^`]*`", listed, re.DOTALL)
    assert entry and re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", entry.group(0)), (
        f"reskg {command} {option} has no RESKG_* variable and is not in the README's list"
    )


def test_the_settings_table_is_the_generated_one() -> None:
    from click.testing import CliRunner

    table = CliRunner().invoke(main, ["settings", "--markdown"]).output.strip()
    assert table in README
