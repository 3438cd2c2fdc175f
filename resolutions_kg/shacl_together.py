"""Validate several documents in one pyshacl run, with the verdicts of validating each alone.

    invalid = invalid_documents([doc1, doc2, ...], base_iri=..., context=registry_triples)
    invalid  # {index: Report} of the documents that do not conform, each its own exact report

A pyshacl run has a fixed cost (building the shapes, one pass over every shape's targets) that a
batch of documents pays once. The batch is only a fast way to the answer "every one of them
conforms": when the batch does not conform, each of its documents is validated alone, so a
report is always that of the document alone.

That answer is only sound if no document can make another conform. SHACL reads a document's
nodes through their outgoing triples (paths, ``sh:class``, nested shapes), through incoming
triples (``sh:inversePath``) and through SHACL-SPARQL. The batch graph ``G`` is the documents
``D_i``, the reference and context triples ``C_i`` each reaches, and the ontology ``O``; document
``i`` alone sees ``G_i = D_i ∪ C_i ∪ O``. Documents go into one batch only when:

1. every node that one document describes (is the subject of triples in it that are not reference
   or context triples) and that is a node of another's ``G_i`` is described by that other
   document with exactly the same triples, so every node of ``G_i`` has the same outgoing triples
   in ``G`` as in ``G_i`` (``C_i`` holds every reference and context triple about the nodes of
   ``D_i`` and ``C_i``, and no reference or context triple it holds is about an ontology term);
2. every focus node of a shape that reads incoming triples or runs SHACL-SPARQL (found in the
   shapes by :func:`guarded_targets`) occurs in one document only and in no reference, context
   or ontology triple, so its incoming triples in ``G`` are those of its own document; and each
   SHACL-SPARQL query runs on the triples of the document that owns ``$this`` alone
   (:meth:`~resolutions_kg.shacl_data.ValidationGraph.answer_by_owner`).

Then every focus node of ``G_i`` is a focus node of ``G`` (targets only grow with the data) and
its evaluation reads the same triples, so every result of ``G_i`` is a result of ``G``: a batch
that conforms is a batch of documents that each conform alone. Shapes that use a guarded shape
through ``sh:node``, ``sh:or`` and the like, or SPARQL-based targets, turn batching off.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Literal, Node

from resolutions_kg.settings import DEFAULT_BASE_IRI
from resolutions_kg.shacl_data import NotSeparable, ValidationGraph, rdflib_term
from resolutions_kg.validation import (
    Report,
    known_triples,
    ontology_twins,
    reachable,
    run_pyshacl,
    shapes_graph,
    validate,
)

__all__ = ["GuardedTargets", "batches", "guarded_targets", "invalid_documents"]

#: Documents validated in one pyshacl run at most.
BATCH = 8

#: Parameters whose values are shapes evaluated on value nodes rather than on the focus node.
_NESTING = (SH.node, SH.qualifiedValueShape, SH["not"], SH["and"], SH["or"], SH.xone)

#: Parameters of SHACL Advanced Features (and pyshacl's JavaScript) this module does not analyse.
_UNANALYSED = (SH.target, SH.rule, SH.expression, SH.js, SH.jsFunctionName)

Pair = tuple[Any, ox.Quad]


@dataclass(frozen=True)
class GuardedTargets:
    """The targets of the shapes that read incoming triples or run SHACL-SPARQL."""

    classes: frozenset[Node] = frozenset()
    nodes: frozenset[Node] = frozenset()
    subjects_of: frozenset[Node] = frozenset()
    objects_of: frozenset[Node] = frozenset()


def _reads_backwards(shapes: Graph, shape: Node) -> bool:
    if (shape, SH.sparql, None) in shapes:
        return True
    path = shapes.value(shape, SH.path)
    if path is None:
        return False
    todo, seen = [path], set()
    while todo:
        node = todo.pop()
        if node in seen or isinstance(node, Literal):
            continue
        seen.add(node)
        for p, o in shapes.predicate_objects(node):
            if p == SH.inversePath:
                return True
            todo.append(o)
    return False


def guarded_targets(shapes: Graph) -> GuardedTargets | None:
    """The targets of every shape that reads incoming triples or runs SHACL-SPARQL, itself or
    through its ``sh:property`` shapes; None when such a shape is also evaluated on value nodes
    (through ``sh:node``, ``sh:or`` …) or the shapes use what reads or changes the data in other
    ways (SPARQL-based targets and components, rules, node expressions, JavaScript)."""
    if any((None, p, None) in shapes for p in _UNANALYSED) or (
        None, RDF.type, SH.ConstraintComponent) in shapes:
        return None

    @functools.cache
    def guarded(shape: Node) -> bool:
        return _reads_backwards(shapes, shape) or any(
            guarded(p) for p in shapes.objects(shape, SH.property))

    nested: set[Node] = set()
    for parameter in _NESTING:
        for value in shapes.objects(None, parameter):
            nested.update(shapes.items(value) if (value, RDF.first, None) in shapes else [value])
    if any(guarded(shape) for shape in nested):
        return None
    found: dict[str, set[Node]] = {"classes": set(), "nodes": set(), "subjects_of": set(),
                                   "objects_of": set()}
    shapes_with_targets = {s for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf,
                                       SH.targetObjectsOf) for s in shapes.subjects(p, None)}
    implicit = {s for c in (RDFS.Class, OWL.Class) for s in shapes.subjects(RDF.type, c)}
    for shape in shapes_with_targets | implicit:
        if not guarded(shape):
            continue
        found["classes"].update(shapes.objects(shape, SH.targetClass))
        if shape in implicit:
            found["classes"].add(shape)
        found["nodes"].update(shapes.objects(shape, SH.targetNode))
        found["subjects_of"].update(shapes.objects(shape, SH.targetSubjectsOf))
        found["objects_of"].update(shapes.objects(shape, SH.targetObjectsOf))
    return GuardedTargets(**{k: frozenset(v) for k, v in found.items()})


@functools.cache
def _our_guarded_targets() -> GuardedTargets | None:
    return guarded_targets(shapes_graph())


@functools.cache
def _ontology_nodes() -> frozenset[Node]:
    return frozenset(n for triple, _ in ontology_twins() for n in (triple[0], triple[2])
                     if not isinstance(n, Literal))


@dataclass
class _Document:
    """One document, with what the independence checks need."""

    pairs: list[Pair]
    reached: list[Pair]
    #: Subject → the document's triples about it that no reference or context triple repeats
    #: (those are in the batch and in the document's own graph alike).
    described: dict[Node, frozenset[Any]] = field(default_factory=dict)
    #: Every IRI or blank node of its triples.
    mentions: set[Node] = field(default_factory=set)
    #: Every node of the graph it is validated in alone (its own, reached and ontology nodes).
    sees: set[Node] = field(default_factory=set)
    #: It may join a batch at all (no reference or context triple it reaches is about an
    #: ontology term).
    batchable: bool = True


def _document(triples: Iterable[ox.Triple | ox.Quad], base_iri: str,
              context: Sequence[ox.Triple | ox.Quad]) -> _Document:
    pairs = []
    for statement in triples:
        twin = ox.Quad(statement.subject, statement.predicate, statement.object)
        pairs.append(((rdflib_term(twin.subject), rdflib_term(twin.predicate),
                       rdflib_term(twin.object)), twin))
    known = known_triples(base_iri, context)
    described: dict[Node, set[Any]] = {}
    mentions: set[Node] = set()
    for triple, _ in pairs:
        mentions.add(triple[0])
        if not isinstance(triple[2], Literal):
            mentions.add(triple[2])
        if triple not in known:
            described.setdefault(triple[0], set()).add(triple)
    reached = reachable(mentions, base_iri, context)
    ontology = _ontology_nodes()
    sees = set(mentions) | ontology
    for triple, _ in reached:
        sees.add(triple[0])
        if not isinstance(triple[2], Literal):
            sees.add(triple[2])
    return _Document(
        pairs=pairs, reached=reached,
        described={s: frozenset(ts) for s, ts in described.items()},
        mentions=mentions, sees=sees,
        batchable=not any(triple[0] in ontology for triple, _ in reached),
    )


def _compatible(a: _Document, b: _Document) -> bool:
    """Check 1 of the module's docstring, both ways."""
    for one, other in ((a, b), (b, a)):
        for subject, triples in one.described.items():
            if subject in other.sees and other.described.get(subject) != triples:
                return False
    return True


