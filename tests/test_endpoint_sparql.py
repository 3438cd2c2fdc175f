"""The SPARQL 1.1 Protocol at /sparql, through real clients against a running ``reskg serve``."""

from __future__ import annotations

import csv
import io
import json
import os
import time
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from endpoint_support import BASE, DOC_GRAPH, FILLER_GRAPH, RESOLUTION, Server
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

pytest_plugins = ["endpoint_fixtures"]

SELECT = f"SELECT ?r ?pos WHERE {{ ?r <{BASE}ontology#position> ?pos }} ORDER BY ?pos"
ASK = f"ASK {{ <{RESOLUTION}> ?p ?o }}"
CONSTRUCT = f"CONSTRUCT {{ ?r <urn:pos> ?pos }} WHERE {{ ?r <{BASE}ontology#position> ?pos }}"
DESCRIBE = f"DESCRIBE <{RESOLUTION}>"


def wrapper(server: Server, query: str, fmt: str, *, accept: str | None = None) -> Any:
    sparql = SPARQLWrapper(f"{server.url}/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if accept:
        sparql.setOnlyConneg(True)
        sparql.addCustomHttpHeader("Accept", accept)
    return sparql.query()


# ------------------------------------------------------------------ SPARQLWrapper, every form


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_select_in_every_results_format(server: Server, fmt: str) -> None:
    result = wrapper(server, SELECT, fmt)
    converted = result.convert()
    if fmt == JSON:
        rows = [b["pos"]["value"] for b in converted["results"]["bindings"]]
    elif fmt == XML:
        rows = [n.firstChild.firstChild.data for n in converted.getElementsByTagName("binding")
                if n.getAttribute("name") == "pos"]
    else:
        text = converted.decode() if isinstance(converted, bytes) else converted
        reader = csv.reader(io.StringIO(text), delimiter="," if fmt == CSV else "\t")
        header, *body = list(reader)
        column = header.index("pos" if fmt == CSV else "?pos")
        rows = [r[column].split("^^")[0].strip('"') for r in body]
    assert rows == ["1", "2"]


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_ask_in_json_and_xml(server: Server, fmt: str) -> None:
    converted = wrapper(server, ASK, fmt).convert()
    if fmt == JSON:
        assert converted["boolean"] is True
    else:
        assert converted.getElementsByTagName("boolean")[0].firstChild.data == "true"


@pytest.mark.parametrize("fmt", [CSV, TSV])
def test_ask_in_csv_and_tsv(server: Server, fmt: str) -> None:
    converted = wrapper(server, ASK, fmt).convert()
    assert (converted.decode() if isinstance(converted, bytes) else converted).strip() == "true"


@pytest.mark.parametrize(
    ("query", "fmt", "accept", "media_type"),
    [
        (CONSTRUCT, TURTLE, None, "text/turtle"),
        (CONSTRUCT, N3, "application/n-triples", "application/n-triples"),
        (CONSTRUCT, JSONLD, None, "application/ld+json"),
        (CONSTRUCT, RDFXML, None, "application/rdf+xml"),
        (DESCRIBE, TURTLE, None, "text/turtle"),
        (DESCRIBE, N3, "application/n-triples", "application/n-triples"),
        (DESCRIBE, JSONLD, None, "application/ld+json"),
        (DESCRIBE, RDFXML, None, "application/rdf+xml"),
    ],
)
def test_graph_queries_in_every_rdf_format(
    server: Server, query: str, fmt: str, accept: str | None, media_type: str
) -> None:
    result = wrapper(server, query, fmt, accept=accept)
    assert result.info()["content-type"].split(";")[0] == media_type
    # SPARQLWrapper's and rdflib's JSON-LD/RDF-XML readers build a deprecated ConjunctiveGraph
    # (a warning, an error here), so the body is read with pyoxigraph.
    body = result.response.read()
    triples = list(ox.parse(body, format=ox.RdfFormat.from_media_type(media_type)))
    if query == CONSTRUCT:
        assert len(triples) == 2
    else:
        assert ox.NamedNode(RESOLUTION) in {t.subject for t in triples}


def test_rdflib_sparqlstore_reads_through_the_endpoint(server: Server) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = rdflib.Graph(SPARQLStore(f"{server.url}/sparql", returnFormat="json"))
    rows = list(graph.query(SELECT))
    assert [int(r.pos) for r in rows] == [1, 2]
    graph.close()


# ---------------------------------------------------------------------- protocol operations


@pytest.mark.parametrize("how", ["get", "form", "direct"])
def test_query_by_get_form_and_direct_post(client: httpx.Client, how: str) -> None:
    if how == "get":
        r = client.get("/sparql", params={"query": ASK})
    elif how == "form":
        r = client.post("/sparql", data={"query": ASK})
    else:
        r = client.post("/sparql", content=ASK,
                        headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 200
    assert r.json() == {"head": {}, "boolean": True}


def test_default_graph_is_the_union_of_named_graphs(client: httpx.Client) -> None:
    q = "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }"
    n = int(client.get("/sparql", params={"query": q}).json()["results"]["bindings"][0]["n"]
            ["value"])
    assert n > 300  # filler subjects and the resolution's


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"default-graph-uri": DOC_GRAPH}, True),
        ({"default-graph-uri": FILLER_GRAPH}, False),
        ({"named-graph-uri": DOC_GRAPH}, False),  # named only: the default graph is empty
    ],
)
def test_dataset_parameters(client: httpx.Client, params: dict[str, str], expected: bool) -> None:
    r = client.get("/sparql", params={"query": ASK, **params})
    assert r.json()["boolean"] is expected


