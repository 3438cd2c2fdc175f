"""Content negotiation at /sparql: a table of Accept headers (with q-values) and format= names."""

from __future__ import annotations

import httpx
import pytest
from endpoint_support import RESOLUTION

from resolutions_kg.endpoint.negotiation import negotiate
from resolutions_kg.formats import RdfFormat, ResultsFormat

pytest_plugins = ["endpoint_fixtures"]

SELECT = "SELECT * { ?s ?p ?o } LIMIT 2"
ASK = "ASK {}"
CONSTRUCT = f"CONSTRUCT WHERE {{ <{RESOLUTION}> ?p ?o }}"

SRJ = "application/sparql-results+json"
SRX = "application/sparql-results+xml"

# (query, Accept header, expected media type or 406)
ACCEPT_TABLE = [
    (SELECT, None, SRJ),
    (SELECT, "*/*", SRJ),
    (SELECT, SRJ, SRJ),
    (SELECT, "application/json", SRJ),
    (SELECT, SRX, SRX),
    (SELECT, "application/xml", SRX),
    (SELECT, "text/csv", "text/csv"),
    (SELECT, "text/tab-separated-values", "text/tab-separated-values"),
    (SELECT, "text/*", "text/csv"),
    (SELECT, f"{SRX};q=0.9, {SRJ};q=0.8", SRX),
    (SELECT, f"{SRX};q=0.5, text/csv", "text/csv"),
    (SELECT, "text/csv;q=0.1, */*;q=0.5", SRJ),
    (SELECT, f"{SRJ};q=0, */*", SRX),
    (SELECT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", SRX),
    (SELECT, "image/png", 406),
    (SELECT, "text/turtle", 406),
    (ASK, None, SRJ),
    (ASK, SRX, SRX),
    (ASK, "text/csv", "text/csv"),
    (CONSTRUCT, None, "text/turtle"),
    (CONSTRUCT, "*/*", "text/turtle"),
    (CONSTRUCT, "text/turtle", "text/turtle"),
    (CONSTRUCT, "application/n-triples", "application/n-triples"),
    (CONSTRUCT, "text/plain", "application/n-triples"),
    (CONSTRUCT, "application/ld+json", "application/ld+json"),
    (CONSTRUCT, "application/json", "application/ld+json"),
    (CONSTRUCT, "application/rdf+xml", "application/rdf+xml"),
    (CONSTRUCT, "application/trig", "application/trig"),
    (CONSTRUCT, "application/n-quads", "application/n-quads"),
    (CONSTRUCT, "text/*", "text/turtle"),
    (CONSTRUCT, "application/*", "application/n-triples"),
    (CONSTRUCT, "application/rdf+xml;q=0.9, text/turtle;q=0.4", "application/rdf+xml"),
    (CONSTRUCT, "text/turtle;q=0, application/*;q=0.2", "application/n-triples"),
    (CONSTRUCT, SRJ, 406),
    (CONSTRUCT, "image/*", 406),
]


@pytest.mark.parametrize(("query", "accept", "expected"), ACCEPT_TABLE)
def test_accept_header(client: httpx.Client, query: str, accept: str | None,
                       expected: str | int) -> None:
    headers = {"Accept": accept} if accept is not None else {}
    r = client.get("/sparql", params={"query": query}, headers=headers)
    if expected == 406:
        assert r.status_code == 406
        assert "No acceptable format" in r.text
    else:
        assert r.status_code == 200, r.text
        assert r.headers["content-type"] == f"{expected}; charset=utf-8"
        assert r.headers["vary"].lower().count("accept") >= 1


FORMAT_TABLE = [
    (SELECT, "json", SRJ),
    (SELECT, "xml", SRX),
    (SELECT, "csv", "text/csv"),
    (SELECT, "tsv", "text/tab-separated-values"),
    (SELECT, "text/csv", "text/csv"),
    (ASK, "xml", SRX),
    (CONSTRUCT, "ttl", "text/turtle"),
    (CONSTRUCT, "turtle", "text/turtle"),
    (CONSTRUCT, "nt", "application/n-triples"),
    (CONSTRUCT, "jsonld", "application/ld+json"),
    (CONSTRUCT, "rdfxml", "application/rdf+xml"),
    (CONSTRUCT, "xml", "application/rdf+xml"),
    (CONSTRUCT, "trig", "application/trig"),
    (CONSTRUCT, "nq", "application/n-quads"),
]


@pytest.mark.parametrize(("query", "name", "expected"), FORMAT_TABLE)
def test_format_parameter_overrides_accept(client: httpx.Client, query: str, name: str,
                                           expected: str) -> None:
    r = client.get("/sparql", params={"query": query, "format": name},
                   headers={"Accept": "image/png"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == f"{expected}; charset=utf-8"


@pytest.mark.parametrize(("query", "name"), [(SELECT, "ttl"), (CONSTRUCT, "csv")])
def test_format_of_the_wrong_kind_is_406(client: httpx.Client, query: str, name: str) -> None:
    assert client.get("/sparql", params={"query": query, "format": name}).status_code == 406


def test_format_in_a_form_post(client: httpx.Client) -> None:
    r = client.post("/sparql", data={"query": SELECT, "format": "tsv"})
    assert r.headers["content-type"].startswith("text/tab-separated-values")


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("", ResultsFormat.JSON),
        ("text/plain", None),
        ("application/*;q=0.5, text/csv;q=0.6", ResultsFormat.CSV),
        ("TEXT/CSV", ResultsFormat.CSV),
        ("garbage, text/tab-separated-values", ResultsFormat.TSV),
        ("text/csv;q=abc", None),
    ],
)
def test_negotiate_results(accept: str, expected: ResultsFormat | None) -> None:
    assert negotiate(accept, ResultsFormat) is expected


def test_graph_formats_know_their_media_types() -> None:
    for fmt in RdfFormat:
        assert fmt.pyoxigraph.media_type == fmt.media_type
    for rfmt in ResultsFormat:
        assert rfmt.pyoxigraph.media_type.split(";")[0] == rfmt.media_type
