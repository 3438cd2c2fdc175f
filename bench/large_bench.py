"""One large resolution through ``reskg load``: time and peak memory against the size of the text.

    python bench/large_bench.py [--sizes 0.5 1 2 5] [--out bench/out/large.json]

The document is the Tver 2012 resolution with its recommendations repeated until the text has the
given size in MB of UTF-8 (a 5 MB resolution has about 35,000 recommendations and 1.2 million
triples). Each size is loaded into a
fresh store by ``reskg load`` in a process of its own (start-up included); the peak resident memory
is that process's and its children's (``getrusage``), and so is the CPU time (user and system),
which a machine shared with other work inflates less than the wall time. The targets (issue 12):
time and memory linear in the input, 5 MB in under 30 s and 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TVER = REPO.parent / "shared" / "corpus" / "tver-2012.txt"
RESKG = str(Path(sys.executable).with_name("reskg"))


def large_text(megabytes: float) -> str:
    base = TVER.read_text(encoding="utf-8")
    head, sep, tail = base.partition("*Библиотекам муниципальных образований:*")
    items = "\n\n".join(tail.split("\n\n")[1:7]) + "\n\n"
    size = len(items.encode("utf-8"))
    repeats = max(1, int((megabytes * 1e6 - len((head + sep).encode("utf-8"))) / size))
    return head + sep + "\n\n" + items * repeats


def measure(megabytes: float, folder: Path) -> dict[str, float]:
    path = folder / f"large-{megabytes}.txt"
    path.write_text(large_text(megabytes), encoding="utf-8")
    store = folder / "store"
    shutil.rmtree(store, ignore_errors=True)
    start = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    subprocess.run([RESKG, "load", str(path), "--store", str(store), "-q",
                    "--max-document-size", str(100_000_000)], check=True)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"megabytes": round(path.stat().st_size / 1e6, 2), "seconds": round(seconds, 1),
            "cpu_seconds": round(usage.ru_utime + usage.ru_stime - cpu, 1),
            "peak_mib": round(max(usage.ru_maxrss, before) / 1024, 0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", type=float, default=[0.5, 1, 2, 5])
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "large.json")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            row = measure(size, Path(tmp))
            rows.append(row)
            print(f"{row['megabytes']:>5} MB: {row['seconds']:>6} s ({row['cpu_seconds']} s CPU), "
                  f"peak {row['peak_mib']:.0f} MiB, load average {os.getloadavg()[0]:.1f}",
                  flush=True)
    result = {"rows": rows, "loadavg": os.getloadavg()}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
