"""Against a real OpenLink Virtuoso: push the corpus, compare every named query with the embedded
store, and serve Virtuoso's data through ``reskg serve --backend``.

Virtuoso runs on 127.0.0.1 with a throwaway database (``virtuoso_fixtures``); without the
``virtuoso-t`` binary these tests are skipped, saying so.

Comparing answers. Rows are compared in order (every named query has ``ORDER BY``); where the
ORDER BY keys tie, engines may order the tied rows differently, so when the ordered lists differ
the rows must still be equal as multisets *and* the column values the query orders by must come
in the same order. Normalisations, each because SPARQL leaves the point open:

- ``GROUP_CONCAT`` columns: the order of the parts is unspecified, and Oxigraph keeps a language
  tag all parts share while Virtuoso gives a plain string; compared as sorted parts, no tag.

No numeric normalisation is needed: Virtuoso answers ``COUNT`` as ``xsd:integer``, as Oxigraph.

Known Virtuoso 7.2 deviations (strict xfails: they fail the day Virtuoso or the query changes):

- ``organisations``: Virtuoso reports the wrong ``?organisation`` in grouped rows (the labels,
  kinds and cities are right); the query is standard SPARQL 1.1.
- ``search``: Virtuoso's ``REPLACE`` fails with "invalid UTF-8 string" when the regular
  expression is built from Cyrillic data (the lemma alternation), SR098.
"""

from __future__ import annotations

import re
import shlex
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pyoxigraph as ox
import pytest

from resolutions_kg.queries import NamedQuery, catalogue, run, run_remote
from resolutions_kg.store import count_quads, graph_names, open_store

if TYPE_CHECKING:
    from virtuoso_fixtures import Virtuoso

pytest_plugins = ["virtuoso_fixtures"]
pytestmark = pytest.mark.slow

TVER = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "tver-2012.txt"
BASE = "https://w3id.org/resolutions-kg/"
OTHER_BASE = "https://example.org/other-kg/"
TVER_RESOLUTION = f"{BASE}resolution/tver-2012-biblioteki-i-obshchestvo-vektor-razvitiya"
#: Named queries with nothing to answer on the shared corpus for some parameters (so those runs
#: compare two empty results).
EMPTY_ON_CORPUS = {
    "uncertain-facts": "no fact of the four shared documents is below the default threshold",
    "corrected-facts": "the shared corpus has no corrections files",
}
#: (query, parameter) → a Virtuoso deviation met only when that parameter is given.
PARAMETER_DEVIATIONS = {
    ("uncertain-facts", "threshold"): "Virtuoso 7.2 answers SR128 «Numeric value out of range» "
                                      "for an xsd:decimal bound by VALUES",
}
VIRTUOSO_DEVIATIONS = {
    "organisations": "Virtuoso 7.2 reports the wrong ?organisation in grouped rows",
    "search": "Virtuoso 7.2 REPLACE with a regular expression built from Cyrillic data: SR098",
}


def remote_count(endpoint: str, graph: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    answer = httpx.post(endpoint, data={"query": query},
                        headers={"Accept": "application/sparql-results+json"}, timeout=60)
    answer.raise_for_status()
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


# ------------------------------------------------------------------------------------- push


def test_push_sends_every_graph_with_its_count(pushed: Virtuoso, corpus_store: Path) -> None:
    store = open_store(corpus_store, read_only=True)
    graphs = graph_names(store)
    assert len(graphs) >= 8  # four documents and the system graphs
    for graph in graphs:
        assert remote_count(pushed.sparql, graph) == count_quads(store, graph), graph


def test_pushed_data_equals_the_store(pushed: Virtuoso, corpus_store: Path) -> None:
    store = open_store(corpus_store, read_only=True)
    graph = next(g for g in graph_names(store) if g.startswith(f"{BASE}graph/tver-2012"))
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    answer = httpx.post(pushed.sparql, data={"query": query},
                        headers={"Accept": "application/n-triples"}, timeout=60)
    remote = {q.triple for q in ox.parse(answer.content, format=ox.RdfFormat.N_TRIPLES)}
    local = {q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))}
    assert remote == local


