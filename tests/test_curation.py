"""Curation through the command line, on real files and real on-disk stores: a curator's
``<name>.corrections.yaml`` corrects facts of its document, the correction is published with its
provenance and survives reloads, a correction that no longer fits is a warning naming its file
and line, bad YAML fails the document and leaves the store as it was; ``reskg review`` and the
server's ``/review/`` pages show every fact with the snippet that corrects it."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from conftest import REPO, TVER
from endpoint_support import Server

from resolutions_kg.export import export
from resolutions_kg.formats import RdfFormat
from resolutions_kg.store import open_store

RESKG = str(Path(sys.executable).with_name("reskg"))
DEV = REPO / "tests" / "data" / "dev"
CURATOR = "Анна Смирнова"
#: The addressee the loader reads for recommendation 5 of Tver 2012, and the curator's.
EXTRACTED = "органы местного самоуправления"
CORRECTED = "учредители библиотек"
CORRECTIONS = f"""\
# Tver 2012: corrections checked against the printed proceedings
curator: {CURATOR}
date: 2026-12-01
corrections:
  - key: recommendation 5 addressee
    was: {EXTRACTED}
    set: {CORRECTED}
    note: the item addresses the founders of the libraries
  - key: participants
    set: 70
  - key: recommendation 3 action
    remove: true
"""
PREFIXES = """
PREFIX reskg: <https://w3id.org/resolutions-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESKG_")}
    return subprocess.run([RESKG, *map(str, args)], capture_output=True, text=True,
                          timeout=300, env={**env, "COLUMNS": "200"})


def select(store: Path, query: str) -> list[dict[str, str]]:
    db = ox.Store.read_only(str(store))
    try:
        rows = db.query(PREFIXES + query, use_default_graph_as_union=True)
        names = [v.value for v in rows.variables]  # type: ignore[union-attr]
        return [{n: row[n].value for n in names if row[n] is not None}
                for row in rows]  # type: ignore[union-attr]
    finally:
        del db


def dump(store: Path) -> bytes:
    """The store's N-Quads as ``reskg export`` writes them, read in this process."""
    out = io.BytesIO()
    opened = open_store(store, read_only=True)
    export(opened, out, format=RdfFormat.N_QUADS)
    del opened
    return out.getvalue()


def tver_in(folder: Path) -> Path:
    """A copy of Tver 2012 in ``folder``/corpus, with its corrections file beside it."""
    folder = folder / "corpus"
    folder.mkdir()
    source = folder / "tver-2012.txt"
    shutil.copy(TVER, source)
    (folder / "tver-2012.corrections.yaml").write_text(CORRECTIONS, encoding="utf-8")
    return source


