"""Every labelled document gives exactly its hand-checked facts, read back through the named
queries from a store built by the real pipeline (loader, mapper, shapes, store): the four of
../shared/corpus (expected.json) and our development corpus in tests/data/dev (expected-*.json,
32 documents written for the variety real resolutions show: header layouts, places beyond the
gazetteer, page furniture, addressee headings of every form, sub-items, lower bounds).

One test per document; it compares every field the labels state and fails naming each field
that is wrong and not a known miss (with what was wanted and what the store gave), and each known
miss that is right now (strict: the entry in ``tests/labelled.py`` must go). One test a document
rather than one a field: 338 tests instead of 4,675, the same comparisons, a fraction of
pytest's cost an item. ``python bench/accuracy.py`` prints the same comparison as per-field
accuracy (from the loader's records).

``make test`` publishes and checks a fixed sample of the labelled documents (the shared corpus,
every tenth of tests/data/dev, and those the tests below name); CI, ``make test CORPUS=all``,
every one (``labelled.swept``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from labelled import DEV, KNOWN_MISSES, SAMPLE_STRIDE, labelled, swept

from resolutions_kg.loaders.facts import cited_mode
from resolutions_kg.publish import publish
from resolutions_kg.queries import named_query, plain_rows, run
from resolutions_kg.settings import DEFAULT_BASE_IRI

FIELDS = ["document_type", "event_type", "title", "place", "start_date", "end_date", "adopted",
          "participants", "participants_minimum", "organisers", "participating",
          "topics_discussed", "addressees", "recommendations", "proposals"]
#: Documents this module's own tests name, in the store whatever the sample: a06 (a date read
#: from the adoption line), b06/d16 and l03, g04 and j09 (one organisation, several spellings).
_NAMED = {"a06-velikie-luki-2019.md", "b06-velikie-luki-2018.md", "d16-velikie-luki-2013.txt",
          "l03-velikie-luki-2018.md", "g04-bishkek-2022.txt", "j09-bishkek-2023.md"}
assert all((DEV / name).exists() for name in _NAMED)
_SWEPT = set(swept([path for path, _ in labelled()])) | {
    path for path, _ in labelled() if path.name in _NAMED}
_EXPECTED = {path: doc for path, doc in labelled() if path in _SWEPT}


def fields_of(doc: dict[str, Any]) -> list[str]:
    """The fields the labels state (participants_minimum: false unless stated)."""
    return [f for f in FIELDS if f in doc or f == "participants_minimum"]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    folder = tmp_path_factory.mktemp("corpus") / "store"
    report = publish(list(_EXPECTED), folder, base_iri=DEFAULT_BASE_IRI)
    assert not report.failed, [d.error for d in report.failed]
    from resolutions_kg.store import open_store

    return open_store(folder, read_only=True)


@pytest.fixture(scope="module")
def resolutions(corpus_store: ox.Store) -> dict[str, str]:
    """File name → resolution IRI."""
    rows = corpus_store.query("""
        SELECT ?r ?name WHERE { ?r <http://purl.org/dc/terms/source>/
            <http://www.w3.org/2000/01/rdf-schema#label> ?name }""",
        use_default_graph_as_union=True)
    return {row["name"].value: row["r"].value for row in rows}  # type: ignore[index, union-attr]


def ask(store: ox.Store, name: str, **params: str) -> list[dict[str, Any]]:
    return list(plain_rows(run(named_query(name), store, params)))


#: (store, query, its parameters) → the rows it gave: ``corpus_store`` is read-only, so a query
#: asked again for another field of the same document (``resolution-summary`` answers ten) gives
#: the same rows; each is run once.
_ASKED: dict[tuple[int, str, tuple[tuple[str, str], ...]], list[dict[str, Any]]] = {}


def ask_once(store: ox.Store, name: str, **params: str) -> list[dict[str, Any]]:
    key = (id(store), name, tuple(sorted(params.items())))
    if key not in _ASKED:
        _ASKED[key] = ask(store, name, **params)
    return [dict(row) for row in _ASKED[key]]


def observed(store: ox.Store, resolution: str, field: str) -> Any:
    if field in ("document_type", "event_type", "title", "place", "start_date", "end_date",
                 "adopted", "participants", "participants_minimum", "recommendations"):
        (row,) = ask_once(store, "resolution-summary", resolution=resolution)
        column = {"document_type": "documentType", "event_type": "eventType",
                  "start_date": "startDate", "end_date": "endDate",
                  "participants_minimum": "participantsIsMinimum"}.get(field, field)
        return row[column]
    if field == "organisers":
        return [r["label"] for r in ask_once(store, "organisers", resolution=resolution)
                if r["role"] == "organizer"]
    if field == "participating":
        return [{"who": r["participant"], **({"count": r["count"]} if r["count"] is not None
                                             else {}),
                 **cited_mode(r["mode"])}
                for r in ask_once(store, "participants", resolution=resolution)]
    if field == "topics_discussed":
        return len(ask_once(store, "topics-discussed", resolution=resolution))
    if field == "addressees":
        groups: list[dict[str, Any]] = []
        for r in ask_once(store, "recommendations", resolution=resolution):
            if groups and groups[-1]["addressee"] == r["addressee"]:
                groups[-1]["count"] += 1
            else:
                groups.append({"addressee": r["addressee"], "count": 1})
        return groups
    if field == "proposals":
        return [{"addressee": r["addressee"], "planned_event_year": r["plannedYear"]}
                for r in ask_once(store, "proposals", resolution=resolution)]
    raise AssertionError(field)


