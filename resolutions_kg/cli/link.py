"""``reskg link``: unresolved mentions, reconciliation against a SPARQL endpoint, accepted links."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from resolutions_kg import store as st
from resolutions_kg.cli import setting_option
from resolutions_kg.iris import check_base_iri
from resolutions_kg.linking import (
    DEFAULT_ENDPOINT,
    accept,
    reconcile,
    unresolved,
    write_review,
)


@click.command("link")
@setting_option("store", required=True)
@setting_option("base_iri")
@click.option("--endpoint", default=DEFAULT_ENDPOINT, show_default=True, metavar="URL",
              help="SPARQL endpoint to reconcile against (Wikidata's vocabulary).")
@click.option("--review", "review", type=click.Path(dir_okay=False, path_type=Path),
              help="Reconcile unlinked organisations and places; write the candidates to this CSV "
                   "file for review (fill its 'decision' column with accept or reject).")
@click.option("--accept", "accepted", type=click.Path(exists=True, dir_okay=False,
                                                       path_type=Path),
              help="Add the rows of this reviewed CSV file whose decision is 'accept' as "
                   "owl:sameAs links to the links graph, with their provenance.")
@click.option("--report", is_flag=True,
              help="List organisations and places that are in neither the registry nor the "
                   "gazetteer.")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 50),
              help="Most candidates kept per organisation or place.")
@click.option("--timeout", default=30.0, show_default=True, type=float,
              help="Seconds to wait for each query to the endpoint.")
def command(store: str, base_iri: str, endpoint: str, review: Path | None,
            accepted: Path | None, report: bool, limit: int, timeout: float) -> None:
    """Link organisations and places to Wikidata, with a person reviewing every link.

    \b
    1. reskg link --store DIR --report            unresolved mentions
    2. reskg link --store DIR --review links.csv  candidates with scores, to review
    3. reskg link --store DIR --accept links.csv  accepted rows become owl:sameAs links
    """
    check_base_iri(base_iri)
    if not (review or accepted or report):
        raise click.UsageError("give --report, --review FILE or --accept FILE")
    out = Console(soft_wrap=True, highlight=False)
    if report or review:
        db = st.open_store(store, read_only=True)
        if report:
            mentions = unresolved(db, base_iri=base_iri)
            table = Table(title="Unresolved organisations and places")
            for column in ("kind", "label", "node"):
                table.add_column(column, overflow="fold")
            for m in mentions:
                table.add_row(m.kind, m.label, m.node)
            out.print(table)
            out.print(f"{len(mentions)} unresolved")
        if review:
            found = reconcile(db, base_iri=base_iri, endpoint=endpoint, limit=limit,
                              timeout=timeout)
            rows = write_review(review, found, endpoint=endpoint)
            out.print(f"{rows} candidates written to {review} for review")
        del db
    if accepted:
        st.check_base_iri(store, base_iri)
        db = st.open_store(store)
        try:
            added = accept(db, accepted, base_iri=base_iri)
            db.flush()
        finally:
            del db
        if added:
            st.mark_modified(store, base_iri)
        out.print(f"{added} new links added to the links graph")
