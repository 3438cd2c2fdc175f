"""Fixtures of the query pool tests: a store of ``POOL_ROWS`` numbered quads on disk
(``endpoint_support.fill_numbered``), and a pool of two worker processes over it
(``pytest_plugins = ["pool_fixtures"]``)."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from endpoint_support import POOL_ROWS, fill_numbered

from resolutions_kg.endpoint.executor import WorkerPool


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("executor") / "store"
    store = ox.Store(str(folder))
    fill_numbered(store, POOL_ROWS)
    store.flush()
    del store
    return str(folder)


@pytest.fixture(scope="module")
def pool(store_path: str) -> Iterator[WorkerPool]:
    pool = WorkerPool(store_path, size=2)
    pool.start()
    yield pool
    pool.close()
