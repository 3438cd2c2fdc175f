"""``reskg serve``: the SPARQL endpoint, Graph Store and linked-data site over a store."""

from __future__ import annotations

import click

from resolutions_kg.cli import setting_option


@click.command("serve")
@setting_option("store", required=True)
@setting_option("host")
@setting_option("port")
@setting_option("base_iri")
@setting_option("update_token")
@setting_option("query_timeout")
@setting_option("max_query_length")
@setting_option("max_body")
@setting_option("workers")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              help="Server log level (the access log is at info).")
def command(store: str, host: str, port: int, log_level: str, **settings: object) -> None:
    """Serve STORE over HTTP: SPARQL 1.1 Protocol at /sparql, Graph Store Protocol at /store,
    health at /health.

    Without --update-token the server is read-only. With it, SPARQL Update and Graph Store writes
    need 'Authorization: Bearer TOKEN'. Queries run in --workers processes and are stopped after
    --query-timeout seconds (503).
    """
    from resolutions_kg.endpoint.server import serve

    serve(store, host=host, port=port, log_level=log_level, **settings)
