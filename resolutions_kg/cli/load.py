"""``reskg load``: publish resolution files into the store."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from resolutions_kg.cli import EXIT_ERROR, setting_option
from resolutions_kg.iris import check_base_iri
from resolutions_kg.publish import DocumentResult, collect_files, publish

#: Files from which ``reskg load`` uses worker processes unless --jobs says otherwise.
WORKERS_FROM = 16


@click.command("load")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@setting_option("store", required=True)
@setting_option("base_iri")
@setting_option("max_document_size", type=click.IntRange(min=1))
@setting_option("force", is_flag=True, show_default=False)
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
@setting_option("jobs", "-j", type=click.IntRange(min=1))
def command(
    paths: tuple[Path, ...], store: str, base_iri: str, max_document_size: int, force: bool,
    quiet: bool, jobs: int | None,
) -> None:
    """Load resolution files (or every supported file below a folder) into the store.

    Each document is parsed, mapped to RDF, checked against the SHACL shapes and, only if it
    conforms, replaces its own named graph in one transaction. A document that fails is reported
    and leaves the store as it was; the rest still load. The exit code is 1 if any failed.

    Documents are prepared by --jobs worker processes; this process alone writes to the store,
    in the order of the files, so the store is the same whatever the number of jobs.
    """
    check_base_iri(base_iri)
    # the readers (here and in worker processes) read the limit from the environment
    os.environ["RESKG_MAX_DOCUMENT_SIZE"] = str(max_document_size)
    files = collect_files(paths)
    if jobs is None:
        jobs = (os.cpu_count() or 1) if len(files) >= WORKERS_FROM else 1
    err = Console(stderr=True, soft_wrap=True, highlight=False)
    out = Console(soft_wrap=True, highlight=False)
    show_progress = not quiet and err.is_terminal and len(files) > 1
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        console=err, disable=not show_progress, transient=True,
    ) as progress:
        task = progress.add_task("loading", total=len(files))

        def on_document(result: DocumentResult) -> None:
            progress.advance(task)
            if result.status == "failed":
                err.print(f"reskg: error: {result.error}", markup=False)
            elif not quiet:
                for warning in result.warnings:
                    err.print(f"reskg: warning: {result.path}: {warning}", markup=False)

        report = publish(
            files, store, base_iri=base_iri, force=force, jobs=jobs, on_document=on_document
        )
    if not quiet:
        loaded_any = bool(report.count("loaded") or report.count("unchanged"))
        table = Table(title=f"Published to {store}" if loaded_any
                      else f"Nothing published to {store}")
        for column in ("document", "status", "recommendations", "triples", "warnings"):
            table.add_column(column, overflow="fold")
        for d in report.documents:
            loaded = d.status == "loaded"
            table.add_row(str(d.path), d.status, str(d.recommendations) if loaded else "",
                          str(d.triples) if loaded else "", str(len(d.warnings)))
        out.print(table)
        for d in report.documents:
            if d.resolution:
                out.print(f"{d.path.name} → {d.resolution}", markup=False, overflow="ignore",
                          crop=False)
        out.print(
            f"{report.count('loaded')} loaded, {report.count('unchanged')} unchanged, "
            f"{len(report.failed)} failed"
        )
        if report.version:
            out.print(f"Store version {report.version}: a read-only 'reskg serve' of this store "
                      "switches to it within a few seconds, without a restart.", markup=False)
    if report.failed:
        sys.exit(EXIT_ERROR)
