"""Start-up and memory of a read-only ``reskg serve`` at 1M and 10M triples.

For each size: a store of synthetic resolutions (:mod:`synthetic`: the real mapper and store
code) of about that many triples, cached under ``bench/out/server-store-<size>``: one base store
of ~250k triples is built the slow, realistic way, dumped as N-Quads and bulk-loaded again and
again with its per-document IRIs renamed (``…-vypusk-N`` → ``…-vypusk-cK-N``), so every copy is
new resolutions in new named graphs, sharing the places, organisations and ontology graphs.

Then, per size, two real servers (``reskg serve --store S --port P``, read-only, as a user starts
them; a subprocess each):

- **default settings**: seconds to the first ``/health`` 200 and to the first SPARQL answer,
  whether and when ``/health`` says ``"store": "memory"`` (and the log line ``Copied N triples
  into memory …`` or ``Not copied into memory: …``), PSS and RSS summed over the server's
  process tree (``/proc/PID/smaps_rollup``) at the first answer, after the switch and after the
  queries; the median latency of the query mix (:data:`QUERIES`);
- ``--memory-triples 0`` (always on disk): the same query mix and memory, for comparison.

The promise checked: about :data:`endpoint.server.BYTES_PER_TRIPLE` bytes per triple in each
server process and in the supervisor (``reskg serve --help``).

``python bench/server_bench.py --sizes 1000000 10000000 --out bench/out/server.json``. Slow (the
10M store takes minutes to build the first time) and memory-hungry: it checks ``MemAvailable``
before each server and relies on the server's own limit (``copy_limit``) to refuse a copy that
does not fit.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
RESKG = str(Path(sys.executable).with_name("reskg"))
BASE_TRIPLES = 250_000
ROUNDS = 9
SWITCH_TIMEOUT = 900.0

PREFIXES = """PREFIX reskg: <https://w3id.org/resolutions-kg/ontology#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""
QUERIES = {
    "count by addressee": PREFIXES + "SELECT ?a (COUNT(?r) AS ?n) WHERE { "
                                     "?r a reskg:Recommendation ; dct:audience ?a } GROUP BY ?a",
    "group by year": PREFIXES + "SELECT ?year (COUNT(?res) AS ?n) WHERE { "
                                "?res a reskg:Resolution ; eli:date_document ?d } "
                                "GROUP BY (YEAR(?d) AS ?year)",
    "two-hop join": PREFIXES + "SELECT (COUNT(?rec) AS ?n) WHERE { "
                               "?ev schema:location <https://w3id.org/resolutions-kg/place/tver> . "
                               "?res prov:wasGeneratedBy ?ev . ?rec eli:is_part_of ?res }",
    "text filter": PREFIXES + "SELECT (COUNT(?rec) AS ?n) WHERE { ?rec reskg:lemmas ?l "
                              'FILTER(CONTAINS(?l, "оцифровка")) }',
}
FIRST_QUERY = "ASK { ?s ?p ?o }"
#: every quad read, in two orders (two of the store's indexes)
FULL_SCANS = ["SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
              "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isLiteral(?o)) }"]


# ----------------------------------------------------------------------------- stores


def base_nquads() -> Path:
    """The base store's quads as N-Quads (built once, cached)."""
    path = OUT / f"server-base-{BASE_TRIPLES}.nq"
    if path.exists():
        return path
    import pyoxigraph as ox

    sys.path.insert(0, str(HERE))
    from synthetic import build_store

    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        started = time.perf_counter()
        count = build_store(Path(tmp) / "store", BASE_TRIPLES)
        store = ox.Store.read_only(str(Path(tmp) / "store"))
        store.dump(output=str(path.with_suffix(".tmp")), format=ox.RdfFormat.N_QUADS)
        del store
        print(f"base store: {count:,} triples in {time.perf_counter() - started:.0f} s",
              flush=True)
    path.with_suffix(".tmp").rename(path)
    return path


