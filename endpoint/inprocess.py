"""Queries of a read-only server, run in threads of the server process itself.

A read-only server has no writer beside it, so each server process can answer queries from its
own copy of the store without handing them to another process: :class:`ThreadPool` runs each
``QueryJob`` in one of ``size`` threads (pyoxigraph releases the GIL while it evaluates and
serialises, so the event loop keeps answering meanwhile), over an **in-memory copy** of the store
when the store holds at most ``memory_triples`` triples (pyoxigraph's in-memory store answers
joins and text filters faster than RocksDB: docs/performance-notes.md), else over the read-only
store itself.

A thread cannot be stopped, and neither can a pyoxigraph query. A query past its time limit is
therefore answered at once with :class:`~.executor.QueryTimeoutError` (the client gets its 503 on
time), the pool carries on with fresh threads, and ``on_stuck`` is called: the server supervisor
(:mod:`.server`) starts a replacement process on the same listening socket and, once it is
ready, shuts this process down gracefully — it finishes the requests it is answering, and the
stuck query dies with the process. Until then the stuck thread costs a core, no answer; once
more than ``size`` queries are stuck, the process takes no more queries (503, try again), so
runaway queries cannot pile up on it.

Memory is watched the same way: while queries run, a monitor thread reads the memory this
process holds of its own (``Private_Dirty`` of ``/proc/self/smaps_rollup``: not the shared copy
of the store) every :data:`MEMORY_POLL` seconds; past ``memory_limit`` bytes more than when the
pool started, every running query is answered at once with
:class:`~.executor.QueryMemoryError` (a 503), the process takes no more queries, and
``on_stuck`` asks the supervisor to replace it — the runaway query dies with the process.

The supervisor of a read-only server makes the in-memory copy once (:func:`preload`) and forks
the server processes, which share it (copy-on-write); a replacement process is then ready in a
fraction of a second. Elsewhere (no ``fork``), each process makes its own copy at start-up.

The interface is :class:`~.executor.WorkerPool`'s (``size``, ``start``, ``run``, ``arun``,
``close``), so :class:`~.context.AppContext` and the routes use either.
"""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from resolutions_kg.endpoint.executor import (
    CHUNK,
    QueryJob,
    QueryOutcome,
    _busy,
    _late,
    _run_job,
    _too_large,
)
from resolutions_kg.errors import (
    NotAcceptableError,
    QueryEvaluationError,
    QueryMemoryError,
    QuerySyntaxError,
    QueryTimeoutError,
    StoreError,
    WorkerError,
)

logger = logging.getLogger("resolutions_kg.endpoint")

_KINDS = {ord("r"): "results", ord("g"): "graph"}


#: What the server supervisor found before it forked the server processes, by resolved store
#: folder (:func:`preload`): the in-memory copy the processes share, or None for a store over
#: the limit, which they query on disk without counting it again.
PRELOADED: dict[str, ox.Store | None] = {}
#: The store state (:func:`resolutions_kg.store.read_state`) read just before each copy was made:
#: the version the processes sharing the copy serve.
PRELOADED_STATE: dict[str, dict[str, Any]] = {}
#: Exit status of ``python -m resolutions_kg.endpoint.inprocess`` for a store over the limit.
_TOO_BIG = 3


def memory_copy(store: ox.Store) -> ox.Store:
    """An in-memory ``Store`` holding every quad of ``store``."""
    memory = ox.Store()
    memory.bulk_extend(store)
    return memory


