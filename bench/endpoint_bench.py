"""Endpoint benchmark: our server against pyoxigraph in-process, a bare Starlette app and
rdflib-endpoint, on a generated store of synthetic resolutions.

    python bench/endpoint_bench.py --triples 1000000 --out bench/out/endpoint.json

Generates a store (deterministic seed) following docs/model.md's shapes — resolutions in their
own named graphs, recommendations with reskg:text, dct:audience, reskg:lemmas, events with
dates and places — and measures a query mix at 1 and 8 concurrent clients (threads with one
httpx client each, closed loop, loopback only, bounded by request count and time): requests/s,
p50 and p99 latency. Writes JSON to --out and a Markdown table to docs/bench-endpoint.md.

The script also serves the two comparison apps when called as
``endpoint_bench.py bare STORE PORT`` or ``endpoint_bench.py rdflib NQUADS PORT``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BASE = "https://w3id.org/resolutions-kg/"
RESKG = "https://w3id.org/resolutions-kg/ontology#"
PREFIXES = f"""PREFIX reskg: <{RESKG}>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""
AUDIENCES = ["biblioteki", "muzei", "organy-vlasti", "uchrezhdeniya-kultury", "arkhivy",
             "shkoly", "universitety", "izdatelstva", "soobshchestva", "ministerstvo"]
WORDS = ["библиотека", "развитие", "поддержка", "чтение", "фонд", "культура", "музей",
         "сотрудничество", "программа", "цифровой", "ресурс", "услуга", "проект", "регион",
         "молодёжь", "наследие", "доступ", "электронный", "информация", "специалист"]
RARE = "краеведение"
RECS_PER_RESOLUTION = 10
TRIPLES_PER_RESOLUTION = 8 + 6 + RECS_PER_RESOLUTION * 8

QUERIES = {
    "point lookup": f"SELECT ?p ?o WHERE {{ <{BASE}resolution/doc-42> ?p ?o }}",
    "count by addressee": PREFIXES + "SELECT ?a (COUNT(?r) AS ?n) "
                                     "WHERE { ?r dct:audience ?a } GROUP BY ?a",
    "text search": PREFIXES + "SELECT ?r ?text WHERE { ?r reskg:lemmas ?l ; reskg:text ?text "
                              f'FILTER(CONTAINS(?l, "{RARE}")) }} LIMIT 50',
    "describe": f"DESCRIBE <{BASE}resolution/doc-42>",
    "two-hop join": PREFIXES + "SELECT ?rec WHERE { "
                               f"?ev schema:location <{BASE}place/p-3> . "
                               "?res prov:wasGeneratedBy ?ev . ?rec eli:is_part_of ?res }",
    "group by year": PREFIXES + "SELECT ?year (COUNT(?res) AS ?n) WHERE { "
                                "?res eli:date_document ?d } GROUP BY (YEAR(?d) AS ?year)",
}


# ----------------------------------------------------------------------------- data


