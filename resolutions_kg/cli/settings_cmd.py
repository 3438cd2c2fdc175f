"""``reskg settings``: the settings table, as the README documents it."""

from __future__ import annotations

import click

from resolutions_kg.settings import COMMAND_SETTINGS, SETTINGS


@click.command("settings")
@click.option("--markdown", is_flag=True, help="Print a Markdown table (as in the README).")
def command(markdown: bool) -> None:
    """List every setting with its RESKG_* variable, default and meaning."""
    if markdown:
        click.echo("| option | variable | default | meaning |")
        click.echo("|---|---|---|---|")
    for s in SETTINGS + COMMAND_SETTINGS:
        default = "" if s.default is None else str(s.default)
        if markdown:
            click.echo(f"| `{s.option}` | `{s.envvar}` | {default and f'`{default}`'} | {s.help} |")
        else:
            click.echo(f"{s.option:<22} {s.envvar:<24} {default:<34} {s.help}")
