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


def _preamble(sentence: str) -> str:
    return (f"РЕЗОЛЮЦИЯ конференции\n\nг. Тверь, 15 марта 2015 г.\n\n{sentence}\n\n"
            "Участники конференции рекомендуют:\n\n1. Сохранить фонды.\n")


def _cohorts(sentence: str) -> list[tuple[str, int | None, str | None]]:
    return [(c.label.value, c.count, c.mode) for c in parsed(_preamble(sentence)).event.cohorts]


def test_countries_and_regions_of_several_words_are_places_of_a_list() -> None:
    assert _cohorts("В конференции приняли участие 90 человек: сотрудники музеев 4 регионов, "
                    "гости из Республики Узбекистан, Кыргызской Республики и Грузии.") == [
        ("регионы", 4, None), ("Республика Узбекистан", None, None),
        ("Кыргызская Республика", None, None), ("Грузия", None, None)]
    # a counted group of a region is no place
    assert _cohorts("В конференции приняли участие 60 человек: архивы Тверской области (12), "
                    "архивы Псковской области (4).")[0] == ("архивы Тверской области", 12, None)


def test_a_mode_before_a_verb_of_joining_is_the_mode_of_the_places_after_it() -> None:
    assert _cohorts("В конференции приняли участие 70 человек: 6 районов очно, в режиме онлайн "
                    "к работе подключились коллеги из Республики Коми и Вологодской области.") == [
        ("районы", 6, "offline"), ("Республика Коми", None, "online"),
        ("Вологодская область", None, "online")]
    assert _cohorts("В семинаре приняли участие 40 человек: представители 9 библиотек города, "
                    "а также коллеги из Калужской области и Пермского края, подключившиеся к "
                    "трансляции.")[1:] == [("Калужская область", None, "online"),
                                          ("Пермский край", None, "online")]


def _topics(sentence: str) -> list[str]:
    return [t.value for t in parsed(_preamble(sentence)).event.topics]


def test_a_genitive_after_a_comma_goes_on_the_topic_before_it() -> None:
    assert _topics("Участники обсудили роль архивов в жизни города, опыт совместной работы "
                   "музеев, библиотек и архивов, а также новые формы экскурсий.") == [
        "роль архивов в жизни города", "опыт совместной работы музеев, библиотек и архивов",
        "новые формы экскурсий"]
    # but genitives after «вопросы» are the topics themselves
    assert len(_topics("Участники обсудили вопросы комплектования фондов, обмена изданиями и "
                       "подготовки кадров.")) == 3


def test_topics_under_the_centre_of_attention_and_a_programme() -> None:
    listed = "\n\n- первый вопрос;\n- второй вопрос;\n- третий вопрос."
    assert len(_topics("В центре внимания участников были темы:" + listed)) == 3
    assert len(_topics("Программа семинара включала:" + listed)) == 3


def test_a_lower_case_recommend_under_a_dative_heading_is_the_headings_act() -> None:
    res = parsed("РЕЗОЛЮЦИЯ конференции\n\nг. Тверь, 15 марта 2015 г.\n\n"
                 "Участники конференции рекомендуют:\n\nУправлению образования Тверской "
                 "области:\n\n1) рекомендовать школам включать посещение музеев в планы "
                 "воспитательной работы.\n")
    assert [r.addressee.label if r.addressee else None for r in res.recommendations] == [
        "управление образования Тверской области"]


def test_an_item_names_its_addressee_before_a_long_adverbial() -> None:
    res = parsed("РЕЗОЛЮЦИЯ конференции\n\nг. Тверь, 15 марта 2015 г.\n\n"
                 "Участники конференции рекомендуют:\n\n"
                 "1) Администрации города Твери при подготовке бюджета на 2016 год и на "
                 "плановый период предусмотреть средства на ремонт библиотек;\n\n"
                 "2) Централизованной библиотечной системе г. Твери провести опрос жителей.\n")
    assert [r.addressee.label if r.addressee else None for r in res.recommendations] == [
        "администрация города Твери", "Централизованная библиотечная система г. Твери"]


def test_the_events_own_programme_is_no_other_event() -> None:
    res = parsed(_preamble("В профессиональной программе фестиваля – конференции и "
                           "мастер-классах – приняли участие более 150 специалистов из 30 "
                           "музеев."))
    assert res.event.participants is not None and res.event.participants.value == 150
    assert res.event.participants_is_minimum


def test_a_commissions_sitting() -> None:
    res = parsed("РЕШЕНИЕ\nзаседания комиссии по вопросам культуры\n\n28 марта 2013 года, "
                 "г. Тверь\n\nКомиссия РЕШИЛА:\n\n1. Одобрить план работы.\n")
    assert res.event.kind.value == "заседание комиссии"


