"""Where a request's time goes at one client: our server with timers, beside pyoxigraph in-process.

    python bench/endpoint_timing.py --store /tmp/reskg-bench-1m/store --rounds 5

Starts ``reskg serve`` (one server process, pinned to the last CPU) with timers wrapped around the
ASGI application and the query call, then alternates, ``--rounds`` times per query: pyoxigraph
in-process over an in-memory copy (pinned to the same CPU), and ``wrk`` with one connection
against the server. Each round prints the in-process median, wrk's median, and the server's
medians for the query itself, before it (ASGI call → query starts), after it (query ends →
response written) and between requests (response written → next ASGI call: the client, loopback
and uvicorn's HTTP parser). The store is one made by ``bench/endpoint_bench.py`` (its ``store``
folder). ``endpoint_timing.py serve ARGS…`` is the instrumented server (used by the script).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from endpoint_bench import free_port, in_process_call, wait_up, wrk_round  # noqa: E402
from endpoint_setup import QUERIES  # noqa: E402

STATS_ENV = "RESKG_TIMING_DIR"
JSON = "application/sparql-results+json"


def serve_with_timers(argv: list[str]) -> None:
    """``reskg serve`` with timers; on each request after ``DIR/flush`` appears, the medians so
    far are written to ``DIR/timing.json`` and the timers start again."""
    from starlette.applications import Starlette

    import resolutions_kg.endpoint.inprocess as inprocess
    from resolutions_kg.cli import main

    folder = Path(os.environ[STATS_ENV])
    stats: dict[str, list[float]] = {"query": [], "before": [], "after": [], "between": []}
    marks = {"call": 0.0, "query_end": 0.0, "last_end": 0.0}
    run_job = inprocess._run_job

    def timed_run_job(store: Any, job: Any) -> Any:
        start = time.perf_counter()
        stats["before"].append(start - marks["call"])
        try:
            return run_job(store, job)
        finally:
            marks["query_end"] = time.perf_counter()
            stats["query"].append(marks["query_end"] - start)

    asgi = Starlette.__call__

    async def timed_call(self: Any, scope: Any, receive: Any, send: Any) -> None:
        marks["call"] = time.perf_counter()
        if marks["last_end"]:
            stats["between"].append(marks["call"] - marks["last_end"])
        await asgi(self, scope, receive, send)
        marks["last_end"] = time.perf_counter()
        stats["after"].append(marks["last_end"] - marks["query_end"])
        flush = folder / "flush"
        if flush.exists():
            flush.unlink()
            medians = {k: 1000 * statistics.median(v) for k, v in stats.items() if v}
            (folder / "timing.part").write_text(json.dumps(medians))
            os.replace(folder / "timing.part", folder / "timing.json")
            for v in stats.values():
                v.clear()

    inprocess._run_job = timed_run_job  # type: ignore[assignment]
    Starlette.__call__ = timed_call  # type: ignore[method-assign]
    sys.argv = ["reskg", "serve", *argv]
    main()


def one_request(url: str, query: str, folder: Path) -> dict[str, float]:
    """A request after which the server writes its medians so far (returned) and starts its
    timers again."""
    import httpx

    written = folder / "timing.json"
    written.unlink(missing_ok=True)
    (folder / "flush").touch()
    httpx.get(url, params={"query": query}, timeout=60,
              headers={"Accept": JSON}).raise_for_status()
    deadline = time.monotonic() + 10
    while not written.exists():  # written just after the response has gone
        if time.monotonic() > deadline:
            raise RuntimeError("the server wrote no timings")
        time.sleep(0.01)
    return json.loads(written.read_text())  # type: ignore[no-any-return]


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "serve":
        serve_with_timers(sys.argv[2:])
        return
    import pyoxigraph as ox

    from resolutions_kg.endpoint.inprocess import memory_copy

    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--store", required=True, help="a store made by endpoint_bench.py")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=2, help="length of a round")
    parser.add_argument("--queries", default="point lookup,text search,two-hop join")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("endpoint_timing.py needs wrk (Debian package wrk)")
    cpu = max(os.sched_getaffinity(0))
    folder = Path(tempfile.mkdtemp(prefix="reskg-timing-"))
    port = free_port()
    server = subprocess.Popen(
        ["taskset", "-c", str(cpu), sys.executable, __file__, "serve", "--store", args.store,
         "--processes", "1", "--port", str(port), "--log-level", "warning"],
        env={**os.environ, STATS_ENV: str(folder)})
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        wait_up(url, server)
        os.sched_setaffinity(0, {cpu})
        memory = memory_copy(ox.Store.read_only(args.store))
        print("| query | round | in-process p50 | wrk p50 | server: query | before | after "
              "| between |\n|---|---|---|---|---|---|---|---|")
        for name in args.queries.split(","):
            query = QUERIES[name]
            call = in_process_call(memory, query)
            wrk_round(url, query, JSON, 1, 1)  # warm-up
            for r in range(1, args.rounds + 1):
                latencies = []
                stop = time.perf_counter() + args.seconds
                while time.perf_counter() < stop:
                    t = time.perf_counter()
                    call()
                    latencies.append(time.perf_counter() - t)
                one_request(url, query, folder)  # resets the timers
                wrk = wrk_round(url, query, JSON, 1, args.seconds).p50_ms
                server_ms = one_request(url, query, folder)  # this round's medians
                print(f"| {name} | {r} | {1000 * statistics.median(latencies):.2f} | {wrk:.2f} | "
                      + " | ".join(f"{server_ms[k]:.3f}" for k in
                                   ("query", "before", "after", "between")) + " |", flush=True)
    finally:
        server.terminate()
        server.wait(30)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
