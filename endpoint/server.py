"""Run the app with uvicorn.

A read-only server over a local store runs several server processes on one listening socket
(uvicorn's supervisor, which restarts a process that dies), each with its own app, read-only store
handle and share of the ``workers`` query worker processes: Python's HTTP layer holds one
process's GIL, so this is how the HTTP side of small queries uses more than one core. By default
there are as many server processes as cores, but no more than ``workers``, and the workers are
split evenly between them (``workers=2`` on two cores: two server processes with one query worker
each). The price: a long query holds its own process's workers, so requests arriving on that
process wait for them while the other process may be idle.

A server that accepts writes (``update_token``) or reads a remote ``backend`` always runs one
process, the only writer of its store.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import uvicorn
from resolutions_kg.endpoint.app import create_app
from starlette.applications import Starlette

#: Where the supervisor leaves the app's arguments for the server processes it spawns.
APP_ARGUMENTS = "RESKG_SERVER_APP_ARGUMENTS"


def app_from_environment() -> Starlette:
    """The app of one of several server processes started by :func:`serve`."""
    arguments = json.loads(os.environ[APP_ARGUMENTS])
    return create_app(arguments["store"], **arguments["settings"])


def server_processes(settings: dict[str, Any], processes: int | None = None) -> int:
    """How many server processes :func:`serve` runs for these settings."""
    if settings.get("update_token") or settings.get("backend"):
        return 1
    workers = int(settings.get("workers") or 2)
    if processes is None:
        processes = min(os.cpu_count() or 1, workers)
    return max(1, min(processes, workers))


def serve(store_path: str | Path, *, host: str = "127.0.0.1", port: int = 8000,
          log_level: str = "info", processes: int | None = None, **settings: Any) -> None:
    """Serve the store until interrupted; one access-log line per request (uvicorn's).

    ``processes``: server processes for a read-only local store (default: see the module).
    """
    common: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": log_level,
        "access_log": True,
        "proxy_headers": False,
        "server_header": False,
        "timeout_graceful_shutdown": 5,
    }
    count = server_processes(settings, processes)
    if count > 1:
        workers = int(settings.get("workers") or 2)
        each = {**settings, "workers": workers // count}
        os.environ[APP_ARGUMENTS] = json.dumps({"store": str(store_path), "settings": each})
        uvicorn.run(f"{__name__}:app_from_environment", factory=True, workers=count, **common)
        return
    app = create_app(store_path, **settings)
    uvicorn.Server(uvicorn.Config(app, **common)).run()
