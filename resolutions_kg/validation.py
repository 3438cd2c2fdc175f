"""Validate RDF against the project's SHACL shapes, and load the ontology package data.

    report = validate(graph)                 # rdflib Graph/Dataset, pyoxigraph Store/Dataset
    report.conforms                          # True when there is no violation (warnings allowed)
    for result in report.violations: ...     # focus node, path, value, message, severity
    print(report.text())

    require_valid(graph, path="tver-2012.txt")   # raises errors.ValidationError with the report

The data is validated together with the ontology (so that ``sh:class`` sees ``rdfs:subClassOf``)
and the reference schemes minted under ``base_iri`` (so that concepts such as
``{base}document-type/rezolyutsiya`` are known to be ``skos:Concept``), with no inference and with
SHACL Advanced Features (the quote checks are SHACL-SPARQL).

A document is validated with :func:`validate`'s ``context``: triples that are there to be looked
up (the organisations registry, the gazetteer) rather than checked. Then only the nodes the data
reaches are mixed in — every triple of each, following IRIs from the data through the reference
schemes and the context — so a document's own nodes meet exactly the triples they met before,
while the hundreds of reference nodes it never mentions are not validated again for every
document (tests check the reference data on its own). Nested shapes are evaluated in batches
(:mod:`resolutions_kg.shacl_batching`) and SHACL-SPARQL runs in Oxigraph
(:mod:`resolutions_kg.shacl_data`). Several documents can be validated in one run, with the
verdicts and reports of validating each alone (:mod:`resolutions_kg.shacl_together`).

The ontology files ship as package data of ``resolutions_kg.ontology``; :func:`ontology_graph`,
:func:`shapes_graph` and :func:`reference_graph` parse them once and return copies.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import pyoxigraph as ox
import pyshacl
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from resolutions_kg import shacl_batching
from resolutions_kg.errors import ValidationError
from resolutions_kg.namespaces import bind_prefixes
from resolutions_kg.settings import DEFAULT_BASE_IRI
from resolutions_kg.shacl_data import ValidationGraph, oxigraph_quad, rdflib_term

__all__ = [
    "Report",
    "Result",
    "ontology_graph",
    "reference_graph",
    "require_valid",
    "shapes_graph",
    "validate",
    "violations_error",
]

ONTOLOGY_PACKAGE = "resolutions_kg.ontology"
ONTOLOGY_FILE = "reskg.ttl"
SHAPES_FILE = "shapes.ttl"
#: Reference data written with relative IRIs, resolved against the data base IRI.
REFERENCE_FILES = ("schemes.ttl", "topics.ttl")

#: pyshacl adds axioms to the shapes graph it is given and rdflib's memory store is not safe for
#: concurrent writes, so one validation runs at a time (it is CPU-bound Python either way).
_PYSHACL_LOCK = threading.Lock()

shacl_batching.install()

#: What :func:`validate` accepts.
DataInput = Graph | ox.Store | ox.Dataset | Iterable[ox.Triple | ox.Quad]


# --- package data -----------------------------------------------------------------------------


def _read(name: str) -> str:
    return resources.files(ONTOLOGY_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _copy(graph: Graph) -> Graph:
    copy = bind_prefixes(Graph())
    for triple in graph:
        copy.add(triple)
    return copy


@functools.cache
def _ontology() -> Graph:
    return Graph().parse(data=_read(ONTOLOGY_FILE), format="turtle")


@functools.cache
def _shapes() -> Graph:
    return Graph().parse(data=_read(SHAPES_FILE), format="turtle")


@functools.cache
def _shapes_for_pyshacl() -> Graph:
    """pyshacl's own parsed copy of the shapes: it adds a few axioms to the graph it is given."""
    return _copy(_shapes())


@functools.lru_cache(maxsize=8)
def _reference(base_iri: str) -> Graph:
    graph = Graph()
    for name in REFERENCE_FILES:
        graph.parse(data=_read(name), format="turtle", publicID=base_iri)
    return graph


def ontology_graph() -> Graph:
    """The ontology (``ontology/reskg.ttl``); a fresh copy the caller may change."""
    return _copy(_ontology())


