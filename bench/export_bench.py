"""Export throughput: ``reskg export`` against raw ``Store.dump`` on a ≥1M-triple store.

Run: ``python bench/export_bench.py [--triples 1000000] [--out bench/out/export.json]``.
Each case writes to a file in ``bench/out/`` and is timed best-of-3 (wall clock). ``reskg export``
is timed as the command a user runs (a subprocess, start-up included) and as the library call.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import build_store  # noqa: E402

from resolutions_kg.export import export  # noqa: E402
from resolutions_kg.formats import RdfFormat  # noqa: E402
from resolutions_kg.namespaces import PREFIXES  # noqa: E402
from resolutions_kg.store import count_quads, graph_names, open_store  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
RESKG = str(Path(sys.executable).with_name("reskg"))


def best_of(n: int, fn: Callable[[], None]) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=OUT / "export.json")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    folder = OUT / f"export-store-{args.triples}"
    t0 = time.perf_counter()
    build_store(folder, args.triples)
    build_s = time.perf_counter() - t0
    store = open_store(folder, read_only=True)
    triples = count_quads(store)
    biggest = max(graph_names(store), key=lambda g: count_quads(store, g))
    target = OUT / "export.out"

    def raw(fmt: ox.RdfFormat, graph: str | None = None) -> Callable[[], None]:
        def run() -> None:
            kwargs = {"from_graph": ox.NamedNode(graph)} if graph else {}
            store.dump(str(target), fmt, prefixes=PREFIXES if fmt.supports_datasets else None,
                       **kwargs)
        return run

    def ours_lib(fmt: RdfFormat, graph: str | None = None) -> Callable[[], None]:
        def run() -> None:
            with open(target, "wb") as fh:
                export(store, fh, format=fmt, graph=graph)
        return run

    def ours_cli(fmt: RdfFormat) -> Callable[[], None]:
        def run() -> None:
            subprocess.run([RESKG, "export", "--store", str(folder), "--format", fmt.names[0],
                            "-o", str(target)], check=True)
        return run

    cases = [
        ("N-Quads, all graphs", raw(ox.RdfFormat.N_QUADS), ours_cli(RdfFormat.N_QUADS),
         ours_lib(RdfFormat.N_QUADS)),
        ("TriG, all graphs", raw(ox.RdfFormat.TRIG), ours_cli(RdfFormat.TRIG),
         ours_lib(RdfFormat.TRIG)),
        ("Turtle, union of all graphs (raw: TriG dump)", raw(ox.RdfFormat.TRIG),
         ours_cli(RdfFormat.TURTLE), ours_lib(RdfFormat.TURTLE)),
        ("N-Triples, union of all graphs (raw: N-Quads dump)", raw(ox.RdfFormat.N_QUADS),
         ours_cli(RdfFormat.N_TRIPLES), ours_lib(RdfFormat.N_TRIPLES)),
    ]
    results = []
    for name, raw_fn, cli_fn, lib_fn in cases:
        raw_s, cli_s, lib_s = best_of(3, raw_fn), best_of(3, cli_fn), best_of(3, lib_fn)
        results.append({
            "case": name,
            "triples": triples,
            "raw_s": round(raw_s, 3),
            "reskg_export_s": round(cli_s, 3),
            "library_s": round(lib_s, 3),
            "raw_triples_per_s": round(triples / raw_s),
            "reskg_triples_per_s": round(triples / cli_s),
            "ratio_cli": round(cli_s / raw_s, 3),
            "ratio_library": round(lib_s / raw_s, 3),
        })
        print(f"{name}: raw {raw_s:.2f}s, reskg export {cli_s:.2f}s ({cli_s / raw_s:.2f}x), "
              f"library {lib_s:.2f}s ({lib_s / raw_s:.2f}x)")
    graph_n = count_quads(store, biggest)
    results.append({"case": "largest graph note", "graph": biggest, "triples": graph_n})
    args.out.write_text(json.dumps({"store_triples": triples, "build_s": round(build_s, 1),
                                    "results": results}, indent=2), encoding="utf-8")
    target.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
