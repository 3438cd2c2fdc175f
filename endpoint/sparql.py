"""The SPARQL 1.1 Protocol at ``/sparql``: queries (GET, POST form, POST direct) and updates.

Queries
    ``GET /sparql?query=…``, ``POST`` ``application/x-www-form-urlencoded`` (``query=…``) or
    ``POST`` ``application/sparql-query``. Parameters ``default-graph-uri`` and
    ``named-graph-uri`` (repeatable) set the dataset; without them the default graph is the union
    of all named graphs. ``format=`` (``json``, ``xml``, ``csv``, ``tsv``, ``ttl``/``turtle``,
    ``nt``, ``jsonld``, ``rdfxml``/``xml``, ``trig``, ``nq``, or a media type) overrides the Accept
    header; ``timeout=`` (seconds) asks for a lower time limit than the server's. Relative IRIs
    resolve against the data base IRI.

Answers
    200 with the results; 400 with the parser's message for a syntax error, and for a query
    nested deeper than ``max_query_depth``, chaining more than ``max_query_chain`` operators or
    calling ``SERVICE`` outside ``service_allow``
    (refused before it is parsed: :mod:`resolutions_kg.sparql_guard`); 406 when no format
    fits the Accept header; 413 for a query longer than ``max_query_length`` or a body over
    ``max_body``; 415 for another content type or charset; 503 when the query ran past its time
    limit (it is stopped, the server keeps answering others), and when its result grew past
    ``max_result_bytes`` (stopped too; results are whole before the answer starts, so a result
    is never cut short); 429 when the client is running ``max_client_queries`` queries already.

Updates
    ``POST`` form (``update=…``) or ``application/sparql-update``, with ``using-graph-uri`` /
    ``using-named-graph-uri``; need the bearer token (see :mod:`.auth`); 204 on success. The
    same limits as for queries apply (``LOAD`` too needs ``service_allow``). Updates
    run in the server process under the write lock and are not time-limited.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from resolutions_kg.endpoint import negotiation
from resolutions_kg.endpoint.auth import require_writer
from resolutions_kg.endpoint.bodies import Params, form_params, read_body, utf8_text
from resolutions_kg.endpoint.context import AppContext
from resolutions_kg.endpoint.errors import HTTPError
from resolutions_kg.endpoint.executor import CHUNK, QueryJob, QueryOutcome
from resolutions_kg.endpoint.gsp import ctx_write
from resolutions_kg.endpoint.negotiation import (
    by_name,
    media_type_of,
    negotiate,
    parse_accept,
    short_names,
)
from resolutions_kg.endpoint.update_dataset import add_using
from resolutions_kg.errors import NotAcceptableError
from resolutions_kg.formats import RdfFormat, ResultsFormat
from resolutions_kg.sparql_guard import check

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"


async def sparql(request: Request) -> Response:
    ctx: AppContext = request.app.state.ctx
    params = Params(list(request.query_params.multi_items()))
    operation: str | None = None
    text: str | None = None
    if request.method == "POST":
        media, _ = media_type_of(request.headers.get("content-type"))
        body = await read_body(request)
        if media == FORM:
            params = Params(params.items + form_params(body))
        elif media in (QUERY, UPDATE):
            operation = "query" if media == QUERY else "update"
            if operation in params:
                raise HTTPError(400, f"A {media} request carries the {operation} in its body, "
                                     f"not as a parameter.")
            text = utf8_text(body, request.headers.get("content-type"))
        else:
            raise HTTPError(
                415,
                f"POST to /sparql needs Content-Type {FORM}, {QUERY} or {UPDATE}"
                + (f", not {media}." if media else "; none was given."),
            )
    if operation is None:
        has_query, has_update = "query" in params, "update" in params
        if has_query and has_update:
            raise HTTPError(400, "Give either a query or an update, not both.")
        if has_update and request.method != "POST":
            raise HTTPError(405, "Updates must be sent with POST.", headers={"Allow": "POST"})
        operation = "update" if has_update else "query"
        text = params.one(operation)
    if text is None:
        if ctx.sparql_html is not None and request.method == "GET" and _wants_html(request):
            return await run_in_threadpool(ctx.sparql_html, request)
        if request.method in ("GET", "HEAD") and not params.items:
            return await run_in_threadpool(_service_description, request, ctx)
        raise HTTPError(400, "Missing the 'query' parameter (a SPARQL query).")
    limit = int(ctx.settings.get("max_query_length") or 0)
    if limit and len(text) > limit:
        raise HTTPError(413, f"The {operation} is {len(text)} characters long; the limit is "
                             f"{limit}.")
    guard(ctx, text)
    if operation == "update":
        return await _update(request, ctx, text, params)
    return await _query(request, ctx, text, params)


def guard(ctx: AppContext, text: str) -> None:
    """QueryRefusedError (400) for a query or update nested deeper than ``max_query_depth``,
    chaining more than ``max_query_chain`` operators, or calling SERVICE or LOAD outside
    ``service_allow`` (:mod:`resolutions_kg.sparql_guard`), before it is parsed."""
    check(text, max_depth=int(ctx.settings.get("max_query_depth") or 0),
          max_chain=int(ctx.settings.get("max_query_chain") or 0),
          service_allow=allowed_services(ctx.settings), base_iri=ctx.base_iri)


def allowed_services(settings: Any) -> list[str]:
    """The IRI prefixes of the setting ``service_allow`` (comma-separated)."""
    return [p.strip() for p in str(settings.get("service_allow") or "").split(",") if p.strip()]


def _wants_html(request: Request) -> bool:
    ranges = parse_accept(request.headers.get("accept"))
    return any(r.type == "text" and r.subtype == "html" and r.q > 0 for r in ranges)


def _formats(request: Request, params: Params) -> tuple[ResultsFormat | None, RdfFormat | None]:
    names = [n for n in params.all("format") if n]
    if names:
        # Some clients (SPARQLWrapper) repeat format= with a short name and a media type.
        results = next((r for n in names if (r := by_name(n, ResultsFormat))), None)
        graph = next((g for n in names if (g := by_name(n, RdfFormat))), None)
        if results is None and graph is None:
            known = ", ".join(short_names(ResultsFormat) + short_names(RdfFormat))
            raise HTTPError(400, f"Unknown format={names[0]!r}; use one of {known}.")
        return results, graph
    results, graph = _negotiated(request.headers.get("accept"))
    if results is None and graph is None:
        raise HTTPError(406, _not_acceptable(request.headers.get("accept"), "results"))
    return results, graph


@functools.lru_cache(maxsize=256)
def _negotiated(accept: str | None) -> tuple[ResultsFormat | None, RdfFormat | None]:
    """The formats an Accept header picks; clients repeat theirs, so the answer is kept."""
    ranges = parse_accept(accept)
    return negotiate(ranges, ResultsFormat), negotiate(ranges, RdfFormat)


def _not_acceptable(accept: str | None, kind: str) -> str:
    table: Any = ResultsFormat if kind == "results" else RdfFormat
    offered = ", ".join(f.media_type for f in table)
    return (f"No acceptable format for these {kind} (Accept: {accept or ''}); "
            f"available: {offered}.")


def _timeout(params: Params) -> float | None:
    raw = params.one("timeout")
    if raw is None or raw == "":
        return None
    try:
        value = float(raw)
    except ValueError:
        raise HTTPError(400, f"timeout={raw!r} is not a number of seconds.") from None
    if not value > 0:
        raise HTTPError(400, "timeout must be a positive number of seconds.")
    return value


async def _query(request: Request, ctx: AppContext, text: str, params: Params) -> Response:
    results, graph = _formats(request, params)
    default = params.iris("default-graph-uri", empty=True)
    named = params.iris("named-graph-uri")
    dataset = bool(default or named)
    job = QueryJob(
        text,
        results_format=results.name if results else None,
        graph_format=graph.name if graph else None,
        base_iri=ctx.base_iri,
        default_graph=tuple(default) if dataset else None,
        named_graphs=tuple(named) if dataset else None,
        union_default_graph=not dataset,
        max_bytes=ctx.max_result_bytes,
    )
    client = request.client.host if request.client else None
    return await _run(ctx, job, _timeout(params), request.headers.get("accept"), client)


async def _run(ctx: AppContext, job: QueryJob, timeout: float | None,
               accept: str | None, client: str | None) -> Response:
    """The response to a query job: its results (its failure is raised)."""
    outcome = await _outcome(ctx, job, timeout, accept, client)
    content_type = _content_type(outcome)
    if outcome.size <= CHUNK:
        return _Result(outcome.read(), media_type=content_type)
    return StreamingResponse(outcome.chunks, headers={"Vary": "Accept"}, media_type=content_type)


async def _outcome(ctx: AppContext, job: QueryJob, timeout: float | None,
                   accept: str | None, client: str | None) -> QueryOutcome:
    """The serialised results of a query job (429 when ``client`` is running as many queries
    as it may). Its errors are answered by the app's handler from their class; a result kind
    with no acceptable format is told which the Accept header was, and what is offered."""
    try:
        with ctx.clients.slot(client):
            return await ctx.arun(job, timeout=timeout)
    except NotAcceptableError as exc:
        raise HTTPError(406, _not_acceptable(accept, exc.kind)) from exc


def _content_type(outcome: QueryOutcome) -> str:
    fmt: ResultsFormat | RdfFormat = (
        ResultsFormat[outcome.format] if outcome.kind == "results" else RdfFormat[outcome.format]
    )
    return fmt.content_type


@functools.lru_cache(maxsize=64)
def _start_headers(content_type: str) -> tuple[tuple[bytes, bytes], ...]:
    """The headers a Starlette ``Response`` gives a result (before its Content-Length)."""
    response = Response(b"", headers={"Vary": "Accept"}, media_type=content_type)
    return tuple((k, v) for k, v in response.raw_headers if k != b"content-length")


class _Result(Response):
    """A whole result: what ``Response(body, headers={"Vary": "Accept"}, media_type=…)`` sends,
    with the headers built once per media type (:func:`_start_headers`), not for every answer."""

    def init_headers(self, headers: Mapping[str, str] | None = None) -> None:
        head = _start_headers(str(self.media_type))
        self.raw_headers = [head[0], (b"content-length", str(len(self.body)).encode()), *head[1:]]


async def _update(request: Request, ctx: AppContext, text: str, params: Params) -> Response:
    require_writer(request)
    text = add_using(text, params.iris("using-graph-uri"), params.iris("using-named-graph-uri"))

    def apply(store: Any) -> None:
        store.update(text, base_iri=ctx.base_iri)

    try:
        await ctx_write(ctx, apply)
    except SyntaxError as exc:
        raise HTTPError(400, f"Update syntax error: {exc}") from exc
    except RuntimeError as exc:  # pyoxigraph's evaluation errors (storage errors are OSError)
        raise HTTPError(400, f"Update error: {exc}") from exc
    return Response(status_code=204)


def routes() -> list[Route]:
    return [Route("/sparql", sparql, methods=["GET", "POST"], name="sparql")]


def _service_description(request: Request, ctx: AppContext) -> Response:
    """``GET /sparql`` without a query: the SPARQL Service Description, in the RDF format the
    client accepts (Turtle when it does not care)."""
    from resolutions_kg.endpoint.linkeddata import RDF_MEDIA_TYPES
    from resolutions_kg.endpoint.void import service_description

    offers = ("text/turtle", *(m for m in RDF_MEDIA_TYPES if m != "text/turtle"))
    media = negotiation.negotiate_media_type(request.headers.get("accept"), offers)
    if media is None:
        raise HTTPError(406, "The Service Description is available as " + ", ".join(offers) + ".")
    body = service_description(ctx, media)
    return Response(body, media_type=media, headers={"Vary": "Accept"})
