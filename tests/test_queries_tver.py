"""Every named query on the Tver resolution, against ``expected.json``.

Each test runs twice: on the hand-written fixture ``data/tver-mini.trig`` (which follows
docs/model.md, so it pins the queries to the model) and on the store ``reskg load`` publishes
from ``tver-2012.txt`` (conftest's ``tver_store``, the real pipeline). The constructed corpus
documents are checked on a store of all four, and the ``--endpoint`` path against a real HTTP
SPARQL endpoint on 127.0.0.1 (a small Starlette app over pyoxigraph, run by uvicorn).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox
import pytest
from endpoint_support import app_on_loopback
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from resolutions_kg.iris import Minter
from resolutions_kg.preparation import prepare
from resolutions_kg.publish import ensure_system_graphs
from resolutions_kg.queries import catalogue, named_query, plain_rows, run, run_remote
from resolutions_kg.settings import DEFAULT_BASE_IRI
from resolutions_kg.store import open_store, replace_graphs

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
FIXTURE = Path(__file__).parent / "data" / "tver-mini.trig"
BASE = DEFAULT_BASE_IRI
DOC = "tver-2012-biblioteki-i-obshchestvo-vektor-razvitiya"
RESOLUTION = f"{BASE}resolution/{DOC}"
EVENT = f"{BASE}event/{DOC}"
OTHERS = ("novgorod-2014.md", "vologda-2013.html", "lipetsk-2016.txt")

Row = dict[str, Any]


@pytest.fixture(scope="module", params=["fixture", "published"])
def store(request: pytest.FixtureRequest) -> ox.Store:
    """The Tver resolution: hand-written per docs/model.md, or published by the pipeline."""
    if request.param == "fixture":
        s = ox.Store()
        s.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
        return s
    return open_store(request.getfixturevalue("tver_store"), read_only=True)


@pytest.fixture(scope="module")
def tver(expected: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return expected["tver-2012.txt"]


def ask(store: ox.Store, name: str, **params: str) -> list[Row]:
    results = run(named_query(name), store, params)
    assert isinstance(results, ox.QuerySolutions)
    return plain_rows(results)


# --- one test per query -------------------------------------------------------------------


def test_resolution_summary(store: ox.Store, tver: dict[str, Any]) -> None:
    (row,) = ask(store, "resolution-summary")
    assert row["heading"].startswith("Резолюция конференции «")
    assert {k: v for k, v in row.items() if k != "heading"} == {
        "resolution": RESOLUTION,
        "title": tver["title"],
        "documentType": tver["document_type"],
        "eventType": tver["event_type"],
        "place": tver["place"],
        "startDate": tver["start_date"],
        "endDate": tver["end_date"],
        "adopted": tver["adopted"],
        "participants": tver["participants"],
        "participantsIsMinimum": None,
        "recommendations": tver["recommendations"],
    }
    assert ask(store, "resolution-summary", resolution=RESOLUTION) == [row]
    assert ask(store, "resolution-summary", resolution=f"{BASE}resolution/none") == []


def test_recommendations_in_document_order_with_addressee_groups(
    store: ox.Store, tver: dict[str, Any]
) -> None:
    rows = ask(store, "recommendations")
    assert [r["position"] for r in rows] == list(range(1, tver["recommendations"] + 1))
    assert {r["resolution"] for r in rows} == {RESOLUTION}
    groups = [(a, len(list(g))) for a, g in itertools.groupby(r["addressee"] for r in rows)]
    assert groups == [(g["addressee"], g["count"]) for g in tver["addressees"]]
    assert rows[0]["text"].startswith("Сохранить библиотечные системы")
    assert rows[0]["action"] == "сохранить"
    assert rows[-1]["text"].startswith("Учитывать потребности молодого поколения")
    assert not any("очередную конференцию" in r["text"] for r in rows)  # no proposals


def test_recommendations_filtered_by_addressee(store: ox.Store, tver: dict[str, Any]) -> None:
    for group in tver["addressees"]:
        rows = ask(store, "recommendations", addressee=group["addressee"])
        assert len(rows) == group["count"]
        assert {r["addressee"] for r in rows} == {group["addressee"]}
    assert ask(store, "recommendations", addressee="никто") == []


def test_recommendations_filtered_by_resolution(store: ox.Store) -> None:
    assert len(ask(store, "recommendations", resolution=RESOLUTION)) == 12
    assert ask(store, "recommendations", resolution=f"{BASE}resolution/none") == []


def test_recommendations_filtered_by_topic_agree_with_topics_column(store: ox.Store) -> None:
    rows = ask(store, "recommendations")
    labels = {t for r in rows if r["topics"] for t in r["topics"].split(" | ")}
    assert labels, "the Tver recommendations have topics"
    for label in sorted(labels):
        expected_positions = [
            r["position"] for r in rows if label in (r["topics"] or "").split(" | ")
        ]
        for spelling in (label, label.upper()):
            filtered = ask(store, "recommendations", topic=spelling)
            assert [r["position"] for r in filtered] == expected_positions
            assert {r["topic"] for r in filtered} == {spelling}


def test_proposals(store: ox.Store, tver: dict[str, Any]) -> None:
    rows = ask(store, "proposals")
    assert len(rows) == len(tver["proposals"])
    for row, want in zip(rows, tver["proposals"], strict=True):
        assert row["resolution"] == RESOLUTION
        assert row["addressee"] == want["addressee"]
        assert int(row["plannedYear"]) == want["planned_event_year"]
        assert row["plannedEvent"] == "конференция"
        assert "очередную конференцию" in row["text"]


def test_addressees(store: ox.Store, tver: dict[str, Any]) -> None:
    rows = ask(store, "addressees")
    want = {(g["addressee"], 1, g["count"]) for g in tver["addressees"]}
    assert {(r["addressee"], r["resolutions"], r["recommendations"]) for r in rows} == want


def test_participants(store: ox.Store, tver: dict[str, Any]) -> None:
    rows = ask(store, "participants")
    assert {r["resolution"] for r in rows} == {RESOLUTION}
    assert [r["count"] for r in rows] == [p.get("count") for p in tver["participating"]]
    assert [r["mode"] for r in rows] == [p.get("mode") for p in tver["participating"]]
    assert ask(store, "participants", resolution=RESOLUTION) == rows


def test_participant_labels(store: ox.Store, tver: dict[str, Any]) -> None:
    rows = ask(store, "participants")
    assert [r["participant"] for r in rows] == [p["who"] for p in tver["participating"]]


def test_organisations(store: ox.Store, tver: dict[str, Any]) -> None:
    rows = {r["label"]: r for r in ask(store, "organisations")}
    for organiser in tver["organisers"]:
        assert rows[organiser]["resolutions"] == 1
        assert rows[organiser]["organisation"].startswith(f"{BASE}organisation/")
    assert rows["администрация города Твери"]["kind"] == "government-body"
    assert rows["администрация города Твери"]["city"] == "Тверь"
    assert rows["ЦБС Выборга"]["kind"] == "library"


def test_topics_over_time_counts_the_recommendations_per_topic(store: ox.Store) -> None:
    rows = ask(store, "topics-over-time")
    recommendations = ask(store, "recommendations")
    assert {r["year"] for r in rows} == {2012}
    for row in rows:
        tagged = [r for r in recommendations if row["topic"] in (r["topics"] or "").split(" | ")]
        assert row["recommendations"] == len(tagged), row["topic"]
    counts = [r["recommendations"] for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_search_finds_inflected_forms_ranked(store: ox.Store) -> None:
    rows = ask(store, "search", text="библиотечных кадров")
    assert rows[0]["position"] == 5 and rows[0]["kind"] == "recommendation"
    assert rows[0]["matched"] == 2
    assert "библиотечных кадров" in rows[0]["content"]
    assert all(r["matched"] == 1 for r in rows[1:])
    assert {r["text"] for r in rows} == {"библиотечный кадр"}


@pytest.mark.parametrize("words", ["библиотека", "библиотекам", "БИБЛИОТЕК"])
def test_search_matches_any_form_of_a_word(store: ox.Store, words: str) -> None:
    rows = ask(store, "search", text=words)
    recommendations = [r for r in rows if r["kind"] == "recommendation"]
    # Every Tver recommendation but the 12th speaks of libraries in some form.
    with_library = [r for r in ask(store, "recommendations") if "библиотек" in r["text"].lower()]
    assert len(recommendations) == len(with_library) > 5
    assert all(r["matched"] == 1 for r in rows)


def test_search_without_matches_is_empty(store: ox.Store) -> None:
    assert ask(store, "search", text="квантовая гравитация") == []


def test_links(store: ox.Store) -> None:
    rows = ask(store, "links")
    assert rows
    assert all(not r["target"].startswith(BASE) for r in rows)
    assert any(r["target"].startswith("http://vocabularies.unesco.org/thesaurus/") for r in rows)
    one = rows[0]["resource"]
    assert {r["resource"] for r in ask(store, "links", resource=one)} == {one}


def test_provenance_quotes_the_source(store: ox.Store) -> None:
    rows = ask(store, "provenance", resource=EVENT)
    by_property = {r["property"]: r for r in rows}
    start = by_property["https://schema.org/startDate"]
    assert start["resource"] == EVENT
    assert start["document"] == f"{BASE}source/{DOC}"
    assert start["quote"].startswith("25")
    assert 0 <= start["start"] < start["end"]
    assert by_property["https://schema.org/location"]["quote"] == "Тверь"
    assert ask(store, "provenance", resource=f"{BASE}event/none") == []


def test_provenance_spans_index_the_rendition(tver_store: Path) -> None:
    store = open_store(tver_store, read_only=True)
    rdf_value = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#value")
    source = ox.NamedNode(f"{BASE}source/{DOC}")
    (literal,) = [q.object for q in store.quads_for_pattern(source, rdf_value, None)]
    assert isinstance(literal, ox.Literal)
    text = literal.value
    rows = ask(store, "provenance", resource=RESOLUTION) + ask(store, "provenance", resource=EVENT)
    assert len(rows) > 3
    for row in rows:
        assert text[row["start"] : row["end"]] == row["quote"]


# --- the other corpus documents -----------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_store() -> ox.Store:
    """All four corpus documents through the real loader and mapper, in the store's graph
    layout. SHACL validation is skipped (it costs ~40 s a document and is tested elsewhere)."""
    store = ox.Store()
    minter = Minter(BASE)
    ensure_system_graphs(store, BASE)
    for path in [CORPUS / "tver-2012.txt", *(CORPUS / name for name in OTHERS)]:
        _, mapped = prepare(path, minter, validate=False)
        replace_graphs(
            store,
            {minter.graph(mapped.slug): mapped.document},
            add={minter.graph("entities"): mapped.entities},
        )
    return store


@pytest.mark.parametrize("file", OTHERS)
def test_summary_of_the_other_documents(
    corpus_store: ox.Store, expected: dict[str, dict[str, Any]], file: str
) -> None:
    want = expected[file]
    rows = {r["title"]: r for r in ask(corpus_store, "resolution-summary")}
    row = rows[want["title"]]
    assert (row["documentType"], row["eventType"], row["place"]) == (
        want["document_type"], want["event_type"], want["place"])
    assert (row["startDate"], row["endDate"], row["adopted"]) == (
        want["start_date"], want["end_date"], want["adopted"])
    assert (row["participants"], row["recommendations"]) == (
        want["participants"], want["recommendations"])


@pytest.mark.parametrize("file", OTHERS)
def test_addressee_groups_of_the_other_documents(
    corpus_store: ox.Store, expected: dict[str, dict[str, Any]], file: str
) -> None:
    want = expected[file]
    summary = {r["title"]: r for r in ask(corpus_store, "resolution-summary")}
    resolution = summary[want["title"]]["resolution"]
    rows = ask(corpus_store, "recommendations", resolution=resolution)
    assert [r["position"] for r in rows] == list(range(1, want["recommendations"] + 1))
    groups = [(a, len(list(g))) for a, g in itertools.groupby(r["addressee"] for r in rows)]
    assert groups == [(g["addressee"], g["count"]) for g in want["addressees"]]
    assert ask(corpus_store, "proposals", resolution=resolution) == [] == want["proposals"]


def test_addressees_across_the_corpus(
    corpus_store: ox.Store, expected: dict[str, dict[str, Any]]
) -> None:
    totals: dict[str, int] = {}
    for doc in expected.values():
        for group in doc["addressees"]:
            if group["addressee"] is not None:
                totals[group["addressee"]] = totals.get(group["addressee"], 0) + group["count"]
    rows = ask(corpus_store, "addressees")
    assert {r["addressee"]: r["recommendations"] for r in rows} == totals


# --- the same queries through a SPARQL endpoint -------------------------------------------


def sparql_app(store: ox.Store) -> Starlette:
    """A minimal SPARQL 1.1 Protocol query service (GET, POST form, POST direct)."""

    async def sparql(request: Request) -> Response:
        if request.method == "GET":
            query = request.query_params.get("query")
        elif request.headers.get("content-type", "").startswith("application/sparql-query"):
            query = (await request.body()).decode("utf-8")
        else:
            query = parse_qs((await request.body()).decode("utf-8")).get("query", [None])[0]
        if not query:
            return PlainTextResponse("no query", status_code=400)

        def answer() -> bytes:
            results = store.query(query, use_default_graph_as_union=True)
            assert isinstance(results, ox.QuerySolutions | ox.QueryBoolean)
            return results.serialize(format=ox.QueryResultsFormat.JSON) or b""

        try:
            body = await run_in_threadpool(answer)
        except SyntaxError as exc:
            return PlainTextResponse(str(exc), status_code=400)
        return Response(body, media_type="application/sparql-results+json")

    return Starlette(routes=[Route("/sparql", sparql, methods=["GET", "POST"])])


@pytest.fixture(scope="module")
def endpoint(store: ox.Store) -> Iterator[str]:
    with app_on_loopback(sparql_app(store)) as url:
        yield f"{url}/sparql"


#: Each named query with parameters that select something, run both ways.
CALLS = [
    ("resolution-summary", {}),
    ("resolution-summary", {"resolution": RESOLUTION}),
    ("recommendations", {}),
    ("recommendations", {"addressee": "библиотеки муниципальных образований"}),
    ("recommendations", {"resolution": RESOLUTION, "topic": "оцифровка"}),
    ("proposals", {"resolution": RESOLUTION}),
    ("addressees", {}),
    ("participants", {"resolution": RESOLUTION}),
    ("organisations", {}),
    ("topics-over-time", {}),
    ("search", {"text": "библиотечным кадрам"}),
    ("links", {}),
    ("provenance", {"resource": EVENT}),
    ("organisers", {"resolution": RESOLUTION}),
    ("topics-discussed", {}),
    ("uncertain-facts", {"threshold": "0.99"}),
]


#: Named queries that need data the Tver store has not, called through an endpoint elsewhere.
CALLED_ELSEWHERE = {
    "corrected-facts": "tests/test_curation.py (Tver with a corrections file)",
}


def test_every_named_query_is_called_through_the_endpoint() -> None:
    assert {name for name, _ in CALLS} | set(CALLED_ELSEWHERE) == set(catalogue())


@pytest.mark.parametrize(("name", "params"), CALLS, ids=[f"{n}-{len(p)}" for n, p in CALLS])
def test_endpoint_rows_equal_local_rows(
    store: ox.Store, endpoint: str, name: str, params: dict[str, str]
) -> None:
    local = ask(store, name, **params)
    results = run_remote(named_query(name), endpoint, params)
    assert isinstance(results, ox.QuerySolutions)
    assert plain_rows(results) == local
    assert local, "the comparison should compare something"


def test_a_nasty_value_stays_a_literal_through_values(store: ox.Store, endpoint: str) -> None:
    before = len(store)
    nasty = '"} ; DROP ALL ; {"'
    results = run_remote(named_query("recommendations"), endpoint, {"addressee": nasty})
    assert plain_rows(results) == []  # type: ignore[arg-type]
    results = run_remote(named_query("search"), endpoint, {"text": nasty + " библиотека"})
    assert plain_rows(results)  # type: ignore[arg-type]
    assert len(store) == before
