"""resolutions_kg.heap gives freed memory back to the operating system (glibc)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROGRAM = """
import threading
from resolutions_kg import heap

def rss_kib():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))

kept = []

def build():  # 150 MB of 1 KB strings (glibc's malloc, not Python's small-object pool) in a
    # thread of its own, as a dump build in the server's pool; one in 64 outlives it, so the
    # freed memory lies in holes glibc does not give back by itself
    data = [str(i).ljust(1000) for i in range(150_000)]
    kept.extend(data[::64])

before = rss_kib()
t = threading.Thread(target=build); t.start(); t.join()
grown = rss_kib()
trimmed = heap.trim()
print(before, grown, rss_kib(), trimmed)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_trim_returns_freed_pages_to_the_system() -> None:
    out = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True,
                         check=True).stdout.split()
    before, grown, after = (int(v) for v in out[:3])
    assert grown - before > 50_000, out  # the build really held tens of MB
    assert out[3] == "True"
    assert after - before < (grown - before) / 2, out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_limit_arenas_is_accepted() -> None:
    code = "from resolutions_kg import heap; print(heap.limit_arenas(2))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "True"
