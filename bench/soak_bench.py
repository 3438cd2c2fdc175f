"""Soak benchmark (issue 13, point 5): one read-write server under a bounded mixed load.

    python bench/soak_bench.py                  # 8 clients, 10 minutes
    python bench/soak_bench.py --seconds 120    # a shorter run

Builds a store of synthetic resolutions (bench/endpoint_setup.py; ``--triples``, default
250,000), starts ONE server that accepts writes (``reskg serve --update-token … --max-client-queries
0``; every client comes from 127.0.0.1) and waits for ``/health``. Each request kind is then sent
once alone (its latency on an idle server), and ``--clients`` threads, each with one keep-alive
httpx connection, loop for ``--seconds`` over a weighted mix (:data:`MIX`): resource pages (HTML
and RDF), DESCRIBE and point lookups through ``/sparql``, the named queries resolution-summary,
recommendations, addressees and search, two ad-hoc queries (a join, a GROUP BY), ``/dataset`` and
the ``/dumps/`` listing, and — with the token, 5 % of requests — small writes into a scratch graph
of each client's own (``{base}graph/soak-N``): Graph Store PUT and POST, SPARQL Update INSERT
DATA and DELETE DATA. Traffic goes to 127.0.0.1 only, and the run stops by itself.

Every request is recorded (kind, status, latency). A sampler thread records, every ``--sample``
seconds, the RSS of the server process and all its descendants (psutil when installed, else
/proc), their open file descriptors, the disk the store and its checkpoints take, and the load
average. The report (stdout, ``--out`` JSON, ``--doc`` Markdown) gives requests/s, errors split by
status (503 counted apart as shed load, transport failures as ``error:…``), p50/p99 per kind and
overall, per-minute figures, RSS at 1 min, 5 min and the end, and whether RSS grew beyond the
first minute (tolerance ``--tolerance``, 5 %).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from endpoint_bench import free_port  # noqa: E402
from endpoint_setup import (  # noqa: E402
    AUDIENCES,
    BASE,
    PREFIXES,
    RARE,
    RECS_PER_RESOLUTION,
    TRIPLES_PER_RESOLUTION,
    WORDS,
    build_store,
)

TOKEN = "soak-token"
SPARQL_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
TURTLE = "text/turtle"

#: The mix: kind → weight (per cent of requests). Writes are 5 %.
MIX: dict[str, int] = {
    "page html": 16,
    "page rdf": 15,
    "describe": 10,
    "point lookup": 16,
    "resolution-summary": 8,
    "recommendations": 6,
    "addressees": 2,
    "search": 1,
    "join": 10,
    "group by": 7,
    "dataset": 2,
    "dumps listing": 2,
    "gsp put": 2,
    "gsp post": 1,
    "update insert": 1,
    "update delete": 1,
}
WRITES = ("gsp put", "gsp post", "update insert", "update delete")


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    params: dict[str, str] | None = None
    headers: dict[str, str] | None = None
    body: bytes | None = None


@dataclass
class Client:
    """What one client thread needs to build its requests."""

    index: int
    rng: random.Random
    resolutions: int
    counter: int = 0
    inserted: list[int] | None = None

    @property
    def graph(self) -> str:
        return f"{BASE}graph/soak-{self.index}"

    def resolution(self) -> str:
        return f"{BASE}resolution/doc-{self.rng.randrange(self.resolutions)}"


def _scratch_turtle(client: Client, n: int) -> bytes:
    s = f"<{client.graph}#item-{n}>"
    lines = [
        f"{s} a <https://schema.org/CreativeWork> .",
        f'{s} <http://purl.org/dc/terms/title> "soak {client.index} item {n}"@en .',
        f"{s} <http://purl.org/dc/terms/audience> "
        f"<{BASE}audience/{client.rng.choice(AUDIENCES)}> .",
        f'{s} <https://schema.org/position> "{n}"^^<http://www.w3.org/2001/XMLSchema#integer> .',
        f"{s} <http://purl.org/dc/terms/references> <{client.resolution()}> .",
    ]
    return ("\n".join(lines) + "\n").encode()


def _data_block(client: Client, n: int) -> str:
    s = f"<{client.graph}#update-{n}>"
    return (f'GRAPH <{client.graph}> {{ {s} <http://purl.org/dc/terms/title> "update {n}" . '
            f"{s} <http://purl.org/dc/terms/references> <{BASE}resolution/doc-{n}> }}")


def build(kind: str, client: Client) -> Request:
    """The request of ``kind`` for ``client`` (random resources, its own scratch graph)."""
    rng = client.rng
    auth = {"Authorization": f"Bearer {TOKEN}"}
    if kind == "page html":
        return Request("GET", "/" + client.resolution().removeprefix(BASE),
                       headers={"Accept": "text/html"})
    if kind == "page rdf":
        doc = client.resolution().removeprefix(BASE + "resolution/")
        path = rng.choice([f"/resolution/{doc}/recommendation/"
                           f"{rng.randint(1, RECS_PER_RESOLUTION)}", f"/event/{doc}"])
        return Request("GET", path, headers={"Accept": rng.choice([TURTLE, N_TRIPLES])})
    if kind == "describe":
        return Request("GET", "/sparql", {"query": f"DESCRIBE <{client.resolution()}>"},
                       {"Accept": N_TRIPLES})
    if kind == "point lookup":
        return Request("GET", "/sparql",
                       {"query": f"SELECT ?p ?o WHERE {{ <{client.resolution()}> ?p ?o }}"},
                       {"Accept": SPARQL_JSON})
    if kind in ("resolution-summary", "recommendations"):
        return Request("GET", f"/queries/{kind}", {"resolution": client.resolution()},
                       {"Accept": SPARQL_JSON})
    if kind == "addressees":
        return Request("GET", "/queries/addressees", headers={"Accept": SPARQL_JSON})
    if kind == "search":
        words = [RARE] if rng.random() < 0.5 else [RARE, rng.choice(WORDS)]
        return Request("GET", "/queries/search", {"text": " ".join(words)},
                       {"Accept": SPARQL_JSON})
    if kind == "join":
        query = PREFIXES + ("SELECT ?rec WHERE { "
                            f"?ev schema:location <{BASE}place/p-{rng.randrange(50)}> . "
                            "?res prov:wasGeneratedBy ?ev . ?rec eli:is_part_of ?res }")
        return Request("GET", "/sparql", {"query": query}, {"Accept": SPARQL_JSON})
    if kind == "group by":
        query = PREFIXES + rng.choice([
            "SELECT ?a (COUNT(?r) AS ?n) WHERE { ?r dct:audience ?a } GROUP BY ?a",
            "SELECT ?year (COUNT(?res) AS ?n) WHERE { ?res eli:date_document ?d } "
            "GROUP BY (YEAR(?d) AS ?year)",
        ])
        return Request("GET", "/sparql", {"query": query}, {"Accept": SPARQL_JSON})
    if kind == "dataset":
        return Request("GET", "/dataset", headers={"Accept": TURTLE})
    if kind == "dumps listing":
        return Request("GET", "/dumps/", headers={"Accept": "application/json"})
    client.counter += 1
    n = client.counter
    if kind in ("gsp put", "gsp post"):
        body = _scratch_turtle(client, n)
        return Request("PUT" if kind == "gsp put" else "POST", "/store",
                       {"graph": client.graph}, {**auth, "Content-Type": TURTLE}, body)
    inserted = client.inserted if client.inserted is not None else []
    client.inserted = inserted
    if kind == "update insert":
        inserted.append(n)
        update = f"INSERT DATA {{ {_data_block(client, n)} }}"
    elif kind == "update delete":
        victim = inserted.pop(0) if inserted else n  # nothing inserted yet: deletes nothing
        update = f"DELETE DATA {{ {_data_block(client, victim)} }}"
    else:
        raise ValueError(kind)
    return Request("POST", "/sparql", None,
                   {**auth, "Content-Type": "application/sparql-update"}, update.encode())


# ------------------------------------------------------------------------- sampling


def _descendants(pid: int) -> list[int]:
    pids = [pid]
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return pids
    for task in tasks:
        try:
            kids = (task / "children").read_text().split()
        except OSError:
            continue
        for kid in kids:
            pids += _descendants(int(kid))
    return pids


def _vmrss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def process_tree(pid: int) -> list[tuple[int, int]]:
    """(pid, RSS bytes) of ``pid`` and all its descendants."""
    try:
        import psutil
    except ImportError:
        return [(p, _vmrss(p)) for p in _descendants(pid)]
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return []
    out = []
    for proc in procs:
        try:
            out.append((proc.pid, proc.memory_info().rss))
        except psutil.Error:
            pass
    return out


def _pss(pid: int) -> tuple[int, int, int]:
    """Proportional set size: the process's private pages and its share of pages it shares
    (forked query workers share most of their start with the server), in bytes — in all, of
    anonymous memory (what the process allocated) and of files it maps (the store's files,
    cached by the kernel and given back under pressure); zeros if gone."""
    found = {"Pss:": 0, "Pss_Anon:": 0, "Pss_File:": 0}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key = line.split(" ", 1)[0]
            if key in found:
                found[key] = int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return found["Pss:"], found["Pss_Anon:"], found["Pss_File:"]


def _fds(pid: int) -> int:
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return 0


def disk_bytes(*roots: Path) -> int:
    """Blocks used by the files under ``roots``, each inode counted once (checkpoints are hard
    links to the store's files)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for root in roots:
        for folder, _dirs, files in os.walk(root):
            for name in files:
                try:
                    st = os.lstat(os.path.join(folder, name))
                except OSError:
                    continue
                if (st.st_dev, st.st_ino) not in seen:
                    seen.add((st.st_dev, st.st_ino))
                    total += st.st_blocks * 512
    return total


class Sampler(threading.Thread):
    """Every ``interval`` seconds: RSS of the server tree (total and main process), processes,
    open fds, disk of store + checkpoints, checkpoint folders, load average."""

    def __init__(self, pid: int, store: Path, interval: float, started: float) -> None:
        super().__init__(name="soak-sampler", daemon=True)
        self.pid, self.store, self.interval, self.started = pid, store, interval, started
        self.samples: list[dict[str, Any]] = []
        self.stop = threading.Event()

    def sample(self) -> dict[str, Any]:
        tree = process_tree(self.pid)
        main = next((rss for p, rss in tree if p == self.pid), 0)
        procs = {str(p): [round(rss / 2**20, 1), *(round(v / 2**20, 1) for v in _pss(p))]
                 for p, rss in tree}  # RSS, PSS, anonymous PSS, file-backed PSS
        snapshots = [p for p in self.store.parent.glob(f".{self.store.name}.snapshots-*")]
        checkpoints = sum(1 for root in snapshots for c in root.iterdir() if c.is_dir())
        return {
            "t": round(time.monotonic() - self.started, 1),
            "rss_mib": round(sum(rss for _, rss in tree) / 2**20, 1),
            "main_rss_mib": round(main / 2**20, 1),
            "pss_mib": round(sum(v[1] for v in procs.values()), 1),
            "procs": procs,
            "processes": len(tree),
            "fds": sum(_fds(p) for p, _ in tree),
            "disk_mib": round(disk_bytes(self.store, *snapshots) / 2**20, 1),
            "checkpoints": checkpoints,
            "load1": round(os.getloadavg()[0], 2),
        }

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self.samples.append(self.sample())
            except Exception as exc:  # a sample lost is reported, never fatal
                self.samples.append({"t": round(time.monotonic() - self.started, 1),
                                     "error": repr(exc)})
            self.stop.wait(self.interval)


# ---------------------------------------------------------------------------- load


#: ``/dumps/`` listings answered 200: all, and those from an older build while a newer one was
#: under way (``rebuilding`` set: the server never waits for a build)
LISTINGS: Counter[str] = Counter()


def send(http: Any, request: Request) -> tuple[int, int]:
    """(status, bytes of the body); transport failures raise."""
    response = http.request(request.method, request.path, params=request.params,
                            headers=request.headers, content=request.body)
    if request.path == "/dumps/" and response.status_code == 200:
        LISTINGS["answered"] += 1
        with contextlib.suppress(ValueError, AttributeError):
            LISTINGS["rebuilding"] += bool(response.json().get("rebuilding"))
    return response.status_code, len(response.content)


def wait_first_build(base_url: str, timeout: float = 600) -> float:
    """Seconds until ``/dumps/`` lists the first build (503 until then; built in the
    background after the start)."""
    import httpx

    t = time.monotonic()
    while time.monotonic() - t < timeout:
        answer = httpx.get(base_url + "/dumps/", params={"format": "json"}, timeout=30)
        if answer.status_code == 200:
            return round(time.monotonic() - t, 1)
        time.sleep(0.2)
    raise RuntimeError("the first build of the dumps did not finish")


def run_clients(base_url: str, args: argparse.Namespace, resolutions: int, started: float
                ) -> tuple[list[tuple[float, str, str, float, int]], float]:
    """``args.clients`` threads for ``args.seconds``; returns the records (start offset s,
    kind, status, latency s, bytes) and the wall time until the last client stopped."""
    import httpx

    kinds = list(MIX)
    weights = [0 if kind in args.skip else MIX[kind] for kind in kinds]
    records: list[tuple[float, str, str, float, int]] = []
    lock = threading.Lock()
    deadline = time.monotonic() + args.seconds

    def worker(index: int) -> None:
        client = Client(index, random.Random(args.seed * 1000 + index), resolutions)
        local: list[tuple[float, str, str, float, int]] = []
        timeout = httpx.Timeout(args.client_timeout, connect=10.0)
        with httpx.Client(base_url=base_url, timeout=timeout, follow_redirects=False) as http:
            while time.monotonic() < deadline:
                kind = client.rng.choices(kinds, weights)[0]
                request = build(kind, client)
                t0 = time.monotonic()
                try:
                    status, size = send(http, request)
                    outcome = str(status)
                except httpx.TimeoutException:
                    outcome, size = "error:client-timeout", 0
                except httpx.TransportError as exc:
                    outcome, size = f"error:{type(exc).__name__}", 0
                    time.sleep(0.5)  # a server that went away is not hammered
                local.append((round(t0 - started, 3), kind, outcome,
                              time.monotonic() - t0, size))
        with lock:
            records.extend(local)

    threads = [threading.Thread(target=worker, args=(i,), name=f"soak-client-{i}")
               for i in range(args.clients)]
    t = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(records), time.monotonic() - t


def alone(base_url: str, resolutions: int, seed: int) -> dict[str, dict[str, Any]]:
    """Each kind once on the idle server, in the mix's order (the writes last): its status and
    latency without contention (``dataset`` and ``dumps listing`` answer from the first build,
    which the run waits for; later builds run in the background after writes)."""
    import httpx

    client = Client(99, random.Random(seed), resolutions)
    out = {}
    with httpx.Client(base_url=base_url, timeout=600) as http:
        for kind in MIX:
            t0 = time.monotonic()
            status, size = send(http, build(kind, client))
            out[kind] = {"status": status, "ms": round(1000 * (time.monotonic() - t0), 1),
                         "bytes": size}
            print(f"  alone: {kind:20} {status} {out[kind]['ms']:9.1f} ms", flush=True)
    return out


def wait_health(url: str, process: subprocess.Popen[bytes], timeout: float = 600
                ) -> dict[str, Any]:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            response = httpx.get(url, timeout=5)
            if response.status_code == 200:
                return dict(response.json())
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not start")


def cpu_seconds(pids: list[int]) -> float:
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            # utime, stime, and the waited-for children's cutime, cstime
            total += sum(int(f) for f in fields[11:15]) / tick
        except (OSError, IndexError, ValueError):
            pass
    return total


# --------------------------------------------------------------------------- report


def percentile(ordered: list[float], q: float) -> float:
    """Nearest-rank percentile of a sorted list."""
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, -(-int(q * len(ordered) * 1000) // 1000) - 1))]


def ok(outcome: str) -> bool:
    return outcome.isdigit() and 200 <= int(outcome) < 400


def latency_row(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "p50_ms": round(1000 * statistics.median(ordered), 2) if ordered else 0.0,
        "p99_ms": round(1000 * percentile(ordered, 0.99), 2),
        "max_ms": round(1000 * ordered[-1], 2) if ordered else 0.0,
    }


def sample_at(samples: list[dict[str, Any]], t: float) -> dict[str, Any] | None:
    good = [s for s in samples if "rss_mib" in s]
    if not good or good[-1]["t"] < t - 10:
        return None
    return min(good, key=lambda s: abs(s["t"] - t))


def long_lived(samples: list[dict[str, Any]], at1: dict[str, Any] | None,
               end: dict[str, Any] | None, seconds: float, tolerance: float) -> dict[str, Any]:
    """Memory of the processes that live through the run (the server and its query workers:
    present at 1 min and at the end), as PSS so that pages they share are counted once, apart
    from the processes that come and go (the dumps builder's child): the growth rule on the
    former, the latter's peak reported."""
    if not at1 or not end or "procs" not in at1 or "procs" not in end:
        return {"verdict": "not measured"}
    keep = sorted(set(at1["procs"]) & set(end["procs"]), key=int)

    def total(sample: dict[str, Any], which: int) -> float:
        return round(sum(sample["procs"][p][which] for p in keep
                         if p in sample["procs"] and len(sample["procs"][p]) > which), 1)

    with_procs = [s for s in samples if "procs" in s]
    second = [total(s, 1) for s in with_procs if 60 <= s["t"] < 120]
    last = [total(s, 1) for s in with_procs if s["t"] >= seconds - 60]
    out: dict[str, Any] = {
        "processes": len(keep),
        "pss_at_1min_mib": total(at1, 1), "pss_at_end_mib": total(end, 1),
        "rss_at_1min_mib": total(at1, 0), "rss_at_end_mib": total(end, 0),
        "anon_pss_at_1min_mib": total(at1, 2), "anon_pss_at_end_mib": total(end, 2),
        "file_pss_at_1min_mib": total(at1, 3), "file_pss_at_end_mib": total(end, 3),
        "per_process_pss_mib": {p: [at1["procs"][p][1], end["procs"][p][1]] for p in keep},
        "transient_max_pss_mib": max((round(sum(v[1] for q, v in s["procs"].items()
                                                if q not in keep), 1) for s in with_procs),
                                     default=0.0),
    }
    if not second or not last or seconds < 120:
        out["verdict"] = "not judged: the run is shorter than two minutes"
        return out
    point = 100 * (out["pss_at_end_mib"] - out["pss_at_1min_mib"]) / out["pss_at_1min_mib"]
    m2, ml = statistics.median(second), statistics.median(last)
    median = 100 * (ml - m2) / m2
    out.update(growth_pct=round(point, 1), median_minute2_mib=round(m2, 1),
               median_last_minute_mib=round(ml, 1), median_growth_pct=round(median, 1))
    ok_point, ok_median = point < 100 * tolerance, median < 100 * tolerance
    out["verdict"] = ("held" if ok_point and ok_median else "did not hold"
                      if not ok_point and not ok_median else
                      f"unclear: end vs 1 min {point:+.1f} %, medians {median:+.1f} %")
    return out


def summarise(records: list[tuple[float, str, str, float, int]], wall: float,
              samples: list[dict[str, Any]], seconds: float, tolerance: float
              ) -> dict[str, Any]:
    by_kind: dict[str, list[tuple[float, str, str, float, int]]] = defaultdict(list)
    for r in records:
        by_kind[r[1]].append(r)
    statuses = Counter(r[2] for r in records)
    errors = {k: v for k, v in statuses.items() if not ok(k)}
    shed = errors.get("503", 0)
    kinds = {}
    for kind in MIX:
        rows = by_kind.get(kind, [])
        kinds[kind] = {
            "requests": len(rows),
            "statuses": dict(sorted(Counter(r[2] for r in rows).items())),
            "errors": sum(1 for r in rows if not ok(r[2])),
            **latency_row([r[3] for r in rows]),
        }
    writes = [r for r in records if r[1] in WRITES]
    minutes = []
    for m in range(int(-(-seconds // 60))):
        rows = [r for r in records if m * 60 <= r[0] < (m + 1) * 60]
        window = [s["rss_mib"] for s in samples
                  if "rss_mib" in s and m * 60 <= s["t"] < (m + 1) * 60]
        span = min(60.0, seconds - m * 60)
        minutes.append({
            "minute": m + 1,
            "requests": len(rows),
            "rps": round(len(rows) / span, 1) if span > 0 else 0.0,
            "errors": sum(1 for r in rows if not ok(r[2])),
            "shed_503": sum(1 for r in rows if r[2] == "503"),
            "writes": sum(1 for r in rows if r[1] in WRITES),
            **latency_row([r[3] for r in rows]),
            "rss_min_mib": min(window, default=0.0),
            "rss_median_mib": round(statistics.median(window), 1) if window else 0.0,
            "rss_max_mib": max(window, default=0.0),
        })
    in_run = [s for s in samples if "rss_mib" in s and s["t"] <= seconds]
    at1, at5 = sample_at(in_run, 60), sample_at(in_run, 300)
    end = in_run[-1] if in_run else None
    rss: dict[str, Any] = {
        "at_1min_mib": at1["rss_mib"] if at1 else None,
        "at_5min_mib": at5["rss_mib"] if at5 else None,
        "at_end_mib": end["rss_mib"] if end else None,
        "max_mib": max((s["rss_mib"] for s in in_run), default=None),
        "main_at_1min_mib": at1["main_rss_mib"] if at1 else None,
        "main_at_end_mib": end["main_rss_mib"] if end else None,
    }
    verdict = "not judged: the run is shorter than two minutes"
    if at1 and end and seconds >= 120:
        growth = end["rss_mib"] - at1["rss_mib"]
        rss["growth_after_1min_mib"] = round(growth, 1)
        rss["growth_after_1min_pct"] = round(100 * growth / at1["rss_mib"], 1)
        # The same comparison on medians (the second minute against the last), which a short
        # spike at either sampling moment does not move.
        second = [s["rss_mib"] for s in in_run if 60 <= s["t"] < 120]
        last = [s["rss_mib"] for s in in_run if s["t"] >= seconds - 60]
        m2, ml = statistics.median(second), statistics.median(last)
        rss["median_minute2_mib"], rss["median_last_minute_mib"] = round(m2, 1), round(ml, 1)
        rss["median_growth_pct"] = round(100 * (ml - m2) / m2, 1)
        point_ok = rss["growth_after_1min_pct"] < 100 * tolerance
        median_ok = rss["median_growth_pct"] < 100 * tolerance
        if point_ok and median_ok:
            verdict = "held"
        elif not point_ok and not median_ok:
            verdict = "did not hold"
        else:
            verdict = ("unclear: the point samples and the medians disagree "
                       f"(end vs 1 min {rss['growth_after_1min_pct']:+.1f} %, "
                       f"last-minute median vs second-minute median "
                       f"{rss['median_growth_pct']:+.1f} %)")
    rss["no_growth_after_1min"] = verdict
    rss["tolerance_pct"] = round(100 * tolerance, 1)
    rss["long_lived"] = long_lived(in_run, at1, end, seconds, tolerance)
    good = [s for s in in_run if "fds" in s]
    return {
        "requests": len(records),
        "wall_s": round(wall, 1),
        "rps": round(len(records) / wall, 1) if wall else 0.0,
        "errors": sum(errors.values()),
        "error_rate_pct": round(100 * sum(errors.values()) / len(records), 3) if records else 0.0,
        "shed_503": shed,
        "errors_other_than_shed": sum(errors.values()) - shed,
        "errors_by_status": dict(sorted(errors.items())),
        "statuses": dict(sorted(statuses.items())),
        "overall": latency_row([r[3] for r in records]),
        "kinds": kinds,
        "writes": {"requests": len(writes),
                   "statuses": dict(sorted(Counter(r[2] for r in writes).items()))},
        "minutes": minutes,
        "rss": rss,
        "fds": {"first": good[0]["fds"], "last": good[-1]["fds"],
                "max": max(s["fds"] for s in good)} if good else {},
        "disk_mib": {"first": good[0]["disk_mib"], "last": good[-1]["disk_mib"],
                     "max": max(s["disk_mib"] for s in good)} if good else {},
        "checkpoints": {"first": good[0]["checkpoints"], "last": good[-1]["checkpoints"],
                        "max": max(s["checkpoints"] for s in good)} if good else {},
        "processes": {"min": min(s["processes"] for s in good),
                      "max": max(s["processes"] for s in good)} if good else {},
    }


def _long_lived_lines(ll: dict[str, Any], tolerance: float) -> list[str]:
    if "pss_at_1min_mib" not in ll:
        return []
    per = ", ".join(f"{a:,.0f} → {b:,.0f}" for a, b in ll["per_process_pss_mib"].values())
    return [
        f"- the {ll['processes']} processes that live through the run (server and query "
        f"workers), PSS (shared pages counted once): {ll['pss_at_1min_mib']:,.0f} MiB at 1 min, "
        f"{ll['pss_at_end_mib']:,.0f} MiB at the end"
        + (f" ({ll['growth_pct']:+.1f} %; medians, second minute vs last: "
           f"{ll['median_minute2_mib']:,.0f} → {ll['median_last_minute_mib']:,.0f} MiB, "
           f"{ll['median_growth_pct']:+.1f} %)" if "growth_pct" in ll else "")
        + f"; each: {per}; of it anonymous {ll.get('anon_pss_at_1min_mib', 0):,.0f} → "
        f"{ll.get('anon_pss_at_end_mib', 0):,.0f} MiB, mapped from files (the store) "
        f"{ll.get('file_pss_at_1min_mib', 0):,.0f} → {ll.get('file_pss_at_end_mib', 0):,.0f} MiB"
        f"; RSS {ll['rss_at_1min_mib']:,.0f} → {ll['rss_at_end_mib']:,.0f} MiB; "
        f"processes that come and go (the dumps builder) at most {ll['transient_max_pss_mib']:,.0f}"
        " MiB PSS",
        f"- **No growth beyond the first minute of the long-lived processes (PSS, tolerance "
        f"{tolerance:g} %): {ll['verdict']}.**",
    ]


def markdown(results: dict[str, Any]) -> str:
    s = results["summary"]
    rss = s["rss"]

    def mib(value: float | None) -> str:
        return "—" if value is None else f"{value:,.0f} MiB"

    lines = [
        "# Soak benchmark",
        "",
        f"Measured {results['date']} with `python bench/soak_bench.py --seconds "
        f"{results['settings']['seconds']:g} --triples {results['settings']['triples']}"
        + (f" --skip '{','.join(results['settings']['skip'])}'" if results["settings"]["skip"]
           else "")
        + f"` on "
        f"{results['machine']}; pyoxigraph {results['versions'].get('pyoxigraph')}, uvicorn "
        f"{results['versions'].get('uvicorn')}, starlette {results['versions'].get('starlette')}.",
        "",
        f"One server that accepts writes (`reskg serve --update-token … --max-client-queries 0`, "
        f"otherwise its defaults: {results['health_at_start'].get('workers')} query worker "
        f"processes over checkpoints of the on-disk store) over "
        f"{results['triples']:,} triples of synthetic resolutions "
        f"({results['resolutions']:,} resolutions in their named graphs). "
        f"{results['settings']['clients']} client threads in this process (httpx, one keep-alive "
        f"connection each, closed loop, loopback) for {results['settings']['seconds']:g} s, "
        f"each request drawn from the mix below; writes go to each client's own scratch graph "
        f"`{BASE}graph/soak-N`. The client threads share the two cores with the server.",
        "",
        f"Load average (1 min) before: **{results['load_average_before']:.2f}**; during the run "
        f"{results['load_average_during']['median']:.2f} median, "
        f"{results['load_average_during']['max']:.2f} at most. Client CPU "
        f"{results['client_cpu_s']:.0f} s, server CPU (all its processes) "
        f"{results['server_cpu_s']:.0f} s over the run.",
        "",
        *([f"Allocator environment, inherited by the server: "
           f"{', '.join(f'`{k}={v}`' for k, v in results['malloc_env'].items())}.", ""]
          if results.get("malloc_env") else []),
        "## Result",
        "",
        f"- **{s['requests']:,} requests** in {s['wall_s']:.0f} s: **{s['rps']:.1f} requests/s**",
        f"- errors (any status other than 2xx/3xx, or no answer): **{s['errors']:,} "
        f"({s['error_rate_pct']:.2f} %)**; of them 503 (shed load, or a query past its limit): "
        f"{s['shed_503']:,}; others: {s['errors_other_than_shed']:,} "
        f"{json.dumps(s['errors_by_status'])}",
        f"- latency, all requests: p50 **{s['overall']['p50_ms']:.1f} ms**, p99 "
        f"**{s['overall']['p99_ms']:.0f} ms**, max {s['overall']['max_ms']:.0f} ms",
        f"- writes: **{s['writes']['requests']:,}** requests, statuses "
        f"{json.dumps(s['writes']['statuses'])}",
        *([f"- `/dumps/` listings answered from the last build while a newer one was under way "
           f"(`rebuilding` set): {results['listings'].get('rebuilding', 0):,} of "
           f"{results['listings'].get('answered', 0):,}; the first build after the start took "
           f"{results['first_build_s']} s (the run starts after it)"]
          if "listings" in results else []),
        f"- RSS of the server and its processes: {mib(rss['at_1min_mib'])} at 1 min, "
        f"{mib(rss['at_5min_mib'])} at 5 min, {mib(rss['at_end_mib'])} at the end "
        f"(max {mib(rss['max_mib'])}); growth after the first minute "
        + (f"**{rss['growth_after_1min_mib']:+.0f} MiB ({rss['growth_after_1min_pct']:+.1f} %)**"
           f"; medians, second minute vs last minute: {rss['median_minute2_mib']:,.0f} → "
           f"{rss['median_last_minute_mib']:,.0f} MiB ({rss['median_growth_pct']:+.1f} %)"
           if "growth_after_1min_pct" in rss else "not measured")
        + f"; main process {mib(rss['main_at_1min_mib'])} at 1 min, "
          f"{mib(rss['main_at_end_mib'])} at the end",
        f"- **No RSS growth beyond the first minute, whole tree (tolerance "
        f"{rss['tolerance_pct']:g} %): {rss['no_growth_after_1min']}.**",
        *_long_lived_lines(rss.get("long_lived", {}), rss["tolerance_pct"]),
        f"- the server "
        f"{'was still up' if results['server_alive_at_end'] else 'HAD EXITED'} at the end "
        f"(store version {results['health_at_end'].get('version', '—')}); "
        f"{results['server_log']['error_lines']} error lines in its log",
        f"- open files of the server tree: {s['fds'].get('first')} → {s['fds'].get('last')} "
        f"(max {s['fds'].get('max')}); disk of store + checkpoints: "
        f"{s['disk_mib'].get('first')} → {s['disk_mib'].get('last')} MiB (max "
        f"{s['disk_mib'].get('max')}); checkpoint folders {s['checkpoints'].get('first')} → "
        f"{s['checkpoints'].get('last')} (max {s['checkpoints'].get('max')}); processes "
        f"{s['processes'].get('min')}–{s['processes'].get('max')}",
        "",
        "## Per request kind",
        "",
        "`alone`: the same kind sent once on the idle server before the run.",
        "",
        "| kind | weight % | requests | statuses | p50 ms | p99 ms | max ms | alone ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind, row in s["kinds"].items():
        statuses = ", ".join(f"{k}: {v:,}" for k, v in row["statuses"].items())
        weight = 0 if kind in results["settings"]["skip"] else MIX[kind]
        lines.append(f"| {kind} | {weight} | {row['requests']:,} | {statuses} | "
                     f"{row['p50_ms']:.1f} | {row['p99_ms']:.0f} | {row['max_ms']:.0f} | "
                     f"{results['alone'].get(kind, {}).get('ms', 0):.0f} |")
    lines += [
        f"| **all** | | {s['requests']:,} | | {s['overall']['p50_ms']:.1f} | "
        f"{s['overall']['p99_ms']:.0f} | {s['overall']['max_ms']:.0f} | |",
        "",
        "## Minute by minute",
        "",
        "RSS: the server process and all its descendants (query workers, multiprocessing's "
        f"helper), sampled every {results['settings']['sample']:g} s: min / median / max of "
        "the minute's samples.",
        "",
        "| minute | requests | req/s | errors | 503 | writes | p50 ms | p99 ms | RSS MiB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for m in s["minutes"]:
        lines.append(f"| {m['minute']} | {m['requests']:,} | {m['rps']:.1f} | {m['errors']} | "
                     f"{m['shed_503']} | {m['writes']} | {m['p50_ms']:.1f} | "
                     f"{m['p99_ms']:.0f} | {m['rss_min_mib']:,.0f} / {m['rss_median_mib']:,.0f}"
                     f" / {m['rss_max_mib']:,.0f} |")
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- main


def prepare(work: Path, triples: int) -> tuple[Path, int, int]:
    store_path = work / "soak-store"
    shutil.rmtree(store_path, ignore_errors=True)
    t = time.perf_counter()
    count = build_store(store_path, triples)
    print(f"generated and loaded {count:,} triples in {time.perf_counter() - t:.1f} s",
          flush=True)
    return store_path, count, max(1, -(-triples // TRIPLES_PER_RESOLUTION))


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run(args: argparse.Namespace) -> dict[str, Any]:
    import httpx

    work = Path(args.workdir or tempfile.mkdtemp(prefix="reskg-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    store_path, triples, resolutions = prepare(work, args.triples)
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = work / "server.log"
    command = [str(Path(sys.executable).with_name("reskg")), "serve", "--store", str(store_path),
               "--host", "127.0.0.1", "--port", str(port), "--update-token", TOKEN,
               "--max-client-queries", "0", "--log-level", "warning"]
    results: dict[str, Any] = {
        "triples": triples,
        "resolutions": resolutions,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
                   f"{platform.python_version()}",
        "versions": _versions(),
        "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()
                     if k not in ("out", "doc")},
        "mix": MIX,
        "rss_method": "psutil" if _has_psutil() else "/proc VmRSS",
        # the server inherits the environment: an allocator setting changes what RSS means
        "malloc_env": {k: v for k, v in os.environ.items()
                       if k.startswith(("MALLOC_", "PYTHONMALLOC"))},
    }
    log = log_path.open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        t = time.monotonic()
        results["health_at_start"] = wait_health(base_url + "/health", process)
        print(f"server up after {time.monotonic() - t:.1f} s: {results['health_at_start']}",
              flush=True)
        results["first_build_s"] = wait_first_build(base_url)
        print(f"first build of the dumps and statistics: {results['first_build_s']} s later",
              flush=True)
        results["alone"] = alone(base_url, resolutions, args.seed + 7)
        results["load_average_before"] = os.getloadavg()[0]
        print(f"load average before the run: {results['load_average_before']:.2f}", flush=True)
        started = time.monotonic()
        sampler = Sampler(process.pid, store_path, args.sample, started)
        sampler.start()
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        server_cpu0 = cpu_seconds(_descendants(process.pid))
        LISTINGS.clear()
        records, wall = run_clients(base_url, args, resolutions, started)
        results["listings"] = dict(LISTINGS)
        cpu1 = resource.getrusage(resource.RUSAGE_SELF)
        server_cpu1 = cpu_seconds(_descendants(process.pid))
        sampler.stop.set()
        sampler.join()
        results["client_cpu_s"] = round((cpu1.ru_utime - cpu0.ru_utime)
                                        + (cpu1.ru_stime - cpu0.ru_stime), 1)
        results["server_cpu_s"] = round(server_cpu1 - server_cpu0, 1)
        results["server_alive_at_end"] = process.poll() is None
        try:
            results["health_at_end"] = httpx.get(base_url + "/health", timeout=30).json()
        except (httpx.HTTPError, ValueError) as exc:
            results["health_at_end"] = {"error": repr(exc)}
    finally:
        stop(process)
        log.close()
    loads = [s["load1"] for s in sampler.samples if "load1" in s]
    results["load_average_during"] = {"median": statistics.median(loads) if loads else 0.0,
                                      "max": max(loads, default=0.0)}
    results["summary"] = summarise(records, wall, sampler.samples, args.seconds, args.tolerance)
    text = log_path.read_text("utf-8", errors="replace").splitlines()
    bad = [line for line in text if "Traceback" in line or "ERROR" in line
           or "Error" in line.split(":", 1)[0]]
    results["server_log"] = {"lines": len(text), "error_lines": len(bad), "first_errors": bad[:20],
                             "path": str(log_path)}
    results["samples"] = sampler.samples
    if not args.keep:
        shutil.rmtree(store_path, ignore_errors=True)
    return results


def _has_psutil() -> bool:
    try:
        import psutil  # noqa: F401
    except ImportError:
        return False
    return True


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for pkg in ("pyoxigraph", "starlette", "uvicorn", "uvloop", "httptools", "httpx", "psutil"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=600.0, help="length of the load")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--triples", type=int, default=250_000,
                        help="size of the generated store")
    parser.add_argument("--sample", type=float, default=5.0, help="seconds between RSS samples")
    parser.add_argument("--tolerance", type=float, default=0.05,
                        help="RSS growth after the first minute still counted as none")
    parser.add_argument("--client-timeout", type=float, default=300.0,
                        help="seconds a client waits for an answer")
    parser.add_argument("--skip", type=lambda text: [k.strip() for k in text.split(",")],
                        default=[], help="kinds left out of the mix, comma-separated "
                                         "(a diagnostic run: 'dataset,dumps listing')")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--workdir", help="build the store here (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the store after the run")
    parser.add_argument("--out", type=Path, default=Path("bench/out/soak.json"))
    parser.add_argument("--doc", type=Path,
                        default=Path(__file__).resolve().parents[1] / "docs" / "bench-soak.md")
    parser.add_argument("--date", default=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    args = parser.parse_args(argv)
    unknown = set(args.skip) - set(MIX)
    if unknown:
        parser.error(f"unknown kinds {sorted(unknown)}; the kinds: {', '.join(MIX)}")
    results = run(args)
    results["date"] = args.date
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    args.doc.parent.mkdir(parents=True, exist_ok=True)
    args.doc.write_text(markdown(results), encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