def _lit(text: str, lang: str | None = None, dtype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{escaped}"@{lang}'
    if dtype:
        return f'"{escaped}"^^<http://www.w3.org/2001/XMLSchema#{dtype}>'
    return f'"{escaped}"'


def generate_nquads(path: Path, triples: int, *, seed: int = 20121026) -> int:
    rng = random.Random(seed)
    n_res = max(1, -(-triples // TRIPLES_PER_RESOLUTION))
    count = 0
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    with path.open("w", encoding="utf-8") as out:
        for i in range(n_res):
            doc = f"doc-{i}"
            g = f"<{BASE}graph/{doc}>"
            res, ev = f"<{BASE}resolution/{doc}>", f"<{BASE}event/{doc}>"
            year = 2005 + i % 20
            date = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            lines = [
                (res, rdf_type, f"<{RESKG}Resolution>"),
                (res, "<http://purl.org/dc/terms/title>", _lit(f"Резолюция {i}", "ru")),
                (res, "<http://data.europa.eu/eli/ontology#date_document>",
                 _lit(date, dtype="date")),
                (res, "<http://www.w3.org/ns/prov#wasGeneratedBy>", ev),
                (res, "<http://purl.org/dc/terms/source>", f"<{BASE}source/{doc}>"),
                (res, f"<{RESKG}documentType>", f"<{BASE}document-type/rezolyutsiya>"),
                (res, f"<{RESKG}isDraft>", _lit("false", dtype="boolean")),
                (ev, rdf_type, "<https://schema.org/Event>"),
                (ev, "<https://schema.org/name>", _lit(f"Конференция {i}", "ru")),
                (ev, "<https://schema.org/startDate>", _lit(date, dtype="date")),
                (ev, "<https://schema.org/location>", f"<{BASE}place/p-{i % 50}>"),
                (ev, "<http://www.w3.org/ns/prov#generated>", res),
                (ev, f"<{RESKG}participantCount>", _lit(str(50 + i % 300), dtype="integer")),
            ]
            for n in range(1, RECS_PER_RESOLUTION + 1):
                rec = f"<{BASE}resolution/{doc}/recommendation/{n}>"
                words = rng.sample(WORDS, 6)
                if rng.random() < 0.01:
                    words[rng.randrange(6)] = RARE
                text = "Рекомендовать " + " ".join(words) + "."
                lines += [
                    (rec, rdf_type, f"<{RESKG}Recommendation>"),
                    (rec, "<http://data.europa.eu/eli/ontology#is_part_of>", res),
                    (rec, f"<{RESKG}position>", _lit(str(n), dtype="integer")),
                    (rec, f"<{RESKG}text>", _lit(text, "ru")),
                    (rec, "<http://purl.org/dc/terms/audience>",
                     f"<{BASE}audience/{rng.choice(AUDIENCES)}>"),
                    (rec, f"<{RESKG}lemmas>", _lit("рекомендовать " + " ".join(words))),
                    (rec, f"<{RESKG}action>", _lit("рекомендовать", "ru")),
                    (res, "<http://data.europa.eu/eli/ontology#has_part>", rec),
                ]
            out.writelines(f"{s} {p} {o} {g} .\n" for s, p, o in lines)
            count += len(lines)
    return count


# --------------------------------------------------------------------- comparison apps


def serve_bare(store_path: str, port: int) -> None:
    """The bare app: ~30 lines of Starlette calling store.query and serialising."""
    import pyoxigraph as ox
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    store = ox.Store.read_only(store_path)

    def sparql(request: Request) -> Response:
        result = store.query(request.query_params["query"], use_default_graph_as_union=True)
        if isinstance(result, ox.QueryTriples):
            return Response(result.serialize(format=ox.RdfFormat.N_TRIPLES),
                            media_type="application/n-triples")
        return Response(result.serialize(format=ox.QueryResultsFormat.JSON),
                        media_type="application/sparql-results+json")

    app = Starlette(routes=[Route("/sparql", sparql)])
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def serve_rdflib(nquads: str, port: int) -> None:
    """rdflib-endpoint over an rdflib Dataset holding the same quads (read with pyoxigraph's
    parser, which is much faster than rdflib's N-Quads parser; the store is rdflib's own)."""
    import pyoxigraph as ox
    import uvicorn
    from rdflib import Dataset, Literal, URIRef
    from rdflib_endpoint import SparqlEndpoint

    ds = Dataset(default_union=True)
    iris: dict[str, URIRef] = {}
    graphs: dict[str, Any] = {}

    def term(t: Any) -> Any:
        if isinstance(t, ox.NamedNode):
            node = iris.get(t.value)
            if node is None:
                node = iris[t.value] = URIRef(t.value)
            return node
        if t.language:
            return Literal(t.value, lang=t.language)
        return Literal(t.value, datatype=term(t.datatype))

    def quads() -> Any:
        for q in ox.parse(path=nquads, format=ox.RdfFormat.N_QUADS):
            g = graphs.get(q.graph_name.value)
            if g is None:
                g = graphs[q.graph_name.value] = ds.graph(URIRef(q.graph_name.value))
            yield term(q.subject), term(q.predicate), term(q.object), g

    ds.addN(quads())
    app = SparqlEndpoint(graph=ds, path="/sparql")
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


# ------------------------------------------------------------------------------ load


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(url: str, process: subprocess.Popen[bytes], timeout: float = 600) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            httpx.get(url, params={"query": "ASK {}"}, timeout=5)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


def measure(call: Callable[[], None], clients: int, *, max_requests: int,
            max_seconds: float) -> dict[str, float]:
    """Closed-loop load: ``clients`` threads call ``call`` until the budget is spent."""
    latencies: list[float] = []
    lock = threading.Lock()
    stop_at = time.perf_counter() + max_seconds
    budget = [max_requests]

    def worker() -> None:
        local: list[float] = []
        while time.perf_counter() < stop_at:
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
            t = time.perf_counter()
            call()
            local.append(time.perf_counter() - t)
        with lock:
            latencies.extend(local)

    call()  # warm-up
    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / wall if wall else 0.0,
        "p50_ms": 1000 * statistics.median(latencies) if latencies else 0.0,
        "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]
        if latencies else 0.0,
    }


def http_call(url: str, query: str, accept: str) -> Callable[[], None]:
    """One keep-alive connection per client thread (stdlib http.client: the lightest Python
    client, so that the load generator leaves the cores to the servers)."""
    import http.client
    from urllib.parse import urlencode, urlsplit

    parts = urlsplit(url)
    target = f"{parts.path}?{urlencode({'query': query})}"
    headers = {"Accept": accept, "Accept-Encoding": "gzip"}
    local = threading.local()

    def call() -> None:
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = local.conn = http.client.HTTPConnection(parts.hostname, parts.port,
                                                           timeout=120)
        conn.request("GET", target, headers=headers)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{url}: {response.status} for {query[:60]}")

    return call


def accept_for(query: str) -> str:
    if query.lstrip().upper().startswith(("DESCRIBE", "CONSTRUCT")):
        return "application/n-triples"
    return "application/sparql-results+json"


def cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError):
            pass
    return total


def children(pid: int) -> list[int]:
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").iterdir():
        kids = (task / "children").read_text().split()
        for kid in kids:
            pids += children(int(kid))
    return pids


# ------------------------------------------------------------------------------- main


def run(args: argparse.Namespace) -> dict[str, Any]:
    import pyoxigraph as ox

    work = Path(args.workdir or tempfile.mkdtemp(prefix="reskg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    nq = work / "data.nq"
    store_path = work / "store"
    t = time.perf_counter()
    triples = generate_nquads(nq, args.triples)
    if not store_path.exists():
        store = ox.Store(str(store_path))
        store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        store.optimize()
        store.flush()
        del store
    print(f"generated and loaded {triples} triples in {time.perf_counter() - t:.1f} s",
          flush=True)

    results: dict[str, Any] = {
        "triples": triples,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
                   f"{platform.python_version()}",
        "versions": _versions(),
        "rows": [],
        "load_average_at_start": os.getloadavg()[0],
    }
    rows = results["rows"]
    # (b) in process
    in_process = ox.Store.read_only(str(store_path))
    for name, query in QUERIES.items():
        def call(q: str = query, store: Any = in_process) -> None:
            r = store.query(q, use_default_graph_as_union=True)
            if isinstance(r, ox.QueryTriples):
                r.serialize(format=ox.RdfFormat.N_TRIPLES)
            else:
                r.serialize(format=ox.QueryResultsFormat.JSON)
        for clients in (1, 8):
            row = measure(call, clients, max_requests=args.max_requests,
                          max_seconds=args.seconds)
            rows.append({"target": "pyoxigraph in-process", "query": name, "clients": clients,
                         **row})
            print(rows[-1], flush=True)
    del in_process

    here = Path(__file__).resolve()
    targets = [
        ("resolutions-kg", [str(Path(sys.executable).with_name("reskg")), "serve", "--store",
                            str(store_path), "--log-level", "warning", "--workers",
                            str(args.workers), "--port"]),
        ("bare Starlette", [sys.executable, str(here), "bare", str(store_path)]),
    ]
    if not args.skip_rdflib:
        targets.append(("rdflib-endpoint", [sys.executable, str(here), "rdflib", str(nq)]))
    for target, command in targets:
        port = free_port()
        process = subprocess.Popen([*command, str(port)])
        url = f"http://127.0.0.1:{port}/sparql"
        try:
            t = time.perf_counter()
            wait_up(url, process)
            print(f"{target} up in {time.perf_counter() - t:.1f} s", flush=True)
            slow = target == "rdflib-endpoint"
            for name, query in QUERIES.items():
                for clients in (1, 8):
                    pids = children(process.pid)
                    cpu0, wall0 = cpu_seconds(pids), time.perf_counter()
                    row = measure(
                        http_call(url, query, accept_for(query)), clients,
                        max_requests=args.rdflib_max_requests if slow else args.max_requests,
                        max_seconds=args.rdflib_seconds if slow else args.seconds,
                    )
                    cores = (cpu_seconds(pids) - cpu0) / (time.perf_counter() - wall0)
                    rows.append({"target": target, "query": name, "clients": clients, **row,
                                 "server_cores": cores})
                    print(rows[-1], flush=True)
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    return results


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for pkg in ("pyoxigraph", "starlette", "uvicorn", "httpx", "rdflib", "rdflib-endpoint"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def markdown(results: dict[str, Any]) -> str:
    rows = results["rows"]
    by = {(r["target"], r["query"], r["clients"]): r for r in rows}
    targets = ["resolutions-kg", "pyoxigraph in-process", "bare Starlette", "rdflib-endpoint"]
    lines = [
        "# Endpoint benchmark",
        "",
        f"`python bench/endpoint_bench.py --triples {results['triples']}` on "
        f"{results['machine']}; versions: "
        + ", ".join(f"{k} {v}" for k, v in results["versions"].items()) + ".",
        "",
        f"{results['triples']:,} triples of synthetic resolutions (docs/model.md shapes). Closed "
        "loop, loopback, Python http.client clients in threads (gzip accepted). "
        "Each cell: requests/s · p50 ms · p99 ms. "
        "rdflib-endpoint is capped at a few requests per cell. "
        "`cores` is the CPU time of the server processes per wall-clock second.",
        "",
        f"Machine load average (1 min) at start {results.get('load_average_at_start', 0):.1f}, "
        f"at end {results.get('load_average_at_end', 0):.1f}: anything above ~1 means other "
        "processes shared the two cores and the figures understate every target.",
        "",
        "| query | clients | " + " | ".join(targets) + " | ours/rdflib | ours/in-process "
        "| ours/bare | cores (ours) |",
        "|---|---|" + "---|" * (len(targets) + 4),
    ]
    for name in QUERIES:
        for clients in (1, 8):
            cells = []
            for target in targets:
                r = by.get((target, name, clients))
                cells.append(f"{r['rps']:.1f} · {r['p50_ms']:.2f} · {r['p99_ms']:.2f}"
                             if r else "–")
            ours = by.get(("resolutions-kg", name, clients))

            def ratio(other: str, ours: Any = ours, name: str = name, clients: int = clients
                      ) -> str:
                o = by.get((other, name, clients))
                return f"{ours['rps'] / o['rps']:.2f}×" if ours and o and o["rps"] else "–"

            cores = f"{ours['server_cores']:.2f}" if ours else "–"
            lines.append(f"| {name} | {clients} | " + " | ".join(cells) + f" | "
                         f"{ratio('rdflib-endpoint')} | {ratio('pyoxigraph in-process')} | "
                         f"{ratio('bare Starlette')} | {cores} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] in ("bare", "rdflib"):
        mode, path, port = sys.argv[1:]
        (serve_bare if mode == "bare" else serve_rdflib)(path, int(port))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path("bench/out/endpoint.json"))
    parser.add_argument("--doc", type=Path,
                        default=Path(__file__).resolve().parents[1] / "docs" / "bench-endpoint.md")
    parser.add_argument("--workdir", help="keep the generated data here (default: a temp dir)")
    parser.add_argument("--seconds", type=float, default=4.0, help="time budget per cell")
    parser.add_argument("--max-requests", type=int, default=3000)
    parser.add_argument("--rdflib-seconds", type=float, default=12.0)
    parser.add_argument("--rdflib-max-requests", type=int, default=24)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-rdflib", action="store_true")
    args = parser.parse_args()
    results = run(args)
    results["load_average_at_end"] = os.getloadavg()[0]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    args.doc.write_text(markdown(results), encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
