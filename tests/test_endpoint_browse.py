"""The pages a researcher browses instead of writing SPARQL, through a real server over the four
corpus documents: the home page /, search at /search, the faceted browser /recommendations and
the graph view /diagram/…; read as HTML without JavaScript, as JSON and CSV, and in Chromium."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from browser_support import CHROMIUM, browsing
from conftest import CORPUS, SHOTS
from conftest import CORPUS_DOCUMENTS as DOCUMENTS
from endpoint_support import TOKEN, Server

from resolutions_kg.publish import publish
from resolutions_kg.settings import DEFAULT_BASE_IRI as BASE

pytest_plugins = ["corpus_fixtures"]
TVER = "resolution/tver-2012-biblioteki-i-obshchestvo-vektor-razvitiya"
LOCAL_GOVERNMENT = "audience/organy-mestnogo-samoupravleniya"
#: Tver's coordinates in the gazetteer's graph (GeoNames, through loaders/settlements.tsv).
TVER_LAT, TVER_LONG = 56.8584, 35.9006
PREFIXES = """
PREFIX reskg: <https://w3id.org/resolutions-kg/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""


@pytest.fixture()
def web(corpus_server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=corpus_server.url, timeout=30) as c:
        yield c


class Tables(HTMLParser):
    """The rows of an HTML page's table with a given id: each cell's text and first link."""

    def __init__(self, table_id: str) -> None:
        super().__init__()
        self.table_id, self.inside, self.depth = table_id, False, 0
        self.rows: list[list[dict[str, Any]]] = []
        self.cell: dict[str, Any] | None = None
        self.in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table" and a.get("id") == self.table_id:
            self.inside = True
        elif self.inside and tag == "tbody":
            self.in_body = True
        elif self.inside and self.in_body and tag == "tr":
            self.rows.append([])
        elif self.inside and self.in_body and tag == "td":
            self.cell = {"text": "", "href": None}
            self.rows[-1].append(self.cell)
        elif self.cell is not None and tag == "a" and self.cell["href"] is None:
            self.cell["href"] = a.get("href")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self.cell = None
        elif tag == "table" and self.inside:
            self.inside = self.in_body = False

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell["text"] += data


def table(page: str, table_id: str) -> list[list[dict[str, Any]]]:
    parser = Tables(table_id)
    parser.feed(page)
    return parser.rows


def sparql_count(web: httpx.Client, where: str) -> int:
    query = PREFIXES + f"SELECT (COUNT(DISTINCT ?rec) AS ?n) WHERE {{ {where} }}"
    response = web.get("/sparql", params={"query": query},
                       headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


# ------------------------------------------------------------------------------ home


def test_home_lists_the_tver_resolution_with_place_year_and_count(web: httpx.Client) -> None:
    response = web.get("/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    rows = table(response.text, "resolutions")
    assert len(rows) == 4
    tver = next(r for r in rows if r[0]["href"] == "/" + TVER)
    assert tver[0]["text"].strip() == "Библиотеки и общество: вектор развития"
    assert [c["text"].strip() for c in tver[1:4]] == ["Тверь", "2012", "12"]
    assert tver[4]["href"] == "/diagram/" + TVER


def test_home_says_what_the_dataset_is_with_its_counts(web: httpx.Client) -> None:
    page = web.get("/").text
    intro = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page.split('class="intro"')[1]))
    assert "4 resolutions with 28 recommendations" in intro


def test_home_chart_data_is_json_and_in_tables(web: httpx.Client) -> None:
    data = web.get("/", params={"format": "json"}).json()
    assert {r["title"] for r in data["resolutions"]} >= {"Библиотеки и общество: вектор развития"}
    charts = data["charts"]
    assert {c["label"]: c["count"] for c in charts["resolutionsByYear"]} == {
        "2012": 1, "2013": 1, "2014": 1, "2016": 1}
    addressees = {c["label"]: c["count"] for c in charts["byAddressee"]}
    assert addressees["органы местного самоуправления"] == sparql_count(web, f"""
        ?rec a reskg:Recommendation ;
             dct:audience <{BASE}{LOCAL_GOVERNMENT}> .""")
    assert sum(r["recommendations"] for r in charts["topicsOverTime"] if r["year"] == "2012") > 0
    # the same numbers are on the page for readers without JavaScript
    page = web.get("/").text
    assert '<script type="application/json" id="chart-data">' in page
    assert "органы местного самоуправления</a></td><td>6</td>" in page


def test_home_map_draws_places_with_coordinates_from_the_store(web: httpx.Client) -> None:
    places = web.get("/", params={"format": "json"}).json()["charts"]["places"]
    response = web.get("/sparql", params={"query": PREFIXES + """
        SELECT DISTINCT ?place WHERE {
          ?res a reskg:Resolution ; prov:wasGeneratedBy/schema:location ?place }"""},
        headers={"Accept": "application/sparql-results+json"})
    event_places = {b["place"]["value"] for b in response.json()["results"]["bindings"]}
    assert len(event_places) == len(DOCUMENTS)
    assert {p["place"] for p in places} == event_places  # every one has its coordinates
    tver = next(p for p in places if p["place"] == BASE + "place/tver")
    assert tver == {"place": BASE + "place/tver", "label": "Тверь", "lat": TVER_LAT,
                    "long": TVER_LONG, "resolutions": 1}
    assert 'id="chart-places"' in web.get("/").text