def test_a_republic_named_in_capitals_keeps_its_names_capitals() -> None:
    res = parsed("МИНИСТЕРСТВО КУЛЬТУРЫ\nРЕСПУБЛИКИ СЕВЕРНАЯ ОСЕТИЯ – АЛАНИЯ\n\nКОЛЛЕГИЯ\n\n"
                 "РЕШЕНИЕ\n\n«28» марта 2019 г.          № 2\n\nг. Владикавказ\n\n"
                 "Коллегия рассмотрела работу библиотек Республики Северная Осетия – Алания."
                 "\n\nВ заседании "
                 "коллегии приняли участие 40 человек: руководители 9 муниципальных библиотек "
                 "республики.\n\nКоллегия РЕШИЛА:\n\n1. Рекомендовать главам администраций "
                 "муниципальных районов и г. Владикавказа:\n\n1.1. Сохранить сеть библиотек.\n")
    assert [o.name.value for o in res.event.organisers] == [
        "Министерство культуры Республики Северная Осетия – Алания"]
    assert [c.label.value for c in res.event.cohorts] == [
        "муниципальные библиотеки Республики Северная Осетия – Алания"]
    assert res.recommendations[0].addressee is not None
    assert res.recommendations[0].addressee.label == (
        "главы администраций муниципальных районов и г. Владикавказа")


def test_a_breadcrumb_whose_separators_are_typed_as_quotes_is_furniture() -> None:
    res = parsed('<html><body><p>Главная " Специалистам " Совещания</p>'
                 "<h2>Решение совещания руководителей библиотек</h2>"
                 "<p>Красноярск, 24 марта 2015 г.</p><p>Совещание РЕШИЛО:</p>"
                 "<ol><li>Сохранить фонды.</li></ol></body></html>", "text/html")
    assert res.event.title is None


def test_a_registration_whose_cells_stand_each_on_a_line_of_their_own() -> None:
    res = parsed("<html><body><p>МИНИСТЕРСТВО КУЛЬТУРЫ ПЕНЗЕНСКОЙ ОБЛАСТИ</p><p>РЕШЕНИЕ<br>"
                 "заседания коллегии</p><table><tr><td>от 29 марта 2018 г.</td><td>г. Пенза"
                 "</td><td>№ 2</td></tr></table><p>Коллегия РЕШИЛА:</p><ol><li>Одобрить план."
                 "</li></ol></body></html>", "text/html")
    assert res.adopted is not None and res.adopted.value == dt.date(2018, 3, 29)


def test_colleagues_who_gave_talks_remotely_took_part() -> None:
    assert _cohorts("В конференции приняли участие 90 человек: представители 8 библиотек "
                    "области. Коллеги из 3 библиотек Республики Беларусь выступили с докладами "
                    "в режиме онлайн.") == [("библиотеки области", 8, None),
                                            ("библиотеки Республики Беларусь", 3, "online")]
    assert _cohorts("В работе конференции участвовали сотрудники 4 архивов области; "
                    "исследователи из Томска и Омска выступили с докладами дистанционно.")[1:] == [
        ("Томск", None, "online"), ("Омск", None, "online")]


def test_a_total_present_at_a_sitting() -> None:
    res = parsed("ВЫПИСКА ИЗ ПРОТОКОЛА № 3\nзаседания Правления\n\nг. Тверь      16.10.2018\n\n"
                 "Присутствовали: 9 членов Правления. Приглашённые: руководители 12 библиотек "
                 "области. Всего на заседании присутствовало 21 человек.\n\nПОСТАНОВИЛИ:\n\n"
                 "1. Одобрить план.\n")
    assert res.event.participants is not None and res.event.participants.value == 21


def test_groups_that_kept_joining_online() -> None:
    assert _cohorts("Всего в работе школы приняли участие 60 человек. Очно обучение прошли 30 "
                    "специалистов из 12 районов области; специалисты библиотек 7 районов "
                    "области подключались к занятиям в режиме онлайн.")[-1] == (
        "районы области", 7, "online")


def test_a_bare_heading_under_a_news_lead_takes_the_leads_event() -> None:
    res = parsed("<html><body><h2>Музей и школа: общие задачи</h2><p>12.05.2019 | Просмотров: "
                 "12</p><p>10 мая 2019 г. в городском музее г. Лиды состоялся круглый стол "
                 "«Музей и школа: общие задачи». За круглым столом собрались 30 специалистов "
                 "из 5 районов области.</p><p>Публикуем рекомендации, принятые участниками.</p>"
                 "<h3>РЕКОМЕНДАЦИИ</h3><p>Музеям района:</p><ul><li>проводить уроки в "
                 "музеях.</li></ul></body></html>", "text/html")
    assert res.event.kind.value == "круглый стол"
    assert res.event.title is not None and res.event.title.value == "Музей и школа: общие задачи"
    assert res.event.participants is not None and res.event.participants.value == 30


def test_organisers_end_where_the_occasion_begins() -> None:
    for occasion in ("в преддверии Общероссийского дня библиотек", "к 40-летию основания города",
                     "и из-за эпидемии прошла онлайн"):
        res = parsed(_preamble(f"Конференция организована управлением культуры города и "
                               f"Городским музеем {occasion}."))
        assert [o.name.value for o in res.event.organisers] == [
            "управление культуры города", "Городской музей"], occasion


