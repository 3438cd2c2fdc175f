"""What every route of the server shares: :class:`AppContext`.

``create_app`` builds one ``AppContext`` and puts it on ``app.state.ctx``; route modules get it
from ``request.app.state.ctx`` (and ``resolutions_kg.endpoint.site.routes(ctx)`` receives it).

Attributes
    ``store_path``     the store folder;
    ``base_iri``       data base IRI (``{base}resolution/...``, ``{base}graph/...``);
    ``settings``       every setting of :mod:`resolutions_kg.settings` by name;
    ``read_only``      True when no update token is configured;
    ``store``          the server process's ``pyoxigraph.Store`` handle (read-only, or the one
                       writable handle when writes are allowed) for cheap, bounded reads such as
                       ``store.dump(...)``/``quads_for_pattern``; blocking — call it from a plain
                       ``def`` handler. Never run open-ended SPARQL on it: use :meth:`query`;
    ``pool``           runs the queries: a :class:`~resolutions_kg.endpoint.inprocess.ThreadPool`
                       on a read-only server (threads of this process, over an in-memory copy
                       of the store up to the setting ``memory_triples``), else a
                       :class:`~resolutions_kg.endpoint.executor.WorkerPool` (worker processes);
    ``in_memory``      True when the queries run over an in-memory copy (``store`` stays the
                       on-disk handle: dumps and pages keep the on-disk order of quads);
    ``clients``        the queries each client address is running (:mod:`.limits`).

Methods
    ``query(sparql, *, substitutions=None, use_default_graph_as_union=True, timeout=None)``
        runs a query in the pool with the server's time limit (or ``timeout``, if
        lower) and returns pyoxigraph objects: ``QuerySolutions`` (SELECT), ``QueryBoolean``
        (ASK) or a list of ``Triple`` (CONSTRUCT/DESCRIBE). ``substitutions`` maps variable
        names (``"s"``) or ``pyoxigraph.Variable`` to terms. Raises ``QuerySyntaxError``,
        ``QueryTimeoutError``, ``ResultTooLargeError`` (past ``max_result_bytes``),
        ``WorkerError`` (``resolutions_kg.endpoint.executor``). Blocking.
    ``run(job, *, timeout=None)`` the same at a lower level: a ``QueryJob`` in, a serialised
        ``QueryOutcome`` (bytes in chunks) out — for answering in a format a client asked for;
        ``await arun(job, *, timeout=None)`` the same from ``async def`` code.
    ``write(fn)`` calls ``fn(store)`` with the writable store under the write lock; ``fn`` must
        change the store in one transaction (one ``Store.update`` or ``extend``). Then it
        advances the store version and makes the result visible to the workers. Raises
        ``PermissionError`` on a read-only server, ``StoreError`` when the store cannot write
        (disk full, I/O error: the transaction left the store as it was; see below).
    ``stats()`` ``{"triples": n, "graphs": m}`` (cached between writes).
    ``state`` the store state (:func:`resolutions_kg.store.read_state`) this process serves:
        read when the store is opened, and after each write through this server — never the
        live file on a read-only server, whose data is the copy made at start-up; ``version``
        is its version string, the key of everything derived from the data.
    ``write_fault()`` None when writes work, else why they do not (``/health``).

Every ``reopen_writes`` writes the writable store is closed and opened again (RocksDB gives back
the memory it keeps while pages are read through it only on close: docs/bench-soak.md).

A write the store refuses (RocksDB on a full disk keeps refusing every later write on the same
handle) leaves the data as it was; the server then reopens the store, which clears RocksDB's
error, and reports the fault on ``/health`` until a write succeeds or a probe finds the disk
writable again.

Without dataset parameters, queries see the union of all named graphs as their default graph
(all data lives in named graphs; the store's own default graph stays empty).
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool

from resolutions_kg import heap
from resolutions_kg.endpoint.executor import QueryJob, QueryOutcome, WorkerPool
from resolutions_kg.endpoint.inprocess import PRELOADED, PRELOADED_STATE, ThreadPool, memory_copy
from resolutions_kg.endpoint.limits import ClientSlots
from resolutions_kg.errors import StoreError
from resolutions_kg.store import mark_modified, open_store, read_state, store_version

logger = logging.getLogger("resolutions_kg.endpoint")

#: Bytes written (and removed) in the store folder to see whether the disk takes writes again.
PROBE_BYTES = 1 << 20


@dataclass
class AppContext:
    store_path: str
    base_iri: str
    settings: Mapping[str, Any]
    read_only: bool
    _store: ox.Store | None = field(repr=False)
    pool: WorkerPool = field(repr=False)
    #: Optional hook for ``GET /sparql`` from a browser without a query (the query UI sets it).
    sparql_html: Callable[..., Any] | None = field(default=None, repr=False)
    in_memory: bool = False
    #: queries running per client address (the setting ``max_client_queries``)
    clients: ClientSlots = field(init=False, repr=False)
    _write_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _snapshot_root: str | None = field(default=None, repr=False)
    #: What :meth:`close` also does: what the site keeps beside the store (its dumps' folder).
    closing: list[Callable[[], None]] = field(default_factory=list, repr=False)
    _snapshot_count: int = field(default=0, repr=False)
    _stats: dict[str, int] | None = field(default=None, repr=False)
    state: dict[str, Any] = field(default_factory=dict, repr=False)
    _fault: str | None = field(default=None, repr=False)
    _writable: bool = field(default=True, repr=False)
    #: writes since the writable store was last opened (the setting ``reopen_writes``)
    _writes: int = field(default=0, repr=False)
    #: the checkpoint that ``store`` reads while the writable store is being reopened, else None
    _snapshot_handle: str | None = field(default=None, repr=False)

    @property
    def store(self) -> ox.Store:
        store = self._store
        if store is None:
            raise StoreError(f"{self.store_path}: the store is being reopened after a failed "
                             f"write; try again in a moment")
        return store

    @property
    def version(self) -> str:
        return store_version(self.state)

    def __post_init__(self) -> None:
        self.clients = ClientSlots(int(self.settings.get("max_client_queries") or 0))

    @classmethod
    def open(cls, store_path: str | Path, settings: Mapping[str, Any], *,
             on_stuck: Callable[[], None] | None = None) -> AppContext:
        """Open the store and start the query workers (blocking, seconds); with the setting
        ``backend`` (a SPARQL endpoint URL), read-only over that endpoint instead
        (:mod:`.backend`). ``on_stuck`` is called when a read-only server's query ran past its
        limit in a thread that cannot be stopped (:mod:`.inprocess`)."""
        if settings.get("backend"):
            from resolutions_kg.endpoint.backend import open_remote

            base_iri = str(settings.get("base_iri"))
            remote, remote_pool = open_remote(str(settings["backend"]), base_iri=base_iri,
                                              settings=settings)
            # Duck-typed: the remote store and pool have the API the routes use.
            return cls(store_path="", base_iri=base_iri, settings=dict(settings), read_only=True,
                       _store=cast(ox.Store, remote), pool=cast(WorkerPool, remote_pool))
        path = str(Path(store_path).resolve())
        read_only = not settings.get("update_token")
        if read_only and not Path(path).is_dir():
            raise StoreError(f"{path}: no store here (a read-only server needs an existing store)")
        state = read_state(path) if Path(path).is_dir() else {}
        store = open_store(path, read_only=read_only)
        size = int(settings.get("workers") or 2)
        memory = int(settings.get("max_query_memory") or 0)
        pool: WorkerPool | ThreadPool
        in_memory = False
        if read_only:
            limit = int(settings.get("memory_triples") or 0)
            queried = store
            if limit > 0 and path in PRELOADED:  # the supervisor's finding, before the fork
                copy = PRELOADED[path]
                state = PRELOADED_STATE.get(path, state)
                queried, in_memory = (store, False) if copy is None else (copy, True)
            elif limit > 0 and len(store) <= limit:
                queried, in_memory = memory_copy(store), True
            pool = ThreadPool(queried, size=size, on_stuck=on_stuck, memory_limit=memory)
        else:
            pool = WorkerPool(path, size=size, memory_limit=memory)
        ctx = cls(
            store_path=path,
            base_iri=str(settings.get("base_iri")),
            settings=dict(settings),
            read_only=read_only,
            _store=store,
            pool=cast(WorkerPool, pool),
            in_memory=in_memory,
            state=state,
        )
        if not read_only:
            parent = Path(path).parent
            ctx._snapshot_root = tempfile.mkdtemp(prefix=f".{Path(path).name}.snapshots-",
                                                  dir=parent)
            assert isinstance(pool, WorkerPool)
            pool.use_store(ctx._snapshot())
        pool.start()
        return ctx

    def close(self) -> None:
        self.pool.close()
        for step in self.closing:
            step()
        if self._snapshot_root:
            shutil.rmtree(self._snapshot_root, ignore_errors=True)

    # ------------------------------------------------------------------ reads

    @property
    def max_result_bytes(self) -> int:
        return int(self.settings.get("max_result_bytes") or 0)

    @property
    def query_timeout(self) -> float:
        return float(self.settings.get("query_timeout") or 30.0)

    def limit(self, timeout: float | None) -> float:
        """The time limit of a query: the server's, or less if asked."""
        if timeout is None or timeout <= 0:
            return self.query_timeout
        return min(timeout, self.query_timeout)

    def run(self, job: QueryJob, *, timeout: float | None = None) -> QueryOutcome:
        return self.pool.run(job, timeout=self.limit(timeout))

    async def arun(self, job: QueryJob, *, timeout: float | None = None) -> QueryOutcome:
        """:meth:`run` for a coroutine: waits on the event loop, never blocks it (a pool without
        ``arun`` is run in a thread)."""
        arun = getattr(self.pool, "arun", None)
        if arun is None:
            return await run_in_threadpool(self.run, job, timeout=timeout)
        return cast(QueryOutcome, await arun(job, timeout=self.limit(timeout)))

    def query(
        self,
        sparql: str,
        *,
        substitutions: Mapping[Any, Any] | None = None,
        use_default_graph_as_union: bool = True,
        timeout: float | None = None,
    ) -> Any:
        subs = tuple(
            (k.value if isinstance(k, ox.Variable) else str(k), v)
            for k, v in (substitutions or {}).items()
        )
        job = QueryJob(
            sparql,
            results_format="JSON",
            graph_format="N_TRIPLES",
            base_iri=self.base_iri,
            union_default_graph=use_default_graph_as_union,
            substitutions=subs,
            max_bytes=self.max_result_bytes,
        )
        outcome = self.run(job, timeout=timeout)
        body = outcome.read()
        if outcome.kind == "graph":
            return list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)

    def stats(self) -> dict[str, int]:
        stats = self._stats
        if stats is None:
            graphs = sum(1 for _ in self.store.named_graphs())
            stats = {"triples": len(self.store), "graphs": graphs}
            self._stats = stats
        return stats

    # ----------------------------------------------------------------- writes

    def write(self, fn: Callable[[ox.Store], Any]) -> Any:
        if self.read_only:
            raise PermissionError("this server is read-only")
        with self._write_lock:
            if not self._writable:
                self._reopen()
                if not self._writable:
                    raise StoreError(f"{self.store_path}: cannot write the store: {self._fault}")
            failure = None
            try:
                result = fn(self.store)
            except (OSError, StoreError) as exc:  # the transaction wrote nothing
                failure = _cause(exc)
            if failure is not None:
                # Out of the except block, so that no traceback keeps the old handle alive.
                self._failed(failure)
                raise StoreError(f"{self.store_path}: cannot write the store: {failure}")
            self._stats = None
            self._fault = None
            try:
                state = mark_modified(self.store_path, self.base_iri)
                snapshot = self._snapshot()
            except StoreError as exc:  # committed, but the queries do not see it yet
                self._fault = f"the last write is not visible to queries: {exc}"
                logger.error("%s", self._fault)
                self.state = read_state(self.store_path)
                return result
            for old in self.pool.use_store(snapshot):
                shutil.rmtree(old, ignore_errors=True)
            # The new version only once the queries see the new data: whatever is cached under
            # a version (browse.VersionCache) was computed from data at least that new.
            self.state = state
            self._writes += 1
            every = int(self.settings.get("reopen_writes") or 0)
            if every > 0 and self._writes >= every:
                self._renew(snapshot)
            return result

    def _renew(self, snapshot: str) -> None:
        """Close the writable store and open it again (under the write lock), reads going to
        ``snapshot`` (the last write's checkpoint) meanwhile, past a second to the next write."""
        old = self._store
        try:
            self._store = open_store(snapshot, read_only=True)
        except StoreError as exc:
            logger.warning("%s: not reopened (%s)", self.store_path, exc)
            return
        self._snapshot_handle, self._writable = snapshot, False
        del old
        writes = self._writes
        if (reason := self._open_writable(20, 0.05)) is None:
            logger.info("%s: store reopened after %d writes", self.store_path, writes)
        else:  # the next write opens it (self._reopen), reads go on meanwhile
            logger.warning("%s: not reopened yet (%s)", self.store_path, reason)

    def _open_writable(self, attempts: int, pause: float) -> str | None:
        """Open the writable store (a request still reading through the old handle holds its
        lock: tried ``attempts`` times, ``pause`` seconds apart); None when it is open, else
        why not. glibc keeps what RocksDB gave back on close: it goes back to the system."""
        reason = ""
        for attempt in range(attempts):
            gc.collect()
            try:
                self._store, self._writable = open_store(self.store_path), True
            except StoreError as exc:
                reason = str(exc)
                if "lock" not in reason or attempt == attempts - 1:
                    return reason
                time.sleep(pause)
                continue
            self._snapshot_handle, self._writes = None, 0
            heap.trim()  # (~1-7 ms)
            return None
        return reason

    def _failed(self, cause: str) -> None:
        """A write failed: record why and reopen the store (RocksDB keeps refusing writes on a
        handle that met an I/O error)."""
        self._fault = f"the last write failed: {cause}"
        logger.error("%s: a write failed: %s; reopening the store", self.store_path, cause)
        self._reopen()

    def _reopen(self) -> None:
        """Close the writable handle and open it again (under the write lock). When it cannot be
        opened for writing (a full disk: RocksDB writes a new manifest as it opens), open it
        read-only, so that reads go on, and record why."""
        if self._snapshot_handle is None:  # the writable handle, or a read-only one on the store
            self._store = None
        self._writable = False
        if (reason := self._open_writable(50, 0.1)) is None:
            return
        self._fault = f"the store cannot be opened for writing: {reason}"
        logger.error("%s", self._fault)
        try:
            self._store, self._snapshot_handle = None, None
            self._store = open_store(self.store_path, read_only=True)
        except StoreError as exc:
            logger.error("%s", exc)

    def write_fault(self) -> str | None:
        """Why this server cannot write now, or None. After a failed write, checks again
        (reopens the store if needed, writes a probe file beside it) unless a write is under way."""
        if self.read_only or self._fault is None:
            return None
        if not self._write_lock.acquire(blocking=False):
            return self._fault
        try:
            if not self._writable:
                self._reopen()
            if self._writable and self._probe():
                self._fault = None
            return self._fault
        finally:
            self._write_lock.release()

    def _probe(self) -> bool:
        probe = Path(self.store_path).parent / f".{Path(self.store_path).name}.probe"
        try:
            with probe.open("wb") as out:
                out.write(b"\0" * PROBE_BYTES)
                out.flush()
                os.fsync(out.fileno())
            return True
        except OSError:
            return False
        finally:
            probe.unlink(missing_ok=True)

    def _snapshot(self) -> str:
        assert self._snapshot_root is not None
        self._snapshot_count += 1
        target = str(Path(self._snapshot_root) / f"{self._snapshot_count:06d}")
        try:
            self.store.backup(target)
        except OSError as exc:
            shutil.rmtree(target, ignore_errors=True)
            raise StoreError(f"{target}: cannot checkpoint the store: {exc}") from exc
        return target


def _cause(exc: BaseException) -> str:
    return str(exc).removeprefix("store update failed: ")
