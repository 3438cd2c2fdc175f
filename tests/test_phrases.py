"""Noun phrases to the nominative through the yargy grammar (loaders/grammar.py): agreement in
gender, number and case, listed and bracketed adjectives, adjectives and phrases joined by «и»."""

from __future__ import annotations

import pytest

from resolutions_kg.loaders.addressees import addressee_phrase
from resolutions_kg.loaders.phrases import head_phrase, nominative


@pytest.mark.parametrize(
    ("text", "case", "expected"),
    [
        ("Липецкой областной универсальной научной библиотекой", "ablt",
         "Липецкая областная универсальная научная библиотека"),
        # the genitive tail stays as written
        ("исполнительной дирекцией Союза городов Центра и Северо-Запада России", "ablt",
         "исполнительная дирекция Союза городов Центра и Северо-Запада России"),
        # two phrases joined by «и» in the case the caller knows, heads agreeing in number
        ("муниципальных районов и городских округов", "gent",
         "муниципальные районы и городские округа"),
        # «и» before a dependent genitive joins no second phrase
        ("библиотеки Твери и Тверской области", "gent", "библиотека Твери и Тверской области"),
        # adjectives listed with commas and joined by «и», all agreeing with one head
        ("научным, образовательным и культурным учреждениям области", "datv",
         "научные, образовательные и культурные учреждения области"),
        ("литературным и историко-архитектурным музеем", "ablt",
         "литературный и историко-архитектурный музей"),
        # the head's gender is the one the adjective agrees with (pymorphy3's likelier reading)
        ("областного семинара-совещания", None, "областной семинар-совещание"),
    ],
)
def test_nominative(text: str, case: str | None, expected: str) -> None:
    assert nominative(text, case, keep_capital=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an adjective of a place's name keeps its capital, a fleeting vowel too (Кинешма)
    ("Кинешемского художественно-исторического музея",
     "Кинешемский художественно-исторический музей"),
    ("Тверской областной библиотеки", "Тверская областная библиотека"),
    ("Городской библиотеки", "городская библиотека"),
])
def test_a_place_adjective_keeps_its_capital(text: str, expected: str) -> None:
    assert nominative(text, "gent") == expected


def test_a_bracketed_adjective_belongs_to_the_phrase() -> None:
    text = "Северного (Арктического) федерального университета имени М. В. Ломоносова"
    phrase, case = head_phrase(text, "gent")
    assert [w for w, _, _, _ in phrase] == ["Северного", "Арктического", "федерального",
                                            "университета"]
    assert case == "gent"
    assert nominative(text, "gent", keep_capital=True) == (
        "Северный (Арктический) федеральный университет имени М. В. Ломоносова")


def test_no_phrase_without_agreement() -> None:
    # «муниципальным» (plural) cannot go with «библиотеке» (singular): no phrase, text unchanged
    assert head_phrase("муниципальным библиотеке", "datv") == ([], "datv")
    assert nominative("муниципальным библиотеке", "datv") == "муниципальным библиотеке"


def test_adjectives_joined_by_and_in_an_addressee_heading() -> None:
    text = "Детским и школьным библиотекам Камчатского края"
    phrase = addressee_phrase(text, 0, len(text), "datv")
    assert phrase is not None and phrase.end == len(text)
    assert phrase.label == "детские и школьные библиотеки Камчатского края"


@pytest.mark.parametrize(("text", "label"), [
    ("Музеям – участникам конгресса", "музеи – участники конгресса"),
    # the apposition after heads joined by commas and «и»
    ("Музеям, архивам и библиотекам – участникам чтений",
     "музеи, архивы и библиотеки – участники чтений"),
])
def test_a_noun_in_apposition_goes_into_the_nominative(text: str, label: str) -> None:
    phrase = addressee_phrase(text, 0, len(text), "datv")
    assert phrase is not None and phrase.label == label


def test_a_plural_kind_of_body_is_cited_in_small_letters() -> None:
    """«Российским организациям, …» opening a heading: a kind of body, not one's name, whatever
    adjective of a country or region opens it."""
    text = "Российским организациям, поддерживающим соотечественников за рубежом"
    phrase = addressee_phrase(text, 0, len(text), "datv")
    assert phrase is not None
    assert phrase.label == "российские организации, поддерживающие соотечественников за рубежом"
