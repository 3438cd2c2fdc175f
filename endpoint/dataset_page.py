"""``/dataset`` as a page a person reads: the VoID + DCAT description as a few tables.

The RDF answer (:mod:`.void`) stays complete; this page shows the same facts summarised: what
the dataset is, its statistics, its classes by name with their counts, its properties (folded
away), its links to other datasets, its dumps. Every hash IRI of the description (``#class-…``,
``#linkset-wikidata``, ``#dump-ttl-gz`` …) is the id of its row, so it dereferences to its place
on the page; the hashes themselves are never shown as text.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib.namespace import FOAF

from resolutions_kg.endpoint.pages import Renderer, render
from resolutions_kg.namespaces import DCAT, DCTERMS, PREFIXES, RDF, SPDX, VOID

#: The statistics of the dataset node, in the order shown.
STATISTICS = (
    ("triples", "triples"),
    ("entities", "entities (IRIs under the base IRI)"),
    ("distinctSubjects", "distinct subjects"),
    ("distinctObjects", "distinct objects"),
    ("properties", "properties"),
    ("classes", "classes"),
)


class _Description:
    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def all(self, subject: str, predicate: object) -> list[Any]:
        return [q.object for q in self.store.quads_for_pattern(
            ox.NamedNode(subject), ox.NamedNode(str(predicate)), None)]

    def one(self, subject: str, predicate: object) -> Any:
        values = self.all(subject, predicate)
        return values[0] if values else None

    def text(self, subject: str, predicate: object, lang: str | None = None) -> str:
        for value in self.all(subject, predicate):
            if isinstance(value, ox.Literal) and (lang is None or value.language == lang):
                return value.value
        return ""

    def number(self, subject: str, predicate: object) -> int:
        value = self.one(subject, predicate)
        return int(value.value) if isinstance(value, ox.Literal) else 0


def _anchor(iri: str) -> str:
    return iri.split("#", 1)[1] if "#" in iri else ""


def dataset_page(void_store: ox.Store, data_store: ox.Store, base_iri: str, *,
                 alternates: list[tuple[str, str, str]], described: str | None = "",
                 pending: str | None = None) -> str:
    """The HTML of ``/dataset``; labels of classes and properties come from ``data_store``
    (the ontology graph labels our own terms). ``described``: the modified date of the data
    the statistics and dumps were built from (None: not built yet); ``pending``: that of the
    data a newer build is under way for."""
    ds = base_iri + "dataset"
    d = _Description(void_store)
    r = Renderer(data_store, base_iri)

    def partitions(link: object, key: object, count: object) -> list[dict[str, Any]]:
        rows = []
        for part in d.all(ds, link):
            term = d.one(part.value, key)
            if isinstance(term, ox.NamedNode):
                rows.append({"anchor": _anchor(part.value), "term": r.link(term.value),
                             "n": d.number(part.value, count)})
        return sorted(rows, key=lambda row: (-row["n"], row["term"].text))

    linksets = []
    for subset in d.all(ds, VOID.subset):
        target = d.one(subset.value, VOID.objectsTarget)
        linksets.append({
            "anchor": _anchor(subset.value),
            "target_anchor": _anchor(target.value) if isinstance(target, ox.NamedNode) else "",
            "title": d.text(target.value, DCTERMS.title) if target is not None else "",
            "homepage": next((v.value for v in d.all(target.value, FOAF.homepage)
                              if isinstance(v, ox.NamedNode)), None)
            if target is not None else None,
            "predicates": sorted((r.link(p.value) for p in d.all(subset.value,
                                                                   VOID.linkPredicate)),
                                 key=lambda link: link.name),
            "n": d.number(subset.value, VOID.triples),
        })
    dumps = []
    for dist in d.all(ds, DCAT.distribution):
        iri = dist.value
        checksum = d.one(iri, SPDX.checksum)
        url = d.one(iri, DCAT.downloadURL)
        media = d.one(iri, DCAT.mediaType)
        dumps.append({
            "anchor": _anchor(iri),
            "checksum_anchor": _anchor(checksum.value) if checksum is not None else "",
            "title": d.text(iri, DCTERMS.title),
            "href": "/dumps/" + url.value.rsplit("/", 1)[-1] if url is not None else None,
            "media_type": media.value.rsplit("/assignments/media-types/", 1)[-1]
            if media is not None else "",
            "size": d.number(iri, DCAT.byteSize),
            "sha256": d.text(checksum.value, SPDX.checksumValue) if checksum else "",
            "modified": d.text(iri, DCTERMS.modified),
        })
    releases = []
    for release in d.all(ds, DCAT.hasVersion):  # reskg release; served at /releases/V/
        releases.append({"version": d.text(release.value, DCAT.version),
                         "issued": d.text(release.value, DCTERMS.issued),
                         "href": "/" + release.value.removeprefix(base_iri)})
    publisher = d.one(ds, DCTERMS.publisher)
    prefix_of = {ns: prefix for prefix, ns in PREFIXES.items()}
    return render(
        "dataset.html",
        title=d.text(ds, DCTERMS.title, "en") or "Dataset",
        iri=ds,
        titles={lang: d.text(ds, DCTERMS.title, lang) for lang in ("en", "ru")},
        descriptions={lang: d.text(ds, DCTERMS.description, lang) for lang in ("en", "ru")},
        license=d.one(ds, DCTERMS.license),
        publisher_anchor=_anchor(publisher.value) if publisher is not None else "",
        publisher=d.text(publisher.value, FOAF.name)
        if publisher is not None else "",
        created=d.text(ds, DCTERMS.created),
        modified=d.text(ds, DCTERMS.modified),
        statistics=[(label, d.number(ds, getattr(VOID, key))) for key, label in STATISTICS],
        classes=partitions(VOID.classPartition, VOID["class"], VOID.entities),
        properties=partitions(VOID.propertyPartition, VOID.property, VOID.triples),
        linksets=sorted(linksets, key=lambda row: row["title"]),
        dumps=sorted(dumps, key=lambda row: row["title"]),
        releases=sorted(releases, key=lambda row: row["issued"], reverse=True),
        examples=[r.link(e.value) for e in d.all(ds, VOID.exampleResource)],
        vocabularies=sorted((prefix_of.get(v.value, v.value), v.value)
                            for v in d.all(ds, VOID.vocabulary)),
        types=[r.link(t.value) for t in d.all(ds, RDF.type)],
        alternates=alternates,
        described=described,
        pending=pending,
    )
