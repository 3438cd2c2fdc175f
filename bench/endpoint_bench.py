"""Endpoint benchmark: our server against pyoxigraph in-process (the limit), a bare Starlette app
(the HTTP floor) and rdflib-endpoint (the peer), on a generated store of synthetic resolutions.

    python bench/endpoint_bench.py --triples 1000000 --workdir /tmp/reskg-bench

Generates the store (bench/endpoint_setup.py), starts the three servers side by side, and measures
the query mix at 1 and 8 concurrent clients, closed loop, loopback only. The HTTP targets are
loaded by ``wrk`` (C, one keep-alive connection per client; Debian package ``wrk``), so that the
load generator takes little of the two cores; without wrk (or with ``--python-client``), by
threads with one stdlib ``http.client`` connection each. In-process: threads calling
``store.query`` and serialising. The machine is shared, so each cell is measured ``--repeats``
times, the targets taking turns within every round (a burst of outside load hits all of them
alike); a cell reports the median requests/s, p50 and p99 of its rounds, and a ratio between two
targets is also taken round by round (``paired``: the median of the per-round ratios, each
round's targets measured within seconds of each other). Load averages are
recorded at the start and the end. Writes JSON to --out and a Markdown report, with the issue-4
targets checked, to --doc.

``endpoint_bench.py bare STORE PORT``, ``endpoint_bench.py bare-memory STORE PORT`` and
``endpoint_bench.py rdflib NQUADS PORT`` serve the comparison apps (used by the benchmark itself).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from endpoint_setup import QUERIES, generate_nquads, serve_bare, serve_rdflib  # noqa: E402

OURS, IN_PROCESS, IN_PROCESS_DISK, BARE, RDFLIB = (
    "resolutions-kg", "pyoxigraph in-process", "pyoxigraph in-process (disk)", "bare Starlette",
    "rdflib-endpoint")
#: Our server queries an in-memory copy of the store (under --memory-triples, as here), so the
#: limit it is held to, and the bare app it is compared with, query an in-memory copy too;
#: in-process over the on-disk store is measured alongside.
TARGETS = [OURS, IN_PROCESS, IN_PROCESS_DISK, BARE, RDFLIB]
CLIENTS = (1, 8)


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
        try:
            conn.request("GET", target, headers=headers)
            response = conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            conn.close()  # the server closed an idle keep-alive connection: open another
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


def measure(call: Callable[[], None], clients: int, *, max_requests: int,
            max_seconds: float) -> tuple[list[float], float]:
    """Closed-loop load: ``clients`` threads call ``call`` until the budget is spent; returns
    the latencies (seconds) and the wall-clock time."""
    latencies: list[float] = []
    lock = threading.Lock()
    stop_at = time.perf_counter() + max_seconds
    budget = [max_requests]
    errors: list[BaseException] = []

    def worker() -> None:
        local: list[float] = []
        try:
            while time.perf_counter() < stop_at:
                with lock:
                    if budget[0] <= 0:
                        break
                    budget[0] -= 1
                t = time.perf_counter()
                call()
                local.append(time.perf_counter() - t)
        except BaseException as exc:  # reported after the cell; never a silent short cell
            errors.append(exc)
        with lock:
            latencies.extend(local)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise RuntimeError(f"a client failed: {errors[0]}") from errors[0]
    return latencies, time.perf_counter() - started


@dataclass
class Round:
    """One round of one cell: requests/s, p50 and p99 latency (ms), requests completed."""

    rps: float
    p50_ms: float
    p99_ms: float
    requests: int


def from_latencies(latencies: list[float], wall: float) -> Round:
    ordered = sorted(latencies)
    if not ordered:
        return Round(0.0, 0.0, 0.0, 0)
    return Round(len(ordered) / wall, 1000 * statistics.median(ordered),
                 1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))], len(ordered))


def summary(rounds: list[Round]) -> dict[str, Any]:
    return {
        "requests": sum(r.requests for r in rounds),
        "rps": statistics.median(r.rps for r in rounds) if rounds else 0.0,
        "rps_rounds": [round(r.rps, 3) for r in rounds],
        "p50_ms": statistics.median(r.p50_ms for r in rounds) if rounds else 0.0,
        "p99_ms": statistics.median(r.p99_ms for r in rounds) if rounds else 0.0,
    }


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk_round(url: str, query: str, accept: str, clients: int, seconds: float) -> Round:
    """One closed-loop round by wrk: ``clients`` connections for ``seconds``."""
    from urllib.parse import urlencode

    command = ["wrk", f"-t{min(clients, 2)}", f"-c{clients}", f"-d{max(1, round(seconds))}s",
               "--latency", "--timeout", "300s", "-H", f"Accept: {accept}",
               "-H", "Accept-Encoding: gzip", f"{url}?{urlencode({'query': query})}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx or 3xx responses" in out:
        raise RuntimeError(f"{url}: error responses for {query[:60]}:\n{out}")

    def latency(percent: str) -> float:
        m = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
        return float(m.group(1)) * _UNITS[m.group(2)] if m else 0.0

    requests = re.search(r"(\d+) requests in", out)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    return Round(float(rps.group(1)) if rps else 0.0, latency("50"), latency("99"),
                 int(requests.group(1)) if requests else 0)


def in_process_call(store: Any, query: str) -> Callable[[], None]:
    import pyoxigraph as ox

    def call() -> None:
        r = store.query(query, use_default_graph_as_union=True)
        if isinstance(r, ox.QueryTriples):
            r.serialize(format=ox.RdfFormat.N_TRIPLES)
        else:
            r.serialize(format=ox.QueryResultsFormat.JSON)

    return call


# ------------------------------------------------------------------------------- main


def prepare(args: argparse.Namespace) -> tuple[Path, Path, int]:
    import pyoxigraph as ox

    work = Path(args.workdir or tempfile.mkdtemp(prefix="reskg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    nq, store_path = work / "data.nq", work / "store"
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
    return nq, store_path, triples


def start_servers(args: argparse.Namespace, nq: Path, store_path: Path
                  ) -> dict[str, tuple[subprocess.Popen[bytes], str]]:
    here = Path(__file__).resolve()
    commands = {
        # every benchmark client comes from 127.0.0.1: no per-client limit, as behind a proxy
        OURS: [str(Path(sys.executable).with_name("reskg")), "serve", "--store", str(store_path),
               "--log-level", "warning", "--workers", str(args.workers),
               "--max-client-queries", "0", "--port"],
        BARE: [sys.executable, str(here), "bare-memory", str(store_path)],
    }
    if not args.skip_rdflib:
        commands[RDFLIB] = [sys.executable, str(here), "rdflib", str(nq)]
    servers: dict[str, tuple[subprocess.Popen[bytes], str]] = {}
    for target, command in commands.items():
        port = free_port()
        servers[target] = (subprocess.Popen([*command, str(port)]),
                           f"http://127.0.0.1:{port}/sparql")
    t = time.perf_counter()
    for target, (process, url) in servers.items():
        wait_up(url, process)
        print(f"{target} up after {time.perf_counter() - t:.1f} s", flush=True)
    return servers


def run(args: argparse.Namespace) -> dict[str, Any]:
    import pyoxigraph as ox

    nq, store_path, triples = prepare(args)
    results: dict[str, Any] = {
        "triples": triples,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
                   f"{platform.python_version()}",
        "versions": _versions(),
        "settings": {k: v for k, v in vars(args).items() if k not in ("out", "doc")},
        "rows": [],
    }
    use_wrk = shutil.which("wrk") is not None and not args.python_client
    results["load_generator"] = ("wrk" if use_wrk else "Python http.client threads")
    servers = start_servers(args, nq, store_path)
    from resolutions_kg.endpoint.inprocess import memory_copy

    on_disk = ox.Store.read_only(str(store_path))
    in_memory = memory_copy(on_disk)
    results["load_average_at_start"] = os.getloadavg()[0]
    loads: list[float] = []
    try:
        for name, query in QUERIES.items():
            calls: dict[str, Callable[[], None]] = {
                IN_PROCESS: in_process_call(in_memory, query),
                IN_PROCESS_DISK: in_process_call(on_disk, query),
            }
            for target, (_, url) in servers.items():
                calls[target] = http_call(url, query, accept_for(query))
            for target, call in calls.items():  # warm-up: caches, connections, JIT-free paths
                for _ in range(1 if target == RDFLIB else 20):
                    call()
                if use_wrk and target in (OURS, BARE):
                    # Eight connections reach every server process: a forked process's first
                    # pass over the shared in-memory store copies the pages it touches.
                    wrk_round(servers[target][1], query, accept_for(query), 8, 2)
            single = {}  # one request's latency, for rdflib-endpoint's round length
            for target in servers:
                t = time.perf_counter()
                calls[target]()
                single[target] = time.perf_counter() - t
            for clients in CLIENTS:
                rounds: dict[str, list[Round]] = {t: [] for t in calls}
                cores: dict[str, list[float]] = {t: [] for t in servers}
                order = list(calls)
                for r in range(args.repeats):
                    loads.append(os.getloadavg()[0])
                    for target in order[r % len(order):] + order[:r % len(order)]:
                        slow = target == RDFLIB
                        if slow and r >= args.rdflib_repeats:
                            continue
                        seconds = (args.rdflib_seconds / args.rdflib_repeats if slow
                                   else args.seconds / args.repeats)
                        if slow:  # every client's request must finish within a round, twice
                            seconds = max(seconds, 2.5 * clients * single[target])
                        pids = children(servers[target][0].pid) if target in servers else []
                        cpu0, wall0 = cpu_seconds(pids), time.perf_counter()
                        if target in servers and use_wrk:
                            rounds[target].append(wrk_round(servers[target][1], query,
                                                            accept_for(query), clients, seconds))
                        else:
                            lat, wall = measure(
                                calls[target], clients,
                                max_requests=max(1, args.rdflib_max_requests
                                                 // args.rdflib_repeats if slow
                                                 else args.max_requests // args.repeats),
                                max_seconds=seconds)
                            rounds[target].append(from_latencies(lat, wall))
                        if pids:
                            cores[target].append((cpu_seconds(pids) - cpu0)
                                                 / (time.perf_counter() - wall0))
                for target in calls:
                    row = {"target": target, "query": name, "clients": clients,
                           **summary(rounds[target])}
                    if target in servers:
                        row["server_cores"] = statistics.median(cores[target])
                    results["rows"].append(row)
                    print(row, flush=True)
    finally:
        for process, _ in servers.values():
            process.send_signal(signal.SIGTERM)
        for process, _ in servers.values():
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    results["load_average_at_end"] = os.getloadavg()[0]
    results["load_average_max"] = max(loads, default=0.0)
    return results


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for pkg in ("pyoxigraph", "starlette", "uvicorn", "uvloop", "httptools", "rdflib",
                "rdflib-endpoint"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] in ("bare", "bare-memory", "rdflib"):
        mode, path, port = sys.argv[1:]
        if mode == "rdflib":
            serve_rdflib(path, int(port))
        else:
            serve_bare(path, int(port), memory=mode == "bare-memory")
        return
    from endpoint_report import markdown

    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path("bench/out/endpoint.json"))
    parser.add_argument("--doc", type=Path,
                        default=Path(__file__).resolve().parents[1] / "docs" / "bench-endpoint.md")
    parser.add_argument("--workdir", help="keep the generated data here (default: a temp dir)")
    parser.add_argument("--repeats", type=int, default=15,
                        help="rounds per cell (wrk rounds last whole seconds, at least one)")
    parser.add_argument("--seconds", type=float, default=15.0, help="time budget per cell")
    parser.add_argument("--rdflib-repeats", type=int, default=5,
                        help="rounds per cell for rdflib-endpoint (its rounds are long)")
    parser.add_argument("--max-requests", type=int, default=12000, help="request budget per cell")
    parser.add_argument("--rdflib-seconds", type=float, default=25.0)
    parser.add_argument("--rdflib-max-requests", type=int, default=600)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--python-client", action="store_true",
                        help="load the servers with Python threads even when wrk is installed")
    parser.add_argument("--date", default=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    args = parser.parse_args()
    results = run(args)
    results["date"] = args.date
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    args.doc.write_text(markdown(results), encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
