"""Run the app with uvicorn.

A read-only server over a local store runs several server processes (by default as many as
cores, at most four), each with its own listening socket on the same port (``SO_REUSEPORT``: the
kernel spreads new connections evenly over them), its own app, read-only store handle and
``workers`` query worker processes. Python's HTTP layer holds one process's GIL, so this is how
the HTTP side of small queries uses more than one core. (One shared socket would not do: the
process that wakes first accepts every pending connection, and a benchmark's or a proxy's few
keep-alive connections all land on one process.) A server process that dies is restarted.

A server that accepts writes (``update_token``) or reads a remote ``backend`` runs one process,
the only writer of its store, as does a platform without ``SO_REUSEPORT``.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import threading
from pathlib import Path
from typing import Any

import uvicorn
from resolutions_kg.endpoint.app import create_app

logger = logging.getLogger("resolutions_kg.endpoint")

#: Most server processes started by default, whatever the number of cores.
MAX_PROCESSES = 4


def server_processes(settings: dict[str, Any], processes: int | None = None) -> int:
    """How many server processes :func:`serve` runs for these settings."""
    if settings.get("update_token") or settings.get("backend"):
        return 1
    if not hasattr(socket, "SO_REUSEPORT"):
        return 1
    if processes is None:
        processes = min(os.cpu_count() or 1, MAX_PROCESSES)
    return max(1, processes)


def serve(store_path: str | Path, *, host: str = "127.0.0.1", port: int = 8000,
          log_level: str = "info", processes: int | None = None, **settings: Any) -> None:
    """Serve the store until interrupted; one access-log line per request (uvicorn's).

    ``processes``: server processes for a read-only local store (default: see the module).
    """
    config: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": log_level,
        "access_log": True,
        "proxy_headers": False,
        "server_header": False,
        "timeout_graceful_shutdown": 5,
    }
    count = server_processes(settings, processes)
    if count == 1:
        uvicorn.Server(uvicorn.Config(create_app(store_path, **settings), **config)).run()
        return
    sockets = [_reuse_port_socket(host, port) for _ in range(count)]
    _supervise([(_serve_one, (sock, str(store_path), settings, config)) for sock in sockets])


def _reuse_port_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def _serve_one(sock: socket.socket, store_path: str, settings: dict[str, Any],
               config: dict[str, Any]) -> None:
    """One server process (spawned): its own app on its own socket."""
    app = create_app(store_path, **settings)
    uvicorn.Server(uvicorn.Config(app, **config)).run(sockets=[sock])


def _supervise(children: list[tuple[Any, tuple[Any, ...]]]) -> None:
    """Run each ``(target, args)`` in a spawned process until SIGINT or SIGTERM; restart those
    that die; stop them all with SIGTERM (uvicorn's graceful shutdown) at the end."""
    ctx = multiprocessing.get_context("spawn")
    stop = threading.Event()

    def start(target: Any, args: tuple[Any, ...]) -> Any:
        process = ctx.Process(target=target, args=args, name="reskg-server")
        process.start()
        return process

    def on_signal(signum: int, frame: Any) -> None:
        stop.set()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, on_signal)
    processes = [start(target, args) for target, args in children]
    try:
        while not stop.wait(0.5):
            for i, process in enumerate(processes):
                if not process.is_alive():
                    logger.error("server process %s exited with %s; restarting it",
                                 process.pid, process.exitcode)
                    processes[i] = start(*children[i])
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(15)
            if process.is_alive():
                process.kill()
                process.join()
