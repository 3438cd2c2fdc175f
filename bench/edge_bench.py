"""The app's own cost per request, without HTTP: ``create_app`` called directly as an ASGI app.

    python bench/edge_bench.py --store /tmp/reskg-bench-1m/store --rounds 7

Opens the store (on disk, queries in the server's threads, as ``reskg serve`` with
``--memory-triples 0``), runs the app's lifespan, then sends it ``GET /sparql?query=…`` scopes for
each query of ``bench/endpoint_setup.py`` (Accept JSON results, ``Accept-Encoding: gzip``) one
after another, and prints for each round the median time per request and the process's CPU
time per request (its threads included; less sensitive to a busy machine than the time) in
microseconds: routing, middleware, negotiation, the query in its thread, serialising, gzip.
pyoxigraph's time for the same query in-process is printed beside it. Used
for the figures of ``docs/edge.md`` (run the same script over two checkouts to compare them).

``--compressors`` prints instead, for the JSON results of those queries, the time and size of
gzip by zlib (Starlette's ``GZipMiddleware`` as it is) and by ISA-L (ours) at several levels:
best of 7 rounds, one compressor object per body as the middleware makes.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from endpoint_setup import QUERIES  # noqa: E402

JSON = b"application/sparql-results+json"


async def measure(app: Any, queries: list[str], rounds: int, requests: int) -> None:
    import pyoxigraph as ox

    started, stop = asyncio.Event(), asyncio.Event()

    async def lifespan_receive() -> dict[str, Any]:
        if not started.is_set():
            started.set()
            return {"type": "lifespan.startup"}
        await stop.wait()
        return {"type": "lifespan.shutdown"}

    ready = asyncio.Event()

    async def lifespan_send(message: dict[str, Any]) -> None:
        if message["type"] == "lifespan.startup.complete":
            ready.set()
        elif message["type"] == "lifespan.startup.failed":
            raise RuntimeError(message.get("message"))

    life = asyncio.create_task(app({"type": "lifespan", "asgi": {"version": "3.0"}},
                                   lifespan_receive, lifespan_send))
    await ready.wait()
    await asyncio.sleep(5)  # let the background work of the start (indexes, dumps) settle
    store = app.state.ctx.store
    print("| query | round | in-process µs | app µs | app CPU µs | status | bytes sent |")
    print("|---|---|---|---|---|---|---|")
    for name in queries:
        query = QUERIES[name]
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                 "method": "GET", "scheme": "http", "path": "/sparql", "raw_path": b"/sparql",
                 "root_path": "", "query_string": b"query=" + quote(query).encode(),
                 "headers": [(b"host", b"127.0.0.1"), (b"accept", JSON),
                             (b"accept-encoding", b"gzip")],
                 "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000)}
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any], sent: list[dict[str, Any]] = sent) -> None:
            sent.append(message)

        for r in range(1, rounds + 1):
            inproc = []
            for _ in range(max(3, requests // 10)):
                t = time.perf_counter()
                result = store.query(query, use_default_graph_as_union=True)
                result.serialize(format=ox.QueryResultsFormat.JSON)
                inproc.append(time.perf_counter() - t)
            times = []
            cpu = time.process_time()
            for _ in range(requests):
                sent.clear()
                t = time.perf_counter()
                await app(dict(scope), receive, send)
                times.append(time.perf_counter() - t)
            cpu = (time.process_time() - cpu) / requests
            size = sum(len(m.get("body", b"")) for m in sent)
            print(f"| {name} | {r} | {1e6 * statistics.median(inproc):.0f} | "
                  f"{1e6 * statistics.median(times):.0f} | {1e6 * cpu:.0f} | "
                  f"{sent[0]['status']} | {size:,} |", flush=True)
    stop.set()
    await life


def compressors(store_path: str, queries: list[str]) -> None:
    import zlib

    import pyoxigraph as ox
    from isal import isal_zlib

    store = ox.Store.read_only(store_path)

    def stream(module: Any, level: int) -> Any:
        def compress(body: bytes) -> bytes:
            c = module.compressobj(level, module.DEFLATED, 16 + module.MAX_WBITS)
            return bytes(c.compress(body) + c.flush())
        return compress

    variants = {f"zlib {level}": stream(zlib, level) for level in (1, 6, 9)}
    variants |= {f"ISA-L {level}": stream(isal_zlib, level) for level in (0, 1, 2)}
    print("| result | bytes | " + " | ".join(variants) + " |")
    print("|---|---|" + "---|" * len(variants))
    for name in queries:
        result = store.query(QUERIES[name], use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        body = result.serialize(format=ox.QueryResultsFormat.JSON) or b""
        cells = []
        for compress in variants.values():
            n = max(20, 2_000_000 // max(len(body), 1000))
            rounds = []
            for _ in range(7):
                t = time.perf_counter()
                for _ in range(n):
                    out = compress(body)
                rounds.append((time.perf_counter() - t) / n)
            cells.append(f"{1e6 * min(rounds):.0f} µs · {len(out):,} B")
        print(f"| {name} | {len(body):,} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--store", required=True, help="a store made by endpoint_bench.py")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--requests", type=int, default=300, help="requests per round")
    parser.add_argument("--queries", default="point lookup,text search,two-hop join")
    parser.add_argument("--compressors", action="store_true",
                        help="compare gzip by zlib and by ISA-L on the queries' results")
    args = parser.parse_args()
    if args.compressors:
        compressors(args.store, args.queries.split(","))
        return
    from resolutions_kg.endpoint.app import create_app

    app = create_app(args.store, memory_triples=0, workers=1)
    asyncio.run(measure(app, args.queries.split(","), args.rounds, args.requests))


if __name__ == "__main__":
    main()
