"""A local Wikidata-shaped SPARQL endpoint for the reconciliation tests, and tests of it.

``wikidata_endpoint`` serves ``tests/data/wikidata-fixture.ttl`` from an in-memory pyoxigraph
store through a small Starlette app run by uvicorn on 127.0.0.1 (a real HTTP server, so
SPARQLWrapper talks to it as it would to query.wikidata.org). Other test modules import the
fixture from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox
import pytest
from endpoint_support import app_on_loopback
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

FIXTURE = Path(__file__).parent / "data" / "wikidata-fixture.ttl"


def fixture_app(store: ox.Store) -> Starlette:
    """``/sparql`` answers SELECT queries (GET ``?query=`` or form POST) as SPARQL JSON;
    ``/broken`` always fails with a 500."""

    async def sparql(request: Request) -> Response:
        if request.method == "POST":
            form = parse_qs((await request.body()).decode("utf-8"))
            query = form.get("query", [""])[0]
        else:
            query = request.query_params.get("query", "")
        try:
            results = store.query(query)
        except SyntaxError as exc:
            return PlainTextResponse(str(exc), status_code=400)
        assert isinstance(results, ox.QuerySolutions)
        body = results.serialize(format=ox.QueryResultsFormat.JSON)
        return Response(body, media_type="application/sparql-results+json")

    async def broken(request: Request) -> Response:
        return PlainTextResponse("internal error", status_code=500)

    return Starlette(routes=[Route("/sparql", sparql, methods=["GET", "POST"]),
                             Route("/broken", broken, methods=["GET", "POST"])])


@pytest.fixture(scope="session")
def wikidata_endpoint() -> Iterator[str]:
    """URL of the local fixture endpoint (``…/sparql``); ``…/broken`` beside it fails."""
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)
    with app_on_loopback(fixture_app(store)) as url:
        yield f"{url}/sparql"


def test_fixture_endpoint_answers_sparqlwrapper(wikidata_endpoint: str) -> None:
    client = SPARQLWrapper(wikidata_endpoint)
    client.setQuery('SELECT ?item WHERE { ?item <http://www.w3.org/2000/01/rdf-schema#label> '
                    '"Тверь"@ru }')
    client.setReturnFormat(JSON)
    client.setMethod(POST)
    answer = client.queryAndConvert()
    assert isinstance(answer, dict)
    items = [b["item"]["value"] for b in answer["results"]["bindings"]]
    assert items == ["http://www.wikidata.org/entity/Q2288"]