def test_named_graph_uri_limits_graph_patterns(client: httpx.Client) -> None:
    q = "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }"
    r = client.get("/sparql", params={"query": q, "named-graph-uri": FILLER_GRAPH})
    assert [b["g"]["value"] for b in r.json()["results"]["bindings"]] == [FILLER_GRAPH]


def test_relative_iris_resolve_against_the_base_iri(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "ASK { <resolution/tver-2012> ?p ?o }"})
    assert r.json()["boolean"] is True


@pytest.mark.parametrize(
    ("request_kwargs", "status"),
    [
        ({"method": "GET", "url": "/sparql", "params": {"query": "ASK {"}}, 400),
        # without any parameter GET /sparql is the Service Description; with some, a query is
        # missing
        ({"method": "GET", "url": "/sparql", "params": {"default-graph-uri": "http://x/g"}}, 400),
        ({"method": "GET", "url": "/sparql?query=ASK%7B%7D&query=ASK%7B%7D"}, 400),
        ({"method": "GET", "url": "/sparql", "params": {"update": "CLEAR ALL"}}, 405),
        ({"method": "PUT", "url": "/sparql", "params": {"query": ASK}}, 405),
        ({"method": "POST", "url": "/sparql", "content": ASK,
          "headers": {"Content-Type": "text/plain"}}, 415),
        ({"method": "POST", "url": "/sparql", "content": ASK}, 415),
        ({"method": "POST", "url": "/sparql", "content": ASK.encode("utf-16"),
          "headers": {"Content-Type": "application/sparql-query; charset=UTF-16"}}, 415),
        ({"method": "POST", "url": "/sparql", "content": b"ASK { \xff }",
          "headers": {"Content-Type": "application/sparql-query"}}, 400),
        ({"method": "GET", "url": "/sparql", "params": {"query": ASK, "format": "yaml"}}, 400),
        ({"method": "GET", "url": "/sparql", "params": {"query": ASK, "timeout": "soon"}}, 400),
    ],
    ids=["syntax", "missing", "twice", "update-by-get", "put", "text-plain", "no-type",
         "utf-16", "bad-utf-8", "unknown-format", "bad-timeout"],
)
def test_client_mistakes(client: httpx.Client, request_kwargs: dict[str, Any],
                         status: int) -> None:
    r = client.request(**request_kwargs)
    assert r.status_code == status
    assert r.text.startswith(str(status))