def test_a_dateline_with_a_region_a_date_and_a_number() -> None:
    res = parsed("Р Е Ш Е Н И Е\nвыездного заседания Совета Союза малых городов\n\n"
                 "г. Тутаев Ярославской области                 22.06.2018 № 3\n\n"
                 "Совет РЕШИЛ:\n\n1. Одобрить план.\n")
    assert res.event.place is not None and res.event.place.value == "Тутаев"
    assert res.adopted is not None and res.adopted.value == dt.date(2018, 6, 22)


def test_the_event_itself_considered_the_topics() -> None:
    assert len(_topics("Конференция рассмотрела вопросы комплектования архивов; сохранности "
                       "документов; использования архивных фондов.")) == 3


def test_a_numeric_period_from_to() -> None:
    res = parsed("РЕЗОЛЮЦИЯ семинара\n\nг. Миасс\nс 11.04.2023 по 13.04.2023\n\n"
                 "Участники семинара рекомендуют:\n\n1. Сохранить фонды.\n")
    assert res.event.start is not None and res.event.start.value == dt.date(2023, 4, 11)
    assert res.event.end is not None and res.event.end.value == dt.date(2023, 4, 13)


def test_a_decrees_date_is_not_the_events() -> None:
    res = parsed("ИТОГОВЫЙ ДОКУМЕНТ\nпубличных слушаний\n\n«14» декабря 2016 г.\n\nг. Серпухов\n\n"
                 "Слушания проведены в соответствии с постановлением Главы города от 21.11.2016 "
                 "№ 2318 в актовом зале.\n\nУчастники рекомендуют:\n\n1. Сохранить фонды.\n")
    assert res.event.start is not None and res.event.start.value == dt.date(2016, 12, 14)


def test_the_following_questions_are_no_other_event() -> None:
    res = parsed(_preamble("Более 120 участников конференции — библиотекари 15 районов "
                           "области — обсудили следующие вопросы:\n\n- развитие чтения;\n"
                           "- краеведение."))
    assert res.event.participants is not None and res.event.participants.value == 120


def test_an_appeals_addressee_ends_before_and_we_ask() -> None:
    res = parsed("ОБРАЩЕНИЕ\nучастников фестиваля\n\nг. Анапа, 5 июня 2021 г.\n\nМы обращаемся "
                 "к органам местного самоуправления Краснодарского края и просим:\n\n"
                 "– сохранить фестиваль;\n– поддержать библиотеки.\n")
    assert {r.addressee.label for r in res.recommendations if r.addressee} == {
        "органы местного самоуправления Краснодарского края"}


def test_how_many_of_the_total_took_part_online_is_no_group() -> None:
    for sentence in ("В семинаре приняли участие 47 библиотекарей из 24 муниципальных "
                     "образований области, 15 из них – дистанционно.",
                     "Всего в работе школы участвовали 57 человек, из них 15 подключались к "
                     "занятиям в режиме онлайн."):
        labels = [label for label, _, _ in _cohorts(sentence)]
        assert not any(label.isdigit() or "из" in label.split() or label.startswith("изы")
                       for label in labels), labels


def test_hyphenated_region_adjectives_share_their_head() -> None:
    assert [label for label, _, _ in _cohorts(
        "Участниками семинара стали 45 библиотекарей из Таласской, Иссык-Кульской и "
        "Джалал-Абадской областей.")] == [
        "Таласская область", "Иссык-Кульская область", "Джалал-Абадская область"]


def test_a_count_of_towns_in_two_regions_is_one_group() -> None:
    assert _cohorts("В совещании приняли участие 60 человек: руководители библиотек 17 "
                    "городов Сибири и Дальнего Востока.") == [
        ("города Сибири и Дальнего Востока", 17, None)]


def test_a_quorum_in_brackets_is_no_group() -> None:
    assert not any(label.startswith("(") for label, _, _ in _cohorts(
        "В заседании приняли участие 11 членов Правления из 13 (кворум имеется) и "
        "руководители 14 библиотек области."))


def test_a_proposal_to_a_body_appealed_to_or_offered_impersonally() -> None:
    appeal = parsed(_preamble("В конференции приняли участие 40 человек.") + "\nУчастники "
                    "конференции обращаются в министерство культуры Тверской области с "
                    "предложением провести следующую конференцию в 2017 году.\n")
    offered = parsed(_preamble("В конференции приняли участие 40 человек.") + "\nМинистерству "
                     "культуры Тверской области предлагается провести очередное совещание в "
                     "2016 году.\n")
    for res in (appeal, offered):
        assert [(p.addressee.label.lower() if p.addressee else None) for p in res.proposals] == [
            "министерство культуры тверской области"]  # (its capital is casing's matter)
