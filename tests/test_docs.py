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
from resolutions_kg.cli import main
from resolutions_kg.queries import catalogue

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_every_named_query_is_in_the_readme(name: str) -> None:
    assert f"| `{name}` |" in README


@pytest.mark.parametrize("command", sorted(main.commands))
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
