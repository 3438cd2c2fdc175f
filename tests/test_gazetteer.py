"""The project gazetteer: seeded from the shared file with its evidence, resolution of place
names, containment, links with provenance, and the ``links`` named query over the places graph."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import SHARED, TVER

from resolutions_kg.gazetteer import default_gazetteer, load_gazetteer
from resolutions_kg.iris import Minter
from resolutions_kg.preparation import prepare
from resolutions_kg.reference import place_triples, reference_graphs
from resolutions_kg.registry import RegistryError
from resolutions_kg.settings import DEFAULT_BASE_IRI
from resolutions_kg.store import replace_graphs

BASE = DEFAULT_BASE_IRI
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SCHEMA = "https://schema.org/"
PLACES_GRAPH = f"{BASE}graph/places"


def shared_rows() -> list[dict[str, str]]:
    with (SHARED / "gazetteer" / "places.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def places_triples() -> set[tuple[str, str, str]]:
    return {(t.subject.value, t.predicate.value, t.object.value)
            for t in reference_graphs(BASE)[PLACES_GRAPH]}


@pytest.mark.parametrize("row", shared_rows(), ids=lambda r: r["name_en"])
def test_every_shared_place_is_kept_with_its_ids_and_evidence(row: dict[str, str]) -> None:
    place = default_gazetteer().resolve(row["name_ru"])
    assert place is not None
    assert place.name_en == row["name_en"]
    assert place.kind == row["kind"]
    assert (place.wikidata or "") == row["wikidata"]
    assert (place.geonames or "") == row["geonames"]
    assert place.evidence == row["evidence"]


FORMS = [
    ("Твери", "tver"), ("г. Тверь", "tver"), ("Тверь", "tver"), ("городе Твери", "tver"),
    ("г.Тверь", "tver"), ("ТВЕРЬ", "tver"), ("Клина", "klin"), ("Липецка", "lipetsk"),
    ("Москвы", "moskva"), ("Выборга", "vyborg"), ("Архангельска", "arkhangelsk"),
    ("Великом Новгороде", "velikii-novgorod"), ("г. Великий Новгород", "velikii-novgorod"),
    ("Вологда", "vologda"), ("Тверской области", "tverskaya-oblast"),
    ("Тверская обл.", "tverskaya-oblast"), ("Новгородской области", "novgorodskaya-oblast"),
    ("Псковской области", "pskovskaya-oblast"), ("Ленинградской области", "leningradskaya-oblast"),
    ("Вологодской области", "vologodskaya-oblast"), ("Липецкой области", "lipetskaya-oblast"),
    ("России", "rossiya"), ("Российская Федерация", "rossiya"), ("РФ", "rossiya"),
]


@pytest.mark.parametrize(("form", "slug"), FORMS)
def test_place_names_resolve_in_any_case_and_with_prefixes(form: str, slug: str) -> None:
    place = default_gazetteer().resolve(form)
    assert place is not None and place.slug == slug


@pytest.mark.parametrize("name", ["Самара", "город", "", "область"])
def test_unknown_places_do_not_resolve(name: str) -> None:
    assert default_gazetteer().resolve(name) is None


@pytest.mark.parametrize(("city", "chain"), [
    ("tver", ["tverskaya-oblast", "rossiya"]),
    ("klin", ["moskovskaya-oblast", "rossiya"]),
    ("vyborg", ["leningradskaya-oblast", "rossiya"]),
    ("moskva", ["rossiya"]),
    ("velikii-novgorod", ["novgorodskaya-oblast", "rossiya"]),
])
def test_cities_lie_in_regions_in_the_country(city: str, chain: list[str]) -> None:
    gazetteer = default_gazetteer()
    assert [p.slug for p in gazetteer.containers(gazetteer.get(city))] == chain
    triples = places_triples()
    assert (f"{BASE}place/{city}", SCHEMA + "containedInPlace",
            f"{BASE}place/{chain[0]}") in triples


@pytest.mark.parametrize(("slug", "kind"), [("tver", "City"), ("tverskaya-oblast",
                                            "AdministrativeArea"), ("rossiya", "Country")])
def test_places_are_typed_by_kind(slug: str, kind: str) -> None:
    triples = places_triples()
    assert (f"{BASE}place/{slug}", RDF + "type", SCHEMA + "Place") in triples
    assert (f"{BASE}place/{slug}", RDF + "type", SCHEMA + kind) in triples


def test_links_go_to_wikidata_entities_and_geonames_with_trailing_slash() -> None:
    triples = places_triples()
    tver = f"{BASE}place/tver"
    assert (tver, OWL_SAME_AS, "http://www.wikidata.org/entity/Q2288") in triples
    assert (tver, OWL_SAME_AS, "https://sws.geonames.org/480060/") in triples
    oblast = f"{BASE}place/tverskaya-oblast"
    assert {o for s, p, o in triples if s == oblast and p == OWL_SAME_AS} == {
        "https://sws.geonames.org/480041/"}
    assert not any(s == f"{BASE}place/vologda" and p == OWL_SAME_AS for s, p, o in triples)


def test_each_link_keeps_its_evidence_and_single_sources_say_so() -> None:
    triples = places_triples()
    klin_link = f"{BASE}place/klin/link/wikidata-q153698"
    assert (klin_link, RDF + "type", RDF + "Statement") in triples
    assert (klin_link, RDF + "subject", f"{BASE}place/klin") in triples
    assert (klin_link, RDF + "object", "http://www.wikidata.org/entity/Q153698") in triples
    assert (klin_link, "http://www.w3.org/ns/prov#wasDerivedFrom",
            f"{BASE}registry/places") in triples
    comment = {o for s, p, o in triples if s == klin_link and p.endswith("#comment")}
    assert comment == {"each ID seen in one public list (Klinskiy Rayon is a different entity: "
                       "GeoNames 547486)"}
    notes = {o for s, p, o in triples if s == klin_link and p.endswith("#note")}
    assert notes == {"single source: the ID was seen in one public source only"}
    tver_notes = {o for s, p, o in triples
                  if s == f"{BASE}place/tver/link/wikidata-q2288" and p.endswith("#note")}
    assert tver_notes == {"seen in 2 independent public sources"}


def test_the_links_query_lists_the_tver_places_with_wikidata_and_geonames() -> None:
    store = ox.Store()
    replace_graphs(store, reference_graphs(BASE))
    query = (resources.files("resolutions_kg.queries") / "links.rq").read_text(encoding="utf-8")
    rows: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    for row in solutions:
        rows.setdefault(row["resource"].value, set()).add(row["target"].value)
        if row["label"] is not None:
            labels[row["resource"].value] = row["label"].value
    expected = {"tver": ("Q2288", 480060), "klin": ("Q153698", 547523),
                "lipetsk": ("Q3490", 535121), "moskva": ("Q649", 524901),
                "vyborg": ("Q14657", 470546), "arkhangelsk": ("Q1851", 581049)}
    for slug, (qid, geonames) in expected.items():
        assert rows[f"{BASE}place/{slug}"] == {f"http://www.wikidata.org/entity/{qid}",
                                               f"https://sws.geonames.org/{geonames}/"}
    assert labels[f"{BASE}place/tver"] == "Тверь"


def test_the_tver_resolution_points_at_gazetteer_places_with_links() -> None:
    """End to end through the real loader and mapper: the places the Tver event and its cohorts
    point at are the gazetteer's, and the links query gives each its Wikidata and GeoNames IRI."""
    minter = Minter(BASE)
    _, mapped = prepare(TVER, minter, validate=False)
    store = ox.Store()
    replace_graphs(store, {**reference_graphs(BASE), minter.graph(mapped.slug): mapped.document},
                   add={minter.graph("entities"): mapped.entities})
    pointed = {t.object.value for t in mapped.document
               if t.predicate.value in (SCHEMA + "location", "http://purl.org/dc/terms/spatial")}
    query = (resources.files("resolutions_kg.queries") / "links.rq").read_text(encoding="utf-8")
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    targets: dict[str, set[str]] = {}
    for row in solutions:
        targets.setdefault(row["resource"].value, set()).add(row["target"].value)
    for slug in ("tver", "klin", "lipetsk", "moskva", "vyborg", "arkhangelsk"):
        place = f"{BASE}place/{slug}"
        assert place in pointed, slug
        assert {t.split("/")[2] for t in targets[place]} == {"www.wikidata.org",
                                                             "sws.geonames.org"}


