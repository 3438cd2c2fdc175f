"""Run the app with uvicorn.

A read-only server over a local store runs under a small supervisor: several server processes
(the setting ``processes``; by default as many as cores, at most four), each with its own
listening socket on the same port (``SO_REUSEPORT``: the kernel spreads new connections evenly
over them), its own app, a copy of the store in memory and ``workers`` query threads
(:mod:`.inprocess`); on Linux the supervisor makes that copy once and forks the processes,
which share it, each pinned to a CPU of its own when there is one per CPU (``pin_cpus``: a
query thread then shares its core's caches with the event loop that hands it the query and
sends its answer; measured, a third more point lookups at one client). Python's HTTP layer
holds one process's GIL, so this is how the HTTP side of small queries uses more than one core.
(One shared socket would not do: the process that wakes first accepts every pending
connection, and a benchmark's or a proxy's few keep-alive connections all land on one process.)

The supervisor keeps every listening socket open itself, so a server process can be replaced
without refusing a connection: when a process reports a query it could not stop (``stuck``),
the supervisor starts a replacement on the same socket, and once that one reports ``ready`` it
sends the old one SIGTERM — uvicorn's graceful shutdown: it stops accepting, finishes the
requests it is answering, and exits, which ends the stuck query. A server process that dies is
restarted.

The supervisor also watches the store version (:mod:`resolutions_kg.store`; every
``VERSION_POLL`` seconds it reads the state file): when a ``reskg load`` beside the server has
advanced it, the supervisor makes a new in-memory copy in the background (the processes keep
answering from the old one meanwhile), then replaces every server process the same way as a stuck
one — a fresh process on the same socket, forked over the new copy, and the old one retired once
the new one is ready. Each process serves one version, from start to end: a client sees the old
data or the new, never a mix, and no connection is refused.

A server that accepts writes (``update_token``) or reads a remote ``backend`` runs one process,
the only writer of its store; its queries run in worker processes (:mod:`.executor`).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, cast

import uvicorn

from resolutions_kg import heap
from resolutions_kg.endpoint.app import create_app
from resolutions_kg.endpoint.inprocess import PRELOADED, PRELOADED_STATE, preload
from resolutions_kg.endpoint.protocol import Protocol, configure
from resolutions_kg.errors import ServerError, StoreError
from resolutions_kg.lifeline import die_with_parent
from resolutions_kg.store import read_state, store_version

logger = logging.getLogger("resolutions_kg.endpoint")

#: Most server processes started by default, whatever the number of cores.
MAX_PROCESSES = 4
#: Seconds a retiring server process gets to finish its requests before it is killed.
RETIRE_SECONDS = 15.0
#: Seconds between two looks at the store version (a load beside a read-only server).
VERSION_POLL = 1.0


#: Memory an in-memory copy takes per triple (pyoxigraph 0.5, measured: 550 bytes at 170k
#: quads of our data, 510 at 1M — ``bench/server_bench.py``, docs/bench-server.md). The supervisor
#: keeps the copy it forks the server processes from, and each of them ends up with most of one
#: of its own: reading the copy writes to its pages (reference counts), so the pages a fork shared
#: are soon copied (measured at 1M triples and 2 processes: 0.63 GB more than on disk right after
#: the switch, 1.13 GB once every triple was read in each process).
BYTES_PER_TRIPLE = 600
#: The share of the machine's available memory the copies may take together.
MEMORY_SHARE = 0.5
#: Seconds after which the first copy starts even if a server process has not said it is ready.
COPY_AFTER = 10.0
#: Marks the version of processes that answer from the disk while the copy is being made.
DISK = "~disk"


def copy_limit(limit: int, processes: int) -> tuple[int, str]:
    """The most triples a copy may hold: ``limit`` (the setting ``memory_triples``), and no
    more than ``processes`` + 1 copies (one per server process and the supervisor's) fit in
    half of the memory available now; and which of the two bounds it is."""
    available = heap.available_bytes()
    if available is None:
        return limit, "the --memory-triples setting"
    copies = max(1, processes) + 1
    fits = int(available * MEMORY_SHARE / (BYTES_PER_TRIPLE * copies))
    if fits < limit:
        return fits, (f"{copies} copies of more — one per server process and the supervisor's — "
                      f"would not fit in half of the {available / 2**30:.1f} GiB of memory "
                      "available")
    return limit, "the --memory-triples setting"


def server_processes(settings: dict[str, Any], processes: int | None = None) -> int:
    """How many server processes :func:`serve` runs for these settings."""
    if settings.get("update_token") or settings.get("backend"):
        return 1
    if not hasattr(socket, "SO_REUSEPORT"):
        return 1
    if not processes or processes <= 0:
        processes = min(os.cpu_count() or 1, MAX_PROCESSES)
    return max(1, processes)


class _UvicornLike(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname + ':':<9} {record.getMessage()}"


def _log_to_stderr(level: str) -> None:
    """The server's own messages (``resolutions_kg.*``: a write that failed, the store reopened)
    at ``level``, beside uvicorn's lines and in their form."""
    root = logging.getLogger("resolutions_kg")
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(_UvicornLike())
        root.addHandler(handler)
        root.propagate = False
    root.setLevel(level.upper())


def serve(store_path: str | Path, *, host: str = "127.0.0.1", port: int = 8000,
          log_level: str = "info", processes: int | None = None, **settings: Any) -> None:
    """Serve the store until interrupted; one access-log line per request (uvicorn's).

    ``processes``: server processes for a read-only local store (default: see the module).
    """
    heap.limit_arenas()  # before any thread starts; forked server processes inherit it
    _log_to_stderr(log_level)
    config: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": log_level,
        "access_log": True,
        "proxy_headers": False,
        "server_header": False,
        # a retiring process finishes the queries it accepted, each within its time limit
        "timeout_graceful_shutdown": graceful_seconds(settings),
        "timeout_keep_alive": settings.get("keep_alive_timeout") or 5,
        "http": Protocol,
    }
    if settings.get("update_token") or settings.get("backend"):
        app = create_app(store_path, **settings)
        uvicorn.Server(configure(uvicorn.Config(app, **config),
                                 settings.get("header_timeout"))).run()
        return
    count = server_processes(settings, processes)
    sockets = [_listening_socket(host, port, reuse_port=count > 1) for _ in range(count)]
    fork = sys.platform.startswith("linux")
    limit = int(settings.get("memory_triples") or 0)
    if fork and limit > 0:
        print("INFO:     Answering from the store on disk; copying it into memory in the "
              "background (new server processes take over when it is ready)", file=sys.stderr,
              flush=True)
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_setaffinity") else []
    pin = bool(settings.get("pin_cpus")) and len(cpus) > 1 and count >= len(cpus)
    supervisor = _Supervisor(str(store_path), settings, config, sockets,
                             start_method="fork" if fork else "spawn",
                             cpus=cpus if pin else None,
                             preload_limit=limit if fork and limit > 0 else 0)
    if supervisor.run():
        raise ServerError("the server could not start (the reason is logged above)")


