"""Records → RDF: provenance for every fact, no blank nodes, one resource per organisation."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import CORPUS, TVER

from resolutions_kg.iris import Minter
from resolutions_kg.loaders import load_file, parse_text
from resolutions_kg.mapping import Mapped, map_resolution
from resolutions_kg.namespaces import OA, RDF, RESKG
from resolutions_kg.publish import publish
from resolutions_kg.settings import DEFAULT_BASE_IRI
from resolutions_kg.store import open_store

#: Predicates whose values are read from the text, so each needs evidence.
READ_FROM_TEXT = {
    "http://purl.org/dc/terms/title", "http://data.europa.eu/eli/ontology#date_document",
    "https://schema.org/startDate", "https://schema.org/endDate", "https://schema.org/name",
    "https://schema.org/location", "https://schema.org/organizer", str(RESKG.participantCount),
    str(RESKG.text), str(RESKG.action), str(RESKG.documentType), str(RESKG.eventKind),
    "http://purl.org/dc/terms/audience",
}


@pytest.fixture(scope="module")
def tver() -> Mapped:
    return map_resolution(load_file(TVER), Minter())


def objects(triples: list[ox.Triple], s: ox.NamedNode, p: str) -> list[ox.Term]:
    return [t.object for t in triples if t.subject == s and t.predicate == ox.NamedNode(p)]


def test_no_blank_nodes(tver: Mapped) -> None:
    for t in tver.document + tver.entities:
        assert not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode)


def test_every_quote_is_the_source_substring_at_its_offsets(tver: Mapped) -> None:
    source = load_file(TVER).source.text
    kind = ox.NamedNode(str(OA.TextPositionSelector))
    selectors = {t.subject for t in tver.document if t.object == kind}
    assert len(selectors) > 50
    for position in selectors:
        start = int(objects(tver.document, position, str(OA.start))[0].value)
        end = int(objects(tver.document, position, str(OA.end))[0].value)
        quote = ox.NamedNode(position.value.replace("#position", "#quote"))
        exact = objects(tver.document, quote, str(OA.exact))[0].value
        assert source[start:end] == exact


def test_every_fact_read_from_the_text_has_evidence(tver: Mapped) -> None:
    evidenced = set()
    annotations = {t.subject for t in tver.document if t.object == ox.NamedNode(str(OA.Annotation))}
    for ann in annotations:
        body = objects(tver.document, ann, str(OA.hasBody))[0]
        prop = objects(tver.document, ann, str(RESKG.evidenceFor))[0]
        evidenced.add((body, prop))
    facts = {(t.subject, t.predicate) for t in tver.document if t.predicate.value in READ_FROM_TEXT}
    assert facts, "no facts?"
    assert facts <= evidenced, facts - evidenced


def test_twelve_recommendations_in_order_with_ru_text(tver: Mapped) -> None:
    m = Minter()
    doc = tver.slug
    for n in range(1, 13):
        rec = ox.NamedNode(m.recommendation(doc, n))
        assert [o.value for o in objects(tver.document, rec, str(RESKG.position))] == [str(n)]
        texts = objects(tver.document, rec, str(RESKG.text))
        assert len(texts) == 1 and texts[0].language == "ru"
    assert ox.Triple(ox.NamedNode(m.recommendation(doc, 13)), ox.NamedNode(str(RDF.type)),
                     ox.NamedNode(str(RESKG.Recommendation))) not in tver.document


def test_the_same_input_gives_the_same_triples() -> None:
    a = map_resolution(load_file(TVER), Minter())
    b = map_resolution(load_file(TVER), Minter())
    assert a.document == b.document and a.entities == b.entities


def test_base_iri_is_honoured() -> None:
    mapped = map_resolution(load_file(TVER), Minter("http://example.org/kg/"))
    for t in mapped.document:
        if isinstance(t.subject, ox.NamedNode) and "resolutions-kg/ontology" not in t.subject.value:
            assert t.subject.value.startswith("http://example.org/kg/")


def test_an_organisation_named_in_two_resolutions_is_one_resource(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(
        "Резолюция круглого стола «Чтение в городе»\n\nТверь, 5 марта 2015 г.\n\n"
        "Круглый стол организован Администрацией города Твери.\n\n"
        "Участники круглого стола рекомендуют:\n\n"
        "1. Администрации города Твери предусмотреть средства на комплектование фондов.\n",
        encoding="utf-8",
    )
    store_dir = tmp_path / "store"
    report = publish([TVER, other], store_dir, base_iri=DEFAULT_BASE_IRI)
    assert not report.failed, [d.error for d in report.failed]
    store = open_store(store_dir, read_only=True)
    rows = list(store.query("""
        SELECT DISTINCT ?org WHERE { GRAPH ?g1 { ?e1 <https://schema.org/organizer> ?org }
                                     GRAPH ?g2 { ?e2 <https://schema.org/organizer> ?org }
                                     FILTER(?g1 != ?g2) }"""))
    assert [r["org"].value for r in rows] == [
        DEFAULT_BASE_IRI + "organisation/administratsiya-goroda-tveri"
    ]


@pytest.mark.parametrize("name", ["novgorod-2014.md", "vologda-2013.html", "lipetsk-2016.txt"])
def test_other_genre_shapes_map_without_blank_nodes(name: str) -> None:
    mapped = map_resolution(load_file(CORPUS / name), Minter())
    assert mapped.document
    assert all(not isinstance(t.subject, ox.BlankNode) for t in mapped.document)


def test_parse_text_maps_too() -> None:
    text = TVER.read_text(encoding="utf-8")
    assert map_resolution(parse_text(text, name="tver.txt")).slug == map_resolution(
        load_file(TVER)).slug
