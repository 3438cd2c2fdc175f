"""Reconciliation against a local Wikidata-shaped endpoint, accepted links with provenance, links
as data (export triples, linkset counts), and the ``reskg link`` command."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import CORPUS
from test_link_endpoint import wikidata_endpoint  # noqa: F401 - the fixture

from resolutions_kg.cli import ErrorHandlingGroup
from resolutions_kg.cli.link import command
from resolutions_kg.iris import Minter
from resolutions_kg.linking import (
    REVIEW_COLUMNS,
    Mention,
    ReconciliationError,
    accept,
    candidates,
    links_triples,
    linkset_counts,
    reconcile,
    unlinked,
    unresolved,
    write_review,
)
from resolutions_kg.preparation import prepare
from resolutions_kg.publish import system_graph_triples
from resolutions_kg.reference import reference_graphs
from resolutions_kg.registry import RegistryError
from resolutions_kg.settings import DEFAULT_BASE_IRI
from resolutions_kg.store import replace_graphs

BASE = DEFAULT_BASE_IRI
WD = "http://www.wikidata.org/entity/"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
LINKS_GRAPH = f"{BASE}graph/links"
SAMARA_TEXT = """Резолюция конференции «Библиотеки большого города»

Самара, 12 марта 2015 г.

Конференция организована Самарской областной универсальной научной библиотекой при поддержке \
Российской библиотечной ассоциации. В работе конференции приняли участие 40 человек.

Конференция рекомендует:

Библиотекам области:

