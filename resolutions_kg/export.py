"""Exporting the store: streamed, deterministic, in every RDF format we publish.

All the work is done by Oxigraph in Rust (``Store.dump``, ``QueryTriples.serialize``); Python only
hands over file objects. The same store content always gives the same bytes: graphs are written in
sorted order, the serialisers' output order depends only on the data, and gzip headers carry no
timestamp.

- Dataset formats (TriG, N-Quads, JSON-LD) without ``graph``: every named graph.
- With ``graph``: that graph alone, in any format.
- Triple formats without ``graph``: the union of all named graphs as one graph. Turtle and
  N-Triples are written graph by graph (Turtle without repeating the prefix header), at the speed
  of ``Store.dump``: a triple stated in two graphs is written twice, which is still the same RDF
  graph (a graph is a set); RDF/XML comes from one ``CONSTRUCT`` over all graphs, which Oxigraph
  deduplicates.

The formats are the rows of :class:`resolutions_kg.formats.RdfFormat`; ``reskg export --format``
takes each row's first short name (``turtle``, ``ntriples``, ``jsonld``, ``rdfxml``, ``trig``,
``nquads``).
"""

from __future__ import annotations

import gzip
from typing import IO

import pyoxigraph as ox

from resolutions_kg.errors import StoreError
from resolutions_kg.formats import RdfFormat
from resolutions_kg.namespaces import PREFIXES
from resolutions_kg.store import graph_names

_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def export(
    store: ox.Store,
    output: IO[bytes],
    *,
    format: RdfFormat = RdfFormat.TURTLE,
    graph: str | None = None,
    compress: bool = False,
) -> None:
    """Write the store (or one ``graph`` of it) to the binary stream ``output``."""
    if graph is not None and not store.contains_named_graph(ox.NamedNode(graph)):
        raise StoreError(f"no graph <{graph}> in the store")
    if compress:
        with gzip.GzipFile(fileobj=output, mode="wb", mtime=0, filename="") as zipped:
            _write(store, zipped, format, graph)  # type: ignore[arg-type]
    else:
        _write(store, output, format, graph)


def export_links(store: ox.Store, output: IO[bytes], *, compress: bool = False) -> None:
    """Write the links to other datasets alone, as sorted N-Triples."""
    from resolutions_kg.linking import links_triples

    data = ox.serialize(links_triples(store), format=ox.RdfFormat.N_TRIPLES) or b""
    output.write(gzip.compress(data, mtime=0) if compress else data)


def _write(store: ox.Store, out: IO[bytes], fmt: RdfFormat, graph: str | None) -> None:
    prefixes = PREFIXES if fmt.has_prefixes else None
    if graph is not None:
        store.dump(out, fmt.pyoxigraph, from_graph=ox.NamedNode(graph), prefixes=prefixes)
    elif fmt.supports_datasets:
        store.dump(out, fmt.pyoxigraph, prefixes=prefixes)
    elif fmt in (RdfFormat.TURTLE, RdfFormat.N_TRIPLES):
        for n, name in enumerate(graph_names(store)):
            chunk = store.dump(format=fmt.pyoxigraph, from_graph=ox.NamedNode(name),
                               prefixes=prefixes) or b""
            out.write(chunk if n == 0 else chunk[_prefix_header_length(chunk):])
    else:
        results = store.query(_UNION)
        assert isinstance(results, ox.QueryTriples)
        results.serialize(out, fmt.pyoxigraph)


def _prefix_header_length(turtle: bytes) -> int:
    """Length of the run of ``@prefix`` lines a Turtle dump starts with."""
    end = 0
    while turtle.startswith(b"@prefix ", end):
        end = turtle.index(b"\n", end) + 1
    return end
