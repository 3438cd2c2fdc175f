"""Pages a researcher reads: a resolution's page reads like the resolution, parts link to each
other, labels everywhere, no Markdown markup, the site's layout on error pages, named-query
pages with rendered descriptions and pick lists, and a compact /dataset — all through a real
``reskg serve`` over the published Tver store (whose source keeps Markdown emphasis)."""

from __future__ import annotations

import html
import re

import httpx
import pytest

from resolutions_kg.settings import DEFAULT_BASE_IRI

pytest_plugins = ["ld_fixtures"]

BASE = DEFAULT_BASE_IRI
SLUG = "tver-2012-biblioteki-i-obshchestvo-vektor-razvitiya"
RESOLUTION = f"/resolution/{SLUG}"
EVENT = f"/event/{SLUG}"
HTML = {"Accept": "text/html"}


def text_of(fragment: str) -> str:
    """What a reader sees, without the evidence marks: tags, scripts and styles gone, entities
    decoded, runs of white space one space."""
    fragment = re.sub(r"<(script|style)\b.*?</\1>", "", fragment, flags=re.DOTALL)
    fragment = re.sub(r'<a class="ev"[^>]*>¶</a>', "", fragment)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def page(client: httpx.Client, path: str) -> str:
    response = client.get(path, headers=HTML)
    assert response.status_code == 200, (path, response.status_code)
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def recommendations(client: httpx.Client) -> list[dict[str, str]]:
    """The `recommendations` named query's rows for the Tver resolution (the expectation)."""
    response = client.get("/queries/recommendations",
                          params={"resolution": BASE + RESOLUTION[1:], "format": "json"})
    assert response.status_code == 200
    return [{k: v["value"] for k, v in row.items()}
            for row in response.json()["results"]["bindings"]]


# ----------------------------------------------------------------------- the resolution


def test_resolution_lists_recommendations_in_order_with_text_grouped_by_addressee(
    tver: httpx.Client,
) -> None:
    body = page(tver, RESOLUTION)
    expected = recommendations(tver)
    assert len(expected) == 12
    groups = re.findall(r'<section class="addressee">(.*?)</section>', body, re.DOTALL)
    assert groups
    shown: list[tuple[int, str, str]] = []  # (position, addressee heading, text)
    for group in groups:
        heading = text_of(re.search(r"<h3>(.*?)</h3>", group, re.DOTALL).group(1))  # type: ignore[union-attr]
        items = re.findall(r'<li id="part-(\d+)">(.*?)</li>', group, re.DOTALL)
        numbers = [int(n) for n, _ in items]
        assert numbers == sorted(numbers), f"not in number order under {heading!r}"
        for n, item in items:
            text = text_of(re.search(r'<span class="text">(.*?)</span>', item,  # type: ignore[union-attr]
                                     re.DOTALL).group(1))
            shown.append((int(n), heading, text))
    assert sorted(p for p, _h, _t in shown) == [int(r["position"]) for r in expected]
    by_position = {p: (h, t) for p, h, t in shown}
    for row in expected:
        heading, text = by_position[int(row["position"])]
        assert text == " ".join(row["text"].split())
        assert heading == f"To {row['addressee']}"
    # one section per addressee: the same addressee never heads two groups
    headings = [h for h in (text_of(g.split("</h3>")[0]) for g in groups)]
    assert len(headings) == len(set(headings))


def test_resolution_shows_its_event_participants_and_topics_in_document_order(
    tver: httpx.Client,
) -> None:
    body = page(tver, RESOLUTION)
    text = text_of(body)
    assert "Тверь" in text and "2012-10-25" in text
    cohorts = re.search(r'<table class="results cohorts">(.*?)</table>', body, re.DOTALL)
    assert cohorts is not None
    rows = [text_of(r) for r in re.findall(r"<tr>(.*?)</tr>", cohorts.group(1), re.DOTALL)][1:]
    assert any("муниципальные библиотеки" in r and "23" in r for r in rows)
    topics = re.search(r'<ol class="topics">(.*?)</ol>', body, re.DOTALL)
    assert topics is not None
    shown = [text_of(li)
             for li in re.findall(r"<li>(.*?)</li>", topics.group(1), re.DOTALL)]
    response = tver.get("/queries/topics-discussed", params={"format": "json"})
    expected = [row["label"]["value"] for row in response.json()["results"]["bindings"]]
    assert shown == expected  # the order the source lists them in


