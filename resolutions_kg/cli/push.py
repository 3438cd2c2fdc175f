"""``reskg push``: send every named graph of a store to an external SPARQL store."""

from __future__ import annotations

import sys

import click

from resolutions_kg.cli import EXIT_ERROR, setting_option


@click.command("push")
@setting_option("store", required=True)
@click.option("--to", "to", required=True, metavar="URL",
              help="Graph Store Protocol URL of the target (Virtuoso: …/sparql-graph-crud or "
                   "…/sparql-graph-crud-auth; Fuseki: …/ds/data).")
@click.option("--query-endpoint", metavar="URL",
              help="SPARQL query endpoint used to check the counts (default: the one beside "
                   "--to: …/sparql for Virtuoso, Fuseki and our server; else --to itself).")
@click.option("--update-endpoint", metavar="URL",
              help="SPARQL Update endpoint for --protocol update (default: --query-endpoint).")
@click.option("--protocol", type=click.Choice(["auto", "gsp", "update"]), default="auto",
              show_default=True,
              help="auto: Graph Store Protocol, or SPARQL Update where --to answers 404/405/501.")
@click.option("--graph", "graphs", multiple=True, metavar="IRI",
              help="Push only this graph (repeatable). Default: every named graph.")
@click.option("--token", envvar="RESKG_PUSH_TOKEN", show_envvar=True,
              help="Bearer token for the target store.")
@click.option("--user", envvar="RESKG_PUSH_USER", show_envvar=True,
              help="User name (HTTP Basic or Digest, as the store asks).")
@click.option("--password", envvar="RESKG_PUSH_PASSWORD", show_envvar=True,
              help="Password for --user.")
@click.option("--retries", type=int, default=4, show_default=True,
              help="Retries of a request after a 5xx answer or a connection error "
                   "(exponential backoff).")
@click.option("--chunk", type=int, default=5000, show_default=True,
              help="Triples per request.")
@click.option("--timeout", type=float, default=120.0, show_default=True,
              help="Seconds to wait for one request.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bars.")
def command(store: str, to: str, query_endpoint: str | None, update_endpoint: str | None,
            protocol: str, graphs: tuple[str, ...], token: str | None, user: str | None,
            password: str | None, retries: int, chunk: int, timeout: float, quiet: bool,
            ) -> None:
    """Push every named graph of STORE to the SPARQL store at --to, then check that it holds
    as many triples per graph as we sent.

    One PUT per graph (large graphs: PUT, then POSTs of --chunk triples) to the Graph Store
    Protocol URL, or, where the store has none, DROP SILENT GRAPH and INSERT DATA by SPARQL
    Update. A graph that fails, or whose count differs, is pushed again; the exit code is 1 if
    any graph still failed.

    \b
    reskg push --store var/store --to http://localhost:8890/sparql-graph-crud-auth \\
        --user dba --password dba
    reskg push --store var/store --to http://localhost:3030/ds/data
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

    from resolutions_kg.push import GraphResult, push

    console = Console(stderr=True)
    bars = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("triples"), console=console, disable=quiet, transient=False)
    tasks: dict[str, TaskID] = {}

    def on_progress(graph: str, done: int, total: int) -> None:
        if graph not in tasks:
            tasks[graph] = bars.add_task(_short(graph), total=max(total, 1))
        bars.update(tasks[graph], completed=done if total else 1)

    def on_graph(result: GraphResult) -> None:
        if result.status != "pushed":
            console.print(f"[red]failed[/red] <{result.graph}> after {result.attempts} "
                          f"attempt(s): {result.error}", highlight=False, soft_wrap=True)

    with bars:
        report = push(
            store, to, graphs=list(graphs) or None, on_graph=on_graph, on_progress=on_progress,
            query_endpoint=query_endpoint, update_endpoint=update_endpoint, protocol=protocol,
            token=token, user=user, password=password, retries=retries, chunk=chunk,
            timeout=timeout,
        )
    pushed = len(report.graphs) - len(report.failed)
    protocols = sorted({g.protocol for g in report.graphs if g.protocol})
    click.echo(f"{pushed} of {len(report.graphs)} graphs pushed and their counts checked "
               f"({report.triples} triples{', by ' + ' and '.join(protocols) if protocols else ''})"
               f"; {len(report.failed)} failed")
    if report.failed:
        sys.exit(EXIT_ERROR)


def _short(graph: str) -> str:
    name = graph.rstrip("/").rsplit("/", 1)[-1]
    return name if len(name) <= 40 else name[:39] + "…"
