"""Query threads of a read-only server (:mod:`resolutions_kg.endpoint.inprocess`): the same
answers and errors as the worker processes, over an in-memory copy equal to the store; a query
past its limit is answered as late at once, the pool carries on, and the server is told."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from endpoint_support import POOL_ROWS as ROWS
from endpoint_support import fill_numbered as fill
from test_executor import construct

from resolutions_kg.endpoint.executor import CHUNK, QueryJob, QueryOutcome, WorkerPool
from resolutions_kg.endpoint.inprocess import ThreadPool, memory_copy
from resolutions_kg.errors import (
    NotAcceptableError,
    QuerySyntaxError,
    QueryTimeoutError,
    WorkerError,
)

pytest_plugins = ["pool_fixtures"]

#: Over SLOW_ROWS quads this takes a few seconds: long past the limits below, yet it ends, so
#: that the thread left running does not outlive the test by much.
SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"
SLOW_ROWS = 30
SIZES = {"small": 100, "one chunk": 3_000, "chunks": ROWS}


@pytest.fixture(scope="module")
def threads(store_path: str) -> Iterator[ThreadPool]:
    threaded = ThreadPool(memory_copy(ox.Store.read_only(store_path)), size=2)
    yield threaded
    threaded.close()


def test_the_memory_copy_holds_every_quad(store_path: str) -> None:
    disk = ox.Store.read_only(store_path)
    assert set(memory_copy(disk)) == set(disk) and len(disk) == ROWS


@pytest.mark.parametrize("size", list(SIZES))
def test_threads_answer_what_worker_processes_answer(threads: ThreadPool, pool: WorkerPool,
                                                     size: str) -> None:
    job = QueryJob(construct(SIZES[size]), graph_format="N_TRIPLES")
    expected = pool.run(job, timeout=60).read()
    threaded = threads.run(job, timeout=60)
    chunks = list(threaded.chunks)

    async def three() -> list[tuple[str, str, int, bytes]]:
        outcomes = await asyncio.gather(*(threads.arun(job, timeout=60) for _ in range(3)))
        return [(o.kind, o.format, o.size, o.read()) for o in outcomes]

    body = b"".join(chunks)  # the memory copy lists triples in another order than the disk
    assert sorted(body.splitlines()) == sorted(expected.splitlines())
    assert threaded.size == len(body) == len(expected)
    assert all(len(c) <= CHUNK for c in chunks) and len(chunks) == -(-len(body) // CHUNK)
    assert asyncio.run(three()) == [("graph", "N_TRIPLES", len(body), body)] * 3
    assert len(set(ox.parse(expected, format=ox.RdfFormat.N_TRIPLES))) == SIZES[size]


def test_errors_are_the_worker_processes_errors(threads: ThreadPool) -> None:
    cases: list[tuple[QueryJob, type[Exception], str]] = [
        (QueryJob("SELECT ?x WHERE {"), QuerySyntaxError, "expected"),
        (QueryJob("ASK {}", results_format=None), NotAcceptableError, "results"),
        (QueryJob(construct(5), graph_format=None), NotAcceptableError, "graph"),
    ]
    for job, error, message in cases:
        with pytest.raises(error, match=message):
            threads.run(job, timeout=60)

        async def one(job: QueryJob = job) -> QueryOutcome:
            return await threads.arun(job, timeout=60)

        with pytest.raises(error, match=message):
            asyncio.run(one())


@pytest.fixture()
def slow_store() -> ox.Store:
    store = ox.Store()
    fill(store, SLOW_ROWS)
    return store


@pytest.mark.parametrize("how", ["run", "arun"])
def test_a_query_past_its_limit_is_late_at_once_and_the_server_is_told(
        slow_store: ox.Store, how: str) -> None:
    told: list[str] = []
    pool = ThreadPool(slow_store, size=2, on_stuck=lambda: told.append("stuck"))

    def slow() -> None:
        with pytest.raises(QueryTimeoutError, match="time limit of 0.3 s"):
            if how == "run":
                pool.run(QueryJob(SLOW), timeout=0.3)
            else:
                asyncio.run(pool.arun(QueryJob(SLOW), timeout=0.3))

    try:
        start = time.monotonic()
        slow()
        assert time.monotonic() - start < 2.0  # answered at its limit, not when the query ends
        assert told == ["stuck"] and pool.stuck == 1
        # the stuck thread keeps its slot, yet a fresh thread answers the next query
        assert b"true" in pool.run(QueryJob("ASK { ?s ?p ?o }"), timeout=0.5).read()
        slow()
        assert b"true" in pool.run(QueryJob("ASK { ?s ?p ?o }"), timeout=0.5).read()
        slow()
        assert told == ["stuck"] * 3 and pool.stuck == 3
        # more stuck queries than threads: the process takes no more until it is replaced
        with pytest.raises(QueryTimeoutError, match="being replaced"):
            pool.run(QueryJob("ASK {}"), timeout=0.5)
    finally:
        pool.close()


@pytest.fixture()
def slow_path(tmp_path: Path) -> str:
    folder = tmp_path / "slow"
    store = ox.Store(str(folder))
    fill(store, SLOW_ROWS)
    store.flush()
    del store
    return str(folder)


@pytest.mark.parametrize("kind", ["threads", "processes"])
def test_waiting_for_a_busy_worker_counts_against_the_limit(slow_path: str, kind: str) -> None:
    """Threads and worker processes alike: a query that waits past its limit for the only
    worker is refused as busy and never runs; the one that ran past its limit is stopped."""
    told: list[str] = []
    pool: ThreadPool | WorkerPool
    if kind == "threads":
        pool = ThreadPool(memory_copy(ox.Store.read_only(slow_path)), size=1,
                          on_stuck=lambda: told.append("stuck"))
    else:
        pool = WorkerPool(slow_path, size=1)
        pool.start()
    try:
        async def two() -> list[object]:
            return list(await asyncio.gather(
                pool.arun(QueryJob(SLOW), timeout=1.0),
                pool.arun(QueryJob("ASK {}"), timeout=0.3),
                return_exceptions=True,
            ))

        first, second = asyncio.run(two())
        assert isinstance(second, QueryTimeoutError) and "busy" in str(second)
        assert isinstance(first, QueryTimeoutError) and "time limit of 1 s" in str(first)
        if kind == "threads":  # only the query that ran is stuck; the waiting one never ran
            assert told == ["stuck"]
    finally:
        pool.close()


def test_a_closed_pool_refuses_work() -> None:
    pool = ThreadPool(ox.Store(), size=1)
    pool.close()
    with pytest.raises(WorkerError, match="shut down"):
        pool.run(QueryJob("ASK {}"), timeout=1)
