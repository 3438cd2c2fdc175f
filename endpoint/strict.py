"""Requests whose path or query string is not UTF-8: :class:`StrictUTF8`.

uvicorn and Starlette decode percent-encoded bytes that are not UTF-8 (``?query=%FF``,
``/resolution/%FF``) with replacement characters, so a query would run on text the client never
sent. This middleware answers such a request with 400, naming the parameter, before any route
sees it.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

from starlette.types import ASGIApp, Receive, Scope, Send

from resolutions_kg.endpoint.errors import error_response

#: A byte that is not ASCII, percent-encoded or raw: only then can decoding fail.
_HIGH = re.compile(rb"%[89A-Fa-f][0-9A-Fa-f]|[\x80-\xff]")


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def undecodable(scope: Scope) -> str | None:
    """Why the request's path or query string is not UTF-8, or None when it is."""
    raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
    if _HIGH.search(raw_path) and not _utf8(unquote_to_bytes(raw_path)):
        return "The path is not valid UTF-8 once percent-decoded."
    query: bytes = scope.get("query_string", b"")
    if not _HIGH.search(query):
        return None
    for pair in query.split(b"&"):
        raw_name, _, raw_value = pair.partition(b"=")
        name = unquote_to_bytes(raw_name.replace(b"+", b" "))
        if not _utf8(name):
            return "A parameter name in the query string is not valid UTF-8 once percent-decoded."
        if not _utf8(unquote_to_bytes(raw_value.replace(b"+", b" "))):
            return (f"The parameter {name.decode()!r} is not valid UTF-8 once percent-decoded "
                    f"(a query, IRI or text must be sent as UTF-8).")
    return None


class StrictUTF8:
    """ASGI middleware: 400 for a request whose path or query string is not UTF-8."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            problem = undecodable(scope)
            if problem is not None:
                accept = next((v.decode("latin-1") for k, v in scope["headers"]
                               if k == b"accept"), None)
                await error_response(400, problem, accept=accept)(scope, receive, send)
                return
        await self.app(scope, receive, send)
