"""A query cannot take the server's memory, and long queries do not hold up writes or /health.

Issue 13: one ``SELECT * … ORDER BY`` over a cross product grew a process from 181 MB to 4.9 GB
within the time limit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from endpoint_support import TOKEN, Server, build_store

pytest_plugins = ["endpoint_fixtures"]

AUTH = {"Authorization": f"Bearer {TOKEN}"}
#: Rows of a threefold cross product of the test store (~320³), sorted: gigabytes.
GREEDY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
SMALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
#: 200 MiB
LIMIT = str(200 * 2**20)


@pytest.fixture(params=["read-only", "read-write"])
def limited_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    store = build_store(tmp_path / "store")
    args = ["--max-query-memory", LIMIT, "--query-timeout", "120"]
    if request.param == "read-write":
        args += ["--update-token", TOKEN]
    with Server(store, *args) as server:
        yield server


def ask(client: httpx.Client, query: str) -> httpx.Response:
    return client.get("/sparql", params={"query": query},
                      headers={"Accept": "application/sparql-results+json"})


def test_a_query_past_the_memory_limit_is_stopped_and_the_server_lives_on(
        limited_server: Server) -> None:
    with httpx.Client(base_url=limited_server.url, timeout=150) as client:
        greedy = ask(client, GREEDY)
        assert greedy.status_code == 503
        assert "memory limit" in greedy.text
        # a read-only server's process answers 503 "try again" until its replacement is ready;
        # the process it retires closes its idle connections after a grace of two seconds, so
        # a request sent on one as that ends is asked again (a GET: RFC 9112 §9.3.1, as any
        # client retries it)
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = ask(client, SMALL)
            except httpx.RemoteProtocolError:
                assert time.monotonic() < deadline
                continue
            if answer.status_code == 200:
                break
            assert answer.status_code == 503 and time.monotonic() < deadline
            time.sleep(0.1)
        assert client.get("/health").status_code == 200


def test_long_queries_do_not_hold_up_writes_or_health(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store")
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with Server(store, "--update-token", TOKEN, "--workers", "2",
                "--query-timeout", "15") as server, \
            httpx.Client(base_url=server.url, timeout=90) as client:
        answers: list[int] = []
        started = threading.Barrier(3)

        def long_query() -> None:
            with httpx.Client(base_url=server.url, timeout=90) as own:
                started.wait()
                answers.append(ask(own, cross).status_code)

        threads = [threading.Thread(target=long_query) for _ in range(2)]
        for thread in threads:
            thread.start()
        started.wait()
        try:
            put = client.put("/store", params={"graph": "http://example.org/g"}, headers={
                **AUTH, "Content-Type": "application/n-triples"},
                content=b'<http://example.org/s> <http://example.org/p> "o" .\n')
            assert put.status_code == 201
            assert client.get("/health").status_code == 200
            assert not answers  # both queries were still running
        finally:
            for thread in threads:
                thread.join()
