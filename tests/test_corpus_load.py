"""Loading whole folders: worker processes, skipping, bad documents, dying workers, and the
same store whatever the number of jobs."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest

from resolutions_kg.iris import Minter
from resolutions_kg.loaders import load_file
from resolutions_kg.mapping import map_resolution
from resolutions_kg.namespaces import RESKG
from resolutions_kg.parallel import Outcome, outcome, prepare_document, prepare_documents
from resolutions_kg.preparation import require_valid_document
from resolutions_kg.publish import publish
from resolutions_kg.settings import DEFAULT_BASE_IRI
from resolutions_kg.store import graph_names, open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate_corpus import generate  # noqa: E402

RESKG_CLI = str(Path(sys.executable).with_name("reskg"))
DOCUMENTS = 20


def reskg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([RESKG_CLI, *args], capture_output=True, text=True, timeout=600)


def dump(store: Path) -> bytes:
    out = subprocess.run([RESKG_CLI, "export", "--store", str(store), "--format", "nquads"],
                         capture_output=True, check=True, timeout=300)
    return out.stdout


def document_graphs(store: Path) -> list[str]:
    s = open_store(store, read_only=True)
    try:
        return [g for g in graph_names(s) if "/graph/" in g and not g.endswith(
            ("/ontology", "/shapes", "/reference", "/organisations", "/places", "/entities",
             "/links"))]
    finally:
        del s


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate(folder, DOCUMENTS)
    return folder


@pytest.fixture(scope="module")
def loaded(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A store with the corpus loaded by two jobs, and what ``reskg load`` printed."""
    store = tmp_path_factory.mktemp("two-jobs") / "store"
    out = reskg("load", str(corpus), "--store", str(store), "--jobs", "2")
    assert out.returncode == 0, out.stderr
    return store, out.stdout


def test_generated_corpus_has_every_format(corpus: Path) -> None:
    assert {p.suffix for p in corpus.iterdir()} == {".txt", ".md", ".html", ".docx"}


def test_a_folder_loads_with_two_jobs_and_prints_the_table(loaded: tuple[Path, str]) -> None:
    store, stdout = loaded
    assert f"{DOCUMENTS} loaded, 0 unchanged, 0 failed" in stdout
    for column in ("document", "status", "recommendations", "triples", "warnings"):
        assert column in stdout
    assert len(document_graphs(store)) == DOCUMENTS


def test_a_second_run_skips_every_document_as_unchanged(
    corpus: Path, loaded: tuple[Path, str]
) -> None:
    store, _ = loaded
    before = dump(store)
    again = reskg("load", str(corpus), "--store", str(store), "--jobs", "2")
    assert again.returncode == 0, again.stderr
    assert f"0 loaded, {DOCUMENTS} unchanged, 0 failed" in again.stdout
    assert dump(store) == before


def test_one_job_and_two_jobs_give_byte_identical_dumps(
    corpus: Path, loaded: tuple[Path, str], tmp_path: Path
) -> None:
    store, _ = loaded
    single = tmp_path / "one-job"
    out = reskg("load", str(corpus), "--store", str(single), "--jobs", "1")
    assert out.returncode == 0, out.stderr
    assert dump(single) == dump(store)


BAD = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 8,
    "shopping-list.md": "Купить хлеб, молоко и яблоки.\n".encode(),
    "broken.docx": b"PK\x03\x04 this is no zip archive",
}


