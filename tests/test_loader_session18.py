"""Rules read in session 18 (blind batches ce and cf), each with a case written for it here, not
copied from the labelled documents."""

from __future__ import annotations

import pytest
from test_loader_genre import doc, parsed, proposed

from resolutions_kg.loaders.facts import compare

HEADER = "РЕЗОЛЮЦИЯ\nсеминара «Книга и город»\n\nг. Пенза, 12 марта 2019 г."


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        # a sentence of its own that proposes publishing the materials
        ("Участники семинара предлагают провести следующий семинар в 2021 году. Материалы "
         "семинара предлагается издать отдельным сборником.", [(None, 2021), (None, None)]),
        # the same without the proposing verb: the list of proposals goes on
        ("Участники семинара предлагают провести следующий семинар в 2021 году. Материалы "
         "семинара издать отдельным сборником.", [(None, 2021), (None, None)]),
        # «…, а X – издать …»: the second body is asked to publish
        ("Семинар предлагает Министерству культуры Пензенской области провести следующий "
         "семинар в 2021 году, а Пензенской областной библиотеке им. М. Ю. Лермонтова – издать"
         " материалы семинара.", [("Министерство культуры Пензенской области", 2021),
                                  ("Пензенская областная библиотека им. М. Ю. Лермонтова",
                                   None)]),
        # «…, а материалы опубликовать …»
        ("Участники предлагают провести следующий семинар в 2021 году, а материалы семинара "
         "опубликовать на сайте библиотеки.", [(None, 2021), (None, None)]),
        # a sentence that proposes, after one that does not
        ("Участники семинара готовы продолжить работу. Мы предлагаем вернуться к этим вопросам "
         "на следующем семинаре в 2021 году.", [(None, 2021)]),
    ],
)
def test_publishing_the_materials_is_a_proposal_of_its_own(
        closing: str, expected: list[tuple[str | None, int | None]]) -> None:
    res = parsed(doc(HEADER, "Участники семинара рекомендуют:\n\n1. Сохранить фонды.\n\n"
                     + closing + "\n"))
    assert proposed(res) == expected


def test_a_proposal_without_a_year_compares_equal_with_or_without_the_key() -> None:
    observed = {"proposals": [{"addressee": None, "planned_event_year": None}]}
    assert compare({"proposals": [{"addressee": None}]}, observed)["proposals"]
    assert not compare({"proposals": [{"addressee": None, "planned_event_year": 2020}]},
                       observed)["proposals"]
