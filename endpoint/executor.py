"""Query execution in worker processes that can be stopped.

pyoxigraph's ``Store.query`` cannot be interrupted, so every SPARQL query runs in one of a small
pool of worker processes (``multiprocessing`` "spawn" context). Each worker opens the store with
``pyoxigraph.Store.read_only`` and answers :class:`QueryJob` messages with the result already
serialised (``QueryResults.serialize``, in Rust), so only bytes cross the process boundary.

A query past its time limit is stopped by killing its worker; a fresh worker takes its place and
the caller gets :class:`QueryTimeoutError`. Other queries keep being answered by the other workers
meanwhile. A worker may also grow by at most ``memory_limit`` bytes over what it holds when it
starts (``RLIMIT_DATA``): a query past that fails to allocate, which ends its worker (Rust aborts)
or raises ``MemoryError`` in it; the caller gets :class:`QueryMemoryError` and a fresh worker
takes its place.

Read-only opening beside a live writer is undefined behaviour in RocksDB, so workers never read a
store another process writes. When the server accepts writes, the server process owns the
writable store and, after every write, makes a checkpoint (``Store.backup``: hard links, a few
milliseconds) into a private folder; :meth:`WorkerPool.use_store` points new jobs at it, and a
worker reopens its read-only handle when a job names a newer checkpoint. Old checkpoints are
deleted once no worker holds them.

Library code: raises :class:`QueryTimeoutError`, :class:`QuerySyntaxError`,
:class:`QueryEvaluationError`, :class:`NotAcceptableError`, :class:`ResultTooLargeError`,
:class:`WorkerError`.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from resolutions_kg.endpoint.idle import IdleQueue
from resolutions_kg.errors import (
    NotAcceptableError,
    QueryEvaluationError,
    QueryMemoryError,
    QuerySyntaxError,
    QueryTimeoutError,
    ResultTooLargeError,
    WorkerError,
)

logger = logging.getLogger("resolutions_kg.endpoint")

#: Results larger than this are handed over in chunks and streamed to the client.
CHUNK = 1 << 20
#: Results up to this size travel in the same message as their header, small enough to sit whole
#: in the pipe (64 KiB on Linux) so that the event loop reads them without blocking.
INLINE = 60 * 1024


@dataclass(frozen=True)
class QueryJob:
    """Everything a worker needs; plain data so that it pickles.

    ``default_graph``/``named_graphs`` are IRIs (``""`` in ``default_graph`` is the store's default
    graph); ``None`` leaves the dataset to the query, with the union of all graphs as the default
    graph when ``union_default_graph`` is set. ``results_format``/``graph_format`` are
    pyoxigraph format names (``"JSON"``, ``"TURTLE"`` …); ``None`` means that kind of result is
    not acceptable. ``substitutions`` maps variable names to pyoxigraph terms (which pickle).
    ``max_bytes``: the largest serialised result (0: no limit); past it the query is stopped.
    """

    query: str
    results_format: str | None = "JSON"
    graph_format: str | None = "N_TRIPLES"
    base_iri: str | None = None
    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    union_default_graph: bool = True
    substitutions: tuple[tuple[str, Any], ...] = ()
    max_bytes: int = 0
    store_path: str = ""


@dataclass
class QueryOutcome:
    """A serialised result: its kind (``results`` or ``graph``), the pyoxigraph format name, its
    size, and its bytes as an iterator of chunks (read it to the end to free the worker)."""

    kind: str
    format: str
    size: int
    chunks: Iterator[bytes] = field(repr=False)

    def read(self) -> bytes:
        return b"".join(self.chunks)


# ---------------------------------------------------------------- worker side
#
# Messages are length-prefixed byte strings (``Connection.send_bytes``). A job is a pickled tuple
# (:func:`_encode`). An answer is one message ``kind + format + b"\n" + body`` when the body is
# at most INLINE bytes (kind ``r`` results, ``g`` graph), else a head ``R``/``G`` + format +
# ``b"\n"`` + size followed by the body in messages of at most CHUNK bytes; ``s`` + message is a
# syntax error, ``v`` + message an evaluation error, ``b`` + limit a result past ``max_bytes``,
# ``u`` + ``results``/``graph`` an unacceptable result kind, ``e`` + message a failure.

_KINDS = {ord("r"): "results", ord("g"): "graph", ord("R"): "results", ord("G"): "graph"}


def _encode(job: QueryJob, store_path: str) -> bytes:
    return pickle.dumps(
        (job.query, job.results_format, job.graph_format, job.base_iri, job.default_graph,
         job.named_graphs, job.union_default_graph, job.substitutions, job.max_bytes,
         store_path),
        protocol=pickle.HIGHEST_PROTOCOL,
    )


def _run_job(store: Any, job: QueryJob) -> tuple[bytes, bytes]:
    """The answer to ``job``: a kind letter and format (``b"rJSON"``), and the body or message."""
    import pyoxigraph as ox

    kwargs: dict[str, Any] = {"base_iri": job.base_iri}
    if job.default_graph is not None:
        kwargs["default_graph"] = [
            ox.NamedNode(g) if g else ox.DefaultGraph() for g in job.default_graph
        ]
    elif job.union_default_graph and job.named_graphs is None:
        kwargs["use_default_graph_as_union"] = True
    if job.named_graphs is not None:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    if job.substitutions:
        kwargs["substitutions"] = {ox.Variable(k): v for k, v in job.substitutions}
    try:
        result = store.query(job.query, **kwargs)
    except SyntaxError as exc:
        return b"s", str(exc).encode()
    except RuntimeError as exc:  # pyoxigraph's evaluation errors (storage errors are OSError)
        return b"v", str(exc).encode()
    if isinstance(result, ox.QueryTriples):
        if job.graph_format is None:
            return b"u", b"graph"
        head, fmt = b"g" + job.graph_format.encode(), getattr(ox.RdfFormat, job.graph_format)
    else:
        if job.results_format is None:
            return b"u", b"results"
        head = b"r" + job.results_format.encode()
        fmt = getattr(ox.QueryResultsFormat, job.results_format)
    if not job.max_bytes:
        return head, result.serialize(format=fmt) or b""
    output = _Capped(job.max_bytes)
    try:
        result.serialize(output, format=fmt)
    except _Full:
        return b"b", str(job.max_bytes).encode()
    return head, b"".join(output.parts)


class _Full(Exception):
    pass


class _Capped:
    """A file for ``serialize(output=…)`` that stops the serialiser (and so the query) once
    more than ``limit`` bytes were written to it."""

    def __init__(self, limit: int) -> None:
        self.limit, self.size = limit, 0
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _Full
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def data_size() -> int:
    """Bytes of this process's data segment (``VmData``: what ``RLIMIT_DATA`` limits); 0 where
    /proc does not tell."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _limit_memory(extra: int) -> None:
    """Let this process grow by at most ``extra`` bytes of data from now on (Linux)."""
    import resource

    base = data_size()
    if extra > 0 and base > 0:
        resource.setrlimit(resource.RLIMIT_DATA, (base + extra, base + extra))


