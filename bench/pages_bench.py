"""Page benchmark: how long each kind of HTML page takes on the benchmark store (issue 15's target:
under 100 ms on a store of a million triples).

    python bench/pages_bench.py [--triples 1000000] [--requests 30] [--workdir DIR]
                                [--out bench/out/pages.json] [--doc docs/bench-pages.md]

The store is the endpoint benchmark's (bench/endpoint_setup.py: synthetic resolutions with their
recommendations, events, addressees and lemmas), bulk-loaded and given a version as ``reskg load``
gives one. A real ``reskg serve`` over it (read-only, the copy in memory, its default processes),
a real httpx client, one request at a time: for each page kind the first request (which may build
a per-version cache or index), then ``--requests`` more, of which the median and p95 are reported.
Prints a Markdown table; the JSON goes to ``--out``, the Markdown to ``--doc`` when given.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from endpoint_bench import free_port  # noqa: E402
from endpoint_setup import build_store  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
TARGET_MS = 100.0
#: (kind, path) of every page measured; IRIs of the generated store.
PAGES = [
    ("home", "/"),
    ("search (3 words)", "/search?q=цифровые+библиотеки+краеведение"),
    ("search (1 word)", "/search?q=музеям"),
    ("recommendations", "/recommendations"),
    ("recommendations, 1 facet", "/recommendations?addressee=audience/muzei"),
    ("recommendations, 2 facets", "/recommendations?year=2012&addressee=audience/arkhivy"),
    ("recommendations, page 5", "/recommendations?addressee=audience/shkoly&page=5"),
    ("resolution", "/resolution/doc-42"),
    ("recommendation", "/resolution/doc-42/recommendation/3"),
    ("event", "/event/doc-42"),
    ("dataset", "/dataset"),
    ("named query", "/queries/addressees"),
]


def prepare(work: Path, triples: int) -> tuple[Path, int]:
    """The store under ``work``, made once (kept for the next run), with a recorded version."""
    from resolutions_kg.settings import DEFAULT_BASE_IRI
    from resolutions_kg.store import mark_modified, read_state

    store_path = work / "pages-store"
    count_file = work / "pages-store.triples"
    if not store_path.exists() or not count_file.exists():
        count = build_store(store_path, triples)
        count_file.write_text(str(count), encoding="utf-8")
    if "version" not in read_state(store_path):  # as `reskg load` records it
        mark_modified(store_path, DEFAULT_BASE_IRI)
    return store_path, int(count_file.read_text(encoding="utf-8"))


def wait_in_memory(base: str, process: subprocess.Popen[bytes], timeout: float = 900) -> None:
    """Until every answer of /health says the store is queried in memory."""
    import httpx

    deadline = time.monotonic() + timeout
    streak = 0
    while time.monotonic() < deadline and streak < 8:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with httpx.Client(timeout=30) as fresh:  # a new connection: any server process
                body = fresh.get(base + "/health").json()
            streak = streak + 1 if body.get("store") == "memory" else 0
        except httpx.TransportError:
            streak = 0
        time.sleep(0.25)
    if streak < 8:
        raise RuntimeError("the server did not get its in-memory copy in time")


def measure(base: str, requests: int) -> list[dict[str, Any]]:
    import httpx

    rows = []
    with httpx.Client(base_url=base, timeout=120, headers={"Accept": "text/html"}) as client:
        for kind, path in PAGES:
            times = []
            for _ in range(requests + 1):
                start = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise RuntimeError(f"{path}: {response.status_code} {response.text[:200]}")
            first, rest = times[0], sorted(times[1:])
            rows.append({"page": kind, "path": path, "first_ms": round(first, 1),
                         "median_ms": round(statistics.median(rest), 1),
                         "p95_ms": round(rest[min(len(rest) - 1, int(0.95 * len(rest)))], 1),
                         "bytes": len(response.content)})
            print(f"{kind}: median {rows[-1]['median_ms']} ms", file=sys.stderr, flush=True)
    return rows


def markdown(result: dict[str, Any]) -> str:
    lines = [
        f"Measured {result['date']} on {result['machine']}, store of {result['triples']:,} "
        f"triples, {result['requests']} requests per page after the first, one at a time "
        f"(load average {result['loadavg'][0]:.2f} at the start). Target: under "
        f"{TARGET_MS:.0f} ms.",
        "",
        "| page | path | first (ms) | median (ms) | p95 (ms) | under target |",
        "|---|---|---:|---:|---:|---|",
    ]
    for row in result["rows"]:
        ok = "yes" if row["p95_ms"] < TARGET_MS else "no"
        lines.append(f"| {row['page']} | `{row['path']}` | {row['first_ms']} | "
                     f"{row['median_ms']} | {row['p95_ms']} | {ok} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--workdir", type=Path, default=None,
                        help="keep the generated store here (default: a temporary folder)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "pages.json")
    parser.add_argument("--doc", type=Path, default=None)
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="reskg-pages-"))
    work.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    store_path, triples = prepare(work, args.triples)
    print(f"store of {triples} triples ready in {time.perf_counter() - t:.1f} s", flush=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen([str(Path(sys.executable).with_name("reskg")), "serve",
                                "--store", str(store_path), "--port", str(port),
                                "--log-level", "warning", "--max-client-queries", "0"])
    try:
        t = time.perf_counter()
        wait_in_memory(base, process)
        print(f"server up, store in memory, after {time.perf_counter() - t:.1f} s", flush=True)
        loadavg = os.getloadavg()
        rows = measure(base, args.requests)
    finally:
        process.terminate()
        process.wait(timeout=60)
    result = {"date": time.strftime("%Y-%m-%d"), "triples": triples, "requests": args.requests,
              "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
                         f"{platform.python_version()}",
              "loadavg": loadavg, "rows": rows}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    table = markdown(result)
    print(table)
    if args.doc:
        args.doc.write_text("# Page benchmark\n\n" + (__doc__ or "").split("\n\n", 1)[1]
                            + "\n" + table, encoding="utf-8")


if __name__ == "__main__":
    main()