BAD = [
    ("x,Икс,,village,,,,,,,", "kind 'village'"),
    ("x,Икс,,city,,,Q1a,,,,", "not a Wikidata item ID"),
    ("x,Икс,,city,,,,48x,,,", "not a GeoNames ID"),
    ("x,Икс,,city,nowhere,,,,,,", "parent 'nowhere' is not a slug"),
    ("x,Икс,,city,,,,,1,,", "wikidata_sources is given but the ID"),
    ("x,Икс,,city,,,Q1,,one,,", "not a positive number"),
    ("x,,,city,,,,,,,", "name_ru is empty"),
    ("tver,Икс,,city,,,,,,,", "duplicate slug 'tver' (first on line 2)"),
    ("x,Тверь,,city,,,,,,,", "name 'Тверь' is ambiguous"),
]


@pytest.mark.parametrize(("row", "message"), BAD)
def test_bad_gazetteer_rows_are_refused_with_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "places.csv"
    header = ("slug,name_ru,name_en,kind,parent,aliases,wikidata,geonames,wikidata_sources,"
              "geonames_sources,evidence")
    path.write_text(f"{header}\ntver,Тверь,Tver,city,,,Q2288,480060,2,2,\n{row}\n",
                    encoding="utf-8")
    with pytest.raises(RegistryError) as info:
        load_gazetteer(path)
    assert (info.value.path, info.value.line) == (str(path), 3)
    assert message in str(info.value)


