"""Describing one resource: what a dereferenced IRI returns.

:func:`describe` gathers, from the union of the store's graphs,

- the resource's own triples, following blank nodes and the hash IRIs of the same document
  (``…/evidence/k`` brings ``…/evidence/k#target``, ``#position`` and ``#quote``), so that a hash
  IRI is served by its document IRI;
- the triples that point at it (incoming links, up to a limit);
- the labels of every resource it links to, so a client can show names without more requests;
- for a named graph IRI (and for the ontology IRI, whose document is ``{base}graph/ontology``) the
  graph's content.

:func:`rdf_bytes` serialises a :class:`Description` in any RDF format pyoxigraph writes. The
triple formats give its triples. The quad formats (TriG, N-Quads) give a dataset a linked-data
client can use as it is (:func:`dataset_quads`): the description in the default graph, with the
provenance of the document stated there as triples (``<document> foaf:primaryTopic <resource>;
prov:wasDerivedFrom <graph>`` for each graph it was read from), and each triple again in the named
graph it came from. Nothing here knows about HTTP.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from resolutions_kg.formats import RdfFormat
from resolutions_kg.namespaces import (
    DCTERMS,
    OA,
    ONTOLOGY_IRI,
    ONTOLOGY_VERSION_IRI,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    RESKG,
    SCHEMA,
    SKOS,
)

#: Predicates whose literal objects name a resource, best first.
LABEL_PREDICATES: tuple[str, ...] = (
    str(SKOS.prefLabel),
    str(RDFS.label),
    str(SCHEMA.name),
    str(DCTERMS.title),
)
_LABEL_NODES = tuple(ox.NamedNode(p) for p in LABEL_PREDICATES)
#: FOAF is not among our vocabularies: only the document's provenance uses its primaryTopic.
FOAF_NS = "http://xmlns.com/foaf/0.1/"
_PRIMARY_TOPIC = ox.NamedNode(FOAF_NS + "primaryTopic")

#: Most incoming links returned for one resource.
INCOMING_LIMIT = 1000

#: Format of each RDF media type we serve (:class:`~resolutions_kg.formats.RdfFormat`'s, in its
#: order of preference), and the file suffix that asks for it.
RDF_MEDIA_TYPES: dict[str, ox.RdfFormat] = {f.media_type: f.pyoxigraph for f in RdfFormat}
SUFFIXES: dict[str, str] = {f.suffix: f.media_type for f in RdfFormat} | {"html": "text/html"}
#: Media types of the formats that carry graph names.
QUAD_MEDIA_TYPES = frozenset(f.media_type for f in RdfFormat if f.names_graphs)

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass
class Description:
    """What the store says about one IRI."""

    iri: str
    #: the resource's triples, and those of its blank nodes and same-document hash IRIs
    quads: list[ox.Quad] = field(default_factory=list)
    #: triples whose object is the resource (or one of its hash IRIs)
    incoming: list[ox.Quad] = field(default_factory=list)
    #: label triples of the resources linked to
    labels: list[ox.Quad] = field(default_factory=list)
    #: the named graph this IRI is the name (or document) of, if any
    graph: str | None = None
    #: the content of that graph
    graph_quads: list[ox.Quad] = field(default_factory=list)

    def subjects(self) -> list[ox.NamedNode | ox.BlankNode]:
        """Subjects of :attr:`quads` in first-seen order (the resource first when it has any)."""
        seen: dict[str, ox.NamedNode | ox.BlankNode] = {}
        for q in self.quads:
            if isinstance(q.subject, ox.NamedNode | ox.BlankNode):
                seen.setdefault(str(q.subject), q.subject)
        return list(seen.values())

    def all_quads(self) -> list[ox.Quad]:
        """Everything to serialise, deduplicated, in a stable order."""
        return _sorted_unique([*self.quads, *self.incoming, *self.labels, *self.graph_quads])

    def triples(self) -> list[ox.Triple]:
        return sorted({q.triple for q in self.all_quads()}, key=_triple_key)


def document_iri(iri: str) -> str:
    """The IRI without its fragment: the document that serves it."""
    return iri.split("#", 1)[0]


def exists(store: ox.Store, iri: str) -> bool:
    """True when ``iri`` appears as subject, object or graph name anywhere in the store."""
    node = ox.NamedNode(iri)
    if next(store.quads_for_pattern(node, None, None), None) is not None:
        return True
    if next(store.quads_for_pattern(None, None, node), None) is not None:
        return True
    return store.contains_named_graph(node)


def describe(
    store: ox.Store,
    iri: str,
    *,
    ontology_graph: str | None = None,
    incoming_limit: int = INCOMING_LIMIT,
) -> Description | None:
    """The description of ``iri`` (a document IRI, no fragment), or None when the store has
    nothing about it. ``ontology_graph`` names the graph that is the ontology IRI's document."""
    node = ox.NamedNode(iri)
    description = Description(iri)
    description.quads = list(_closure(store, [node], iri))
    description.incoming = _incoming(store, node, iri, description, incoming_limit)

    graph = _document_graph(store, iri, ontology_graph)
    if graph is not None:
        description.graph = graph
        content = store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        description.graph_quads = list(content)
    if not (description.quads or description.incoming or description.graph is not None):
        return None
    description.labels = list(_labels_of_links(store, description))
    return description


