"""Queries at once per client address: :class:`ClientSlots` (the setting ``max_client_queries``).

One client that sends many expensive queries at once would take every query thread or worker
of a server process, and every other client would wait. Each server process therefore lets one
client address run at most ``max_client_queries`` queries at once; one more is answered at once
with 429 Too Many Requests and ``Retry-After: 1``. Behind a reverse proxy every client has the
proxy's address: let the proxy limit its clients instead (and raise or switch off this one).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from resolutions_kg.endpoint.errors import HTTPError


class ClientSlots:
    """Counts the queries each client address is running; ``limit`` 0 means no limit."""

    def __init__(self, limit: int) -> None:
        self.limit = max(0, limit)
        self._running: dict[str, int] = {}
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def slot(self, client: str | None) -> Iterator[None]:
        """Hold one of ``client``'s slots for the block; 429 when it has none left."""
        if not self.limit or client is None:
            yield
            return
        with self._lock:
            running = self._running.get(client, 0)
            if running >= self.limit:
                raise HTTPError(
                    429,
                    f"This client is already running {running} queries; the limit is "
                    f"{self.limit} at once (setting max_client_queries). Try again when one "
                    f"has finished.",
                    headers={"Retry-After": "1"},
                )
            self._running[client] = running + 1
        try:
            yield
        finally:
            with self._lock:
                left = self._running[client] - 1
                if left:
                    self._running[client] = left
                else:
                    del self._running[client]
