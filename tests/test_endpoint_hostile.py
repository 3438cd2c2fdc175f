"""Issue 13: what a hostile client can send a running ``reskg serve``, and what it gets back.

Every test here reproduces an attack through a real server on 127.0.0.1 and checks the answer
and that the server process survived it (the supervisor logs a server process that died).
"""

from __future__ import annotations

import http.server
import socket
import threading
import time
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
        # not a crash: parsing takes minutes (a high power of the depth)
        "SELECT * WHERE { " + "<< ?s ?p " * 1000 + "?o" + " >>" * 1000 + " ?p ?o }",
    ],
    ids=["braces", "parentheses", "brackets", "collections", "not", "quoted-triples"],
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


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { FILTER(" + "+".join(["1"] * 8000) + " > 0) }",
        "SELECT * WHERE { FILTER(" + "&&".join(["true"] * 16000) + ") }",
        "SELECT * WHERE { " + " ".join(f"BIND({i} AS ?v{i})" for i in range(3000)) + " }",
    ],
    ids=["plus", "and", "bind"],
)
def test_a_long_chain_is_refused_and_the_server_lives(server: Server, query: str) -> None:
    response = httpx.post(f"{server.url}/sparql", content=query.encode(),
                          headers={"Content-Type": "application/sparql-query"}, timeout=30)
    assert response.status_code == 400
    assert "max_query_chain" in response.text
    assert_alive(server)


def test_a_long_chain_in_an_update_is_refused_but_a_large_data_block_is_not(
        writable_server: Server) -> None:
    binds = " ".join(f"BIND({i} AS ?v{i})" for i in range(3000))
    chained = f"INSERT {{ GRAPH <urn:g> {{ <urn:s> <urn:p> ?v1 }} }} WHERE {{ {binds} }}"
    data = ("INSERT DATA { GRAPH <urn:data> { <urn:s> <urn:p> "
            + ", ".join(str(-i) for i in range(5000)) + " } }")
    with httpx.Client(base_url=writable_server.url, timeout=30,
                      headers={"Content-Type": "application/sparql-update", **AUTH}) as client:
        refused = client.post("/sparql", content=chained.encode())
        loaded = client.post("/sparql", content=data.encode())
        client.delete("/store", params={"graph": "urn:data"})
    assert refused.status_code == 400
    assert "max_query_chain" in refused.text
    assert loaded.status_code == 204
    assert_alive(writable_server)


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


# ---------------------------------------------------------------- odd input


