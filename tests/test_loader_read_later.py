"""Forms the loader learned from blind batches ak and al (docs/loader.md, «Read on
2026-12-07»): each case is a sentence or heading of the genre, read through the whole loader."""

from __future__ import annotations

import pytest
from test_loader_genre import HEADER, RECOMMENDS, doc, parsed


@pytest.mark.parametrize(("sentence", "groups"), [
    # the bodies left out after a dash are those counted before
    ("В работе семинара приняли участие 38 человек, в том числе специалисты 9 библиотек "
     "Котласского района, 4 — Вилегодского района и 3 — Ленского района.",
     [("библиотеки Котласского района", 9), ("библиотеки Вилегодского района", 4),
      ("библиотеки Ленского района", 3)]),
    # the head before the colon, its adjectives after it
    ("В семинаре участвовали 43 библиотечных работника из трёх районов области: Тотемского, "
     "Нюксенского и Верховажского.",
     [("Тотемский район", None), ("Нюксенский район", None), ("Верховажский район", None)]),
    # bodies counted in brackets after a place
    ("В семинаре приняли участие более 70 специалистов из 24 муниципальных образований "
     "Пермского края, а также коллеги из Свердловской области (5 библиотек).",
     [("муниципальные образования Пермского края", 24), ("библиотеки Свердловской области", 5)]),
    # a list after «из» cut at its commas is read whole
    ("В работе конференции приняли участие 126 человек: специалисты 17 центральных районных "
     "библиотек Гродненской области, а также коллеги из Российской Федерации, Литовской "
     "Республики и Республики Польша.",
     [("центральные районные библиотеки Гродненской области", 17),
      ("Российская Федерация", None), ("Литовская Республика", None),
      ("Республика Польша", None)]),
    # adjectives sharing a head, their country after it
    ("В работе конференции приняли участие 73 человека, а также гости из Омской и "
     "Новосибирской областей Российской Федерации.",
     [("Омская область", None), ("Новосибирская область", None)]),
    # a part of a group in brackets is no group; 21 takes the singular
    ("В работе круглого стола приняли участие представители 14 муниципальных библиотек и 6 "
     "музеев (в том числе 4 школьных) Сысертского городского округа.",
     [("муниципальные библиотеки Сысертского городского округа", 14),
      ("музеи Сысертского городского округа", 6)]),
    ("В работе конференции приняли участие 94 человека: специалисты 21 муниципальной "
     "библиотеки Курганской области.",
     [("муниципальные библиотеки Курганской области", 21)]),
    # «Республика» keeps its capital
    ("В работе конференции приняли участие 82 человека: Республики Беларусь – 58, Российской "
     "Федерации – 14.",
     [("Республика Беларусь", 58), ("Российская Федерация", 14)]),
    # the total's own people are an occupation, not a group
    ("В работе конференции приняли участие более 150 специалистов библиотек, музеев и "
     "архивов.", []),
])
def test_participating_groups(sentence: str, groups: list[tuple[str, int | None]]) -> None:
    res = parsed(doc(HEADER + sentence))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == groups


def test_two_lists_in_one_sentence_and_the_modes_they_say() -> None:
    res = parsed(doc(HEADER + "Очно были представлены учреждения из 19 регионов России; по "
                     "видео-конференц-связи к конференции подключились специалисты 42 "
                     "муниципальных библиотек Республики Татарстан."))
    assert [(c.label.value, c.count, c.mode) for c in res.event.cohorts] == [
        ("регионы России", 19, None),
        ("муниципальные библиотеки Республики Татарстан", 42, "online")]


def test_a_sentence_opening_with_krome_togo_names_no_group() -> None:
    res = parsed(doc(HEADER + "Форум собрал более 150 участников из 17 регионов Казахстана. "
                     "Кроме того, 64 сельские библиотеки области подключились к работе форума "
                     "в онлайн-формате."))
    assert [(c.label.value, c.count, c.mode) for c in res.event.cohorts] == [
        ("регионы Казахстана", 17, None), ("сельские библиотеки области", 64, "online")]


def test_presence_line_of_minutes_lists_the_groups() -> None:
    res = parsed(doc(HEADER + "Присутствовали: 52 человека, в том числе руководители "
                     "центральных библиотек 23 муниципальных районов Тамбовской области."))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("центральные библиотеки муниципальных районов Тамбовской области", 23)]


def test_an_order_inside_a_bodys_name_is_read_past() -> None:
    name = "Тверская ордена «Знак Почёта» областная универсальная научная библиотека"
    res = parsed(doc(HEADER + "Семинар организован Тверской ордена «Знак Почёта» областной "
                     "универсальной научной библиотекой.",
                     "Участники рекомендуют:\n\nТверской ордена «Знак Почёта» областной "
                     "универсальной научной библиотеке:\n\n1. Провести семинар.\n"))
    assert [o.name.value for o in res.event.organisers] == [name]
    assert [r.addressee.label if r.addressee else None for r in res.recommendations] == [name]


def test_an_organisers_list_ends_before_a_participle_of_another_case() -> None:
    res = parsed(doc(HEADER + "В г. Караганде прошёл форум архивистов, организованный "
                     "управлением культуры области и Государственным архивом Карагандинской "
                     "области и приуроченный к 80-летию архивной службы."))
    assert [o.name.value for o in res.event.organisers] == [
        "управление культуры области", "Государственный архив Карагандинской области"]


@pytest.mark.parametrize(("closing", "proposals"), [
    ("Участники предлагают сделать читательскую конференцию ежегодной, а следующую провести в "
     "феврале 2024 года.", [(None, 2024)]),
    ("Участники предлагают Государственному музею-заповеднику «Болдино» проводить семинар один "
     "раз в два года, а следующий провести в 2020 году.",
     [("Государственный музей-заповедник «Болдино»", 2020)]),
    ("Участники поручают Библиотечно-информационному консорциуму Кыргызстана провести XII "
     "Международную конференцию в 2020 году.",
     [("Библиотечно-информационный консорциум Кыргызстана", 2020)]),
])
def test_a_practice_and_its_next_event_and_a_body_entrusted(
        closing: str, proposals: list[tuple[str | None, int | None]]) -> None:
    res = parsed(doc(HEADER, RECOMMENDS + "\n" + closing + "\n"))
    assert [(p.addressee.label if p.addressee else None,
             p.planned_event.year.value if p.planned_event and p.planned_event.year else None)
            for p in res.proposals] == proposals


def test_a_pages_title_above_the_documents_own_heading() -> None:
    res = parsed("Резолюция зонального семинара\n\nОпубликовано: 29.09.2015\n\nРЕЗОЛЮЦИЯ\n"
                 "зонального семинара руководителей библиотек юга области\n«Муниципальная "
                 "библиотека: стандарт качества»\n\n22 сентября 2015 г.\nг. Котлас\n\n"
                 + RECOMMENDS)
    assert res.event.title is not None
    assert res.event.title.value == "Муниципальная библиотека: стандарт качества"
