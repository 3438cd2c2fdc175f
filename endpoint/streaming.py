"""Streaming what a blocking writer produces: ``Store.dump`` to an HTTP response, chunk by chunk.

:func:`stream` runs ``write(output)`` — e.g. ``lambda out: store.dump(out, format=…)`` — in a
thread of its own; ``output`` collects what it writes into chunks of :data:`CHUNK` bytes and
hands them over through a queue of at most :data:`DEPTH` chunks, so a request costs a few
hundred kilobytes however large the dump (a whole-store dump built in memory cost as much as the
store, per request). The writer waits while the client is slow to read; when the client goes
away, the next ``write`` raises and the dump stops.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any

from anyio import to_thread

logger = logging.getLogger("resolutions_kg.endpoint")

#: Bytes per chunk handed to the response.
CHUNK = 64 * 1024
#: Chunks waiting for the client at most.
DEPTH = 8
_END = object()


class _Stopped(Exception):
    """The reader went away: stop writing."""


class _Output:
    """A binary file-like object that passes what is written on in chunks."""

    def __init__(self, chunks: queue.Queue[Any], stopped: threading.Event) -> None:
        self._chunks, self._stopped = chunks, stopped
        self._buffer = bytearray()

    def write(self, data: bytes) -> int:
        self._buffer += data
        if len(self._buffer) >= CHUNK:
            self.put(bytes(self._buffer))
            self._buffer.clear()
        return len(data)

    def flush(self) -> None:
        """Chunks go out when full (and at the end)."""

    def finish(self) -> None:
        if self._buffer:
            self.put(bytes(self._buffer))
            self._buffer.clear()
        self.put(_END)

    def put(self, item: Any) -> None:
        while True:
            if self._stopped.is_set():
                raise _Stopped
            try:
                self._chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue


def stream(write: Callable[[Any], object]) -> AsyncIterator[bytes]:
    """The bytes ``write(output)`` writes to ``output``, as an async iterator of chunks (for a
    ``StreamingResponse``). An error of ``write`` is raised by the iterator."""
    chunks: queue.Queue[Any] = queue.Queue(maxsize=DEPTH)
    stopped = threading.Event()
    output = _Output(chunks, stopped)

    def produce() -> None:
        try:
            write(output)
            output.finish()
        except _Stopped:
            pass
        except BaseException as exc:  # noqa: BLE001 - handed to the reader, who raises it
            try:
                output.put(exc)
            except _Stopped:
                logger.warning("a streamed dump failed after its reader left: %s", exc)

    threading.Thread(target=produce, name="reskg-stream", daemon=True).start()

    async def chunks_of() -> AsyncIterator[bytes]:
        try:
            while True:
                item = await to_thread.run_sync(chunks.get)
                if item is _END:
                    return
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            stopped.set()

    return chunks_of()
