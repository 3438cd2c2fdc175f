"""A read-only server over the four documents of ``../shared/corpus`` as the pipeline publishes
them (a pytest plugin: ``pytest_plugins = ["corpus_fixtures"]``), shared by the browsing and the
browser tests: ``corpus_server``, answering from its in-memory copy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CORPUS, CORPUS_DOCUMENTS, built_once
from endpoint_support import Server

from resolutions_kg.publish import publish
from resolutions_kg.settings import DEFAULT_BASE_IRI


def publish_corpus(folder: Path) -> None:
    report = publish([CORPUS / name for name in CORPUS_DOCUMENTS], folder / "store",
                     base_iri=DEFAULT_BASE_IRI)
    assert not report.failed, [d.error for d in report.failed]


@pytest.fixture(scope="session")
def corpus_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = built_once(tmp_path_factory, "corpus-site", publish_corpus) / "store"
    with Server(folder, "--query-timeout", "20") as server:
        server.in_memory()
        yield server
