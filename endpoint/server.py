"""Run the app with uvicorn.

One server process by default. A read-only server over a local store may run ``processes`` server
processes on one listening socket (uvicorn's supervisor: it restarts a process that dies), each
with its own app, read-only store handle and ``workers`` query worker processes: Python's HTTP
layer holds one process's GIL, so this is how the HTTP side uses more than one core. A server that
accepts writes (``update_token``) always runs one process, the only writer of its store.
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
    """The app of a server process started by :func:`serve` with ``processes`` > 1."""
    arguments = json.loads(os.environ[APP_ARGUMENTS])
    return create_app(arguments["store"], **arguments["settings"])


def serve(store_path: str | Path, *, host: str = "127.0.0.1", port: int = 8000,
          log_level: str = "info", processes: int = 1, **settings: Any) -> None:
    """Serve the store until interrupted; one access-log line per request (uvicorn's)."""
    common: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": log_level,
        "access_log": True,
        "proxy_headers": False,
        "server_header": False,
        "timeout_graceful_shutdown": 5,
    }
    if processes > 1 and not settings.get("update_token") and not settings.get("backend"):
        os.environ[APP_ARGUMENTS] = json.dumps({"store": str(store_path), "settings": settings})
        uvicorn.run(f"{__name__}:app_from_environment", factory=True, workers=processes,
                    **common)
        return
    app = create_app(store_path, **settings)
    uvicorn.Server(uvicorn.Config(app, **common)).run()
