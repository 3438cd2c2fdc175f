"""The named-query catalogue over HTTP: ``/queries`` and ``/queries/{name}``.

``GET /queries`` lists the catalogue of :mod:`resolutions_kg.queries` (HTML, or JSON when asked).
``GET /queries/NAME?param=value…`` runs a named query in the server's time-limited workers with
its parameters bound by ``substitutions=`` (never pasted into the text) and answers in the
negotiated format: SPARQL JSON, CSV, TSV or an HTML table (``?format=json|csv|tsv|html`` works
too). A browser that gives no parameters to a query that needs some gets the form to fill in.
An unknown query is a 404; a missing, unknown or mistyped parameter a 400 naming it.

The HTML page renders the query's Markdown description (raw HTML escaped), offers for each IRI
parameter a searchable list (``<datalist>``) of the resources that fit — the instances of the
class the query gives the parameter's variable (``?resolution a reskg:Resolution``), else the
resolutions, events and recommendations — by label, and shows result IRIs by their labels,
linked to our pages, the IRI small beside.

Answers are kept per store version (the last :data:`CACHED` of at most :data:`CACHED_BYTES`
each, by query, parameters and format): a named query over the whole store is not free on a
large one (docs/performance-notes.md), and its answer only changes when the store does.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from typing import Any

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from resolutions_kg.endpoint import negotiation, pages
from resolutions_kg.endpoint.errors import HTTPError
from resolutions_kg.endpoint.linkeddata import RDF_MEDIA_TYPES, serialize_terms
from resolutions_kg.errors import QuerySyntaxError
from resolutions_kg.formats import ResultsFormat
from resolutions_kg.namespaces import RDF, RESKG, SCHEMA
from resolutions_kg.queries import NamedQuery, catalogue, named_query

HTML = "text/html"
JSON = ResultsFormat.JSON.media_type
RESULTS: dict[str, ox.QueryResultsFormat] = {f.media_type: f.pyoxigraph for f in ResultsFormat}
NAMES = {f.names[0]: f.media_type for f in ResultsFormat} | {"html": HTML}
#: Offers for SELECT/ASK results, in order of preference; application/json is JSON too.
OFFERS = (HTML, JSON, "application/json",
          *(f.media_type for f in ResultsFormat if f is not ResultsFormat.JSON))


#: Most options offered for one IRI parameter.
DATALIST_LIMIT = 500
#: What an IRI parameter of no known class is offered: the resources pages are about.
DEFAULT_CLASSES = (str(RESKG.Resolution), str(SCHEMA.Event), str(RESKG.Recommendation))
#: Classes of IRI parameters whose variable the query does not type, by parameter name.
NAMED_CLASSES = {"resolution": (str(RESKG.Resolution),), "event": (str(SCHEMA.Event),),
                 "recommendation": (str(RESKG.Recommendation),)}
#: Answers kept (the most recently used), and the largest kept.
CACHED = 64
CACHED_BYTES = 1 << 20
_PREFIX = re.compile(r"PREFIX\s+([\w-]*):\s*<([^>]*)>", re.IGNORECASE)


def parameter_classes(query: NamedQuery, name: str) -> tuple[str, ...]:
    """The classes the query's text gives the variable ``?name`` (``?name a reskg:Resolution``,
    also ``?name a <…>``), else those of :data:`NAMED_CLASSES`, else :data:`DEFAULT_CLASSES`."""
    prefixes = {p: ns for p, ns in _PREFIX.findall(query.text)}
    found = []
    pattern = rf"\?{re.escape(name)}\s+(?:a|rdf:type)\s+(<[^>]*>|[\w-]*:[\w-]+)"
    for term in re.findall(pattern, query.text):
        if term.startswith("<"):
            found.append(term[1:-1])
        else:
            prefix, local = term.split(":", 1)
            if prefix in prefixes:
                found.append(prefixes[prefix] + local)
    return tuple(dict.fromkeys(found)) or NAMED_CLASSES.get(name, DEFAULT_CLASSES)


def options(renderer: pages.Renderer, classes: tuple[str, ...], limit: int = DATALIST_LIMIT
            ) -> list[dict[str, str]]:
    """The instances of ``classes`` as ``{"iri", "label"}``, sorted by label, at most ``limit``."""
    seen: dict[str, str] = {}
    for cls in classes:
        for q in renderer.store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)),
                                                  ox.NamedNode(cls)):
            if isinstance(q.subject, ox.NamedNode) and q.subject.value not in seen:
                seen[q.subject.value] = renderer.label(q.subject.value) or q.subject.value
                if len(seen) >= limit:
                    break
        if len(seen) >= limit:
            break
    return [{"iri": iri, "label": label}
            for iri, label in sorted(seen.items(), key=lambda item: (item[1], item[0]))]


def describe_query(query: NamedQuery) -> dict[str, Any]:
    return {
        "name": query.name,
        "title": query.title,
        "description": query.description,
        "url": f"/queries/{query.name}",
        "parameters": [
            {"name": p.name, "type": p.type, "optional": p.optional, "default": p.default,
             "description": p.description}
            for p in query.parameters
        ],
        "query": query.text,
    }


def _chosen(request: Request, offers: tuple[str, ...]) -> str:

    name = request.query_params.get("format")
    if name:
        media = NAMES.get(name.lower(), name.lower())
        if media not in offers:
            raise HTTPError(400, f"unknown format {name!r} (formats: {', '.join(NAMES)})")
        return media
    negotiated = negotiation.negotiate_media_type(request.headers.get("accept"), offers)
    if negotiated is None:
        raise HTTPError(406, "acceptable here: " + ", ".join(offers))
    return negotiated


class NamedQueries:
    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self._answers: OrderedDict[tuple[Any, ...], tuple[bytes, str]] = OrderedDict()
        self._lock = threading.Lock()

    def run(self, request: Request) -> Response:
        version = str(getattr(self.ctx, "version", "") or "")
        query = named_query(request.path_params["name"])  # UnknownQueryError: 404
        media = _chosen(request, OFFERS + tuple(RDF_MEDIA_TYPES))
        key = (version, query.name, media,
               tuple(sorted(request.query_params.multi_items())))
        if version:
            with self._lock:
                hit = self._answers.get(key)
                if hit is not None:
                    self._answers.move_to_end(key)
                    return Response(hit[0], media_type=hit[1], headers={"Vary": "Accept"})
        # the version was read first: an answer is never older than the version it is kept under
        response = self._run(request, query, media)
        body = bytes(response.body)
        if version and response.status_code == 200 and len(body) <= CACHED_BYTES:
            with self._lock:
                if any(k[0] != version for k in self._answers):
                    self._answers.clear()
                self._answers[key] = (body, str(response.media_type))
                while len(self._answers) > CACHED:
                    self._answers.popitem(last=False)
        return response

    def listing(self, request: Request) -> Response:
        queries = [describe_query(q) for q in catalogue().values()]
        if _chosen(request, (HTML, "application/json")) == "application/json":
            return JSONResponse({"queries": queries}, headers={"Vary": "Accept"})
        body = pages.render("queries.html", title="Named queries", queries=queries)
        return Response(body, media_type="text/html; charset=utf-8", headers={"Vary": "Accept"})

    def _run(self, request: Request, query: NamedQuery, media: str) -> Response:
        values = {k: v for k, v in request.query_params.items() if k != "format" and v != ""}
        needed = [p.name for p in query.parameters if not p.optional and p.default is None]
        if media == HTML and needed and not values:
            return self._page(query, values, None)
        bound = query.bindings(values)  # ParameterError: 400
        client = request.client.host if request.client else None
        try:
            with self.ctx.clients.slot(client):
                results = self.ctx.query(query.text, substitutions=bound)
        except QuerySyntaxError as exc:  # ours, not the client's: a 500 that says which
            raise HTTPError(500, f"query {query.name!r} does not parse: {exc}") from exc
        headers = {"Vary": "Accept"}
        if isinstance(results, list):  # CONSTRUCT / DESCRIBE
            if media == HTML:
                return self._page(query, values, _triple_table(results))
            if media not in RDF_MEDIA_TYPES:
                media = "text/turtle"
            return Response(serialize_terms(results, media),
                            media_type=f"{media}; charset=utf-8", headers=headers)
        if media == HTML:
            return self._page(query, values, _table(results))
        if media in RDF_MEDIA_TYPES:
            raise HTTPError(406, f"query {query.name!r} gives a table, not a graph")
        fmt = RESULTS[JSON if media == "application/json" else media]
        data = results.serialize(format=fmt) or b""
        return Response(data, media_type=f"{media}; charset=utf-8", headers=headers)

    def _page(self, query: NamedQuery, values: dict[str, str],
              table: tuple[list[str], list[list[Any]]] | None) -> Response:
        base_iri = self.ctx.base_iri
        renderer = pages.Renderer(self.ctx.store, base_iri)
        rows = None
        if table is not None:
            rows = [[_cell(renderer, term) for term in row] for row in table[1]]
        lists = {p.name: options(renderer, parameter_classes(query, p.name))
                 for p in query.parameters if p.type == "iri"}
        body = pages.render(
            "query.html", title=query.title or query.name, query=describe_query(query),
            values=values, columns=table[0] if table else None, rows=rows, lists=lists,
        )
        return Response(body, media_type="text/html; charset=utf-8", headers={"Vary": "Accept"})


def _table(results: Any) -> tuple[list[str], list[list[Any]]]:
    if isinstance(results, ox.QueryBoolean):
        return ["result"], [[ox.Literal(str(bool(results)).lower())]]
    names = [v.value for v in results.variables]
    return names, [[solution[n] for n in names] for solution in results]


def _triple_table(triples: list[ox.Triple]) -> tuple[list[str], list[list[Any]]]:
    return ["subject", "predicate", "object"], [[t.subject, t.predicate, t.object]
                                                for t in triples]


def _cell(renderer: pages.Renderer, term: Any) -> dict[str, Any]:
    cell: dict[str, Any] = {"text": "", "href": None, "lang": None, "name": None, "iri": None}
    if isinstance(term, ox.NamedNode):
        link = renderer.link(term.value)
        # our own IRIs by their label (the IRI is the link's title); others with the IRI beside
        ours = link.href is not None and link.href.startswith(("/", "#"))
        cell.update(text=link.text, href=link.href, iri=link.iri,
                    name=link.name if link.text != link.name and not ours else None)
    elif isinstance(term, ox.Literal):
        cell.update(text=term.value, lang=term.language)
    elif term is not None:
        cell.update(text=str(term))
    return cell


def routes(ctx: Any) -> list[BaseRoute]:
    handlers = NamedQueries(ctx)
    return [
        Route("/queries", handlers.listing),
        Route("/queries/{name}", handlers.run),
    ]
