"""The query UI at /query (YASGUI served by us, in headless Chromium) and the named queries at
/queries (catalogue as HTML/JSON, runs as JSON/CSV/TSV/HTML, parameter errors as 400s)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import httpx
import pytest
from browser_support import CHROMIUM, browsing
from conftest import SHOTS

from resolutions_kg.queries import catalogue

pytest_plugins = ["ld_fixtures"]

STATIC = Path(__file__).resolve().parents[1] / "endpoint" / "static"


# ------------------------------------------------------------------------- /queries


def test_catalogue_json(tver: httpx.Client) -> None:
    response = tver.get("/queries", headers={"Accept": "application/json"})
    assert response.status_code == 200
    listed = {q["name"]: q for q in response.json()["queries"]}
    assert set(listed) == set(catalogue())
    recommendations = listed["recommendations"]
    assert recommendations["url"] == "/queries/recommendations"
    assert {p["name"] for p in recommendations["parameters"]} >= {"resolution", "topic"}
    assert "SELECT" in recommendations["query"]


def test_catalogue_html(tver: httpx.Client) -> None:
    response = tver.get("/queries", headers={"Accept": "text/html"})
    assert response.status_code == 200
    for name in catalogue():
        assert f'href="/queries/{name}"' in response.text


def test_run_as_json(tver: httpx.Client) -> None:
    response = tver.get("/queries/recommendations",
                        headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    rows = response.json()["results"]["bindings"]
    assert len(rows) >= 5
    assert all("text" in row for row in rows)


def test_run_as_csv_and_tsv(tver: httpx.Client) -> None:
    as_json = tver.get("/queries/recommendations", params={"format": "json"}).json()
    n = len(as_json["results"]["bindings"])
    response = tver.get("/queries/recommendations", headers={"Accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.text)))
    assert len(table) == n + 1 and "text" in table[0]
    tsv = tver.get("/queries/recommendations", params={"format": "tsv"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    assert len(tsv.text.strip().splitlines()) == n + 1


def test_run_as_html_table(tver: httpx.Client) -> None:
    response = tver.get("/queries/recommendations", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert '<table class="results">' in response.text
    assert re.search(r'<a href="/resolution/[^"/]+"[ >]', response.text)  # our IRIs link to us


def test_parameters_are_bound(tver: httpx.Client) -> None:
    rows = tver.get("/queries/recommendations", params={"format": "json"}).json()
    resolution = rows["results"]["bindings"][0]["resolution"]["value"]
    bound = tver.get("/queries/recommendations",
                     params={"resolution": resolution, "format": "json"}).json()
    assert bound["results"]["bindings"]
    other = tver.get("/queries/recommendations",
                     params={"resolution": resolution + "-other", "format": "json"}).json()
    assert other["results"]["bindings"] == []


@pytest.mark.parametrize(
    ("params", "named"),
    [({"resolution": "not an iri"}, "resolution"), ({"colour": "red"}, "colour")],
)
def test_parameter_errors_are_400_naming_the_parameter(
    tver: httpx.Client, params: dict[str, str], named: str
) -> None:
    response = tver.get("/queries/recommendations", params=params,
                        headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert named in response.json()["message"]


def test_missing_required_parameter_is_400(tver: httpx.Client) -> None:
    response = tver.get("/queries/search", headers={"Accept": "text/csv"})
    assert response.status_code == 400
    assert "text" in response.text


def test_browser_gets_the_form_for_a_query_that_needs_parameters(tver: httpx.Client) -> None:
    response = tver.get("/queries/search", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert '<input name="text"' in response.text


def test_unknown_query_is_404(tver: httpx.Client) -> None:
    assert tver.get("/queries/nope", headers={"Accept": "text/csv"}).status_code == 404


# ---------------------------------------------------------------------------- the UI


def test_ui_page_uses_our_own_copy_of_yasgui(ld: httpx.Client) -> None:
    page = ld.get("/query").text
    assert '<script src="/static/yasgui/yasgui.min.js">' in page
    assert "cdn" not in page.lower() and "unpkg" not in page.lower()
    js = ld.get("/static/yasgui/yasgui.min.js")
    assert js.status_code == 200 and len(js.content) > 500_000
    assert ld.get("/static/yasgui/yasgui.min.css").status_code == 200
    assert (STATIC / "yasgui" / "LICENSE").read_text().count("MIT") >= 1


def test_ui_lists_the_named_queries(ld: httpx.Client) -> None:
    page = ld.get("/query").text
    for name in catalogue():
        assert f'"name": "{name}"' in page


def _config(client: httpx.Client) -> dict[str, object]:
    page = client.get("/query").text
    found = re.search(r'<script type="application/json" id="ui-config">(.*?)</script>', page, re.S)
    assert found is not None
    return json.loads(found[1].replace("<\\/", "</"))  # type: ignore[no-any-return]


def test_ui_examples_are_clean_queries_with_their_description(ld: httpx.Client) -> None:
    config = _config(ld)
    examples = {e["name"]: e for e in config["examples"]}  # type: ignore[attr-defined]
    assert set(examples) == set(catalogue())
    for name, example in examples.items():
        assert not any(line.lstrip().startswith("#+") for line in example["text"].splitlines())
        assert example["description"] == catalogue()[name].description
    assert [p["name"] for p in examples["recommendations"]["parameters"]] == [
        p.name for p in catalogue()["recommendations"].parameters]


def test_ui_knows_the_base_iri_and_our_prefixes(ld: httpx.Client) -> None:
    config = _config(ld)
    assert config["baseIri"] == "https://w3id.org/resolutions-kg/"
    assert config["prefixes"]["reskg"] == "https://w3id.org/resolutions-kg/ontology#"  # type: ignore[index]


def test_ui_loads_vega_from_our_server(ld: httpx.Client) -> None:
    page = ld.get("/query").text
    for name in ("vega", "vega-lite", "vega-embed"):
        assert f'<script src="/static/vega/{name}.min.js">' in page
        assert ld.get(f"/static/vega/{name}.min.js").status_code == 200
    assert ld.get("/static/ui.css").status_code == 200


#: JavaScript: for each row of the results table, whether a cell's box overlaps the next one or
#: its content spills out of it, and whether a header's text is cut.
_LAYOUT_FAULTS = """() => {
  const table = document.querySelector('.yasr table.dataTable');
  const faults = [];
  table.querySelectorAll('thead th').forEach(th => {
    const title = th.querySelector('.dt-column-title') || th;
    const width = title.getBoundingClientRect().width;
    if (width + 1 < title.scrollWidth) faults.push('cut: ' + th.textContent);
  });
  table.querySelectorAll('tbody tr').forEach(tr => {
    const cells = [...tr.children];
    cells.forEach((td, i) => {
      const box = td.getBoundingClientRect();
      const div = td.firstElementChild;
      if (div && div.scrollWidth > td.clientWidth + 1) faults.push('spills: ' + td.textContent);
      const next = cells[i + 1];
      const start = next ? next.getBoundingClientRect().left : Infinity;
      if (box.right > start + 1) faults.push('overlaps: ' + td.textContent);
    });
  });
  return faults;
}"""


def _column(page: object, name: str) -> int:
    headers = page.locator(".yasr table.dataTable thead th").all_inner_texts()  # type: ignore[attr-defined]
    return [h.strip() for h in headers].index(name)


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                    reason="needs Debian's chromium (in CI, .ci/run installs it: never skipped)")
def test_ui_runs_a_query_in_chromium(tver_server: object) -> None:
    url = tver_server.url  # type: ignore[attr-defined]
    with browsing(url) as (page, outside, errors):
        page.goto(url + "/query")
        page.wait_for_selector(".yasqe .CodeMirror")
        # load a named query into the editor from the examples list, then run it
        page.click('button[data-query="recommendations"]')
        text = page.evaluate("window.reskgYasgui.getTab().getQuery()")
        assert "reskg:Recommendation" in text
        assert not any(line.lstrip().startswith("#+") for line in text.splitlines())
        assert text.lstrip().startswith("PREFIX")
        # its description is shown beside the editor instead
        assert page.inner_text("#example-title") == catalogue()["recommendations"].title
        assert "document order" in page.inner_text("#example-description")
        page.click(".yasqe_queryButton")
        page.wait_for_selector(".yasr table.dataTable tbody tr td", timeout=30_000)
        rows = page.locator(".yasr table.dataTable tbody tr").count()
        assert rows >= 5

        # a summary: counts are plain numbers, our IRIs show labels and link to our pages
        page.click('button[data-query="resolution-summary"]')
        page.click(".yasqe_queryButton")
        page.wait_for_function(
            "document.querySelectorAll('.yasr table.dataTable tbody tr').length === 1"
            " && window.reskgLabels && Object.keys(window.reskgLabels).length > 0",
            timeout=30_000)
        count = page.locator(".yasr table.dataTable tbody tr td").nth(
            _column(page, "recommendations")).inner_text()
        assert re.fullmatch(r"\d+", count.strip()), count
        link = page.locator(".yasr table.dataTable tbody tr td").nth(
            _column(page, "resolution")).locator("a.iri")
        iri = link.get_attribute("data-iri") or ""
        assert iri.startswith("https://w3id.org/resolutions-kg/resolution/")
        href = link.get_attribute("href") or ""
        assert href == "/" + iri.removeprefix("https://w3id.org/resolutions-kg/")
        assert link.get_attribute("target") in (None, "_self")
        shown = link.inner_text()
        assert "w3id.org" not in shown and shown.startswith("Резолюция"), shown
        # the topic, date and text columns show values, never "…"^^<…> or <…>
        table_text = page.inner_text(".yasr table.dataTable tbody")
        assert "^^" not in table_text and "XMLSchema" not in table_text
        # columns never overlap, headers are whole, in both views
        assert page.evaluate(_LAYOUT_FAULTS) == []
        page.click(".tableControls label.switch >> nth=0")  # Simple view
        page.wait_for_selector(".yasr table.dataTable tbody tr td")
        assert page.evaluate(_LAYOUT_FAULTS) == []
        page.click(".tableControls label.switch >> nth=0")
        page.wait_for_selector(".yasr table.dataTable tbody tr td a.iri")

        # the chart view draws the results with our own Vega-Lite
        page.click(".yasr_btn.select_chart")
        page.wait_for_selector(".reskg-chart svg .mark-rect path", timeout=30_000)
        page.select_option(".reskg-chart select[name=mark]", "line")
        # (one row: a line of one point, drawn but of no size)
        page.wait_for_selector(".reskg-chart svg .mark-line path", state="attached",
                               timeout=30_000)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "ui-chart.png"), full_page=False)

        # clicking one of our IRIs opens its page on this server, in the same tab
        page.click(".yasr_btn.select_table")
        link = page.locator(".yasr table.dataTable tbody tr td a.iri").first
        link.click()  # fails if another cell lies over the link
        page.wait_for_url(url + href)
        assert iri in page.content()
        assert len(page.context.pages) == 1
        assert errors == []
    assert outside == []