def test_every_fact_links_to_its_evidence(tver: httpx.Client) -> None:
    body = page(tver, RESOLUTION)
    evidence = re.findall(r'<a class="ev" href="([^"]+)" title="([^"]*)"', body)
    assert len(evidence) > 30
    href, quote = evidence[0]
    assert href.startswith(f"/source/{SLUG}/evidence/")
    annotation = page(tver, href)
    assert '<mark id="span">' in annotation  # the annotation's own span, marked
    assert " ".join(html.unescape(quote).split()) in text_of(annotation)


def test_has_part_is_in_document_order(tver: httpx.Client) -> None:
    body = page(tver, RESOLUTION)
    row = re.search(r"eli:has_part</span>.*?</tr>|eli:has_part</a>.*?</tr>", body, re.DOTALL)
    assert row is not None
    parts = re.findall(rf'href="{RESOLUTION}/recommendation/(\d+)"', row.group(0))
    assert parts == [str(n) for n in range(1, 13)]


# ------------------------------------------------------------ parts, events, labels


def test_recommendation_has_previous_next_and_up(tver: httpx.Client) -> None:
    body = page(tver, f"{RESOLUTION}/recommendation/3")
    assert f'rel="prev" href="{RESOLUTION}/recommendation/2"' in body
    assert f'rel="next" href="{RESOLUTION}/recommendation/4"' in body
    assert f'rel="up" href="{RESOLUTION}"' in body
    # document order across kinds: the statement, recommendations 1–12, the closing proposal
    first = page(tver, f"{RESOLUTION}/statement/1")
    assert 'rel="prev"' not in first
    assert f'rel="next" href="{RESOLUTION}/recommendation/1"' in first
    assert f'rel="next" href="{RESOLUTION}/proposal/1"' in page(
        tver, f"{RESOLUTION}/recommendation/12")
    assert 'rel="next"' not in page(tver, f"{RESOLUTION}/proposal/1")
    summary = text_of(re.search(r'<section class="summary part">(.*?)</section>', body,  # type: ignore[union-attr]
                                re.DOTALL).group(1))
    expected = next(r for r in recommendations(tver) if r["position"] == "3")
    assert " ".join(expected["text"].split()) in summary
    assert expected["addressee"] in summary and expected["action"] in summary


@pytest.mark.parametrize("path", [
    RESOLUTION, f"{RESOLUTION}/recommendation/5", EVENT, f"{EVENT}/cohort/1", "/place/tver",
    f"/source/{SLUG}", "/topic/public-libraries",
])
def test_our_iris_are_shown_by_their_labels(tver: httpx.Client, path: str) -> None:
    body = page(tver, path)
    links = re.findall(r'<a href="(/[^"#]*)"[^>]*>([^<]*)</a>', body)
    ours = [(href, text) for href, text in links if not href.startswith(("/static", "/dumps"))]
    assert ours
    bare = [(href, text) for href, text in ours if text.startswith(BASE)]
    assert not bare, f"IRIs shown without a label on {path}: {bare[:3]}"


def test_event_page_lists_cohorts_and_topics(tver: httpx.Client) -> None:
    body = page(tver, EVENT)
    assert '<table class="results cohorts">' in body
    assert '<ol class="topics">' in body
    assert f'href="{RESOLUTION}"' in body


# --------------------------------------------------------- layout, icon, Markdown


@pytest.mark.parametrize(("path", "status"), [
    ("/no/such/resource", 404), (f"{RESOLUTION}?format=nonsense", 400),
    ("/queries/no-such-query", 404),
])
def test_error_pages_have_the_site_layout(tver: httpx.Client, path: str, status: int) -> None:
    response = tver.get(path, headers=HTML)
    assert response.status_code == status
    assert '<header class="site">' in response.text
    assert '<link rel="stylesheet" href="/static/site.css">' in response.text


def test_favicon(tver: httpx.Client) -> None:
    response = tver.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/")
    assert response.content[:4] == b"\0\0\1\0"  # an ICO file


