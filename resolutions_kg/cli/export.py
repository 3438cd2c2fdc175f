"""``reskg export``: write the store, or one graph of it, in an RDF format."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click

from resolutions_kg.cli import setting_option
from resolutions_kg.export import ExportFormat, export
from resolutions_kg.store import open_store


@click.command("export")
@setting_option("store", required=True)
@click.option(
    "--format", "fmt", type=click.Choice([f.name for f in ExportFormat]), default="turtle",
    show_default=True, envvar="RESKG_FORMAT", show_envvar=True, help="RDF serialisation.",
)
@click.option("--graph", default=None, envvar="RESKG_GRAPH", show_envvar=True,
              help="IRI of one named graph to export (default: all).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File to write (default: standard output).")
@click.option("--gzip", "compress", is_flag=True, help="Compress the output with gzip.")
def command(store: str, fmt: str, graph: str | None, output: Path | None, compress: bool) -> None:
    """Export the store as RDF, streamed and deterministic.

    Turtle (the default) and the other triple formats give the union of all named graphs;
    TriG and N-Quads keep every graph. With --graph, that graph alone. The same store content
    always gives the same bytes.
    """
    fmt_enum = ExportFormat[fmt]
    oxstore = open_store(store, read_only=True)
    if output is None:
        export(oxstore, sys.stdout.buffer, format=fmt_enum, graph=graph, compress=compress)
        sys.stdout.buffer.flush()
        return
    tmp = output.with_name(output.name + ".part")
    try:
        with open(tmp, "wb") as fh:
            export(oxstore, fh, format=fmt_enum, graph=graph, compress=compress)
        os.replace(tmp, output)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
