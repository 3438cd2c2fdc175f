"""CORS and gzip for every response, in one pass: :class:`EdgeMiddleware`.

It answers as Starlette's ``CORSMiddleware`` (every origin, no credentials, our methods and
exposed headers) wrapped around ``GZipMiddleware`` did — same headers, in the same order, same
content (``tests/test_endpoint_edge.py`` compares the two over a table of requests) — but works on
the raw header lists of the ASGI messages instead of building header objects and a responder per
request, which was a quarter of the server's time per small query. CORS preflight requests are
answered by a ``CORSMiddleware`` of the same configuration.

Compression follows ``GZipMiddleware``: bodies of at least ``minimum_size`` bytes are gzipped when
the request's ``Accept-Encoding`` names gzip (and get ``Vary: Accept-Encoding`` either way); not
responses that already have a ``Content-Encoding``, partial (206) responses, or already compressed
media types; chunks of 1 MiB or more are compressed in a thread (ISA-L compresses one in about
a millisecond; the event loop is not held longer). The deflate stream is made by
ISA-L (``isal``: the same gzip format, several times faster than zlib on the tens of kilobytes a
SPARQL answer often is), with a window no larger than a body whose size is known, and at level
0 for small bodies (:data:`SMALL_BODY`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, cast

import anyio.to_thread
from isal import isal_zlib
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES
from starlette.types import ASGIApp, Message, Receive, Scope, Send

Raw = list[tuple[bytes, bytes]]

THREAD_MINIMUM_SIZE = 1024 * 1024
#: Whole bodies up to this size are compressed at ISA-L's level 0: on a few kilobytes of SPARQL
#: results it takes a quarter of the time of level 1 or 2 (whose larger hash tables cost more to
#: set up than such a body to compress) for some hundred bytes more, still about a seventh of
#: the body.
SMALL_BODY = 16 * 1024
_EXCLUDED = frozenset(t.encode() for t in DEFAULT_EXCLUDED_CONTENT_TYPES)


def _first(headers: Sequence[tuple[bytes, bytes]], key: bytes) -> bytes | None:
    for k, v in headers:
        if k == key:
            return v
    return None


def _set(headers: Raw, key: bytes, value: bytes) -> None:
    """Starlette's ``MutableHeaders.__setitem__``: replace the first, drop the others, or append."""
    if all(k != key for k, _ in headers):  # the usual case
        headers.append((key, value))
        return
    found = [i for i, (k, _) in enumerate(headers) if k == key]
    for i in reversed(found[1:]):
        del headers[i]
    if found:
        headers[found[0]] = (key, value)
    else:
        headers.append((key, value))


def _add_vary(headers: Raw, value: bytes) -> None:
    _set(headers, b"vary", b", ".join([*(v for k, v in headers if k == b"vary"), value]))


class EdgeMiddleware:
    def __init__(self, app: ASGIApp, *, expose_headers: Sequence[str], allow_methods: Sequence[str],
                 max_age: int, minimum_size: int, compresslevel: int) -> None:
        self.app = app
        self.cors = CORSMiddleware(app, allow_origins=["*"], allow_credentials=False,
                                   allow_methods=allow_methods, allow_headers=["*"],
                                   expose_headers=expose_headers, max_age=max_age)
        self.simple = [(k.lower().encode("latin-1"), v.encode("latin-1"))
                       for k, v in self.cors.simple_headers.items()]
        self.minimum_size = minimum_size
        self.compresslevel = compresslevel

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope["headers"]
        origin = _first(headers, b"origin")
        if origin is not None and scope["method"] == "OPTIONS" and \
                _first(headers, b"access-control-request-method") is not None:
            await self.cors(scope, receive, send)
            return
        gzip = b"gzip" in (_first(headers, b"accept-encoding") or b"")
        await self.app(scope, receive, _Responder(self, send, gzip, origin is not None).send)


class _Responder:
    """One response on its way out: holds the start message until the first body decides."""

    def __init__(self, edge: EdgeMiddleware, send: Send, gzip: bool, cors: bool) -> None:
        self.edge, self._send, self.gzip, self.cors = edge, send, gzip, cors
        self.start: Message = {}
        self.started = False
        self.passthrough = False
        self.compressor: _Compressor | None = None

    async def _send_start(self) -> None:
        message = self.start
        headers = message["headers"] = list(message["headers"])
        if self.cors:
            for key, value in self.edge.simple:
                _set(headers, key, value)
        _add_vary(headers, b"Origin")
        await self._send(message)

    async def send(self, message: Message) -> None:
        kind = message["type"]
        if kind == "http.response.start":
            self.start = message
            headers = message.setdefault("headers", [])
            media = (_first(headers, b"content-type") or b"").partition(b";")[0].strip().lower()
            self.passthrough = (
                _first(headers, b"content-encoding") is not None
                or message["status"] == 206
                or media in _EXCLUDED
                or media.partition(b"/")[0] + b"/*" in _EXCLUDED
                or (media.startswith(b"application/grpc+") and b"application/grpc" in _EXCLUDED)
            )
            if self.passthrough:
                await self._send_start()
        elif kind in ("http.response.body", "http.response.pathsend") and self.passthrough:
            await self._send(message)
        elif kind == "http.response.body" and not self.started:
            self.started = True
            body: bytes = message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) < self.edge.minimum_size and not more:
                await self._send_start()
                await self._send(message)
                return
            headers = self.start["headers"]
            _add_vary(headers, b"Accept-Encoding")
            if self.gzip:
                message["body"] = await self._compress(body, more)
                _set(headers, b"content-encoding", b"gzip")
                if more or self.start.get("trailers", False):
                    for i in reversed([i for i, (k, _) in enumerate(headers)
                                       if k == b"content-length"]):
                        del headers[i]
                else:
                    _set(headers, b"content-length", str(len(message["body"])).encode())
            await self._send_start()
            await self._send(message)
        elif kind == "http.response.body":
            if self.gzip:
                message["body"] = await self._compress(message.get("body", b""),
                                                       message.get("more_body", False))
            await self._send(message)
        elif kind == "http.response.pathsend":
            await self._send_start()
            await self._send(message)
        else:
            await self._send(message)

    async def _compress(self, body: bytes, more: bool) -> bytes:
        if len(body) >= THREAD_MINIMUM_SIZE:
            return await anyio.to_thread.run_sync(self._compress_now, body, more)
        return self._compress_now(body, more)

    def _compress_now(self, body: bytes, more: bool) -> bytes:
        if self.compressor is None and not more:  # the whole body: one call
            bits = max(9, min(isal_zlib.MAX_WBITS, (len(body) - 1).bit_length()))
            level = 0 if len(body) <= SMALL_BODY else self.edge.compresslevel
            return bytes(isal_zlib.compress(body, level, 16 + bits))
        if self.compressor is None:
            self.compressor = _compressor(self.edge.compresslevel)
        if more:
            return self.compressor.compress(body) + self.compressor.flush(isal_zlib.Z_SYNC_FLUSH)
        return self.compressor.compress(body) + self.compressor.flush()


class _Compressor(Protocol):
    """The part of ``isal_zlib.compressobj()`` (isal ships no type hints) that we use."""

    def compress(self, data: bytes, /) -> bytes: ...
    def flush(self, mode: int = ..., /) -> bytes: ...


def _compressor(level: int) -> _Compressor:
    """An ISA-L gzip compressor at ``level`` (0–3) for a body that comes in parts."""
    obj = isal_zlib.compressobj(level, isal_zlib.DEFLATED, 16 + isal_zlib.MAX_WBITS)
    return cast(_Compressor, obj)
