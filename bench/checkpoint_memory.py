"""What a write followed by a checkpoint costs RocksDB's memory, without the server.

    .venv/bin/python bench/checkpoint_memory.py [--iterations 10000] [--reopen-every 0]

Each iteration replaces a small named graph (a SPARQL update) and checkpoints the store
(``Store.backup``), as ``AppContext.write`` does for every write; every 1,000 iterations it prints
the process's anonymous PSS and glibc's malloc in use. With ``--reopen-every N`` the store is
closed and opened again every N iterations. Measured in session 16 (docs/bench-soak.md): the
memory grows about 0.4 KB an iteration without reopening and stays level with a reopen every
2,000.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]


def _malloc_in_use_kib() -> int:
    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = _MallInfo2
    return int(libc.mallinfo2().uordblks) // 1024


def _anonymous_mib() -> int:
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss_Anon"):
            return int(line.split()[1]) // 1024
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=10_000)
    parser.add_argument("--reopen-every", type=int, default=0,
                        help="close and reopen the store every N iterations (0: never)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="reskg-checkpoint-") as work:
        path, checkpoints = Path(work) / "store", Path(work) / "checkpoints"
        checkpoints.mkdir()
        store = ox.Store(str(path))
        print(f"start: {_anonymous_mib()} MiB anonymous, {_malloc_in_use_kib()} KiB malloc",
              flush=True)
        for i in range(args.iterations):
            graph = f"http://example.org/graph/{i % 4}"
            store.update(f"DROP SILENT GRAPH <{graph}>; INSERT DATA {{ GRAPH <{graph}> "
                         f"{{ <http://example.org/e/{i}> <http://example.org/p> \"{i}\" }} }}")
            store.backup(str(checkpoints / f"{i:06d}"))
            shutil.rmtree(checkpoints / f"{i - 2:06d}", ignore_errors=True)
            if args.reopen_every and (i + 1) % args.reopen_every == 0:
                del store
                gc.collect()
                store = ox.Store(str(path))
            if (i + 1) % 1000 == 0:
                print(f"{i + 1}: {_anonymous_mib()} MiB anonymous, {_malloc_in_use_kib()} KiB "
                      "malloc", flush=True)
        del store
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
