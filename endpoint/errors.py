"""HTTP errors: one body shape per media type, built here and nowhere else.

Every error of the tree in :mod:`resolutions_kg.errors` — a library error, or the
:class:`~resolutions_kg.errors.HTTPError` a route raises for a bad request — reaches the one
handler :func:`handle_error`, which answers its ``http_status`` with its message and headers
(``Retry-After`` for the timeouts; a 500 is logged with its traceback and answered without
details). Starlette's own ``HTTPException`` (404 for an unknown path, 405 for a wrong method) and
unexpected exceptions (500, logged) are answered by :func:`error_response` too.

The body follows the client's Accept header:

- ``application/json`` (and any ``+json`` type, e.g. SPARQL JSON results):
  ``{"status": 400, "error": "Bad Request", "message": "..."}``
- ``text/html``: a page with the same three facts, in the site's layout (``error.html``, which
  extends ``base.html``: the same header and stylesheet as every page);
- anything else: ``text/plain``, ``400 Bad Request\\n\\n<message>\\n``.
"""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Mapping
from http import HTTPStatus

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from resolutions_kg.endpoint.negotiation import parse_accept
from resolutions_kg.errors import HTTPError, ResolutionsKGError

__all__ = ["HTTPError", "error_media_type", "error_response", "handle_error",
           "handle_server_error", "handle_starlette_error", "html_error_body", "json_error_body",
           "text_error_body"]

logger = logging.getLogger("resolutions_kg.endpoint")


def _title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def json_error_body(status: int, message: str) -> bytes:
    body = {"status": status, "error": _title(status), "message": message}
    return json.dumps(body, ensure_ascii=False).encode()


def html_error_body(status: int, message: str) -> bytes:
    from resolutions_kg.endpoint.pages import render

    try:
        page = render("error.html", title=f"{status} {_title(status)}", status=status,
                      phrase=_title(status), message=message)
    except Exception:  # a broken template must not hide the error it reports
        logger.exception("error page template failed")
        title = f"{status} {html.escape(_title(status))}"
        page = (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}'
                f"</title></head>\n<body><h1>{title}</h1>\n<pre>{html.escape(message)}</pre>"
                "</body></html>\n")
    return page.encode()


def text_error_body(status: int, message: str) -> bytes:
    return f"{status} {_title(status)}\n\n{message}\n".encode()


_BUILDERS = (
    ("application/json", json_error_body),
    ("text/html", html_error_body),
    ("text/plain", text_error_body),
)


def error_media_type(accept: str | None) -> str:
    """The media type of an error body for this Accept header (plain text unless asked)."""
    best, best_q = "text/plain", 0.0
    for r in parse_accept(accept):
        if r.type == "*" or r.q <= best_q:
            continue
        if r.type == "application" and (r.subtype == "json" or r.subtype.endswith("+json")):
            best, best_q = "application/json", r.q
        elif r.type == "text" and r.subtype == "html":
            best, best_q = "text/html", r.q
    return best


def error_response(
    status: int,
    message: str,
    *,
    accept: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    media_type = error_media_type(accept)
    build = dict(_BUILDERS)[media_type]
    return Response(
        build(status, message),
        status_code=status,
        headers=dict(headers or {}),
        media_type=f"{media_type}; charset=utf-8",
    )


async def handle_error(request: Request, exc: Exception) -> Response:
    """The answer to any error of the tree: its ``http_status``, message and headers."""
    assert isinstance(exc, ResolutionsKGError)
    if exc.http_status == 500 and not isinstance(exc, HTTPError):
        return await handle_server_error(request, exc)
    return error_response(exc.http_status, exc.http_message(),
                          accept=request.headers.get("accept"), headers=exc.http_headers())


async def handle_starlette_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = exc.detail if isinstance(exc.detail, str) else _title(exc.status_code)
    if exc.status_code == 404 and message == _title(404):
        message = f"Nothing here: {request.url.path}"
    elif exc.status_code == 405 and message == _title(405):
        message = f"{request.method} is not allowed on {request.url.path}"
    return error_response(
        exc.status_code, message, accept=request.headers.get("accept"), headers=exc.headers
    )


async def handle_server_error(request: Request, exc: Exception) -> Response:
    logger.exception("server error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(
        500, "Internal server error; it has been logged.", accept=request.headers.get("accept")
    )
