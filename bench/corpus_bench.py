"""Benchmark: load a generated corpus of resolutions with ``reskg load``, one job and two.

    python bench/corpus_bench.py [-n 1000] [--jobs 1 2] [--out docs/bench-load.md]

Generates ``n`` documents (``bench/generate_corpus.py``, fixed seed) once, then for each number
of jobs loads them into a fresh store through the real command (``reskg load DIR --store S
--jobs N``, run in a fresh Python process so that peak memory is that run's alone) and reports
wall time, documents/s, triples/s, CPU time of the writer process and of its workers, and
peak resident memory of the writer and of its largest worker (``getrusage``: RUSAGE_SELF and
RUSAGE_CHILDREN). It checks that every generated document loaded, that each has the
recommendations it was generated with, and that the dumps of all runs are byte-identical; it
writes the figures, dated and with the machine's load averages, to ``docs/bench-load.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import json
import os
import pickle
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

RECOMMENDATIONS = """
PREFIX reskg: <https://w3id.org/resolutions-kg/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name (COUNT(?rec) AS ?n) WHERE { GRAPH ?g {
    ?source a reskg:SourceText ; rdfs:label ?name .
    ?resolution dct:source ?source .
    OPTIONAL { ?rec a reskg:Recommendation ; eli:is_part_of ?resolution }
} } GROUP BY ?name
"""


def run_one(corpus: Path, store: Path, jobs: int) -> dict[str, object]:
    """Load ``corpus`` with the real command in this process; the figures as a dict."""
    from resolutions_kg.cli import main
    from resolutions_kg.store import count_quads, open_store

    start = time.perf_counter()
    try:
        main(["load", str(corpus), "--store", str(store), "--jobs", str(jobs), "-q"],
             standalone_mode=False)
        exit_code = 0
    except SystemExit as exc:
        exit_code = int(exc.code or 0)
    wall = time.perf_counter() - start
    s = open_store(store, read_only=True)
    counts = {row["name"].value: int(row["n"].value) for row in s.query(RECOMMENDATIONS)}  # type: ignore[union-attr]
    quads = count_quads(s)
    del s
    kib = 1024  # ru_maxrss is in KiB on Linux
    me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return {
        "jobs": jobs, "exit_code": exit_code, "wall": wall, "documents": len(counts),
        "quads": quads, "recommendations": counts,
        "parent_peak_mib": me.ru_maxrss / kib, "child_peak_mib": workers.ru_maxrss / kib,
        "parent_cpu": me.ru_utime + me.ru_stime, "child_cpu": workers.ru_utime + workers.ru_stime,
    }


def stage_split(corpus: Path, count: int = 48) -> dict[str, float]:
    """CPU seconds per document of each stage, in one warmed-up process: parse, map, validate
    (in chunks, as the workers do), hand over (to N-Triples text, pickled and unpickled) and
    store (one transaction per document into an on-disk store)."""
    from resolutions_kg.iris import Minter
    from resolutions_kg.loaders import load_file
    from resolutions_kg.mapping import map_resolution
    from resolutions_kg.parallel import CHUNK, GC_THRESHOLDS, Prepared, _ntriples, warm_up
    from resolutions_kg.preparation import require_valid_documents
    from resolutions_kg.settings import DEFAULT_BASE_IRI as base
    from resolutions_kg.store import open_store, replace_graphs

    warm_up(base)
    gc.freeze()  # as in a worker
    gc.set_threshold(*GC_THRESHOLDS)
    minter = Minter(base)
    totals = dict.fromkeys(("parse", "map", "validate", "hand over", "store"), 0.0)
    files = sorted(corpus.iterdir())[:count]
    with tempfile.TemporaryDirectory(prefix="reskg-split-") as tmp:
        store = open_store(Path(tmp) / "store")
        for start in range(0, len(files), CHUNK):
            chunk = []
            for path in files[start:start + CHUNK]:
                t0 = time.process_time()
                resolution = load_file(path)
                t1 = time.process_time()
                chunk.append(map_resolution(resolution, minter))
                totals["parse"] += t1 - t0
                totals["map"] += time.process_time() - t1
            t0 = time.process_time()
            errors = require_valid_documents(chunk, base_iri=base, paths=[None] * len(chunk))
            gc.collect()  # as a worker does after each chunk
            totals["validate"] += time.process_time() - t0
            assert not any(errors), errors
            for mapped in chunk:
                t0 = time.process_time()
                prepared = pickle.loads(pickle.dumps(Prepared(
                    mapped.slug, mapped.resolution, _ntriples(mapped.document),
                    _ntriples(mapped.entities), 0, 0, ())))
                t1 = time.process_time()
                replace_graphs(store, {minter.graph(mapped.slug): prepared.document},
                               add={minter.graph("entities"): prepared.entities})
                totals["hand over"] += t1 - t0
                totals["store"] += time.process_time() - t1
        del store
    return {stage: took / len(files) for stage, took in totals.items()}


def dump_digest(store: Path) -> str:
    out = subprocess.run([str(Path(sys.executable).with_name("reskg")), "export", "--store",
                          str(store), "--format", "nquads"], capture_output=True, check=True)
    return hashlib.sha256(out.stdout).hexdigest()


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor() or "unknown CPU")
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {platform.system()}"


def load_average() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def _verdict(rows: list[dict[str, object]], count: int) -> str:
    two = [float(r["wall"]) for r in rows if r["jobs"] == 2]  # type: ignore[arg-type]
    if count != 1000 or not two:
        return "."
    return f": {'met' if two[0] < 60 else 'not met'} ({two[0]:.1f} s)."


def report(rows: list[dict[str, object]], count: int, problems: list[str], same_dump: bool,
           split: dict[str, float]) -> str:
    lines = [
        "# Corpus load benchmark",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {machine()}, by "
        "`python bench/corpus_bench.py` (`make bench`). "
        f"{count} synthetic resolutions from `bench/generate_corpus.py` (seed 20261125: .txt in "
        "UTF-8, UTF-8 with BOM, cp1251 and KOI8-R, .md, .html in UTF-8 and windows-1251, .docx; "
        "seven forms of the operative part), each loaded into a fresh store with "
        "`reskg load DIR --store S --jobs N`. Wall time includes starting the worker processes "
        "and loading their models; CPU is user plus system time of the writer process (with "
        "one job, all the work) and of its workers together, the figure other work on the "
        "machine disturbs least; peak memory is the maximum resident set of the writer "
        "process and of the largest worker.",
        "",
        "| jobs | documents | failed | wall s | documents/s | triples/s | writer CPU s "
        "| workers CPU s | writer peak MiB | worker peak MiB | load average before (1/5/15 min) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        wall = float(r["wall"])  # type: ignore[arg-type]
        lines.append(
            f"| {r['jobs']} | {r['documents']} | {count - int(r['documents'])} "  # type: ignore[call-overload]
            f"| {wall:.1f} | {int(r['documents']) / wall:.1f} "  # type: ignore[call-overload]
            f"| {int(r['quads']) / wall:,.0f} | {float(r['parent_cpu']):.1f} "  # type: ignore[arg-type]
            f"| {float(r['child_cpu']):.1f} | {float(r['parent_peak_mib']):.0f} "  # type: ignore[arg-type]
            f"| {float(r['child_peak_mib']):.0f} | {r['load_before']} |"  # type: ignore[arg-type]
        )
    lines += [
        "",
        f"Triples in the store after each run: {rows[0]['quads']:,} (documents, shared "
        "entities and system graphs).",
        f"Dumps (`reskg export --format nquads`) of all runs byte-identical: "
        f"{'yes' if same_dump else 'NO'}.",
        "Every document loaded with the recommendations it was generated with: "
        + ("yes." if not problems else f"no — {len(problems)} problems:"),
        *(f"- {p}" for p in problems[:20]),
        "",
        "The machine is shared: other work raises the load averages in the table, and with "
        "them the wall times. Target: 1,000 documents in under 60 s with two jobs on two cores"
        + _verdict(rows, count),
        "",
        "## Where the time goes",
        "",
        "CPU milliseconds per document of each stage, measured in one warmed-up process (with "
        "the workers' garbage collector settings) on the first 48 documents (parse, map and "
        "validate — in chunks of 8 documents — run in the workers; the writer hands over and "
        "stores):",
        "",
        "| " + " | ".join(split) + " | total |",
        "|" + "---:|" * (len(split) + 1),
        "| " + " | ".join(f"{1000 * took:.1f}" for took in split.values())
        + f" | {1000 * sum(split.values()):.1f} |",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "bench-load.md")
    parser.add_argument("--run-one", nargs=3, metavar=("CORPUS", "STORE", "JOBS"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--split", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.split:
        print(json.dumps(stage_split(args.split)))
        return
    if args.run_one:
        corpus, store, jobs = args.run_one
        print(json.dumps(run_one(Path(corpus), Path(store), int(jobs))))
        return

    from generate_corpus import expected_recommendations, generate_documents

    with tempfile.TemporaryDirectory(prefix="reskg-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        expected = expected_recommendations(generate_documents(corpus, args.count))
        rows, digests, problems = [], set(), []
        for jobs in args.jobs:
            store = Path(tmp) / f"store-{jobs}"
            load_before = load_average()
            out = subprocess.run([sys.executable, __file__, "--run-one", str(corpus), str(store),
                                  str(jobs)], capture_output=True, text=True, check=True)
            row = json.loads(out.stdout.strip().splitlines()[-1])
            row["load_before"] = load_before
            rows.append(row)
            digests.add(dump_digest(store))
            got = row.pop("recommendations")
            for name, n in expected.items():
                if got.get(name) != n:
                    problems.append(f"jobs {jobs}: {name}: {got.get(name)} recommendations "
                                    f"loaded, {n} generated")
            print(f"jobs {jobs}: {row['documents']} documents in {row['wall']:.1f} s "
                  f"(load average before {load_before})", file=sys.stderr)
        split = json.loads(subprocess.run(
            [sys.executable, __file__, "--split", str(corpus)], capture_output=True, text=True,
            check=True).stdout.strip().splitlines()[-1])
        text = report(rows, args.count, problems, len(digests) == 1, split)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
