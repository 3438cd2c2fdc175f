"""Graph Store Protocol at /store, SPARQL Update, and who may write."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pyoxigraph as ox
import pytest
from endpoint_support import BASE, DOC_GRAPH, RESOLUTION, TOKEN, Server
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from resolutions_kg.endpoint.update_dataset import add_using
from resolutions_kg.errors import DatasetConflictError

pytest_plugins = ["endpoint_fixtures"]

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TTL = {"Content-Type": "text/turtle"}
G = "http://example.org/graph/test"
DATA = '<http://example.org/s> <http://example.org/p> "Библиотека"@ru .'


@pytest.fixture()
def writer(writable_server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=writable_server.url, timeout=30, headers=AUTH) as c:
        c.post("/sparql", data={"update": "DROP ALL"})
        yield c


# ------------------------------------------------------------------------------------ reads


def test_get_a_named_graph(client: httpx.Client) -> None:
    r = client.get("/store", params={"graph": DOC_GRAPH}, headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/turtle; charset=utf-8"
    triples = list(ox.parse(r.content, format=ox.RdfFormat.TURTLE))
    assert ox.NamedNode(RESOLUTION) in {t.subject for t in triples}


@pytest.mark.parametrize("accept", ["application/n-triples", "application/ld+json",
                                    "application/rdf+xml"])
def test_get_a_graph_in_other_formats(client: httpx.Client, accept: str) -> None:
    r = client.get("/store", params={"graph": DOC_GRAPH}, headers={"Accept": accept})
    assert r.headers["content-type"].startswith(accept)
    assert list(ox.parse(r.content, format=ox.RdfFormat.from_media_type(accept)))


def test_get_the_whole_dataset_as_trig(client: httpx.Client) -> None:
    r = client.get("/store", headers={"Accept": "application/trig"})
    graphs = {q.graph_name for q in ox.parse(r.content, format=ox.RdfFormat.TRIG)}
    assert ox.NamedNode(DOC_GRAPH) in graphs


def test_head_and_missing_graphs(client: httpx.Client) -> None:
    head = client.head("/store", params={"graph": DOC_GRAPH})
    assert head.status_code == 200 and head.headers["content-type"].startswith("text/turtle")
    assert head.content == b""
    assert client.get("/store", params={"graph": f"{BASE}graph/none"}).status_code == 404
    assert client.head("/store", params={"graph": f"{BASE}graph/none"}).status_code == 404


@pytest.mark.parametrize(
    ("params", "headers", "status"),
    [
        ({"graph": DOC_GRAPH}, {"Accept": "image/png"}, 406),
        ({"graph": "not an iri"}, {}, 400),
        ({"graph": DOC_GRAPH, "default": ""}, {}, 400),
    ],
)
def test_bad_reads(client: httpx.Client, params: dict[str, str], headers: dict[str, str],
                   status: int) -> None:
    assert client.get("/store", params=params, headers=headers).status_code == status


# ------------------------------------------------------------------------------ permissions


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
def test_a_server_without_token_is_read_only(client: httpx.Client, method: str) -> None:
    r = client.request(method, "/store", params={"graph": G}, content=DATA, headers=TTL)
    assert r.status_code == 403 and "read-only" in r.text
    u = client.post("/sparql", data={"update": "CLEAR ALL"}, headers=AUTH)
    assert u.status_code == 403


@pytest.mark.parametrize(
    ("authorization", "status"),
    [
        (None, 401),
        ("Basic dXNlcjpwYXNz", 401),
        ("Bearer", 401),
        ("Bearer wrong-token", 403),
        (f"Bearer {TOKEN}", 201),
        (f"bearer {TOKEN}", 201),
    ],
)
def test_writes_need_the_token(writable_server: Server, authorization: str | None,
                               status: int) -> None:
    headers = dict(TTL)
    if authorization is not None:
        headers["Authorization"] = authorization
    with httpx.Client(base_url=writable_server.url) as c:
        c.delete("/store", params={"graph": G}, headers=AUTH)
        r = c.put("/store", params={"graph": G}, content=DATA, headers=headers)
    assert r.status_code == status, r.text
    if status == 401:
        assert r.headers["www-authenticate"].startswith("Bearer")


def test_updates_need_the_token(writable_server: Server) -> None:
    r = httpx.post(f"{writable_server.url}/sparql", data={"update": "CLEAR ALL"})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    r = httpx.post(f"{writable_server.url}/sparql", data={"update": "CLEAR ALL"},
                   headers={"Authorization": "Bearer nope"})
    assert r.status_code == 403


# ----------------------------------------------------------------------------------- writes


def _count(c: httpx.Client, graph: str) -> int:
    q = f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    return int(c.get("/sparql", params={"query": q}).json()["results"]["bindings"][0]["n"]
               ["value"])


def test_put_creates_then_replaces(writer: httpx.Client) -> None:
    assert writer.put("/store", params={"graph": G}, content=DATA, headers=TTL).status_code == 201
    two = DATA + '\n<http://example.org/s> <http://example.org/q> "2" .'
    assert writer.put("/store", params={"graph": G}, content=two, headers=TTL).status_code == 204
    assert _count(writer, G) == 2


def test_post_adds_and_delete_removes(writer: httpx.Client) -> None:
    assert writer.post("/store", params={"graph": G}, content=DATA, headers=TTL).status_code == 201
    other = '<http://example.org/s> <http://example.org/q> "2" .'
    assert writer.post("/store", params={"graph": G}, content=other,
                       headers=TTL).status_code == 204
    assert _count(writer, G) == 2
    assert writer.delete("/store", params={"graph": G}).status_code == 204
    assert writer.get("/store", params={"graph": G}).status_code == 404
    assert writer.delete("/store", params={"graph": G}).status_code == 404


def test_post_without_graph_creates_one(writer: httpx.Client) -> None:
    r = writer.post("/store", content=DATA, headers=TTL)
    assert r.status_code == 201
    location = r.headers["location"]
    assert location.startswith(f"{BASE}graph/")
    assert writer.get("/store", params={"graph": location}).status_code == 200


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/n-triples", DATA),
        ("application/ld+json",
         '{"@id": "http://example.org/s", "http://example.org/p": "Библиотека"}'),
        ("application/rdf+xml",
         '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
         'xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/s">'
         '<ex:p>Библиотека</ex:p></rdf:Description></rdf:RDF>'),
    ],
)
def test_put_in_every_readable_format(writer: httpx.Client, content_type: str,
                                      body: str) -> None:
    r = writer.put("/store", params={"graph": G}, content=body.encode(),
                   headers={"Content-Type": content_type})
    assert r.status_code == 201, r.text
    assert _count(writer, G) == 1


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("text/turtle", "<http://example.org/s> <http://example.org/p> .", 400),
        ("application/pdf", "%PDF", 415),
        ("text/turtle; charset=latin-1", DATA, 415),
    ],
)
def test_bad_bodies(writer: httpx.Client, content_type: str, body: str, status: int) -> None:
    r = writer.put("/store", params={"graph": G}, content=body.encode(),
                   headers={"Content-Type": content_type})
    assert r.status_code == status
    if status == 400:
        assert "line 1" in r.text
    assert writer.get("/store", params={"graph": G}).status_code == 404


def test_body_over_the_limit_is_413(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path)) / "store"
    with Server(folder, "--update-token", TOKEN, "--max-body", "100") as s:
        r = httpx.put(f"{s.url}/store", params={"graph": G}, content=DATA * 5,
                      headers={**TTL, **AUTH})
        assert r.status_code == 413


def test_update_through_sparqlwrapper_is_seen_by_queries(writable_server: Server,
                                                        writer: httpx.Client) -> None:
    update = SPARQLWrapper(f"{writable_server.url}/sparql")
    update.setMethod(POST)
    update.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    update.setQuery(f"INSERT DATA {{ GRAPH <{G}> {{ {DATA} }} }}")
    assert update.query().response.status == 204
    query = SPARQLWrapper(f"{writable_server.url}/sparql")
    query.setQuery(f"ASK {{ GRAPH <{G}> {{ ?s ?p ?o }} }}")
    query.setReturnFormat(JSON)
    assert query.query().convert()["boolean"] is True


def test_a_runaway_query_is_stopped_on_a_writable_server(writer: httpx.Client) -> None:
    filler = "\n".join(f"<http://example.org/{i}> <http://example.org/p> {i} ." for i in
                       range(300))
    writer.put("/store", params={"graph": G}, content=filler, headers=TTL)
    explosive = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    r = writer.get("/sparql", params={"query": explosive, "timeout": "1"})
    assert r.status_code == 503
    assert writer.post("/store", params={"graph": G}, content=DATA,
                       headers=TTL).status_code == 204
    assert _count(writer, G) == 301


# ------------------------------------------------------------- update dataset (unit table)

USING_TABLE = [
    ("INSERT { GRAPH <g> { ?s ?p ?o } } WHERE { ?s ?p ?o }",
     "INSERT { GRAPH <g> { ?s ?p ?o } } USING <a> USING NAMED <b> WHERE { ?s ?p ?o }"),
    ("DELETE WHERE { ?s ?p ?o }",
     "DELETE { ?s ?p ?o } USING <a> USING NAMED <b> WHERE { ?s ?p ?o }"),
    ("CLEAR ALL ; INSERT DATA { <s> <p> 'where' }", "CLEAR ALL ; INSERT DATA { <s> <p> 'where' }"),
    ("PREFIX where: <http://x#> INSERT { ?s a where:x } where { ?s ?p ?o } # WHERE",
     "PREFIX where: <http://x#> INSERT { ?s a where:x } USING <a> USING NAMED <b> "
     "where { ?s ?p ?o } # WHERE"),
]


@pytest.mark.parametrize(("update", "expected"), USING_TABLE)
def test_add_using(update: str, expected: str) -> None:
    assert add_using(update, ["a"], ["b"]) == expected


@pytest.mark.parametrize("update", [
    "WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } USING <g> WHERE { ?s ?p ?o }",
])
def test_add_using_refuses_using_and_with(update: str) -> None:
    with pytest.raises(DatasetConflictError):
        add_using(update, ["a"], [])
