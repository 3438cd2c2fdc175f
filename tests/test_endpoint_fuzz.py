"""Issue 13: generated and mutated requests against live servers (hypothesis).

Queries are mutations of the named queries (``queries/*.rq``): tokens deleted, duplicated or
replaced, deep nesting, random text, huge literals; updates and Graph Store bodies in every
accepted format are mutated the same way; headers and paths are random. Every answer must be a
well-formed HTTP response with a 2xx, 3xx (redirects), 4xx or 503 status — never a 500, never a
dropped connection — the server must be alive afterwards, and nothing sent without the token may
change the store. About 200 examples in all.
"""

from __future__ import annotations

import hashlib
import re
import socket
from pathlib import Path

import httpx
import pytest
from endpoint_support import TOKEN, Server
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest_plugins = ["endpoint_fixtures"]

QUERIES = [p.read_text(encoding="utf-8")
           for p in sorted((Path(__file__).resolve().parents[1] / "queries").glob("*.rq"))]
UPDATES = [
    "INSERT DATA { GRAPH <urn:fuzz> { <urn:s> <urn:p> \"o\"@en , 1 , [ <urn:q> (1 2) ] } }",
    "DELETE WHERE { GRAPH <urn:fuzz> { ?s <urn:p> ?o } }",
    "PREFIX ex: <http://example.org/> WITH <urn:fuzz> DELETE { ?s ?p ?o } "
    "INSERT { ?s ex:q ?o } WHERE { ?s ?p ?o FILTER(?o != 1) }",
    "CLEAR SILENT GRAPH <urn:fuzz> ; CREATE SILENT GRAPH <urn:other> ; "
    "DROP SILENT GRAPH <urn:other>",
]
BODIES = {
    "text/turtle": "@prefix ex: <http://example.org/> .\n"
                   "ex:s ex:p \"o\"@en, 1 ; ex:q [ ex:r (1 2) ] .\n",
    "application/n-triples": "<http://example.org/s> <http://example.org/p> \"o\" .\n",
    "application/ld+json": '{"@id": "http://example.org/s", "http://example.org/p": '
                           '[{"@value": "o", "@language": "en"}, {"@id": "http://example.org/o"}]}',
    "application/rdf+xml": '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                           'xmlns:ex="http://example.org/"><rdf:Description rdf:about='
                           '"http://example.org/s"><ex:p>o</ex:p></rdf:Description></rdf:RDF>',
    "application/trig": "<http://example.org/s> <http://example.org/p> 1 .\n",
    "application/n-quads": "<http://example.org/s> <http://example.org/p> \"1\" .\n",
}
#: Tokens that matter to lexers and parsers, for insertions.
SPECIAL = ["{", "}", "(", ")", "[", "]", "!", "^", "<", ">", "\"", "'", "'''", '"""', "#", "\\",
           "\\u0000", "SERVICE", "LOAD", "SILENT", "?x", "$", ";", ".", ",", "|", "/", "*", "@",
           "_:b", ":", "a", "VALUES", "GRAPH", "%", "\x00", "\ufffd", "\u202e", "𝔘",
           "BIND(<urn:f>(1) AS ?f)", "FILTER(", "<urn:f>(", "<<", ">>", "<<(", ")>>"]
DEPTH_OPENERS = ["{", "(", "[", "!", "[ <urn:p> ", "( ", "FILTER(", "{ SELECT * WHERE ",
                 "<< ?s ?p "]