# ---------------------------------------------------------------------------- search


def test_search_finds_an_inflected_word_and_marks_it(web: httpx.Client) -> None:
    response = web.get("/search", params={"q": "оцифровке"})
    assert response.status_code == 200
    page = response.text
    # the topic «оцифровка» by its label, linked to our page
    assert re.search(r'<span class="kind">topic</span>\s*<a href="/topic/digitisation"', page)
    # a recommendation whose text has another form of the word, marked
    assert re.search(r'<span class="kind">recommendation</span>\s*<a href="/resolution/', page)
    marked = re.findall(r"<mark>([^<]+)</mark>", page)
    assert marked and all(m.lower().startswith("оцифровк") for m in marked)
    assert any(m.lower() != "оцифровке" for m in marked)


def test_search_json_gives_kinds_and_links(web: httpx.Client) -> None:
    data = web.get("/search", params={"q": "библиотекам", "format": "json"}).json()
    assert data["lemmas"] == ["библиотека"]
    kinds = {h["kind"] for h in data["hits"]}
    assert {"resolution", "event"} <= kinds
    assert all(h["href"] and h["href"].startswith("/") for h in data["hits"])
    assert data["total"] > len(data["hits"]) == data["pageSize"]  # more than one page


def test_search_pages(web: httpx.Client) -> None:
    first = web.get("/search", params={"q": "библиотека", "format": "json"}).json()
    second = web.get("/search", params={"q": "библиотека", "format": "json", "page": 2}).json()
    assert second["hits"] and not {h["iri"] for h in first["hits"]} & {
        h["iri"] for h in second["hits"]}
    assert len(first["hits"]) + len(second["hits"]) == min(first["total"], 40)
    assert 'rel="next"' in web.get("/search", params={"q": "библиотека"}).text


