"""Self-description: VoID + DCAT at /dataset and /.well-known/void, whose statistics equal what
SPARQL counts on the endpoint, and the SPARQL Service Description."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import DCAT, DCTERMS, VOID

pytest_plugins = ["ld_fixtures"]

BASE = "https://w3id.org/resolutions-kg/"
DATASET = rdflib.URIRef(BASE + "dataset")
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")


@pytest.fixture(scope="module")
def void(ld_server: object) -> rdflib.Graph:
    url = ld_server.url  # type: ignore[attr-defined]
    response = httpx.get(url + "/.well-known/void", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    return rdflib.Graph().parse(data=response.text, format="turtle")


def count(client: httpx.Client, query: str) -> int:
    response = client.post("/sparql", data={"query": query},
                           headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    bindings = response.json()["results"]["bindings"]
    return int(bindings[0]["n"]["value"])


def number(graph: rdflib.Graph, subject: rdflib.term.Node, predicate: rdflib.URIRef) -> int:
    value = graph.value(subject, predicate)
    assert value is not None, (subject, predicate)
    return int(value)


def test_dataset_iri_and_well_known_give_the_same_description(ld: httpx.Client,
                                                              void: rdflib.Graph) -> None:
    response = ld.get("/dataset", headers={"Accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    assert set(graph) == set(void)  # no blank nodes: plain set equality


def test_void_and_dcat_metadata(void: rdflib.Graph) -> None:
    assert (DATASET, rdflib.RDF.type, VOID.Dataset) in void
    assert (DATASET, rdflib.RDF.type, DCAT.Dataset) in void
    for prop in (DCTERMS.title, DCTERMS.description):
        languages = {o.language for o in void.objects(DATASET, prop)}
        assert {"ru", "en"} <= languages, prop
    assert void.value(DATASET, DCTERMS.license) == rdflib.URIRef(
        "https://creativecommons.org/publicdomain/zero/1.0/")
    assert void.value(DATASET, DCTERMS.publisher) is not None
    assert void.value(DATASET, DCTERMS.modified) is not None
    assert void.value(DATASET, VOID.sparqlEndpoint) == rdflib.URIRef(BASE + "sparql")
    assert str(void.value(DATASET, VOID.uriSpace)) == BASE
    assert void.value(DATASET, VOID.exampleResource) == rdflib.URIRef(
        BASE + "resolution/tver-2012-test")


STATS = {
    VOID.triples: "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }",
    VOID.distinctSubjects: "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }",
    VOID.distinctObjects: "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o }",
    VOID.properties: "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }",
    VOID.classes: "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }",
    VOID.entities: "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o "
    f'FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{BASE}")) }}',
}


@pytest.mark.parametrize("predicate", list(STATS), ids=lambda p: p.split("#")[-1])
def test_statistics_equal_sparql_counts(ld: httpx.Client, void: rdflib.Graph,
                                        predicate: rdflib.URIRef) -> None:
    assert number(void, DATASET, predicate) == count(ld, STATS[predicate])


def test_triples_equal_the_quads_of_the_store(ld: httpx.Client, void: rdflib.Graph) -> None:
    # Every triple of the sample stands in one graph only, so the union has as many triples
    # as the store has quads.
    quads = count(ld, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
    assert number(void, DATASET, VOID.triples) == quads


def test_class_partitions(ld: httpx.Client, void: rdflib.Graph) -> None:
    partitions = {void.value(p, VOID["class"]): number(void, p, VOID.entities)
                  for p in void.objects(DATASET, VOID.classPartition)}
    recommendation = rdflib.URIRef("https://w3id.org/resolutions-kg/ontology#Recommendation")
    assert partitions[recommendation] == 1
    concept = rdflib.URIRef("http://www.w3.org/2004/02/skos/core#Concept")
    query = f"SELECT (COUNT(DISTINCT ?s) AS ?n) {{ ?s a <{concept}> }}"
    assert partitions[concept] == count(ld, query)
    assert len(partitions) == number(void, DATASET, VOID.classes)


def test_property_partitions(ld: httpx.Client, void: rdflib.Graph) -> None:
    partitions = {void.value(p, VOID.property): number(void, p, VOID.triples)
                  for p in void.objects(DATASET, VOID.propertyPartition)}
    assert len(partitions) == number(void, DATASET, VOID.properties)
    assert sum(partitions.values()) == number(void, DATASET, VOID.triples)
    assert partitions[rdflib.URIRef("http://www.w3.org/2002/07/owl#sameAs")] == 2


@pytest.mark.parametrize(("key", "expected"), [("wikidata", 2), ("geonames", 1), ("unesco", 2)])
def test_linksets(void: rdflib.Graph, key: str, expected: int) -> None:
    linkset = rdflib.URIRef(f"{BASE}dataset#linkset-{key}")
    assert (linkset, rdflib.RDF.type, VOID.Linkset) in void
    assert (DATASET, VOID.subset, linkset) in void
    assert void.value(linkset, VOID.subjectsTarget) == DATASET
    assert void.value(linkset, VOID.objectsTarget) is not None
    assert number(void, linkset, VOID.triples) == expected


def test_distributions_match_the_dump_listing(ld: httpx.Client, void: rdflib.Graph) -> None:
    listing = {f["name"]: f for f in ld.get("/dumps/", headers={"Accept": "application/json"})
               .json()["files"]}
    distributions = list(void.objects(DATASET, DCAT.distribution))
    assert len(distributions) == len(listing) == 3
    for dist in distributions:
        url = str(void.value(dist, DCAT.downloadURL))
        assert (DATASET, VOID.dataDump, rdflib.URIRef(url)) in void
        entry = listing[url.rsplit("/", 1)[1]]
        assert number(void, dist, DCAT.byteSize) == entry["size"]
        checksum = void.value(dist, SPDX.checksum)
        assert str(void.value(checksum, SPDX.checksumValue)) == entry["sha256"]
        assert void.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        assert str(void.value(dist, DCAT.mediaType)).endswith("/" + entry["media_type"])


def test_parts_of_the_description_dereference(ld: httpx.Client) -> None:
    page = ld.get("/dataset", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert 'id="linkset-wikidata"' in page.text


def test_service_description(ld_store: Path) -> None:
    from resolutions_kg.endpoint.void import service_description

    store = ox.Store.read_only(str(ld_store))
    ctx = SimpleNamespace(store=store, base_iri=BASE, settings={"update_token": None})
    graph = rdflib.Graph().parse(data=service_description(ctx, "text/turtle"), format="turtle")
    service = rdflib.URIRef(BASE + "sparql#service")
    assert (service, rdflib.RDF.type, SD.Service) in graph
    assert graph.value(service, SD.endpoint) == rdflib.URIRef(BASE + "sparql")
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Update) not in graph
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    assert (service, SD.resultFormat,
            rdflib.URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON")) in graph
    dataset = graph.value(service, SD.defaultDataset)
    names = {graph.value(g, SD.name) for g in graph.objects(dataset, SD.namedGraph)}
    assert rdflib.URIRef(BASE + "graph/tver-2012-test") in names
    assert rdflib.URIRef(BASE + "graph/ontology") in names
    jsonld = service_description(ctx, "application/ld+json")
    assert len(list(ox.parse(jsonld, format=ox.RdfFormat.JSON_LD))) == len(graph)


def test_get_sparql_without_a_query_from_a_browser_is_the_ui(ld: httpx.Client) -> None:
    response = ld.get("/sparql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "/static/yasgui/yasgui.min.js" in response.text


@pytest.mark.parametrize(
    ("accept", "media", "rdflib_format"),
    [
        (None, "text/turtle", "turtle"),
        ("text/turtle", "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml;q=0.9, application/n-triples", "application/n-triples", "nt"),
    ],
)
def test_get_sparql_without_a_query_is_the_service_description(
    ld_server: object, accept: str | None, media: str, rdflib_format: str
) -> None:
    url = ld_server.url  # type: ignore[attr-defined]
    headers = {"Accept": accept} if accept else {"Accept": ""}
    response = httpx.get(url + "/sparql", headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media)
    graph = rdflib.Graph().parse(data=response.text, format=rdflib_format)
    services = list(graph.subjects(rdflib.RDF.type, SD.Service))
    assert len(services) == 1
    assert (services[0], SD.feature, SD.UnionDefaultGraph) in graph


def test_service_description_in_no_acceptable_format_is_406(ld_server: object) -> None:
    url = ld_server.url  # type: ignore[attr-defined]
    response = httpx.get(url + "/sparql", headers={"Accept": "image/png"})
    assert response.status_code == 406