def _document_graph(store: ox.Store, iri: str, ontology_graph: str | None) -> str | None:
    if store.contains_named_graph(ox.NamedNode(iri)):
        return iri
    if ontology_graph and iri in (str(ONTOLOGY_IRI), str(ONTOLOGY_VERSION_IRI)):
        if store.contains_named_graph(ox.NamedNode(ontology_graph)):
            return ontology_graph
    return None


def _same_document(term: Term, doc: str) -> bool:
    return isinstance(term, ox.NamedNode) and term.value.startswith(doc + "#")


def _closure(
    store: ox.Store, start: list[ox.NamedNode | ox.BlankNode], doc: str
) -> Iterator[ox.Quad]:
    """Quads of ``start``, following blank nodes and ``doc#…`` IRIs, each subject once."""
    queue = list(start)
    seen = {str(n) for n in queue}
    while queue:
        subject = queue.pop(0)
        for quad in store.quads_for_pattern(subject, None, None):
            yield quad
            obj = quad.object
            if (isinstance(obj, ox.BlankNode) or _same_document(obj, doc)) and str(obj) not in seen:
                seen.add(str(obj))
                queue.append(obj)  # type: ignore[arg-type]


def _incoming(
    store: ox.Store, node: ox.NamedNode, doc: str, description: Description, limit: int
) -> list[ox.Quad]:
    """Links into the resource. Hash IRIs of the document found this way (an ontology term's
    ``rdfs:isDefinedBy``) join the description with their own closure."""
    incoming: list[ox.Quad] = []
    extra: list[ox.NamedNode | ox.BlankNode] = []
    described = {str(q.subject) for q in description.quads}
    for quad in store.quads_for_pattern(None, None, node):
        if _same_document(quad.subject, doc):
            if str(quad.subject) not in described:
                described.add(str(quad.subject))
                extra.append(quad.subject)  # type: ignore[arg-type]
            continue
        if len(incoming) < limit:
            incoming.append(quad)
    if extra:
        known = set(description.quads)
        description.quads.extend(q for q in _closure(store, extra, doc) if q not in known)
    return incoming


def _labels_of_links(store: ox.Store, description: Description) -> Iterator[ox.Quad]:
    described = {str(s) for s in description.subjects()}
    linked: dict[str, ox.NamedNode] = {}
    for q in description.quads:
        if isinstance(q.object, ox.NamedNode) and str(q.object) not in described:
            linked.setdefault(str(q.object), q.object)
    for q in description.incoming:
        if isinstance(q.subject, ox.NamedNode):
            linked.setdefault(str(q.subject), q.subject)
    for node in linked.values():
        for predicate in _LABEL_NODES:
            yield from store.quads_for_pattern(node, predicate, None)


def _sorted_unique(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    return sorted(set(quads), key=lambda q: (str(q.graph_name), *_triple_key(q.triple)))


def _triple_key(t: ox.Triple) -> tuple[str, str, str]:
    return (str(t.subject), str(t.predicate), str(t.object))


def rdf_bytes(
    description: Description, media_type: str, *, prefixes: dict[str, str] | None = None
) -> bytes:
    """``description`` serialised as ``media_type`` (one of :data:`RDF_MEDIA_TYPES`). In a quad
    format the document served is named by the resource's IRI with the format's suffix
    (``….nq``, which dereferences to the same bytes): the subject of :func:`dataset_quads`'
    provenance triples."""
    if media_type not in QUAD_MEDIA_TYPES:
        return serialize_terms(description.triples(), media_type, prefixes=prefixes)
    document = f"{description.iri}.{RDF_MEDIA_TYPES[media_type].file_extension}"
    used = (PREFIXES if prefixes is None else prefixes) | {"foaf": FOAF_NS}
    return serialize_terms(dataset_quads(description, document=document), media_type,
                           prefixes=used)


def dataset_quads(description: Description, *, document: str) -> list[ox.Quad]:
    """The description as a dataset: its triples and the document's provenance in the default
    graph (a client reading the default graph, as SPARQL does, finds everything there), then
    every triple again in the named graph it was read from. ``document``
    ``prov:wasDerivedFrom`` each of those named graphs."""
    named = description.all_quads()
    doc = ox.NamedNode(document)
    sources = sorted({q.graph_name for q in named if isinstance(q.graph_name, ox.NamedNode)},
                     key=str)
    provenance = [
        ox.Triple(doc, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(PROV.Entity))),
        ox.Triple(doc, _PRIMARY_TOPIC, ox.NamedNode(description.iri)),
        *(ox.Triple(doc, ox.NamedNode(str(PROV.wasDerivedFrom)), g) for g in sources),
    ]
    default = sorted({*description.triples(), *provenance}, key=_triple_key)
    return [*(ox.Quad(t.subject, t.predicate, t.object) for t in default),
            *(q for q in named if isinstance(q.graph_name, ox.NamedNode))]


