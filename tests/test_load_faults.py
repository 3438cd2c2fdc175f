"""``reskg load`` and the other commands when the machine or the store fails them.

Issue 13: a full disk gave hundreds of repeated lines and a traceback; a truncated RocksDB file a
traceback; after ``kill -9`` of ``reskg load`` its worker processes lived on.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import REPO, TVER, fill

from resolutions_kg.publish import collect_files

RESKG = str(Path(sys.executable).with_name("reskg"))


def reskg(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESKG_")}
    return subprocess.run([RESKG, *args], capture_output=True, text=True, timeout=600, env=env)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(REPO / "bench" / "generate_corpus.py"), str(folder),
                    "-n", "40"], check=True, capture_output=True)
    return folder


def quads(store: Path) -> set[ox.Quad]:
    return set(ox.Store.read_only(str(store)).quads_for_pattern(None, None, None))


def test_a_full_disk_stops_the_load_with_one_clear_line_and_nothing_half_written(
        small_disk: Path, corpus: Path, tmp_path: Path) -> None:
    store = small_disk / "store"
    assert reskg("load", str(TVER), "--store", str(store), "-q").returncode == 0
    before = quads(store)
    filler = fill(small_disk)
    os.truncate(filler, filler.stat().st_size - 512 * 1024)  # room to open, not to load
    loaded = reskg("load", str(corpus), "--store", str(store), "-q", "--jobs", "1")
    filler.unlink()
    assert loaded.returncode == 1
    lines = loaded.stderr.strip().splitlines()
    assert len(lines) == 1, loaded.stderr
    assert lines[0].startswith(f"reskg: error: {store}: cannot ")
    assert "No space left on device" in lines[0]
    # The documents that committed before the disk filled are kept whole, nothing else: the store
    # is what loading just those documents into a store of the state before gives.
    found = re.search(r"(\d+) documents? stored before it kept, nothing half-written", lines[0])
    assert found is not None, lines[0]
    kept = collect_files([corpus])[: int(found.group(1))]
    after = quads(store)
    assert before <= after
    reference = tmp_path / "reference"
    assert reskg("load", str(TVER), "--store", str(reference), "-q").returncode == 0
    if kept:
        assert reskg("load", *map(str, kept), "--store", str(reference), "-q").returncode == 0
    assert after == quads(reference)


def test_a_damaged_store_is_reported_in_one_line_with_what_to_do(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert reskg("load", str(TVER), "--store", str(store), "-q").returncode == 0
    largest = max(store.glob("*.sst"), key=lambda p: p.stat().st_size)
    os.truncate(largest, 100)
    for command in (["stats"], ["load", str(TVER), "--force"]):
        run = reskg(*command, "--store", str(store))
        assert run.returncode == 1
        assert "Traceback" not in run.stderr
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1, run.stderr
        assert lines[0].startswith(f"reskg: error: {store}: the store is damaged")
        assert "restore it from a dump" in lines[0]


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            text = (task / "children").read_text()
        except FileNotFoundError:  # the thread ended since the listing: it has no children
            continue
        found.update(int(c) for c in text.split())
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_workers_of_a_killed_load_die_with_it(tmp_path: Path, corpus: Path) -> None:
    load = subprocess.Popen([RESKG, "load", str(corpus), "--store", str(tmp_path / "store"),
                             "-q", "--jobs", "2"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while len(workers) < 2:
        assert load.poll() is None and time.monotonic() < deadline
        workers = children(load.pid)
        time.sleep(0.05)
    load.send_signal(signal.SIGKILL)
    load.wait()
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers):
        if time.monotonic() > deadline:
            for pid in workers:
                if alive(pid):
                    os.kill(pid, signal.SIGKILL)
            raise AssertionError("the workers outlived the load")
        time.sleep(0.05)
