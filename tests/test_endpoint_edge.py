"""EdgeMiddleware answers exactly as Starlette's CORSMiddleware around GZipMiddleware did.

Every request of the table goes to both stacks around the same small app; the ASGI messages they
send (status, headers in order, body bytes) must be equal.
"""

from __future__ import annotations

import asyncio
import itertools
import zlib
from typing import Any

import pytest
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import Message, Receive, Scope, Send

from resolutions_kg.endpoint.edge import EdgeMiddleware

METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"]
EXPOSE = ["Location", "Content-Type", "Content-Length"]
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


def inner(name: str) -> Any:
    status, headers, chunks = RESPONSES[name]

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": status, "headers": list(headers)})
        for i, chunk in enumerate(chunks):
            await send({"type": "http.response.body", "body": chunk,
                        "more_body": i < len(chunks) - 1})

    return app


def reference(app: Any) -> Any:
    return CORSMiddleware(GZipMiddleware(app, minimum_size=1000, compresslevel=3),
                          allow_origins=["*"], allow_credentials=False, allow_methods=METHODS,
                          allow_headers=["*"], expose_headers=EXPOSE, max_age=3600)


def edge(app: Any) -> Any:
    return EdgeMiddleware(app, allow_methods=METHODS, expose_headers=EXPOSE, max_age=3600,
                          minimum_size=1000, compresslevel=3)


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


@pytest.mark.parametrize(("response", "request_name", "method"), [
    (r, q, m) for r, q in itertools.product(RESPONSES, REQUESTS)
    for m in (["OPTIONS", "GET"] if "preflight" in q else ["GET"])
])
def test_edge_answers_as_cors_around_gzip(response: str, request_name: str, method: str) -> None:
    headers = REQUESTS[request_name]
    ours = decoded(messages(edge(inner(response)), method, headers))
    assert ours == decoded(messages(reference(inner(response)), method, headers))


def decoded(out: list[Message]) -> list[Any]:
    """The messages with the bytes of a gzipped body replaced by its content: the same content
    may be compressed into other bytes (we use ISA-L, Starlette zlib). A Content-Length must be
    the length of the bytes sent, and is then compared as present or not."""
    start, bodies = out[0], out[1:]
    headers = start.get("headers", [])
    sent = b"".join(m.get("body", b"") for m in bodies)
    for key, value in headers:
        if key == b"content-length":
            assert int(value) == len(sent)
    content = sent
    if (b"content-encoding", b"gzip") in headers:
        try:
            content = zlib.decompress(sent, 47)
        except zlib.error:  # passed through as the app sent it (not ours to compress)
            pass
    start = {**start, "headers": [(k, b"(length)" if k == b"content-length" else v)
                                  for k, v in headers]}
    frames = [{k: v for k, v in m.items() if k != "body"} for m in bodies]
    return [start, *frames, content]


def test_lifespan_passes_through() -> None:
    seen: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(scope["type"])

    async def nothing() -> Message:
        return {}

    async def ignore(message: Message) -> None:
        return None

    asyncio.run(edge(app)({"type": "lifespan"}, nothing, ignore))
    assert seen == ["lifespan"]