def normalise(field: str, value: Any) -> Any:
    """expected.json writes dates as ISO strings and years as integers (or leaves a proposal's
    year out)."""
    if field == "proposals":
        return [{**p, "planned_event_year": None if p.get("planned_event_year") is None
                 else int(p["planned_event_year"])} for p in value]
    if field in ("start_date", "end_date", "adopted") and value is not None:
        return str(value)
    if field == "participants_minimum":
        return bool(value)
    return value


_BY_NAME = {path.name: doc for path, doc in _EXPECTED.items()}


@pytest.mark.parametrize("document", list(_BY_NAME))
def test_facts(corpus_store: ox.Store, resolutions: dict[str, str], document: str) -> None:
    wrong: dict[str, tuple[Any, Any]] = {}
    for field in fields_of(_BY_NAME[document]):
        want = normalise(field, _BY_NAME[document].get(field, False))  # (a proposal with no
        # planned_event_year has none, as one with null)
        got = normalise(field, observed(corpus_store, resolutions[document], field))
        if got != want:
            wrong[field] = (want, got)
    known = {field for (name, field) in KNOWN_MISSES if name == document}
    unexpected = {f: f"want {w!r}, got {g!r}" for f, (w, g) in wrong.items() if f not in known}
    fixed = {f: KNOWN_MISSES[(document, f)] for f in known - set(wrong)}
    assert not unexpected, f"{document}: wrong facts {unexpected}"
    assert not fixed, f"{document}: right now, remove from KNOWN_MISSES: {fixed}"


def test_make_tests_sample_takes_the_shared_corpus_and_documents_of_every_batch() -> None:
    """``make test``'s sample (CI sweeps all): the shared corpus whole, and a tenth of
    tests/data/dev with documents of every batch (a batch is a file-name prefix: «ab07-…»)."""
    paths = [path for path, _ in labelled()]
    sample = swept(paths, "sample")
    assert swept(paths, "all") == paths
    assert [p for p in paths if p.parent != DEV] == [p for p in sample if p.parent != DEV]
    dev = [p for p in paths if p.parent == DEV]
    assert len(dev) // SAMPLE_STRIDE <= len([p for p in sample if p.parent == DEV]) <= (
        len(dev) // SAMPLE_STRIDE + 1)

    def batch(path: Path) -> str:
        return path.name.split("-", 1)[0].rstrip("0123456789")

    assert {batch(p) for p in sample if p.parent == DEV} == {batch(p) for p in dev}


def test_uncertain_facts_are_flagged_and_queryable(corpus_store: ox.Store,
                                                   resolutions: dict[str, str]) -> None:
    """A date read only from the adoption line is published with its confidence and method,
    listed by ``uncertain-facts`` and named in the load's warnings; sure facts are not."""
    rows = ask(corpus_store, "uncertain-facts")
    assert rows and all(float(r["confidence"]) < 0.8 for r in rows)
    velikie_luki = resolutions["a06-velikie-luki-2019.md"]
    dates = {(r["property"], r["value"], r["method"]) for r in rows
             if r["resolution"] == velikie_luki}
    assert ("https://schema.org/startDate", "2019-03-05",
            "adoption line (no other date of the event)") in dates
    assert not [r for r in rows if r["resolution"] == resolutions["tver-2012.txt"]]
    more = ask(corpus_store, "uncertain-facts", threshold="0.95")
    assert len(more) > len(rows)
    from resolutions_kg.loaders import load_file

    warnings = load_file(DEV / "a06-velikie-luki-2019.md").warnings
    assert any(w.startswith("uncertain: event start date «5 марта 2019 г.»") for w in warnings)


def test_every_shared_entity_has_one_preferred_label_per_language(
        corpus_store: ox.Store) -> None:
    """SKOS S14 over the whole labelled corpus, where documents name one organisation in
    different spellings (b06/d16 and l03, g04 and j09): one skos:prefLabel per language, the
    other spellings as skos:altLabel."""
    doubled = list(corpus_store.query("""
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?s (LANG(?a) AS ?lang) WHERE {
          ?s skos:prefLabel ?a, ?b FILTER(?a != ?b && LANG(?a) = LANG(?b))
        } LIMIT 5""", use_default_graph_as_union=True))
    assert doubled == []
    alternatives = list(corpus_store.query("""
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?s WHERE { ?s skos:altLabel ?alt ; skos:prefLabel ?pref } LIMIT 1""",
        use_default_graph_as_union=True))
    assert alternatives, "the corpus has organisations named two ways: one altLabel at least"