def build(size: int) -> Path:
    """A store of about ``size`` triples (cached): the base, renamed and loaded again."""
    folder = OUT / f"server-store-{size}"
    done = folder / "bench-built.json"
    if done.exists():
        return folder
    import pyoxigraph as ox

    data = base_nquads().read_bytes()
    base = data.count(b"\n")
    copies = max(1, round(size / base))
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    store = ox.Store(str(folder))
    for k in range(copies):
        chunk = data if k == 0 else data.replace(b"-vypusk-", b"-vypusk-c%d-" % k)
        store.bulk_load(chunk, format=ox.RdfFormat.N_QUADS)
    store.flush()
    store.optimize()
    count = len(store)
    del store
    seconds = time.perf_counter() - started
    done.write_text(json.dumps({"triples": count, "copies": copies, "build_s": round(seconds, 1)}),
                    encoding="utf-8")
    print(f"store {folder.name}: {count:,} triples ({copies} copies) in {seconds:.0f} s",
          flush=True)
    return folder


def disk_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# ----------------------------------------------------------------------------- processes


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def tree_memory(pid: int) -> dict[str, Any]:
    """PSS and RSS (MiB) summed over ``pid`` and its descendants, and per process."""
    tree, todo, procs = _children(), [pid], []
    while todo:
        p = todo.pop()
        todo.extend(tree.get(p, []))
        fields: dict[str, int] = {}
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines()[1:]:
                name, value = line.split(":", 1)
                fields[name] = int(value.split()[0])
        except (OSError, ValueError):
            continue
        procs.append({"pid": p, "pss_mib": round(fields.get("Pss", 0) / 1024),
                      "rss_mib": round(fields.get("Rss", 0) / 1024),
                      "private_mib": round((fields.get("Private_Dirty", 0)
                                            + fields.get("Private_Clean", 0)) / 1024)})
    return {"pss_mib": sum(p["pss_mib"] for p in procs),
            "rss_mib": sum(p["rss_mib"] for p in procs), "processes": procs}


def mem_available_mib() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) // 1024
    return -1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def latencies(client: httpx.Client, rounds: int) -> dict[str, Any]:
    result = {}
    for name, query in QUERIES.items():
        times = []
        for i in range(rounds + 1):
            started = time.perf_counter()
            response = client.get("/sparql", params={"query": query},
                                  headers={"Accept": "application/sparql-results+json"})
            elapsed = time.perf_counter() - started
            response.raise_for_status()
            if i:  # the first is a warm-up
                times.append(elapsed)
        rows = response.json()["results"]["bindings"]
        result[name] = {"median_ms": round(statistics.median(times) * 1000, 1),
                        "runs_ms": [round(t * 1000, 1) for t in times], "rows": len(rows)}
    return result


