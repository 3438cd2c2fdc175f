"""``reskg serve --backend URL`` behaves like the embedded server it stands in for.

The remote SPARQL store here is our own embedded server (``reskg serve --store``): a real SPARQL
1.1 endpoint, so these tests need no Virtuoso. The same requests go to both servers and must get
the same status, media type and body: byte for byte, except HTML pages (the same lines; values of
one property may come in another order) and dumps (the same quads). ``test_virtuoso.py`` points
the backend at Virtuoso.
"""

from __future__ import annotations

import gzip
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pyoxigraph as ox
import pytest
from endpoint_support import Server

pytest_plugins = ["virtuoso_fixtures"]

BASE = "https://w3id.org/resolutions-kg/"
DOC = "tver-2012-biblioteki-i-obshchestvo-vektor-razvitiya"
SELECT = ("PREFIX dct: <http://purl.org/dc/terms/> SELECT ?s ?title WHERE { ?s dct:title ?title }"
          " ORDER BY ?s ?title")
CONSTRUCT = (f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
             f"FILTER(?s = <{BASE}resolution/{DOC}>) }}")
COUNT = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


@pytest.fixture(scope="module")
def embedded(tver_store: Path) -> Iterator[Server]:
    with Server(tver_store, "--query-timeout", "20") as server:
        yield server


@pytest.fixture(scope="module")
def remote(embedded: Server, backend_server: Any) -> Iterator[Any]:
    with backend_server(f"{embedded.url}/sparql", "--query-timeout", "20") as server:
        yield server


def both(embedded: Server, remote: Any, path: str, **kwargs: Any) -> tuple[httpx.Response, ...]:
    answers = []
    for url in (embedded.url, remote.url):
        with httpx.Client(base_url=url, timeout=60) as client:
            answers.append(client.get(path, **kwargs))
    return tuple(answers)


SAME_BYTES = [
    (f"/resolution/{DOC}", "text/html"),
    (f"/resolution/{DOC}", "text/turtle"),
    (f"/resolution/{DOC}/recommendation/1", "application/ld+json"),
    (f"/event/{DOC}", "application/n-triples"),
    ("/ontology", "text/turtle"),
    ("/queries/participants?format=json", None),
    ("/queries/recommendations?format=csv", None),
    ("/queries/addressees", "text/html"),
    (f"/queries/provenance?resource={quote(BASE + 'event/' + DOC)}&format=tsv", None),
    ("/sparql?query=" + quote(SELECT), "application/sparql-results+json"),
    ("/sparql?query=" + quote(SELECT), "text/csv"),
    ("/sparql?query=" + quote(SELECT), "text/tab-separated-values"),
    ("/sparql?query=" + quote(SELECT), "application/sparql-results+xml"),
    ("/sparql?query=" + quote(COUNT), "application/sparql-results+json"),
    ("/sparql?query=" + quote("ASK { ?s ?p ?o }"), "application/sparql-results+json"),
    ("/sparql?query=" + quote(CONSTRUCT), "application/n-triples"),
    ("/sparql?query=" + quote(CONSTRUCT) + "&format=ttl", None),
    ("/queries", "application/json"),
    ("/query", "text/html"),
]


@pytest.mark.parametrize(("path", "accept"), SAME_BYTES)
def test_same_answer_as_the_embedded_server(embedded: Server, remote: Any, path: str,
                                            accept: str | None) -> None:
    headers = {"Accept": accept} if accept else {}
    ours, theirs = both(embedded, remote, path, headers=headers)
    assert ours.status_code == 200, ours.text
    assert theirs.status_code == ours.status_code, theirs.text
    assert theirs.headers["content-type"] == ours.headers["content-type"]
    if ours.headers["content-type"].startswith("text/html"):
        # A page lists the values of a property in the order the store yields them: the
        # embedded store's internal order, or the remote backend's ORDER BY.
        assert sorted(theirs.text.splitlines()) == sorted(ours.text.splitlines())
    else:
        assert theirs.content == ours.content


@pytest.mark.parametrize(("path", "status"), [
    ("/resolution/no-such-thing", 404),
    ("/sparql?query=" + quote("SELECT * WHERE { ?s ?p }"), 400),
    ("/queries/no-such-query", 404),
    ("/queries/provenance?resource=not-an-iri", 400),
])
def test_same_errors_as_the_embedded_server(embedded: Server, remote: Any, path: str,
                                            status: int) -> None:
    ours, theirs = both(embedded, remote, path, headers={"Accept": "application/json"})
    assert ours.status_code == theirs.status_code == status


def test_updates_are_refused(remote: Any) -> None:
    answer = httpx.post(f"{remote.url}/sparql", data={"update": "CLEAR ALL"}, timeout=30)
    assert answer.status_code in (401, 403)


def test_dumps_hold_the_same_quads(embedded: Server, remote: Any) -> None:
    ours, theirs = both(embedded, remote, "/dumps/resolutions-kg.nq.gz")
    assert ours.status_code == theirs.status_code == 200
    parse = ox.RdfFormat.N_QUADS
    assert (set(ox.parse(gzip.decompress(theirs.content), format=parse))
            == set(ox.parse(gzip.decompress(ours.content), format=parse)))


def test_void_statistics_are_the_same(embedded: Server, remote: Any) -> None:
    ours, theirs = both(embedded, remote, "/dataset", headers={"Accept": "application/n-triples"})
    void = "http://rdfs.org/ns/void#"
    counts = {f"{void}{p}" for p in ("triples", "entities", "distinctSubjects",
                                     "distinctObjects", "properties", "classes")}

    def statistics(body: bytes) -> set[ox.Triple]:
        return {q.triple for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
                if q.predicate.value in counts}

    assert statistics(theirs.content) == statistics(ours.content)
    assert statistics(ours.content)


def test_health_reports_the_remote_counts(embedded: Server, remote: Any) -> None:
    ours, theirs = both(embedded, remote, "/health")
    assert theirs.json()["triples"] == ours.json()["triples"]
    assert theirs.json()["graphs"] == ours.json()["graphs"]
    assert theirs.json()["mode"] == "read-only"


def test_serve_refuses_an_unreachable_backend(reskg: Any) -> None:
    done = reskg("serve", "--backend", "http://127.0.0.1:1/sparql", "--port", "1", timeout=60)
    assert done.returncode != 0
    assert "127.0.0.1:1/sparql" in done.stderr


def test_a_server_leaves_no_temporary_dumps_behind(embedded: Server, backend_server: Any,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A server without a store folder of its own builds its dumps in a temporary folder: it
    removes the folder when it stops, and at its start those of servers that were killed
    (restarts leave no disk behind)."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    ended = subprocess.Popen(["true"])
    ended.wait()
    orphan = scratch / f"reskg-dumps-{ended.pid}-abc"
    orphan.mkdir()
    (orphan / "old.nq.gz").write_bytes(b"left by a killed server")
    monkeypatch.setenv("TMPDIR", str(scratch))
    with backend_server(f"{embedded.url}/sparql", "--query-timeout", "20") as server:
        assert not orphan.exists()
        httpx.get(f"{server.url}/dumps/", timeout=60).raise_for_status()
        mine = list(scratch.glob(f"reskg-dumps-{server.process.pid}-*"))
        assert len(mine) == 1 and any(mine[0].rglob("*.gz")), mine
    assert list(scratch.glob("reskg-dumps-*")) == []