def test_search_escapes_what_it_shows(web: httpx.Client) -> None:
    page = web.get("/search", params={"q": '<script>alert(1)</script> "библиотека'}).text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_search_bounds_the_query(web: httpx.Client) -> None:
    response = web.get("/search", params={"q": "библиотека " * 40},
                       headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert "'q'" in response.json()["message"] and "200" in response.json()["message"]


def test_search_box_on_every_page(web: httpx.Client) -> None:
    for path in ("/", "/recommendations", "/queries", "/" + TVER):
        page = web.get(path, headers={"Accept": "text/html"}).text
        assert '<form class="search" action="/search" method="get"' in page, path


# ---------------------------------------------------------------------------- facets


def test_facet_counts_agree_with_sparql(web: httpx.Client) -> None:
    data = web.get("/recommendations", params={"format": "json"}).json()
    assert data["total"] == sparql_count(web, "?rec a reskg:Recommendation .")
    for value in data["facets"]["topic"]:
        assert value["count"] == sparql_count(
            web, f"?rec a reskg:Recommendation ; dct:subject <{BASE}{value['value']}> ."), value
    narrowed = web.get("/recommendations", params={"year": "2012", "format": "json"}).json()
    for value in narrowed["facets"]["addressee"]:
        assert value["count"] == sparql_count(web, f"""
            ?rec a reskg:Recommendation ; eli:is_part_of <{BASE}{TVER}> ;
                 dct:audience <{BASE}{value['value']}> ."""), value
    assert [v["value"] for v in narrowed["facets"]["place"]] == ["place/tver"]


def test_a_facet_url_filters_and_facets_combine(web: httpx.Client) -> None:
    page = web.get("/recommendations", params={"addressee": LOCAL_GOVERNMENT}).text
    rows = table(page, "recommendations")
    assert len(rows) == 6
    assert all(r[2]["text"] == "органы местного самоуправления" for r in rows)
    assert all(r[5]["href"] == "/" + TVER for r in rows)
    assert all(r[0]["href"].startswith(f"/{TVER}/recommendation/") for r in rows)
    both = web.get("/recommendations", params={
        "addressee": LOCAL_GOVERNMENT, "topic": "topic/library-policy",
        "format": "json"}).json()
    assert 0 < both["total"] < 6
    assert all("библиотечная политика" in r["topics"] for r in both["recommendations"])
    # the facet links on the page are the shareable URLs of the narrower selections
    shared = "/recommendations?addressee=" + quote(LOCAL_GOVERNMENT, safe="") + "&amp;topic="
    assert f'href="{shared}' in page


def test_csv_and_json_are_the_rows_shown(web: httpx.Client) -> None:
    params = {"year": "2012"}
    html_rows = table(web.get("/recommendations", params=params).text, "recommendations")
    as_json = web.get("/recommendations", params=params,
                      headers={"Accept": "application/json"}).json()["recommendations"]
    response = web.get("/recommendations", params={**params, "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    as_csv = list(csv.DictReader(io.StringIO(response.text)))
    assert len(html_rows) == len(as_json) == len(as_csv) == 12
    for shown, j, c in zip(html_rows, as_json, as_csv, strict=True):
        assert shown[1]["text"] == j["text"] == c["text"]
        assert shown[0]["text"] == str(j["number"]) == c["number"]
        assert c["recommendation"] == j["recommendation"] == BASE + shown[0]["href"][1:]


@pytest.mark.parametrize(("params", "named"), [
    ({"colour": "red"}, "colour"),
    ({"year": "twenty"}, "year"),
    ({"year": ["2012", "2013"]}, "year"),
    ({"topic": "a b"}, "topic"),
    ({"action": "x" * 600}, "action"),
    ({"page": "0"}, "page"),
    ({"format": "xml"}, "format"),
])
def test_bad_facet_parameters_are_400_naming_them(web: httpx.Client, params: dict[str, Any],
                                                  named: str) -> None:
    response = web.get("/recommendations", params=params, headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert f"'{named}'" in response.json()["message"]


def test_bad_parameters_elsewhere_are_400(web: httpx.Client) -> None:
    for path, params in (("/", {"x": "1"}), ("/search", {"q": "a", "page": "x"}),
                         ("/search", {"q": ["a", "b"]})):
        assert web.get(path, params=params).status_code == 400, (path, params)


def test_home_follows_a_write(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The home page is computed once per store version: a write shows at the next request."""
    folder = tmp_path_factory.mktemp("browse-writable") / "store"
    report = publish([CORPUS / "tver-2012.txt"], folder, base_iri=BASE)
    assert not report.failed
    with Server(folder, "--update-token", TOKEN, "--query-timeout", "20") as s, \
            httpx.Client(base_url=s.url, timeout=30) as web:
        assert len(web.get("/", params={"format": "json"}).json()["resolutions"]) == 1
        update = PREFIXES + f"""INSERT DATA {{ GRAPH <{BASE}graph/test-added> {{
            <{BASE}resolution/added> a reskg:Resolution ; dct:title "Добавленная резолюция"@ru .
        }} }}"""
        written = web.post("/sparql", data={"update": update},
                           headers={"Authorization": f"Bearer {TOKEN}"})
        assert written.status_code in (200, 204), written.text
        titles = {r["title"] for r in web.get("/", params={"format": "json"}).json()["resolutions"]}
        assert "Добавленная резолюция" in titles
        found = web.get("/search", params={"q": "добавленной", "format": "json"}).json()
        assert BASE + "resolution/added" in {h["iri"] for h in found["hits"]}


# --------------------------------------------------------------------------- diagram


def test_diagram_of_a_resolution(web: httpx.Client) -> None:
    data = web.get(f"/diagram/{TVER}", params={"format": "json"}).json()
    kinds: dict[str, int] = {}
    for node in data["nodes"]:
        kinds[node["kind"]] = kinds.get(node["kind"], 0) + 1
    assert kinds["resolution"] == 1 and kinds["event"] == 1
    assert kinds["recommendation"] == 12 and kinds["organiser"] == 2
    assert kinds["participants"] >= 1 and kinds["addressee"] == 2 and kinds["topic"] >= 5
    assert len(data["links"]) >= len(data["nodes"]) - 1
    page = web.get(f"/diagram/{TVER}").text
    assert len(table(page, "links")) == len(data["links"])
    resolution_page = web.get("/" + TVER, headers={"Accept": "text/html"}).text
    assert f'<a href="/diagram/{TVER}">Graph view</a>' in resolution_page
    assert web.get("/diagram/resolution/no-such-thing").status_code == 404
    assert web.get("/diagram/place/tver").status_code == 404


# --------------------------------------------------------------------------- browser


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                    reason="needs Debian's chromium (in CI, .ci/run installs it: never skipped)")
def test_home_charts_render_in_chromium(corpus_server: Server) -> None:
    url = corpus_server.url
    topics = httpx.get(url + "/?format=json", timeout=30).json()["charts"]["byTopic"]
    with browsing(url) as (page, outside, errors):
        # Vega reports drawing errors on the console (a missing favicon is not ours here)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error"
                and not m.text.startswith("Failed to load resource") else None)
        page.goto(url + "/")
        charts = ["topics-over-time", "by-addressee", "by-topic", "resolutions-by-year",
                  "resolutions-by-place", "places"]
        for name in charts:
            page.wait_for_selector(f"#chart-{name} svg", timeout=30_000)
        # the bars are drawn: one per topic; the map has its point
        bars = page.locator("#chart-by-topic svg .mark-rect.role-mark path")
        assert bars.count() == len(topics)
        assert page.locator("#chart-places svg .mark-symbol.role-mark path").count() == len(
            DOCUMENTS)  # the four event places
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "home-charts.png"), full_page=True)
        page.goto(url + f"/diagram/{TVER}")
        page.wait_for_selector("#diagram svg .mark-symbol path", timeout=30_000)
        assert page.locator("#diagram svg .mark-symbol path").count() > 20
        assert errors == []
    assert outside == []
