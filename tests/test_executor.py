"""The query worker pool: the same answers from threads (``run``) and from the event loop
(``arun``, on asyncio's loop and on uvloop's), for results that travel inline, in one message
after their head, and in chunks; time limits stop the query and the pool keeps answering."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable, Coroutine
from typing import Any

import pyoxigraph as ox
import pytest
from endpoint_support import POOL_ROWS as ROWS

from resolutions_kg.endpoint.executor import CHUNK, INLINE, QueryJob, QueryOutcome, WorkerPool
from resolutions_kg.errors import (
    NotAcceptableError,
    QuerySyntaxError,
    QueryTimeoutError,
    WorkerError,
)

pytest_plugins = ["pool_fixtures"]
EXPLOSIVE = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
#: CONSTRUCTs whose N-Triples are inline, between INLINE and CHUNK, and over CHUNK bytes.
SIZES = {"inline": 100, "one message": 3_000, "chunks": ROWS}


def construct(n: int) -> str:
    return f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER(?o < {n}) }}"


def on_loop(loop: str, coroutine: Callable[[], Coroutine[Any, Any, Any]]) -> Any:
    if loop == "uvloop":
        uvloop = pytest.importorskip("uvloop")
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            return runner.run(coroutine())
    return asyncio.run(coroutine())


LOOPS = ["asyncio", "uvloop"]


@pytest.mark.parametrize("loop", LOOPS)
@pytest.mark.parametrize("size", list(SIZES))
def test_run_and_arun_give_the_same_bytes(pool: WorkerPool, loop: str, size: str) -> None:
    job = QueryJob(construct(SIZES[size]), graph_format="N_TRIPLES")
    threaded = pool.run(job, timeout=60)
    body = threaded.read()

    async def one() -> tuple[str, str, int, bytes]:
        o = await pool.arun(job, timeout=60)
        return o.kind, o.format, o.size, await asyncio.to_thread(o.read)  # frees the worker

    async def three() -> list[tuple[str, str, int, bytes]]:
        return list(await asyncio.gather(one(), one(), one()))

    assert on_loop(loop, three) == [("graph", "N_TRIPLES", len(body), body)] * 3
    assert len(set(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))) == SIZES[size]
    where = "inline" if len(body) <= INLINE else "one message" if len(body) <= CHUNK else "chunks"
    assert where == size


@pytest.mark.parametrize("loop", LOOPS)
def test_errors_are_the_same_from_threads_and_coroutines(pool: WorkerPool, loop: str) -> None:
    cases: list[tuple[QueryJob, type[Exception]]] = [
        (QueryJob("SELECT ?x WHERE {"), QuerySyntaxError),
        (QueryJob("ASK {}", results_format=None), NotAcceptableError),
        (QueryJob(construct(5), graph_format=None), NotAcceptableError),
    ]
    for job, error in cases:
        with pytest.raises(error):
            pool.run(job, timeout=60)

        async def one(job: QueryJob = job) -> QueryOutcome:
            return await pool.arun(job, timeout=60)

        with pytest.raises(error):
            on_loop(loop, one)


@pytest.mark.parametrize("loop", LOOPS)
def test_a_coroutine_past_its_limit_stops_the_query(store_path: str, loop: str) -> None:
    pool = WorkerPool(store_path, size=1)
    pool.start()
    try:
        async def late() -> QueryOutcome:
            return await pool.arun(QueryJob(EXPLOSIVE), timeout=0.5)

        with pytest.raises(QueryTimeoutError, match="time limit of 0.5 s"):
            on_loop(loop, late)
        answer = pool.run(QueryJob("ASK { ?s ?p ?o }"), timeout=60).read()
        assert b"true" in answer
    finally:
        pool.close()


def test_threads_and_coroutines_share_one_worker(store_path: str) -> None:
    """With one worker, a thread and coroutines queue for it in turn; none is lost."""
    pool = WorkerPool(store_path, size=1)
    pool.start()
    try:
        job = QueryJob(construct(2_000), graph_format="N_TRIPLES")
        answers: list[int] = []

        def thread() -> None:
            answers.extend(pool.run(job, timeout=60).size for _ in range(5))

        async def coroutines() -> list[int]:
            outcomes = await asyncio.gather(*(pool.arun(job, timeout=60) for _ in range(10)))
            return [len(o.read()) for o in outcomes]

        worker = threading.Thread(target=thread)
        worker.start()
        sizes = asyncio.run(coroutines())
        worker.join(60)
        assert len(answers) == 5 and len(set(answers + sizes)) == 1
    finally:
        pool.close()


def test_a_worker_that_ends_as_it_starts_is_a_worker_error(store_path: str) -> None:
    """A worker process killed before it says it is ready (the respawn race: the pool started
    it after a query past its limit) is a WorkerError the pool handles, not an EOFError from
    the pipe."""
    pool = WorkerPool(store_path, size=1)
    pool.start()
    try:
        worker = pool._spawn()
        os.kill(worker.process.pid, signal.SIGKILL)
        with pytest.raises(WorkerError, match="ended as it started"):
            worker.wait_ready(30)
        assert pool.run(QueryJob("ASK { ?s ?p ?o }"), timeout=60).read()
    finally:
        pool.close()
