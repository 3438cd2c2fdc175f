"""``reskg push`` into a real SPARQL store: our own server with an update token (no Virtuoso
needed; ``test_virtuoso.py`` pushes to Virtuoso)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import pytest
from endpoint_support import TOKEN, Server

from resolutions_kg.push import default_query_endpoint
from resolutions_kg.store import count_quads, graph_names, open_store

pytest_plugins = ["virtuoso_fixtures"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One writable server for the module's pushes."""
    with Server(tmp_path_factory.mktemp("push") / "target", "--update-token", TOKEN) as server:
        yield server


@pytest.fixture()
def target(served: Server) -> Server:
    """The module's writable server, emptied by a SPARQL Update: each test pushes into an
    empty store (as into a fresh one, without a server start a test)."""
    answer = httpx.post(f"{served.url}/sparql", data={"update": "DROP ALL"},
                        headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)
    answer.raise_for_status()
    assert remote_graphs(served) == {}
    return served


def remote_graphs(server: Server) -> dict[str, set[ox.Triple]]:
    answer = httpx.get(f"{server.url}/store", headers={"Accept": "application/n-quads"},
                       timeout=60)
    answer.raise_for_status()
    graphs: dict[str, set[ox.Triple]] = {}
    for quad in ox.parse(answer.content, format=ox.RdfFormat.N_QUADS):
        graphs.setdefault(quad.graph_name.value, set()).add(quad.triple)  # type: ignore
    return graphs


def local_graphs(folder: Path) -> dict[str, set[ox.Triple]]:
    store = open_store(folder, read_only=True)
    return {g: {q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g))}
            for g in graph_names(store)}


@pytest.mark.parametrize("protocol", ["auto", "gsp", "update"])
def test_push_copies_every_graph(reskg: Any, tver_store: Path, target: Server,
                                 protocol: str) -> None:
    done = reskg("push", "--store", str(tver_store), "--to", f"{target.url}/store",
                 "--token", TOKEN, "--protocol", protocol, "--chunk", "500", "--quiet")
    assert done.returncode == 0, done.stderr
    assert remote_graphs(target) == local_graphs(tver_store)
    expected = "update" if protocol == "update" else "gsp"
    assert f"by {expected}" in done.stdout


def test_push_again_replaces_not_adds(reskg: Any, tver_store: Path, target: Server) -> None:
    for _ in range(2):
        done = reskg("push", "--store", str(tver_store), "--to", f"{target.url}/store",
                     "--token", TOKEN, "--quiet")
        assert done.returncode == 0, done.stderr
    assert remote_graphs(target) == local_graphs(tver_store)


def test_push_one_graph(reskg: Any, tver_store: Path, target: Server) -> None:
    graph = "https://w3id.org/resolutions-kg/graph/ontology"
    done = reskg("push", "--store", str(tver_store), "--to", f"{target.url}/store",
                 "--token", TOKEN, "--graph", graph, "--quiet")
    assert done.returncode == 0, done.stderr
    assert list(remote_graphs(target)) == [graph]
    assert len(remote_graphs(target)[graph]) == count_quads(open_store(tver_store,
                                                                       read_only=True), graph)


def test_no_graph_store_falls_back_to_update(reskg: Any, tver_store: Path,
                                             target: Server) -> None:
    done = reskg("push", "--store", str(tver_store), "--to", f"{target.url}/no-graph-store-here",
                 "--query-endpoint", f"{target.url}/sparql", "--token", TOKEN, "--quiet")
    assert done.returncode == 0, done.stderr
    assert "by update" in done.stdout
    assert remote_graphs(target) == local_graphs(tver_store)


def test_wrong_token_stops_the_push(reskg: Any, tver_store: Path, target: Server) -> None:
    done = reskg("push", "--store", str(tver_store), "--to", f"{target.url}/store",
                 "--token", "wrong", "--quiet")
    assert done.returncode == 1
    assert "credentials" in done.stderr
    assert remote_graphs(target) == {}


def test_unreachable_store_fails_every_graph_loudly(reskg: Any, tver_store: Path) -> None:
    done = reskg("push", "--store", str(tver_store), "--to", "http://127.0.0.1:1/store",
                 "--retries", "0", "--quiet")
    assert done.returncode == 1
    graphs = graph_names(open_store(tver_store, read_only=True))
    assert f"0 of {len(graphs)} graphs pushed" in done.stdout
    for graph in graphs:
        assert f"<{graph}>" in " ".join(done.stderr.split())


def test_unknown_graph_is_an_error(reskg: Any, tver_store: Path, target: Server) -> None:
    done = reskg("push", "--store", str(tver_store), "--to", f"{target.url}/store",
                 "--graph", "https://example.org/none", "--quiet")
    assert done.returncode == 1
    assert "no graph <https://example.org/none>" in done.stderr


@pytest.mark.parametrize(("gsp", "query"), [
    ("http://h:8890/sparql-graph-crud", "http://h:8890/sparql"),
    ("http://h:8890/sparql-graph-crud-auth", "http://h:8890/sparql"),
    ("http://h:3030/ds/data", "http://h:3030/ds/sparql"),
    ("http://h:8000/store", "http://h:8000/sparql"),
    ("http://h:3030/ds", "http://h:3030/ds"),
])
def test_default_query_endpoint(gsp: str, query: str) -> None:
    assert default_query_endpoint(gsp) == query