def test_bad_documents_are_reported_the_rest_load_and_the_exit_code_is_1(
    corpus: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    good = sorted(corpus.iterdir())[:5]
    for path in good:
        shutil.copy(path, folder / path.name)
    for name, data in BAD.items():
        (folder / name).write_bytes(data)
    store = tmp_path / "store"
    out = reskg("load", str(folder), "--store", str(store), "--jobs", "2")
    assert out.returncode == 1
    assert f"5 loaded, 0 unchanged, {len(BAD)} failed" in out.stdout
    errors = [line for line in out.stderr.splitlines() if line.startswith("reskg: error:")]
    assert len(errors) == len(BAD)
    for name in BAD:
        assert any(name in line for line in errors), name
    assert len(document_graphs(store)) == 5


def test_a_chunk_of_documents_is_prepared_as_each_would_be_alone(
    corpus: Path, tmp_path: Path
) -> None:
    """Workers validate a chunk of documents together; each outcome is still its own."""
    paths = [str(p) for p in sorted(corpus.iterdir())[:6]]
    for name, data in BAD.items():
        (tmp_path / name).write_bytes(data)
        paths.insert(2, str(tmp_path / name))
    together = prepare_documents(paths, DEFAULT_BASE_IRI)
    assert together == [prepare_document(p, DEFAULT_BASE_IRI) for p in paths]
    assert [type(o).__name__ for o in together].count("Failed") == len(BAD)


# --- worker tasks that go wrong (module level, so that worker processes can import them) ------


def die_on_marked(path: str, base_iri: str) -> Outcome:
    """The real task, except that a worker handed a file named ``*-die.*`` dies at once."""
    if "-die." in path:
        os._exit(70)
    return prepare_document(path, base_iri)


def _mutated(path: str, base_iri: str, change: Callable[..., object]) -> Outcome:
    def make() -> tuple[object, object]:
        resolution = load_file(path)
        mapped = change(resolution, Minter(base_iri))
        require_valid_document(mapped, base_iri=base_iri, path=path)  # type: ignore[arg-type]
        return resolution, mapped

    return outcome(path, make)  # type: ignore[arg-type]


def recommendation_numbered_zero(path: str, base_iri: str) -> Outcome:
    """A record whose first recommendation has position 0 (the shapes ask for ≥ 1)."""

    def change(resolution, minter):  # type: ignore[no-untyped-def]
        first, *rest = resolution.recommendations
        resolution = dataclasses.replace(
            resolution, recommendations=(dataclasses.replace(first, position=0), *rest))
        return map_resolution(resolution, minter)

    return _mutated(path, base_iri, change)


def recommendation_without_text(path: str, base_iri: str) -> Outcome:
    """A mapped document whose first recommendation lost its reskg:text."""

    def change(resolution, minter):  # type: ignore[no-untyped-def]
        mapped = map_resolution(resolution, minter)
        first = ox.NamedNode(minter.recommendation(mapped.slug, 1))
        mapped.document = [t for t in mapped.document
                           if not (t.subject == first and t.predicate.value == str(RESKG.text))]
        return mapped

    return _mutated(path, base_iri, change)


def test_a_worker_that_dies_fails_only_its_document_and_writes_nothing_of_it(
    corpus: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "dying"
    folder.mkdir()
    files = sorted(corpus.iterdir())[:8]
    for n, path in enumerate(files):
        name = path.stem + ("-die" if n == 3 else "") + path.suffix
        shutil.copy(path, folder / name)
    store = tmp_path / "store"
    report = publish([folder], store, base_iri=DEFAULT_BASE_IRI, jobs=2, task=die_on_marked)
    failed = [d.path.name for d in report.failed]
    assert failed == [files[3].stem + "-die" + files[3].suffix]
    assert "worker process" in (report.failed[0].error or "")
    assert report.count("loaded") == 7

    expected = tmp_path / "expected"
    (folder / failed[0]).unlink()
    publish([folder], expected, base_iri=DEFAULT_BASE_IRI, jobs=1)
    assert dump(store) == dump(expected)


@pytest.mark.parametrize("task", [recommendation_numbered_zero, recommendation_without_text])
def test_a_document_that_violates_the_shapes_is_rejected_at_load(
    task: Callable[[str, str], Outcome], corpus: Path, tmp_path: Path
) -> None:
    files = sorted(corpus.iterdir())
    store = tmp_path / "store"
    publish(files[:2], store, base_iri=DEFAULT_BASE_IRI)
    before = dump(store)
    report = publish(files[2:4], store, base_iri=DEFAULT_BASE_IRI, jobs=2, task=task)
    assert [d.status for d in report.documents] == ["failed", "failed"]
    assert all("SHACL violation" in (d.error or "") for d in report.documents)
    assert dump(store) == before
