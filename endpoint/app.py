"""The web application: ``create_app(store_path, **settings)``.

Routes: ``/health`` (JSON: status, mode, workers, process id, where queries run, store
version, triples, graphs; 503 with the reason when a server that accepts writes cannot write),
``/sparql`` (:mod:`.sparql`), ``/store`` (:mod:`.gsp`), and — when the module exists — the
linked-data site of ``resolutions_kg.endpoint.site.routes(ctx)`` (pages, VoID, dumps, query UI),
mounted after ours.

Middleware (:mod:`.edge`): Starlette's CORS for every origin without credentials (preflight
``OPTIONS`` included) and its gzip for bodies over 1 kB (by ISA-L); a path or query string
that is not UTF-8 is a 400 (:mod:`.strict`). Every error of :mod:`resolutions_kg.errors` is
answered by one handler (:func:`.errors.handle_error`), in the one body shape of :mod:`.errors`. The
lifespan opens the store and starts the query workers before the server accepts connections, and
stops them at shutdown.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from resolutions_kg.endpoint import edge, gsp, sparql
from resolutions_kg.endpoint.context import AppContext
from resolutions_kg.endpoint.errors import (
    handle_error,
    handle_server_error,
    handle_starlette_error,
)
from resolutions_kg.endpoint.strict import StrictUTF8
from resolutions_kg.errors import ResolutionsKGError
from resolutions_kg.settings import SETTINGS


def effective_settings(overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Defaults of :data:`SETTINGS` updated with ``overrides`` (None means default)."""
    values = {s.name: s.default for s in SETTINGS}
    unknown = set(overrides) - set(values)
    if unknown:
        raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
    values.update({k: v for k, v in overrides.items() if v is not None})
    return values


async def health(request: Request) -> JSONResponse:
    """200 ``{"status": "ok", …}``; 503 ``{"status": "cannot-write", "reason": …}`` for a server
    that accepts writes but whose store refuses them (it keeps answering reads)."""
    ctx: AppContext = request.app.state.ctx
    fault = await run_in_threadpool(ctx.write_fault)
    stats = await run_in_threadpool(ctx.stats)
    body: dict[str, Any] = {
        "status": "ok" if fault is None else "cannot-write",
        "mode": "read-only" if ctx.read_only else "read-write",
        "workers": ctx.pool.size,
        "process": os.getpid(),
        "store": "memory" if ctx.in_memory else ("remote" if ctx.settings.get("backend")
                                                 else "disk"),
        "version": ctx.version,
        **stats,
    }
    if fault is not None:
        body["reason"] = fault
    return JSONResponse(body, status_code=200 if fault is None else 503)


def _site_routes(ctx: AppContext) -> list[BaseRoute]:
    from resolutions_kg.endpoint import site

    return list(site.routes(ctx))


def create_app(store_path: str | Path | None, *, backend: str | None = None,
               on_stuck: Callable[[], None] | None = None, **settings: Any) -> Starlette:
    """The Starlette app serving the store at ``store_path``, or, with ``backend`` (the URL of
    a SPARQL endpoint), serving that endpoint's data read-only (:mod:`.backend`).

    Keyword arguments are settings of :mod:`resolutions_kg.settings` (``base_iri``,
    ``update_token``, ``query_timeout``, ``max_query_length``, ``max_body``, ``workers`` …).
    The store is opened, and the workers started, by the app's lifespan. ``on_stuck``: see
    :meth:`.context.AppContext.open`.
    """
    values = effective_settings(settings)
    values["store"] = str(store_path or "")
    if backend is not None:
        values["backend"] = backend
    holder: dict[str, AppContext] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        ctx = await run_in_threadpool(AppContext.open, store_path or "", values,
                                      on_stuck=on_stuck)
        holder["ctx"] = ctx
        app.state.ctx = ctx
        for route in _site_routes(ctx):
            app.router.routes.append(route)
        try:
            yield
        finally:
            await run_in_threadpool(ctx.close)

    routes: list[BaseRoute] = [
        Route("/health", health, methods=["GET"], name="health"),
        *sparql.routes(),
        *gsp.routes(),
    ]
    middleware = [
        *edge.middleware(),  # CORS, gzip
        # 400 for a path or query string that is not UTF-8.
        Middleware(StrictUTF8),
    ]
    exception_handlers: dict[Any, Any] = {
        ResolutionsKGError: handle_error,  # HTTPError and every library error
        HTTPException: handle_starlette_error,
        Exception: handle_server_error,
    }
    return Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers=exception_handlers,
        lifespan=lifespan,
    )
