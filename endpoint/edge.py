"""CORS and gzip for every response: Starlette's ``CORSMiddleware`` around its ``GZipMiddleware``,
the latter with the deflate stream of ISA-L (:class:`IsalGZipMiddleware`).

CORS: every origin, no credentials, our methods and exposed headers, preflight ``OPTIONS``
answered by the middleware. gzip: bodies of at least ``minimum_size`` bytes when the request's
``Accept-Encoding`` names gzip (and ``Vary: Accept-Encoding`` on them either way); never for
responses that already have a ``Content-Encoding``, partial (206) responses or already compressed
media types — all of this is Starlette's. Ours is only the compressor: ISA-L (``isal``) writes
the same gzip format several times faster than zlib on SPARQL results (figures in
``docs/edge.md``).
"""

from __future__ import annotations

import zlib
from typing import cast

from isal import isal_zlib
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware, GZipResponder
from starlette.types import Receive, Scope, Send


class IsalGZipResponder(GZipResponder):
    """Starlette's ``GZipResponder`` with an ISA-L compressor (levels 0–3)."""

    @property
    def compressor(self) -> zlib._Compress:
        if self._compressor is None:
            # the same methods as zlib's compressor (isal's own type is another class)
            self._compressor = cast("zlib._Compress", isal_zlib.compressobj(
                self.compresslevel, isal_zlib.DEFLATED, 16 + isal_zlib.MAX_WBITS))
        return self._compressor


class IsalGZipMiddleware(GZipMiddleware):
    """Starlette's ``GZipMiddleware``, answering with :class:`IsalGZipResponder`."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "gzip" in Headers(scope=scope).get("Accept-Encoding", ""):
            responder = IsalGZipResponder(
                self.app, self.minimum_size, compresslevel=self.compresslevel,
                thread_minimum_size=self.thread_minimum_size,
                exclude_content_types=self.exclude_content_types)
            await responder(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def middleware() -> list[Middleware]:
    """CORS, then gzip (outermost first), as the app uses them."""
    return [
        Middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=False,
                   allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"],
                   allow_headers=["*"],
                   expose_headers=["Location", "Content-Type", "Content-Length"], max_age=3600),
        # ISA-L's level 2: on SPARQL results about as small as zlib's levels 1–3 (docs/edge.md)
        Middleware(IsalGZipMiddleware, minimum_size=1000, compresslevel=2),
    ]
