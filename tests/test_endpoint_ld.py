"""Dereferencing: every IRI we mint under the base IRI answers on the server, as an HTML page or
as RDF by content negotiation, a format suffix or ``?format=``; unknown IRIs are 404s."""

from __future__ import annotations

import json
import re
import warnings
from urllib.parse import quote

import httpx
import pyoxigraph as ox
import pytest
import rdflib

pytest_plugins = ["ld_fixtures"]

BASE = "https://w3id.org/resolutions-kg/"
DOC = "tver-2012-test"  # the document of tests/data/ld/sample.trig
PROV = "http://www.w3.org/ns/prov#"

R = f"resolution/{DOC}"
E = f"source/{DOC}/evidence/recommendation-1-text"

#: One IRI per URI pattern of docs/model.md (path under the base), with a predicate it has.
PATTERNS = [
    (R, "http://purl.org/dc/terms/title"),
    (f"{R}/recommendation/1", "https://w3id.org/resolutions-kg/ontology#text"),
    (f"{R}/proposal/1", "https://w3id.org/resolutions-kg/ontology#plansEvent"),
    (f"{R}/statement/1", "https://w3id.org/resolutions-kg/ontology#text"),
    (f"event/{DOC}", "https://schema.org/startDate"),
    (f"event/{DOC}/cohort/1", "https://w3id.org/resolutions-kg/ontology#count"),
    (f"event/{DOC}/cohort/1/association", "http://www.w3.org/ns/prov#agent"),
    (f"event/{DOC}/topic/1", "http://www.w3.org/2004/02/skos/core#prefLabel"),
    (f"event/{DOC}/planned/1", "https://w3id.org/resolutions-kg/ontology#plannedYear"),
    (f"source/{DOC}", "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"),
    (E, "http://www.w3.org/ns/oa#hasBody"),
    ("organisation/administratsiia-goroda-tveri", "https://schema.org/name"),
    ("place/tver", "http://www.w3.org/2002/07/owl#sameAs"),
    ("audience/organy-mestnogo-samoupravleniia", "http://www.w3.org/2004/02/skos/core#inScheme"),
    ("topic/public-libraries", "http://www.w3.org/2004/02/skos/core#exactMatch"),
    ("document-type/rezoliutsiia", "http://www.w3.org/2004/02/skos/core#prefLabel"),
    ("event-kind/konferentsiia", "http://www.w3.org/2004/02/skos/core#prefLabel"),
    ("unit/library", "http://www.w3.org/2004/02/skos/core#prefLabel"),
    ("scheme/topics", "http://www.w3.org/2004/02/skos/core#prefLabel"),
    ("dataset", "http://rdfs.org/ns/void#triples"),
]
#: Only linked to (an object, never a subject): still dereferences, with its incoming links.
OBJECT_ONLY = [f"event/{DOC}/topics"]
GRAPHS = [f"graph/{DOC}", "graph/reference", "graph/ontology"]

RDF_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/trig": "trig",
    "application/n-quads": "nquads",
}
OX_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}


Triples = set[tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]]