@pytest.fixture(scope="module")
def other_folder(reskg: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("other") / "store"
    done = reskg("load", str(TVER), "--store", str(folder), "--base-iri", OTHER_BASE)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture()
def other_store(other_folder: Path, virtuoso: Virtuoso) -> Iterator[Path]:
    """The Tver resolution under another base IRI (its graphs never replace the corpus's);
    dropped from Virtuoso afterwards, so that the queries see the corpus alone."""
    yield other_folder
    graphs = graph_names(open_store(other_folder, read_only=True))
    update = " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs)
    httpx.post(virtuoso.sparql, data={"update": update}, timeout=60).raise_for_status()


@pytest.mark.parametrize(("target", "extra"), [
    ("gsp", ["--protocol", "update", "--chunk", "400"]),
    ("gsp_auth", ["--user", "dba", "--password", "dba"]),
])
def test_push_by_update_and_with_digest_auth(virtuoso: Virtuoso, reskg: Any, other_store: Path,
                                             target: str, extra: list[str]) -> None:
    done = reskg("push", "--store", str(other_store), "--to", getattr(virtuoso, target),
                 "--quiet", *extra)
    assert done.returncode == 0, done.stderr
    store = open_store(other_store, read_only=True)
    for graph in graph_names(store):
        assert remote_count(virtuoso.sparql, graph) == count_quads(store, graph)


def test_push_without_a_graph_store_falls_back_to_update(virtuoso: Virtuoso, reskg: Any,
                                                         other_store: Path) -> None:
    done = reskg("push", "--store", str(other_store), "--to", f"{virtuoso.base}/no-graph-store",
                 "--query-endpoint", virtuoso.sparql, "--quiet")
    assert done.returncode == 0, done.stderr
    assert "by update" in done.stdout


def test_push_with_wrong_credentials_fails(virtuoso: Virtuoso, reskg: Any,
                                           other_store: Path) -> None:
    done = reskg("push", "--store", str(other_store), "--to", virtuoso.gsp_auth, "--quiet",
                 "--user", "dba", "--password", "not-the-password")
    assert done.returncode == 1
    assert "401" in done.stderr and "credentials" in done.stderr


# ----------------------------------------------------------------------- named queries


def cases() -> list[Any]:
    """(query, parameters) for every named query: without parameters when it needs none, each
    example's ``--param`` values, and one resolution or resource where it takes one."""
    out = []
    for name, query in catalogue().items():
        runs: list[dict[str, str]] = []
        if all(p.optional or p.default is not None for p in query.parameters):
            runs.append({})
        for example in query.examples:
            words = shlex.split(example)
            params = dict(w.split("=", 1) for k, w in zip(words, words[1:], strict=False)
                          if k == "--param")
            if params and params not in runs:
                runs.append(params)
        if "resolution" in query.parameter:
            runs.append({"resolution": TVER_RESOLUTION})
        if "resource" in query.parameter and not any("resource" in r for r in runs):
            runs.append({"resource": f"{BASE}unit/library"})  # linked to Wikidata
        for params in runs:
            marks = []
            reason = VIRTUOSO_DEVIATIONS.get(name) or next(
                (why for (query_name, param), why in PARAMETER_DEVIATIONS.items()
                 if query_name == name and param in params), None)
            if reason:
                marks = [pytest.mark.xfail(reason=reason, strict=True)]
            label = name + ("" if not params else "-" + "-".join(sorted(params)))
            out.append(pytest.param(name, params, id=label, marks=marks))
    return out


_CONCAT = re.compile(r"GROUP_CONCAT\([^;)]*;\s*separator\s*=\s*\"([^\"]*)\"\)\s*AS\s*\?(\w+)",
                     re.IGNORECASE)


def normalised_rows(query: NamedQuery, results: Any) -> list[tuple[Any, ...]]:
    concat = {name: sep for sep, name in _CONCAT.findall(query.text)}
    names = [v.value for v in results.variables]
    rows = []
    for solution in results:
        row = []
        for name in names:
            term = solution[name]
            if name in concat and isinstance(term, ox.Literal):
                term = tuple(sorted(term.value.split(concat[name])))
            row.append(term)
        rows.append(tuple(row))
    return rows


def order_keys(query: NamedQuery) -> list[str]:
    """The variables the query's ORDER BY mentions."""
    return re.findall(r"\?(\w+)", query.text.rsplit("ORDER BY", 1)[-1])


@pytest.mark.parametrize(("name", "params"), cases())
def test_named_query_answers_the_same_on_virtuoso(pushed: Virtuoso, corpus_store: Path,
                                                  name: str, params: dict[str, str]) -> None:
    query = catalogue()[name]
    store = open_store(corpus_store, read_only=True)
    local = run(query, store, params)
    remote = run_remote(query, pushed.sparql, params, timeout=60)
    names = [v.value for v in local.variables]  # type: ignore[union-attr]
    ours = normalised_rows(query, local)
    theirs = normalised_rows(query, remote)
    if name in EMPTY_ON_CORPUS and "threshold" not in params:
        assert ours == theirs == [], EMPTY_ON_CORPUS[name]
        return
    assert ours, f"{name} {params}: no rows on the embedded store; the comparison is empty"
    if ours == theirs:
        return
    assert Counter(theirs) == Counter(ours)
    keys = [names.index(k) for k in order_keys(query) if k in names]
    assert [tuple(r[i] for i in keys) for r in theirs] == [
        tuple(r[i] for i in keys) for r in ours]


# -------------------------------------------------------------------- serve --backend


def test_serve_backend_answers_pages_queries_and_sparql(pushed: Virtuoso, corpus_store: Path,
                                                        backend_server: Any) -> None:
    with backend_server(pushed.sparql) as server, httpx.Client(base_url=server.url,
                                                              timeout=60) as client:
        page = client.get("/" + TVER_RESOLUTION.removeprefix(BASE),
                          headers={"Accept": "text/html"})
        assert page.status_code == 200
        assert "Библиотеки и общество" in page.text

        named = client.get("/queries/participants", params={"format": "json",
                                                            "resolution": TVER_RESOLUTION})
        assert named.status_code == 200
        local = run(catalogue()["participants"], open_store(corpus_store, read_only=True),
                    {"resolution": TVER_RESOLUTION})
        assert len(named.json()["results"]["bindings"]) == len(list(local))  # type: ignore

        answer = client.post("/sparql", data={"query": (
            f"SELECT ?title WHERE {{ <{TVER_RESOLUTION}> <http://purl.org/dc/terms/title> "
            "?title }")}, headers={"Accept": "text/csv"})
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("text/csv")
        assert "Резолюция" in answer.text