@pytest.fixture()
def tver(tmp_path: Path) -> Path:
    """A copy of Tver 2012 in its own folder, with its corrections file beside it."""
    return tver_in(tmp_path)


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store that ``reskg load`` built from Tver 2012 and its corrections, built once: each
    test that needs one works on a copy of its folder (the same store)."""
    folder = tmp_path_factory.mktemp("corrected")
    store = folder / "store"
    assert run("load", tver_in(folder), "--store", store).returncode == 0
    return store


def addressee_of_recommendation_5(store: Path) -> list[str]:
    rows = select(store, """SELECT ?label WHERE {
        ?r a reskg:Recommendation ; reskg:position 5 ; dct:audience/skos:prefLabel ?label }""")
    return sorted(r["label"] for r in rows)


def test_a_corrected_fact_is_published_attributed_to_the_curator(tver: Path,
                                                                 tmp_path: Path) -> None:
    store = tmp_path / "store"
    out = run("load", tver, "--store", store)
    assert out.returncode == 0, out.stderr
    assert addressee_of_recommendation_5(store) == [CORRECTED]
    evidence = select(store, """SELECT ?confidence ?method ?curator ?personType WHERE {
        ?r a reskg:Recommendation ; reskg:position 5 .
        ?ann oa:hasBody ?r ; reskg:evidenceFor dct:audience ; reskg:confidence ?confidence ;
             reskg:extractionMethod ?method ; prov:wasAttributedTo ?person .
        ?person foaf:name ?curator ; a ?personType .
        FILTER(?personType IN (prov:Person, foaf:Person)) }""")
    assert {r["personType"] for r in evidence} == {
        "http://www.w3.org/ns/prov#Person", "http://xmlns.com/foaf/0.1/Person"}
    assert {(r["confidence"], r["method"], r["curator"]) for r in evidence} == {
        ("1", "curator", CURATOR)}  # xsd:decimal 1.00, canonically "1"
    # the value the loader extracted is kept on the correction that replaced it
    kept = select(store, """SELECT ?action ?original ?corrected ?note ?line WHERE {
        ?r a reskg:Recommendation ; reskg:position 5 .
        ?ann oa:hasBody ?r ; reskg:evidenceFor dct:audience ; prov:wasGeneratedBy ?c .
        ?c a reskg:Correction ; reskg:correctionOf ?r ; reskg:correctionAction ?action ;
           reskg:replacedValue/skos:prefLabel ?original ;
           reskg:correctedValue/skos:prefLabel ?corrected ;
           rdfs:comment ?note ; reskg:correctionLine ?line }""")
    assert kept == [{"action": "replace", "original": EXTRACTED, "corrected": CORRECTED,
                     "note": "the item addresses the founders of the libraries", "line": "5"}]
    # a count replaced, an action removed
    assert [r["n"] for r in select(store, "SELECT ?n WHERE { ?e reskg:participantCount ?n }")
            ] == ["70"]
    assert select(store, """SELECT ?a WHERE { ?r a reskg:Recommendation ; reskg:position 3 ;
                                                reskg:action ?a }""") == []
    assert select(store, """SELECT ?original WHERE { ?c reskg:correctionKey
        "recommendation 3 action" ; reskg:correctionAction "remove" ;
        reskg:replacedValue ?original }""") == [{"original": "способствовать"}]


def test_corrections_survive_reloads_and_a_changed_file_reloads_the_document(
        tver: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("load", tver, "--store", store).returncode == 0
    again = run("load", tver, "--store", store)
    assert again.returncode == 0 and "0 loaded, 1 unchanged" in again.stdout
    forced = run("load", tver, "--store", store, "--force")  # extracted again from the text
    assert forced.returncode == 0 and "1 loaded" in forced.stdout
    assert addressee_of_recommendation_5(store) == [CORRECTED]
    # the source's bytes are the same, its corrections are not: the document loads again
    corrections = tver.with_name("tver-2012.corrections.yaml")
    corrections.write_text(CORRECTIONS.replace(f"set: {CORRECTED}", "set: библиотеки"),
                           encoding="utf-8")
    changed = run("load", tver, "--store", store)
    assert changed.returncode == 0 and "1 loaded" in changed.stdout
    assert addressee_of_recommendation_5(store) == ["библиотеки"]
    # and without the file, the extracted value is back, with no trace of a correction
    corrections.unlink()
    assert run("load", tver, "--store", store).returncode == 0
    assert addressee_of_recommendation_5(store) == [EXTRACTED]
    assert select(store, "SELECT ?c WHERE { ?c a reskg:Correction }") == []


def test_a_folder_load_reads_corrections_beside_their_documents_not_as_documents(
        tver: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    out = run("load", tver.parent, "--store", store)
    assert out.returncode == 0, out.stderr
    assert "1 loaded, 0 unchanged, 0 failed" in out.stdout
    assert "corrections.yaml" not in out.stdout
    assert addressee_of_recommendation_5(store) == [CORRECTED]


def test_corrections_that_no_longer_fit_the_changed_source_are_warnings_naming_file_and_line(
        tver: Path, tmp_path: Path) -> None:
    corrections = tver.with_name("tver-2012.corrections.yaml")
    corrections.write_text(CORRECTIONS + """\
  - key: recommendation 12 addressee
    was: библиотеки муниципальных образований
    set: муниципальные библиотеки
