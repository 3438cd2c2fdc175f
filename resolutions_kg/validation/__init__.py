"""Validate RDF against the project's SHACL shapes, and load the ontology package data.

    report = validate(graph)                 # rdflib Graph/Dataset, pyoxigraph Store/Dataset
    report.conforms                          # True when there is no violation (warnings allowed)
    for result in report.violations: ...     # focus node, path, value, message, severity
    print(report.text())

    require_valid(graph, path="tver-2012.txt")   # raises errors.ValidationError with the report

The shapes (``ontology/shapes.ttl``) are compiled once into SPARQL queries, one per constraint,
each returning every violation of the whole graph (:mod:`.compiler`); they run in Oxigraph on an
in-memory store of the data mixed with the ontology and the reference schemes (:mod:`.data`),
and the evidence quote checks run in Python in linear time (:mod:`.evidence`). Plain pyshacl
gives the same verdicts and results (tests/test_validation_native.py); importing this package
changes nothing in pyshacl.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyoxigraph as ox

from resolutions_kg.errors import ValidationError
from resolutions_kg.settings import DEFAULT_BASE_IRI
from resolutions_kg.validation.data import (
    DataInput,
    mixed_store,
    ontology_graph,
    reference_graph,
    shapes_graph,
)
from resolutions_kg.validation.engine import run
from resolutions_kg.validation.report import Report, Result

__all__ = [
    "DataInput",
    "Report",
    "Result",
    "ontology_graph",
    "reference_graph",
    "require_valid",
    "shapes_graph",
    "validate",
    "violations_error",
]


def validate(
    data: DataInput,
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    graphs: Sequence[str] | None = None,
    context: Iterable[ox.Triple | ox.Quad] | None = None,
) -> Report:
    """Validate ``data`` against the shapes, with the ontology and reference schemes mixed in.

    ``graphs`` restricts a dataset or store to those named graphs (IRIs as strings); otherwise
    every triple of every graph is validated together. ``base_iri`` is the base the reference
    schemes are minted under. With ``context`` (triples to look things up in, such as the
    registry's), the reference schemes and the context are mixed in only as far as the data
    reaches them (:mod:`.data`); without it, the reference schemes are mixed in whole and
    validated too.
    """
    return run(mixed_store(data, base_iri=base_iri, graphs=graphs, context=context))


def require_valid(
    data: DataInput,
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    graphs: Sequence[str] | None = None,
    context: Iterable[ox.Triple | ox.Quad] | None = None,
    path: str | None = None,
) -> Report:
    """Like :func:`validate`, but raise :class:`~resolutions_kg.errors.ValidationError` (with the
    report's text, and ``path`` naming the source document) when there is any violation."""
    report = validate(data, base_iri=base_iri, graphs=graphs, context=context)
    if not report.conforms:
        raise violations_error(report, path=path)
    return report


def violations_error(report: Report, *, path: str | None = None) -> ValidationError:
    """The error :func:`require_valid` raises for a ``report`` that does not conform."""
    return ValidationError(
        f"{len(report.violations)} SHACL violations", report=report.text(), path=path
    )
