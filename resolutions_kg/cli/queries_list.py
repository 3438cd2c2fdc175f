"""``reskg queries``: the catalogue of named queries."""

from __future__ import annotations

import click

from resolutions_kg.cli.query import catalogue_text


@click.command("queries")
def command() -> None:
    """List the named queries with their descriptions and parameters.

    Run one with 'reskg query NAME --store DIR [--param NAME=VALUE …]'.
    """
    click.echo(catalogue_text(), nl=False)
