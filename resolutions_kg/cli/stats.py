"""``reskg stats``: what the store holds."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table

from resolutions_kg.cli import setting_option
from resolutions_kg.stats import store_stats
from resolutions_kg.store import open_store


@click.command("stats")
@setting_option("store", required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def command(store: str, as_json: bool) -> None:
    """Graphs with their triple counts, and resources by class."""
    stats = store_stats(open_store(store, read_only=True))
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    graphs = Table(title="Named graphs")
    graphs.add_column("graph")
    graphs.add_column("triples", justify="right")
    for name, count in stats["graphs"].items():
        graphs.add_row(name, str(count))
    console.print(graphs)
    classes = Table(title="Resources by class")
    classes.add_column("class")
    classes.add_column("resources", justify="right")
    for name, count in stats["classes"].items():
        classes.add_row(name, str(count))
    console.print(classes)
    console.print(f"{stats['triples']} triples in {len(stats['graphs'])} graphs")
