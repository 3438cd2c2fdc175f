"""The query UI at ``/query``: YASGUI, served from ``static/yasgui/`` (vendored from npm by
``scripts/vendor_yasgui.sh``; no CDN), sending queries to our ``/sparql``.

The named queries of :mod:`resolutions_kg.queries` are listed beside the editor; clicking one
loads its text into the current tab. Autocompletion that would call remote services (LOV) is
switched off, so the page works offline.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from resolutions_kg.endpoint import pages

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


def examples() -> list[dict[str, str]]:
    """The named queries as examples: name, title, description, text."""
    try:
        from resolutions_kg.queries import catalogue
    except ImportError:  # the catalogue is optional for the UI
        return []
    return [
        {"name": q.name, "title": q.title or q.name, "description": q.description,
         "text": q.text}
        for q in catalogue().values()
    ]


def ui_page(request: Request | None = None) -> Response:
    """The YASGUI page (also what a browser gets for ``GET /sparql`` without a query)."""
    data = json.dumps({"examples": examples(), "defaultQuery": DEFAULT_QUERY},
                      ensure_ascii=False)
    # Safe inside <script type="application/json">: no "</" can close the element early.
    data = data.replace("</", "<\\/")
    body = pages.render("ui.html", title="SPARQL query", config=data)
    return Response(body, media_type="text/html; charset=utf-8")


def _ui(request: Request) -> Response:
    return ui_page(request)


def routes(ctx: Any) -> list[BaseRoute]:
    """``/query`` (the UI). Also registers the UI as ``ctx.sparql_html`` when the context has it."""
    if hasattr(ctx, "sparql_html") and getattr(ctx, "sparql_html", None) is None:
        ctx.sparql_html = ui_page
    return [Route("/query", _ui)]
