"""Issue 13: what a hostile client can send a running ``reskg serve``, and what it gets back.

Every test here reproduces an attack through a real server on 127.0.0.1 and checks the answer
and that the server process survived it (the supervisor logs a server process that died).
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from endpoint_support import TOKEN, Server

pytest_plugins = ["endpoint_fixtures"]

DEEP = 10_000
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def assert_alive(server: Server) -> None:
    assert server.process is not None and server.process.poll() is None
    assert "exited with" not in server.log.read_text(errors="replace")
    assert httpx.get(f"{server.url}/health", timeout=10).status_code == 200


class Listener(http.server.ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 that records every request it gets (the SSRF target)."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        listener = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                listener.requests.append(f"{self.command} {self.path} "
                                         f"{self.headers.get('User-Agent')}")
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_POST = do_GET  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}/"


@pytest.fixture()
def listener() -> Iterator[Listener]:
    server = Listener()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------- nesting


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE " + "{" * DEEP + "}" * DEEP,
        "SELECT * WHERE { FILTER(" + "(" * DEEP + "1" + ")" * DEEP + ") }",
        "SELECT * WHERE { ?s <urn:p> " + "[<urn:p>" * 3000 + "1" + "]" * 3000 + " }",
        "SELECT * WHERE { ?s <urn:p> " + "(" * 3000 + "1" + ")" * 3000 + " }",
        "SELECT * WHERE { FILTER(" + "!" * DEEP + "true) }",
    ],
    ids=["braces", "parentheses", "brackets", "collections", "not"],
)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_deeply_nested_query_is_refused_and_the_server_lives(
        server: Server, query: str, method: str) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        if method == "GET":
            response = client.get("/sparql", params={"query": query})
        else:
            response = client.post("/sparql", content=query.encode(),
                                   headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 400
    assert "max_query_depth" in response.text
    assert_alive(server)


def test_a_deeply_nested_update_is_refused_and_the_server_lives(
        writable_server: Server) -> None:
    update = ("INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> " + "[<urn:p>" * DEEP + "1"
              + "]" * DEEP + " } }")
    response = httpx.post(f"{writable_server.url}/sparql", content=update.encode(),
                          headers={"Content-Type": "application/sparql-update", **AUTH},
                          timeout=30)
    assert response.status_code == 400
    assert "max_query_depth" in response.text
    assert_alive(writable_server)


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/ld+json",
         '{"@id": "urn:s", "urn:p": ' + '{"urn:p": ' * 20_000 + "1" + "}" * 20_001),
        ("application/rdf+xml",
         '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="urn:e#">'
         + "<rdf:Description><e:p>" * 20_000 + "</e:p></rdf:Description>" * 20_000
         + "</rdf:RDF>"),
    ],
    ids=["json-ld", "rdf-xml"],
)
def test_a_deeply_nested_graph_store_body_is_refused_and_the_server_lives(
        writable_server: Server, content_type: str, body: str) -> None:
    response = httpx.put(f"{writable_server.url}/store", params={"graph": "urn:deep"},
                         content=body.encode(),
                         headers={"Content-Type": content_type, **AUTH}, timeout=60)
    assert response.status_code == 400
    assert "max_body_depth" in response.text
    assert_alive(writable_server)


# ---------------------------------------------------------------- SERVICE and LOAD


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "select * where {{ service silent <{url}sparql> {{ ?s ?p ?o }} }}",
        "PREFIX x: <{url}> SELECT * WHERE {{ SERVICE x:sparql {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ BIND(<{url}> AS ?x) SERVICE ?x {{ ?s ?p ?o }} }}",
    ],
)
def test_service_is_refused_and_nothing_is_fetched(
        server: Server, listener: Listener, template: str) -> None:
    query = template.format(url=listener.url)
    response = httpx.get(f"{server.url}/sparql", params={"query": query}, timeout=30)
    assert response.status_code == 400
    assert "service_allow" in response.text
    assert listener.requests == []


def test_load_is_refused_even_with_the_token_and_nothing_is_fetched(
        writable_server: Server, listener: Listener) -> None:
    response = httpx.post(f"{writable_server.url}/sparql",
                          content=f"LOAD <{listener.url}data.ttl> INTO GRAPH <urn:g>".encode(),
                          headers={"Content-Type": "application/sparql-update", **AUTH},
                          timeout=30)
    assert response.status_code == 400
    assert "service_allow" in response.text
    assert listener.requests == []


def test_an_allowed_service_is_called(tmp_path_factory: pytest.TempPathFactory,
                                      endpoint_store: Path, listener: Listener) -> None:
    with Server(endpoint_store, "--service-allow", listener.url, "--processes", "1",
                log_dir=tmp_path_factory.mktemp("allow")) as server:
        query = f"SELECT * WHERE {{ SERVICE SILENT <{listener.url}sparql> {{ ?s ?p ?o }} }}"
        response = httpx.get(f"{server.url}/sparql", params={"query": query}, timeout=30)
        assert response.status_code == 200
    assert [r.split()[:2] for r in listener.requests] == [["POST", "/sparql"]]