def test_syntax_error_carries_the_parser_message(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"},
                   headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 400
    body = r.json()
    assert body["status"] == 400 and "error at 1:" in body["message"]


def test_unknown_path_is_404_in_the_error_shape(client: httpx.Client) -> None:
    r = client.get("/nothing-here", headers={"Accept": "application/json"})
    assert r.status_code == 404
    assert r.json()["status"] == 404


def test_health(client: httpx.Client) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["mode"] == "read-only"
    assert body["triples"] >= 300 and body["graphs"] == 2


# --------------------------------------------------------------------- safe to leave running


def test_cors_on_answers_and_preflight(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": ASK}, headers={"Origin": "https://example.org"})
    assert r.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in r.headers
    pre = client.options("/sparql", headers={
        "Origin": "https://example.org",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    })
    assert pre.status_code == 200
    assert pre.headers["access-control-allow-origin"] == "*"
    assert "POST" in pre.headers["access-control-allow-methods"]


def test_large_answers_are_gzipped(client: httpx.Client) -> None:
    q = "SELECT * { ?s ?p ?o }"
    r = client.get("/sparql", params={"query": q}, headers={"Accept-Encoding": "gzip"})
    assert r.headers["content-encoding"] == "gzip"
    assert len(r.json()["results"]["bindings"]) > 300


def test_query_longer_than_the_limit_is_413(endpoint_store: Any) -> None:
    with Server(endpoint_store, "--max-query-length", "50", "--max-body", "200") as s:
        long_query = "ASK { " + " ".join("?s ?p ?o ." for _ in range(10)) + " }"
        assert httpx.get(f"{s.url}/sparql", params={"query": long_query}).status_code == 413
        big = httpx.post(f"{s.url}/sparql", content=b"#" * 500,
                         headers={"Content-Type": "application/sparql-query"})
        assert big.status_code == 413
        assert httpx.get(f"{s.url}/sparql", params={"query": "ASK {}"}).json()["boolean"]


EXPLOSIVE = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_a_runaway_query_is_stopped_and_others_are_answered(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": EXPLOSIVE, "timeout": "1"})
    assert r.status_code == 503
    assert "time limit of 1 s" in r.text
    after = client.get("/sparql", params={"query": ASK})
    assert after.status_code == 200 and after.json()["boolean"] is True


def test_the_server_limit_caps_the_client_timeout(endpoint_store: Any) -> None:
    with Server(endpoint_store, "--query-timeout", "1", "--workers", "1") as s:
        r = httpx.get(f"{s.url}/sparql", params={"query": EXPLOSIVE, "timeout": "600"},
                      timeout=60)
        assert r.status_code == 503 and "time limit of 1 s" in r.text
        r = httpx.get(f"{s.url}/sparql", params={"query": ASK}, timeout=60)
        assert r.json()["boolean"] is True


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie waiting for its parent does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rpartition(") ")[2][:1] != "Z"


def test_a_query_that_cannot_be_stopped_ends_with_its_process(endpoint_store: Any) -> None:
    """Read-only: queries run in threads of the server process; one past its limit is answered
    at once, and the process is replaced, taking the query with it, without a refused request."""
    with Server(endpoint_store, "--query-timeout", "1", "--processes", "1",
                "--workers", "1") as s, httpx.Client(base_url=s.url, timeout=60) as c:
        health = s.in_memory()
        old = health["process"]
        assert health["mode"] == "read-only" and health["store"] == "memory"
        r = c.get("/sparql", params={"query": EXPLOSIVE})
        assert r.status_code == 503 and "time limit of 1 s" in r.text
        answered = 0
        deadline = time.monotonic() + 60
        while pid_alive(old):
            assert time.monotonic() < deadline, "the stuck process was not replaced"
            assert c.get("/sparql", params={"query": ASK}).json()["boolean"] is True
            answered += 1
            time.sleep(0.05)
        assert answered > 0
        health = c.get("/health").json()
        assert health["process"] != old and health["status"] == "ok"
        assert c.get("/sparql", params={"query": ASK}).json()["boolean"] is True


def test_csv_results_parse_as_csv(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": SELECT, "format": "csv"})
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    assert list(csv.DictReader(io.StringIO(r.text)))[0]["pos"] == "1"


def test_json_results_are_valid_json(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": SELECT})
    assert json.loads(r.text)["head"]["vars"] == ["r", "pos"]


# --------------------------------------------------- GET ?query= alone, the commonest request


#: name -> (query, Accept, status, media type of the answer)
LONE_CASES = {
    "select json": (SELECT, "application/sparql-results+json", 200,
                    "application/sparql-results+json"),
    "select xml": (SELECT, "application/sparql-results+xml", 200,
                   "application/sparql-results+xml"),
    "select csv": (SELECT, "text/csv", 200, "text/csv"),
    "select any": (SELECT, None, 200, "application/sparql-results+json"),
    "ask": (ASK, "application/sparql-results+json, */*;q=0.1", 200,
            "application/sparql-results+json"),
    "construct turtle": (CONSTRUCT, "text/turtle", 200, "text/turtle"),
    "describe n-triples": (DESCRIBE, "application/n-triples", 200, "application/n-triples"),
    "describe json-ld": (DESCRIBE, "application/ld+json", 200, "application/ld+json"),
    "construct, results only": (CONSTRUCT, "application/sparql-results+json", 406,
                                "application/json"),
    "syntax error": ("SELECT ?x WHERE {", "application/sparql-results+json", 400,
                     "application/json"),
    # no results format fits before the query is parsed
    "syntax error, html": ("SELECT ?x WHERE {", "text/html", 406, "text/html"),
    "nothing acceptable": (SELECT, "image/png", 406, "text/plain"),
    "non-ascii": ('SELECT ?t WHERE { ?r ?p ?t FILTER(CONTAINS(STR(?t), "библиотек")) } LIMIT 3',
                  "text/tab-separated-values", 200, "text/tab-separated-values"),
    "plus for space": ("ASK+{}", "application/sparql-results+json", 200,
                       "application/sparql-results+json"),
}


@pytest.mark.parametrize("case", list(LONE_CASES))
@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_get_with_only_a_query(client: httpx.Client, case: str, encoding: str) -> None:
    """``GET /sparql?query=…`` with no other parameter: the status and media type its Accept
    header asks for, ``Vary: Accept`` on results, gzip only when accepted (and the body large
    enough), no CORS header without an Origin; an empty ``timeout=`` (which changes nothing)
    gives the same answer."""
    query, accept, status, media = LONE_CASES[case]
    encoded = (query if case == "plus for space"
               else httpx.QueryParams({"query": query}).__str__().partition("=")[2])
    headers = {"Accept-Encoding": encoding, **({"Accept": accept} if accept else {})}
    lone = client.get(f"/sparql?query={encoded}", headers=headers)
    assert lone.status_code == status, lone.text
    assert lone.headers["content-type"].partition(";")[0] == media
    vary = [v.strip() for v in lone.headers.get("vary", "").split(",")]
    if status == 200:
        assert "Accept" in vary
    if encoding == "identity" or "Accept-Encoding" not in vary:
        assert "content-encoding" not in lone.headers
    else:
        assert lone.headers["content-encoding"] == "gzip"
    assert "access-control-allow-origin" not in lone.headers
    assert "retry-after" not in lone.headers
    if media == "application/sparql-results+json":
        answer = lone.json()
        assert answer["boolean"] is True if "boolean" in answer else answer["results"]["bindings"]
    elif media == "application/json":
        assert lone.json()["status"] == status
    with_timeout = client.get(f"/sparql?query={encoded}&timeout=", headers=headers)
    assert with_timeout.status_code == lone.status_code
    for header in ("content-type", "vary", "content-encoding", "access-control-allow-origin",
                   "retry-after"):
        assert with_timeout.headers.get(header) == lone.headers.get(header), header
    assert with_timeout.content == lone.content


def test_get_with_a_query_and_other_parameters(client: httpx.Client) -> None:
    """The requests beside a lone ``query=``: other parameters, HEAD, an empty or undecodable
    query, all answered by the one route."""
    from urllib.parse import quote

    accept = {"Accept": "application/sparql-results+json"}
    lone = "/sparql?query=" + quote(ASK)
    answer = client.get(lone, headers=accept)
    assert answer.status_code == 200 and answer.json()["boolean"] is True
    for url in (lone + "&timeout=", lone + "&format=json"):
        also = client.get(url, headers=accept)
        assert also.status_code == 200 and also.json()["boolean"] is True
    head = client.head(lone, headers=accept)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == answer.headers["content-type"]
    empty = client.get("/sparql?query=", headers=accept)
    assert empty.status_code == 400 and "syntax" in empty.json()["message"].lower()
    undecodable = client.get("/sparql?query=%FF", headers=accept)
    assert undecodable.status_code == 400 and "query" in undecodable.json()["message"]
    restricted = client.get(f"/sparql?default-graph-uri={quote(FILLER_GRAPH)}&query="
                            + quote("ASK { ?s ?p ?o }"), headers=accept)
    assert restricted.status_code == 200


def allowed_cpus(pid: int) -> str:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Cpus_allowed_list:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"no Cpus_allowed_list for {pid}")


@pytest.mark.skipif(not 2 <= len(os.sched_getaffinity(0)) <= 8, reason="needs 2 to 8 CPUs")
@pytest.mark.parametrize("pin", ["true", "false"])
def test_server_processes_are_pinned_one_per_cpu(endpoint_store: Any, pin: str) -> None:
    cpus = sorted(os.sched_getaffinity(0))
    with Server(endpoint_store, "--processes", str(len(cpus)), "--pin-cpus", pin) as s:
        s.in_memory()  # the processes that answer from the disk at first have been replaced
        seen: dict[int, str] = {}
        deadline = time.monotonic() + 60
        while len(seen) < len(cpus):  # each new connection lands on one of the processes
            assert time.monotonic() < deadline, f"only reached {seen}"
            pid = httpx.get(f"{s.url}/health", timeout=30).json()["process"]
            seen[pid] = allowed_cpus(pid)
    if pin == "true":
        assert sorted(int(allowed) for allowed in seen.values()) == cpus
    else:
        assert all(allowed == allowed_cpus(os.getpid()) for allowed in seen.values())


def test_a_store_over_the_memory_limit_is_queried_on_disk(endpoint_store: Any) -> None:
    with Server(endpoint_store, "--memory-triples", "1") as s:
        health = httpx.get(f"{s.url}/health", timeout=30).json()
        assert health["store"] == "disk" and health["triples"] > 1
        r = httpx.get(f"{s.url}/sparql", params={"query": ASK}, timeout=30)
        assert r.json()["boolean"] is True
