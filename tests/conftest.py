"""Fixtures shared by every test module.

- ``SHARED``/``CORPUS``: the read-only ``../shared`` folder beside the repository (in CI too).
- ``small_disk``: a folder on a 24 MB tmpfs (root only; skipped elsewhere), and ``fill(folder)``
  fills it up.
- ``tver_store``: a session-wide on-disk store with the Tver 2012 resolution published, built
  through the real pipeline (loader, mapper, shapes, store). Treat it as read-only; tests that
  write make their own store.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from resolutions_kg.publish import publish
from resolutions_kg.settings import DEFAULT_BASE_IRI

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
#: The documents of the shared corpus (beside its README and expected.json).
CORPUS_DOCUMENTS = ["tver-2012.txt", "novgorod-2014.md", "vologda-2013.html", "lipetsk-2016.txt"]
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


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 24 MB tmpfs (needs root: skipped elsewhere)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(disk: Path) -> Path:
    """Fill ``disk`` up; returns the file that fills it."""
    filler = disk / "filler"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    return filler