""", encoding="utf-8")
    store = tmp_path / "store"
    assert run("load", tver, "--store", store).returncode == 0
    assert len(select(store, "SELECT ?c WHERE { ?c a reskg:Correction }")) == 4
    # the source changes: the heading of recommendations 1-6 names another addressee, and the
    # last recommendation is gone
    text = tver.read_text(encoding="utf-8")
    text = text.replace("*Органам местного самоуправления:*", "*Учредителям библиотек:*")
    last = next(line for line in text.splitlines() if line.startswith("Учитывать потребности"))
    tver.write_text(text.replace(last + "\n", ""), encoding="utf-8")
    out = run("load", tver, "--store", store)
    assert out.returncode == 0, out.stderr  # misfits are warnings: the rest is published
    assert "1 loaded" in out.stdout
    assert (f"{corrections}:5: correction 'recommendation 5 addressee' no longer fits the "
            f"document: it expects the extracted value '{EXTRACTED}', the loader now reads "
            f"'учредители библиотек'; not applied") in " ".join(out.stderr.split())
    assert (f"{corrections}:13: correction 'recommendation 12 addressee' no longer fits the "
            "document: the document has no recommendation 12 (it has 11 recommendations)"
            ) in " ".join(out.stderr.split())
    # nothing half-applied: the two misfits left no trace; the two that fit are there
    keys = {r["key"] for r in select(store, """SELECT ?key WHERE {
        ?c a reskg:Correction ; reskg:correctionKey ?key }""")}
    assert keys == {"participants", "recommendation 3 action"}
    assert select(store, """SELECT ?ann WHERE { ?ann prov:wasAttributedTo ?p ;
        reskg:evidenceFor dct:audience }""") == []


BAD_FILES = {
    "syntax": ("curator: A\ncorrections:\n  - key: [unclosed\n", 4,
               "not valid YAML"),
    "unknown key": ("curator: A\ncorrections:\n  - key: recommendation 5 colour\n"
                    "    set: x\n", 3, "a recommendation has no field 'colour'"),
    "count as text": ("curator: A\ncorrections:\n  - key: event place\n    set: Тверь\n"
                      "  - key: participants\n    set: many\n", 6,
                      "'participants': set must be a whole number"),
    "alias": ("curator: &who A\ncorrections:\n  - key: heading\n    set: x\n"
              "    curator: *who\n", 5, "aliases"),
    "set and remove": ("curator: A\ncorrections:\n  - key: adopted\n    set: 2012-10-26\n"
                       "    remove: true\n", 3, "exactly one of"),
    "no curator": ("corrections:\n  - key: adopted\n    remove: true\n", 2, "names no curator"),
    "twice": ("curator: A\ncorrections:\n  - key: heading\n    set: x\n"
              "  - key: heading\n    set: y\n", 5, "corrected twice (also on line 3)"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_corrections_file_is_an_error_naming_the_line_and_leaves_the_store_unchanged(
        tver: Path, corrected: Path, tmp_path: Path, case: str) -> None:
    store = tmp_path / "store"
    shutil.copytree(corrected, store)  # as ``reskg load`` of ``tver`` leaves it
    before = dump(store)
    text, line, message = BAD_FILES[case]
    corrections = tver.with_name("tver-2012.corrections.yaml")
    corrections.write_text(text, encoding="utf-8")
    out = run("load", tver, "--store", store)
    assert out.returncode == 1
    error = " ".join(out.stderr.split())
    assert error.startswith(f"reskg: error: {corrections}:{line}:"), error
    assert message in error
    assert "Traceback" not in out.stderr
    assert dump(store) == before


def test_review_prints_the_spans_uncertain_facts_first_and_correction_snippets(
        tmp_path: Path) -> None:
    source = tmp_path / "a15-petrozavodsk-2013.txt"
    shutil.copy(DEV / source.name, source)
    out = run("review", source, "--all")
    assert out.returncode == 0, out.stderr
    assert "2 uncertain" in out.stdout
    table = out.stdout.split("Facts (uncertain first)")[1]
    rows = [line for line in table.splitlines() if line.startswith("│")]
    # the first rows are the uncertain ones, marked '?'
    assert rows[0].startswith("│ ?") and rows[1].startswith("│ ?")
    assert not rows[2].startswith("│ ?")
    # every line of the source text is printed
    text = source.read_text(encoding="utf-8")
    for line in (t for t in text.splitlines() if len(t.strip()) > 20):
        assert line.strip()[:20] in out.stdout
    snippet = ("- key: event start\n  was: 2013-03-12\n  set: 2013-03-12\n"
               "  note: why the loader's value is wrong\n")
    assert snippet in out.stdout
    # pasted into the corrections file, the snippet confirms the fact as the curator's
    source.with_name("a15-petrozavodsk-2013.corrections.yaml").write_text(
        "curator: Иван Петров\ncorrections:\n" + snippet, encoding="utf-8")
    store = tmp_path / "store"
    loaded = run("load", source, "--store", store)
    assert loaded.returncode == 0, loaded.stderr
    # the loader's warning about the start date is settled; the end date is still uncertain
    assert "uncertain: event start date" not in loaded.stderr
    assert "uncertain: event end date" in loaded.stderr
    assert select(store, """SELECT ?action ?confidence WHERE { ?c reskg:correctionKey
        "event start" ; reskg:correctionAction ?action .
        ?ann prov:wasGeneratedBy ?c ; reskg:confidence ?confidence }""") == [
        {"action": "assert", "confidence": "1"}]


def test_review_shows_the_corrections_applied(tver: Path) -> None:
    out = run("review", tver)
    assert out.returncode == 0, out.stderr
    flat = " ".join(out.stdout.split())
    assert "3 corrected (tver-2012.corrections.yaml)" in flat
    assert f"recommendation 5 addressee │ replace │ {EXTRACTED}" in flat


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, str]]:
    """A server over a store holding Tver 2012 with markup in a recommendation's text (one for
    the module: the tests that use it only read)."""
    tmp_path = tmp_path_factory.mktemp("hostile")
    tver = tver_in(tmp_path)
    text = tver.read_text(encoding="utf-8")
    tver.write_text(text.replace("Сохранить библиотечные системы",
                                 "Сохранить <script>alert(1)</script> & библиотечные системы"),
                    encoding="utf-8")
    store = tmp_path / "store"
    out = run("load", tver, "--store", store)
    assert out.returncode == 0, out.stderr
    slug = select(store, "SELECT ?g WHERE { GRAPH ?g { ?s a reskg:SourceText } }")[0]["g"]
    with Server(store) as server:
        yield server, slug.rsplit("/", 1)[1]


def test_review_page_escapes_the_text_and_highlights_every_span(
        hostile_server: tuple[Server, str]) -> None:
    server, slug = hostile_server
    listing = httpx.get(f"{server.url}/review/", timeout=30)
    assert listing.status_code == 200
    assert f'href="/review/{slug}"' in listing.text
    page = httpx.get(f"{server.url}/review/{slug}", timeout=30)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    html = page.text
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; библиотечные" in html
    source = html.split('<pre class="review-source">')[1].split("</pre>")[0]
    for kind in ("document", "date", "place", "addressee", "action", "text"):
        assert f'<mark class="fact k-{kind}"' in source, kind
    assert "учредители библиотек" in html
    assert "- key: recommendation 5 addressee\n  was: " + EXTRACTED in html
    assert "Corrections applied" in html and CURATOR in html


@pytest.mark.parametrize("path", ["/review/no-such-document", "/review/%3Cb%3Ex%3C%2Fb%3E",
                                  "/review/graph"])
def test_review_page_of_no_document_is_a_404(hostile_server: tuple[Server, str],
                                             path: str) -> None:
    server, _slug = hostile_server
    response = httpx.get(server.url + path, headers={"Accept": "text/html"}, timeout=30)
    assert response.status_code == 404
    assert "<b>x</b>" not in response.text


def test_corrected_facts_query_lists_corrections_with_their_originals(tver: Path,
                                                                     tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("load", tver, "--store", store).returncode == 0
    out = run("query", "corrected-facts", "--store", store, "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = [{k: v["value"] for k, v in b.items()} for b in json.loads(out.stdout)["results"][
        "bindings"]]
    by_key = {r["key"]: r for r in rows}
    assert set(by_key) == {"recommendation 5 addressee", "participants",
                           "recommendation 3 action"}
    rec5 = by_key["recommendation 5 addressee"]
    assert (rec5["field"], rec5["action"], rec5["original"], rec5["corrected"],
            rec5["curator"], rec5["file"], rec5["line"], rec5["fieldCorrections"]) == (
        "recommendation addressee", "replace", EXTRACTED, CORRECTED, CURATOR,
        "tver-2012.corrections.yaml", "5", "1")
    assert int(rec5["fieldFacts"]) >= 12
    assert (by_key["participants"]["original"], by_key["participants"]["corrected"]) == (
        "65", "70")
    assert "corrected" not in by_key["recommendation 3 action"]


def test_the_curator_and_the_correction_dereference(hostile_server: tuple[Server, str]) -> None:
    server, slug = hostile_server
    person = httpx.get(f"{server.url}/person/anna-smirnova", timeout=30,
                       headers={"Accept": "text/turtle"})
    assert person.status_code == 200
    assert CURATOR in person.text and "Person" in person.text
    correction = httpx.get(f"{server.url}/source/{slug}/correction/recommendation-5-addressee",
                           timeout=30, headers={"Accept": "text/turtle"})
    assert correction.status_code == 200
    assert "recommendation 5 addressee" in correction.text


def test_corrected_facts_answers_the_same_through_the_sparql_endpoint(
        hostile_server: tuple[Server, str]) -> None:
    from resolutions_kg.queries import named_query, plain_rows, run, run_remote

    server, _slug = hostile_server
    assert server.store is not None
    query = named_query("corrected-facts")
    local = plain_rows(run(query, ox.Store.read_only(str(server.store)), {}))
    remote = plain_rows(run_remote(query, f"{server.url}/sparql", {}))  # type: ignore[arg-type]
    assert len(local) == 3
    assert remote == local


def test_review_html_writes_one_escaped_page_with_the_spans(tver: Path, tmp_path: Path) -> None:
    text = tver.read_text(encoding="utf-8")
    tver.write_text(text.replace("Сохранить библиотечные системы",
                                 "Сохранить <img src=x onerror=alert(1)> библиотечные системы"),
                    encoding="utf-8")
    page = tmp_path / "review.html"
    out = run("review", tver, "--html", page)
    assert out.returncode == 0, out.stderr
    html = page.read_text(encoding="utf-8")
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert '<mark class="fact k-addressee"' in html and "mark.k-addressee {" in html
    assert "- key: recommendation 5 addressee\n  was: " + EXTRACTED in html


@pytest.mark.parametrize("name", ["a15-petrozavodsk-2013.txt", "a04-damascus-2021.html"])
def test_review_segments_rebuild_the_text_and_every_fact_span(name: str) -> None:
    from resolutions_kg.review import review_file
    from resolutions_kg.settings import DEFAULT_BASE_IRI

    review = review_file(DEV / name, base_iri=DEFAULT_BASE_IRI)
    segments = review.segments()
    assert "".join(s.text for s in segments) == review.text
    for i, fact in enumerate(review.facts):
        covered = "".join(s.text for s in segments if i in s.facts)
        assert covered == review.text[fact.start:fact.end], fact
    # a highlighted stretch shows the kind of the innermost fact covering it
    for s in segments:
        if s.facts:
            inner = min((review.facts[i] for i in s.facts), key=lambda f: f.end - f.start)
            assert s.kind == inner.kind