def serialize_terms(
    terms: Iterable[ox.Quad] | Iterable[ox.Triple],
    media_type: str,
    *,
    prefixes: dict[str, str] | None = None,
) -> bytes:
    """Triples or quads as ``media_type``; quads are reduced to triples for triple formats."""
    fmt = RDF_MEDIA_TYPES[media_type]
    items: list[ox.Triple] | list[ox.Quad]
    given = [t if isinstance(t, ox.Quad) else ox.Quad(t.subject, t.predicate, t.object)
             for t in terms]
    if media_type in QUAD_MEDIA_TYPES:
        items = given
    else:
        items = sorted({q.triple for q in given}, key=_triple_key)
    if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
        return ox.serialize(items, format=fmt) or b""
    used = PREFIXES if prefixes is None else prefixes
    return ox.serialize(items, format=fmt, prefixes=used) or b""


def pick_label(
    labels: Iterable[ox.Literal], languages: tuple[str, ...] = ("ru", "en")
) -> str | None:
    """The first label in the first of ``languages``; then an untagged one; then any."""
    labels = list(labels)
    for lang in languages:
        for label in labels:
            if (label.language or "").lower().split("-")[0] == lang:
                return label.value
    for label in labels:
        if not label.language:
            return label.value
    return labels[0].value if labels else None


@dataclass(frozen=True)
class Evidence:
    """One Web Annotation tying a fact about a resource to a span of its source text."""

    annotation: str
    #: the property the fact states (``reskg:evidenceFor``), if given
    property: str | None
    source: str | None
    start: int | None
    end: int | None
    exact: str | None


def evidence_for(store: ox.Store, iri: str) -> list[Evidence]:
    """The annotations whose ``oa:hasBody`` is ``iri``, in a stable order."""
    found = []
    for quad in store.quads_for_pattern(None, ox.NamedNode(str(OA.hasBody)), ox.NamedNode(iri)):
        annotation = quad.subject
        prop = _object(store, annotation, RESKG.evidenceFor)
        target = _object(store, annotation, OA.hasTarget)
        source = start = end = exact = None
        if isinstance(target, ox.NamedNode | ox.BlankNode):
            source = _object(store, target, OA.hasSource)
            for selector in store.quads_for_pattern(
                target, ox.NamedNode(str(OA.hasSelector)), None
            ):
                node = selector.object
                if not isinstance(node, ox.NamedNode | ox.BlankNode):
                    continue
                begin, finish = _object(store, node, OA.start), _object(store, node, OA.end)
                if isinstance(begin, ox.Literal) and isinstance(finish, ox.Literal):
                    start, end = int(begin.value), int(finish.value)
                quoted = _object(store, node, OA.exact)
                if isinstance(quoted, ox.Literal):
                    exact = quoted.value
        found.append(
            Evidence(
                annotation=(annotation.value if isinstance(annotation, ox.NamedNode)
                            else str(annotation)),
                property=prop.value if isinstance(prop, ox.NamedNode) else None,
                source=source.value if isinstance(source, ox.NamedNode) else None,
                start=start,
                end=end,
                exact=exact,
            )
        )
    return sorted(found, key=lambda e: (e.property or "", e.annotation))


def source_text(store: ox.Store, source: str) -> str | None:
    """The ``rdf:value`` of a source text rendition."""
    value = _object(store, ox.NamedNode(source), RDF.value)
    return value.value if isinstance(value, ox.Literal) else None


def _object(store: ox.Store, subject: Term, predicate: object) -> Term | None:
    if not isinstance(subject, ox.NamedNode | ox.BlankNode):
        return None
    quad = next(store.quads_for_pattern(subject, ox.NamedNode(str(predicate)), None), None)
    return quad.object if quad is not None else None
