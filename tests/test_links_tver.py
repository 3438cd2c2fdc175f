"""Issue 6: the named query ``links`` gives, for the Tver resolution, each city it names with
its Wikidata entity and its GeoNames feature (IDs from ../shared/gazetteer/places.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import SHARED

from resolutions_kg.queries import named_query, plain_rows, run
from resolutions_kg.store import open_store

CITIES = ["Тверь", "Клин", "Липецк", "Москва", "Выборг", "Архангельск"]


def shared_ids() -> dict[str, tuple[str, str]]:
    with open(SHARED / "gazetteer" / "places.csv", encoding="utf-8") as fh:
        return {row["name_ru"]: (row["wikidata"], row["geonames"]) for row in csv.DictReader(fh)}


@pytest.mark.parametrize("city", CITIES)
def test_links_give_wikidata_and_geonames_for_each_city(tver_store: Path, city: str) -> None:
    rows = plain_rows(run(named_query("links"), open_store(tver_store, read_only=True), {}))
    targets = {r["target"] for r in rows if r["label"] == city}
    wikidata, geonames = shared_ids()[city]
    assert f"http://www.wikidata.org/entity/{wikidata}" in targets
    assert f"https://sws.geonames.org/{geonames}/" in targets


def test_the_cities_are_the_places_the_resolution_uses(tver_store: Path) -> None:
    store = open_store(tver_store, read_only=True)
    used = {row["label"].value for row in store.query("""
        PREFIX dct: <http://purl.org/dc/terms/>
        PREFIX schema: <https://schema.org/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?label WHERE {
            GRAPH ?g { { ?x dct:spatial ?place } UNION { ?x schema:location ?place } }
            FILTER(STRENDS(STR(?g), "tver-2012-biblioteki-i-obshchestvo-vektor-razvitiya"))
            ?place skos:prefLabel ?label FILTER(LANG(?label) = "ru") }""",
        use_default_graph_as_union=True)}  # type: ignore[union-attr]
    assert set(CITIES) <= used
