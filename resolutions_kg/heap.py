"""Give freed memory back to the operating system (glibc only; elsewhere these do nothing).

A long-running server that now and then builds something big — the dumps after a write, the
VoID statistics — frees it again, but glibc keeps the freed pages in its arenas, one arena per
thread that ever allocated, up to eight per core: the resident size of a server that handles
requests in a thread pool grows by the largest build times the number of arenas
(docs/bench-soak.md). :func:`limit_arenas` caps the arenas (``mallopt(M_ARENA_MAX)``, the same
as ``MALLOC_ARENA_MAX``) for threads that start afterwards; :func:`trim` returns the free pages
of every arena (``malloc_trim(0)``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys

#: malloc.h
M_ARENA_MAX = -8
#: Arenas a server process keeps: enough for two threads allocating at once.
SERVER_ARENAS = 2


@functools.cache
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim, libc.mallopt  # noqa: B018 - glibc has both; musl has neither
    except (OSError, AttributeError):
        return None
    return libc


def limit_arenas(count: int = SERVER_ARENAS) -> bool:
    """Cap glibc's malloc arenas at ``count``; True when it did."""
    libc = _libc()
    return bool(libc is not None and libc.mallopt(M_ARENA_MAX, count) == 1)


def trim() -> bool:
    """Return freed heap pages to the operating system; True when some were returned."""
    libc = _libc()
    return bool(libc is not None and libc.malloc_trim(0) == 1)


def available_bytes() -> int | None:
    """Memory the machine can give a new allocation without swapping (Linux ``MemAvailable``),
    or None where it cannot be read."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None
