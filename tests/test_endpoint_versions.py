"""Every write advances the store version; what the server derives from the data follows it.

Issue 13: dumps kept the old data after a write that kept the triple count, server writes did not
update the modified date, and a read-only server did not see a ``reskg load`` done beside it
until a restart (while ``/dumps`` and ``/dataset`` already showed the new date).
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
from conftest import TVER
from endpoint_support import BASE, TOKEN, Server, build_store

pytest_plugins = ["endpoint_fixtures"]

AUTH = {"Authorization": f"Bearer {TOKEN}"}
NT = {"Content-Type": "application/n-triples"}
G = "http://example.org/graph/versions"
TVER_RESOLUTION = f"{BASE}resolution/tver-2012-biblioteki-i-obshchestvo-vektor-razvitiya"


def nquads_dump(client: httpx.Client) -> bytes:
    r = client.get("/dumps/resolutions-kg.nq.gz")
    assert r.status_code == 200
    return gzip.decompress(r.content)


def test_a_write_that_keeps_the_count_gives_new_dumps_and_a_new_version(
        writable_server: Server) -> None:
    with httpx.Client(base_url=writable_server.url, timeout=30, headers=AUTH) as client:
        assert client.put("/store", params={"graph": G}, headers=NT,
                          content=b"<http://example.org/a> <http://example.org/p> \"1\" .\n",
                          ).status_code == 201
        before = client.get("/health").json()["version"]
        writable_server.dumps_built(version=before)  # built in the background
        assert b"http://example.org/a" in nquads_dump(client)
        etag = client.get("/dumps/resolutions-kg.nq.gz").headers["etag"]

        assert client.put("/store", params={"graph": G}, headers=NT,
                          content=b"<http://example.org/b> <http://example.org/p> \"1\" .\n",
                          ).status_code == 204
        after = client.get("/health").json()["version"]
        assert after != before and int(after.split("-")[0]) > int(before.split("-")[0])
        writable_server.dumps_built(version=after)
        dump = nquads_dump(client)
        assert b"http://example.org/b" in dump and b"http://example.org/a" not in dump
        assert client.get("/dumps/resolutions-kg.nq.gz").headers["etag"] != etag
        dataset = client.get("/dataset", headers={"Accept": "application/n-triples"}).text
        assert "<http://purl.org/dc/terms/modified>" in dataset


def get(client: httpx.Client, url: str, **kwargs: Any) -> httpx.Response:
    """GET, asked again once on a fresh connection when the server closed the kept-alive one as
    the request went out: a process that is replaced by one serving the new version closes its
    idle connections (after a grace of two seconds, test_server_shutdown), and a client may
    repeat an idempotent request then (RFC 9110, 9.2.2), as browsers do. A second failure is a
    failure."""
    try:
        return client.get(url, **kwargs)
    except (httpx.ReadError, httpx.RemoteProtocolError):
        return client.get(url, **kwargs)


def has_tver(client: httpx.Client) -> bool:
    r = get(client, "/sparql", params={"query": f"ASK {{ <{TVER_RESOLUTION}> ?p ?o }}"},
                   headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200
    return bool(r.json()["boolean"])


def test_a_read_only_server_serves_a_load_done_beside_it(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store")
    with Server(store, "--processes", "2") as server, \
            httpx.Client(base_url=server.url, timeout=30) as client:
        server.in_memory()
        assert not has_tver(client)
        old_dump = nquads_dump(client)
        seen: dict[str, set[int]] = {}
        done = threading.Event()

        def watch() -> None:  # every answer pairs a version with the data of that version
            with httpx.Client(base_url=server.url, timeout=30) as watcher:
                while not done.is_set():
                    health = get(watcher, "/health").json()
                    seen.setdefault(health["version"], set()).add(health["triples"])

        thread = threading.Thread(target=watch)
        thread.start()
        try:
            reskg = Path(sys.executable).with_name("reskg")
            loaded = subprocess.run([str(reskg), "load", str(TVER), "--store", str(store)],
                                    capture_output=True, text=True, timeout=300)
            assert loaded.returncode == 0, loaded.stderr
            assert "reskg serve" in loaded.stdout and "switches to it" in loaded.stdout

            deadline = time.monotonic() + 60
            while not has_tver(client):
                assert time.monotonic() < deadline, "the server did not switch to the new data"
                time.sleep(0.1)
            # each process answers on its own: ask until both have switched
            versions = set()
            while len(versions) != 1 or "" in versions:
                assert time.monotonic() < deadline, "not every process switched"
                versions = {get(client, "/health").json()["version"] for _ in range(8)}
                time.sleep(0.1)
        finally:
            done.set()
            thread.join()
        assert all(len(counts) == 1 for counts in seen.values()), seen
        server.dumps_built(version=versions.pop())  # built in the background
        dump = nquads_dump(client)
        assert dump != old_dump
        assert TVER_RESOLUTION.encode() in dump
        quads = list(ox.parse(dump, format=ox.RdfFormat.N_QUADS))
        assert len(quads) == client.get("/health").json()["triples"]
