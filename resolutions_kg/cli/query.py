"""``reskg query``: run a named query (or any ``.rq`` file) on a store or a SPARQL endpoint."""

from __future__ import annotations

import sys
import textwrap

import click
import pyoxigraph as ox

from resolutions_kg.cli import setting_option
from resolutions_kg.errors import ParameterError
from resolutions_kg.queries import (
    TYPE_HELP,
    Format,
    NamedQuery,
    Results,
    catalogue,
    load_query_file,
    named_query,
    rows,
    run,
    run_remote,
    serialize,
)
from resolutions_kg.settings import DEFAULT_BASE_IRI

FORMAT_NAMES = [f.label for f in Format]


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    """``("name=value", …)`` as a dict; :class:`ParameterError` for a pair without ``=``."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ParameterError(f"--param {pair!r}: want NAME=VALUE")
        if name.strip() in params:
            raise ParameterError(f"parameter {name.strip()!r} given twice")
        params[name.strip()] = value
    return params


def catalogue_text() -> str:
    """The catalogue as text: each query with its description, parameters and an example."""
    blocks = []
    for query in catalogue().values():
        lines = [f"{query.name} — {query.title}"]
        lines += textwrap.wrap(
            query.description, 96, initial_indent="    ", subsequent_indent="    "
        )
        for p in query.parameters:
            need = "optional" if p.optional else "required"
            if p.default is not None:
                need = f"default {p.default}"
            lines.append(f"    --param {p.name}=…  ({p.type}: {TYPE_HELP[p.type]}; {need})")
            lines += textwrap.wrap(p.description, 90, initial_indent="        ",
                                   subsequent_indent="        ")
        lines += [f"    e.g. {example}" for example in query.examples[:1]]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _cell(term: object, base_iri: str) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        value = term.value
        return f"<{value[len(base_iri):]}>" if value.startswith(base_iri) else f"<{value}>"
    if isinstance(term, ox.Literal | ox.BlankNode):
        return term.value if isinstance(term, ox.Literal) else str(term)
    return str(term)


def print_table(results: Results, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Render ``results`` as a terminal table (rich); IRIs under ``base_iri`` are shortened."""
    from rich.console import Console
    from rich.table import Table

    # On a terminal rich fits the table to its width; piped, lines are as long as the cells.
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 10_000)
    if isinstance(results, ox.QueryBoolean):
        console.print("true" if bool(results) else "false")
        return
    if not isinstance(results, ox.QuerySolutions):
        click.echo(serialize(results, Format.TABLE), nl=False)
        return
    table = Table(show_lines=False, header_style="bold")
    names = [v.value for v in results.variables]
    for name in names:
        table.add_column(name, overflow="fold")
    count = 0
    for row in rows(results):
        table.add_row(*(_cell(row[name], base_iri) for name in names))
        count += 1
    console.print(table)
    console.print(f"{count} row{'s' if count != 1 else ''}", style="dim")


@click.command("query")
@click.argument("name", required=False)
@setting_option("store")
@click.option("--file", "query_file", type=click.Path(dir_okay=False),
              help="Run the query in this .rq file instead of a named query.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a parameter of the query (repeatable). See 'reskg queries'.")
@click.option("--format", "-f", "format_name", type=click.Choice(FORMAT_NAMES),
              help="Output format: table (default on a terminal), csv (default otherwise), tsv, "
              "or json (SPARQL 1.1 Query Results JSON).")
@click.option("--endpoint", metavar="URL",
              help="Run the query on this SPARQL endpoint instead of a local store.")
@setting_option("query_timeout")
@setting_option("base_iri", help="Base IRI; table output shows IRIs under it relative to it.")
@click.option("--list", "list_only", is_flag=True, help="List the named queries and exit.")
def command(
    name: str | None,
    store: str | None,
    query_file: str | None,
    params: tuple[str, ...],
    format_name: str | None,
    endpoint: str | None,
    query_timeout: float,
    base_iri: str,
    list_only: bool,
) -> None:
    """Run the named query NAME (see 'reskg queries') or --file my.rq.

    \b
    Examples:
      reskg query resolution-summary --store var/store
      reskg query recommendations --store var/store --param topic=оцифровка --format json
      reskg query search --store var/store --param "text=библиотечные кадры"
      reskg query --file my.rq --endpoint http://127.0.0.1:8000/sparql

    Parameters are typed and bound as RDF terms (never pasted into the query text). On a store
    the query sees the union of its named graphs.
    """
    if list_only:
        click.echo(catalogue_text(), nl=False)
        return
    if (name is None) == (query_file is None):
        raise click.UsageError("give either a query NAME or --file, not both or neither")
    query: NamedQuery = named_query(name) if name is not None else load_query_file(query_file or "")
    bindings = parse_params(params)
    if format_name is None:
        format_name = "table" if sys.stdout.isatty() else "csv"
    output_format = Format.from_name(format_name)
    if endpoint is not None:
        results = run_remote(query, endpoint, bindings, timeout=query_timeout)
    elif store is not None:
        from resolutions_kg.store import open_store

        results = run(query, open_store(store, read_only=True), bindings)
    else:
        raise click.UsageError("give --store DIR (or RESKG_STORE) or --endpoint URL")
    if output_format is Format.TABLE:
        print_table(results, base_iri=base_iri)
    else:
        click.echo(serialize(results, output_format), nl=False)
