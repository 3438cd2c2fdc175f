"""Fixtures for the release tests (a pytest plugin: ``pytest_plugins = ["release_fixtures"]``).

- ``work``: the folder of :func:`release_support.build` (``sources/``, ``store/``, and
  ``releases/`` beside the store holding releases 1.0.0 and 1.1.0), session-wide; read-only.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import built_once
from release_support import build


@pytest.fixture(scope="session")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_once(tmp_path_factory, "release", build)
