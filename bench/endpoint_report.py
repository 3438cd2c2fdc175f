"""The Markdown report of the endpoint benchmark: the table, and the issue-4 targets checked."""

from __future__ import annotations

import statistics
from typing import Any

from endpoint_bench import BARE, CLIENTS, IN_PROCESS, IN_PROCESS_DISK, OURS, RDFLIB, TARGETS
from endpoint_setup import QUERIES

#: A query that costs rdflib-endpoint this much (p50, one client) is a heavy one.
HEAVY_MS = 5.0
#: A query that costs pyoxigraph in-process less than this (p50, one client) is a tiny one.
TINY_MS = 1.0


def _ratio(by: dict[Any, Any], other: str, name: str, clients: int) -> float | None:
    ours, o = by.get((OURS, name, clients)), by.get((other, name, clients))
    return ours["rps"] / o["rps"] if ours and o and o["rps"] else None


def _paired(by: dict[Any, Any], other: str, name: str, clients: int) -> float | None:
    """The median of the round-by-round ratios: in each round the targets are measured within
    seconds of each other, so a slow spell of the shared machine hits both sides of a ratio."""
    ours, o = by.get((OURS, name, clients)), by.get((other, name, clients))
    if not (ours and o and ours.get("rps_rounds") and o.get("rps_rounds")):
        return None
    ratios = [a / b for a, b in zip(ours["rps_rounds"], o["rps_rounds"], strict=False) if b]
    return statistics.median(ratios) if ratios else None


def _fmt(x: float | None) -> str:
    return f"{x:.2f}×" if x is not None else "–"


def _line(by: dict[Any, Any], name: str, clients: int, target: str, other: str,
          goal: float) -> str:
    r, p = _ratio(by, other, name, clients), _paired(by, other, name, clients)
    met = r is not None and p is not None and r >= goal and p >= goal
    return f"| {name} | {clients} | {target} | {_fmt(r)} | {_fmt(p)} | " \
           f"{'met' if met else '**missed**'} |"


def targets(by: dict[Any, Any]) -> list[str]:
    """One line per target and query: the figures, the goal, met or not (on the medians)."""
    lines = []
    for name in QUERIES:
        rdflib1, inproc1 = by.get((RDFLIB, name, 1)), by.get((IN_PROCESS, name, 1))
        if rdflib1:
            heavy = rdflib1["p50_ms"] >= HEAVY_MS
            kind = f"{'heavy' if heavy else 'light'}: {rdflib1['p50_ms']:.1f} ms there"
            for clients in (CLIENTS if heavy else (8,)):
                lines.append(_line(by, name, clients,
                                   f"{'≥10×' if heavy else '≥2×'} rdflib-endpoint ({kind})",
                                   RDFLIB, 10.0 if heavy else 2.0))
        if inproc1 and inproc1["p50_ms"] >= TINY_MS:
            lines.append(_line(by, name, 1, f"≥0.8× in-process ({inproc1['p50_ms']:.1f} ms "
                                            "there)", IN_PROCESS, 0.8))
        elif inproc1:
            for clients in CLIENTS:
                lines.append(_line(by, name, clients, f"≥1× bare Starlette (tiny: "
                                   f"{inproc1['p50_ms']:.2f} ms in-process)", BARE, 1.0))
        ours8 = by.get((OURS, name, 8))
        if ours8:
            cores = ours8["server_cores"]
            lines.append(f"| {name} | 8 | both cores in use (server CPU > 1 core) | "
                         f"{cores:.2f} cores | | {'met' if cores > 1.0 else '**missed**'} |")
    return lines


def markdown(results: dict[str, Any]) -> str:
    rows = results["rows"]
    by = {(r["target"], r["query"], r["clients"]): r for r in rows}
    s = results.get("settings", {})
    lines = [
        "# Endpoint benchmark",
        "",
        f"Measured {results.get('date', '')} with `python bench/endpoint_bench.py --triples "
        f"{s.get('triples', results['triples'])} --repeats {s.get('repeats', 1)}` on "
        f"{results['machine']}; versions: "
        + ", ".join(f"{k} {v}" for k, v in results["versions"].items()) + ".",
        "",
        f"{results['triples']:,} triples of synthetic resolutions (docs/model.md shapes). "
        "Closed loop, loopback, the same load generator for every HTTP target: "
        + ("`wrk` (C; one keep-alive connection per client, two threads at most) "
           if results.get("load_generator") == "wrk" else
           "Python http.client clients in threads, one keep-alive connection each, ")
        + "gzip accepted (in-process: Python threads calling `store.query` and serialising). "
        "Our server is run as `reskg serve` "
        "with its defaults: a read-only server with one process per core, each querying an "
        "in-memory copy of the store; `pyoxigraph in-process` and the bare app query an "
        "in-memory copy too (the like-for-like limit and HTTP floor), and `pyoxigraph "
        "in-process (disk)` the on-disk store. The client threads run on the "
        "same two cores as the servers. "
        f"Each cell was measured in {s.get('repeats', 1)} rounds, the targets taking turns "
        "within each round (rdflib-endpoint, whose rounds are long, in the first "
        f"{s.get('rdflib_repeats', s.get('repeats', 1))}); a cell shows the medians of its "
        "rounds' requests/s · p50 ms · "
        "p99 ms. `cores` is the CPU time of our server's processes per wall-clock "
        "second, median of the rounds.",
        "",
        f"Machine load average (1 min): {results.get('load_average_at_start', 0):.1f} at the "
        f"start, {results.get('load_average_max', 0):.1f} at most during, "
        f"{results.get('load_average_at_end', 0):.1f} at the end. The benchmark itself keeps up "
        "to about four processes busy at 8 clients (a server, wrk, in-process threads); a load "
        "above that means outside work shared the machine and every target suffered alike.",
        "",
        "| query | clients | " + " | ".join(TARGETS) + " | ours/rdflib | ours/in-process "
        "| ours/in-process (disk) | ours/bare | cores (ours) |",
        "|---|---|" + "---|" * (len(TARGETS) + 5),
    ]
    for name in QUERIES:
        for clients in CLIENTS:
            cells = []
            for target in TARGETS:
                r = by.get((target, name, clients))
                cells.append(f"{r['rps']:.1f} · {r['p50_ms']:.2f} · {r['p99_ms']:.2f}"
                             if r else "–")
            ours = by.get((OURS, name, clients))
            cores = f"{ours['server_cores']:.2f}" if ours else "–"
            lines.append(f"| {name} | {clients} | " + " | ".join(cells) + " | "
                         + " | ".join(_fmt(_ratio(by, t, name, clients))
                                      for t in (RDFLIB, IN_PROCESS, IN_PROCESS_DISK, BARE))
                         + f" | {cores} |")
    lines += [
        "",
        "## Targets (issue 4, point 10)",
        "",
        "A ratio is given twice: of the two targets' medians, and `paired`, the median of the "
        "round-by-round ratios (each round's targets are measured within seconds of each "
        "other, so a slow spell of the shared machine falls on both sides of a ratio). A "
        "target counts as met only when both reach it.",
        "",
        "| query | clients | target | ours (medians) | paired | |",
        "|---|---|---|---|---|---|",
        *targets(by),
    ]
    return "\n".join(lines) + "\n"
