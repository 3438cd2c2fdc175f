"""The query UI at ``/query``: YASGUI, served from ``static/yasgui/`` (vendored from npm by
``scripts/vendor_yasgui.sh``; no CDN), sending queries to our ``/sparql``.

The named queries of :mod:`resolutions_kg.queries` are listed beside the editor; clicking one
loads the query (without its ``#+`` header) into the current tab and shows its title, description
and parameters beside it. Autocompletion that would call remote services (LOV) is switched off
(the prefix completer's list is bundled), so the page works offline.

``static/ui.js`` replaces YASR's table with one that shows numbers, dates and texts as values,
IRIs as labels (fetched with one more query to ``/sparql``) or prefixed names (our
:data:`~resolutions_kg.namespaces.PREFIXES`), and links IRIs under the base IRI to their page on
this server, in the same tab; it adds a chart view drawn with the vendored Vega-Lite
(``static/vega/``).
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from resolutions_kg.endpoint import pages
from resolutions_kg.namespaces import PREFIXES
from resolutions_kg.settings import DEFAULT_BASE_IRI

DEFAULT_QUERY = """\
PREFIX reskg: <https://w3id.org/resolutions-kg/ontology#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>

SELECT ?resolution ?title ?date WHERE {
  ?resolution a reskg:Resolution ;
    dct:title ?title .
  OPTIONAL { ?resolution eli:date_document ?date }
}
ORDER BY ?date
LIMIT 100
"""


def examples() -> list[dict[str, Any]]:
    """The named queries as examples: name, title, description, parameters, and the query
    text without its ``#+`` header."""
    from resolutions_kg.queries import catalogue

    return [
        {"name": q.name, "title": q.title or q.name, "description": q.description,
         "parameters": [{"name": p.name, "type": p.type, "optional": p.optional,
                         "description": p.description} for p in q.parameters],
         "text": q.body}
        for q in catalogue().values()
    ]


def ui_page(request: Request | None = None, *, base_iri: str = DEFAULT_BASE_IRI) -> Response:
    """The YASGUI page (also what a browser gets for ``GET /sparql`` without a query)."""
    data = json.dumps({"examples": examples(), "defaultQuery": DEFAULT_QUERY,
                       "baseIri": base_iri, "prefixes": PREFIXES},
                      ensure_ascii=False)
    # Safe inside <script type="application/json">: no "</" can close the element early.
    data = data.replace("</", "<\\/")
    body = pages.render("ui.html", title="SPARQL query", config=data)
    return Response(body, media_type="text/html; charset=utf-8")


def routes(ctx: Any) -> list[BaseRoute]:
    """``/query`` (the UI). Also registers the UI as ``ctx.sparql_html`` when the context has it."""
    page = partial(ui_page, base_iri=getattr(ctx, "base_iri", None) or DEFAULT_BASE_IRI)
    if hasattr(ctx, "sparql_html") and getattr(ctx, "sparql_html", None) is None:
        ctx.sparql_html = page
    return [Route("/query", page)]
