"""One researcher's path through the site, in Chromium (Debian's, with Playwright): home →
search → a recommendation → its resolution → a facet → a chart → the query UI with a named query
→ a result IRI → its page. Each step asserts what is on the screen; a screenshot of each is kept
in ``build/screenshots/`` (CI keeps ``build/`` as its artifacts)."""

from __future__ import annotations

import os
import re
from urllib.parse import parse_qs, urlparse

import pytest
from browser_support import CHROMIUM, browsing
from conftest import CORPUS_DOCUMENTS as DOCUMENTS
from conftest import SHOTS
from endpoint_support import Server

BASE = "https://w3id.org/resolutions-kg/"
pytest_plugins = ["corpus_fixtures"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                       reason="needs Debian's chromium (in CI, .ci/run installs it)"),
]


def test_a_researcher_walks_from_the_home_page_to_a_query_result(corpus_server: Server) -> None:
    url = corpus_server.url
    SHOTS.mkdir(parents=True, exist_ok=True)
    with browsing(url) as (page, outside, errors):

        def shot(step: str) -> None:
            page.screenshot(path=str(SHOTS / f"researcher-{step}.png"), full_page=True)

        # 1. home: what the dataset is, and its resolutions
        page.goto(url + "/")
        assert page.locator("h1").first.inner_text().strip()
        table = page.inner_text("#resolutions")
        assert "Библиотеки и общество: вектор развития" in table and "Тверь" in table
        assert page.locator("#resolutions tbody tr").count() == len(DOCUMENTS)
        shot("1-home")

        # 2. search from the box in the header, in another word form
        page.fill("header form.search input[name=q]", "библиотекам")
        page.press("header form.search input[name=q]", "Enter")
        page.wait_for_url(re.compile(r".*/search\?q="))
        assert page.locator(".hit mark").count() > 0
        marked = page.locator(".hit mark").first.inner_text().lower()
        assert marked.startswith("библиотек")
        shot("2-search")

        # 3. a recommendation among the hits
        hit = page.locator(".hit", has=page.locator(".kind", has_text=re.compile(
            "recommendation", re.I))).first
        hit.locator("a").first.click()
        page.wait_for_url(re.compile(r".*/recommendation/\d+$"))
        assert page.locator("nav.parts a[rel=up]").count() == 1
        assert "source" in page.content().lower()
        shot("3-recommendation")

        # 4. up to its resolution, which reads like the document
        page.click("nav.parts a[rel=up]")
        page.wait_for_url(re.compile(r".*/resolution/[^/]+$"))
        assert page.locator("ol.recommendations li").count() >= 4
        shot("4-resolution")

        # 5. the recommendations browser, narrowed by a facet
        page.goto(url + "/recommendations")
        before = page.locator("#recommendations tbody tr").count()
        year = page.locator('#facet-year a[data-facet="year"]').first
        chosen = year.get_attribute("data-value")
        count = int(year.locator("xpath=following-sibling::span[1]").inner_text())
        year.click()
        page.wait_for_url(re.compile(r".*[?&]year="))
        assert parse_qs(urlparse(page.url).query)["year"] == [chosen]
        after = page.locator("#recommendations tbody tr").count()
        assert after == min(count, 50) and after <= before
        shot("5-facet")

        # 6. a chart on the home page
        page.goto(url + "/")
        page.wait_for_selector("#chart-by-topic svg .mark-rect.role-mark path",
                               timeout=30_000)
        assert page.locator("#chart-places svg .mark-symbol.role-mark path").count() >= 1
        shot("6-chart")

        # 7. the query UI with a named query
        page.goto(url + "/query")
        page.wait_for_selector(".yasqe .CodeMirror")
        page.click('button[data-query="resolution-summary"]')
        page.click(".yasqe_queryButton")
        page.wait_for_selector(".yasr table.dataTable tbody tr td a.iri", timeout=30_000)
        shot("7-query")

        # 8. a result IRI opens its page on this server
        link = page.locator(".yasr table.dataTable tbody tr td a.iri").first
        href = link.get_attribute("href") or ""
        assert href.startswith("/") and not href.startswith("//")
        link.click()
        page.wait_for_url(url + href)
        assert page.locator("h1").count() == 1
        assert (BASE + href.lstrip("/")) in page.content()
        shot("8-result-page")
        assert errors == []
    assert outside == []
