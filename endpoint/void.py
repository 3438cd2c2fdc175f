"""Self-description: VoID + DCAT for the dataset, and the SPARQL Service Description.

:func:`void_triples` describes ``{base}dataset`` (served at ``/dataset`` and
``/.well-known/void``): titles and descriptions in ru and en, licence, publisher, dates,
statistics counted with SPARQL over the union of all graphs (the same counts a client gets from
the endpoint), class and property partitions, one linkset per external target (Wikidata, GeoNames,
UNESCO Thesaurus), and a DCAT distribution per dump with its size and sha256.

:func:`service_description` is what ``GET /sparql`` without a ``query`` returns.

Every node has an IRI: the parts of the description are hash IRIs of ``{base}dataset`` and
``{base}sparql``, so they dereference with their document.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox
from rdflib.namespace import FOAF

from resolutions_kg.endpoint.dumps import DumpFile
from resolutions_kg.endpoint.linkeddata import serialize_terms
from resolutions_kg.namespaces import (
    DCAT,
    DCTERMS,
    OWL,
    PREFIXES,
    RDF,
    RESKG,
    SD,
    SKOS,
    SPDX,
    VOID,
    XSD,
)
from resolutions_kg.release import release_iri

LICENSE = "https://creativecommons.org/publicdomain/zero/1.0/"
IANA = "https://www.iana.org/assignments/media-types/"
FORMATS_NS = "http://www.w3.org/ns/formats/"

#: External datasets we link to: key, title, the IRI prefixes of their resources, homepage.
LINK_TARGETS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("wikidata", "Wikidata", ("http://www.wikidata.org/entity/",
                              "https://www.wikidata.org/entity/"), "https://www.wikidata.org/"),
    ("geonames", "GeoNames", ("https://sws.geonames.org/", "http://sws.geonames.org/"),
     "https://www.geonames.org/"),
    ("unesco", "UNESCO Thesaurus", ("http://vocabularies.unesco.org/thesaurus/",
                                    "https://vocabularies.unesco.org/thesaurus/"),
     "https://vocabularies.unesco.org/browser/thesaurus/"),
)  # fmt: skip
LINK_PREDICATES: tuple[str, ...] = (
    str(OWL.sameAs),
    str(SKOS.exactMatch),
    str(SKOS.closeMatch),
    str(SKOS.broadMatch),
    str(SKOS.narrowMatch),
    str(SKOS.relatedMatch),
)

TITLE = {
    "ru": "Резолюции библиотечных, музейных и городских конференций",
    "en": "Resolutions of library, museum and city conferences",
}
DESCRIPTION = {
    "ru": "Резолюции конференций в виде связанных открытых данных: рекомендации и их адресаты, "
    "события, участники, темы, с текстовым обоснованием каждого факта.",
    "en": "Conference resolutions as linked open data: recommendations and whom they address, "
    "the events, participants and topics, with textual evidence for every fact.",
}
PUBLISHER_NAME = "resolutions-kg"

#: SPARQL result and RDF formats the endpoint answers in (W3C format IRIs).
RESULT_FORMATS = (
    "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
    "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "TriG", "N-Quads",
)  # fmt: skip


class _Graph:
    """A list of triples with helpers for building it."""

    def __init__(self) -> None:
        self.triples: list[ox.Triple] = []

    def add(self, s: str, p: Any, o: ox.NamedNode | ox.Literal | str) -> None:
        obj = ox.NamedNode(o) if isinstance(o, str) else o
        self.triples.append(ox.Triple(ox.NamedNode(s), ox.NamedNode(str(p)), obj))

    def lit(self, s: str, p: Any, value: object, datatype: Any = None, lang: str | None = None
            ) -> None:
        if lang is not None:
            literal = ox.Literal(str(value), language=lang)
        elif datatype is not None:
            literal = ox.Literal(str(value), datatype=ox.NamedNode(str(datatype)))
        else:
            literal = ox.Literal(str(value))
        self.add(s, p, literal)


def _count(store: ox.Store, query: str) -> list[tuple[str, int]]:
    rows = store.query(query, use_default_graph_as_union=True)
    assert isinstance(rows, ox.QuerySolutions)
    out = []
    for row in rows:
        key, n = row[0], row[1]
        out.append(("" if key is None else key.value, int(n.value) if n is not None else 0))
    return out


def _one(store: ox.Store, query: str) -> int:
    rows = store.query(query, use_default_graph_as_union=True)
    assert isinstance(rows, ox.QuerySolutions)
    for row in rows:
        return int(row[0].value) if row[0] is not None else 0
    return 0


def statistics(store: ox.Store, base_iri: str) -> dict[str, Any]:
    """Counts over the union of all graphs, as SPARQL computes them."""
    distinct = "{ SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }"
    stats: dict[str, Any] = {
        "triples": _one(store, f"SELECT (COUNT(*) AS ?n) {distinct}"),
        "entities": _one(
            store,
            "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o "
            f'FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{base_iri}")) }}',
        ),
        "distinctSubjects": _one(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }"),
        "distinctObjects": _one(store, "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o }"),
        "properties": _one(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }"),
        "classes": _one(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }"),
    }
    stats["class_partitions"] = _count(
        store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c ORDER BY ?c"
    )
    stats["property_partitions"] = _count(
        store, f"SELECT ?p (COUNT(*) AS ?n) {distinct} GROUP BY ?p ORDER BY ?p"
    )
    values = " ".join(f"<{p}>" for p in LINK_PREDICATES)
    stats["linksets"] = {}
    for key, _title, prefixes, _home in LINK_TARGETS:
        test = " || ".join(f'STRSTARTS(STR(?o), "{p}")' for p in prefixes)
        stats["linksets"][key] = _count(
            store,
            "SELECT ?p (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { "
            f"VALUES ?p {{ {values} }} ?s ?p ?o FILTER({test}) }} }} GROUP BY ?p ORDER BY ?p",
        )
    return stats


def _part(doc: str, kind: str, iri: str) -> str:
    return f"{doc}#{kind}-{hashlib.sha256(iri.encode()).hexdigest()[:12]}"


def void_triples(
    store: ox.Store,
    base_iri: str,
    *,
    dumps: Iterable[DumpFile] = (),
    created: str | None = None,
    modified: str | None = None,
    releases: Iterable[tuple[str, str]] = (),
    stats: dict[str, Any] | None = None,
) -> list[ox.Triple]:
    """The VoID + DCAT description of ``{base}dataset``; ``releases``: (version, date) of each
    release (``reskg release``), linked as ``dcat:hasVersion``; ``stats``: :func:`statistics`
    (with ``examples``) when already counted, ``{}`` to leave the statistics out (not counted
    yet), None to count them over ``store`` here."""
    ds = base_iri + "dataset"
    g = _Graph()
    if stats is None:
        stats = statistics(store, base_iri)
    g.add(ds, RDF.type, str(VOID.Dataset))
    g.add(ds, RDF.type, str(DCAT.Dataset))
    for lang, text in TITLE.items():
        g.lit(ds, DCTERMS.title, text, lang=lang)
    for lang, text in DESCRIPTION.items():
        g.lit(ds, DCTERMS.description, text, lang=lang)
    g.add(ds, DCTERMS.license, LICENSE)
    g.add(ds, DCTERMS.publisher, ds + "#publisher")
    g.add(ds + "#publisher", RDF.type, str(FOAF.Agent))
    g.lit(ds + "#publisher", FOAF.name, PUBLISHER_NAME)
    for lang in ("ru", "en"):
        g.lit(ds, DCTERMS.language, lang, datatype=DCTERMS.RFC5646)
    if created:
        g.lit(ds, DCTERMS.created, created, datatype=XSD.dateTime)
    if modified:
        g.lit(ds, DCTERMS.modified, modified, datatype=XSD.dateTime)
    g.lit(ds, VOID.uriSpace, base_iri)
    g.add(ds, VOID.sparqlEndpoint, base_iri + "sparql")
    g.add(ds, DCAT.landingPage, base_iri)
    for name in ("triples", "entities", "distinctSubjects", "distinctObjects", "properties",
                 "classes"):
        if name in stats:  # {}: not counted yet (the first build after a start is under way)
            g.lit(ds, getattr(VOID, name), stats[name], datatype=XSD.integer)
    for example in (stats.get("examples", []) if "examples" in stats or not stats
                    else examples(store)):
        g.add(ds, VOID.exampleResource, example)
    for prefix, ns in PREFIXES.items():
        if prefix not in ("rdf", "xsd"):
            g.add(ds, VOID.vocabulary, ns)

    for cls, n in stats.get("class_partitions", ()):
        part = _part(ds, "class", cls)
        g.add(ds, VOID.classPartition, part)
        g.add(part, VOID["class"], cls)
        g.lit(part, VOID.entities, n, datatype=XSD.integer)
    for prop, n in stats.get("property_partitions", ()):
        part = _part(ds, "property", prop)
        g.add(ds, VOID.propertyPartition, part)
        g.add(part, VOID.property, prop)
        g.lit(part, VOID.triples, n, datatype=XSD.integer)

    for key, title, prefixes, home in LINK_TARGETS:
        target, linkset = f"{ds}#{key}", f"{ds}#linkset-{key}"
        g.add(target, RDF.type, str(VOID.Dataset))
        g.lit(target, DCTERMS.title, title)
        g.add(target, FOAF.homepage, home)
        g.lit(target, VOID.uriSpace, prefixes[0])
        g.add(ds, VOID.subset, linkset)
        g.add(linkset, RDF.type, str(VOID.Linkset))
        g.add(linkset, VOID.subjectsTarget, ds)
        g.add(linkset, VOID.objectsTarget, target)
        g.lit(linkset, DCTERMS.title, f"Links to {title}", lang="en")
        if "linksets" not in stats:
            continue
        counts = stats["linksets"][key]
        for predicate, _n in counts:
            g.add(linkset, VOID.linkPredicate, predicate)
        g.lit(linkset, VOID.triples, sum(n for _p, n in counts), datatype=XSD.integer)

    g.add(ds, DCAT.accessService, base_iri + "sparql#service")
    g.add(base_iri + "sparql#service", RDF.type, str(DCAT.DataService))
    g.add(base_iri + "sparql#service", DCAT.endpointURL, base_iri + "sparql")
    g.add(base_iri + "sparql#service", DCAT.servesDataset, ds)
    for dump in dumps:
        _distribution(g, ds, base_iri, dump)
    for version, issued in releases:
        release = release_iri(base_iri, version)
        g.add(ds, DCAT.hasVersion, release)
        g.add(release, RDF.type, str(DCAT.Dataset))
        g.add(release, DCAT.isVersionOf, ds)
        g.lit(release, DCAT.version, version)
        g.lit(release, DCTERMS.issued, issued, datatype=XSD.date)
        g.add(release, DCAT.landingPage, release)
    return g.triples


def _distribution(g: _Graph, ds: str, base_iri: str, dump: DumpFile) -> None:
    url = f"{base_iri}dumps/{dump.name}"
    dist = f"{ds}#dump-{dump.name.split('.', 1)[1].replace('.', '-')}"
    g.add(ds, VOID.dataDump, url)
    g.add(ds, DCAT.distribution, dist)
    g.add(dist, RDF.type, str(DCAT.Distribution))
    g.lit(dist, DCTERMS.title, dump.title, lang="en")
    g.add(dist, DCAT.downloadURL, url)
    g.add(dist, DCAT.accessURL, base_iri + "dumps/")
    g.add(dist, DCAT.mediaType, IANA + dump.media_type)
    g.add(dist, DCAT.compressFormat, IANA + "application/gzip")
    g.lit(dist, DCAT.byteSize, dump.size, datatype=XSD.nonNegativeInteger)
    g.lit(dist, DCTERMS.modified, dump.modified, datatype=XSD.dateTime)
    g.add(dist, DCTERMS.license, LICENSE)
    checksum = dist + "-sha256"
    g.add(dist, SPDX.checksum, checksum)
    g.add(checksum, RDF.type, str(SPDX.Checksum))
    g.add(checksum, SPDX.algorithm, str(SPDX.checksumAlgorithm_sha256))
    g.lit(checksum, SPDX.checksumValue, dump.sha256, datatype=XSD.hexBinary)


def examples(store: ox.Store, limit: int = 3) -> list[str]:
    rows = store.query(
        f"SELECT DISTINCT ?r {{ ?r a <{RESKG.Resolution}> }} ORDER BY ?r LIMIT {limit}",
        use_default_graph_as_union=True,
    )
    assert isinstance(rows, ox.QuerySolutions)
    return [row[0].value for row in rows if row[0] is not None]


def service_description_triples(
    store: ox.Store, base_iri: str, *, update: bool = False
) -> list[ox.Triple]:
    """The SPARQL 1.1 Service Description of ``{base}sparql``."""
    endpoint = base_iri + "sparql"
    service, dataset = endpoint + "#service", endpoint + "#dataset"
    g = _Graph()
    g.add(service, RDF.type, str(SD.Service))
    g.add(service, SD.endpoint, endpoint)
    g.add(service, SD.supportedLanguage, str(SD.SPARQL11Query))
    if update:
        g.add(service, SD.supportedLanguage, str(SD.SPARQL11Update))
    g.add(service, SD.feature, str(SD.UnionDefaultGraph))
    for fmt in RESULT_FORMATS:
        g.add(service, SD.resultFormat, FORMATS_NS + fmt)
    g.add(service, SD.defaultDataset, dataset)
    g.add(dataset, RDF.type, str(SD.Dataset))
    g.add(dataset, DCTERMS.source, base_iri + "dataset")
    default = endpoint + "#default-graph"
    g.add(dataset, SD.defaultGraph, default)
    g.add(default, RDF.type, str(SD.Graph))
    g.lit(default, DCTERMS.description, "The union of all named graphs", lang="en")
    counts = dict(
        _count(store, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    )
    for graph in sorted(str(n.value) for n in store.named_graphs()):
        named = _part(endpoint, "graph", graph)
        g.add(dataset, SD.namedGraph, named)
        g.add(named, RDF.type, str(SD.NamedGraph))
        g.add(named, SD.name, graph)
        g.add(named, SD.graph, named + "-content")
        g.add(named + "-content", RDF.type, str(SD.Graph))
        g.lit(named + "-content", VOID.triples, counts.get(graph, 0), datatype=XSD.integer)
    return g.triples


def service_description(ctx: Any, media_type: str) -> bytes:
    """The Service Description as ``media_type`` (any RDF type of ``linkeddata.RDF_MEDIA_TYPES``).

    For the protocol's ``GET /sparql``: call this when the request has no ``query`` parameter,
    having negotiated an RDF media type (Turtle when the client expresses no preference)::

        body = service_description(ctx, "text/turtle")

    ``ctx`` needs ``store`` and ``base_iri``; update support is announced when
    ``ctx.settings`` has an ``update_token``.
    """
    settings = getattr(ctx, "settings", None)
    token = (
        settings.get("update_token") if isinstance(settings, dict)
        else getattr(settings, "update_token", None)
    )
    triples = service_description_triples(ctx.store, ctx.base_iri, update=bool(token))
    return serialize_terms(triples, media_type, prefixes=PREFIXES)