def test_markdown_markup_never_shows(tver: httpx.Client) -> None:
    # the Tver source is plain text with Markdown emphasis, kept in its rendition (every
    # evidence offset counts into it): «**Конференция рекомендует:**» before recommendation 1
    rendition = tver.get("/sparql", params={
        "query": "SELECT ?t { ?s a <https://w3id.org/resolutions-kg/ontology#SourceText> ; "
                 "<http://www.w3.org/1999/02/22-rdf-syntax-ns#value> ?t }"},
        headers={"Accept": "application/sparql-results+json"})
    assert "**" in rendition.json()["results"]["bindings"][0]["t"]["value"]
    audience = (f"/source/{SLUG}/evidence/resolution-{SLUG}-recommendation-1-audience")
    assert "**" in tver.get(audience + ".ttl").text  # its quote's prefix, in the data
    for path in (RESOLUTION, f"{RESOLUTION}/recommendation/1", EVENT, audience,
                 f"/source/{SLUG}"):
        shown = page(tver, path)
        # the evidence snippets and tooltips, the marked source text and every other text
        assert "**" not in text_of(shown), path
        assert "**" not in " ".join(re.findall(r'title="([^"]*)"', shown)), path


# ----------------------------------------------------------------- named queries


def test_named_query_descriptions_are_rendered(tver: httpx.Client) -> None:
    for path in ("/queries", "/queries/recommendations"):
        body = page(tver, path)
        descriptions = re.findall(r'<div class="description">(.*?)</div>', body, re.DOTALL)
        assert descriptions
        assert "<code>position</code>" in body
        assert not any("`" in d for d in descriptions), "raw backticks in a description"


def test_markdown_filter_escapes_raw_html() -> None:
    from resolutions_kg.endpoint.pages import markdown, markdown_inline

    rendered = str(markdown("a `b` <script>alert(1)</script> [x](javascript:alert(1))"))
    assert "<code>b</code>" in rendered
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert 'href="javascript:' not in rendered
    assert "<b>" not in str(markdown_inline("<b>bold</b>"))


def test_iri_parameters_offer_the_resources_that_fit(tver: httpx.Client) -> None:
    body = page(tver, "/queries/recommendations")
    assert 'list="options-resolution"' in body
    datalist = re.search(r'<datalist id="options-resolution">(.*?)</datalist>', body, re.DOTALL)
    assert datalist is not None
    options = re.findall(r'<option value="([^"]+)">([^<]*)</option>', datalist.group(1))
    assert options == [(BASE + RESOLUTION[1:],
                        "Резолюция конференции «Библиотеки и общество: вектор развития»")]
    resource = page(tver, "/queries/provenance")  # `resource`: any page-worthy resource
    assert 'list="options-resource"' in resource
    assert f'<option value="{BASE}{EVENT[1:]}">' in resource


def test_result_tables_show_labels_linked_to_our_pages(tver: httpx.Client) -> None:
    body = page(tver, "/queries/resolution-summary?format=html")
    link = re.search(rf'<a href="{RESOLUTION}"[^>]*>([^<]+)</a>', body)
    assert link is not None
    assert link.group(1) == "Резолюция конференции «Библиотеки и общество: вектор развития»"


# ---------------------------------------------------------------------- /dataset


def test_dataset_page_is_compact_and_names_classes(tver: httpx.Client) -> None:
    body = page(tver, "/dataset")
    shown = text_of(body)
    assert not re.search(r"class-[0-9a-f]{12}", shown), "partition hashes shown as text"
    tables = re.findall(r'<table class="results stats classes">(.*?)</table>', body, re.DOTALL)
    assert tables
    rows = {text_of(cells[0]): int(text_of(cells[1]).replace(",", ""))
            for table in tables
            for cells in re.findall(r'<td>(.*?)</td><td class="n">(.*?)</td>', table)}
    recommendation = next(k for k in rows if k.endswith("reskg:Recommendation"))
    assert rows[recommendation] == 12
    # the partitions' hash IRIs still dereference to their row
    assert re.search(r'<tr id="class-[0-9a-f]{12}">', body)
    # properties are folded away; the page is a few tables, not one section per node
    assert re.search(r"<details class=\"properties\">.*<tr id=\"property-", body, re.DOTALL)
    assert '<section class="resource"' not in body
    unfolded = body.split('<details class="properties">')[0]
    assert unfolded.count("<tr") < len(rows) + 40
