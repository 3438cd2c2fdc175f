"""Idle query workers: a queue that threads and coroutines can both wait on.

:class:`IdleQueue` hands each idle item to the longest waiting caller, whether it waits in a thread
(:meth:`IdleQueue.get`, a plain ``def`` handler calling ``AppContext.query``) or on the event loop
(:meth:`IdleQueue.aget`, the ``/sparql`` route), so both share one pool fairly and no request pays
a thread hop just to wait for a worker. :meth:`IdleQueue.put` may be called from any thread.
"""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from typing import Generic, TypeVar

T = TypeVar("T")


class _ThreadWaiter(Generic[T]):
    def __init__(self) -> None:
        self.event = threading.Event()
        self.item: T | None = None
        self.gone = False

    def offer(self, item: T, queue: IdleQueue[T]) -> bool:
        if self.gone:
            return False
        self.item = item
        self.event.set()
        return True


class _LoopWaiter(Generic[T]):
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.thread = threading.get_ident()  # the loop's own thread
        self.future: asyncio.Future[T] = loop.create_future()
        self.gone = False

    def offer(self, item: T, queue: IdleQueue[T]) -> bool:
        if self.gone:
            return False
        try:
            if threading.get_ident() == self.thread:  # no need to wake the loop: it is us
                self.loop.call_soon(self._deliver, item, queue)
            else:
                self.loop.call_soon_threadsafe(self._deliver, item, queue)
        except RuntimeError:  # the loop is closed
            return False
        return True

    def _deliver(self, item: T, queue: IdleQueue[T]) -> None:
        if self.future.done():  # the waiter gave up after the item was offered: pass it on
            queue.put(item)
        else:
            self.future.set_result(item)


class IdleQueue(Generic[T]):
    """Waiters are served first come, first served: ``put`` gives an item to the oldest waiter,
    or keeps it. Kept items go out last in, first out: the worker that ran the last query has
    its caches (CPU, RocksDB blocks) warm (docs/performance-notes.md)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: deque[T] = deque()
        self._waiters: deque[_ThreadWaiter[T] | _LoopWaiter[T]] = deque()

    def put(self, item: T) -> None:
        with self._lock:
            while self._waiters:
                if self._waiters.popleft().offer(item, self):
                    return
            self._items.append(item)

    def get(self, timeout: float) -> T | None:
        """An idle item, waiting up to ``timeout`` seconds (blocking); None if none came."""
        with self._lock:
            if self._items:
                return self._items.pop()
            waiter: _ThreadWaiter[T] = _ThreadWaiter()
            self._waiters.append(waiter)
        waiter.event.wait(timeout)
        with self._lock:
            waiter.gone = True
            return waiter.item

    async def aget(self, timeout: float) -> T | None:
        """The same for a coroutine; the event loop keeps running while it waits."""
        with self._lock:
            if self._items:
                return self._items.pop()
            waiter: _LoopWaiter[T] = _LoopWaiter(asyncio.get_running_loop())
            self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(waiter.future, timeout)
        except TimeoutError:
            return None
        finally:
            with self._lock:
                waiter.gone = True
