"""Run the app with uvicorn (one process; queries run in the app's own worker processes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import uvicorn
from resolutions_kg.endpoint.app import create_app


def serve(store_path: str | Path, *, host: str = "127.0.0.1", port: int = 8000,
          log_level: str = "info", **settings: Any) -> None:
    """Serve the store until interrupted; one access-log line per request (uvicorn's)."""
    app = create_app(store_path, **settings)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=True,
        proxy_headers=False,
        server_header=False,
        timeout_graceful_shutdown=5,
    )
    uvicorn.Server(config).run()
