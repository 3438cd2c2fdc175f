"""Dumps at /dumps/: listing (HTML and JSON), gzipped Turtle/N-Quads/TriG equal to the store's
data (read back with rdflib and with pyoxigraph), ETag / If-None-Match → 304, regenerated after
the data changes."""

from __future__ import annotations

import gzip
import hashlib
import warnings
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import rdflib

pytest_plugins = ["ld_fixtures"]

BASE = "https://w3id.org/resolutions-kg/"
TOKEN = "s3cret-token"  # endpoint_support.TOKEN, which the ld_writable server is started with
FORMATS = {
    "resolutions-kg.ttl.gz": (ox.RdfFormat.TURTLE, "turtle"),
    "resolutions-kg.nq.gz": (ox.RdfFormat.N_QUADS, "nquads"),
    "resolutions-kg.trig.gz": (ox.RdfFormat.TRIG, "trig"),
}


def store_quads(path: Path) -> set[ox.Quad]:
    store = ox.Store.read_only(str(path))
    return set(store.quads_for_pattern(None, None, None))


def listing(client: httpx.Client) -> dict[str, dict[str, object]]:
    response = client.get("/dumps/", headers={"Accept": "application/json"})
    assert response.status_code == 200
    return {f["name"]: f for f in response.json()["files"]}


