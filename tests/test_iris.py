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


def test_untitled_meetings_and_an_appeal_of_one_meeting_do_not_share_an_iri() -> None:
    """Two untitled sittings of one kind in one town and year, and the decision and the appeal
    of one meeting, are different documents: their slugs differ (before session 13 all three
    were ``biisk-2015-obshchee-sobranie``)."""
    from resolutions_kg.iris import document_slug
    from resolutions_kg.loaders import parse_text

    def slug(head: str, date: str) -> str:
        return document_slug(parse_text(f"{head}\n\nг. Бийск, {date}\n\nСобрание решило:\n\n"
                                        "1. Сохранить фонды.\n"))

    may = slug("РЕШЕНИЕ\nобщего собрания Ассоциации музеев", "22 мая 2015 г.")
    november = slug("РЕШЕНИЕ\nобщего собрания Ассоциации музеев", "20 ноября 2015 г.")
    appeal = slug("ОБРАЩЕНИЕ\nучастников общего собрания Ассоциации музеев", "22 мая 2015 г.")
    assert may == "biisk-2015-obshchee-sobranie-05-22"
    assert len({may, november, appeal}) == 3
