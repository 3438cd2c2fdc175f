"""The faceted browser's and search's in-memory indexes, and the named queries' kept answers,
follow the store version (issue 15).

``/recommendations`` and ``/search`` answer from indexes built once per store version
(endpoint/facet_index.py, endpoint/search_index.py). A write through the server, or a load
beside a read-only server, must show on the next request — never the data the index was built
from. Real servers, real stores, a real ``reskg load``; waits poll the store version.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from conftest import TVER
from endpoint_support import BASE, TOKEN, Server, build_store

from resolutions_kg.settings import DEFAULT_BASE_IRI
from resolutions_kg.store import mark_modified

pytest_plugins = ["endpoint_fixtures", "corpus_fixtures"]

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TTL = {"Content-Type": "text/turtle"}
G = f"{BASE}graph/index-test"
RES = f"{BASE}resolution/index-test"
TVER_SLUG = "tver-2012-biblioteki-i-obshchestvo-vektor-razvitiya"


def document(audience: str, words: str, year: int) -> bytes:
    return f"""
@prefix reskg: <https://w3id.org/resolutions-kg/ontology#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{RES}> a reskg:Resolution ; eli:date_document "{year}-05-17"^^xsd:date ;
  eli:has_part <{RES}/recommendation/1> .
<{RES}/recommendation/1> a reskg:Recommendation ; eli:is_part_of <{RES}> ;
  reskg:position 1 ; reskg:text "Рекомендовать {words}."@ru ;
  reskg:lemmas " рекомендовать {words} " ; reskg:action "рекомендовать"@ru ;
  dct:audience <{BASE}audience/{audience}> .
