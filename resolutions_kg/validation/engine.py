"""Run the compiled shapes (:mod:`.compiler`) on a store and report what they find."""

from __future__ import annotations

import functools
import re

import pyoxigraph as ox

from resolutions_kg.validation import evidence
from resolutions_kg.validation.compiler import Check, Compiled, compile_shapes
from resolutions_kg.validation.data import _shapes
from resolutions_kg.validation.report import SEVERITIES, Report, Result, make_report

Row = dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]


@functools.cache
def compiled() -> Compiled:
    """Our shapes (``ontology/shapes.ttl``), compiled once."""
    return compile_shapes(_shapes())


def checks() -> tuple[Check, ...]:
    return compiled().checks


def _show(term: object) -> str:
    if isinstance(term, ox.BlankNode):
        return "[]"
    return str(term)


def _text(term: object) -> str:
    """A term in a SHACL-SPARQL message (as pyshacl puts it: the IRI or lexical form)."""
    if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode):
        return term.value
    return str(term)


def _message(check: Check, row: Row) -> str:
    if not check.messages:
        return check.default
    messages = []
    for message in check.messages:
        if check.sparql:
            message = re.sub(r"\{[?$](\w+)\}",
                             lambda m: _text(row[m.group(1)]) if m.group(1) in row else m.group(0),
                             message)
        messages.append(message)
    return " ".join(sorted(messages))


def _rows(store: ox.Store, check: Check) -> list[Row]:
    if check.native is not None:
        return getattr(evidence, check.native)(store, check)  # type: ignore[no-any-return]
    solutions = store.query(check.query)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [{n: t for n, t in zip(names, solution, strict=True) if t is not None}
            for solution in solutions]


def _result(check: Check, row: Row) -> Result:
    value = row.get("value")
    if value is None and check.value_is_focus:
        value = row["this"]
    path = check.path
    if path is None and "path" in row:
        path = _show(row["path"])
    return Result(
        severity=SEVERITIES[check.severity], focus=_show(row["this"]), path=path,
        value=None if value is None else _show(value), message=_message(check, row),
        shape=check.shape, component=check.component,
    )


def run(store: ox.Store, shapes: Compiled | None = None) -> Report:
    """Validate everything in ``store``'s default graph (the store gets a named graph marking
    the focus nodes)."""
    shapes = shapes or compiled()
    for update in shapes.targets:
        store.update(update)
    results: list[Result] = []
    for check in shapes.checks:
        results.extend(_result(check, row) for row in _rows(store, check))
    return make_report(results)