def _worker_main(conn: Connection, memory_limit: int = 0) -> None:
    import pyoxigraph as ox

    from resolutions_kg.lifeline import die_with_parent

    die_with_parent()
    _limit_memory(memory_limit)
    store, opened = None, None
    conn.send_bytes(b"ready")
    while True:
        try:
            fields = pickle.loads(conn.recv_bytes())
        except (EOFError, KeyboardInterrupt):
            return
        try:
            job = QueryJob(*fields[:-1])
            if fields[-1] != opened:
                store = None
                store = ox.Store.read_only(fields[-1])
                opened = fields[-1]
            head, body = _run_job(store, job)
        except Exception as exc:  # reported to the server, which logs it and answers 500
            conn.send_bytes(f"e{type(exc).__name__}: {exc}".encode())
            continue
        if head[0] in b"suvb" or len(body) <= INLINE:
            conn.send_bytes(head + (b"\n" if len(head) > 1 else b"") + body)
            continue
        conn.send_bytes(head.upper() + b"\n" + str(len(body)).encode())
        view = memoryview(body)
        for start in range(0, len(body), CHUNK):
            conn.send_bytes(view[start : start + CHUNK])


# ---------------------------------------------------------------- server side


class _Worker:
    def __init__(self, ctx: Any, memory_limit: int = 0) -> None:
        parent, child = ctx.Pipe()
        self.conn: Connection = parent
        self.process = ctx.Process(target=_worker_main, args=(child, memory_limit), daemon=True)
        self.process.start()
        child.close()
        self.store_path: str | None = None

    def wait_ready(self, timeout: float) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise WorkerError("a query worker did not start")
        try:
            self.conn.recv_bytes()
        except (EOFError, OSError) as exc:  # it ended (was killed) before it said ready
            self.kill()
            raise WorkerError(f"a query worker ended as it started (exit code "
                              f"{self.process.exitcode})") from exc

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