def graceful_seconds(settings: dict[str, Any]) -> int:
    """Seconds a server process stopping gracefully gives the requests it is answering: the
    query time limit and a margin (a cut-off request would be answered 500)."""
    return int(float(settings.get("query_timeout") or 30.0)) + 5


def _listening_socket(host: str, port: int, *, reuse_port: bool) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


class _Server(uvicorn.Server):
    """uvicorn's server that says ``ready`` on ``conn`` once the app has started."""

    def __init__(self, config: uvicorn.Config, conn: Connection, lock: threading.Lock) -> None:
        super().__init__(config)
        self._conn, self._lock = conn, lock

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if not self.should_exit:
            _tell(self._conn, self._lock, b"ready")


def _tell(conn: Connection, lock: threading.Lock, message: bytes) -> None:
    with lock:
        try:
            conn.send_bytes(message)
        except OSError:  # the supervisor is gone; nothing to tell
            pass


def _serve_one(sock: socket.socket, store_path: str, settings: dict[str, Any],
               config: dict[str, Any], conn: Connection, cpu: int | None = None) -> None:
    """One server process (forked or spawned): its own app on ``sock``, on CPU ``cpu`` alone if
    given (its threads, all started later, inherit that); reports to the supervisor."""
    for signum in (signal.SIGINT, signal.SIGTERM):  # the supervisor's, when forked
        signal.signal(signum, signal.SIG_DFL)
    # a supervisor killed outright (SIGKILL, the OOM killer) takes its processes with it; the
    # supervisor starts them from its main thread, which lives as long as it does
    die_with_parent(signal=True)
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    lock = threading.Lock()
    app = create_app(store_path, on_stuck=lambda: _tell(conn, lock, b"stuck"), **settings)
    code = 0
    try:
        _Server(configure(uvicorn.Config(app, **config), settings.get("header_timeout")),
                conn, lock).run(sockets=[sock])
    except SystemExit as exc:  # uvicorn's way of saying the app did not start
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        logging.shutdown()
        # A stuck query thread would keep a normal exit waiting for it: leave at once.
        os._exit(code)


