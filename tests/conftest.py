"""Fixtures shared by every test module.

- ``SHARED``/``CORPUS``: the read-only ``../shared`` folder beside the repository (in CI too).
- ``small_disk``: a folder on a 24 MB tmpfs (root only; skipped elsewhere), and ``fill(folder)``
  fills it up.
- ``tver_store``: a session-wide on-disk store with the Tver 2012 resolution published, built
  through the real pipeline (loader, mapper, shapes, store). Treat it as read-only; tests that
  write make their own store.
- the order of the test files: the slowest first (``SLOWEST_FIRST``), so that with
  ``--dist loadfile`` no worker starts a long file when the others are nearly done.
- ``built_once(factory, name, build)``: a folder ``build`` fills, built once for the whole run
  even when pytest-xdist runs it in several workers (each worker gets its own copy).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
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
#: Screenshots of the browser tests, one file per test and step (CI keeps ``build/``).
SHOTS = REPO / "build" / "screenshots"


#: Test files by how long they take (their tests and fixtures together, measured in `make test`
#: runs), slowest first. pytest-xdist (``--no-loadscope-reorder``) hands the files to its workers
#: in collection order; the files not named here follow, those with more tests first.
SLOWEST_FIRST = [
    "test_validation_native", "test_endpoint_writes", "test_atomic_load", "test_curation",
    "test_backend", "test_endpoint_hostile", "test_endpoint_limits", "test_corpus_load",
    "test_endpoint_sparql", "test_endpoint_fuzz", "test_packaging", "test_endpoint_versions",
    "test_push", "test_validate_agrees", "test_browse_index", "test_researcher_path",
    "test_endpoint_ld", "test_release", "test_cli", "test_virtuoso", "test_dump_build_lifeline",
    "test_export", "test_server_memory", "test_errors", "test_endpoint_dumps",
    "test_server_shutdown", "test_inprocess", "test_load_faults", "test_comunica",
    "test_endpoint_gsp", "test_dumps_background", "test_metamorphic", "test_roles",
    "test_corpus_facts",
]


#: The files that sweep the labelled corpus: first when they sweep all of it (CI's ``make test
#: CORPUS=all``, where they are the slowest), in ``SLOWEST_FIRST``'s place for the sample.
SWEEPS = ["test_corpus_facts", "test_validation_native", "test_metamorphic", "test_roles"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    order = SLOWEST_FIRST
    if os.environ.get("RESKG_TEST_CORPUS", "all") == "all":
        order = SWEEPS + [name for name in SLOWEST_FIRST if name not in SWEEPS]
    rank = {name: n for n, name in enumerate(order)}
    sizes: dict[str, int] = {}
    for item in items:
        sizes[item.path.stem] = sizes.get(item.path.stem, 0) + 1
    # a stable sort: the tests of one file keep their order
    items.sort(key=lambda item: (rank.get(item.path.stem, len(rank)), -sizes[item.path.stem],
                                 item.path.stem))


@pytest.fixture(scope="session")
def expected() -> dict[str, dict[str, Any]]:
    """expected.json's documents by file name."""
    data = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    return {d["file"]: d for d in data["documents"]}


def built_once(factory: pytest.TempPathFactory, name: str,
               build: Callable[[Path], object]) -> Path:
    """A new folder that ``build(folder)`` filled. Under pytest-xdist the first worker to ask
    builds it, under a file lock, in the temporary folder the workers share, and every worker
    gets a copy of its own (a server writes beside the store it serves, and a test may change
    what it was given). Only for builds whose result does not depend on where they are made."""
    mine = factory.mktemp(name) / "built"
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        mine.mkdir()
        build(mine)
        return mine
    shared = factory.getbasetemp().parent / f"built-once-{name}"
    with open(f"{shared}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (shared / "done").exists():
            shutil.rmtree(shared, ignore_errors=True)  # a build that failed half-way
            (shared / "built").mkdir(parents=True)
            build(shared / "built")
            (shared / "done").touch()
    shutil.copytree(shared / "built", mine, ignore=shutil.ignore_patterns("LOCK"))
    return mine


def publish_tver(folder: Path) -> None:
    report = publish([TVER], folder / "store", base_iri=DEFAULT_BASE_IRI)
    assert not report.failed, [d.error for d in report.failed]


@pytest.fixture(scope="session")
def tver_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folder of a store holding the published Tver resolution (read-only for tests)."""
    return built_once(tmp_path_factory, "tver", publish_tver) / "store"


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
