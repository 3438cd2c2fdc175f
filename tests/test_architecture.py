"""The shape of the package, read from its source with ``ast`` (ARCHITECTURE.md).

- No import cycles: the graph of module-level imports has none, and the cycles that function-level
  imports (``def f(): from x import y``) close are listed below, each with its reason.
- ``loaders/`` imports nothing that builds RDF: no rdflib, no pyoxigraph, directly or through the
  modules it imports (the registry and gazetteer it reads names from included).
- No module over 400 lines without the reason at the top of its docstring.

Imports under ``if TYPE_CHECKING:`` never run and are not counted. Importing ``a.b.c`` runs the
packages ``a`` and ``a.b`` first, so it counts as an import of them too (but not of the packages
the importing module itself lies in: those are already being imported).
"""

from __future__ import annotations

import ast
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "resolutions_kg"

#: Cycles closed by a function-level import, as (importer, imported) of that import → why it
#: stays. An edge listed here that no longer closes a cycle fails the test too, so the list
#: only ever shrinks.
KNOWN_FUNCTION_LEVEL: dict[tuple[str, str], str] = {
    ("resolutions_kg.loaders.russian", "resolutions_kg.loaders.settlements"):
        "loaders/ is another engineer's work in progress: to report, not to edit here",
    # The loader spells out names from the registry and gazetteer, whose name matching uses the
    # loader's morphology (names → lemmas → loaders.russian, so the package loaders/ too): a loop
    # until the one morphology module leaves loaders/. Every import on it runs inside a function.
    ("resolutions_kg.loaders.expand", "resolutions_kg.registry"): "names from the registry",
    ("resolutions_kg.loaders.expand", "resolutions_kg.gazetteer"): "names from the gazetteer",
    ("resolutions_kg.loaders", "resolutions_kg.loaders.parser"):
        "load_file imports the parser when called, so that loaders.russian comes without it",
}

#: Past this, a module's docstring must say why in its first lines ("over 400 lines …").
MAX_LINES = 400
#: Modules over the limit that other work in progress is changing: each is to be split or
#: explained there. A module listed here that no longer needs to be fails the test.
LONG_ELSEWHERE = {
    "resolutions_kg.endpoint.executor": "endpoint/executor.py is being reworked (issue 14, 4)",
    "resolutions_kg.endpoint.server": "endpoint/server.py is being reworked (issue 14, 4)",
}


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str  # one of our modules, or a third-party top-level package name
    level: str  # "module" or "function"
    line: int


def module_name(path: Path) -> str:
    parts = ["resolutions_kg", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    """Our modules by name. The four linked folders are followed, as Python follows them."""
    found = {}
    for folder, dirs, files in os.walk(PACKAGE, followlinks=True):
        dirs[:] = sorted(d for d in dirs if d not in ("__pycache__", "static", "templates"))
        for file in files:
            if file.endswith(".py"):
                path = Path(folder) / file
                found[module_name(path)] = path
    return found


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _statements(node: ast.AST, level: str) -> Iterator[tuple[ast.Import | ast.ImportFrom, str]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _type_checking(child.test):
            for other in child.orelse:
                yield from _statements_of(other, level)
        else:
            yield from _statements_of(child, level)


def _statements_of(node: ast.AST, level: str) -> Iterator[tuple[ast.Import | ast.ImportFrom, str]]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node, level
    elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
        yield from _statements(node, "function")
    else:
        yield from _statements(node, level)


def _targets(name: str, path: Path, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    """The modules ``node`` imports (for ``from m import x``: ``m.x`` when it is a module)."""
    ours = modules()
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    if node.level:
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
        source = ".".join([*base, *([node.module] if node.module else [])])
    else:
        source = node.module or ""
    for alias in node.names:
        yield f"{source}.{alias.name}" if f"{source}.{alias.name}" in ours else source


@cache
def imports() -> tuple[Import, ...]:
    ours = modules()
    out = []
    for name, path in ours.items():
        own = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 2)}
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node, level in _statements(tree, "module"):
            for target in _targets(name, path, node):
                parts = target.split(".")
                if parts[0] != "resolutions_kg":
                    out.append(Import(name, parts[0], level, node.lineno))
                    continue
                for i in range(2, len(parts) + 1):  # the packages first, then the module
                    ancestor = ".".join(parts[:i])
                    if ancestor in ours and ancestor not in own:
                        out.append(Import(name, ancestor, level, node.lineno))
    return tuple(dict.fromkeys(out))


def cycles(edges: list[Import]) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    graph: dict[str, set[str]] = {}
    for e in edges:
        graph.setdefault(e.importer, set()).add(e.imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(modules())))
    try:
        for v in sorted(graph):
            if v not in index:
                visit(v)
    finally:
        sys.setrecursionlimit(limit)
    return found