@dataclass
class _Slot:
    """One listening socket and the server process answering on it (and its replacement)."""

    sock: socket.socket
    cpu: int | None = None
    process: Any = None
    conn: Connection | None = None
    ready: bool = False
    replacement: Any = None
    replacement_conn: Connection | None = None
    retiring: list[tuple[Any, float]] = field(default_factory=list)
    #: the store version the process (and its replacement) serve
    version: str = ""
    replacement_version: str = ""


class _Supervisor:
    def __init__(self, store_path: str, settings: dict[str, Any], config: dict[str, Any],
                 sockets: list[socket.socket], *, start_method: str = "spawn",
                 cpus: list[int] | None = None, preload_limit: int = 0) -> None:
        self._ctx: Any = multiprocessing.get_context(start_method)
        self._args = (store_path, settings, config)
        self._slots = [_Slot(sock, cpus[i % len(cpus)] if cpus else None)
                       for i, sock in enumerate(sockets)]
        self._stop = threading.Event()
        self._store_path = store_path
        self._preload_limit = preload_limit
        #: how long a retiring process has to finish before it is killed: past uvicorn's
        #: graceful shutdown, which outlasts the longest query it may be answering
        self._retire = max(RETIRE_SECONDS, graceful_seconds(settings) + 5.0)
        #: the version new processes serve; the one being copied into memory, if any
        key = str(Path(store_path).resolve())
        copied = PRELOADED_STATE.get(key)
        self._version = store_version(copied) if copied is not None else self._read_version()
        self._copying: tuple[threading.Thread, str] | None = None
        self._polled = time.monotonic()
        if preload_limit > 0 and key not in PRELOADED:
            # the first processes answer from the disk at once; the copy is made meanwhile and
            # processes forked over it replace them (as for a new version, below)
            PRELOADED[key], PRELOADED_STATE[key] = None, read_state(store_path)
            version = self._version
            self._version = version + DISK
            thread = threading.Thread(target=self._copy, name="reskg-copy", daemon=True)
            self._copying = (thread, version)

    def _read_version(self) -> str:
        try:
            return store_version(read_state(self._store_path))
        except StoreError:  # being replaced this instant, or damaged: look again later
            return getattr(self, "_version", "")

    def _watch_version(self) -> None:
        """Start serving a new store version: copy it into memory in a thread, then replace the
        processes that serve another version, one replacement per slot at a time."""
        if self._copying is not None:
            thread, version = self._copying
            if thread.is_alive() or thread.ident is None:  # (running, or not started yet)
                return
            thread.join()
            self._copying = None
            self._version = version
        elif time.monotonic() - self._polled >= VERSION_POLL:
            self._polled = time.monotonic()
            version = self._read_version()
            if version != self._version.removesuffix(DISK):
                logger.info("the store is at version %s (served: %s); switching to it",
                            version, self._version or "unrecorded")
                if self._preload_limit > 0:
                    thread = threading.Thread(target=self._copy, name="reskg-copy", daemon=True)
                    self._copying = (thread, version)
                    thread.start()
                    return
                self._version = version
        for slot in self._slots:
            if (slot.ready and slot.replacement is None and slot.process is not None
                    and slot.version != self._version):
                slot.replacement, slot.replacement_conn = self._start(slot)
                slot.replacement_version = self._version

    def _copy(self) -> None:
        limit, why = copy_limit(self._preload_limit, len(self._slots))
        started = time.perf_counter()
        try:
            copied = preload(self._store_path, limit)
        except StoreError as exc:  # the old copy stays in use; try again at the next change
            logger.error("cannot copy the store into memory: %s", exc)
            return
        if copied is None:
            said = (f"Not copied into memory: more than {limit:,} triples ({why}); queries "
                    "read the store on disk")
        else:
            said = (f"Copied {copied:,} triples into memory in "
                    f"{time.perf_counter() - started:.1f} s (about "
                    f"{copied * BYTES_PER_TRIPLE / 2**20:,.0f} MiB, up to that in each of "
                    f"{len(self._slots)} server processes and in the supervisor as queries read "
                    "it); the processes that answer from it are starting")
        print(f"INFO:     {said}", file=sys.stderr, flush=True)  # as uvicorn's own lines

    def _start(self, slot: _Slot) -> tuple[Any, Connection]:
        receiver, sender = self._ctx.Pipe(duplex=False)
        process = self._ctx.Process(target=_serve_one,
                                    args=(slot.sock, *self._args, sender, slot.cpu),
                                    name="reskg-server")
        process.start()
        sender.close()
        return process, receiver

    def run(self) -> int:
        """Until SIGINT or SIGTERM; then stop every process with SIGTERM (graceful). Returns
        the exit status: 1 when a server process could not start at all."""
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda signum, frame: self._stop.set())
        for slot in self._slots:
            slot.process, slot.conn = self._start(slot)
            slot.version = self._version
        started = time.monotonic()
        try:
            while not self._stop.is_set():
                conns = [c for s in self._slots for c in (s.conn, s.replacement_conn) if c]
                for conn in wait(conns, timeout=0.25):
                    self._message(cast(Connection, conn))
                if not self._check():
                    logger.error("a server process could not start (see above); stopping")
                    return 1
                if self._copying is not None and self._copying[0].ident is None and (
                        all(slot.ready for slot in self._slots)
                        or time.monotonic() - started > COPY_AFTER):
                    # the copy starts once the first processes answer: made beside their
                    # start-up, it delays their first answer (two cores here)
                    self._copying[0].start()
                self._watch_version()
            return 0
        finally:
            self._shutdown()

    def _message(self, conn: Connection) -> None:
        try:
            message = conn.recv_bytes()
        except (EOFError, OSError):  # the process is gone; _check restarts it
            message = b""
        for slot in self._slots:
            if conn is slot.conn:
                if message == b"stuck" and slot.replacement is None:
                    logger.warning("server process %s has a query it cannot stop; starting a "
                                   "replacement", slot.process.pid)
                    slot.replacement, slot.replacement_conn = self._start(slot)
                    slot.replacement_version = self._version
                elif not message:
                    conn.close()
                    slot.conn = None
            if conn is slot.conn and message == b"ready":
                slot.ready = True
            elif conn is slot.replacement_conn:
                if message == b"ready":
                    self._promote(slot)
                elif not message:
                    conn.close()
                    slot.replacement_conn = None

    def _promote(self, slot: _Slot) -> None:
        """The replacement is ready: it takes the slot; the old process finishes and exits."""
        old = slot.process
        if old is not None and old.is_alive():
            old.terminate()
            slot.retiring.append((old, time.monotonic() + self._retire))
        if slot.conn is not None:
            slot.conn.close()
        slot.process, slot.conn = slot.replacement, slot.replacement_conn
        slot.version = slot.replacement_version
        slot.replacement = slot.replacement_conn = None
        slot.ready = True

    def _check(self) -> bool:
        """Reap retired processes, restart dead ones; False when one died before it was ready
        (it could not start: restarting it would fail again)."""
        now = time.monotonic()
        for slot in self._slots:
            for process, deadline in list(slot.retiring):
                if not process.is_alive():
                    process.join()
                    slot.retiring.remove((process, deadline))
                elif now > deadline:
                    process.kill()
            if slot.replacement is not None and not slot.replacement.is_alive():
                logger.error("the replacement server process %s exited with %s before it was "
                             "ready", slot.replacement.pid, slot.replacement.exitcode)
                if slot.replacement_conn is not None:
                    slot.replacement_conn.close()
                slot.replacement = slot.replacement_conn = None
            if slot.process is not None and not slot.process.is_alive():
                if not slot.ready:
                    return False
                logger.error("server process %s exited with %s; %s", slot.process.pid,
                             slot.process.exitcode,
                             "its replacement takes over" if slot.replacement else "restarting it")
                if slot.conn is not None:
                    slot.conn.close()
                slot.ready = False
                if slot.replacement is not None:
                    slot.process, slot.conn = slot.replacement, slot.replacement_conn
                    slot.version = slot.replacement_version
                    slot.replacement = slot.replacement_conn = None
                else:
                    slot.process, slot.conn = self._start(slot)
                    slot.version = self._version
        return True

    def _shutdown(self) -> None:
        processes = [p for s in self._slots
                     for p in (s.process, s.replacement, *(r for r, _ in s.retiring)) if p]
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(self._retire)
            if process.is_alive():
                process.kill()
                process.join()
