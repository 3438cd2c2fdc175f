"""Dumps of the whole dataset and its statistics: built in the background, cached on disk, keyed
on the store version.

Three gzipped files (:data:`FORMATS`): Turtle of the union of all graphs (what the SPARQL endpoint
queries as its default graph), and N-Quads and TriG of every named graph; beside them the VoID
statistics of the same data (:mod:`.void`). The key (:func:`fingerprint`) is the store version the
server serves (:mod:`resolutions_kg.store`), which every write advances, even one that keeps the
number of triples. No request waits for a build: :class:`Dumps` answers the last completed build,
which says which version and modified date it describes, and rebuilds in the background after
the store moved on — one build at a time, a burst of writes coalesced into one (the server's
``/dumps/`` and ``/dataset`` say when a newer build is under way). A build checkpoints the store
(RocksDB hard links, under the write lock, so that the data and its version agree) and runs
:mod:`.dump_build` on the checkpoint in a child process, into a temporary folder renamed to
``{cache}/{key}/`` in one step, so a reader sees either the old set or the new one, never half of
one; older sets are removed afterwards (all but the one before). Gzip headers carry no name or
time, so the same data always gives byte-identical files (and the same sha256, which is the
files' ETag).

The cache folder is ``dumps/`` inside the store folder (beside RocksDB's files, not among them);
for an in-memory store, or a store folder we may not write to, a temporary folder.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from resolutions_kg import heap
from resolutions_kg.endpoint.scratch import default_cache, is_temporary
from resolutions_kg.errors import StoreError
from resolutions_kg.formats import RdfFormat
from resolutions_kg.store import read_state, store_version

logger = logging.getLogger(__name__)

MANIFEST = "manifest.json"
STATISTICS = "statistics.json"  # dump_build.STATISTICS
STEM = "resolutions-kg"
#: zlib's default (why not 9: docs/performance-notes.md, docs/bench-soak.md)
GZIP_LEVEL = 6


@dataclass(frozen=True)
class DumpFormat:
    format: RdfFormat
    title: str
    #: True: the union of all graphs as triples; False: every graph, as quads
    union: bool

    @property
    def name(self) -> str:
        return f"{STEM}.{self.format.suffix}.gz"

    @property
    def media_type(self) -> str:
        return self.format.media_type


FORMATS: tuple[DumpFormat, ...] = (
    DumpFormat(RdfFormat.TURTLE, "Turtle (union of all graphs)", True),
    DumpFormat(RdfFormat.N_QUADS, "N-Quads (all graphs)", False),
    DumpFormat(RdfFormat.TRIG, "TriG (all graphs)", False),
)
BY_NAME = {f.name: f for f in FORMATS}


@dataclass(frozen=True)
class DumpFile:
    """One generated dump file and what the listing says about it."""

    name: str
    media_type: str
    title: str
    size: int
    sha256: str
    #: when the data was last modified (ISO 8601, UTC, seconds)
    modified: str
    path: Path

    @property
    def etag(self) -> str:
        return f'"{self.sha256}"'

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        del data["path"]
        data["encoding"] = "gzip"
        return data


def fingerprint(store: ox.Store, state: dict[str, Any] | None = None) -> str:
    """The cache key of a store: its version (:func:`resolutions_kg.store.store_version`) when
    its ``state`` records one; else (a store no write of ours recorded, a remote store) a digest
    of its named graphs and quad count."""
    version = store_version(state or {})
    if version:
        return "v" + version
    digest = hashlib.sha256()
    for graph in sorted(str(g) for g in store.named_graphs()):
        digest.update(graph.encode() + b"\n")
    digest.update(str(len(store)).encode())
    return digest.hexdigest()[:20]


@dataclass(frozen=True)
class Build:
    """One completed build: the dumps and the statistics of one store version."""

    key: str
    #: when the data it describes was last modified (ISO 8601, UTC, seconds)
    modified: str
    files: list[DumpFile]
    #: :func:`.void.statistics` of that version, with ``examples``
    stats: dict[str, Any]


class Dumps:
    """The dump files and statistics of one store, rebuilt in the background.

    ``store`` is the store or a function that returns it; ``state`` a function that returns the
    store state the caller serves (by default the state file, read at each call); ``lock`` the
    lock writes hold (so that a checkpoint and the version it is labelled with agree).

    :meth:`latest` never waits: it answers the last completed build (None before the first)
    and, when the store has moved on, starts a rebuild. One build runs at a time, in a thread
    that checkpoints the store and runs :mod:`.dump_build` in a child process; when the store
    moved on while it ran, the thread builds again. A build starts once no write came for
    ``debounce`` seconds, or ``max_delay`` seconds after the store moved on under a steady
    stream of writes (which bounds the CPU rebuilding takes)."""

    def __init__(self, store: ox.Store | Callable[[], ox.Store], *, store_path: Path | None,
                 cache: Path | None = None,
                 state: Callable[[], dict[str, Any]] | None = None,
                 base_iri: str = "", lock: Any = None, debounce: float = 1.0,
                 max_delay: float = 30.0) -> None:
        self._store = store
        self.store_path = store_path
        self.cache = cache if cache is not None else default_cache(store_path, self)
        self._state = state
        self.base_iri = base_iri
        self._write_lock = lock
        self.debounce, self.max_delay = debounce, max_delay
        self._lock = threading.RLock()
        self._latest: Build | None = None
        self._thread: threading.Thread | None = None
        self._done = threading.Condition(self._lock)
        #: why the last build failed (logged; the build is tried again after the next write)
        self.failure: str | None = None
        self._failed_key: str | None = None
        #: builds completed by this object (each one a child process)
        self.builds = 0

    def close(self) -> None:
        """Remove the cache folder when it is a temporary one of this process (at the server's
        shutdown: uvicorn ends a process stopped by a signal with that signal, so no exit
        handler runs after it)."""
        if is_temporary(self.cache):
            shutil.rmtree(self.cache, ignore_errors=True)

    @property
    def store(self) -> ox.Store:
        return self._store() if callable(self._store) else self._store

    def state(self) -> dict[str, Any]:
        if self._state is not None:
            return self._state()
        return read_state(self.store_path) if self.store_path is not None else {}

    def key(self) -> str:
        """The cache key of the data served now (:func:`fingerprint`)."""
        return fingerprint(self.store, self.state())

    def latest(self) -> Build | None:
        """The last completed build, at once; starts a rebuild when the store moved on."""
        key = self.key()
        latest = self._latest
        if latest is None or latest.key != key:
            found = self._on_disk(key)  # built before a restart, or by another worker
            if found is not None:
                self._latest = latest = found
            else:
                self.refresh()
        return latest

    def pending(self) -> str | None:
        """The modified date of the data a build is under way (or about to start) for, when
        the last completed build is older than the data served; else None (also when the build
        for the data served failed: :attr:`failure` says why, and none is under way until the
        next write)."""
        latest = self._latest
        if latest is not None and latest.key == self.key() or self._stuck():
            return None
        return self._modified()

    def refresh(self) -> None:
        """Start the background build unless it runs (it rebuilds when the store moved on)."""
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="dumps-build",
                                                daemon=True)
                self._thread.start()

    def wait(self, timeout: float | None = None) -> Build | None:
        """The build of the data served now, waiting for it (the CLI and tests; never a
        request)."""
        with self._done:
            self._done.wait_for(lambda: self._current() is not None or self._stuck(), timeout)
        return self._current()

    def files(self) -> list[DumpFile]:
        """The dump files of the data served now, built first if needed (blocking)."""
        build = self._current()
        if build is None:
            self.refresh()
            build = self.wait()
        if build is None:
            raise StoreError(f"{self.cache}: cannot build the dumps: {self.failure}")
        return build.files

    def _current(self) -> Build | None:
        latest = self.latest()
        return latest if latest is not None and latest.key == self.key() else None

    def stuck(self) -> str | None:
        """When the build for the data served now failed, a sentence that says so (for the
        public: the reason itself is in the server's log)."""
        if not self._stuck():
            return None
        return ("The dumps and statistics of the latest changes could not be built (the reason "
                "is in the server's log); they are built again after the next change.")

    def _stuck(self) -> bool:
        return self._failed_key is not None and self._failed_key == self.key()

    def _run(self) -> None:
        try:
            self._loop()
        except Exception as exc:  # noqa: BLE001 - the thread's edge (a remote store gone)
            logger.error("dumps: the build thread stopped: %s", exc)
            with self._done:
                self._thread = None
                self._done.notify_all()

    def _settle(self) -> str:
        """Wait until no write came for ``debounce`` seconds (at most ``max_delay``): a burst
        of writes costs one build, after it. The key then."""
        key, start = self.key(), time.monotonic()
        while True:
            time.sleep(self.debounce)
            now = self.key()
            if now == key or time.monotonic() - start >= self.max_delay:
                return now
            key = now

    def _loop(self) -> None:
        while True:
            key = self._settle()
            latest = self._latest
            if latest is not None and latest.key == key or self._failed_key == key:
                with self._done:
                    self._done.notify_all()
                    if self.key() == key:  # else a write came in while we looked: go on
                        self._thread = None
                        return
                continue
            try:
                build = self._build()
            except Exception as exc:  # noqa: BLE001 - the thread's edge: log, try after a write
                self.failure, self._failed_key = str(exc), key
                logger.error("dumps: the build for %s failed: %s", key, exc)
                continue
            finally:
                heap.trim()
            if build is not None:
                with self._done:
                    self._latest, self.failure, self._failed_key = build, None, None
                    self.builds += 1
                    self._done.notify_all()

    def _build(self) -> Build | None:
        """Checkpoint the store and build from the checkpoint in a child process; None when
        the store moved on while it was being checkpointed (the caller tries again)."""
        try:
            self.cache.mkdir(parents=True, exist_ok=True)
            lock = (self.cache / ".lock").open("ab")
        except OSError as exc:
            raise StoreError(f"{self.cache}: cannot write dumps: {exc}") from exc
        with lock:  # the server processes of a read-only server share the cache: one builds
            fcntl.flock(lock, fcntl.LOCK_EX)
            found = self._on_disk(self.key())
            return found if found is not None else self._build_here()

    def _build_here(self) -> Build | None:
        try:
            work = Path(tempfile.mkdtemp(prefix=".build-", dir=self.cache))
        except OSError as exc:
            raise StoreError(f"{self.cache}: cannot write dumps: {exc}") from exc
        try:
            with self._write_lock or contextlib.nullcontext():
                key, modified = self.key(), self._modified()
                source = self._checkpoint(work)
            if key != self.key():
                return None
            result = subprocess.run(
                [sys.executable, "-m", "resolutions_kg.endpoint.dump_build", str(source),
                 str(work), self.base_iri, modified, "--gzip-level", str(GZIP_LEVEL)],
                capture_output=True, text=True, check=False)
            if result.returncode != 0:
                raise StoreError(f"dump build failed: {result.stderr.strip()[-2000:]}")
            if source.is_dir():
                shutil.rmtree(source, ignore_errors=True)
            else:
                source.unlink()
            try:
                os.rename(work, self.cache / key)
            except OSError:  # another worker got there first: its files are the same
                shutil.rmtree(work, ignore_errors=True)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        # the set before stays: a client may be reading it from the listing it just got
        keep = {key, self._latest.key if self._latest is not None else key}
        for old in self.cache.iterdir():
            if old.is_dir() and old.name not in keep and not old.name.startswith("."):
                shutil.rmtree(old, ignore_errors=True)
        return self._on_disk(key)

    def _checkpoint(self, work: Path) -> Path:
        """The store as it is now: a RocksDB checkpoint (hard links, instant) of an on-disk
        store, else its N-Quads."""
        target = work / "checkpoint"
        if self.store_path is not None:
            try:
                self.store.backup(str(target))
                return target
            except Exception:  # noqa: BLE001 - in memory, read-only, a remote store: dump it
                shutil.rmtree(target, ignore_errors=True)
        target = work / "source.nq"
        with target.open("wb") as out:
            self.store.dump(out, format=ox.RdfFormat.N_QUADS)
        return target

    def _on_disk(self, key: str) -> Build | None:
        folder = self.cache / key
        if not (folder / MANIFEST).exists():
            return None
        files = _read_manifest(folder)
        try:
            stats = json.loads((folder / STATISTICS).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        modified = files[0].modified if files else self._modified()
        return Build(key=key, modified=modified, files=files, stats=stats)

    def _modified(self) -> str:
        recorded = self.state().get("modified")
        if isinstance(recorded, str) and recorded:
            return recorded
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        return now.isoformat().replace("+00:00", "Z")


def _read_manifest(folder: Path) -> list[DumpFile]:
    try:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{folder}: unreadable dump manifest: {exc}") from exc
    return [DumpFile(path=folder / e["name"], **e) for e in manifest["files"]]


def http_date(iso: str) -> str:
    """``2026-11-25T21:00:00Z`` → ``Wed, 25 Nov 2026 21:00:00 GMT`` (for Last-Modified)."""
    from email.utils import format_datetime

    moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return format_datetime(moment.astimezone(dt.UTC), usegmt=True)
