"""Helpers for the endpoint tests: a test store and real ``reskg serve`` processes.

- :func:`build_store`: a small on-disk store (a resolution in its named graph, plus a ``filler``
  graph of 300 triples that makes a cross join explode);
- :func:`fill_numbered`: quads ``ex:s{i} ex:value i`` for the query pool tests;
- :class:`Server`: ``reskg serve`` on a free port of 127.0.0.1
  (``with Server(store, "--query-timeout", "3") as s: httpx.get(s.url + "/health")``).

The fixtures built on them are in ``endpoint_fixtures.py``.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx
import pyoxigraph as ox
import uvicorn

BASE = "https://w3id.org/resolutions-kg/"
TOKEN = "s3cret-token"
DOC_GRAPH = f"{BASE}graph/tver-2012"
FILLER_GRAPH = f"{BASE}graph/filler"
RESOLUTION = f"{BASE}resolution/tver-2012"

TRIG = f"""
@prefix reskg: <https://w3id.org/resolutions-kg/ontology#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<{DOC_GRAPH}> {{
  <{RESOLUTION}> a reskg:Resolution ;
    dct:title "Резолюция конференции «Библиотеки и общество»"@ru ;
    eli:date_document "2012-10-26"^^xsd:date ;
    prov:wasGeneratedBy <{BASE}event/tver-2012> ;
    eli:has_part <{RESOLUTION}/recommendation/1>, <{RESOLUTION}/recommendation/2> .
  <{RESOLUTION}/recommendation/1> a reskg:Recommendation ;
    eli:is_part_of <{RESOLUTION}> ; reskg:position 1 ;
    reskg:text "Рекомендовать библиотекам развивать сотрудничество."@ru ;
    dct:audience <{BASE}audience/biblioteki> .
  <{RESOLUTION}/recommendation/2> a reskg:Recommendation ;
    eli:is_part_of <{RESOLUTION}> ; reskg:position 2 ;
    reskg:text "Просить органы власти поддержать библиотеки."@ru ;
    dct:audience <{BASE}audience/organy-vlasti> .
  <{BASE}event/tver-2012> a schema:Event ;
    schema:name "Библиотеки и общество: вектор развития"@ru ;
    schema:startDate "2012-10-25"^^xsd:date .
}}
"""


#: Ports for the servers of the tests: 1000 for each pytest-xdist worker (``gw0`` from 20000,
#: ``gw1`` from 21000, …), below Linux's ephemeral range (32768–60999), so that neither another
#: worker's server nor a client connection's local port takes the port a server was given.
_PORTS = 1000
_worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
_FIRST_PORT = 20_000 + _PORTS * (int(_worker) % 12 if _worker.isdigit() else 0)
_next_port = random.randrange(_PORTS)  # two runs at once on one machine rarely meet


def free_port() -> int:
    """A port of 127.0.0.1 nobody listens on, from this worker's own range, a new one at each
    call (a server started a moment ago may not listen yet)."""
    global _next_port
    for _ in range(_PORTS):
        port = _FIRST_PORT + _next_port % _PORTS
        _next_port += 1
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {_FIRST_PORT}-{_FIRST_PORT + _PORTS - 1}")


@contextlib.contextmanager
def app_on_loopback(app: Any) -> Iterator[str]:
    """Run the ASGI ``app`` with uvicorn in a thread on a free loopback port; yield its base URL
    (``http://127.0.0.1:PORT``) and stop it afterwards."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                            lifespan="off", ws="none")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test app did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def build_store(folder: Path, *, filler: int = 300) -> Path:
    store = ox.Store(str(folder))
    store.load(TRIG, format=ox.RdfFormat.TRIG)
    g = ox.NamedNode(FILLER_GRAPH)
    p = ox.NamedNode(f"{BASE}ontology#filler")
    store.extend(
        ox.Quad(ox.NamedNode(f"{BASE}filler/{i}"), p, ox.Literal(i), g) for i in range(filler)
    )
    store.flush()
    del store
    return folder


class PortTaken(RuntimeError):
    """The server could not bind its port: another process took it first."""


class Server:
    """``reskg serve`` in a subprocess on a free loopback port; stopped with SIGTERM."""

    def __init__(self, store: Path | None, *args: str, backend: str | None = None,
                 log_dir: Path | None = None) -> None:
        """Serve ``store``, or with ``backend`` a remote SPARQL endpoint (``--backend``)."""
        if (store is None) == (backend is None):
            raise ValueError("give a store or a backend")
        self.store = store
        self.backend = backend
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.args = list(args)
        folder = log_dir or (store.parent if store is not None else Path(tempfile.gettempdir()))
        self.log = folder / f"server-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Server:
        """Start the server and wait for its ``/health``. A port taken between
        :func:`free_port` and the server's bind (by another pytest-xdist worker) is traded for
        another free port."""
        for _ in range(3):
            try:
                return self._start()
            except PortTaken:
                self.stop()
                self.port = free_port()
                self.url = f"http://127.0.0.1:{self.port}"
                self.log = self.log.with_name(f"server-{self.port}.log")
        return self._start()

    def _start(self) -> Server:
        reskg = Path(sys.executable).with_name("reskg")
        env = {k: v for k, v in os.environ.items() if not k.startswith("RESKG_")}
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [str(reskg), "serve", *self._source(), "--port", str(self.port), *self.args],
                stdout=log, stderr=subprocess.STDOUT, env=env,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = self.log.read_text()
                if "address already in use" in log.lower():
                    raise PortTaken(log)
                raise RuntimeError(f"server exited:\n{log}")
            try:
                health = httpx.get(f"{self.url}/health", timeout=2)
            except httpx.TransportError:
                time.sleep(0.1)
                continue
            if health.status_code == 200:
                if not self._is_ours(health.json().get("process")):
                    raise PortTaken(f"another server answers on port {self.port}")
                try:
                    self.dumps_built()
                except BaseException:
                    self.stop()
                    raise
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not start:\n{self.log.read_text()}")

    def _is_ours(self, pid: object) -> bool:
        """Whether process ``pid`` (what /health names) is our server or one of its
        processes."""
        assert self.process is not None
        for _ in range(4):
            if pid == self.process.pid:
                return True
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except (OSError, ValueError):
                return False
            pid = int(stat.rsplit(")", 1)[1].split()[1])  # the parent's id
        return False

    def dumps_built(self, version: str | None = None, timeout: float = 120) -> dict[str, Any]:
        """Wait until ``/dumps/`` lists a build of the data served now (the server builds the
        dumps and statistics in the background, after the start and after each write) — of
        ``version`` when given — and return the listing."""
        deadline = time.monotonic() + timeout
        listing: dict[str, Any] = {}
        while time.monotonic() < deadline:
            # (a fresh connection each time: one that a process being replaced accepted is
            # answered all the same, test_server_shutdown)
            answer = httpx.get(f"{self.url}/dumps/", params={"format": "json"}, timeout=10)
            if answer.status_code == 200:
                listing = answer.json()
                if listing.get("rebuilding") is None and (
                        version is None or listing.get("version") == version):
                    return listing
            elif answer.status_code != 503:
                raise RuntimeError(f"/dumps/ answered {answer.status_code}: {answer.text}")
            time.sleep(0.1)
        raise RuntimeError(f"the dumps were not built in {timeout} s: {listing}")

    def in_memory(self, timeout: float = 120) -> dict[str, Any]:
        """Wait until every answer comes from the in-memory copy (a read-only server answers
        from the disk until its copy is ready) and return the last /health."""
        deadline = time.monotonic() + timeout
        streak, health = 0, {}
        while streak < 8:  # several answers in a row: every server process has switched
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server never answered from memory: {health}")
            # a fresh connection: a process being replaced by one over the copy answers it too
            health = httpx.get(f"{self.url}/health", timeout=10).json()
            streak = streak + 1 if health.get("store") == "memory" else 0
            time.sleep(0.05 if streak else 0.2)
        return health

    def _source(self) -> list[str]:
        return ["--backend", self.backend] if self.backend else ["--store", str(self.store)]

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


#: Quads in the store of the query pool tests (``pool_fixtures.py``).
POOL_ROWS = 40_000


def fill_numbered(store: ox.Store, rows: int) -> None:
    """Quads ``ex:s{i} ex:value i`` for i below ``rows``, in the graph ``ex:g``."""
    ex = "http://example.org/"
    graph = ox.NamedNode(f"{ex}g")
    store.extend(ox.Quad(ox.NamedNode(f"{ex}s{i}"), ox.NamedNode(f"{ex}value"), ox.Literal(i),
                         graph) for i in range(rows))


#: The hand-written linked-data sample of the endpoint tests (after docs/model.md), with the
#: ontology: what ``ld_fixtures``' servers serve. Here, not in the plugin, so that test modules
#: may import it (a plugin module imported by a test module first cannot be registered).
LD_SAMPLE = Path(__file__).resolve().parent / "data" / "ld" / "sample.trig"
LD_ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "reskg.ttl"


def build_ld_store(folder: Path) -> Path:
    store = ox.Store(str(folder))
    store.load(path=str(LD_SAMPLE), format=ox.RdfFormat.TRIG)
    store.load(path=str(LD_ONTOLOGY), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode(BASE + "graph/ontology"))
    store.flush()
    del store
    return folder
