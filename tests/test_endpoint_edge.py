"""CORS and gzip as the app stacks them (:func:`resolutions_kg.endpoint.edge.middleware`).

Every request of the table goes through the stack around a small app sending one of the
responses of the table; the ASGI messages that come out (status, headers, body bytes) must carry
CORS headers for an Origin, answer preflights, gzip exactly the bodies that may be gzipped, and
name what the answer varies with.
"""

from __future__ import annotations

import asyncio
import itertools
import zlib
from typing import Any

import pytest
from starlette.types import Message, Receive, Scope, Send

from resolutions_kg.endpoint import edge

METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS"
EXPOSE = "Location, Content-Type, Content-Length"
TEXT = b"".join(b"<s%d> <p> \"row %d\" .\n" % (i, i) for i in range(4000))

# name -> (status, headers, body chunks)
RESPONSES: dict[str, tuple[int, list[tuple[bytes, bytes]], list[bytes]]] = {
    "small": (200, [(b"content-type", b"application/sparql-results+json")], [b'{"x": 1}']),
    "large": (200, [(b"content-type", b"text/turtle; charset=utf-8")], [TEXT[:5000]]),
    "huge": (200, [(b"content-type", b"application/n-triples")], [TEXT * 3]),
    "streamed": (200, [(b"content-type", b"application/n-triples")],
                 [TEXT[:3000], TEXT[3000:60000], TEXT[:10]]),
    "vary": (200, [(b"content-type", b"text/turtle"), (b"vary", b"Accept")], [TEXT[:4000]]),
    "small vary": (200, [(b"vary", b"Accept"), (b"content-type", b"text/plain")], [b"ok"]),
    "encoded": (200, [(b"content-type", b"application/n-quads"),
                      (b"content-encoding", b"gzip")], [TEXT[:4000]]),
    "gzip file": (200, [(b"content-type", b"application/gzip")], [TEXT[:4000]]),
    "image": (200, [(b"content-type", b"image/png")], [TEXT[:4000]]),
    "partial": (206, [(b"content-type", b"text/plain")], [TEXT[:4000]]),
    "no content": (204, [], [b""]),
    "error": (400, [(b"content-type", b"application/json; charset=utf-8")], [b'{"s": 400}']),
}
#: Responses gzip leaves alone: already encoded, compressed media types, partial.
UNTOUCHED = {"encoded", "gzip file", "image", "partial"}
#: Bodies under 1,000 bytes, sent whole, are not compressed.
SMALL = {"small", "small vary", "no content", "error"}

REQUESTS: dict[str, list[tuple[bytes, bytes]]] = {
    "plain": [],
    "gzip": [(b"accept-encoding", b"gzip, deflate")],
    "br only": [(b"accept-encoding", b"br")],
    "origin": [(b"origin", b"https://example.org")],
    "origin gzip": [(b"origin", b"https://example.org"), (b"accept-encoding", b"gzip")],
    "preflight": [(b"origin", b"https://example.org"),
                  (b"access-control-request-method", b"POST"),
                  (b"access-control-request-headers", b"content-type, x-thing")],
    "bad preflight": [(b"origin", b"https://example.org"),
                      (b"access-control-request-method", b"PATCH")],
}


def inner(name: str, called: list[str] | None = None) -> Any:
    status, headers, chunks = RESPONSES[name]

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if called is not None:
            called.append(name)
        await send({"type": "http.response.start", "status": status, "headers": list(headers)})
        for i, chunk in enumerate(chunks):
            await send({"type": "http.response.body", "body": chunk,
                        "more_body": i < len(chunks) - 1})

    return app


def stacked(app: Any) -> Any:
    for middleware in reversed(edge.middleware()):
        app = middleware.cls(app, *middleware.args, **middleware.kwargs)
    return app


def messages(app: Any, method: str, headers: list[tuple[bytes, bytes]]) -> list[Message]:
    scope = {"type": "http", "method": method, "path": "/sparql", "headers": headers,
             "query_string": b"", "asgi": {"version": "3.0"}}
    out: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        out.append({**message, "headers": [tuple(h) for h in message.get("headers", [])]}
                   if "headers" in message else dict(message))

    asyncio.run(app(scope, receive, send))
    return out


