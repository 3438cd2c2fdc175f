"""``reskg serve``: the SPARQL endpoint, Graph Store and linked-data site over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from resolutions_kg.cli import setting_option


@click.command("serve")
@setting_option("store")
@setting_option("backend", metavar="URL")
@setting_option("host")
@setting_option("port")
@setting_option("base_iri")
@setting_option("update_token")
@setting_option("query_timeout")
@setting_option("header_timeout")
@setting_option("keep_alive_timeout")
@setting_option("max_query_length")
@setting_option("max_query_memory")
@setting_option("max_query_depth")
@setting_option("max_query_chain")
@setting_option("service_allow", metavar="IRIS")
@setting_option("max_body")
@setting_option("max_body_depth")
@setting_option("workers")
@setting_option("max_client_queries")
@setting_option("max_result_bytes")
@setting_option("reopen_writes")
@setting_option("processes")
@setting_option("pin_cpus")
@setting_option("memory_triples")
@setting_option("releases", metavar="DIR")
@setting_option("log_level", type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def command(store: str | None, backend: str | None, host: str, port: int, log_level: str,
            **settings: Any) -> None:
    """Serve STORE over HTTP: SPARQL 1.1 Protocol at /sparql, Graph Store Protocol at /store,
    health at /health.

    Without --update-token the server is read-only: --processes server processes (one per core)
    answer queries in --workers threads each, from a copy of the store in memory when it holds
    at most --memory-triples triples. With it, SPARQL Update and Graph Store writes need
    'Authorization: Bearer TOKEN', and queries run in --workers worker processes. A query past
    --query-timeout seconds or --max-query-memory bytes is answered with 503 and stopped.

    With --backend URL the server reads from that SPARQL endpoint (Virtuoso, Fuseki, QLever …)
    instead of a local store: same URLs, pages and answers; read-only (write to the store
    itself, e.g. with 'reskg push').
    """
    from resolutions_kg.endpoint.server import serve
    from resolutions_kg.errors import StoreError
    from resolutions_kg.store import read_state

    ctx = click.get_current_context()
    if backend:
        if settings.get("update_token"):
            raise click.UsageError("--backend is read-only: write to the SPARQL store itself "
                                   "(e.g. reskg push), not through --update-token")
        store = None
    elif not store:
        raise click.UsageError("give --store DIR (a local store) or --backend URL")
    elif not settings.get("update_token") and not (Path(store) / "CURRENT").is_file():
        # a read-only server needs a store; say so here rather than once per server process
        raise StoreError(f"{store}: no store here (run 'reskg load … --store {store}' first)")
    elif ctx.get_parameter_source("base_iri") is click.core.ParameterSource.DEFAULT:
        # the base the store was published under, unless one was asked for
        settings["base_iri"] = read_state(store).get("base_iri", settings["base_iri"])
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
    click.echo(
        f"Serving {store or backend} (base IRI {settings['base_iri']})\n"
        f"  home            {url}/\n"
        f"  search          {url}/search\n"
        f"  recommendations {url}/recommendations\n"
        f"  query UI        {url}/query\n"
        f"  SPARQL          {url}/sparql\n"
        f"  Graph Store     {url}/store\n"
        f"  dataset (VoID)  {url}/dataset\n"
        f"  dumps           {url}/dumps/\n"
        f"  releases        {url}/releases/\n"
        f"  named queries   {url}/queries\n"
        f"Press Ctrl+C to stop.",
        err=True,
    )
    if backend:
        settings["backend"] = backend
    serve(store or "", host=host, port=port, log_level=log_level, **settings)