OK = {200, 201, 204, 301, 304, 307, 308, 400, 401, 403, 404, 405, 406, 409, 413, 415, 429, 503}
SETTINGS = settings(max_examples=50, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw: st.DrawFn, sources: list[str]) -> str:
    """A source text with a few of its whitespace-separated tokens changed (lines kept)."""
    tokens = re.findall(r"[^\s]+|\n", draw(st.sampled_from(sources)))
    for _ in range(draw(st.integers(0, 4))):
        if not tokens:
            break
        at = draw(st.integers(0, len(tokens) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "replace", "random"]))
        if action == "delete":
            del tokens[at]
        elif action == "duplicate":
            tokens.insert(at, tokens[at])
        elif action == "insert":
            tokens.insert(at, draw(st.sampled_from(SPECIAL)))
        elif action == "replace":
            tokens[at] = draw(st.sampled_from(SPECIAL))
        else:
            tokens.insert(at, draw(st.text(max_size=20)))
    text = " ".join(tokens).replace(" \n ", "\n")
    extra = draw(st.sampled_from(["none", "deep", "literal"]))
    if extra == "deep":
        opener = draw(st.sampled_from(DEPTH_OPENERS))
        depth = draw(st.sampled_from([10, 65, 500, 5000]))
        at = draw(st.integers(0, len(text)))
        text = text[:at] + opener * depth + text[at:]
    elif extra == "literal":
        at = draw(st.integers(0, len(text)))
        literal = '"' + "x" * draw(st.sampled_from([1000, 60_000, 150_000])) + '"'
        text = text[:at] + literal + text[at:]
    return text


def dump_hash(server: Server) -> str:
    body = httpx.get(f"{server.url}/store", headers={"Accept": "application/n-quads"},
                     timeout=30).content
    return hashlib.sha256(b"\n".join(sorted(body.splitlines()))).hexdigest()


def check(response: httpx.Response) -> None:
    assert response.status_code in OK, (response.status_code, response.text[:500])


def alive(server: Server) -> None:
    assert server.process is not None and server.process.poll() is None
    assert "exited with" not in server.log.read_text(errors="replace")
    assert httpx.get(f"{server.url}/health", timeout=30).status_code == 200


# Headers: printable ASCII and some Latin-1 (what a client can put on the wire).
header_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xff,
                                    blacklist_characters="\x7f"), max_size=60)


def latin1(headers: dict[str, str]) -> dict[str, bytes]:
    """Header values as the bytes on the wire (httpx itself takes only ASCII text)."""
    return {k: v.strip(" \t").encode("latin-1") for k, v in headers.items()}
accepts = st.one_of(header_text, st.sampled_from([
    "application/sparql-results+json", "text/csv;q=0.5, */*;q=0", "*/*", "text/html",
    "application/ld+json;q=abc", "text/turtle, application/sparql-results+xml;q=0.9", "",
]))


@SETTINGS
@given(query=mutated(QUERIES), method=st.sampled_from(["GET", "form", "direct"]),
       accept=accepts)
def test_mutated_queries(server: Server, query: str, method: str, accept: str) -> None:
    headers = latin1({"Accept": accept})
    params = {"timeout": "2"}
    with httpx.Client(base_url=server.url, timeout=60) as client:
        if method == "GET" and len(query) < 20_000:
            response = client.get("/sparql", params={"query": query, **params}, headers=headers)
        elif method == "direct":
            response = client.post("/sparql", params=params, content=query.encode(),
                                   headers={**headers,
                                            "Content-Type": b"application/sparql-query"})
        else:
            response = client.post("/sparql", data={"query": query, **params}, headers=headers)
    check(response)


def test_the_read_only_server_survived_the_queries(server: Server) -> None:
    alive(server)


@SETTINGS
@given(update=mutated(UPDATES),
       authorization=st.one_of(st.none(), header_text, st.just(f"Bearer {TOKEN}"),
                               st.just(f"bearer  {TOKEN} x"), st.just("Basic Zm9vOmJhcg==")))
def test_mutated_updates(writable_server: Server, update: str, authorization: str | None) -> None:
    headers = {"Content-Type": "application/sparql-update"}
    if authorization is not None:
        headers["Authorization"] = authorization
    authorised = authorization == f"Bearer {TOKEN}"
    before = None if authorised else dump_hash(writable_server)
    response = httpx.post(f"{writable_server.url}/sparql", content=update.encode(),
                          headers=latin1(headers), timeout=60)
    check(response)
    if not authorised:
        assert response.status_code >= 400
        assert dump_hash(writable_server) == before


