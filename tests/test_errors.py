"""One exception tree: every error class in ``resolutions_kg/errors.py``, each with its HTTP
status and exit code, answered alike wherever it is raised (here: a query timeout on /sparql and
on a named query, through a real server)."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pyoxigraph as ox
import pytest
from endpoint_support import TRIG, Server, app_on_loopback
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

import resolutions_kg
from resolutions_kg import errors
from resolutions_kg.errors import ResolutionsKGError

TREE = [c for c in vars(errors).values()
        if inspect.isclass(c) and issubclass(c, BaseException) and c.__module__ == errors.__name__]


def test_the_tree_is_all_there() -> None:
    names = {c.__name__ for c in TREE}
    assert {"ResolutionsKGError", "HTTPError", "QueryTimeoutError", "WorkerError",
            "DatasetConflictError", "PushError", "PushAuthError", "RemoteStoreError"} <= names


@pytest.mark.parametrize("cls", TREE, ids=lambda c: c.__name__)
def test_every_error_class_is_in_the_tree_with_a_status_and_an_exit_code(cls: type) -> None:
    assert issubclass(cls, ResolutionsKGError)
    assert isinstance(cls.http_status, int) and 400 <= cls.http_status <= 599
    assert isinstance(cls.exit_code, int) and cls.exit_code >= 1
    assert cls.retry_after is None or (isinstance(cls.retry_after, int) and cls.retry_after > 0)
    assert f" {cls.__name__} " in (errors.__doc__ or ""), "listed in the tree of the docstring"


def test_the_timeouts_are_503_with_retry_after() -> None:
    for error in (errors.QueryTimeoutError("late"), errors.QueryMemoryError("greedy")):
        assert error.http_status == 503
        assert error.http_headers() == {"Retry-After": "1"}
        assert error.http_message().startswith("Query stopped: ")


def test_an_http_error_answers_with_its_own_status_and_headers() -> None:
    error = errors.HTTPError(429, "too many", headers={"Retry-After": "1"})
    assert isinstance(error, ResolutionsKGError)
    assert error.http_status == error.status == 429
    assert error.http_message() == "too many"
    assert error.http_headers() == {"Retry-After": "1"}


def _modules() -> Iterator[str]:
    for info in pkgutil.walk_packages(resolutions_kg.__path__, "resolutions_kg."):
        yield info.name


def test_no_error_class_lives_outside_errors_py() -> None:
    """Exceptions a module defines for its own control flow are private (``_Name``); every
    other one belongs in the tree."""
    outside = []
    for name in _modules():
        if name == errors.__name__:
            continue
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, BaseException)
                    and value.__module__ == module.__name__ and not attr.startswith("_")):
                outside.append(f"{name}.{attr}")
    assert outside == []


# ------------------------------------------------ the same error, the same answer, over HTTP

STALL = "urn:stall"
#: A phrase of queries/organisers.rq only: the remote store stalls on that named query.
ORGANISERS = '"organizer"'


def stalling_store(store: ox.Store, seconds: float) -> Starlette:
    """A SPARQL endpoint over ``store`` (pyoxigraph) that stalls ``seconds`` before answering a
    query naming <urn:stall> or the organisers' query — a remote store too slow to answer."""

    async def sparql(request: Request) -> Response:
        form = parse_qs((await request.body()).decode(), keep_blank_values=True)
        query = form["query"][0]
        if STALL in query or ORGANISERS in query:
            await asyncio.sleep(seconds)
        default, named = form.get("default-graph-uri", []), form.get("named-graph-uri", [])
        kwargs: dict[str, Any] = {"use_default_graph_as_union": True}
        if default or named:
            kwargs = {"default_graph": [ox.NamedNode(g) for g in default],
                      "named_graphs": [ox.NamedNode(g) for g in named]}
        result = store.query(query, **kwargs)
        if isinstance(result, ox.QueryTriples):
            return Response(result.serialize(format=ox.RdfFormat.N_TRIPLES),
                            media_type="application/n-triples")
        return Response(result.serialize(format=ox.QueryResultsFormat.JSON),
                        media_type="application/sparql-results+json")

    return Starlette(routes=[Route("/sparql", sparql, methods=["POST"])])


@pytest.fixture(scope="module")
def slow_backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    store = ox.Store()
    store.load(TRIG, format=ox.RdfFormat.TRIG)
    logs: Path = tmp_path_factory.mktemp("slow-backend")
    with app_on_loopback(stalling_store(store, seconds=8)) as remote, \
            Server(None, "--query-timeout", "2", backend=f"{remote}/sparql",
                   log_dir=logs) as server:
        yield server


def test_a_timeout_is_the_same_answer_on_sparql_and_on_a_named_query(
        slow_backend: Server) -> None:
    with httpx.Client(base_url=slow_backend.url, timeout=60,
                      headers={"Accept": "application/sparql-results+json"}) as client:
        assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200
        sparql = client.get("/sparql", params={"query": f"ASK {{ <{STALL}> ?p ?o }}"})
        named = client.get("/queries/organisers")
    for answer in (sparql, named):
        assert answer.status_code == 503, answer.text
        assert answer.headers["retry-after"] == "1"
        assert "Query stopped: the SPARQL store did not answer within the time limit of 2 s" \
            in answer.text
    assert sparql.headers["content-type"] == named.headers["content-type"]
    assert sparql.content == named.content