#: How many times a worker that ends as it starts is started again (0.5, 1, 2, 4 s apart).
RESPAWN_ATTEMPTS = 5


class WorkerPool:
    """A fixed number of query worker processes over a read-only store at ``store_path``.

    :meth:`run` is for threads (blocking), :meth:`arun` for coroutines on the event loop (it
    waits for the worker's answer with the loop's reader, without a thread).
    """

    def __init__(self, store_path: str, *, size: int = 2, memory_limit: int = 0) -> None:
        self._ctx = multiprocessing.get_context("spawn")
        self._memory_limit = memory_limit
        self._size = max(1, size)
        self._store_path = store_path
        self._idle: IdleQueue[_Worker] = IdleQueue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._retired: list[str] = []

    @property
    def size(self) -> int:
        return self._size

    @property
    def store_path(self) -> str:
        return self._store_path

    def start(self, *, timeout: float = 60.0) -> None:
        workers = [self._spawn() for _ in range(self._size)]
        for worker in workers:
            worker.wait_ready(timeout)
            self._idle.put(worker)

    def _spawn(self) -> _Worker:
        worker = _Worker(self._ctx, self._memory_limit)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another in the background."""
        with self._lock:
            self._all.discard(worker)
        worker.kill()
        if self._closed:
            return

        def respawn() -> None:
            # a worker that ends as it starts is tried again, a few times, a little later each
            # time: the pool keeps its size (each lost worker would leave a query slot less)
            for attempt in range(RESPAWN_ATTEMPTS):
                fresh = self._spawn()
                try:
                    fresh.wait_ready(60.0)
                except Exception:
                    with self._lock:
                        self._all.discard(fresh)
                    logger.exception("could not start a query worker (attempt %d of %d)",
                                     attempt + 1, RESPAWN_ATTEMPTS)
                    if self._closed:
                        return
                    time.sleep(0.5 * 2**attempt)
                    continue
                if self._closed:
                    fresh.kill()
                else:
                    self._idle.put(fresh)
                return

        threading.Thread(target=respawn, name="reskg-respawn", daemon=True).start()

    def use_store(self, path: str) -> list[str]:
        """Send later jobs to the store at ``path``; returns earlier paths no worker holds."""
        with self._lock:
            if path != self._store_path:
                self._retired.append(self._store_path)
                self._store_path = path
            return self._free_retired()

    def _free_retired(self) -> list[str]:
        held = {w.store_path for w in self._all}
        free = [p for p in self._retired if p not in held]
        self._retired = [p for p in self._retired if p in held]
        return free

    def _send(self, worker: _Worker, job: QueryJob) -> None:
        with self._lock:
            path = worker.store_path = self._store_path
        try:
            worker.conn.send_bytes(_encode(job, path))
        except (OSError, BrokenPipeError) as exc:
            self._replace(worker)
            raise WorkerError(f"a query worker failed: {exc}") from exc

    def run(self, job: QueryJob, *, timeout: float) -> QueryOutcome:
        """Run ``job``; raises QueryTimeoutError past ``timeout`` seconds (waiting included)."""
        if self._closed:
            raise WorkerError("the query workers are shut down")
        deadline = time.monotonic() + timeout
        worker = self._idle.get(timeout)
        if worker is None:
            raise _busy(timeout)
        self._send(worker, job)
        try:
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._replace(worker)
                raise _late(timeout)
            head = worker.conn.recv_bytes()
        except (EOFError, OSError) as exc:
            raise self._died(worker, exc) from exc
        return self._outcome(worker, head)

    def _died(self, worker: _Worker, exc: BaseException) -> Exception:
        """Replace a worker that died answering a query; the error for its caller. A worker
        that aborted under a memory limit ran out of memory (Rust aborts when it cannot
        allocate)."""
        worker.process.join(1.0)
        code = worker.process.exitcode
        self._replace(worker)
        if self._memory_limit and code == -signal.SIGABRT:
            return self._over_memory()
        return WorkerError(f"a query worker failed: {exc}")

    def _over_memory(self) -> QueryMemoryError:
        return QueryMemoryError(f"the query needed more than its memory limit of "
                                f"{self._memory_limit / 2**20:,.0f} MiB and was stopped")

    async def arun(self, job: QueryJob, *, timeout: float) -> QueryOutcome:
        """:meth:`run` for a coroutine: the same answers and errors, never blocking the loop."""
        if self._closed:
            raise WorkerError("the query workers are shut down")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        worker = await self._idle.aget(timeout)
        if worker is None:
            raise _busy(timeout)
        self._send(worker, job)
        answered: asyncio.Future[bool] = loop.create_future()

        def settle(value: bool) -> None:
            if not answered.done():
                answered.set_result(value)

        fd = worker.conn.fileno()
        loop.add_reader(fd, settle, True)
        timer = loop.call_at(deadline, settle, False)
        try:
            in_time = await answered
        except BaseException:  # cancelled while the query runs: stop it
            await loop.run_in_executor(None, self._replace, worker)
            raise
        finally:
            loop.remove_reader(fd)
            timer.cancel()
            os.set_blocking(fd, True)  # uvloop's add_reader made it non-blocking
        if not in_time:
            await loop.run_in_executor(None, self._replace, worker)
            raise _late(timeout)
        try:
            head = worker.conn.recv_bytes()  # readable, and a head is small: does not block
        except (EOFError, OSError) as exc:
            raise await loop.run_in_executor(None, self._died, worker, exc) from exc

        if head[:1] in (b"R", b"G") and int(head.partition(b"\n")[2]) <= CHUNK:
            # Up to a megabyte that is still being written: read it off the loop.
            return await loop.run_in_executor(None, self._outcome, worker, head)
        return self._outcome(worker, head)

    def _outcome(self, worker: _Worker, head: bytes) -> QueryOutcome:
        """The outcome an answer's first message starts; frees ``worker`` once it is read (blocks
        only to read a body of at most CHUNK bytes that did not come inline)."""
        tag = head[0]
        kind = _KINDS.get(tag)
        if kind is None:
            self._release(worker)
            message = head[1:].decode(errors="replace")
            if tag == ord("s"):
                raise QuerySyntaxError(message)
            if tag == ord("v"):
                raise QueryEvaluationError(message)
            if tag == ord("u"):
                raise NotAcceptableError(message)
            if message.startswith("MemoryError") and self._memory_limit:
                raise self._over_memory()
            if tag == ord("b"):
                raise _too_large(message)
            raise WorkerError(message or "a query worker failed")
        name, _, rest = head[1:].partition(b"\n")
        fmt = name.decode()
        if tag in b"rg":
            self._release(worker)
            return QueryOutcome(kind, fmt, len(rest), iter((rest,)))
        size = int(rest)
        if size > CHUNK:
            return QueryOutcome(kind, fmt, size, _Body(self, worker, size))
        try:
            body = worker.conn.recv_bytes()
        except (EOFError, OSError) as exc:
            self._replace(worker)
            raise WorkerError(f"a query worker failed: {exc}") from exc
        self._release(worker)
        return QueryOutcome(kind, fmt, size, iter((body,)))

    def _release(self, worker: _Worker) -> None:
        if self._closed:
            worker.kill()
        else:
            self._idle.put(worker)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()


def _busy(timeout: float) -> QueryTimeoutError:
    return QueryTimeoutError(
        f"no query worker became free within {timeout:g} s; the server is busy"
    )


def _too_large(limit: str) -> ResultTooLargeError:
    return ResultTooLargeError(f"the result grew past {int(limit):,} bytes and the query was "
                               f"stopped")


def _late(timeout: float) -> QueryTimeoutError:
    return QueryTimeoutError(
        f"the query ran longer than its time limit of {timeout:g} s and was stopped"
    )


class _Body(Iterator[bytes]):
    """The chunks of a large result; the worker goes back to the pool once all are read, and is
    replaced if the reader gives up (a client that went away leaves bytes in the pipe)."""

    def __init__(self, pool: WorkerPool, worker: _Worker, size: int) -> None:
        self._pool, self._worker, self._left = pool, worker, size
        self._finished = False

    def __next__(self) -> bytes:
        if self._finished:
            raise StopIteration
        if self._left <= 0:
            self._finish(release=True)
            raise StopIteration
        try:
            chunk = self._worker.conn.recv_bytes()
        except (EOFError, OSError) as exc:
            self._finish(release=False)
            raise WorkerError(f"a query worker failed: {exc}") from exc
        self._left -= len(chunk)
        return chunk

    def _finish(self, *, release: bool) -> None:
        if not self._finished:
            self._finished = True
            if release:
                self._pool._release(self._worker)
            else:
                self._pool._replace(self._worker)

    def close(self) -> None:
        self._finish(release=self._left <= 0)

    def __del__(self) -> None:
        self.close()
