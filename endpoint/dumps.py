"""Dumps of the whole dataset: generated lazily, cached on disk, keyed on the store version.

Three gzipped files (:data:`FORMATS`): Turtle of the union of all graphs (what the SPARQL endpoint
queries as its default graph), and N-Quads and TriG of every named graph. They are written the
first time they are asked for after the store changed — the key (:func:`fingerprint`) is the store
version the server serves (:mod:`resolutions_kg.store`), which every write advances, even one that
keeps the number of triples — into ``{cache}/{key}/``. A set of dumps is built in a temporary
folder and renamed into place in one step, so a reader sees either the old set or the new one,
never half of one; older sets are removed afterwards. Gzip headers carry no name or time, so the
same data always gives byte-identical files (and the same sha256, which is the files' ETag).

The cache folder is ``dumps/`` inside the store folder (beside RocksDB's files, not among them);
for an in-memory store, or a store folder we may not write to, a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from resolutions_kg import heap
from resolutions_kg.errors import StoreError
from resolutions_kg.formats import RdfFormat
from resolutions_kg.namespaces import PREFIXES
from resolutions_kg.store import STATE_FILE, read_state, store_version

MANIFEST = "manifest.json"
STEM = "resolutions-kg"
#: zlib's default: 2-3x faster than 9 for 3-4 % larger files (docs/bench-soak.md)
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


class Dumps:
    """The dump files of one store. ``store`` is the store or a function that returns it;
    ``state`` a function that returns the store state the caller serves (by default the
    state file, read at each call)."""

    def __init__(self, store: ox.Store | Callable[[], ox.Store], *, store_path: Path | None,
                 cache: Path | None = None,
                 state: Callable[[], dict[str, Any]] | None = None) -> None:
        self._store = store
        self.store_path = store_path
        self.cache = cache if cache is not None else default_cache(store_path)
        self._state = state
        self._lock = threading.Lock()

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

    def files(self) -> list[DumpFile]:
        """The current dump files, generated first if the store changed since the last ones."""
        key = self.key()
        folder = self.cache / key
        if not (folder / MANIFEST).exists():
            with self._lock:
                if not (folder / MANIFEST).exists():
                    self._generate(key)
        return _read_manifest(folder)

    def file(self, name: str) -> DumpFile | None:
        return next((f for f in self.files() if f.name == name), None)

    def _generate(self, key: str) -> None:
        try:
            self.cache.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=self.cache))
        except OSError as exc:
            raise StoreError(f"{self.cache}: cannot write dumps: {exc}") from exc
        try:
            modified = self._modified()
            entries = []
            for fmt in FORMATS:
                data = self._serialise(fmt)
                packed = gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
                (work / fmt.name).write_bytes(packed)
                entries.append(
                    {
                        "name": fmt.name,
                        "media_type": fmt.media_type,
                        "title": fmt.title,
                        "size": len(packed),
                        "sha256": hashlib.sha256(packed).hexdigest(),
                        "modified": modified,
                    }
                )
            (work / MANIFEST).write_text(json.dumps({"files": entries}, indent=2), "utf-8")
            try:
                os.rename(work, self.cache / key)
            except OSError:  # another worker got there first: its files are the same
                shutil.rmtree(work, ignore_errors=True)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        for old in self.cache.iterdir():
            if old.is_dir() and old.name != key and not old.name.startswith("."):
                shutil.rmtree(old, ignore_errors=True)
        heap.trim()  # the serialised dumps were tens of MB: give the pages back

    def _serialise(self, fmt: DumpFormat) -> bytes:
        if fmt.union:
            return union_turtle(self.store)
        prefixes = PREFIXES if fmt.format.has_prefixes else None
        data = self.store.dump(format=fmt.format.pyoxigraph, prefixes=prefixes)
        assert data is not None
        return data

    def _modified(self) -> str:
        recorded = self.state().get("modified")
        if isinstance(recorded, str) and recorded:
            return recorded
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        return now.isoformat().replace("+00:00", "Z")


def union_turtle(store: ox.Store) -> bytes:
    """The union of all graphs of ``store`` as Turtle, each triple once.

    Every graph is dumped as N-Triples into one in-memory store's default graph (which keeps a
    triple once), then written as Turtle — all in Oxigraph, a quarter of the time of collecting
    and sorting the triples in Python. The order is the in-memory store's index order, the same
    for the same triples in every process, so the same data gives the same bytes."""
    union = ox.Store()
    for graph in (ox.DefaultGraph(), *store.named_graphs()):
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        if data:
            union.load(data, format=ox.RdfFormat.N_TRIPLES)
    data = union.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)
    return data or b""


def default_cache(store_path: Path | None) -> Path:
    """``dumps/`` in the store folder when we may write there, else a temporary folder."""
    if store_path is not None and (store_path / STATE_FILE).parent.is_dir():
        folder = store_path / "dumps"
        if os.access(store_path, os.W_OK) or folder.is_dir() and os.access(folder, os.W_OK):
            return folder
    return Path(tempfile.gettempdir()) / f"reskg-dumps-{os.getpid()}"


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
