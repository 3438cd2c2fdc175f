"""``reskg export``: write the store, or one graph of it, in an RDF format."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import BinaryIO

import click

from resolutions_kg.cli import setting_option
from resolutions_kg.export import export, export_links
from resolutions_kg.formats import RdfFormat
from resolutions_kg.store import open_store


@click.command("export")
@setting_option("store", required=True)
@click.option(
    "--format", "fmt", type=click.Choice([f.names[0] for f in RdfFormat]), default="turtle",
    show_default=True, envvar="RESKG_FORMAT", show_envvar=True, help="RDF serialisation.",
)
@click.option("--graph", default=None, envvar="RESKG_GRAPH", show_envvar=True,
              help="IRI of one named graph to export (default: all).")
@setting_option("output", "-o", type=click.Path(path_type=Path))
@click.option("--gzip", "compress", is_flag=True, help="Compress the output with gzip.")
@click.option("--links", is_flag=True,
              help="Write only the links to other datasets (owl:sameAs, skos:*Match), as "
                   "sorted N-Triples.")
def command(
    store: str, fmt: str, graph: str | None, output: Path | None, compress: bool, links: bool
) -> None:
    """Export the store as RDF, streamed and deterministic.

    Turtle (the default) and the other triple formats give the union of all named graphs;
    TriG and N-Quads keep every graph. With --graph, that graph alone. The same store content
    always gives the same bytes. With --links, the links to Wikidata, GeoNames, the UNESCO
    Thesaurus and other datasets alone, for other projects to load.
    """
    fmt_enum = next(f for f in RdfFormat if f.names[0] == fmt)
    if links and (graph is not None or fmt_enum is not RdfFormat.TURTLE):
        raise click.UsageError("--links writes N-Triples of all graphs; drop --graph/--format")
    oxstore = open_store(store, read_only=True)

    def write(out: BinaryIO) -> None:
        if links:
            export_links(oxstore, out, compress=compress)
        else:
            export(oxstore, out, format=fmt_enum, graph=graph, compress=compress)

    if output is None:
        write(sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    tmp = output.with_name(output.name + ".part")
    try:
        with open(tmp, "wb") as fh:
            write(fh)
        os.replace(tmp, output)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
