"""The ontology package data, and the graph a validation runs on.

The data is validated together with the ontology (so that ``sh:class`` sees ``rdfs:subClassOf``)
and the reference schemes minted under ``base_iri`` (so that concepts such as
``{base}document-type/rezolyutsiya`` are known to be ``skos:Concept``), with no inference.

With a ``context`` (triples that are there to be looked up — the organisations registry, the
gazetteer — rather than checked), only the nodes the data reaches are mixed in: every triple of
each, following IRIs from the data through the reference schemes and the context. A document's
own nodes meet exactly the triples they would meet in the whole, while the hundreds of
reference nodes it never mentions are not validated again for every document (tests check the
reference data on its own).

The ontology files ship as package data of ``resolutions_kg.ontology``; :func:`ontology_graph`,
:func:`shapes_graph` and :func:`reference_graph` parse them once and return copies.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.term import Node

from resolutions_kg.namespaces import bind_prefixes
from resolutions_kg.settings import DEFAULT_BASE_IRI

ONTOLOGY_PACKAGE = "resolutions_kg.ontology"
ONTOLOGY_FILE = "reskg.ttl"
SHAPES_FILE = "shapes.ttl"
#: Reference data written with relative IRIs, resolved against the data base IRI.
REFERENCE_FILES = ("schemes.ttl", "topics.ttl")

#: What :func:`~resolutions_kg.validation.validate` accepts; ``bytes`` are N-Triples (UTF-8).
DataInput = Graph | ox.Store | ox.Dataset | bytes | Iterable[ox.Triple | ox.Quad]

Statement = ox.Triple | ox.Quad


def read(name: str) -> str:
    return resources.files(ONTOLOGY_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _copy(graph: Graph) -> Graph:
    copy = bind_prefixes(Graph())
    for triple in graph:
        copy.add(triple)
    return copy


@functools.cache
def _ontology() -> Graph:
    return Graph().parse(data=read(ONTOLOGY_FILE), format="turtle")


@functools.cache
def _shapes() -> Graph:
    return Graph().parse(data=read(SHAPES_FILE), format="turtle")


@functools.lru_cache(maxsize=8)
def _reference(base_iri: str) -> Graph:
    graph = Graph()
    for name in REFERENCE_FILES:
        graph.parse(data=read(name), format="turtle", publicID=base_iri)
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


# --- terms --------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=100_000)
def _ox_iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def oxigraph_term(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph form of an rdflib term."""
    if isinstance(node, URIRef):
        return _ox_iri(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return ox.Literal(str(node), datatype=_ox_iri(str(node.datatype)))
        return ox.Literal(str(node))
    raise TypeError(f"cannot validate RDF term {node!r}")


def _triples(graph: Graph) -> list[ox.Triple]:
    return [ox.Triple(*(oxigraph_term(n) for n in triple))  # type: ignore[arg-type]
            for triple in graph]


@functools.cache
def ontology_triples() -> tuple[ox.Triple, ...]:
    return tuple(_triples(_ontology()))


@functools.cache
def _ontology_quads() -> tuple[ox.Quad, ...]:
    return tuple(ox.Quad(t.subject, t.predicate, t.object) for t in ontology_triples())


@functools.lru_cache(maxsize=8)
def _reference_quads(base_iri: str) -> tuple[ox.Quad, ...]:
    return tuple(ox.Quad(t.subject, t.predicate, t.object) for t in reference_triples(base_iri))


@functools.lru_cache(maxsize=8)
def reference_triples(base_iri: str) -> tuple[ox.Triple, ...]:
    return tuple(_triples(_reference(base_iri)))


# --- what is validated --------------------------------------------------------------------------


def data_triples(data: DataInput, graphs: Sequence[str] | None) -> list[ox.Triple]:
    """Every triple of ``data`` (of the named ``graphs`` only, when given)."""
    wanted = None if graphs is None else {str(g) for g in graphs}
    if isinstance(data, Dataset | ConjunctiveGraph):
        found = []
        for s, p, o, g in data.quads((None, None, None, None)):
            name = g.identifier if isinstance(g, Graph) else g
            if wanted is None or str(name) in wanted:
                found.append(ox.Triple(oxigraph_term(s), oxigraph_term(p),  # type: ignore[arg-type]
                                       oxigraph_term(o)))
        return found
    if isinstance(data, Graph):
        return _triples(data)
    statements: Iterable[Statement]
    if isinstance(data, bytes):
        statements = ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    elif isinstance(data, ox.Store):
        statements = data.quads_for_pattern(None, None, None, None)
    else:
        statements = data
    triples = []
    for statement in statements:
        if isinstance(statement, ox.Quad):
            if wanted is not None:
                graph_name = statement.graph_name
                if not isinstance(graph_name, ox.NamedNode) or graph_name.value not in wanted:
                    continue
            triples.append(statement.triple)
        else:
            triples.append(statement)
    return triples


Lookup = dict[object, list[ox.Triple]]


def _by_subject(triples: Iterable[Statement]) -> Lookup:
    table: Lookup = {}
    for t in triples:
        triple = t.triple if isinstance(t, ox.Quad) else t
        table.setdefault(triple.subject, []).append(triple)
    return table


@functools.lru_cache(maxsize=8)
def _reference_lookup(base_iri: str) -> Lookup:
    return _by_subject(reference_triples(base_iri))


@functools.lru_cache(maxsize=4)
def _context_lookup(context: tuple[Statement, ...]) -> Lookup:
    """A load passes the same registry and gazetteer for every document: indexed once."""
    return _by_subject(context)


def reachable(seeds: Iterable[object], base_iri: str,
              context: Iterable[Statement]) -> list[ox.Triple]:
    """Every triple of the reference schemes and of ``context`` whose subject can be reached
    from ``seeds`` by following IRIs and blank nodes forward."""
    reference, extra = _reference_lookup(base_iri), _context_lookup(tuple(context))
    frontier = [node for node in seeds if not isinstance(node, ox.Literal)]
    seen: set[object] = set()
    found: list[ox.Triple] = []
    while frontier:
        node = frontier.pop()
        if node in seen:
            continue
        seen.add(node)
        for triple in (*reference.get(node, ()), *extra.get(node, ())):
            found.append(triple)
            if not isinstance(triple.object, ox.Literal):
                frontier.append(triple.object)
    return found


def mixed_store(
    data: DataInput,
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    graphs: Sequence[str] | None = None,
    context: Iterable[Statement] | None = None,
) -> ox.Store:
    """An in-memory store, default graph only, of ``data`` with the reference schemes (whole,
    or as far as the data reaches them through ``context``) and the ontology mixed in.

    N-Triples (``bytes``) without blank nodes go in through Oxigraph's own parser, with no
    Python object per triple (a large document has a million); the reference and context
    nodes they mention are then looked up in the store."""
    store = ox.Store()
    if isinstance(data, bytes) and graphs is None and b"_:" not in data:
        # (Store.load would give blank nodes fresh labels)
        store.load(data, format=ox.RdfFormat.N_TRIPLES)
        seeds: Iterable[object] = () if context is None else [
            node for node in (*_reference_lookup(base_iri), *_context_lookup(tuple(context)))
            if _mentioned(store, node)]
    else:
        triples = data_triples(data, graphs)
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        seeds = {node for t in triples for node in (t.subject, t.object)}
    if context is None:
        store.extend(_reference_quads(base_iri))
    else:
        store.extend(ox.Quad(t.subject, t.predicate, t.object)
                     for t in reachable(seeds, base_iri, context))
    store.extend(_ontology_quads())
    return store


def _mentioned(store: ox.Store, node: Any) -> bool:
    """Whether ``node`` is the subject or the object of a triple in ``store``."""
    return (next(store.quads_for_pattern(node, None, None, None), None) is not None
            or next(store.quads_for_pattern(None, None, node, None), None) is not None)
