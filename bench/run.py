"""``make bench``: every benchmark, one after the other, figures to ``bench/out/*.json``.

- seed: ``reskg load data/`` into a fresh store, as a user runs it (process start included),
  best of 3;
- export: ``reskg export`` against raw ``Store.dump`` on a ≥1M-triple store
  (``bench/export_bench.py``);
- endpoint: the query mix against our server, pyoxigraph in-process, a bare Starlette app and
  rdflib-endpoint (``bench/endpoint_bench.py``);
- corpus: 1,000 generated resolutions in varied formats through ``reskg load``
  (``bench/corpus_bench.py``);
- soak: one server that accepts writes under 8 clients' mixed reads and writes for 10 minutes —
  errors, p50/p99, RSS over time (``bench/soak_bench.py``; ``--seconds`` there for a shorter
  run).

- large: one large resolution (0.5 and 1 MB) through ``reskg load``: time and peak memory
  (``bench/large_bench.py``).
- pages: every kind of HTML page (home, search, the faceted browser, resource pages, /dataset, a
  named query) against ``reskg serve`` on a ~1M-triple store: median and p95 per page
  (``bench/pages_bench.py``; figures in docs/bench-pages.md).

Not run by default (named only: ``python bench/run.py server``, ``make bench-server``):

- server: ``reskg serve`` start-up, the switch to the in-memory copy, memory (PSS/RSS of the
  process tree) and query latency on disk and in memory at 1M and 10M triples
  (``bench/server_bench.py``; builds a 10M-triple store the first time: ~15 minutes in all).

``python bench/run.py seed export`` runs only those. Machine load is recorded with each figure:
the numbers mean little on a busy machine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
PY = sys.executable
RESKG = str(Path(PY).with_name("reskg"))


def seed() -> None:
    store = OUT / "seed-store"
    times = []
    for _ in range(3):
        shutil.rmtree(store, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run([RESKG, "load", str(REPO / "data"), "--store", str(store), "-q"],
                       check=True)
        times.append(time.perf_counter() - start)
    result = {"seed_load_s": round(min(times), 2), "runs_s": [round(t, 2) for t in times],
              "loadavg": os.getloadavg()}
    (OUT / "seed.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"seed load (reskg load data/, fresh store, process start included): "
          f"{result['seed_load_s']} s")


def script(name: str, *args: str) -> None:
    path = HERE / name
    if not path.exists():
        print(f"{name}: not there yet, skipped")
        return
    subprocess.run([PY, str(path), *args], check=True, cwd=REPO)


BENCHMARKS = {
    "seed": seed,
    "export": lambda: script("export_bench.py", "--triples", "1000000",
                             "--out", str(OUT / "export.json")),
    "endpoint": lambda: script("endpoint_bench.py", "--triples", "1000000",
                               "--out", str(OUT / "endpoint.json")),
    "corpus": lambda: script("corpus_bench.py"),
    "soak": lambda: script("soak_bench.py", "--seconds", "600",
                           "--out", str(OUT / "soak.json")),
    "large": lambda: script("large_bench.py", "--sizes", "0.5", "1",
                            "--out", str(OUT / "large.json")),
    "pages": lambda: script("pages_bench.py", "--triples", "1000000",
                            "--out", str(OUT / "pages.json")),
}
#: Benchmarks run only when named (too slow or too memory-hungry for every ``make bench``).
ON_REQUEST = {
    "server": lambda: script("server_bench.py", "--sizes", "1000000", "10000000",
                             "--out", str(OUT / "server.json")),
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    chosen = sys.argv[1:] or list(BENCHMARKS)
    for name in chosen:
        known = BENCHMARKS | ON_REQUEST
        if name not in known:
            sys.exit(f"unknown benchmark {name!r}; choose from {', '.join(known)}")
        print(f"== {name} (load average {os.getloadavg()[0]:.2f})", flush=True)
        known[name]()


if __name__ == "__main__":
    main()