def parse(response: httpx.Response, media_type: str) -> Triples:
    """The triples of the body, parsed by rdflib (its Dataset API warns about itself)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = rdflib.Dataset()
        dataset.parse(data=response.content, format=RDF_TYPES[media_type])
        return {(s, p, o) for s, p, o, _g in dataset.quads((None, None, None, None))}


def has(triples: Triples, subject: str, predicate: str) -> bool:
    return any(s == rdflib.URIRef(subject) and p == rdflib.URIRef(predicate)
               for s, p, _o in triples)


@pytest.mark.parametrize("media_type", list(RDF_TYPES))
@pytest.mark.parametrize(("path", "predicate"), PATTERNS, ids=[p for p, _ in PATTERNS])
def test_rdf_by_accept(ld: httpx.Client, path: str, predicate: str, media_type: str) -> None:
    response = ld.get("/" + path, headers={"Accept": media_type})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert "accept" in response.headers["vary"].lower()
    assert has(parse(response, media_type), BASE + path, predicate)


@pytest.mark.parametrize(("path", "predicate"), PATTERNS, ids=[p for p, _ in PATTERNS])
def test_html_by_accept(ld: httpx.Client, path: str, predicate: str) -> None:
    response = ld.get("/" + path, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert BASE + path in response.text
    assert f'href="/{path}.ttl"' in response.text and f'href="/{path}.jsonld"' in response.text


@pytest.mark.parametrize("path", OBJECT_ONLY + GRAPHS)
def test_object_only_iris_and_graph_names_dereference(ld: httpx.Client, path: str) -> None:
    html = ld.get("/" + path, headers={"Accept": "text/html"})
    assert html.status_code == 200
    turtle = ld.get("/" + path, headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200
    assert len(parse(turtle, "text/turtle")) > 0


def test_graph_iri_gives_the_graph_content_with_its_graph_name(ld: httpx.Client) -> None:
    response = ld.get(f"/graph/{DOC}", headers={"Accept": "application/n-quads"})
    quads = list(ox.parse(response.content, format=ox.RdfFormat.N_QUADS))
    graph = ox.NamedNode(f"{BASE}graph/{DOC}")
    subjects = {q.subject for q in quads if q.graph_name == graph}
    assert ox.NamedNode(BASE + R) in subjects and ox.NamedNode(BASE + f"source/{DOC}") in subjects


def test_description_follows_blank_nodes(ld: httpx.Client) -> None:
    response = ld.get(f"/source/{DOC}", headers={"Accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    node = graph.value(rdflib.URIRef(f"{BASE}source/{DOC}"), rdflib.DCTERMS.provenance)
    assert isinstance(node, rdflib.BNode)
    assert graph.value(node, rdflib.RDFS.label) == rdflib.Literal("Hand-written test fixture",
                                                                  lang="en")


def test_hash_iris_are_served_by_their_document(ld: httpx.Client) -> None:
    response = ld.get("/" + E, headers={"Accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    target = rdflib.URIRef(f"{BASE}{E}#target")
    position = rdflib.URIRef(f"{BASE}{E}#position")
    oa = rdflib.Namespace("http://www.w3.org/ns/oa#")
    assert (target, oa.hasSelector, position) in graph
    assert int(graph.value(position, oa.start)) == 125  # the store keeps it as xsd:integer
    assert (rdflib.URIRef(f"{BASE}{E}#quote"), oa.exact, None) in graph
    page = ld.get("/" + E, headers={"Accept": "text/html"}).text
    assert 'id="target"' in page and 'id="position"' in page


def test_description_carries_labels_of_linked_resources(ld: httpx.Client) -> None:
    response = ld.get(f"/{R}/recommendation/1", headers={"Accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    audience = rdflib.URIRef(f"{BASE}audience/organy-mestnogo-samoupravleniia")
    labels = set(graph.objects(audience, rdflib.SKOS.prefLabel))
    assert rdflib.Literal("органы местного самоуправления", lang="ru") in labels
    assert rdflib.Literal("local government bodies", lang="en") in labels


def test_ontology_terms_dereference_through_the_ontology_document(ld: httpx.Client) -> None:
    response = ld.get("/ontology", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    term = rdflib.URIRef("https://w3id.org/resolutions-kg/ontology#Recommendation")
    labels = set(graph.objects(term, rdflib.RDFS.label))
    assert rdflib.Literal("recommendation", lang="en") in labels
    page = ld.get("/ontology", headers={"Accept": "text/html"}).text
    assert 'id="Recommendation"' in page


# ----------------------------------------------------------------------------- HTML pages


def test_page_shows_labels_in_ru_and_en_and_types(ld: httpx.Client) -> None:
    page = ld.get("/place/tver", headers={"Accept": "text/html"}).text
    assert "<h1>Тверь</h1>" in page
    assert 'lang="en">Tver' in page and 'lang="ru">Тверь' in page
    assert 'href="https://schema.org/Place"' in page


def test_page_rewrites_our_links_to_server_paths_and_keeps_others(ld: httpx.Client) -> None:
    page = ld.get(f"/event/{DOC}", headers={"Accept": "text/html"}).text
    assert 'href="/place/tver"' in page
    assert f'href="{BASE}place/tver"' not in page
    sameas = ld.get("/place/tver", headers={"Accept": "text/html"}).text
    assert 'href="http://www.wikidata.org/entity/Q1960"' in sameas


def test_page_lists_incoming_links(ld: httpx.Client) -> None:
    page = ld.get("/place/tver", headers={"Accept": "text/html"}).text
    incoming = page.split("Linked from", 1)[1]
    assert f'href="/event/{DOC}"' in incoming
    assert "href=\"/organisation/administratsiia-goroda-tveri\"" in incoming


def test_recommendation_page_marks_its_span_in_the_source_text(ld: httpx.Client) -> None:
    page = ld.get(f"/{R}/recommendation/1", headers={"Accept": "text/html"}).text
    match = re.search(r'<div class="source">(.*?)<mark id="span">(.*?)</mark>(.*?)</div>', page,
                      re.DOTALL)
    assert match is not None
    assert match[2] == "Поддерживать муниципальные библиотеки."
    assert match[1].endswith("самоуправления:\n1. ")
    assert f'href="/source/{DOC}"' in page


def test_page_escapes_literals(ld: httpx.Client) -> None:
    page = ld.get(f"/{R}", headers={"Accept": "text/html"}).text
    assert "«Библиотеки и общество»" in page
    assert "<script" not in page


@pytest.mark.parametrize("media_type", ["application/n-quads", "application/trig"])
@pytest.mark.parametrize("path", [R, f"event/{DOC}", "place/tver", f"graph/{DOC}"])
def test_quad_formats_give_the_description_in_the_default_graph(
    ld: httpx.Client, path: str, media_type: str
) -> None:
    body = ld.get("/" + path, headers={"Accept": media_type}).content
    quads = list(ox.parse(body, format=OX_FORMATS[media_type]))
    default = {q.triple for q in quads if q.graph_name == ox.DefaultGraph()}
    named = {q.triple for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    # every triple is in the default graph, as a client reading the default graph needs it ...
    assert named and named <= default
    turtle = ld.get("/" + path, headers={"Accept": "text/turtle"}).content
    ground = {q.triple for q in ox.parse(turtle, format=ox.RdfFormat.TURTLE)
              if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}
    assert ground and ground <= default
    # ... and the named graphs it came from are stated there as the document's provenance
    document = ox.NamedNode(f"{BASE}{path}.{OX_FORMATS[media_type].file_extension}")
    sources = {q.graph_name for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    derived = {t.object for t in default
               if t.subject == document and t.predicate == ox.NamedNode(PROV + "wasDerivedFrom")}
    assert derived == sources
    assert ox.Triple(document, ox.NamedNode("http://xmlns.com/foaf/0.1/primaryTopic"),
                     ox.NamedNode(BASE + path)) in default


def test_quad_format_sources_name_each_graph_read(ld: httpx.Client) -> None:
    body = ld.get(f"/{R}.nq").content
    derived = {q.object.value for q in ox.parse(body, format=ox.RdfFormat.N_QUADS)
               if q.predicate.value == PROV + "wasDerivedFrom"}
    assert derived == {f"{BASE}graph/{DOC}", f"{BASE}graph/reference", f"{BASE}graph/ontology"}


@pytest.mark.parametrize("media_type", ["text/turtle", "application/n-triples",
                                        "application/ld+json", "application/rdf+xml"])
def test_triple_formats_state_no_document_provenance(ld: httpx.Client, media_type: str) -> None:
    triples = parse(ld.get(f"/{R}", headers={"Accept": media_type}), media_type)
    assert not any(str(p) == PROV + "wasDerivedFrom" for _s, p, _o in triples)


# ------------------------------------------------------------ suffixes, format=, 404, redirects


@pytest.mark.parametrize(
    ("suffix", "media_type"),
    [("ttl", "text/turtle"), ("jsonld", "application/ld+json"), ("nt", "application/n-triples"),
     ("rdf", "application/rdf+xml"), ("trig", "application/trig"), ("nq", "application/n-quads")],
)
def test_format_suffix(ld: httpx.Client, suffix: str, media_type: str) -> None:
    response = ld.get(f"/place/tver.{suffix}", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert has(parse(response, media_type), BASE + "place/tver", "https://schema.org/name")


@pytest.mark.parametrize(
    ("value", "media_type"),
    [("ttl", "text/turtle"), ("turtle", "text/turtle"), ("jsonld", "application/ld+json"),
     ("nt", "application/n-triples"), ("application/rdf+xml", "application/rdf+xml"),
     ("html", "text/html")],
)
def test_format_parameter(ld: httpx.Client, value: str, media_type: str) -> None:
    response = ld.get("/place/tver", params={"format": value}, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type


def test_unknown_format_parameter_is_400(ld: httpx.Client) -> None:
    response = ld.get("/place/tver", params={"format": "docx"})
    assert response.status_code == 400
    assert "docx" in response.text


def test_rdf_parses_with_pyoxigraph_too(ld: httpx.Client) -> None:
    for media_type, fmt in OX_FORMATS.items():
        body = ld.get(f"/event/{DOC}", headers={"Accept": media_type}).content
        assert len(list(ox.parse(body, format=fmt))) > 5, media_type


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [("text/html", "text/html"), ("text/turtle", "text/plain"),
     ("application/json", "application/json")],
)
def test_unknown_iri_is_404_as_negotiated(ld: httpx.Client, accept: str, media_type: str) -> None:
    response = ld.get(f"/{R}/recommendation/99", headers={"Accept": accept})
    assert response.status_code == 404
    assert response.headers["content-type"].split(";")[0] == media_type
    assert f"{BASE}{R}/recommendation/99" in response.text


@pytest.mark.parametrize("path", ["/place/nowhere.ttl", "/unknown-pattern/x", "/graph/nope"])
def test_more_unknown_iris_are_404(ld: httpx.Client, path: str) -> None:
    assert ld.get(path, headers={"Accept": "text/turtle"}).status_code == 404


#: What linked-data clients send besides the registered media types, and what they get.
COMUNICA_ACCEPT = ("application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9,"
                   "application/n-triples;q=0.8,text/turtle;q=0.6,application/rdf+xml;q=0.5,"
                   "text/n3;q=0.35,application/xml;q=0.3,text/xml;q=0.3,text/html;q=0.2,"
                   "application/json;q=0.135")


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [("text/n3", "text/turtle"), ("text/rdf+n3", "text/turtle"),
     ("application/x-turtle", "text/turtle"), ("application/json", "application/ld+json"),
     ("text/plain", "application/n-triples"), ("application/xml", "application/rdf+xml"),
     ("text/xml", "application/rdf+xml"), (COMUNICA_ACCEPT, "application/n-quads"),
     ("text/html;q=0.5, text/n3", "text/turtle"), ("text/n3;q=0.2, text/html", "text/html")],
)
def test_rdf_aliases_are_answered_in_their_format(ld: httpx.Client, accept: str,
                                                  media_type: str) -> None:
    response = ld.get("/place/tver", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    if media_type != "text/html":
        assert has(parse(response, media_type), BASE + "place/tver", "https://schema.org/name")


def test_unacceptable_media_type_is_406(ld: httpx.Client) -> None:
    assert ld.get("/place/tver", headers={"Accept": "image/png"}).status_code == 406


def test_trailing_slash_redirects_percent_encoded(ld: httpx.Client) -> None:
    response = ld.get("/place/тверская-область/", headers={"Accept": "text/turtle"})
    assert response.status_code == 301
    location = response.headers["location"]
    assert location == "/place/" + quote("тверская-область")
    assert location.isascii()
    target = ld.get(location, headers={"Accept": "text/turtle"})
    assert target.status_code == 200
    assert has(parse(target, "text/turtle"), f"{BASE}place/тверская-область",
               "https://schema.org/name")


def test_redirect_keeps_the_query_string(ld: httpx.Client) -> None:
    response = ld.get("/place/tver/", params={"format": "ttl"})
    assert response.status_code == 301
    assert response.headers["location"] == "/place/tver?format=ttl"


def test_link_header_names_the_alternates(ld: httpx.Client) -> None:
    link = ld.get("/place/tver", headers={"Accept": "text/turtle"}).headers["link"]
    assert '</place/tver.ttl>; rel="alternate"; type="text/turtle"' in link


def test_json_ld_is_json(ld: httpx.Client) -> None:
    response = ld.get("/place/tver", headers={"Accept": "application/ld+json"})
    assert isinstance(json.loads(response.text), list | dict)


# --------------------------------------------------------------------- the real Tver data


def _minted(client: httpx.Client) -> list[str]:
    query = f"""SELECT DISTINCT ?s {{ GRAPH ?g {{ ?s ?p ?o }}
        FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{BASE}")) }} ORDER BY ?s"""
    response = client.post("/sparql", data={"query": query},
                           headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    return [b["s"]["value"] for b in response.json()["results"]["bindings"]]


def test_every_minted_iri_of_the_tver_resolution_dereferences(tver: httpx.Client) -> None:
    iris = _minted(tver)
    documents = sorted({iri.split("#", 1)[0] for iri in iris})
    assert any("/recommendation/" in iri for iri in documents)
    failures = []
    for iri in documents:
        path = "/" + quote(iri.removeprefix(BASE), safe="/:@!$&'()*+,;=-._~%")
        response = tver.get(path, headers={"Accept": "application/n-triples"})
        if response.status_code != 200:
            failures.append((iri, response.status_code))
            continue
        subjects = {str(t.subject) for t in ox.parse(response.content,
                                                      format=ox.RdfFormat.N_TRIPLES)}
        if f"<{iri}>" not in subjects:
            failures.append((iri, "no triples"))
    assert failures == []


def test_tver_recommendation_page_marks_its_text(tver: httpx.Client) -> None:
    iris = [i for i in _minted(tver) if re.search(r"/recommendation/1$", i)]
    assert iris
    page = tver.get("/" + iris[0].removeprefix(BASE), headers={"Accept": "text/html"}).text
    marked = re.search(r'<mark id="span">(.*?)</mark>', page, re.DOTALL)
    assert marked is not None and len(marked[1]) > 10
