"""A load killed at any moment leaves the store either as it was or fully loaded — never half."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS, TVER

from resolutions_kg.export import export
from resolutions_kg.formats import RdfFormat
from resolutions_kg.store import open_store

RESKG = str(Path(sys.executable).with_name("reskg"))

#: Moments (fractions of the time a whole load of the big document took) at which a load is
#: killed with SIGKILL: from Python's start-up through parsing and mapping to the write.
KILL_AT = (0.15, 0.35, 0.55, 0.75, 0.9)


def nquads(store: Path) -> bytes:
    """The store's N-Quads as ``reskg export`` writes them, read in this process once the
    loading process has ended (a ``reskg export`` a kill costs a Python start-up more)."""
    out = io.BytesIO()
    opened = open_store(store, read_only=True)
    export(opened, out, format=RdfFormat.N_QUADS)
    del opened  # closed before the folder is copied
    return out.getvalue()


def big_resolution(path: Path, extra: int = 600) -> Path:
    """The Tver text with thousands more recommendations: same document, much longer load."""
    text = TVER.read_text(encoding="utf-8")
    marker = "Участники выражают надежду"
    head, tail = text.split(marker, 1)
    items = "".join(
        f"Развивать партнерство с организацией номер {n} в сфере культуры и чтения.\n\n"
        for n in range(extra)
    )
    path.write_text(head.rstrip("\n") + "\n\n" + items + marker + tail, encoding="utf-8")
    return path


def kill_at_moments(tmp_path: Path, base: Path, big: Path,
                    fractions: tuple[float, ...] = KILL_AT) -> list[str]:
    """Load ``big`` into copies of a store holding ``base``, killing each load with SIGKILL at
    those ``fractions`` of the time a whole load took; each store must then be as it was or
    fully loaded. Returns which, per kill."""
    # Every run starts from a copy of one closed store (a copy of its folder is the same store:
    # loading the base once saves a load and an export per kill).
    start = tmp_path / "start"
    subprocess.run([RESKG, "load", str(base), "--store", str(start), "-q"], check=True)
    before = nquads(start)
    complete = tmp_path / "complete"
    shutil.copytree(start, complete)
    began = time.monotonic()
    subprocess.run([RESKG, "load", str(big), "--store", str(complete), "-q"], check=True)
    took = time.monotonic() - began
    after = nquads(complete)
    assert before != after

    outcomes = []
    moments = [took * f for f in fractions]
    for n, delay in enumerate(moments):
        store = tmp_path / f"s{n}"
        shutil.copytree(start, store)
        proc = subprocess.Popen([RESKG, "load", str(big), "--store", str(store), "-q"])
        try:
            proc.wait(timeout=delay)  # a load that ends sooner is not waited for to the end
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=300)
        now = nquads(store)
        assert now in (before, after), f"half-written store after kill at {delay}s"
        outcomes.append("before" if now == before else "after")
    return outcomes


@pytest.mark.slow
def test_kill_9_during_load_never_leaves_a_half_written_store(tmp_path: Path) -> None:
    """The document's graph is there already: the load replaces it."""
    outcomes = kill_at_moments(tmp_path, TVER, big_resolution(tmp_path / "big.txt"))
    # The property holds whichever way each kill fell; at least one kill must have landed
    # before the commit for the test to say anything.
    assert "before" in outcomes, outcomes


@pytest.mark.slow
def test_kill_9_during_a_first_load_never_leaves_a_half_written_graph(tmp_path: Path) -> None:
    """The document's graph is new (another document is in the store): its quads go in by
    one ``Store.load`` of N-Quads handed over a slice at a time, which must be as atomic. The
    kills fall late in the load, where it writes (the write is about half of a large load)."""
    outcomes = kill_at_moments(tmp_path, CORPUS / "novgorod-2014.md",
                               big_resolution(tmp_path / "big.txt"),
                               fractions=(0.3, 0.55, 0.7, 0.8, 0.9))
    assert "before" in outcomes, outcomes
