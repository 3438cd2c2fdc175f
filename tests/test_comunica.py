"""Comunica, the common JavaScript linked-data client, installed from the npm registry, against a
live server: over one resource page (the description is in the default graph of whatever RDF it
negotiates), following our links from a resolution to its recommendations, and as a SPARQL
endpoint client."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from endpoint_support import Server

pytest_plugins = ["comunica_fixtures"]
pytestmark = [pytest.mark.node, pytest.mark.slow]

PREFIXES = """PREFIX dct: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX reskg: <https://w3id.org/resolutions-kg/ontology#>
"""


def run(command: Path, *args: str) -> list[dict[str, str]]:
    """A Comunica CLI's SELECT result: one ``{variable: value}`` per row."""
    done = subprocess.run([str(command), *args, "-t", "application/sparql-results+json"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in rows]


def ours(server: Server, query: str) -> list[dict[str, str]]:
    """The same query answered by our own SPARQL endpoint."""
    response = httpx.post(f"{server.url}/sparql", data={"query": PREFIXES + query},
                          headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert response.status_code == 200, response.text
    rows = response.json()["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in rows]


@pytest.fixture(scope="module")
def resolution(local_tver_server: Server) -> str:
    rows = ours(local_tver_server, "SELECT ?r WHERE { ?r a reskg:Resolution }")
    assert len(rows) == 1
    assert rows[0]["r"].startswith(local_tver_server.url + "/")  # minted under the server
    return rows[0]["r"]


def test_comunica_queries_one_resource_page(comunica: Path, local_tver_server: Server,
                                            resolution: str) -> None:
    # the client's own Accept header negotiates a quad format; the description is its default graph
    query = f"SELECT ?title WHERE {{ <{resolution}> dct:title ?title }}"
    titles = run(comunica / "comunica-sparql", resolution, PREFIXES + query)
    assert titles == ours(local_tver_server, query)
    assert "Библиотеки и общество" in titles[0]["title"]

    everything = run(comunica / "comunica-sparql", resolution, "SELECT * WHERE { ?s ?p ?o }")
    as_triples = httpx.get(resolution + ".nt", timeout=30).content
    triples = list(ox.parse(as_triples, format=ox.RdfFormat.N_TRIPLES))
    assert len(everything) >= len(triples) > 20
    derived = {row["o"] for row in everything
               if row["p"] == "http://www.w3.org/ns/prov#wasDerivedFrom"}
    assert any(graph.startswith(local_tver_server.url + "/graph/") for graph in derived)


def test_comunica_follows_links_from_the_resolution_to_its_recommendations(
    comunica_traversal: Path, local_tver_server: Server, resolution: str
) -> None:
    # DISTINCT: a link is stated on both pages it joins, and the documents are read as a bag
    query = f"""SELECT DISTINCT ?part ?text WHERE {{
        <{resolution}> eli:has_part ?part . ?part a reskg:Recommendation ; reskg:text ?text }}"""
    # only the resolution's URL is given: every recommendation is read from its own page
    found = run(comunica_traversal / "comunica-sparql-link-traversal", resolution,
                PREFIXES + query)
    expected = ours(local_tver_server, query)
    assert len(expected) >= 5
    assert sorted(map(sorted, (r.items() for r in found))) == sorted(
        map(sorted, (r.items() for r in expected)))


def test_comunica_queries_the_sparql_endpoint(comunica: Path, local_tver_server: Server) -> None:
    query = "SELECT ?part ?text WHERE { ?part a reskg:Recommendation ; reskg:text ?text }"
    found = run(comunica / "comunica-sparql", f"sparql@{local_tver_server.url}/sparql",
                PREFIXES + query)
    expected = ours(local_tver_server, query)
    assert len(expected) >= 5
    assert sorted(map(sorted, (r.items() for r in found))) == sorted(
        map(sorted, (r.items() for r in expected)))