@st.composite
def bodies(draw: st.DrawFn) -> tuple[str, bytes]:
    media = draw(st.sampled_from(sorted(BODIES)))
    kind = draw(st.sampled_from(["mutated", "bytes", "deep", "other-type"]))
    if kind == "bytes":
        return media, draw(st.binary(max_size=200))
    if kind == "deep":
        depth = draw(st.sampled_from([100, 300, 20_000]))
        if media == "application/ld+json":
            return media, ('{"@id": "urn:s", "urn:p": ' + '{"urn:p": ' * depth + "1"
                           + "}" * (depth + 1)).encode()
        if media == "application/rdf+xml":
            return media, ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                           'xmlns:e="urn:e#">' + "<rdf:Description><e:p>" * depth
                           + "</e:p></rdf:Description>" * depth + "</rdf:RDF>").encode()
        return media, ("<urn:s> <urn:p> " + "[ <urn:p> " * depth + "1" + " ]" * depth
                       + " .").encode()
    text = draw(mutated([BODIES[media]]))
    if kind == "other-type":
        media = draw(st.one_of(header_text, st.sampled_from(
            [f"{media}; charset=latin-1", "multipart/form-data", "multipart/form-data; boundary=x",
             "application/x-www-form-urlencoded", "text/plain"])))
    return media, text.encode()


@SETTINGS
@given(body=bodies(), method=st.sampled_from(["PUT", "POST"]),
       graph=st.sampled_from([{"graph": "urn:fuzz"}, {"default": ""}, {}, {"graph": "a b"},
                              {"graph": "urn:x", "default": ""}]),
       authorised=st.booleans())
def test_mutated_graph_store_bodies(writable_server: Server, body: tuple[str, bytes],
                                    method: str, graph: dict[str, str],
                                    authorised: bool) -> None:
    media, content = body
    headers = {"Content-Type": media}
    if authorised:
        headers["Authorization"] = f"Bearer {TOKEN}"
    before = None if authorised else dump_hash(writable_server)
    response = httpx.request(method, f"{writable_server.url}/store", params=graph,
                             content=content, headers=latin1(headers), timeout=60)
    check(response)
    if not authorised:
        assert response.status_code in (401, 403)
        assert dump_hash(writable_server) == before


def test_the_writable_server_survived_the_writes(writable_server: Server) -> None:
    alive(writable_server)


path_text = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7e,
                                  blacklist_characters="#?"), max_size=40)


@SETTINGS
@given(path=st.one_of(
           path_text.map(lambda p: "/" + p),
           st.builds(lambda seg, raw: f"/{seg}/" + "".join(f"%{b:02X}" for b in raw),
                     st.sampled_from(["resolution", "sparql", "store", "queries", "dumps",
                                      "static", "ontology", "dataset", ".well-known"]),
                     st.binary(max_size=8))),
       query=st.one_of(st.just(""), path_text.map(lambda q: "?" + q)),
       method=st.sampled_from(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"]),
       accept=accepts, content_type=header_text, authorization=header_text)
def test_odd_paths_and_headers(server: Server, path: str, query: str, method: str, accept: str,
                               content_type: str, authorization: str) -> None:
    headers = {"Accept": accept, "Content-Type": content_type, "Authorization": authorization,
               "Origin": "http://example.org"}
    request = httpx.Request(method, server.url, headers=latin1(headers),
                            content=b"x" if method in ("POST", "PUT") else None)
    # the path as given, not normalised by httpx
    request.url = request.url.copy_with(raw_path=(path + query).encode())
    with httpx.Client(timeout=60) as client:
        response = client.send(request)
    check(response)


def test_the_read_only_server_survived_the_paths(server: Server) -> None:
    alive(server)


@pytest.mark.parametrize("raw", [
    b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nAccept: \xff\xfe\r\n\r\n",
    b"GET /\xff HTTP/1.1\r\nHost: x\r\n\r\n",
    b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
    b"Content-Length: 5\r\n\r\nASK{}",
    b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
    b"Transfer-Encoding: chunked\r\n\r\n5\r\nASK{}\r\n0\r\n\r\n",
    b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \x00\r\n\r\n",
])
def test_raw_requests(server: Server, raw: bytes) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(raw)
        head = sock.recv(65536)
    status = int(head.split(b" ", 2)[1])
    assert status in OK