def header_map(start: Message) -> dict[str, str]:
    """The headers of a start message by lower-case name; each may come once only."""
    names = [k.decode().lower() for k, _ in start["headers"]]
    assert len(names) == len(set(names)), names
    return {k.decode().lower(): v.decode() for k, v in start["headers"]}


@pytest.mark.parametrize(("response", "request_name"), [
    (r, q) for r, q in itertools.product(RESPONSES, REQUESTS)])
def test_cors_and_gzip_of_a_response(response: str, request_name: str) -> None:
    request = REQUESTS[request_name]
    status, sent_headers, chunks = RESPONSES[response]
    out = messages(stacked(inner(response)), "GET", request)
    start, bodies = out[0], out[1:]
    headers = header_map(start)
    assert start["status"] == status
    assert [m.get("more_body", False) for m in bodies] == [i < len(chunks) - 1
                                                          for i in range(len(chunks))]
    sent = b"".join(m.get("body", b"") for m in bodies)
    if "content-length" in headers:
        assert int(headers["content-length"]) == len(sent)

    accepts_gzip = b"gzip" in dict(request).get(b"accept-encoding", b"")
    compressible = response not in UNTOUCHED and response not in SMALL
    if compressible and accepts_gzip:
        assert headers["content-encoding"] == "gzip"
        assert zlib.decompress(sent, 47) == b"".join(chunks)
        if len(chunks) > 1:
            assert "content-length" not in headers
    else:
        assert sent == b"".join(chunks)
        assert headers.get("content-encoding") == sent_header(sent_headers, b"content-encoding")
    vary = [*(v.decode() for k, v in sent_headers if k == b"vary"),
            *(["Accept-Encoding"] if compressible else []), "Origin"]
    assert headers["vary"] == ", ".join(vary)

    if any(k == b"origin" for k, _ in request):
        assert headers["access-control-allow-origin"] == "*"
        assert headers["access-control-expose-headers"] == EXPOSE
    else:
        assert not any(k.startswith("access-control-") for k in headers)
    assert headers.get("content-type") == sent_header(sent_headers, b"content-type")


def sent_header(headers: list[tuple[bytes, bytes]], name: bytes) -> str | None:
    value = dict(headers).get(name)
    return None if value is None else value.decode()


@pytest.mark.parametrize("response", list(RESPONSES))
def test_a_preflight_is_answered_without_the_app(response: str) -> None:
    called: list[str] = []
    out = messages(stacked(inner(response, called)), "OPTIONS", REQUESTS["preflight"])
    headers = header_map(out[0])
    assert called == []
    assert out[0]["status"] == 200 and out[-1]["body"] == b"OK"
    assert headers["access-control-allow-origin"] == "*"
    assert headers["access-control-allow-methods"] == METHODS
    assert headers["access-control-allow-headers"] == "content-type, x-thing"
    assert headers["access-control-max-age"] == "3600"
    assert headers["vary"].startswith("Origin, Access-Control-Request-Method")

    refused = messages(stacked(inner(response, called)), "OPTIONS", REQUESTS["bad preflight"])
    assert called == []
    assert refused[0]["status"] == 400
    assert refused[-1]["body"] == b"Disallowed CORS method"


@pytest.mark.parametrize("response", ["small", "large"])
def test_an_options_request_without_a_preflight_reaches_the_app(response: str) -> None:
    called: list[str] = []
    out = messages(stacked(inner(response, called)), "OPTIONS", REQUESTS["origin"])
    assert called == [response]
    assert header_map(out[0])["access-control-allow-origin"] == "*"


def test_the_compressor_is_isal() -> None:
    """gzip is Starlette's middleware with only the compressor swapped (docs/edge.md)."""
    responder = edge.IsalGZipResponder(inner("large"), 1000, compresslevel=2)
    assert type(responder.compressor).__module__.startswith("isal")
    out = messages(stacked(inner("huge")), "GET", REQUESTS["gzip"])
    assert zlib.decompress(b"".join(m.get("body", b"") for m in out[1:]), 47) == TEXT * 3


def test_lifespan_passes_through() -> None:
    seen: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(scope["type"])

    async def nothing() -> Message:
        return {}

    async def ignore(message: Message) -> None:
        return None

    asyncio.run(stacked(app)({"type": "lifespan"}, nothing, ignore))
    assert seen == ["lifespan"]
