"""The organisations registry: every organisation of the corpus, resolution of mentions, its graph,
and refusal of bad rows (with file and row number, nothing half-loaded)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from resolutions_kg.errors import InputError
from resolutions_kg.gazetteer import default_gazetteer
from resolutions_kg.iris import Minter
from resolutions_kg.reference import (
    ORGANISATION_CLASSES,
    PLACE_CLASSES,
    reference_graphs,
)
from resolutions_kg.registry import (
    COLUMNS,
    RegistryError,
    default_registry,
    load_registry,
)
from resolutions_kg.settings import DEFAULT_BASE_IRI
from resolutions_kg.validation import validate

BASE = DEFAULT_BASE_IRI
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

#: Every organisation the four corpus documents name, as expected.json or the text names it.
CORPUS_ORGANISATIONS = [
    "администрация города Твери",
    "исполнительная дирекция Союза городов Центра и Северо-Запада России",
    "Союз городов Центра и Северо-Запада России",
    "ЦБС Выборга",
    "Министерство культуры Новгородской области",
    "Новгородская областная универсальная научная библиотека",
    "Российская библиотечная ассоциация",
    "Вологодская областная универсальная научная библиотека имени И. В. Бабушкина",
    "управление культуры и туризма Липецкой области",
    "Липецкая областная универсальная научная библиотека",
]

#: Forms the texts use → the registry slug.
INFLECTED = [
    ("Администрацией города Твери", "administratsiya-goroda-tveri"),
    ("администрации города Твери", "administratsiya-goroda-tveri"),
    ("исполнительной дирекцией Союза городов Центра и Северо-Запада России",
     "ispolnitelnaya-direktsiya-soyuza-gorodov-tsentra-i-severo-zapada-rossii"),
    ("исполнительной дирекции Союза городов Центра и Северо-Запада России",
     "ispolnitelnaya-direktsiya-soyuza-gorodov-tsentra-i-severo-zapada-rossii"),
    ("Министерством культуры Новгородской области", "ministerstvo-kultury-novgorodskoi-oblasti"),
    ("Министерству культуры Новгородской области", "ministerstvo-kultury-novgorodskoi-oblasti"),
    ("Новгородской областной универсальной научной библиотекой",
     "novgorodskaya-oblastnaya-universalnaya-nauchnaya-biblioteka"),
    ("Российской библиотечной ассоциации", "rossiiskaya-bibliotechnaya-assotsiatsiya"),
    ("РБА", "rossiiskaya-bibliotechnaya-assotsiatsiya"),
    ("Вологодской областной универсальной научной библиотекой имени И. В. Бабушкина",
     "vologodskaya-oblastnaya-universalnaya-nauchnaya-biblioteka-imeni-i-v-babushkina"),
    ("Вологодская областная универсальная научная библиотека им. И.В. Бабушкина",
     "vologodskaya-oblastnaya-universalnaya-nauchnaya-biblioteka-imeni-i-v-babushkina"),
    ("управлением культуры и туризма Липецкой области",
     "upravlenie-kultury-i-turizma-lipetskoi-oblasti"),
    ("Управлению культуры и туризма Липецкой области",
     "upravlenie-kultury-i-turizma-lipetskoi-oblasti"),
    ("Липецкой областной универсальной научной библиотекой",
     "lipetskaya-oblastnaya-universalnaya-nauchnaya-biblioteka"),
    ("ЦБС Выборга", "tsbs-vyborga"),
    ("  АДМИНИСТРАЦИЯ   города твери ", "administratsiya-goroda-tveri"),
]


@pytest.mark.parametrize("name", CORPUS_ORGANISATIONS)
def test_every_corpus_organisation_is_in_the_registry(name: str) -> None:
    org = default_registry().resolve(name)
    assert org is not None, name
    assert org.name_ru == name or name in org.aliases


def test_expected_organisers_and_addressees_resolve(expected: dict[str, dict]) -> None:
    names = {n for doc in expected.values() for n in doc["organisers"]}
    names |= {a["addressee"] for doc in expected.values() for a in doc["addressees"]
              if a["addressee"] and a["addressee"][0].isupper()}
    for name in names:
        assert default_registry().resolve(name) is not None, name


@pytest.mark.parametrize(("form", "slug"), INFLECTED)
def test_inflected_and_abbreviated_forms_resolve(form: str, slug: str) -> None:
    org = default_registry().resolve(form)
    assert org is not None and org.slug == slug


@pytest.mark.parametrize("name", ["органы местного самоуправления", "Тверская областная библиотека",
                                  "библиотека", ""])
def test_unknown_names_do_not_resolve(name: str) -> None:
    assert default_registry().resolve(name) is None


def test_iri_is_the_slug_under_the_base() -> None:
    registry = default_registry()
    org = registry.get("tsbs-vyborga")
    assert registry.iri(org, Minter("http://example.org/kg/")) == (
        "http://example.org/kg/organisation/tsbs-vyborga")


def test_unit_points_at_its_parent_and_cities_at_gazetteer_places() -> None:
    graph = reference_graphs(BASE)[f"{BASE}graph/organisations"]
    union = f"{BASE}organisation/soyuz-gorodov-tsentra-i-severo-zapada-rossii"
    unit = (f"{BASE}organisation/"
            "ispolnitelnaya-direktsiya-soyuza-gorodov-tsentra-i-severo-zapada-rossii")
    triples = {(t.subject.value, t.predicate.value, t.object.value) for t in graph}
    assert (unit, RDF_TYPE, ORG + "OrganizationalUnit") in triples
    assert (unit, ORG + "unitOf", union) in triples
    assert (union, ORG + "hasUnit", unit) in triples
    assert (union, RDF_TYPE, ORG + "FormalOrganization") in triples
    admin = f"{BASE}organisation/administratsiya-goroda-tveri"
    assert (admin, RDF_TYPE, SCHEMA + "GovernmentOrganization") in triples
    assert (admin, SCHEMA + "location", f"{BASE}place/tver") in triples
    library = f"{BASE}organisation/lipetskaya-oblastnaya-universalnaya-nauchnaya-biblioteka"
    assert (library, RDF_TYPE, SCHEMA + "Library") in triples
    rba = f"{BASE}organisation/rossiiskaya-bibliotechnaya-assotsiatsiya"
    assert (rba, SCHEMA + "url", "http://www.rba.ru/") in triples


def test_names_in_russian_and_english() -> None:
    graph = reference_graphs(BASE)[f"{BASE}graph/organisations"]
    rba = f"{BASE}organisation/rossiiskaya-bibliotechnaya-assotsiatsiya"
    labels = {(t.object.value, t.object.language) for t in graph
              if t.subject.value == rba and t.predicate.value.endswith("prefLabel")}
    assert labels == {("Российская библиотечная ассоциация", "ru"),
                      ("Russian Library Association", "en")}


def test_registry_and_gazetteer_graphs_conform_to_the_shapes() -> None:
    triples = [t for graph in reference_graphs(BASE).values() for t in graph]
    report = validate(triples, base_iri=BASE)
    assert report.conforms, report.text()


# --- bad rows ----------------------------------------------------------------------------------

GOOD = {
    "slug": "biblioteka", "name_ru": "Библиотека", "name_en": "A library", "kind": "library",
    "parent": "", "city": "tver", "aliases": "", "wikidata": "Q7075", "isil": "RU-1234",
    "viaf": "123456", "website": "https://example.org/",
}


def write(tmp_path: Path, *rows: dict[str, str]) -> Path:
    import csv

    path = tmp_path / "organisations.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({**GOOD, **row})
    return path


def test_a_good_file_loads(tmp_path: Path) -> None:
    path = write(tmp_path, {}, {"slug": "otdel", "name_ru": "отдел библиотеки", "kind": "unit",
                                "parent": "biblioteka", "wikidata": "", "isil": "",
                                "viaf": "", "website": ""})
    registry = load_registry(path, gazetteer=default_gazetteer())
    assert [o.slug for o in registry] == ["biblioteka", "otdel"]
    assert registry.resolve("отделом библиотеки").slug == "otdel"  # type: ignore[union-attr]


BAD_ROWS = [
    ({"name_ru": ""}, "name_ru is empty"),
    ({"wikidata": "Q12x"}, "not a Wikidata item ID"),
    ({"wikidata": "12"}, "not a Wikidata item ID"),
    ({"isil": "1234"}, "not an ISIL"),
    ({"isil": "RU1234"}, "not an ISIL"),
    ({"viaf": "v123"}, "not a VIAF ID"),
    ({"website": "www.example.org"}, "not an http(s) URL"),
    ({"parent": "nobody"}, "parent 'nobody' is not a slug"),
    ({"kind": "shop"}, "kind 'shop'"),
    ({"kind": "unit", "parent": ""}, "a unit needs"),
    ({"city": "atlantis"}, "city 'atlantis' is not a slug of the gazetteer"),
    ({"slug": "Biblioteka"}, "not a lowercase ASCII slug"),
    ({"slug": ""}, "slug is empty"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_ROWS)
def test_a_bad_row_is_refused_with_file_and_line(tmp_path: Path, bad: dict[str, str],
                                                 message: str) -> None:
    path = write(tmp_path, {"slug": "first", "name_ru": "Первая библиотека"}, bad)
    with pytest.raises(InputError) as info:
        load_registry(path, gazetteer=default_gazetteer())
    assert isinstance(info.value, RegistryError)
    assert info.value.path == str(path)
    assert info.value.line == 3, str(info.value)
    assert message in str(info.value)
    assert str(info.value).startswith(f"{path}:3: ")


def test_a_parent_loop_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, {"parent": "vtoraya"},
                 {"slug": "vtoraya", "name_ru": "Вторая", "parent": "biblioteka"})
    with pytest.raises(RegistryError, match=r":2: parent chain of 'biblioteka' loops back"):
        load_registry(path)


def test_duplicate_slug_names_both_rows(tmp_path: Path) -> None:
    path = write(tmp_path, {}, {"name_ru": "Вторая библиотека"})
    with pytest.raises(RegistryError, match=r":3: duplicate slug 'biblioteka' \(first on line 2\)"):
        load_registry(path)


def test_a_name_of_two_organisations_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, {}, {"slug": "drugaya", "name_ru": "Другая", "aliases": "Библиотеки"})
    with pytest.raises(RegistryError, match=r":3: name 'Библиотеки' is ambiguous"):
        load_registry(path)


def test_missing_column_is_refused_on_the_header(tmp_path: Path) -> None:
    path = tmp_path / "organisations.csv"
    path.write_text("slug,name_ru\nx,Икс\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r":1: header lacks column\(s\): name_en"):
        load_registry(path)


def test_quoted_cells_with_line_breaks_keep_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "organisations.csv"
    header = ",".join(COLUMNS)
    path.write_text(
        f'{header}\na,"Первая\nбиблиотека",,library,,,,,,,\nb,,,library,,,,,,,\n',
        encoding="utf-8")
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    assert info.value.line == 4


def test_the_shipped_file_is_the_package_data() -> None:
    graph = reference_graphs(BASE)[f"{BASE}graph/organisations"]
    subjects = {t.subject for t in graph if t.predicate.value == RDF_TYPE
                and t.object == ox.NamedNode(ORG + "FormalOrganization")}
    assert len(subjects) == len(default_registry()) - 1  # one unit


def test_every_kind_has_its_classes() -> None:
    """The tables name the kinds (no RDF in them); the reference graphs give each its classes."""
    from resolutions_kg import gazetteer, registry

    assert set(ORGANISATION_CLASSES) == set(registry.KINDS)
    assert set(PLACE_CLASSES) == set(gazetteer.KINDS)
