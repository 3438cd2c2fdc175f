"""The ontology and the reference schemes: they parse, they document every term, and the code's
closed namespace agrees with the ontology term for term."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from resolutions_kg.namespaces import (
    ONTOLOGY_IRI,
    ONTOLOGY_VERSION_IRI,
    PREFIXES,
    RESKG,
    terms,
)
from resolutions_kg.validation import ontology_graph, reference_graph

SHARED = Path(__file__).resolve().parents[2] / "shared"
BASE = "https://w3id.org/resolutions-kg/"
UNESCO = "http://vocabularies.unesco.org/thesaurus/concept"
WIKIDATA = "http://www.wikidata.org/entity/Q"

TOPIC_KEYS = """
library-policy library-cooperation library-finance library-personnel library-automation
digitisation digital-libraries library-collections access-to-information information-literacy
reading-promotion library-use-promotion cultural-heritage local-history local-government
public-libraries municipal-libraries rural-libraries youth sociocultural-activity
electronic-services social-partnership
""".split()

SCHEME_MEMBERS = {
    "document-types": "document-type",
    "event-kinds": "event-kind",
    "units": "unit",
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return ontology_graph()


@pytest.fixture(scope="module")
def reference() -> Graph:
    return reference_graph(BASE)


def declared_terms(graph: Graph) -> set[URIRef]:
    return {
        s
        for s in graph.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(str(RESKG._NS))
    }


def langs(graph: Graph, subject: URIRef, predicate: URIRef) -> list[str | None]:
    return sorted(
        (o.language or "") for o in graph.objects(subject, predicate) if isinstance(o, Literal)
    )


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    version = ontology.value(ONTOLOGY_IRI, OWL.versionIRI)
    assert version == ONTOLOGY_VERSION_IRI
    assert re.fullmatch(re.escape(str(ONTOLOGY_IRI)) + r"/\d{4}-\d{2}-\d{2}", str(version))
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    license_ = URIRef("http://purl.org/dc/terms/license")
    assert ontology.value(ONTOLOGY_IRI, license_) == URIRef(
        "https://creativecommons.org/publicdomain/zero/1.0/"
    )
    preferred = URIRef("http://purl.org/vocab/vann/preferredNamespaceUri")
    assert str(ontology.value(ONTOLOGY_IRI, preferred)) == PREFIXES["reskg"] == str(RESKG._NS)


def test_code_and_ontology_declare_the_same_terms(ontology: Graph) -> None:
    assert declared_terms(ontology) == terms(RESKG)


@pytest.mark.parametrize("term", sorted(terms(RESKG)), ids=lambda t: t.rsplit("#", 1)[1])
def test_term_is_documented_in_ru_and_en(ontology: Graph, term: URIRef) -> None:
    assert langs(ontology, term, RDFS.label) == ["en", "ru"]
    assert langs(ontology, term, RDFS.comment) == ["en", "ru"]
    assert ontology.value(term, RDFS.isDefinedBy) == ONTOLOGY_IRI


@pytest.mark.parametrize("term", sorted(terms(RESKG)), ids=lambda t: t.rsplit("#", 1)[1])
def test_term_has_a_kind(ontology: Graph, term: URIRef) -> None:
    kinds = set(ontology.objects(term, RDF.type))
    # rdf:Property for the one property whose values may be IRIs or literals (evidenceValue)
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual,
                    RDF.Property}


def test_properties_have_domain_and_range(ontology: Graph) -> None:
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in ontology.subjects(RDF.type, kind):
            assert ontology.value(prop, RDFS.domain) is not None, prop
            assert ontology.value(prop, RDFS.range) is not None, prop


def test_classes_specialise_a_standard_class(ontology: Graph) -> None:
    for cls in ontology.subjects(RDF.type, OWL.Class):
        parents = set(ontology.objects(cls, RDFS.subClassOf))
        assert parents, cls
        assert all(not str(p).startswith(str(RESKG._NS)) for p in parents)


def test_misspelt_term_is_an_error() -> None:
    with pytest.raises(AttributeError):
        RESKG.Recomendation  # noqa: B018


# --- reference schemes ----------------------------------------------------------------------


def test_topic_scheme_has_exactly_the_agreed_keys(reference: Graph) -> None:
    scheme = URIRef(BASE + "scheme/topics")
    members = {str(c) for c in reference.subjects(SKOS.inScheme, scheme)}
    assert members == {BASE + "topic/" + key for key in TOPIC_KEYS}


@pytest.mark.parametrize("key", TOPIC_KEYS)
def test_topic_is_labelled_and_defined_in_ru_and_en(reference: Graph, key: str) -> None:
    concept = URIRef(BASE + "topic/" + key)
    assert (concept, RDF.type, SKOS.Concept) in reference
    assert langs(reference, concept, SKOS.prefLabel) == ["en", "ru"]
    assert langs(reference, concept, SKOS.definition) == ["en", "ru"]


@pytest.mark.parametrize(("scheme", "member"), sorted(SCHEME_MEMBERS.items()))
def test_controlled_values_are_labelled_in_ru_and_en(
    reference: Graph, scheme: str, member: str
) -> None:
    concepts = set(reference.subjects(SKOS.inScheme, URIRef(BASE + "scheme/" + scheme)))
    assert concepts
    for concept in concepts:
        assert str(concept).startswith(BASE + member + "/")
        assert (concept, RDF.type, SKOS.Concept) in reference
        assert langs(reference, concept, SKOS.prefLabel) == ["en", "ru"]


@pytest.mark.parametrize(
    ("iri", "label"),
    [
        ("document-type/rezolyutsiya", "резолюция"),
        ("document-type/rekomendatsii", "рекомендации"),
        ("document-type/itogovyi-dokument", "итоговый документ"),
        ("document-type/reshenie", "решение"),
        ("document-type/postanovlenie", "постановление"),
        ("document-type/obrashchenie", "обращение"),
        ("event-kind/konferentsiya", "конференция"),
        ("event-kind/kruglyi-stol", "круглый стол"),
        ("event-kind/seminar", "семинар"),
        ("event-kind/seminar-soveshchanie", "семинар-совещание"),
        ("event-kind/chteniya", "чтения"),
        ("event-kind/forum", "форум"),
        ("event-kind/kongress", "конгресс"),
        ("event-kind/soveshchanie", "совещание"),
    ],
)
def test_controlled_value_slugs(reference: Graph, iri: str, label: str) -> None:
    assert (URIRef(BASE + iri), SKOS.prefLabel, Literal(label, lang="ru")) in reference


def test_counted_units_match_the_records() -> None:
    from typing import get_args

    from resolutions_kg.records import CountedUnit

    graph = reference_graph(BASE)
    units = {str(c) for c in graph.subjects(SKOS.inScheme, URIRef(BASE + "scheme/units"))}
    assert units == {BASE + "unit/" + key for key in get_args(CountedUnit)}


def thesaurus_numbers(prefix: str, text: str) -> set[str]:
    if prefix == UNESCO:
        return set(re.findall(r"\b(\d+) [A-Z]", text))
    return set(re.findall(r"\bQ(\d+)\b", text))


@pytest.mark.parametrize("prefix", [UNESCO, WIKIDATA])
def test_alignments_use_only_known_thesaurus_ids(reference: Graph, prefix: str) -> None:
    modeling = (SHARED / "MODELING.md").read_text(encoding="utf-8")
    allowed = thesaurus_numbers(prefix, modeling)
    assert allowed
    matches = [
        str(o)
        for p in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch)
        for o in reference.objects(None, p)
        if str(o).startswith(prefix)
    ]
    assert matches
    for iri in matches:
        assert iri[len(prefix) :] in allowed, iri


def test_reference_data_follows_the_base_iri() -> None:
    other = reference_graph("http://example.org/kg/")
    assert (URIRef("http://example.org/kg/topic/digitisation"), RDF.type, SKOS.Concept) in other
    assert not any(str(s).startswith(BASE) for s in other.subjects())


def test_a_concept_has_one_ru_and_one_en_pref_label(reference: Graph) -> None:
    for concept in reference.subjects(RDF.type, SKOS.Concept):
        assert langs(reference, concept, SKOS.prefLabel) == ["en", "ru"], concept


@pytest.mark.parametrize("member", ["document-type", "event-kind"])
def test_controlled_value_slugs_are_slugified_labels(reference: Graph, member: str) -> None:
    from resolutions_kg.iris import slugify

    concepts = [c for c in reference.subjects(RDF.type, SKOS.Concept)
                if str(c).startswith(BASE + member + "/")]
    assert concepts
    for concept in concepts:
        label = next(
            o for o in reference.objects(concept, SKOS.prefLabel) if o.language == "ru"
        )
        assert str(concept) == BASE + member + "/" + slugify(str(label))
