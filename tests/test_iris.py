"""IRIs are readable, deterministic slugs under the configured base."""

from __future__ import annotations

import pytest

from resolutions_kg.errors import SettingsError
from resolutions_kg.iris import Minter, slugify, transliterate


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Библиотеки и общество: вектор развития", "biblioteki-i-obshchestvo-vektor-razvitiya"),
        ("Тверь", "tver"),
        ("Великий Новгород", "velikii-novgorod"),
        ("семинар-совещание", "seminar-soveshchanie"),
        ("круглый стол", "kruglyi-stol"),
        ("Щёлково, Съезд", "shchelkovo-sezd"),
        ("ЦБС Выборга", "tsbs-vyborga"),
        ("  --  ", "x"),
    ],
)
def test_slugify_transliterates_and_hyphenates(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slug_is_cut_at_a_word_boundary() -> None:
    slug = slugify("Чтение на пути к успеху: библиотека и молодёжь", max_length=20)
    assert len(slug) <= 20
    assert not slug.endswith("-")
    assert "chtenie-na-puti-k-uspekhu".startswith(slug)


def test_transliteration_is_ascii() -> None:
    assert transliterate("Ёжик в тумане").isascii()


@pytest.mark.parametrize("base", ["http://example.org/data/", "https://w3id.org/resolutions-kg/"])
def test_minted_iris_live_under_the_base(base: str) -> None:
    m = Minter(base)
    for iri in (m.resolution("d"), m.recommendation("d", 3), m.event("d"), m.source("d"),
                m.evidence("d", "k"), m.graph("d"), m.place("Тверь"), m.dataset()):
        assert iri.startswith(base)
        assert iri.isascii()
    assert m.recommendation("d", 3) == base + "resolution/d/recommendation/3"


@pytest.mark.parametrize(
    "base",
    ["ftp://x/", "http://example.org/data", "example.org/", "", "http://x/a>b/", "http://x/ /"],
)
def test_bad_base_iri_is_refused(base: str) -> None:
    with pytest.raises(SettingsError, match="base IRI"):
        Minter(base)