# ---------------------------------------------------------------------------- coordinates

LATITUDE = ox.NamedNode("https://schema.org/latitude")
LONGITUDE = ox.NamedNode("https://schema.org/longitude")


def _coordinates(triples: list[ox.Triple], iri: str) -> tuple[float, float] | None:
    found = {t.predicate: float(t.object.value) for t in triples
             if t.subject == ox.NamedNode(iri) and t.predicate in (LATITUDE, LONGITUDE)}
    return (found[LATITUDE], found[LONGITUDE]) if len(found) == 2 else None


def test_a_place_with_a_geonames_id_has_its_coordinates() -> None:
    triples = place_triples(default_gazetteer(), Minter())
    tver = _coordinates(triples, "https://w3id.org/resolutions-kg/place/tver")
    assert tver is not None and abs(tver[0] - 56.86) < 0.05 and abs(tver[1] - 35.90) < 0.05
    assert all(t.object.datatype == ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
               for t in triples if t.predicate in (LATITUDE, LONGITUDE))


def test_a_place_outside_the_gazetteer_gets_the_coordinates_of_geonames_list(
        tmp_path: Path) -> None:
    source = tmp_path / "bishkek.txt"
    source.write_text("РЕЗОЛЮЦИЯ\nкруглого стола «Архивы и музеи»\n\nг. Бишкек, 12 мая 2022 г."
                      "\n\nУчастники рекомендуют:\n\n1. Развивать сотрудничество архивов.\n",
                      encoding="utf-8")
    _, mapped = prepare(source, Minter())
    triples = mapped.document + mapped.entities
    bishkek = _coordinates(triples, "https://w3id.org/resolutions-kg/place/bishkek")
    assert bishkek is not None and abs(bishkek[0] - 42.87) < 0.05 and abs(bishkek[1] - 74.59) < 0.05
