"""``reskg validate``: the SHACL report for a store, an RDF file or a resolution file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
import pyoxigraph as ox

from resolutions_kg.cli import EXIT_ERROR, setting_option
from resolutions_kg.errors import InputError
from resolutions_kg.iris import Minter
from resolutions_kg.preparation import prepare
from resolutions_kg.publish import supported_suffixes
from resolutions_kg.reference import reference_graphs
from resolutions_kg.store import graph_names, open_store
from resolutions_kg.validation import validate


def _store_triples(store_dir: str) -> list[ox.Triple]:
    store = open_store(store_dir, read_only=True)
    skip = ("/graph/shapes", "/graph/ontology", "/graph/reference")
    graphs = [g for g in graph_names(store) if not g.endswith(skip)]
    return [
        ox.Triple(q.subject, q.predicate, q.object)
        for g in graphs
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g))
    ]


def _file_triples(path: Path, base_iri: str) -> tuple[list[ox.Triple], tuple[str, ...]]:
    """The triples of ``path`` and, for a resolution, the loader's warnings about it."""
    if path.suffix.lower() in supported_suffixes():
        resolution, mapped = prepare(path, Minter(base_iri), validate=False)
        return [*mapped.document, *mapped.entities], resolution.warnings
    try:
        fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
        if fmt is None:
            raise InputError("unknown RDF file extension", path=str(path))
        return [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(path=str(path), format=fmt, base_iri=base_iri)
        ], ()
    except SyntaxError as exc:
        raise InputError(f"not valid RDF: {exc}", path=str(path)) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=str(path)) from exc


@click.command("validate")
@click.argument("file", required=False, type=click.Path(path_type=Path, exists=True,
                                                         dir_okay=False))
@setting_option("store")
@setting_option("base_iri")
@setting_option("max_document_size", type=click.IntRange(min=1))
def command(file: Path | None, store: str | None, base_iri: str, max_document_size: int) -> None:
    """Check data against the SHACL shapes and print the report.

    Give either --store DIR (every published graph), or FILE: an RDF file (.ttl, .trig, .nt,
    .nq, .jsonld, .rdf) or a resolution (.txt, .md, .html, .docx), which is parsed and mapped
    without being stored. Exit code 1 when there is any violation; warnings alone exit 0.
    """
    if (file is None) == (store is None):
        raise click.UsageError("give either --store DIR or FILE, not both")
    os.environ["RESKG_MAX_DOCUMENT_SIZE"] = str(max_document_size)
    triples, notes = (_file_triples(file, base_iri) if file is not None
                      else (_store_triples(str(store)), ()))
    context = None
    if file is not None and file.suffix.lower() in supported_suffixes():
        # a resolution is checked as `reskg load` checks it: with the registry and gazetteer
        # its mentions are looked up in, so the verdict is the one load would give
        context = [t for graph in reference_graphs(base_iri).values() for t in graph]
    report = validate(triples, base_iri=base_iri, context=context)
    text = report.text()
    if notes:
        # a resolution: its warnings counted as `reskg load` counts them — the loader's (uncertain
        # or missing facts) and the shapes'
        head = ("Conforms." if report.conforms
                else f"Does not conform: {len(report.violations)} violations.")
        rest = text.partition("\n")[2]
        text = "\n".join([f"{head} {len(notes) + len(report.warnings)} warnings.",
                          *(f"Warning: {note}" for note in notes), *([rest] if rest else [])])
    click.echo(text)
    if not report.conforms:
        sys.exit(EXIT_ERROR)
