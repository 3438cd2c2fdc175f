"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store`` (indirect graph identification).

``?graph=IRI`` names a graph, ``?default`` the store's default graph (empty in our layout: all
data lives in named graphs). ``GET``/``HEAD`` of the whole store without either parameter returns
the dataset (TriG, N-Quads or JSON-LD).

- ``GET``/``HEAD``: 200 with the graph in the negotiated format; 404 for a missing graph;
  406 when no format fits.
- ``PUT``: replaces the graph; 201 when it created it, 204 otherwise.
- ``POST``: adds to the graph (201 if it was created, else 204); without ``graph``/``default``
  creates a new graph ``{base}graph/{uuid}`` and answers 201 with its IRI in ``Location``.
  ``multipart/form-data`` bodies are accepted, each part in its own format.
- ``DELETE``: removes the graph (204), 404 if missing.

Every write is one transaction (:func:`resolutions_kg.store.write_graph`): a reader sees the
graph before a ``PUT`` or after it, never empty or half-filled, and a write the store refuses
(a full disk) leaves the graph as it was and answers 503 (:meth:`.context.AppContext.write`).
``GET`` of a graph or the whole store streams the dump as the store writes it (:mod:`.streaming`),
so a large store costs no more memory per request than a few chunks.

Writes need the bearer token (:mod:`.auth`). Bodies: Turtle, N-Triples, JSON-LD, RDF/XML, TriG
and N-Quads (without named graphs) in UTF-8; others → 415; bad RDF → 400 with the parser's message;
a JSON-LD or RDF/XML body nested deeper than ``max_body_depth`` → 400, before it is parsed.
"""

from __future__ import annotations

import uuid
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from resolutions_kg.endpoint.auth import require_writer
from resolutions_kg.endpoint.bodies import Params, json_depth, read_body, utf8_text, xml_depth
from resolutions_kg.endpoint.context import AppContext
from resolutions_kg.endpoint.errors import HTTPError
from resolutions_kg.endpoint.negotiation import body_format, media_type_of, negotiate
from resolutions_kg.endpoint.streaming import stream
from resolutions_kg.errors import StoreError
from resolutions_kg.formats import RdfFormat
from resolutions_kg.store import remove_graph, write_graph

Target = ox.NamedNode | ox.DefaultGraph | None


def _target(params: Params, *, required: bool) -> Target:
    iri = params.one("graph")
    if iri is not None and "default" in params:
        raise HTTPError(400, "Give either ?graph=IRI or ?default, not both.")
    if "default" in params:
        return ox.DefaultGraph()
    if iri is None:
        if required:
            raise HTTPError(400, "Name the graph with ?graph=IRI, or ?default.")
        return None
    if ":" not in iri:
        raise HTTPError(400, f"The graph {iri!r} is not an absolute IRI.")
    try:
        return ox.NamedNode(iri)
    except ValueError as exc:
        raise HTTPError(400, f"The graph {iri!r} is not a valid IRI: {exc}") from exc


def _exists(store: ox.Store, target: Target) -> bool:
    return not isinstance(target, ox.NamedNode) or store.contains_named_graph(target)


async def store_endpoint(request: Request) -> Response:
    ctx: AppContext = request.app.state.ctx
    params = Params(list(request.query_params.multi_items()))
    method = request.method
    if method in ("GET", "HEAD"):
        return await _read(request, ctx, _target(params, required=False))
    require_writer(request)
    if method == "DELETE":
        return await _delete(ctx, _target(params, required=True))
    target = _target(params, required=method == "PUT")
    body = await read_body(request)
    base = target.value if isinstance(target, ox.NamedNode) else ctx.base_iri
    limit = int(ctx.settings.get("max_body_depth") or 0)
    triples = await run_in_threadpool(_parse, body, request.headers.get("content-type"), base,
                                      limit)
    created_iri = None
    if target is None:
        created_iri = f"{ctx.base_iri}graph/{uuid.uuid4()}"
        target = ox.NamedNode(created_iri)
    graph = target

    def write(store: ox.Store) -> bool:
        return write_graph(store, graph, triples, replace=method == "PUT")

    existed = await ctx_write(ctx, write)
    if created_iri is not None:
        return Response(status_code=201, headers={"Location": created_iri})
    return Response(status_code=204 if existed else 201)


async def _read(request: Request, ctx: AppContext, target: Target) -> Response:
    formats = [f for f in RdfFormat if target is not None or f.supports_datasets]
    fmt = negotiate(request.headers.get("accept"), formats)
    if fmt is None:
        offered = ", ".join(f.media_type for f in formats)
        raise HTTPError(406, f"No acceptable format for this graph; available: {offered}.")

    def exists() -> bool:
        return _exists(ctx.store, target)

    if not await run_in_threadpool(exists):
        raise HTTPError(404, f"No graph <{target.value}> in this store.")  # type: ignore
    headers = {"Vary": "Accept"}
    if request.method == "HEAD":
        return Response(media_type=fmt.content_type, headers=headers)
    store = ctx.store
    options: dict[str, Any] = {"format": fmt.pyoxigraph}
    if target is not None:
        options["from_graph"] = target
    return StreamingResponse(stream(lambda output: store.dump(output, **options)),
                             media_type=fmt.content_type, headers=headers)


async def _delete(ctx: AppContext, target: Target) -> Response:
    def delete(store: ox.Store) -> bool:
        assert target is not None
        return remove_graph(store, target)

    if not await ctx_write(ctx, delete):
        raise HTTPError(404, f"No graph <{target.value}> in this store.")  # type: ignore
    return Response(status_code=204)


async def ctx_write(ctx: AppContext, fn: Any) -> Any:
    """``ctx.write(fn)`` in a thread; a write the store refused is a 503 (the server lives on)."""
    try:
        return await run_in_threadpool(ctx.write, fn)
    except StoreError as exc:
        raise HTTPError(503, f"The write was not made: {exc}", headers={"Retry-After": "5"}
                        ) from exc


def _parse(body: bytes, content_type: str | None, base: str, depth_limit: int = 0) -> list[Any]:
    """Triples of a request body (each part of a multipart/form-data body in its own format);
    400 for a JSON-LD or RDF/XML body nested deeper than ``depth_limit`` (0: no limit)."""
    media, params = media_type_of(content_type)
    if media == "multipart/form-data":
        if "boundary" not in params:
            raise HTTPError(400, "multipart/form-data without a boundary.")
        head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + body)
        triples: list[Any] = []
        for part in message.iter_parts():
            payload = part.get_payload(decode=True)
            triples += _parse(payload if isinstance(payload, bytes) else b"",
                              part.get("content-type"), base, depth_limit)
        return triples
    fmt = body_format(content_type)
    if fmt is None:
        accepted = ", ".join(f.media_type for f in RdfFormat)
        raise HTTPError(415, f"Cannot read {media or 'a body without Content-Type'}; "
                             f"send one of {accepted}.")
    text = utf8_text(body, content_type)
    measure = {RdfFormat.JSON_LD: json_depth, RdfFormat.RDF_XML: xml_depth}.get(fmt)
    if depth_limit and measure is not None and measure(text, depth_limit) > depth_limit:
        raise HTTPError(400, f"The {fmt.media_type} body nests deeper than {depth_limit} levels; "
                             f"this server accepts at most {depth_limit} (setting "
                             f"max_body_depth).")
    try:
        return list(ox.parse(text, format=fmt.pyoxigraph, base_iri=base,
                             without_named_graphs=True, rename_blank_nodes=True))
    except SyntaxError as exc:
        raise HTTPError(400, f"Bad {fmt.media_type} body: {exc}") from exc


def routes() -> list[Route]:
    return [
        Route("/store", store_endpoint, methods=["GET", "HEAD", "PUT", "POST", "DELETE"],
              name="store"),
    ]