def download(client: httpx.Client, name: str) -> bytes:
    response = client.get(f"/dumps/{name}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/gzip"
    return response.content


def test_listing_json(ld: httpx.Client) -> None:
    files = listing(ld)
    assert set(files) == set(FORMATS)
    for name, entry in files.items():
        body = download(ld, name)
        assert entry["size"] == len(body)
        assert entry["sha256"] == hashlib.sha256(body).hexdigest()
        assert entry["url"] == f"/dumps/{name}"
        assert str(entry["modified"]).endswith("Z")


def test_listing_html(ld: httpx.Client) -> None:
    response = ld.get("/dumps/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for name, entry in listing(ld).items():
        assert f'href="/dumps/{name}"' in response.text
        assert str(entry["sha256"]) in response.text


def test_dumps_without_slash_redirects(ld: httpx.Client) -> None:
    response = ld.get("/dumps")
    assert response.status_code == 301 and response.headers["location"] == "/dumps/"


@pytest.mark.parametrize("name", ["resolutions-kg.nq.gz", "resolutions-kg.trig.gz"])
def test_quad_dumps_equal_the_store(ld: httpx.Client, ld_store: Path, name: str) -> None:
    data = gzip.decompress(download(ld, name))
    fmt, rdflib_format = FORMATS[name]
    quads = set(ox.parse(data, format=fmt))
    expected = store_quads(ld_store)
    # the sample has one blank node: compare everything else exactly, and count that one
    named = {q for q in quads if not isinstance(q.object, ox.BlankNode)
             and not isinstance(q.subject, ox.BlankNode)}
    assert named == {q for q in expected if not isinstance(q.object, ox.BlankNode)
                     and not isinstance(q.subject, ox.BlankNode)}
    assert len(quads) == len(expected)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's Dataset API
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format=rdflib_format)
        assert len(list(dataset.quads((None, None, None, None)))) == len(expected)


def test_turtle_dump_is_the_union_of_all_graphs(ld: httpx.Client, ld_store: Path) -> None:
    data = gzip.decompress(download(ld, "resolutions-kg.ttl.gz"))
    assert data.startswith(b"@prefix")
    triples = {q.triple for q in ox.parse(data, format=ox.RdfFormat.TURTLE)}
    union = {q.triple for q in store_quads(ld_store)}
    assert len(triples) == len(union)
    assert {t for t in triples if not isinstance(t.object, ox.BlankNode)
            and not isinstance(t.subject, ox.BlankNode)} == {
        t for t in union if not isinstance(t.object, ox.BlankNode)
        and not isinstance(t.subject, ox.BlankNode)}
    assert len(rdflib.Graph().parse(data=data, format="turtle")) == len(union)


def test_etag_and_if_none_match(ld: httpx.Client) -> None:
    name = "resolutions-kg.nq.gz"
    first = ld.get(f"/dumps/{name}")
    etag = first.headers["etag"]
    assert etag == f'"{listing(ld)[name]["sha256"]}"'
    assert first.headers["last-modified"].endswith("GMT")
    again = ld.get(f"/dumps/{name}", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    other = ld.get(f"/dumps/{name}", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200


def test_if_modified_since(ld: httpx.Client) -> None:
    first = ld.get("/dumps/resolutions-kg.ttl.gz")
    since = first.headers["last-modified"]
    again = ld.get("/dumps/resolutions-kg.ttl.gz", headers={"If-Modified-Since": since})
    assert again.status_code == 304


def test_unknown_dump_is_404(ld: httpx.Client) -> None:
    assert ld.get("/dumps/other.ttl.gz").status_code == 404


def test_dumps_are_deterministic(tmp_path: Path) -> None:
    """The same (blank-node free) data loaded into two stores gives byte-identical dumps."""
    from endpoint_support import build_ld_store

    from resolutions_kg.endpoint.dumps import Dumps

    digests = []
    for name in ("one", "two"):
        folder = build_ld_store(tmp_path / name)
        store = ox.Store(str(folder))
        for quad in list(store.quads_for_pattern(None, None, None)):
            if isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode):
                store.remove(quad)
        files = Dumps(store, store_path=folder).files()
        digests.append({f.name: f.sha256 for f in files})
        assert all(f.path.parent.parent == folder / "dumps" for f in files)
        del store
    assert digests[0] == digests[1]


def test_dumps_are_regenerated_after_a_change(ld_writable: object) -> None:
    """Issue 13 point 5: after a write the old dumps are answered at once, said to be those of
    the old version, with a rebuild under way; then the new ones, holding the write."""
    server = ld_writable
    url = server.url  # type: ignore[attr-defined]
    with httpx.Client(base_url=url, timeout=30) as client:
        before = server.dumps_built()  # type: ignore[attr-defined]
        old = {f["name"]: f for f in before["files"]}
        etag = client.get("/dumps/resolutions-kg.nq.gz").headers["etag"]
        graph = BASE + "graph/added"
        response = client.put(
            "/store", params={"graph": graph},
            content=f'<{BASE}place/klin> <https://schema.org/name> "Клин"@ru .'.encode(),
            headers={"Content-Type": "application/n-triples",
                     "Authorization": f"Bearer {TOKEN}"},
        )
        assert response.status_code in (201, 204), response.text
        version = client.get("/health").json()["version"]
        modified = client.get("/dataset", headers={"Accept": "application/n-triples"}).text

        # at once: the last build, which says which version it holds and that one is coming
        stale = client.get("/dumps/", headers={"Accept": "application/json"})
        assert stale.status_code == 200
        assert stale.json()["version"] == before["version"] != version
        assert stale.json()["rebuilding"]
        assert {f["name"]: f["sha256"] for f in stale.json()["files"]} == {
            name: f["sha256"] for name, f in old.items()}
        page = client.get("/dumps/", headers={"Accept": "text/html"}).text
        assert "Being rebuilt for the changes of " + stale.json()["rebuilding"] in page
        assert client.get("/dumps/resolutions-kg.nq.gz").headers["etag"] == etag
        html = client.get("/dataset", headers={"Accept": "text/html"})
        assert html.status_code == 200 and "Being rebuilt for the changes of" in html.text
        # the data's own modified date is the new one, the old dumps keep theirs
        assert f'"{stale.json()["rebuilding"]}"' in modified

        after = {f["name"]: f for f in server.dumps_built(version=version)["files"]}  # type: ignore[attr-defined]
        for name in FORMATS:
            assert after[name]["sha256"] != old[name]["sha256"], name
        fresh = client.get("/dumps/resolutions-kg.nq.gz", headers={"If-None-Match": etag})
        assert fresh.status_code == 200
        quads = set(ox.parse(gzip.decompress(fresh.content), format=ox.RdfFormat.N_QUADS))
        assert ox.Quad(ox.NamedNode(BASE + "place/klin"), ox.NamedNode("https://schema.org/name"),
                       ox.Literal("Клин", language="ru"), ox.NamedNode(graph)) in quads
        void = client.get("/dataset", headers={"Accept": "application/n-triples"}).text
        assert after["resolutions-kg.nq.gz"]["sha256"] in void
        assert old["resolutions-kg.nq.gz"]["sha256"] not in void
        assert "Being rebuilt" not in client.get("/dataset", headers={"Accept": "text/html"}).text
