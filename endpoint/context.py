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
    ``write(fn)`` calls ``fn(store)`` with the writable store under the write lock, then makes
        the result visible to the workers. Raises ``PermissionError`` on a read-only server.
    ``stats()`` ``{"triples": n, "graphs": m}`` (cached between writes).

Without dataset parameters, queries see the union of all named graphs as their default graph
(all data lives in named graphs; the store's own default graph stays empty).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool

from resolutions_kg.endpoint.executor import QueryJob, QueryOutcome, WorkerPool
from resolutions_kg.endpoint.inprocess import PRELOADED, ThreadPool, memory_copy
from resolutions_kg.endpoint.limits import ClientSlots
from resolutions_kg.errors import StoreError
from resolutions_kg.store import open_store


@dataclass
class AppContext:
    store_path: str
    base_iri: str
    settings: Mapping[str, Any]
    read_only: bool
    store: ox.Store = field(repr=False)
    pool: WorkerPool = field(repr=False)
    #: Optional hook for ``GET /sparql`` from a browser without a query (the query UI sets it).
    sparql_html: Callable[..., Any] | None = field(default=None, repr=False)
    in_memory: bool = False
    #: queries running per client address (the setting ``max_client_queries``)
    clients: ClientSlots = field(init=False, repr=False)
    _write_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _snapshot_root: str | None = field(default=None, repr=False)
    _snapshot_count: int = field(default=0, repr=False)
    _stats: dict[str, int] | None = field(default=None, repr=False)

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
                       store=cast(ox.Store, remote), pool=cast(WorkerPool, remote_pool))
        path = str(Path(store_path).resolve())
        read_only = not settings.get("update_token")
        if read_only and not Path(path).is_dir():
            raise StoreError(f"{path}: no store here (a read-only server needs an existing store)")
        store = open_store(path, read_only=read_only)
        size = int(settings.get("workers") or 2)
        pool: WorkerPool | ThreadPool
        in_memory = False
        if read_only:
            limit = int(settings.get("memory_triples") or 0)
            queried = store
            if limit > 0 and path in PRELOADED:  # the supervisor's finding, before the fork
                copy = PRELOADED[path]
                queried, in_memory = (store, False) if copy is None else (copy, True)
            elif limit > 0 and len(store) <= limit:
                queried, in_memory = memory_copy(store), True
            pool = ThreadPool(queried, size=size, on_stuck=on_stuck)
        else:
            pool = WorkerPool(path, size=size)
        ctx = cls(
            store_path=path,
            base_iri=str(settings.get("base_iri")),
            settings=dict(settings),
            read_only=read_only,
            store=store,
            pool=cast(WorkerPool, pool),
            in_memory=in_memory,
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
            try:
                return fn(self.store)
            finally:
                self._stats = None
                for old in self.pool.use_store(self._snapshot()):
                    shutil.rmtree(old, ignore_errors=True)

    def _snapshot(self) -> str:
        assert self._snapshot_root is not None
        self._snapshot_count += 1
        target = str(Path(self._snapshot_root) / f"{self._snapshot_count:06d}")
        try:
            self.store.backup(target)
        except OSError as exc:
            raise StoreError(f"{target}: cannot checkpoint the store: {exc}") from exc
        return target