def _groups(documents: list[_Document], size: int) -> list[list[int]]:
    """Batches of mutually compatible documents, first fit, in order."""
    groups: list[list[int]] = []
    for i, document in enumerate(documents):
        if document.batchable:
            for group in groups:
                if len(group) < size and all(
                    documents[j].batchable and _compatible(document, documents[j])
                    for j in group
                ):
                    group.append(i)
                    break
            else:
                groups.append([i])
        else:
            groups.append([i])
    return groups


def _guarded_foci(graph: Graph, targets: GuardedTargets) -> set[Node]:
    foci: set[Node] = set(targets.nodes)
    for cls in targets.classes:
        for sub in graph.transitive_subjects(RDFS.subClassOf, cls):
            foci.update(graph.subjects(RDF.type, sub))
    for predicate in targets.subjects_of:
        foci.update(s for s, _ in graph.subject_objects(predicate))
    for predicate in targets.objects_of:
        foci.update(o for _, o in graph.subject_objects(predicate))
    return foci


def _conforms_together(documents: list[_Document], targets: GuardedTargets) -> bool:
    """Whether the documents, validated in one run, all conform; False also when check 2 of
    the module's docstring fails (then each is validated alone)."""
    graph = ValidationGraph()
    common: set[Node] = set(_ontology_nodes())
    for document in documents:
        for triple, twin in document.pairs:
            graph.add_twin(triple, twin)
    reached = {triple: twin for document in documents for triple, twin in document.reached}
    for triple, twin in reached.items():
        graph.add_twin(triple, twin)
        common.add(triple[0])
        common.add(triple[2])
    for triple, twin in ontology_twins():
        graph.add_twin(triple, twin)
    counts = Counter(node for document in documents for node in document.mentions)
    owners = {node: i for i, document in enumerate(documents) for node in document.mentions
              if counts[node] == 1 and node not in common}
    if any(focus not in owners for focus in _guarded_foci(graph, targets)):
        return False
    onto = ontology_twins()
    graph.answer_by_owner(owners, [
        [twin for _, twin in (*document.pairs, *document.reached, *onto)]
        for document in documents
    ])
    try:
        return run_pyshacl(graph).conforms
    except NotSeparable:
        return False


