"""Rules read in session 17 (blind batches bu and bv), each with a case written for it here, not
copied from the labelled documents."""

from __future__ import annotations

import datetime as dt

from test_loader_genre import parsed

from resolutions_kg.loaders.facts import reader_facts

MINUTES = """КОСТРОМСКАЯ БИБЛИОТЕЧНАЯ АССОЦИАЦИЯ

ВЫПИСКА ИЗ ПРОТОКОЛА
заседания Правления

№ 7 от 03.02.2016
г. Кострома, Костромская областная универсальная научная библиотека, малый зал заседаний

Присутствовали: 12 человек.

ПОВЕСТКА ДНЯ:
1. О книжной ярмарке 2016 года.
2. О приёме новых членов.

1. СЛУШАЛИ:
Иванову Н. П. – о месте и сроках ярмарки.

ВЫСТУПИЛИ:
Петров А. С. предложил пригласить издательства соседних областей.

РЕШИЛИ:
1. Провести ярмарку в мае 2016 года.
2. Пригласить издательства Ярославской и Ивановской областей.
Голосовали: «за» – 12.

2. СЛУШАЛИ:
Сидорову Е. В. – о заявлениях о приёме.

РЕШИЛИ:
1. Принять в члены общества трёх заявителей.
"""


def test_an_extract_from_the_minutes_is_a_document_of_its_own_type() -> None:
    res = parsed(MINUTES)
    assert res.document_type.value == "выписка из протокола"
    assert res.event.kind.value == "заседание правления"


def test_the_minutes_record_of_what_was_heard_and_said_is_neither_topic_nor_decision() -> None:
    res = parsed(MINUTES)
    assert [t.value for t in res.event.topics] == [
        "О книжной ярмарке 2016 года", "О приёме новых членов"]
    assert [r.text.value[:20] for r in res.recommendations] == [
        "Провести ярмарку в м", "Пригласить издательс", "Принять в члены обще"]


def test_a_marked_town_opens_a_long_line_with_its_venue() -> None:
    res = parsed(MINUTES)
    assert res.event.place is not None and res.event.place.value == "Кострома"


def test_a_decision_registered_under_a_date_and_number_was_taken_that_day() -> None:
    assert parsed(MINUTES).adopted is not None
    assert parsed(MINUTES).adopted.value == dt.date(2016, 2, 3)  # type: ignore[union-attr]
    collegium = parsed("МИНИСТЕРСТВО КУЛЬТУРЫ ТВЕРСКОЙ ОБЛАСТИ\n\nРЕШЕНИЕ КОЛЛЕГИИ\n\n"
                       "«9» апреля 2015 г.                              № 3\n\nг. Тверь\n\n"
                       "Коллегия РЕШИЛА:\n\n1. Одобрить план работы библиотек.\n")
    assert collegium.adopted is not None and collegium.adopted.value == dt.date(2015, 4, 9)
    # a date beside other words is no registration: «15 марта 2015 г. в 10.00, № зала 3»
    other = parsed("РЕЗОЛЮЦИЯ семинара\n\nг. Тверь, 15 марта 2015 г., начало в 10.00, "
                   "№ зала 3\n\nУчастники семинара рекомендуют:\n\n1. Сохранить фонды.\n")
    assert other.adopted is None


def test_an_extract_quoting_a_decision_is_that_decision() -> None:
    res = parsed("ВЫПИСКА ИЗ ПРОТОКОЛА № 4\nзаседания Совета директоров\n\n"
                 "от 11.11.2019          г. Кострома\n\nРЕШЕНИЕ\nСовета директоров библиотек "
                 "области\n\nСовет РЕШИЛ:\n\n1. Одобрить план работы.\n")
    assert res.document_type.value == "решение"


def test_the_letterhead_organises_a_sitting_of_its_own_collegium_or_board() -> None:
    res = parsed("МИНИСТЕРСТВО КУЛЬТУРЫ И АРХИВНОГО ДЕЛА\nТВЕРСКОЙ ОБЛАСТИ\n\nКОЛЛЕГИЯ\n\n"
                 "РЕШЕНИЕ\n\nот 9 апреля 2015 г.          № 3\n\nг. Тверь\n\n"
                 "В заседании коллегии приняли участие 30 человек.\n\nКоллегия РЕШИЛА:\n\n"
                 "1. Одобрить план работы библиотек.\n")
    assert [o.name.value for o in res.event.organisers] == [
        "Министерство культуры и архивного дела Тверской области"]
    assert [o.name.value for o in parsed(MINUTES).event.organisers] == [
        "Костромская библиотечная ассоциация"]
    # a conference under a ministry's letterhead: who organised it is for its text to say
    conference = parsed("МИНИСТЕРСТВО КУЛЬТУРЫ ТВЕРСКОЙ ОБЛАСТИ\n\nРЕЗОЛЮЦИЯ\nконференции "
                        "«Книга и город»\n\nг. Тверь, 9 апреля 2015 г.\n\n"
                        "Участники конференции рекомендуют:\n\n1. Сохранить фонды.\n")
    assert conference.event.organisers == ()


def test_a_group_there_in_person_is_cited_without_a_mode() -> None:
    res = parsed("РЕЗОЛЮЦИЯ семинара\n\nг. Тверь, 15 марта 2015 г.\n\nВ семинаре приняли "
                 "участие 40 специалистов: очно – представители 12 библиотек города, в режиме "
                 "онлайн – сотрудники 9 районных библиотек.\n\nУчастники семинара рекомендуют:"
                 "\n\n1. Сохранить фонды.\n")
    assert [c.mode for c in res.event.cohorts] == ["offline", "online"]
    assert [g.get("mode") for g in reader_facts(res)["participating"]] == [None, "online"]
