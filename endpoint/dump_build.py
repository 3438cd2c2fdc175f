"""One build of the dumps and the VoID statistics, run in a child process of the server.

    python -m resolutions_kg.endpoint.dump_build SOURCE WORK BASE_IRI MODIFIED

``SOURCE`` is a checkpoint of the store (a folder, opened read-only) or an N-Quads file; both
hold exactly the store version the build is for. The whole build reads one in-memory copy of
it: the N-Quads and TriG dumps, the union of all graphs (the Turtle dump, and what the
statistics are counted over, as the SPARQL endpoint's default graph is), and the statistics of
:func:`.void.statistics`. It writes the three gzipped files, ``manifest.json`` and
``statistics.json`` into ``WORK``. In a process of its own, the tens of MB of serialised text and
the in-memory stores are given back to the system when it exits, so the server does not grow
(docs/bench-soak.md).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import os
import sys
from pathlib import Path

import pyoxigraph as ox

from resolutions_kg.formats import RdfFormat
from resolutions_kg.lifeline import die_with_parent
from resolutions_kg.namespaces import PREFIXES

STATISTICS = "statistics.json"


def _read(source: Path) -> tuple[bytes, ox.Store]:
    """The N-Quads of ``source`` and an in-memory store with them."""
    if source.is_dir():
        data = ox.Store.read_only(str(source)).dump(format=ox.RdfFormat.N_QUADS) or b""
    else:
        data = source.read_bytes()
    memory = ox.Store()
    memory.load(data, format=ox.RdfFormat.N_QUADS)
    return data, memory


def union_store(store: ox.Store) -> ox.Store:
    """The union of all graphs of ``store`` as the default graph of an in-memory store (each
    triple once), in Oxigraph: every graph dumped as N-Triples and loaded into one graph, in
    the order of their names, so that the same data gives the same order (and bytes)."""
    union = ox.Store()
    for graph in (ox.DefaultGraph(), *sorted(store.named_graphs(), key=str)):
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        if data:
            union.load(data, format=ox.RdfFormat.N_TRIPLES)
    return union


def build(source: Path, work: Path, base_iri: str, modified: str, gzip_level: int) -> None:
    from resolutions_kg.endpoint.dumps import FORMATS
    from resolutions_kg.endpoint.void import examples, statistics

    nquads, store = _read(source)
    union = union_store(store)
    entries = []
    for fmt in FORMATS:
        data: bytes | None
        if fmt.format is RdfFormat.N_QUADS:
            data = nquads
        elif fmt.union:
            data = union.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(),
                              prefixes=PREFIXES)
        else:
            prefixes = PREFIXES if fmt.format.has_prefixes else None
            data = store.dump(format=fmt.format.pyoxigraph, prefixes=prefixes)
        packed = gzip.compress(data or b"", compresslevel=gzip_level, mtime=0)
        del data
        nquads = b"" if fmt.format is RdfFormat.N_QUADS else nquads
        (work / fmt.name).write_bytes(packed)
        entries.append({"name": fmt.name, "media_type": fmt.media_type, "title": fmt.title,
                        "size": len(packed), "sha256": hashlib.sha256(packed).hexdigest(),
                        "modified": modified})
    del store
    stats = statistics(union, base_iri)
    stats["examples"] = examples(union)
    (work / STATISTICS).write_text(json.dumps(stats), "utf-8")
    # the manifest last: a folder with a manifest is a complete build
    (work / "manifest.json").write_text(json.dumps({"files": entries}, indent=2), "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("base_iri")
    parser.add_argument("modified")
    parser.add_argument("--gzip-level", type=int, default=6)
    args = parser.parse_args(argv)
    # a build outlives no server: when the server process that started it stops (SIGTERM at a
    # restart or a switch to a new store version, or kill -9), the build stops too
    die_with_parent()
    with contextlib.suppress(OSError):
        os.nice(10)  # a background job: the server's requests come first
    build(args.source, args.work, args.base_iri, args.modified, args.gzip_level)
    return 0


if __name__ == "__main__":
    sys.exit(main())