1. Развивать сотрудничество с музеями.
2. Проводить обучающие семинары.
"""
SAMARA_LIBRARY = f"{BASE}organisation/samarskaya-oblastnaya-universalnaya-nauchnaya-biblioteka"
RBA = f"{BASE}organisation/rossiiskaya-bibliotechnaya-assotsiatsiya"


def fill(store: ox.Store, folder: Path) -> ox.Store:
    """Reference data, the registry and gazetteer graphs, and two documents mapped by the real
    loader and mapper (a constructed Samara resolution naming what the registry lacks)."""
    samara = folder / "samara-2015.txt"
    samara.write_text(SAMARA_TEXT, encoding="utf-8")
    minter = Minter(BASE)
    replace_graphs(store, {**reference_graphs(BASE),
                           minter.graph("reference"): system_graph_triples("reference", BASE)})
    for path in (samara, CORPUS / "vologda-2013.html"):
        _, mapped = prepare(path, minter, validate=False)
        replace_graphs(store, {minter.graph(mapped.slug): mapped.document},
                       add={minter.graph("entities"): mapped.entities})
    return store


@pytest.fixture
def store(tmp_path: Path) -> ox.Store:
    return fill(ox.Store(), tmp_path)


@pytest.fixture
def store_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    db = fill(ox.Store(str(folder)), tmp_path)
    db.flush()
    del db
    return folder


def mention(label: str, *classes: str, isil: str | None = None) -> Mention:
    return Mention(f"{BASE}x/{label}", label, "place" if SCHEMA + "City" in classes
                   else "organisation", tuple(classes), isil)


# --- what needs linking ------------------------------------------------------------------------

def test_unresolved_lists_what_registry_and_gazetteer_lack(store: ox.Store) -> None:
    found = {(m.kind, m.node, m.label) for m in unresolved(store, base_iri=BASE)}
    assert found == {
        ("place", f"{BASE}place/samara", "Самара"),
        ("organisation", SAMARA_LIBRARY, "Самарская областная универсальная научная библиотека"),
    }


def test_unlinked_skips_places_and_organisations_with_a_wikidata_id(store: ox.Store) -> None:
    nodes = {m.node for m in unlinked(store, base_iri=BASE)}
    assert {f"{BASE}place/samara", f"{BASE}place/vologda", SAMARA_LIBRARY, RBA} <= nodes
    assert f"{BASE}place/tver" not in nodes
    assert f"{BASE}place/rossiya" not in nodes


# --- candidates --------------------------------------------------------------------------------

def test_a_city_matches_by_label_type_and_country(wikidata_endpoint: str) -> None:  # noqa: F811
    found = candidates(mention("Вологда", SCHEMA + "City", SCHEMA + "Place"),
                       endpoint=wikidata_endpoint)
    assert [(c.item, c.label, c.score, c.method) for c in found] == [
        (WD + "Q90000001", "Вологда", 1.0, "label")]  # not the river, not the one abroad


def test_an_alias_match_scores_lower(wikidata_endpoint: str) -> None:  # noqa: F811
    found = candidates(mention("Новгород", SCHEMA + "City"), endpoint=wikidata_endpoint)
    assert [(c.item, c.label, c.score, c.method) for c in found] == [
        (WD + "Q90000005", "Великий Новгород", 0.9, "alias")]


def test_an_organisation_matches_in_russia_only(wikidata_endpoint: str) -> None:  # noqa: F811
    found = candidates(mention("Российская библиотечная ассоциация",
                               "http://www.w3.org/ns/org#FormalOrganization"),
                       endpoint=wikidata_endpoint)
    assert [c.item for c in found] == [WD + "Q90000011"]


def test_lowercase_names_match_capitalised_labels(wikidata_endpoint: str) -> None:  # noqa: F811
    found = candidates(mention("вологда", SCHEMA + "City"), endpoint=wikidata_endpoint)
    assert [c.item for c in found] == [WD + "Q90000001"]


def test_an_isil_finds_the_library(wikidata_endpoint: str) -> None:  # noqa: F811
    found = candidates(mention("Библиотека без такого названия", SCHEMA + "Library",
                               isil="RU-FIX13"), endpoint=wikidata_endpoint)
    assert [(c.item, c.score, c.method) for c in found] == [(WD + "Q90000013", 1.0, "isil")]


def test_names_with_quotes_are_sent_safely(wikidata_endpoint: str) -> None:  # noqa: F811
    assert candidates(mention('Библиотека "Б" \\ } #', SCHEMA + "Library"),
                      endpoint=wikidata_endpoint) == []


def test_a_failing_endpoint_is_a_reconciliation_error(wikidata_endpoint: str) -> None:  # noqa: F811
    with pytest.raises(ReconciliationError, match="broken"):
        candidates(mention("Вологда", SCHEMA + "City"),
                   endpoint=wikidata_endpoint.replace("/sparql", "/broken"))


def test_an_unreachable_endpoint_is_a_reconciliation_error() -> None:
    from endpoint_support import free_port

    with pytest.raises(ReconciliationError):
        candidates(mention("Вологда", SCHEMA + "City"),
                   endpoint=f"http://127.0.0.1:{free_port()}/sparql", timeout=5)


# --- review and accept -------------------------------------------------------------------------

def reviewed(path: Path, decide: dict[str, str]) -> Path:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row["decision"] = decide.get(row["candidate"], "reject")
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=REVIEW_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_review_file_lists_scored_candidates(store: ox.Store, tmp_path: Path,
                                             wikidata_endpoint: str) -> None:  # noqa: F811
    found = reconcile(store, base_iri=BASE, endpoint=wikidata_endpoint)
    path = tmp_path / "review.csv"
    assert write_review(path, found, endpoint=wikidata_endpoint,
                        retrieved=dt.date(2026, 11, 25)) == len(found)
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == REVIEW_COLUMNS
    by_node = {(r["node"], r["candidate"]): r for r in rows}
    vologda = by_node[(f"{BASE}place/vologda", WD + "Q90000001")]
    assert vologda["label"] == "Вологда" and vologda["score"] == "1.00"
    assert vologda["decision"] == "" and vologda["retrieved"] == "2026-11-25"
    assert (RBA, WD + "Q90000011") in by_node
    assert (f"{BASE}place/samara", WD + "Q90000006") in by_node
    assert not any(r["candidate"] == WD + "Q2288" for r in rows)  # Tver is linked already


def test_accepted_rows_become_links_with_provenance(store: ox.Store, tmp_path: Path,
                                                    wikidata_endpoint: str) -> None:  # noqa: F811
    path = tmp_path / "review.csv"
    write_review(path, reconcile(store, base_iri=BASE, endpoint=wikidata_endpoint),
                 endpoint=wikidata_endpoint, retrieved=dt.date(2026, 11, 25))
    reviewed(path, {WD + "Q90000001": "accept", WD + "Q90000011": "yes"})
    now = dt.datetime(2026, 11, 26, 10, 30, tzinfo=dt.UTC)
    assert accept(store, path, base_iri=BASE, now=now) == 2
    graph = ox.NamedNode(LINKS_GRAPH)
    triples = {(q.subject.value, q.predicate.value, q.object.value)
               for q in store.quads_for_pattern(None, None, None, graph)}
    same_as = {(s, o) for s, p, o in triples if p.endswith("#sameAs")}
    assert same_as == {(f"{BASE}place/vologda", WD + "Q90000001"), (RBA, WD + "Q90000011")}
    link = f"{BASE}place/vologda/link/wikidata-q90000001"
    run = f"{BASE}activity/link/20261126T103000Z"
    assert (link, PROV + "wasGeneratedBy", run) in triples
    assert (link, PROV + "wasDerivedFrom", wikidata_endpoint) in triples
    assert (link, "http://purl.org/dc/terms/source", wikidata_endpoint) in triples
    assert (link, "http://purl.org/dc/terms/date", "2026-11-25") in triples
    assert (run, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", PROV + "Activity") in triples
    assert (run, PROV + "startedAtTime", "2026-11-26T10:30:00Z") in triples
    assert (run, PROV + "used", wikidata_endpoint) in triples


def test_accepting_again_adds_nothing(store: ox.Store, tmp_path: Path,
                                      wikidata_endpoint: str) -> None:  # noqa: F811
    path = tmp_path / "review.csv"
    write_review(path, reconcile(store, base_iri=BASE, endpoint=wikidata_endpoint),
                 endpoint=wikidata_endpoint)
    reviewed(path, {WD + "Q90000001": "accept"})
    assert accept(store, path, base_iri=BASE) == 1
    before = set(store.quads_for_pattern(None, None, None, ox.NamedNode(LINKS_GRAPH)))
    assert accept(store, path, base_iri=BASE) == 0
    assert set(store.quads_for_pattern(None, None, None, ox.NamedNode(LINKS_GRAPH))) == before


BAD_DECISIONS = [
    ({"decision": "maybe"}, "decision 'maybe' is neither"),
    ({"candidate": "not an iri"}, "candidate: 'not an iri' is not an IRI"),
    ({"candidate": "urn:x:1"}, "is not an http(s) IRI"),
    ({"retrieved": "25.11.2026"}, "is not a date"),
    ({"node": f"{BASE}place/atlantis"}, "is no organisation or place of the store"),
]


@pytest.mark.parametrize(("change", "message"), BAD_DECISIONS)
def test_a_bad_review_row_is_refused_and_nothing_is_written(
        store: ox.Store, tmp_path: Path, change: dict[str, str], message: str) -> None:
    path = tmp_path / "review.csv"
    good = {"node": f"{BASE}place/vologda", "label": "Вологда", "candidate": WD + "Q90000001",
            "candidate_label": "Вологда", "score": "1.00", "decision": "accept",
            "method": "label", "endpoint": "http://127.0.0.1:1/sparql", "retrieved": "2026-11-25"}
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=REVIEW_COLUMNS)
        writer.writeheader()
        writer.writerow(good)
        writer.writerow({**good, **change})
    with pytest.raises(RegistryError) as info:
        accept(store, path, base_iri=BASE)
    assert (info.value.path, info.value.line) == (str(path), 3)
    assert message in str(info.value)
    assert not list(store.quads_for_pattern(None, None, None, ox.NamedNode(LINKS_GRAPH)))


# --- links as data -----------------------------------------------------------------------------

def test_links_triples_are_the_sameas_and_skos_matches(store: ox.Store) -> None:
    links = links_triples(store)
    assert links == sorted(links, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    assert ox.Triple(ox.NamedNode(f"{BASE}place/tver"),
                     ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs"),
                     ox.NamedNode("https://sws.geonames.org/480060/")) in links
    predicates = {t.predicate.value.rsplit("#", 1)[1] for t in links}
    assert predicates <= {"sameAs", "exactMatch", "closeMatch", "broadMatch", "narrowMatch",
                          "relatedMatch"}
    assert "closeMatch" in predicates  # topics aligned to the UNESCO Thesaurus


def test_linkset_counts_per_target(store: ox.Store) -> None:
    from resolutions_kg.gazetteer import default_gazetteer

    counts = linkset_counts(store)
    places = list(default_gazetteer())
    assert counts["geonames"] == sum(1 for p in places if p.geonames)
    assert counts["wikidata"] >= sum(1 for p in places if p.wikidata)
    assert counts["unesco"] > 0
    assert sum(counts.values()) == len(links_triples(store))


# --- the command -------------------------------------------------------------------------------

def run(*args: str) -> tuple[int, str]:
    group = ErrorHandlingGroup(commands={"link": command})
    result = CliRunner().invoke(group, ["link", *args])
    return result.exit_code, result.output


def test_cli_report_lists_unresolved_mentions(store_folder: Path) -> None:
    code, output = run("--store", str(store_folder), "--report")
    assert code == 0, output
    assert "Самара" in output and "2 unresolved" in output


def test_cli_review_then_accept(store_folder: Path, tmp_path: Path,
                                wikidata_endpoint: str) -> None:  # noqa: F811
    review = tmp_path / "review.csv"
    code, output = run("--store", str(store_folder), "--endpoint", wikidata_endpoint,
                       "--review", str(review))
    assert code == 0, output
    assert "candidates written" in output
    reviewed(review, {WD + "Q90000006": "accept"})
    code, output = run("--store", str(store_folder), "--accept", str(review))
    assert code == 0, output
    assert "1 new links" in output
    db = ox.Store.read_only(str(store_folder))
    assert ox.Quad(ox.NamedNode(f"{BASE}place/samara"),
                   ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs"),
                   ox.NamedNode(WD + "Q90000006"), ox.NamedNode(LINKS_GRAPH)) in db


def test_cli_needs_an_action(store_folder: Path) -> None:
    code, output = run("--store", str(store_folder))
    assert code == 2 and "--report, --review FILE or --accept FILE" in output


def test_cli_bad_accept_file_is_one_error_line(store_folder: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("node,candidate\n", encoding="utf-8")
    code, output = run("--store", str(store_folder), "--accept", str(bad))
    assert code == 1
    assert output.startswith("reskg: error: ") and "header lacks column(s)" in output
