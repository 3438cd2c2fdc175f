"""A read-only server answers from the store on disk at once and from an in-memory copy once
the copy is ready; the copy is never bigger than the memory the machine has free."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import httpx
from endpoint_support import Server

from resolutions_kg import heap
from resolutions_kg.endpoint.server import BYTES_PER_TRIPLE, MEMORY_SHARE, copy_limit

pytest_plugins = ["endpoint_fixtures"]


def test_the_server_answers_from_disk_first_then_from_its_copy(endpoint_store: Path) -> None:
    with Server(endpoint_store, "--processes", "2") as s:
        first = httpx.get(f"{s.url}/sparql", params={"query": "ASK { ?s ?p ?o }"},
                          headers={"Accept": "application/sparql-results+json"}, timeout=30)
        assert first.status_code == 200 and first.json()["boolean"] is True
        health = s.in_memory()
        assert health["triples"] > 0
        log = s.log.read_text()
    said_disk = log.index("Answering from the store on disk")
    copied = log.index("Copied ")
    assert said_disk < copied
    assert "in each of 2 server processes" in log[copied:]


def test_the_copy_fits_in_half_of_the_available_memory() -> None:
    available = heap.available_bytes()
    assert available is not None and available > 0
    huge = 10**15  # far more triples than any machine holds
    limit, why = copy_limit(huge, 2)
    # a copy in each of the 2 server processes and the supervisor's
    assert limit * BYTES_PER_TRIPLE * 3 <= available * MEMORY_SHARE * 1.01
    assert "GiB of memory available" in why
    small, why = copy_limit(1000, 2)
    assert small == 1000 and "--memory-triples" in why
    # more processes, more copies: fewer triples each
    assert copy_limit(huge, 4)[0] < limit


def test_server_processes_die_with_a_supervisor_killed_outright(endpoint_store: Path) -> None:
    server = Server(endpoint_store, "--processes", "2").start()
    try:
        health = server.in_memory()
        child = int(health["process"])
        assert server.process is not None and child != server.process.pid
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(10)
        deadline = time.monotonic() + 30
        while _alive(child):
            assert time.monotonic() < deadline, "a server process outlived its supervisor"
            time.sleep(0.1)
    finally:
        server.process = None  # already gone


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rpartition(") ")[2][:1] != "Z"
    except FileNotFoundError:
        return False
