"""Fixtures for the endpoint tests (a pytest plugin: ``pytest_plugins = ["endpoint_fixtures"]``).

- ``endpoint_store``: the small store of :func:`endpoint_support.build_store` (session-wide);
- ``server``: a read-only ``reskg serve`` over it (session-wide), ``server.url``;
- ``writable_server``: a server with update token ``TOKEN`` over a fresh, empty store (per module);
- ``client``: an ``httpx.Client`` on ``server``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from endpoint_support import TOKEN, Server, build_store


@pytest.fixture(scope="session")
def endpoint_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("endpoint") / "store")


@pytest.fixture(scope="session")
def server(endpoint_store: Path) -> Iterator[Server]:
    with Server(endpoint_store, "--query-timeout", "20") as s:
        yield s


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("writable") / "store"
    with Server(folder, "--update-token", TOKEN, "--query-timeout", "20") as s:
        yield s


@pytest.fixture()
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c