def run_server(store: Path, *extra: str, rounds: int = ROUNDS) -> dict[str, Any]:
    """One ``reskg serve`` over ``store``: start-up, switch to memory, memory, latencies."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESKG_")}
    log = tempfile.NamedTemporaryFile("w+", prefix="reskg-serve-", suffix=".log", delete=False)
    result: dict[str, Any] = {"settings": list(extra), "mem_available_mib": mem_available_mib(),
                              "loadavg": os.getloadavg()}
    started = time.perf_counter()
    server = subprocess.Popen([RESKG, "serve", "--store", str(store), "--port", str(port),
                               *extra], stdout=log, stderr=subprocess.STDOUT, env=env)
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600)
    try:
        health: dict[str, Any] = {}
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"the server exited: {Path(log.name).read_text()[-2000:]}")
            try:
                response = client.get("/health")
                if response.status_code == 200:
                    health = response.json()
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        result["first_health_s"] = round(time.perf_counter() - started, 2)
        result["first_health_store"] = health.get("store")
        client.get("/sparql", params={"query": FIRST_QUERY}).raise_for_status()
        result["first_answer_s"] = round(time.perf_counter() - started, 2)
        result["memory_at_first_answer"] = tree_memory(server.pid)
        switched = health.get("store") == "memory"
        disk_only = tuple(extra[-2:]) == ("--memory-triples", "0")
        while not switched and not disk_only and time.perf_counter() - started < SWITCH_TIMEOUT:
            text = Path(log.name).read_text(errors="replace")
            if "Not copied into memory" in text or "cannot copy" in text:
                break
            if client.get("/health").json().get("store") == "memory":
                switched = True
                break
            time.sleep(0.1)
        result["switched_to_memory"] = switched
        if switched:
            result["switch_s"] = round(time.perf_counter() - started, 2)
            time.sleep(1.0)  # the old processes finish and exit
            result["memory_after_switch"] = tree_memory(server.pid)
        result["store_answering"] = client.get("/health").json().get("store")
        result["latency"] = latencies(client, rounds)
        result["memory_after_queries"] = tree_memory(server.pid)
        # every triple read once in each process (new connections: the kernel spreads them)
        scans = []  # a scan past --query-timeout is a 503: recorded, not an error here
        for i in range(8):
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600) as fresh:
                scan_started = time.perf_counter()
                query = FULL_SCANS[i % len(FULL_SCANS)]
                status = fresh.get("/sparql", params={"query": query}).status_code
                scans.append((status, round(time.perf_counter() - scan_started, 1)))
        result["full_scans"] = scans
        result["memory_after_full_scans"] = tree_memory(server.pid)
        text = Path(log.name).read_text(errors="replace")
        result["log"] = [line for line in text.splitlines()
                         if "into memory" in line or "Answering from" in line]
        copied = re.search(r"Copied ([\d,]+) triples into memory in ([\d.]+) s \(about ([\d,]+) "
                           r"MiB.*? in each of (\d+)", text)
        if copied:
            result["copied_triples"] = int(copied[1].replace(",", ""))
            result["copy_s"] = float(copied[2])
            result["promised_mib_per_process"] = int(copied[3].replace(",", ""))
            result["processes"] = int(copied[4])
    finally:
        client.close()
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
        os.unlink(log.name)
    return result


def measure(size: int, rounds: int) -> dict[str, Any]:
    store = build(size)
    built = json.loads((store / "bench-built.json").read_text(encoding="utf-8"))
    result: dict[str, Any] = {"size": size, "triples": built["triples"],
                              "build_s": built["build_s"],
                              "disk_mib": round(disk_bytes(store) / 2**20)}
    print(f"== {built['triples']:,} triples, MemAvailable {mem_available_mib():,} MiB", flush=True)
    result["default"] = run_server(store, rounds=rounds)
    result["disk_only"] = run_server(store, "--memory-triples", "0", rounds=rounds)
    default, disk = result["default"], result["disk_only"]
    if default.get("switched_to_memory"):
        floor = disk["memory_after_full_scans"]["pss_mib"]
        copies = default.get("processes", 0) + 1  # each server process and the supervisor
        result["copy_cost"] = {
            "extra_pss_mib_after_switch": default["memory_after_switch"]["pss_mib"] - floor,
            "extra_pss_mib_after_queries": default["memory_after_queries"]["pss_mib"] - floor,
            "extra_pss_mib_after_full_scans":
                default["memory_after_full_scans"]["pss_mib"] - floor,
            # the supervisor (first in the list) with its copy, and without
            "copy_rss_mib": default["memory_after_switch"]["processes"][0]["rss_mib"]
            - disk["memory_after_queries"]["processes"][0]["rss_mib"],
            "promised_mib_each": default.get("promised_mib_per_process", 0),
            "promised_mib_total": default.get("promised_mib_per_process", 0) * copies,
        }
    print(json.dumps({k: v for k, v in result.items()}, indent=1, ensure_ascii=False)[:6000],
          flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--out", type=Path, default=OUT / "server.json")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    results = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
               "cpus": os.cpu_count(), "mem_total_mib": None, "sizes": []}
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            results["mem_total_mib"] = int(line.split()[1]) // 1024
    for size in args.sizes:
        results["sizes"].append(measure(size, args.rounds))
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
