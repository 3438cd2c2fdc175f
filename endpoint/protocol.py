"""uvicorn's HTTP protocol with deadlines for slow clients: :data:`Protocol`.

uvicorn closes a keep-alive connection that stays idle past ``timeout_keep_alive``, but any byte
re-arms that timer, and a fresh connection has none: a client that opens connections and sends
its headers a byte at a time (slowloris) holds them, and the server's file descriptors, for as
long as it likes. This protocol adds one deadline, the setting ``header_timeout``:

- from the moment a connection opens, or a response on it is complete, the client has that many
  seconds to finish sending the next request's line and headers;
- while it sends a request body, it may pause no longer than that between two pieces.

Past it the connection is closed. Request line and headers may also take no more than
:data:`MAX_HEADER_BYTES` (uvicorn's httptools protocol has no limit: a client could send
gigabytes of headers within the deadline); past it the client gets 431 and the connection is
closed.

A stopping process (a server told to stop, or one replaced by a process over a new store version)
does not close its idle connections at once, as uvicorn does: a client that has just connected,
or that reuses a kept-alive connection, may have its request on the way, and would get no
answer. Such a connection gets :data:`STOP_GRACE` seconds more; a request that comes in them is
answered with ``Connection: close``.

The rest is uvicorn's own protocol (httptools when installed,
else h11, as uvicorn's ``auto`` picks), which reads the deadline from its ``Config`` attribute
``header_timeout`` (:func:`configure`).
"""

from __future__ import annotations

import asyncio
from typing import Any

import uvicorn

try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol as _Base
except ImportError:  # pragma: no cover - httptools is not installed
    from uvicorn.protocols.http.h11_impl import H11Protocol as _Base  # type: ignore[assignment]

#: Seconds, when the Config does not say.
DEFAULT_HEADER_TIMEOUT = 10.0
#: Seconds a stopping process keeps an idle connection open for a request already on its way.
STOP_GRACE = 2.0
#: Most bytes of request line and headers (nginx allows 4 buffers of 8 KiB by default).
MAX_HEADER_BYTES = 64 * 1024
_TOO_LARGE = (b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: text/plain; "
              b"charset=utf-8\r\nconnection: close\r\ncontent-length: 57\r\n\r\n"
              b"The request line and headers are longer than 65536 bytes.")


def configure(config: uvicorn.Config, header_timeout: float | None) -> uvicorn.Config:
    """``config`` set up to run :class:`Protocol` with this deadline."""
    config.header_timeout = float(header_timeout or DEFAULT_HEADER_TIMEOUT)  # type: ignore
    return config


class Protocol(_Base):
    """uvicorn's HTTP protocol that closes connections of clients too slow to send a request."""

    _deadline: asyncio.TimerHandle | None = None
    #: bytes received while waiting for a request's headers (None: not waiting)
    _header_bytes: int | None = None
    #: the server is stopping: the next request is the last on this connection
    _stopping = False

    @property
    def _timeout(self) -> float:
        return float(getattr(self.config, "header_timeout", DEFAULT_HEADER_TIMEOUT))

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        self._arm()
        self._header_bytes = 0

    def data_received(self, data: bytes) -> None:
        before = self.cycle
        if self._header_bytes is not None:
            self._header_bytes += len(data)
        super().data_received(data)
        cycle = self.cycle
        if cycle is None or (cycle is before and cycle.response_complete):
            # still waiting for a request's headers: the deadline stands
            if (self._header_bytes or 0) > MAX_HEADER_BYTES and not self.transport.is_closing():
                self.transport.write(_TOO_LARGE)
                self.transport.close()
            return
        self._header_bytes = None
        if self._stopping:
            cycle.keep_alive = False
        if cycle.more_body and not cycle.response_complete:
            self._arm()  # reading a body: the pause allowed starts again
        else:
            self._disarm()  # the request is complete: the app has it

    def on_response_complete(self) -> None:
        pipelined = bool(getattr(self, "pipeline", None))
        super().on_response_complete()
        if not self.transport.is_closing() and not pipelined:
            self._arm()
            self._header_bytes = 0
        # (a request that arrived before this response was complete — a client sends its next
        # request as soon as it has read a HEAD's headers — is started by uvicorn right here
        # from its pipeline: it has its headers, and a deadline would close it mid-answer)

    def shutdown(self) -> None:
        """The server is stopping: a request being answered is the connection's last (uvicorn's
        way); an idle connection is closed after :data:`STOP_GRACE` seconds, not at once."""
        cycle = self.cycle
        if cycle is not None and not cycle.response_complete:
            super().shutdown()
            return
        self._stopping = True
        if not self.transport.is_closing():
            self._disarm()
            self._deadline = self.loop.call_later(STOP_GRACE, self._expire)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self._timeout, self._expire)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expire(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()
