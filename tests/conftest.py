"""Fixtures shared by every test module.

- ``SHARED``/``CORPUS``: the read-only ``../shared`` folder beside the repository (in CI too).
- ``tver_store``: a session-wide on-disk store with the Tver 2012 resolution published, built
  through the real pipeline (loader, mapper, shapes, store). Treat it as read-only; tests that
  write make their own store.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from resolutions_kg.publish import publish
from resolutions_kg.settings import DEFAULT_BASE_IRI

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
TVER = CORPUS / "tver-2012.txt"


@pytest.fixture(scope="session")
def expected() -> dict[str, dict[str, Any]]:
    """expected.json's documents by file name."""
    data = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    return {d["file"]: d for d in data["documents"]}


@pytest.fixture(scope="session")
def tver_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folder of a store holding the published Tver resolution (read-only for tests)."""
    folder = tmp_path_factory.mktemp("tver") / "store"
    report = publish([TVER], folder, base_iri=DEFAULT_BASE_IRI)
    assert not report.failed, [d.error for d in report.failed]
    return folder
