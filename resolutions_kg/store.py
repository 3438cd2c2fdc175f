"""The on-disk Oxigraph store and how we write to it.

Layout: one named graph per source document (``{base}graph/{doc}``), and graphs for the ontology,
the SHACL shapes, the reference data (concept schemes), and the shared entities that documents
mention (organisations, places, addressee classes: ``{base}graph/entities``, so that two documents
naming the same library add one set of triples, not two). Nothing lives in the default graph; the
SPARQL endpoint queries the union of the named graphs by default.

Writes are atomic: :func:`replace_graphs` drops and refills any number of graphs in one
transaction (a ``Store.extend`` or a SPARQL Update, each applied by Oxigraph as one). A failed
or killed load therefore leaves the store exactly as it was.

Beside the RocksDB files the store folder holds ``reskg-state.json``: the base IRI the store was
published under, when it was created and last modified, and its **version** (kept out of the
graphs so that dumps of the same input stay byte-identical). Every write that commits — a
``reskg load`` or ``reskg link`` run, a write through the server — advances the version
afterwards (:func:`mark_modified`): a counter that only grows and a random token, so two stores
(or a store rebuilt from scratch) never share a version by chance. The file is replaced
atomically (written beside, then renamed), so a reader sees the old state or the new one. A
process killed between its commit and the state update leaves data newer than the version;
the next write advances it again. What a server derives from the store — dump files, their
listing, the dataset description's modified date, every cache key — is keyed on the version
(:func:`store_version`), and a read-only server watches it to serve a load done beside it.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import uuid
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from resolutions_kg.errors import StoreError

STATE_FILE = "reskg-state.json"


def open_store(path: str | os.PathLike[str], *, read_only: bool = False) -> ox.Store:
    """Open (or, unless ``read_only``, create) the store in folder ``path``."""
    folder = Path(path)
    if read_only and not folder.is_dir():
        raise StoreError(f"{folder}: no store here (run 'reskg load … --store {folder}' first)")
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder}: is a file, not a store folder")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / "CURRENT").exists():
        raise StoreError(f"{folder}: folder is not empty and holds no Oxigraph store")
    try:
        if read_only:
            return ox.Store.read_only(str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(folder))
    except OSError as exc:
        raise StoreError(f"{folder}: cannot open the store: {exc}") from exc
    except RuntimeError as exc:  # what RocksDB reports as corruption (a truncated file …)
        raise StoreError(
            f"{folder}: the store is damaged and cannot be opened ({' '.join(str(exc).split())}"
            "); restore it from a dump (resolutions-kg.nq.gz from a server's /dumps/, or an "
            "earlier 'reskg export') into a new store folder, or load the sources again into "
            "a new store folder with 'reskg load'") from exc


def read_state(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The store's state file as a dict (empty when there is none yet)."""
    state_path = Path(path) / STATE_FILE
    try:
        data = json.loads(state_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise StoreError(f"{state_path}: unreadable store state: {exc}") from exc
    return data if isinstance(data, dict) else {}


def write_state(path: str | os.PathLike[str], **changes: Any) -> dict[str, Any]:
    """Update the state file atomically (write to a temporary file, then rename)."""
    state = read_state(path)
    state.update(changes)
    state_path = Path(path) / STATE_FILE
    tmp = state_path.with_suffix(".tmp")
    try:
        with tmp.open("w", encoding="utf-8") as out:
            out.write(json.dumps(state, indent=2, sort_keys=True) + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, state_path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{state_path}: cannot record the store state: {exc.strerror or exc}"
                         ) from exc
    return state


def check_base_iri(path: str | os.PathLike[str], base_iri: str) -> None:
    """Refuse to mix base IRIs in one store."""
    recorded = read_state(path).get("base_iri")
    if recorded is not None and recorded != base_iri:
        raise StoreError(
            f"{path}: store was published under base IRI {recorded}; "
            f"load with --base-iri {recorded} or use a new store"
        )


def mark_modified(path: str | os.PathLike[str], base_iri: str) -> dict[str, Any]:
    """Record that the store changed now: advance its version (and record when it was created,
    the first time). Call it after the change is committed."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    state = read_state(path)
    return write_state(path, base_iri=base_iri, created=state.get("created", now), modified=now,
                       version=int(state.get("version", 0)) + 1, version_token=uuid.uuid4().hex)


def store_version(state: dict[str, Any]) -> str:
    """The version of a store state (:func:`read_state`) as one string, ``"7-3f2a…"``; empty
    for a store no write of ours has recorded yet."""
    if "version" not in state:
        return ""
    return f"{state['version']}-{str(state.get('version_token', ''))[:12]}"


#: Triples to write: pyoxigraph triples, or N-Triples (text or UTF-8 bytes) with one triple a line
#: written from pyoxigraph terms (``f"{s} {p} {o} .\n"``, which is also SPARQL) as worker processes
#: hand it over.
Triples = Iterable[ox.Triple] | str | bytes


def _quads(graph: str, triples: Triples) -> list[ox.Quad]:
    g = ox.NamedNode(graph)
    parsed: Iterable[ox.Triple | ox.Quad] = (
        ox.parse(triples, format=ox.RdfFormat.N_TRIPLES) if isinstance(triples, str | bytes)
        else triples)
    return [ox.Quad(t.subject, t.predicate, t.object, g) for t in parsed]


def _has_blank(quad: ox.Quad) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


def replace_graphs(
    store: ox.Store,
    replace: Mapping[str, Triples] | None = None,
    *,
    add: Mapping[str, Triples] | None = None,
    remove: Iterable[str] = (),
) -> None:
    """In one transaction: drop and refill the graphs of ``replace``, add to those of ``add``,
    drop the graphs in ``remove``.

    Only the difference is written: the quads of a replaced graph that are no longer there are
    deleted, the new ones inserted (a graph with blank nodes, which cannot be compared, is
    dropped and refilled). When nothing is deleted — a document loaded for the first time — the
    quads go in as N-Quads parsed by Oxigraph itself in one ``Store.load`` (a transaction, like
    ``Store.extend``, but with no Python object per quad; cheaper than an ``INSERT DATA``:
    docs/performance-notes.md); otherwise by one SPARQL Update sized by the change."""
    try:
        _replace(store, replace or {}, add or {}, remove)
    except (OSError, SyntaxError, ValueError) as exc:  # ValueError: a graph name is no IRI
        raise StoreError(f"store update failed: {exc}") from exc


def _replace(store: ox.Store, replace: Mapping[str, Triples], add: Mapping[str, Triples],
             remove: Iterable[str]) -> None:
    drops = [g for g in remove if store.contains_named_graph(ox.NamedNode(g))]
    deletions: list[ox.Quad] = []
    insertions: list[ox.Quad] = []
    #: graphs whose triples are all inserted, as given: new ones, and what ``add`` adds
    whole: list[tuple[str, Triples]] = []
    for graph, triples in replace.items():
        name = ox.NamedNode(graph)
        if not store.contains_named_graph(name):
            whole.append((graph, triples))
            continue
        new = _quads(graph, triples)
        old = list(store.quads_for_pattern(None, None, None, name))
        if not new or any(map(_has_blank, old)) or any(map(_has_blank, new)):
            drops.append(graph)
            insertions.extend(new)
            continue
        kept = set(new)
        deletions.extend(q for q in old if q not in kept)
        present = set(old)
        insertions.extend(q for q in dict.fromkeys(new) if q not in present)
    whole.extend(add.items())
    if not drops and not deletions:
        _insert(store, whole, insertions)
        return
    for graph, triples in whole:
        insertions.extend(_quads(graph, triples))
    ops = [f"DROP SILENT GRAPH <{g}>" for g in dict.fromkeys(drops)]
    if deletions:
        ops.append("DELETE DATA {\n" + _data_block(deletions) + "\n}")
    if insertions:
        ops.append("INSERT DATA {\n" + _data_block(insertions) + "\n}")
    store.update(" ;\n".join(ops))


def _insert(store: ox.Store, whole: list[tuple[str, Triples]], quads: list[ox.Quad]) -> None:
    """Insert, in one transaction, every triple of each graph of ``whole`` and ``quads``."""
    parts: list[tuple[str, bytes | list[ox.Quad]]] = []
    for graph, triples in whole:
        ox.NamedNode(graph)  # a graph name that is no IRI fails here, before anything is read
        text = triples.encode("utf-8") if isinstance(triples, str) else triples
        parts.append((graph, text if isinstance(text, bytes) and _ours(text)
                      else _quads(graph, text)))
    if not quads and not any(text for _, text in parts):
        return
    if any(b"_:" in text if isinstance(text, bytes) else any(map(_has_blank, text))
           for _, text in parts) or any(map(_has_blank, quads)):
        # Store.load would give blank nodes fresh labels; Store.extend keeps them
        store.extend([*(q for graph, text in parts
                        for q in (text if isinstance(text, list) else _quads(graph, text))),
                      *quads])
        return
    reader = io.BufferedReader(_Reader(_nquads(parts, quads)), buffer_size=_SLICE)
    store.load(reader, format=ox.RdfFormat.N_QUADS)


#: Bytes of N-Quads made at a time while Oxigraph reads them.
_SLICE = 1 << 22


def _ours(text: bytes) -> bool:
    """Whether ``text`` is N-Triples as we write them: one triple a line, each ending in `` .``
    (a line break inside N-Triples is always a line's end: literals escape theirs)."""
    return not text or (text.endswith(b" .\n") and text.count(b"\n") == text.count(b" .\n"))


def _nquads(parts: list[tuple[str, bytes | list[ox.Quad]]], quads: list[ox.Quad]
            ) -> Iterator[bytes]:
    """The N-Quads of ``parts`` (each graph's N-Triples get its name pasted before each line's
    end) and of ``quads``, a slice at a time: never a second copy of a whole document."""
    for graph, text in parts:
        if isinstance(text, list):
            yield "".join(f"{q} .\n" for q in text).encode("utf-8")
            continue
        ending = f" {ox.NamedNode(graph)} .\n".encode()
        start = 0
        while start < len(text):
            end = text.find(b"\n", start + _SLICE) + 1 or len(text)
            yield text[start:end].replace(b" .\n", ending)
            start = end
    yield "".join(f"{q} .\n" for q in quads).encode("utf-8")


class _Reader(io.RawIOBase):
    """A binary file that reads what ``pieces`` yield, one after the other."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        self._pieces = pieces
        self._piece = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._piece:
            piece = next(self._pieces, None)
            if piece is None:
                return 0
            self._piece = memoryview(piece)
        n = min(len(buffer), len(self._piece))
        buffer[:n] = self._piece[:n]
        self._piece = self._piece[n:]
        return n


def _data_block(quads: list[ox.Quad]) -> str:
    return "\n".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}"
                     for q in quads)


def write_graph(
    store: ox.Store,
    graph: ox.NamedNode | ox.DefaultGraph,
    triples: Iterable[ox.Triple],
    *,
    replace: bool,
) -> bool:
    """In one transaction: add ``triples`` to ``graph`` (a named graph is created, even when
    ``triples`` is empty), first emptying it when ``replace``. Returns whether the graph existed.
    Blank nodes get fresh identities, as in a SPARQL ``INSERT DATA``."""
    named = isinstance(graph, ox.NamedNode)
    existed = not named or store.contains_named_graph(graph)
    ops: list[str] = []
    if replace and existed:
        ops.append(f"DROP SILENT GRAPH {graph}" if named else "DROP SILENT DEFAULT")
    if named:
        ops.append(f"CREATE SILENT GRAPH {graph}")
    lines = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
    if lines:
        ops.append(f"INSERT DATA {{ GRAPH {graph} {{\n{lines}\n}} }}" if named
                   else f"INSERT DATA {{\n{lines}\n}}")
    _update(store, ops)
    return existed


def remove_graph(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph) -> bool:
    """Remove a named graph, or empty the default graph, in one transaction; False when a named
    graph is not there."""
    if isinstance(graph, ox.NamedNode):
        if not store.contains_named_graph(graph):
            return False
        _update(store, [f"DROP GRAPH {graph}"])
    else:
        _update(store, ["DROP SILENT DEFAULT"])
    return True


def _update(store: ox.Store, ops: list[str]) -> None:
    if ops:
        store.update(" ;\n".join(ops))


def graph_names(store: ox.Store) -> list[str]:
    """IRIs of the named graphs, sorted."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def count_quads(store: ox.Store, graph: str | None = None) -> int:
    """Number of quads in ``graph`` (all graphs when None)."""
    query = (
        f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        if graph
        else "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"
    )
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    for row in solutions:
        value = row["n"]
        return int(value.value) if value is not None else 0
    return 0