def _ours(edges: tuple[Import, ...]) -> list[Import]:
    return [e for e in edges if e.imported.startswith("resolutions_kg")]


def _shown(edges: list[Import]) -> str:
    return "\n".join(f"  {e.importer} → {e.imported} ({e.level}-level, line {e.line})"
                     for e in edges)


def test_the_graph_sees_every_folder() -> None:
    names = modules()
    for sub in ("loaders", "endpoint", "queries", "ontology", "cli", "validation"):
        assert f"resolutions_kg.{sub}" in names
    assert any(e.importer.startswith("resolutions_kg.endpoint.") and e.level == "module"
               for e in _ours(imports()))


def test_no_module_level_import_cycle() -> None:
    edges = [e for e in _ours(imports()) if e.level == "module"]
    found = cycles(edges)
    shown = [_shown([e for e in edges if e.importer in c and e.imported in c]) for c in found]
    assert not found, "module-level import cycles:\n" + "\n\n".join(shown)


def test_function_level_cycles_are_the_known_ones() -> None:
    edges = _ours(imports())
    found = cycles(edges)
    closing = {(e.importer, e.imported) for e in edges if e.level == "function"
               and any(e.importer in c and e.imported in c for c in found)}
    unknown = sorted(closing - set(KNOWN_FUNCTION_LEVEL))
    gone = sorted(set(KNOWN_FUNCTION_LEVEL) - closing)
    assert not unknown, "function-level imports that close a cycle:\n" + _shown(
        [e for e in edges if (e.importer, e.imported) in unknown])
    assert not gone, f"no longer closing a cycle, drop from KNOWN_FUNCTION_LEVEL: {gone}"


def reachable(start: str) -> dict[str, Import]:
    """Everything ``start`` imports, at any level, directly or not → the import that reaches it."""
    by_importer: dict[str, list[Import]] = {}
    for e in imports():
        by_importer.setdefault(e.importer, []).append(e)
    seen: dict[str, Import] = {}
    todo = [start]
    while todo:
        for e in by_importer.get(todo.pop(), ()):
            if e.imported not in seen and e.imported != start:
                seen[e.imported] = e
                todo.append(e.imported)
    return seen


def _chain(seen: dict[str, Import], target: str) -> str:
    steps = []
    while target in seen:
        e = seen[target]
        steps.append(f"{e.importer}:{e.line} → {e.imported}")
        target = e.importer
    return "\n  ".join(reversed(steps))


RDF_LIBRARIES = ("rdflib", "pyoxigraph")


@pytest.mark.parametrize("loader", sorted(m for m in modules()
                                          if m.startswith("resolutions_kg.loaders")))
def test_loaders_import_nothing_that_builds_rdf(loader: str) -> None:
    seen = reachable(loader)
    bad = [lib for lib in RDF_LIBRARIES if lib in seen]
    assert not bad, "\n".join(f"{loader} reaches {lib}:\n  {_chain(seen, lib)}" for lib in bad)


def test_the_rdf_check_sees_rdf() -> None:
    """The check above would see it: the mapper reaches both libraries."""
    seen = reachable("resolutions_kg.mapping")
    assert all(lib in seen for lib in RDF_LIBRARIES)


def _reason_given(path: Path) -> bool:
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return "over 400 lines" in " ".join(docstring.split()[:80])


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_long_module_without_a_reason(name: str) -> None:
    path = modules()[name]
    lines = len(path.read_text(encoding="utf-8").splitlines())
    if name in LONG_ELSEWHERE:
        assert lines > MAX_LINES and not _reason_given(path), f"drop {name} from LONG_ELSEWHERE"
        return
    assert lines <= MAX_LINES or _reason_given(path), (
        f"{path.relative_to(PACKAGE.parent)} has {lines} lines: split it along a seam, or say "
        f"at the top of its docstring why it is over 400 lines")