def shapes_graph() -> Graph:
    """The SHACL shapes (``ontology/shapes.ttl``); a fresh copy the caller may change."""
    return _copy(_shapes())


def reference_graph(base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """The reference schemes (topics, document types, event kinds, units) under ``base_iri``."""
    return _copy(_reference(base_iri))


# --- reports ------------------------------------------------------------------------------------

_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Result:
    """One SHACL result, in words."""

    severity: str
    focus: str
    path: str | None
    value: str | None
    message: str
    shape: str | None = None

    def __str__(self) -> str:
        where = self.focus + (f" {self.path}" if self.path else "")
        value = f" (value {self.value})" if self.value is not None else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass(frozen=True)
class Report:
    """What validation found. ``conforms`` ignores warnings and infos."""

    violations: list[Result]
    warnings: list[Result]
    infos: list[Result]
    #: The SHACL validation report as RDF.
    graph: Graph

    @property
    def conforms(self) -> bool:
        return not self.violations

    @property
    def results(self) -> list[Result]:
        return [*self.violations, *self.warnings, *self.infos]

    def text(self) -> str:
        violations = len(self.violations)
        head = "Conforms." if self.conforms else f"Does not conform: {violations} violations."
        counts = f" {len(self.warnings)} warnings." if self.warnings else ""
        return "\n".join([head + counts, *(str(result) for result in self.results)])


def _show(node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, Literal):
        return node.n3()
    if isinstance(node, URIRef):
        return f"<{node}>"
    return "[]"


def _show_path(graph: Graph, path: Node | None) -> str | None:
    if path is None or isinstance(path, URIRef):
        return _show(path)
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + (_show_path(graph, inverse) or "")
    if (path, RDF.first, None) in graph:
        return "/".join(_show_path(graph, step) or "" for step in graph.items(path))
    return "[]"


def _results(graph: Graph) -> list[Result]:
    found = []
    for node in graph.subjects(RDF.type, SH.ValidationResult):
        messages = sorted(str(m) for m in graph.objects(node, SH.resultMessage))
        severity = graph.value(node, SH.resultSeverity)
        found.append(
            Result(
                severity=_SEVERITIES.get(URIRef(str(severity)), str(severity)),
                focus=_show(graph.value(node, SH.focusNode)) or "",
                path=_show_path(graph, graph.value(node, SH.resultPath)),
                value=_show(graph.value(node, SH.value)),
                message=" ".join(messages),
                shape=_show(graph.value(node, SH.sourceShape)),
            )
        )
    return sorted(found, key=lambda r: (r.focus, r.path or "", r.message, r.value or ""))


# --- input --------------------------------------------------------------------------------------


def _to_rdflib(data: DataInput, graphs: Sequence[str] | None) -> ValidationGraph:
    """Every triple of ``data`` (of the named ``graphs`` only, when given) in one rdflib Graph."""
    wanted = None if graphs is None else {str(g) for g in graphs}
    merged = ValidationGraph()
    if isinstance(data, Dataset | ConjunctiveGraph):
        for s, p, o, g in data.quads((None, None, None, None)):
            graph_name = g.identifier if isinstance(g, Graph) else g
            if wanted is None or str(graph_name) in wanted:
                merged.add((s, p, o))
        return merged
    if isinstance(data, Graph):
        for triple in data:
            merged.add(triple)
        return merged
    if isinstance(data, ox.Store):
        statements: Iterable[ox.Triple | ox.Quad] = data.quads_for_pattern(None, None, None, None)
    else:
        statements = data
    for statement in statements:
        if isinstance(statement, ox.Quad) and wanted is not None:
            name = statement.graph_name
            if not isinstance(name, ox.NamedNode) or name.value not in wanted:
                continue
        twin = ox.Quad(statement.subject, statement.predicate, statement.object)
        merged.add_twin(
            (rdflib_term(twin.subject), rdflib_term(twin.predicate), rdflib_term(twin.object)),
            twin,
        )
    return merged


# --- validation ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _lookup(base_iri: str) -> dict[Node, list[tuple[Any, ox.Quad]]]:
    """The reference schemes' triples (and their pyoxigraph twins) by subject."""
    by_subject: dict[Node, list[tuple[Any, ox.Quad]]] = {}
    for triple in _reference(base_iri):
        by_subject.setdefault(triple[0], []).append((triple, oxigraph_quad(triple)))
    return by_subject


@functools.cache
def ontology_twins() -> list[tuple[Any, ox.Quad]]:
    """The ontology's triples, each with its pyoxigraph twin."""
    return [(triple, oxigraph_quad(triple)) for triple in _ontology()]


@functools.lru_cache(maxsize=4)
def _context_lookup(
    context: tuple[ox.Triple | ox.Quad, ...],
) -> dict[Node, list[tuple[Any, ox.Quad]]]:
    """The triples of ``context`` (and their pyoxigraph twins) by subject; a load passes the same
    registry and gazetteer for every document, so they are converted once."""
    by_subject: dict[Node, list[tuple[Any, ox.Quad]]] = {}
    for statement in context:
        twin = ox.Quad(statement.subject, statement.predicate, statement.object)
        triple = (rdflib_term(twin.subject), rdflib_term(twin.predicate), rdflib_term(twin.object))
        by_subject.setdefault(triple[0], []).append((triple, twin))
    return by_subject


def lookups(
    base_iri: str, context: Iterable[ox.Triple | ox.Quad]
) -> tuple[dict[Node, list[tuple[Any, ox.Quad]]], ...]:
    """The reference schemes' and ``context``'s triples (with their twins) by subject."""
    return _lookup(base_iri), _context_lookup(tuple(context))


@functools.lru_cache(maxsize=4)
def _known(base_iri: str, context: tuple[ox.Triple | ox.Quad, ...]) -> frozenset[Any]:
    return frozenset(triple for table in lookups(base_iri, context)
                     for twins in table.values() for triple, _ in twins)


def known_triples(base_iri: str, context: Iterable[ox.Triple | ox.Quad]) -> frozenset[Any]:
    """Every triple of the reference schemes and of ``context``, as rdflib triples."""
    return _known(base_iri, tuple(context))


def reachable(
    seeds: Iterable[Node], base_iri: str, context: Iterable[ox.Triple | ox.Quad]
) -> list[tuple[Any, ox.Quad]]:
    """Every triple (with its pyoxigraph twin) of the reference schemes and of ``context`` whose
    subject can be reached from ``seeds`` by following IRIs forward."""
    reference, extra = lookups(base_iri, context)
    frontier = [node for node in seeds if not isinstance(node, Literal)]
    seen: set[Node] = set()
    found: list[tuple[Any, ox.Quad]] = []
    while frontier:
        node = frontier.pop()
        if node in seen:
            continue
        seen.add(node)
        for triple, twin in (*reference.get(node, ()), *extra.get(node, ())):
            found.append((triple, twin))
            if not isinstance(triple[2], Literal):
                frontier.append(triple[2])
    return found


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
    reaches them (see the module's docstring); without it, the reference schemes are mixed in
    whole and validated too.
    """
    mixed = _to_rdflib(data, graphs)
    if context is None:
        for twins in _lookup(base_iri).values():
            for triple, twin in twins:
                mixed.add_twin(triple, twin)
    else:
        seeds = [node for triple in mixed for node in (triple[0], triple[2])]
        for triple, twin in reachable(seeds, base_iri, context):
            mixed.add_twin(triple, twin)
    for triple, twin in ontology_twins():
        mixed.add_twin(triple, twin)
    return run_pyshacl(mixed)


def run_pyshacl(mixed: ValidationGraph) -> Report:
    """Validate ``mixed`` — data, reference and ontology triples together — as it is."""
    with _PYSHACL_LOCK:
        _conforms, report_graph, _text = pyshacl.validate(
            mixed,
            shacl_graph=_shapes_for_pyshacl(),
            inference="none",
            advanced=True,
            inplace=True,
            allow_warnings=True,
            allow_infos=True,
        )
    results = _results(report_graph)
    return Report(
        violations=[r for r in results if r.severity == "Violation"],
        warnings=[r for r in results if r.severity == "Warning"],
        infos=[r for r in results if r.severity == "Info"],
        graph=report_graph,
    )


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