def _prepare(documents: Sequence[Sequence[ox.Triple | ox.Quad]], base_iri: str,
             context: list[ox.Triple | ox.Quad]) -> list[_Document]:
    return [_document(d, base_iri, context) for d in documents]


def batches(
    documents: Sequence[Iterable[ox.Triple | ox.Quad]],
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    context: Iterable[ox.Triple | ox.Quad] = (),
    batch: int = BATCH,
) -> list[list[int]]:
    """The indexes of the ``documents`` that :func:`invalid_documents` validates in one run
    (at most ``batch`` each, every document in one of them; a batch of one is validated
    alone). Documents that fail check 2 of the module's docstring are split later."""
    if _our_guarded_targets() is None or batch <= 1:
        return [[i] for i in range(len(documents))]
    return _groups(_prepare([list(d) for d in documents], base_iri, list(context)), batch)


def invalid_documents(
    documents: Sequence[Iterable[ox.Triple | ox.Quad]],
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    context: Iterable[ox.Triple | ox.Quad] = (),
    batch: int = BATCH,
) -> dict[int, Report]:
    """The reports of the ``documents`` that do not conform, by index, each exactly as
    :func:`~resolutions_kg.validation.validate` (with the same ``context``) reports it alone."""
    context = list(context)
    triples = [list(d) for d in documents]
    targets = _our_guarded_targets()
    alone: list[int] = []
    if targets is None or batch <= 1:
        alone = list(range(len(triples)))
    else:
        prepared = _prepare(triples, base_iri, context)
        for group in _groups(prepared, batch):
            if len(group) == 1 or not _conforms_together([prepared[i] for i in group], targets):
                alone.extend(group)
    invalid = {}
    for i in sorted(alone):
        report = validate(triples[i], base_iri=base_iri, context=context)
        if not report.conforms:
            invalid[i] = report
    return invalid