def preload(path: str, limit: int) -> int | None:
    """Copy the store at ``path`` into :data:`PRELOADED` when it holds at most ``limit`` triples
    and return how many it holds; None (recorded too) when it holds more. The store is read by a
    child process and streamed here as N-Quads, so that this process never opens RocksDB: its
    background threads would not survive the fork of the server processes."""
    from resolutions_kg.store import read_state

    state = read_state(path)
    command = [sys.executable, "-m", "resolutions_kg.endpoint.inprocess", path, str(limit)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    memory = ox.Store()
    try:
        memory.bulk_load(input=child.stdout, format=ox.RdfFormat.N_QUADS)
    except (OSError, SyntaxError) as exc:
        child.kill()
        raise StoreError(f"{path}: cannot copy the store into memory: {exc}") from exc
    finally:
        child.stdout.close()
        errors = child.stderr.read().decode(errors="replace").strip()
        child.stderr.close()
    status = child.wait()
    if status not in (0, _TOO_BIG):
        raise StoreError(errors or f"{path}: cannot copy the store into memory")
    key = str(Path(path).resolve())
    PRELOADED[key] = memory if status == 0 else None
    PRELOADED_STATE[key] = state
    return len(memory) if status == 0 else None


def _dump(path: str, limit: int) -> int:
    """The child of :func:`preload`: the store as N-Quads on stdout, unless it is too big."""
    from resolutions_kg.store import open_store

    try:
        store = open_store(path, read_only=True)
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 1
    if len(store) > limit:
        return _TOO_BIG
    store.dump(output=sys.stdout.buffer, format=ox.RdfFormat.N_QUADS)
    return 0


#: Seconds between two looks at the process's memory while queries run.
MEMORY_POLL = 0.1


def private_memory() -> int:
    """Bytes of memory this process holds of its own (pages shared with the process it was
    forked from, such as the in-memory copy of the store, do not count); 0 where /proc does not
    tell."""
    try:
        with open("/proc/self/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Private_Dirty:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class ThreadPool:
    """``size`` query threads over ``store`` (an open ``pyoxigraph.Store``)."""

    def __init__(self, store: ox.Store, *, size: int = 2,
                 on_stuck: Callable[[], None] | None = None, memory_limit: int = 0) -> None:
        self._store = store
        self._size = max(1, size)
        self._on_stuck = on_stuck
        self._lock = threading.Lock()
        self._executor = self._new_executor()
        self._closed = False
        #: queries that ran past their limit and could not be stopped (for /health and tests)
        self.stuck = 0
        self._memory_limit = memory_limit
        self._memory_base = 0
        #: running queries: their future → what stops their caller's wait (a memory error)
        self._running: dict[Future[Any], Callable[[BaseException], None]] = {}
        self._busy = threading.Condition(self._lock)
        #: set once the process went past its memory limit: it takes no more queries
        self.over_memory: QueryMemoryError | None = None

    def _new_executor(self) -> ThreadPoolExecutor:
        return ThreadPoolExecutor(max_workers=self._size, thread_name_prefix="reskg-query")

    @property
    def size(self) -> int:
        return self._size

    @property
    def store_path(self) -> str:
        return ""

    def start(self, *, timeout: float = 60.0) -> None:
        """Threads are made on demand; the memory monitor starts here, when there is a limit
        and /proc tells this process's memory."""
        self._memory_base = private_memory()
        if self._memory_limit > 0 and self._memory_base > 0:
            threading.Thread(target=self._watch_memory, name="reskg-memory",
                             daemon=True).start()

    def _submit(self, job: QueryJob,
                stop: Callable[[BaseException], None]) -> Future[tuple[bytes, bytes]]:
        if self._closed:
            raise WorkerError("the query threads are shut down")
        if self.over_memory is not None:
            raise QueryMemoryError(f"{self.over_memory}; this server process is being "
                                   "replaced, try again in a moment")
        if self.stuck > self._size:  # more runaway queries than threads: take no more
            raise QueryTimeoutError("this server process is being replaced after queries it "
                                    "could not stop; try again in a moment")
        with self._lock:
            future = self._executor.submit(_run_job, self._store, job)
            self._running[future] = stop
            self._busy.notify_all()
        future.add_done_callback(self._finished)
        return future

    def _finished(self, future: Future[Any]) -> None:
        with self._lock:
            self._running.pop(future, None)

    def _watch_memory(self) -> None:
        """While queries run, stop them all once the process is past its memory limit."""
        while not self._closed:
            with self._lock:
                while not self._running and not self._closed:
                    self._busy.wait()
            used = private_memory() - self._memory_base
            if used > self._memory_limit:
                self._over_memory(used)
                return
            time.sleep(MEMORY_POLL)

    def _over_memory(self, used: int) -> None:
        error = QueryMemoryError(
            f"the queries of this server process needed {used / 2**20:,.0f} MiB, more than "
            f"the memory limit of {self._memory_limit / 2**20:,.0f} MiB, and were stopped")
        with self._lock:
            self.over_memory = error
            running = list(self._running.items())
            self._running.clear()
            self.stuck += len(running)
            old, self._executor = self._executor, self._new_executor()
        old.shutdown(wait=False, cancel_futures=True)
        logger.warning("%s; %s", error, "replacing the process" if self._on_stuck
                       else "their threads are left running")
        for _future, stop in running:
            stop(error)
        if self._on_stuck is not None:
            try:
                self._on_stuck()
            except Exception:
                logger.exception("could not ask for a replacement process")

    def run(self, job: QueryJob, *, timeout: float) -> QueryOutcome:
        """Run ``job``; raises QueryTimeoutError past ``timeout`` seconds (waiting included)."""
        stopped: list[BaseException] = []
        wake = threading.Event()

        def stop(error: BaseException) -> None:
            stopped.append(error)
            wake.set()

        future = self._submit(job, stop)
        future.add_done_callback(lambda _: wake.set())
        if not wake.wait(timeout):
            raise self._expired(future, timeout)
        if stopped:
            raise stopped[0]
        return _answer(future)

    async def arun(self, job: QueryJob, *, timeout: float) -> QueryOutcome:
        """:meth:`run` for a coroutine: the same answers and errors, never blocking the loop."""
        loop = asyncio.get_running_loop()
        answered: asyncio.Future[bool] = loop.create_future()

        def settle(value: bool) -> None:
            if not answered.done():
                answered.set_result(value)

        def stopped(error: BaseException) -> None:
            def fail() -> None:
                if not answered.done():
                    answered.set_exception(error)
            try:
                loop.call_soon_threadsafe(fail)
            except RuntimeError:  # the loop is closed: nobody is waiting any more
                pass

        def done(_: Future[Any]) -> None:
            try:
                loop.call_soon_threadsafe(settle, True)
            except RuntimeError:  # the loop is closed: nobody is waiting any more
                pass

        future = self._submit(job, stopped)
        future.add_done_callback(done)
        timer = loop.call_later(timeout, settle, False)
        try:
            in_time = await answered
        except QueryMemoryError:
            raise
        except BaseException:  # the request was cancelled (client gone): let the query finish
            future.cancel()
            raise
        finally:
            timer.cancel()
        if not in_time:
            raise self._expired(future, timeout)
        return _answer(future)

    def _expired(self, future: Future[Any], timeout: float) -> Exception:
        """The error for a query past its limit; a query that has started is stuck."""
        if future.cancel():  # still waiting for a thread: it never ran
            return _busy(timeout)
        if future.done():  # finished just now, past its limit: still too late
            return _late(timeout)
        with self._lock:
            self.stuck += 1
            # the stuck thread keeps its slot in the old executor; new queries get new threads
            old, self._executor = self._executor, self._new_executor()
        old.shutdown(wait=False, cancel_futures=False)
        logger.warning("a query ran past its time limit of %g s and cannot be stopped in this "
                       "process; %s", timeout,
                       "replacing the process" if self._on_stuck else "its thread is left running")
        if self._on_stuck is not None:
            try:
                self._on_stuck()
            except Exception:
                logger.exception("could not ask for a replacement process")
        return _late(timeout)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            executor = self._executor
            self._busy.notify_all()
        executor.shutdown(wait=False, cancel_futures=True)


def _answer(future: Future[tuple[bytes, bytes]]) -> QueryOutcome:
    """The outcome of a finished query; errors as :class:`~.executor.WorkerPool` raises them."""
    try:
        head, body = future.result(0)
    except CancelledError:
        raise WorkerError("the query threads are shut down") from None
    except Exception as exc:  # what a worker process reports as a failure: a 500
        raise WorkerError(f"{type(exc).__name__}: {exc}") from exc
    return _outcome(head, body)


def _outcome(head: bytes, body: bytes) -> QueryOutcome:
    tag = head[0]
    kind = _KINDS.get(tag)
    if kind is None:
        message = body.decode(errors="replace")
        if tag == ord("s"):
            raise QuerySyntaxError(message)
        if tag == ord("v"):
            raise QueryEvaluationError(message)
        if tag == ord("u"):
            raise NotAcceptableError(message)
        if tag == ord("b"):
            raise _too_large(message)
        raise WorkerError(message or "a query failed")
    return QueryOutcome(kind, head[1:].decode(), len(body), _chunks(body))


def _chunks(body: bytes) -> Iterator[bytes]:
    if len(body) <= CHUNK:
        return iter((body,))
    view = memoryview(body)
    return (bytes(view[i : i + CHUNK]) for i in range(0, len(body), CHUNK))


if __name__ == "__main__":
    sys.exit(_dump(sys.argv[1], int(sys.argv[2])))