""".encode()


def facets(client: httpx.Client, **params: str) -> dict[str, Any]:
    r = client.get("/recommendations", params={**params, "format": "json"})
    assert r.status_code == 200, r.text
    return dict(r.json())


def counts(body: dict[str, Any], facet: str) -> dict[str, int]:
    return {v["value"]: v["count"] for v in body["facets"][facet]}


def found(client: httpx.Client, q: str) -> list[str]:
    r = client.get("/search", params={"q": q, "format": "json"})
    assert r.status_code == 200, r.text
    return [h["iri"] for h in r.json()["hits"]]


def running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def texts(client: httpx.Client) -> list[str]:
    """The texts the named query ``recommendations`` lists (answers are kept per version)."""
    r = client.get("/queries/recommendations", params={"format": "json"})
    assert r.status_code == 200, r.text
    return [b["text"]["value"] for b in r.json()["results"]["bindings"]]


def test_a_write_shows_in_facets_and_search_at_once(writable_server: Server) -> None:
    rec = f"{RES}/recommendation/1"
    with httpx.Client(base_url=writable_server.url, timeout=60, headers=AUTH) as client:
        assert client.put("/store", params={"graph": G}, headers=TTL,
                          content=document("muzei", "музей", 2011)).status_code in (201, 204)
        first = facets(client)
        assert counts(first, "addressee").get("audience/muzei") == 1
        assert counts(first, "year") == {"2011": 1}
        assert [r["recommendation"] for r in first["recommendations"]] == [rec]
        assert found(client, "музеями") == [rec]
        hit = client.get("/search", params={"q": "музеям", "format": "json"}).json()["hits"][0]
        assert hit["text"] == "Рекомендовать музей."
        assert found(client, "архивам") == []
        assert texts(client) == ["Рекомендовать музей."]
        assert texts(client) == ["Рекомендовать музей."]
        home = client.get("/").text  # rendered once per version
        assert "2011" in home and "2013" not in home

        # the same graph replaced: the indexes built for the first version must not answer
        assert client.put("/store", params={"graph": G}, headers=TTL,
                          content=document("arkhivy", "архив", 2013)).status_code == 204
        second = facets(client)
        assert counts(second, "addressee") == {"audience/arkhivy": 1}
        assert counts(second, "year") == {"2013": 1}
        assert facets(client, addressee="audience/muzei")["total"] == 0
        chosen = facets(client, addressee="audience/arkhivy", year="2013")
        assert chosen["total"] == 1 and chosen["recommendations"][0]["recommendation"] == rec
        assert found(client, "музеям") == []
        assert found(client, "архивам") == [rec]
        assert texts(client) == ["Рекомендовать архив."]
        home = client.get("/").text
        assert "2013" in home and "2011" not in home

        assert client.delete("/store", params={"graph": G}).status_code == 204
        assert facets(client)["total"] == 0
        assert found(client, "архивам") == []
        assert texts(client) == []


def test_a_load_beside_a_read_only_server_shows_in_facets_and_search(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store")
    mark_modified(store, DEFAULT_BASE_IRI)  # a version, as `reskg load` records one
    with Server(store, "--processes", "2") as server, \
            httpx.Client(base_url=server.url, timeout=60) as client:
        old = server.in_memory()["version"]
        before = facets(client)
        # every process builds its indexes for the old version
        for _ in range(8):
            with httpx.Client(base_url=server.url, timeout=60) as fresh:  # any process
                assert facets(fresh)["total"] == before["total"]
                assert not any(TVER_SLUG in iri for iri in found(fresh, "библиотекам"))
        serving: set[int] = set()  # the processes answering from the first version
        in_memory: set[int] = set()
        deadline = time.monotonic() + 120
        while len(in_memory) < 2:
            assert time.monotonic() < deadline, f"only saw processes {serving}"
            with httpx.Client(base_url=server.url, timeout=30) as fresh:
                health = fresh.get("/health").json()
            assert health["version"] == old
            serving.add(health["process"])
            if health["store"] == "memory":
                in_memory.add(health["process"])
        reskg = Path(sys.executable).with_name("reskg")
        loaded = subprocess.run([str(reskg), "load", str(TVER), "--store", str(store)],
                                capture_output=True, text=True, timeout=300)
        assert loaded.returncode == 0, loaded.stderr
        deadline = time.monotonic() + 120
        # every process of the first version retired: whichever answers serves the new one
        while any(running(pid) for pid in serving):
            assert time.monotonic() < deadline, "the processes of the old version still run"
            time.sleep(0.1)
        for _ in range(8):  # whichever process answers
            with httpx.Client(base_url=server.url, timeout=60) as fresh:
                after = facets(fresh)
                assert after["total"] > before["total"]
                assert any(v == "2012" for v in counts(after, "year"))
                hits = found(fresh, "библиотекам")
                assert any(TVER_SLUG in iri for iri in hits)


def test_the_indexes_answer_as_the_queries_do(corpus_server: Server) -> None:
    """Over the corpus, the index-backed counts, rows and hits equal those of the SPARQL
    queries they replace (used for a store without a recorded version)."""
    from resolutions_kg.endpoint import browse
    from resolutions_kg.endpoint import facets as facet_page
    from resolutions_kg.endpoint import search as search_page
    from resolutions_kg.endpoint.app import effective_settings
    from resolutions_kg.endpoint.context import AppContext

    assert corpus_server.store is not None
    ctx = AppContext.open(corpus_server.store, effective_settings({}))
    try:
        assert ctx.version and facet_page.index(ctx) is not None
        browser = facet_page.Facets(ctx)
        _, everything = facet_page.facet_counts(ctx, {})
        selections: list[dict[str, Any]] = [{}]
        for facet in facet_page.FACETS:
            for value in everything[facet.name][:3]:
                request = {facet.name: value["value"]}
                selections.append(request)
                if facet.name != "year" and everything["year"]:
                    selections.append({**request, "year": everything["year"][0]["value"]})
        checked = 0
        for given in selections:
            chosen = {k: _term(k, v) for k, v in given.items()}
            assert facet_page.facet_counts(ctx, chosen) == facet_page._queried_counts(
                ctx, chosen), given
            for page in (1, 2):
                subs = {f"sel_{k}": v for k, v in chosen.items()}
                queried = [browse.text(r["rec"]) for r in browse.select(
                    ctx, facet_page.rows_query(chosen, page), subs)]
                shown = [r["recommendation"] for r in browse_rows(browser, chosen, page)]
                assert shown == queried, (given, page)
                checked += len(shown)
        assert checked > 100

        finder = search_page.Search(ctx)
        assert finder.index() is not None
        for q in ("библиотекам", "цифровые библиотеки краеведение", "музеи и архивы"):
            wanted = search_page.lemmas(q)
            by_index = finder.hits(q)[1]
            queried_hits = finder.queried(wanted)
            assert {h.iri: h.matched for h in by_index if h.text_pending} == {
                iri: h.matched for iri, h in queried_hits.items()}, q
            assert by_index
    finally:
        ctx.close()


def browse_rows(browser: Any, chosen: dict[str, Any], page: int) -> list[dict[str, Any]]:
    return list(browser.rows(chosen, page))


def _term(name: str, value: str) -> Any:
    import pyoxigraph as ox

    if name == "year":
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if name == "action":
        return ox.Literal(value)
    return ox.NamedNode(value if value.startswith("http") else DEFAULT_BASE_IRI + value)