@pytest.mark.parametrize(
    "path",
    ["/resolution/a%20b", "/resolution/a%22b", "/resolution/a%3Cb%3E", "/a%7Bb%7D",
     "/resolution/a%00b", "/resolution/a%20b.ttl", "/resolution/%5E%60"],
)
def test_a_path_that_is_no_iri_is_not_found(client: httpx.Client, path: str) -> None:
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/resolution/a%FFb", "/resolution/%C3%28", "/%FF.ttl"])
def test_a_path_that_is_not_utf8_is_a_bad_request(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 400
    assert "not valid UTF-8" in response.text


@pytest.mark.parametrize("name", ["default-graph-uri", "named-graph-uri"])
@pytest.mark.parametrize("value", ["not an iri", "a b", "urn:x>y", "relative"])
def test_a_dataset_that_is_no_iri_is_a_bad_request(
        client: httpx.Client, name: str, value: str) -> None:
    response = client.get("/sparql", params={"query": "ASK {}", name: value})
    assert response.status_code == 400
    assert name in response.text


def test_a_using_graph_that_is_no_iri_is_a_bad_request(writable_server: Server) -> None:
    response = httpx.post(f"{writable_server.url}/sparql",
                          params={"using-graph-uri": "urn:g> } ; DROP ALL ; #"},
                          content=b"INSERT { <urn:s> <urn:p> 1 } WHERE {}",
                          headers={"Content-Type": "application/sparql-update", **AUTH})
    assert response.status_code == 400
    assert "using-graph-uri" in response.text


@pytest.mark.parametrize(
    "query_string",
    ["query=SELECT%20(%22%FF%22%20AS%20%3Fx)%20%7B%7D", "timeout=1&query=ASK%7B%7D%FF",
     "query=ASK%7B%7D&default-graph-uri=urn:%FF"],
)
def test_a_parameter_that_is_not_utf8_is_a_bad_request_naming_it(
        server: Server, query_string: str) -> None:
    response = httpx.get(f"{server.url}/sparql?{query_string}")
    assert response.status_code == 400
    name = query_string.split("%FF")[0].rsplit("&", 1)[-1].split("=")[0]
    assert f"'{name}'" in response.text


@pytest.mark.parametrize("iri", ["javascript:alert(document.domain)",
                                 "data:text/html,%3Cb%3Ex%3C/b%3E", "vbscript:msgbox(1)",
                                 "JavaScript:alert(1)"])
def test_an_iri_of_another_scheme_is_shown_but_never_linked(
        writable_server: Server, iri: str) -> None:
    subject = "https://w3id.org/resolutions-kg/resolution/hostile-link"
    turtle = f"<{subject}> <https://schema.org/url> <{iri}> ; <{iri}> 1 .".encode()
    with httpx.Client(base_url=writable_server.url, headers=AUTH) as client:
        stored = client.put("/store", params={"graph": "urn:hostile"}, content=turtle,
                            headers={"Content-Type": "text/turtle"})
        assert stored.status_code in (201, 204)
        page = client.get("/resolution/hostile-link", headers={"Accept": "text/html"})
        client.delete("/store", params={"graph": "urn:hostile"})
    assert page.status_code == 200
    assert "hostile-link" in page.text
    lowered = page.text.lower()
    for scheme in ("javascript:", "data:", "vbscript:"):
        assert f'href="{scheme}' not in lowered


# ---------------------------------------------------------------- slow clients


@pytest.fixture(scope="module")
def impatient_server(tmp_path_factory: pytest.TempPathFactory,
                     endpoint_store: Path) -> Iterator[Server]:
    with Server(endpoint_store, "--header-timeout", "1", "--processes", "1",
                log_dir=tmp_path_factory.mktemp("impatient")) as server:
        server.in_memory()  # no process retiring (and closing connections) during the tests
        yield server


def _closed_by_server(sock: socket.socket) -> bool:
    """True when the server closed the connection (a read gives EOF or a reset)."""
    try:
        return sock.recv(1024) == b""
    except ConnectionResetError:
        return True


def test_an_idle_connection_is_closed(impatient_server: Server) -> None:
    with socket.create_connection(("127.0.0.1", impatient_server.port), timeout=30) as sock:
        assert _closed_by_server(sock)
    assert_alive(impatient_server)


def test_a_client_sending_its_headers_byte_by_byte_is_disconnected(
        impatient_server: Server) -> None:
    request = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 40 + b"\r\n\r\n"
    sent = 0
    with socket.create_connection(("127.0.0.1", impatient_server.port), timeout=30) as sock:
        try:
            for byte in request:
                sock.sendall(bytes([byte]))
                sent += 1
                time.sleep(0.1)
        except (BrokenPipeError, ConnectionResetError):
            pass
        assert sent < len(request) or _closed_by_server(sock)
        assert sent < len(request)
    assert_alive(impatient_server)


def test_a_client_pausing_in_its_body_is_disconnected(impatient_server: Server) -> None:
    head = (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK")
    with socket.create_connection(("127.0.0.1", impatient_server.port), timeout=30) as sock:
        sock.sendall(head)
        assert _closed_by_server(sock)


def test_endless_headers_are_refused(impatient_server: Server) -> None:
    line = b"X-Pad: " + b"a" * 8000 + b"\r\n"
    sent, answer = 0, b""
    with socket.create_connection(("127.0.0.1", impatient_server.port), timeout=30) as sock:
        try:
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            while sent < 10_000_000:
                sock.sendall(line)
                sent += len(line)
            sock.sendall(b"\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            answer = sock.recv(1024)
        except ConnectionResetError:
            pass
    assert sent < 10_000_000
    assert answer == b"" or answer.startswith(b"HTTP/1.1 431 ")
    assert_alive(impatient_server)


def test_a_prompt_client_keeps_its_connection(impatient_server: Server) -> None:
    with httpx.Client(base_url=impatient_server.url) as client:
        first = client.get("/sparql", params={"query": "ASK {}"})
        second = client.get("/sparql", params={"query": "ASK {}"})
    assert first.status_code == second.status_code == 200


# ---------------------------------------------------------------- limits


@pytest.fixture(scope="module")
def limited_server(tmp_path_factory: pytest.TempPathFactory,
                   endpoint_store: Path) -> Iterator[Server]:
    with Server(endpoint_store, "--max-result-bytes", "5000", "--max-client-queries", "1",
                "--processes", "1", log_dir=tmp_path_factory.mktemp("limited")) as server:
        server.in_memory()  # one process from now on: the limits are per process
        yield server


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/csv"])
def test_a_result_past_max_result_bytes_is_stopped(limited_server: Server, accept: str) -> None:
    with httpx.Client(base_url=limited_server.url, headers={"Accept": accept}) as client:
        small = client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o } LIMIT 3"})
        large = client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    assert small.status_code == 200
    assert large.status_code == 503
    assert "max_result_bytes" in large.text


def test_a_client_past_max_client_queries_waits_its_turn(limited_server: Server) -> None:
    slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    statuses: list[int] = []

    def run() -> None:
        response = httpx.get(f"{limited_server.url}/sparql",
                             params={"query": slow, "timeout": "3"}, timeout=30)
        statuses.append(response.status_code)

    first = threading.Thread(target=run)
    first.start()
    time.sleep(0.5)
    second = httpx.get(f"{limited_server.url}/sparql", params={"query": "ASK {}"}, timeout=30)
    first.join()
    assert statuses == [503]
    assert second.status_code == 429
    assert second.headers["Retry-After"] == "1"
    assert "max_client_queries" in second.text
    after = httpx.get(f"{limited_server.url}/sparql", params={"query": "ASK {}"}, timeout=30)
    assert after.status_code == 200


# ---------------------------------------------------------------- queries the engine will not run


@pytest.mark.parametrize("writable", [False, True], ids=["read-only", "read-write"])
def test_a_query_the_engine_will_not_run_is_a_bad_request(
        server: Server, writable_server: Server, writable: bool) -> None:
    target = writable_server if writable else server
    response = httpx.get(f"{target.url}/sparql",
                         params={"query": "SELECT ?x { BIND(<urn:f>(1) AS ?x) }"}, timeout=30)
    assert response.status_code == 400
    assert "custom function" in response.text


def test_an_update_the_engine_will_not_run_is_a_bad_request(writable_server: Server) -> None:
    response = httpx.post(
        f"{writable_server.url}/sparql",
        content=b"INSERT { GRAPH <urn:g> { <urn:s> <urn:p> ?o } } WHERE { BIND(<urn:f>(1) AS ?o) }",
        headers={"Content-Type": "application/sparql-update", **AUTH}, timeout=30)
    assert response.status_code == 400
    assert "custom function" in response.text


def test_a_pipelined_request_is_not_cut_by_the_header_deadline(impatient_server: Server) -> None:
    """A request that arrives before the previous response is complete (a client sends its next
    request as soon as it has read a HEAD's headers) already has its headers: the header
    deadline (1 s here) must not close its connection while the server works on it (the CI
    run of session 13 saw «Server disconnected» after a HEAD)."""
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    body = slow.encode()
    requests = (b"HEAD /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/sparql-query\r\nAccept: text/csv\r\n"
                b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    with socket.create_connection(("127.0.0.1", impatient_server.port), timeout=60) as sock:
        sock.sendall(requests)
        received = b""
        started = time.monotonic()
        while received.count(b"HTTP/1.1 ") < 2 or not received.rstrip().endswith(b"\n") and (
                time.monotonic() - started < 50):
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
        elapsed = time.monotonic() - started
    answers = received.split(b"HTTP/1.1 ")[1:]
    assert len(answers) == 2, (len(answers), elapsed, received[:300])
    assert answers[1].startswith(b"200"), answers[1][:200]
    assert elapsed > 1.5  # (the query outlasted the deadline: the case is the one it means)
