"""Releases on a real server (``reskg serve`` over the store of ``release_fixtures``, its
releases found beside the store): /releases/ lists them in HTML and JSON, serves each file with
its sha256 (and 304 for it), refuses every other path, /dataset links the releases, and a
resource page says in which releases the resource appears and where it last changed."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from endpoint_support import Server
from release_support import BASE, NOVGOROD, REC, TVER

pytest_plugins = ["release_fixtures"]


@pytest.fixture(scope="module")
def site(work: Path) -> Iterator[httpx.Client]:
    with Server(work / "store", "--processes", "1") as server, \
            httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


def listing(site: httpx.Client) -> list[dict[str, object]]:
    response = site.get("/releases/", headers={"Accept": "application/json"})
    assert response.status_code == 200
    return response.json()["releases"]  # type: ignore[no-any-return]


def test_the_listing_gives_each_release_newest_first(site: httpx.Client) -> None:
    releases = listing(site)
    assert [(r["version"], r["previous"]) for r in releases] == [("1.1.0", "1.0.0"),
                                                                  ("1.0.0", None)]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(r["date"])) for r in releases)
    assert releases[0]["iri"] == BASE + "releases/1.1.0/"


def test_every_listed_file_downloads_with_its_size_and_sha256(site: httpx.Client) -> None:
    for release in listing(site):
        for f in release["files"]:  # type: ignore[attr-defined]
            response = site.get(f["url"])
            assert response.status_code == 200, f["url"]
            assert len(response.content) == f["size"]
            assert hashlib.sha256(response.content).hexdigest() == f["sha256"]
            assert response.headers["etag"] == f'"{f["sha256"]}"'


def test_a_gzipped_dump_is_served_as_gzip(site: httpx.Client) -> None:
    response = site.get("/releases/1.0.0/resolutions-kg.nq.gz")
    assert response.headers["content-type"] == "application/gzip"
    assert response.content[:2] == b"\x1f\x8b"


def test_a_known_etag_is_answered_with_304(site: httpx.Client) -> None:
    first = site.get("/releases/1.1.0/CHANGELOG.md")
    assert first.headers["content-type"] == "text/markdown; charset=utf-8"
    again = site.get("/releases/1.1.0/CHANGELOG.md",
                     headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304


def test_the_html_listing_shows_versions_files_and_checksums(site: httpx.Client) -> None:
    response = site.get("/releases/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    newest = listing(site)[0]
    for f in newest["files"]:  # type: ignore[attr-defined]
        assert f'href="{f["url"]}"' in response.text
        assert f["sha256"] in response.text
    page = site.get("/releases/1.1.0/", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "after <a href=\"/releases/1.0.0/\">1.0.0</a>" in page.text
    assert site.get("/releases/1.1.0/?format=json").json()["version"] == "1.1.0"


@pytest.mark.parametrize("path", [
    "/releases/9.9.9/", "/releases/9.9.9/CHANGELOG.md", "/releases/1.1.0/nothing.txt",
    "/releases/1.1.0/..%2F1.0.0%2Frelease.json", "/releases/..%2F..%2Fstore/CURRENT",
    "/releases/1.1.0/%2E%2E/%2E%2E/store/CURRENT", "/releases/.1.1.0-x/CHANGELOG.md",
    "/releases/1.1.0/.%2Frelease.json", "/releases/1.1.0/CHANGELOG.md%00",
])
def test_no_other_path_is_served(site: httpx.Client, path: str) -> None:
    response = site.get(path, follow_redirects=True)
    assert response.status_code == 404, path
    assert "etag" not in response.headers  # no file was served


def test_a_bad_format_parameter_is_a_400_naming_it(site: httpx.Client) -> None:
    response = site.get("/releases/?format=xml")
    assert response.status_code == 400
    assert "format" in response.text


def test_the_dataset_description_links_every_release(site: httpx.Client) -> None:
    response = site.get("/dataset.nt")
    assert response.status_code == 200
    for version in ("1.0.0", "1.1.0"):
        assert (f"<{BASE}dataset> <http://www.w3.org/ns/dcat#hasVersion> "
                f"<{BASE}releases/{version}/> .") in response.text
    page = site.get("/dataset", headers={"Accept": "text/html"})
    assert f'href="/releases/{version}/"' in page.text
    assert '<section class="releases">' not in page.text  # it is not a resource of the data


def _releases_block(site: httpx.Client, iri: str) -> str:
    response = site.get(iri.removeprefix(BASE.rstrip("/")), headers={"Accept": "text/html"})
    assert response.status_code == 200
    return response.text.split('<section class="releases">', 1)[1].split("</section>", 1)[0]


def test_a_resource_page_says_where_it_changed(site: httpx.Client) -> None:
    block = _releases_block(site, REC)
    assert "In releases 1.0.0, 1.1.0; its triples last changed in release" in block
    assert re.search(r'<a href="/releases/1.1.0/">1.1.0</a> \(\d{4}-\d{2}-\d{2}\)\.', block)
    assert re.search(r"1\.1\.0</a></td><td>[\d-]+</td><td>changed</td>", block)


def test_an_unchanged_resource_last_changed_in_its_first_release(site: httpx.Client) -> None:
    block = _releases_block(site, f"{BASE}resolution/{TVER}")
    assert "In releases 1.0.0, 1.1.0" in block
    assert re.search(r'<a href="/releases/1.0.0/">1.0.0</a> \(\d{4}-\d{2}-\d{2}\)\.', block)
    assert re.search(r"1\.1\.0</a></td><td>[\d-]+</td><td>unchanged</td>", block)


def test_a_new_resource_appears_only_in_the_new_release(site: httpx.Client) -> None:
    block = _releases_block(site, f"{BASE}resolution/{NOVGOROD}")
    assert "In releases 1.1.0;" in block
    assert re.search(r"1\.0\.0</a></td><td>[\d-]+</td><td>absent</td>", block)


@pytest.mark.parametrize(("path", "status"), [
    ("/releases/" + "1" * 10_000 + "/", 404),
    ("/releases/1.1.0/" + "x" * 10_000, 404),
    ("/releases/%FF/", 400),
    ("/releases/1.1.0/%FF.md", 400),
])
def test_hostile_paths_are_client_errors_with_bounded_bodies(site: httpx.Client, path: str,
                                                             status: int) -> None:
    response = site.get(path)
    assert response.status_code == status
    assert len(response.content) < 2_000
    assert site.get("/releases/").status_code == 200
