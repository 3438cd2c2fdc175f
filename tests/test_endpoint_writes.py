"""Writes through the server are transactions, and a write the store refuses breaks nothing.

Issue 13: a Graph Store ``PUT`` used to clear the graph and then fill it in a second step (readers
saw it empty; a full disk left it empty for good and every later write failing while ``/health``
said ok).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
from conftest import fill
from endpoint_support import TOKEN, Server, fill_numbered

pytest_plugins = ["endpoint_fixtures"]

AUTH = {"Authorization": f"Bearer {TOKEN}"}
NT = {"Content-Type": "application/n-triples"}
G = "http://example.org/graph/atomic"


def triples(n: int, tag: str, *, pad: int = 0) -> bytes:
    text = "x" * pad
    return "".join(f'<http://example.org/{tag}/{i}> <http://example.org/p> "{i}{text}" .\n'
                   for i in range(n)).encode()


def graph_size(client: httpx.Client) -> int:
    r = client.get("/store", params={"graph": G}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200, r.text
    return len(list(ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES)))


def wait_for(condition: object, *, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("the condition did not come true in time")
        time.sleep(0.05)


def test_a_reader_never_sees_a_graph_half_replaced(writable_server: Server) -> None:
    size = 3000
    with httpx.Client(base_url=writable_server.url, timeout=30, headers=AUTH) as writer:
        assert writer.put("/store", params={"graph": G}, content=triples(size, "a"),
                          headers=NT).status_code in (201, 204)
        seen: list[int] = []
        done = threading.Event()

        def read() -> None:
            with httpx.Client(base_url=writable_server.url, timeout=30) as reader:
                while not done.is_set():
                    seen.append(graph_size(reader))

        readers = [threading.Thread(target=read) for _ in range(2)]
        for thread in readers:
            thread.start()
        try:
            for round_ in range(30):
                r = writer.put("/store", params={"graph": G},
                               content=triples(size, f"r{round_}"), headers=NT)
                assert r.status_code == 204
        finally:
            done.set()
            for thread in readers:
                thread.join()
    assert seen and set(seen) == {size}


def test_the_store_reopened_every_few_writes_never_interrupts_reads_or_writes(
        tmp_path: Path) -> None:
    # RocksDB gives back what it keeps for each checkpoint only on close (docs/bench-soak.md):
    # the server reopens its writable store every --reopen-writes writes, under reads.
    size, rounds, every = 500, 24, 4
    with Server(tmp_path / "store", "--update-token", TOKEN, "--reopen-writes", str(every),
                log_dir=tmp_path) as server, \
            httpx.Client(base_url=server.url, timeout=30, headers=AUTH) as writer:
        assert writer.put("/store", params={"graph": G}, content=triples(size, "a"),
                          headers=NT).status_code == 201
        seen: list[int] = []
        pages: list[int] = []
        done = threading.Event()

        def read() -> None:
            with httpx.Client(base_url=server.url, timeout=30) as reader:
                while not done.is_set():
                    seen.append(graph_size(reader))
                    pages.append(reader.get("/dataset").status_code)
                    pages.append(reader.get("/health").status_code)

        readers = [threading.Thread(target=read) for _ in range(2)]
        for thread in readers:
            thread.start()
        try:
            statuses = [writer.put("/store", params={"graph": G},
                                   content=triples(size, f"r{round_}"), headers=NT).status_code
                        for round_ in range(rounds)]
        finally:
            done.set()
            for thread in readers:
                thread.join()
        assert statuses == [204] * rounds
        assert seen and set(seen) == {size}
        assert set(pages) == {200}
        assert writer.get("/health").status_code == 200
        assert writer.post("/store", params={"graph": G}, content=triples(1, "last"),
                           headers=NT).status_code == 204
        assert graph_size(writer) == size + 1
    reopened = server.log.read_text().count("store reopened after")
    assert reopened >= (rounds + 1) // every - 1


# ------------------------------------------------------------------------------ a full disk


def test_a_write_on_a_full_disk_changes_nothing_and_the_server_writes_again(
        small_disk: Path, tmp_path: Path) -> None:
    with Server(small_disk / "store", "--update-token", TOKEN, log_dir=tmp_path) as server, \
            httpx.Client(base_url=server.url, timeout=60, headers=AUTH) as client:
        assert client.put("/store", params={"graph": G}, content=triples(100, "before"),
                          headers=NT).status_code == 201
        filler = fill(small_disk)
        big = client.put("/store", params={"graph": G}, content=triples(50_000, "big", pad=40),
                         headers=NT)
        assert big.status_code == 503
        assert "No space left" in big.text
        assert graph_size(client) == 100
        health = client.get("/health")
        assert health.status_code == 503
        assert health.json()["status"] == "cannot-write"
        assert "No space left" in health.json()["reason"]

        filler.unlink()
        wait_for(lambda: client.get("/health").status_code == 200)
        assert client.put("/store", params={"graph": G}, content=triples(7, "after"),
                          headers=NT).status_code == 204
        assert graph_size(client) == 7


# ------------------------------------------------------------------------ dumps are streamed


def peak_rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


def test_whole_store_downloads_are_streamed_not_built_in_memory(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    store = ox.Store(str(folder))
    # 100 000 quads: a 13 MB dump, over three times what six streamed downloads cost together
    # (about 4 MB of buffers), and each one built in memory would cost a dump or more.
    fill_numbered(store, 100_000)
    store.flush()
    del store
    with Server(folder, "--update-token", TOKEN) as server, \
            httpx.Client(base_url=server.url, timeout=120) as client:
        pid = client.get("/health").json()["process"]
        size = len(client.get("/store", headers={"Accept": "application/n-quads",
                                                 "Accept-Encoding": "identity"}).content)
        before = peak_rss_kib(pid)

        def download() -> None:
            with client.stream("GET", "/store", headers={"Accept": "application/n-quads"}) as r:
                assert r.status_code == 200
                for _ in r.iter_raw():
                    pass

        threads = [threading.Thread(target=download) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert (peak_rss_kib(pid) - before) * 1024 < size  # all six cost less than one dump
