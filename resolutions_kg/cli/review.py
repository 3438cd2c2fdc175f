"""``reskg review``: a document's source text with every fact highlighted, and how to correct it."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from resolutions_kg.cli import setting_option
from resolutions_kg.iris import check_base_iri
from resolutions_kg.review import ALL_KINDS, Review, review_file

#: Highlight of each kind of fact in the terminal.
STYLES = {
    "document": "bold blue", "title": "bold", "event": "blue", "date": "bold magenta",
    "place": "bold green", "count": "bold yellow", "organisation": "cyan", "cohort": "yellow",
    "topic": "green", "addressee": "bold cyan reverse", "action": "bold red",
    "text": "underline", "other": "italic",
}


@click.command("review")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@setting_option("base_iri")
@setting_option("max_document_size", type=click.IntRange(min=1))
@click.option("--all", "show_all", is_flag=True,
              help="Print the correction snippet of every fact, not only the uncertain ones.")
@click.option("--html", "html", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Also write the review as one self-contained HTML page to this file.")
def command(file: Path, base_iri: str, max_document_size: int, show_all: bool,
            html: Path | None) -> None:
    """Show a document's source text with every extracted fact's span highlighted by kind.

    The document is parsed, its corrections file (FILE's stem + .corrections.yaml) applied and
    mapped, as `reskg load` would, but nothing is stored. Then: the facts, uncertain ones first,
    each with its stable key; the source text with the spans highlighted; and, for each
    uncertain fact (every fact with --all), the YAML snippet that corrects it, to paste into
    the corrections file. --html also writes the server's /review page for it to a file.
    """
    import os

    check_base_iri(base_iri)
    os.environ["RESKG_MAX_DOCUMENT_SIZE"] = str(max_document_size)
    review = review_file(file, base_iri=base_iri)
    console = Console(highlight=False, soft_wrap=False)
    print_review(console, review, show_all=show_all)
    if html is not None:
        from resolutions_kg.endpoint.review import standalone_page

        try:
            html.write_text(standalone_page(review, base_iri), encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(f"{html}: cannot write: {exc.strerror}") from exc
        console.print(f"Review written to {html}", markup=False)


def print_review(console: Console, review: Review, *, show_all: bool = False) -> None:
    ordered = review.ordered()
    uncertain = [f for f in ordered if f.uncertain]
    console.print(Text(f"{review.name}: {len(review.facts)} facts, {len(uncertain)} uncertain, "
                       f"{len(review.corrections)} corrected ({review.corrections_file})",
                       style="bold"))
    table = Table(title="Facts (uncertain first)", show_lines=False)
    for column in ("", "key", "kind", "value", "confidence", "method"):
        table.add_column(column, overflow="fold")
    for fact in ordered:
        mark = "?" if fact.uncertain else ("✎" if fact.curator else "")
        table.add_row(mark, fact.key or "—", Text(fact.kind, style=STYLES[fact.kind]),
                      Text(fact.value[:80]), f"{fact.confidence:.2f}",
                      Text(fact.method + (f" ({fact.curator})" if fact.curator else "")))
    console.print(table)
    if review.corrections:
        applied = Table(title=f"Corrections applied from {review.corrections_file}")
        for column in ("line", "key", "action", "extracted", "corrected", "curator"):
            applied.add_column(column, overflow="fold")
        for c in review.corrections:
            applied.add_row(str(c.line), c.key, c.action, Text(c.original or "—"),
                            Text(c.corrected or "—"), Text(c.curator))
        console.print(applied)
    legend = Text("Highlights: ")
    for kind in ALL_KINDS:
        legend.append(kind, style=STYLES[kind])
        legend.append(" ")
    console.print(legend)
    text = Text(review.text)
    # longest spans first, so that the innermost fact's style shows where spans nest
    for fact in sorted(review.facts, key=lambda f: f.start - f.end):
        text.stylize(STYLES[fact.kind], fact.start, fact.end)
    console.print(Panel(text, title=review.name, expand=False))
    shown = ordered if show_all else uncertain
    if not shown:
        console.print("No uncertain facts. (--all prints the snippet of every fact.)")
        return
    console.print(Text(f"To correct a fact, add its snippet under 'corrections:' in "
                       f"{review.corrections_file} (see docs/curation.md):", style="bold"))
    for fact in shown:
        snippet = fact.snippet()
        if snippet is None:
            console.print(Text(f"# {fact.predicate} «{fact.value[:60]}» at {fact.start}–"
                               f"{fact.end}: no stable key; correct the source or the loader",
                               style="dim"))
        else:
            # plain and never cropped: it is meant to be pasted
            console.print(snippet.rstrip("\n"), markup=False, highlight=False, soft_wrap=True)
