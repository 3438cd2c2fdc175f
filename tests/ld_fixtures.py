"""Fixtures for the linked-data tests (a pytest plugin: ``pytest_plugins = ["ld_fixtures"]``).

- ``ld_store``: an on-disk store of ``tests/data/ld/sample.trig`` (hand-written after
  docs/model.md) plus the ontology in ``{base}graph/ontology``;
- ``ld_server`` / ``ld``: a read-only ``reskg serve`` over it and an httpx client on it;
- ``tver_server`` / ``tver``: the same over a copy of the published Tver 2012 store;
- ``ld_writable``: a server with an update token over a fresh copy of ``ld_store`` (per module),
  for tests that change the data.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from endpoint_support import TOKEN, Server, build_ld_store


@pytest.fixture(scope="session")
def ld_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ld_store(tmp_path_factory.mktemp("ld") / "store")


@pytest.fixture(scope="session")
def ld_server(ld_store: Path) -> Iterator[Server]:
    with Server(ld_store, "--query-timeout", "20") as s:
        yield s


@pytest.fixture()
def ld(ld_server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=ld_server.url, timeout=30) as c:
        yield c


@pytest.fixture(scope="session")
def tver_server(tver_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    copy = tmp_path_factory.mktemp("tver-ld") / "store"
    shutil.copytree(tver_store, copy, ignore=shutil.ignore_patterns("LOCK", "dumps"))
    with Server(copy, "--query-timeout", "20") as s:
        yield s


@pytest.fixture()
def tver(tver_server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=tver_server.url, timeout=30) as c:
        yield c


@pytest.fixture(scope="module")
def ld_writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = build_ld_store(tmp_path_factory.mktemp("ld-writable") / "store")
    with Server(folder, "--update-token", TOKEN, "--query-timeout", "20") as s:
        yield s
