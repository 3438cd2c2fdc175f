"""Rules read in session 16 (blind batches bo and bp and what was left from session 15), each
with a case written for it here, not copied from the labelled documents."""

from __future__ import annotations

import textwrap

import pytest
from test_loader_genre import HEADER, RECOMMENDS, doc, parsed, proposed


def test_addressee_rows_spanning_an_html_table_of_decisions_address_the_rows_below() -> None:
    res = parsed("<html><body><h1>Решение совета директоров музеев</h1>"
                 "<p>г. Ачинск, 3 марта 2015 г.</p><p>Совет РЕШИЛ:</p><table>"
                 "<tr><th>№</th><th>Решение</th><th>Срок</th></tr>"
                 "<tr><td colspan='3'><b>Ачинскому краеведческому музею</b></td></tr>"
                 "<tr><td>1</td><td>Подготовить выставку к юбилею города.</td><td>май</td></tr>"
                 "<tr><td colspan='3'><b>Рекомендовать администрации города Ачинска</b></td></tr>"
                 "<tr><td>2</td><td>Выделить средства на ремонт фондохранилища.</td>"
                 "<td>2016 г.</td></tr>"
                 "<tr><td>3</td><td>Рассмотреть вопрос о новом здании.</td><td>2017 г.</td></tr>"
                 "</table></body></html>", "text/html")
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "Ачинский краеведческий музей", "администрация города Ачинска",
        "администрация города Ачинска"]


def test_a_heading_line_between_rows_of_a_markdown_table_addresses_the_rows_below() -> None:
    res = parsed(doc(HEADER, (
        "Участники конференции рекомендуют:\n\n| № | Содержание | Срок |\n|---|---|---|\n\n"
        "**Муниципальным библиотекам**\n\n| 1 | Провести акцию «Читаем вместе». | "
        "июнь |\n| 2 | Обновить фонды краеведения. | 2016 г. |\n")), "text/markdown")
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "муниципальные библиотеки", "муниципальные библиотеки"]


def test_organisers_in_a_definition_list_parted_by_semicolons() -> None:
    res = parsed("<html><body><h1>Резолюция семинара «Музей и школа»</h1><dl>"
                 "<dt>Место проведения:</dt><dd>г. Экибастуз</dd>"
                 "<dt>Дата:</dt><dd>12 мая 2018 года</dd>"
                 "<dt>Организаторы:</dt><dd>Отдел культуры города Экибастуза; Экибастузский "
                 "историко-краеведческий музей</dd></dl>"
                 "<p>Участники семинара рекомендуют:</p><ol><li>Сохранить фонды.</li></ol>"
                 "</body></html>", "text/html")
    assert [o.name.value for o in res.event.organisers] == [
        "Отдел культуры города Экибастуза", "Экибастузский историко-краеведческий музей"]


def test_a_quoted_title_that_opens_with_a_place_and_a_dash() -> None:
    res = parsed("ИТОГОВЫЙ ДОКУМЕНТ\nV Вельских краеведческих чтений\n«Вельск — город на Ваге: "
                 "люди и судьбы»\n\nВельск, 14 марта 2019 г.\n\n" + RECOMMENDS)
    assert res.event.title is not None
    assert res.event.title.value == "Вельск — город на Ваге: люди и судьбы"


def test_a_table_of_recommendations_under_a_caption_without_colon_is_the_operative_part() -> None:
    res = parsed("<html><body><h1>Итоговый документ публичных слушаний</h1>"
                 "<p>г. Лысьва, 3 марта 2020 г.</p><h2>Рекомендации участников слушаний</h2>"
                 "<table><tr><th>№</th><th>Содержание рекомендации</th><th>Адресат</th></tr>"
                 "<tr><td>1</td><td>Открыть модельную библиотеку в посёлке.</td>"
                 "<td rowspan='2'>Администрация Лысьвенского городского округа</td></tr>"
                 "<tr><td>2</td><td>Предусмотреть средства на комплектование фондов.</td></tr>"
                 "</table><p>Участники слушаний предложили провести повторные слушания в 2022 "
                 "году.</p></body></html>", "text/html")
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "администрация Лысьвенского городского округа"] * 2
    assert proposed(res) == [(None, 2022)]


def test_a_table_of_the_proposals_a_hearing_received_is_no_operative_part() -> None:
    res = parsed(doc(HEADER, "| № | Содержание предложения | Кем внесено |\n|---|---|---|\n"
                     "| 1 | Сохранить названия улиц | Общество краеведов |\n\n" + RECOMMENDS),
                 "text/markdown")
    assert [r.text.value for r in res.recommendations] == ["Сохранить фонды."]


@pytest.mark.parametrize("sentence", [
    "Участники семинара поддержали предложение администрации Тотемского района о проведении "
    "следующего семинара в 2017 году.",
    "Участники семинара поддерживают предложение о проведении V семинара в 2017 году в "
    "г. Тотьме.",
])
def test_backing_a_proposal_to_hold_the_next_event(sentence: str) -> None:
    assert proposed(parsed(doc(HEADER, RECOMMENDS + "\n" + sentence + "\n"))) == [(None, 2017)]


def test_the_next_meeting_planned_after_the_adoption_line() -> None:
    res = parsed(doc(HEADER, RECOMMENDS + "\nРешение принято единогласно 18 мая 2016 г.\n\n"
                     "Очередное заседание совета провести в ноябре 2016 года в г. Шадринске.\n"))
    assert proposed(res) == [(None, 2016)]


def test_a_pages_date_beside_its_view_counter_is_no_field_of_the_event() -> None:
    res = parsed("Дата: 22.11.2018   Просмотров: 412   Распечатать\n\nРЕЗОЛЮЦИЯ\nконференции "
                 "«Книжное наследие Тувы»\n\n16-17.11.2018 г. Кызыл\n\n" + RECOMMENDS)
    assert res.event.start is not None and str(res.event.start.value) == "2018-11-16"
    assert res.event.end is not None and str(res.event.end.value) == "2018-11-17"


def test_paragraphs_each_with_its_own_addressee_before_a_dash_and_one_without() -> None:
    res = parsed(doc(HEADER, "Администрации города Тобольска – рассмотреть вопрос о здании "
                     "музея.\n\nМузеям и библиотекам юга области – шире использовать материалы "
                     "о декабристах.\n\nПродолжить издание сборника материалов чтений.\n"))
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "администрация города Тобольска", "музеи и библиотеки юга области", None]


def test_a_bracketed_place_and_date_under_a_title_as_long_as_the_wrapped_lines() -> None:

    body = textwrap.fill(
        "Участники чтений отмечают, что интерес к истории края растёт год от года, появились "
        "новые исследования, основанные на архивных документах, активно работают школьные "
        "краеведческие кружки и музейные объединения, выходят сборники статей и воспоминаний, "
        "а краеведы района всё чаще выступают на страницах местной печати и в сети Интернет, "
        "рассказывая о своих находках и открытиях, о судьбах земляков и об истории сёл. " * 2, 70)
    res = parsed("Резолюция V Муравьёвских чтений\nДекабристы в Сибири: история, память, "
                 "музейная практика\n"
                 "(г. Ялуторовск, 14–15 декабря 2016 г.)\n\n" + body + "\n\n" + RECOMMENDS)
    assert res.event.title is not None
    assert res.event.title.value == "Декабристы в Сибири: история, память, музейная практика"
    assert res.event.start is not None and str(res.event.start.value) == "2016-12-14"


def test_a_markdown_table_of_recommendations_without_an_intro() -> None:
    res = parsed(doc(HEADER, "**Рекомендации участников**\n\n| № | Рекомендация | Адресат |\n"
                     "|---|---|---|\n| 1 | Открыть модельную библиотеку. | Администрация "
                     "района |\n| 2 | Обновить фонды. | Кунгурская центральная библиотека "
                     "|\n"), "text/markdown")
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "администрация района", "Кунгурская центральная библиотека"]


def test_towns_listed_after_a_counted_group_of_districts() -> None:
    res = parsed(doc(HEADER, "В семинаре приняли участие 46 библиотекарей из 8 районов области, "
                     "городов Экибастуза и Аксу.\n\n" + RECOMMENDS))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("районы области", 8), ("Экибастуз", None), ("Аксу", None)]


def test_organisers_in_a_table_row_end_with_their_row() -> None:
    res = parsed("| | |\n|---|---|\n| **Место** | г. Мышкин |\n| **Даты** | 23 августа 2019 г. |\n"
                 "| **Организаторы** | администрация города; Мышкинский народный музей |\n"
                 "| **Партнёр** | Ассоциация малых туристских городов |\n\n## РЕЗОЛЮЦИЯ\n\n"
                 "### фестиваля музеев малых городов\n\n" + RECOMMENDS, "text/markdown")
    assert [o.name.value for o in res.event.organisers] == [
        "администрация города", "Мышкинский народный музей"]


def test_a_unions_regional_organisation_and_a_university_are_two_groups() -> None:
    res = parsed(doc(HEADER, "В заседании приняли участие представители Тверской областной "
                     "организации Общероссийского профсоюза работников культуры и Тверского "
                     "государственного университета.\n\n" + RECOMMENDS))
    assert [c.label.value for c in res.event.cohorts] == [
        "Тверская областная организация Общероссийского профсоюза работников культуры",
        "Тверской государственный университет"]


def test_delegates_of_a_count_ending_in_one_in_the_genitive() -> None:
    res = parsed(doc(HEADER, "В собрании приняли участие 64 человека: делегаты 21 коллективного "
                     "члена Ассоциации, а также гости из Самарской области.\n\n" + RECOMMENDS))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("коллективные члены Ассоциации", 21), ("Самарская область", None)]


def test_the_zone_of_a_region_on_the_line_after_the_heading_is_no_title() -> None:
    res = parsed("РЕШЕНИЕ\nсовещания руководителей архивных служб\nЗападной зоны Алтайского "
                 "края\n\n«19» мая 2023 г.      г. Бийск\n\n" + RECOMMENDS)
    assert res.event.title is None


def test_an_organising_committee_heading_is_cited_in_lower_case() -> None:
    res = parsed(doc(HEADER, "Участники конференции рекомендуют:\n\n**Организационному комитету "
                     "конференции:**\n\n1. Издать сборник материалов.\n"), "text/markdown")
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "организационный комитет конференции"]


def test_topics_in_an_html_table_whose_header_row_has_no_th() -> None:
    res = parsed("<html><body><h1>Резолюция форума сельских библиотек</h1><p>ст. Вёшенская, 24 "
                 "мая 2018 года</p><p>Работа форума шла на дискуссионных площадках:</p><table>"
                 "<tr><td>№</td><td>Дискуссионная площадка</td><td>Место</td></tr>"
                 "<tr><td>1</td><td>Сельская библиотека и местное сообщество</td><td>ЦБ</td></tr>"
                 "<tr><td>2</td><td>Детское чтение на селе</td><td>ДБ</td></tr></table>"
                 "<p>Участники форума рекомендуют:</p><ol><li>Сохранить фонды.</li></ol>"
                 "</body></html>", "text/html")
    assert [t.value for t in res.event.topics] == [
        "Сельская библиотека и местное сообщество", "Детское чтение на селе"]


def test_the_town_of_the_venue_in_the_genitive_in_the_sentence_of_the_event() -> None:
    res = parsed("РЕКОМЕНДАЦИИ\nПУБЛИЧНЫХ СЛУШАНИЙ\n«БИБЛИОТЕКИ ГОРОДА»\n\n17 апреля 2018 года в "
                 "большом зале Городского Дома культуры г. Ачинска состоялись публичные "
                 "слушания.\n\n" + RECOMMENDS)
    assert res.event.place is not None and res.event.place.value == "Ачинск"


def test_html_entities_in_a_markdown_dateline() -> None:
    res = parsed("# РЕШЕНИЕ\n\n### заседания совета директоров музеев\n\n`24.10.2019` &nbsp;"
                 "&nbsp; № 3 &nbsp;&nbsp; г. Углич\n\n" + RECOMMENDS, "text/markdown")
    assert res.event.place is not None and res.event.place.value == "Углич"
    assert res.event.start is not None and str(res.event.start.value) == "2019-10-24"


def test_the_place_in_a_cell_of_its_own_in_a_bilingual_header_table() -> None:
    res = parsed("<html><body><table><tr><td>Өскемен қаласы</td><td>г. Усть-Каменогорск</td>"
                 "</tr><tr><td>ҰСЫНЫМДАР</td><td>РЕКОМЕНДАЦИИ</td></tr></table>"
                 "<p>РЕКОМЕНДАЦИИ</p><p>круглого стола «Библиотека и многоязычие»</p>"
                 "<p>18 апреля 2019 г.</p><p>Участники рекомендуют:</p><ol><li>Сохранить фонды."
                 "</li></ol></body></html>", "text/html")
    assert res.event.place is not None and res.event.place.value == "Усть-Каменогорск"


def test_a_dateline_on_the_last_day_of_a_period_a_participle_says_the_event_took() -> None:
    res = parsed("ОБРАЩЕНИЕ\nучастников конференции «Сельская библиотека»\n\nБийск, 9 июня 2015 "
                 "года\n\nМы, участники конференции, проходившей 8–9 июня 2015 года в г. Бийске, "
                 "обращаемся к вам.\n\n" + RECOMMENDS)
    assert res.event.start is not None and str(res.event.start.value) == "2015-06-08"
    assert res.event.end is not None and str(res.event.end.value) == "2015-06-09"


def test_a_legal_form_and_a_quoted_name_over_a_list_is_an_addressee_heading() -> None:
    res = parsed(doc(HEADER, "Участники рекомендуют\n\nАдминистрации города Канска\n\n1) "
                     "отремонтировать библиотеки.\n\nМБУК «Централизованная библиотечная "
                     "система г. Канска»\n\n1) провести опрос жителей;\n2) расширить перечень "
                     "услуг.\n"))
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "администрация города Канска"] + [
        "МБУК «Централизованная библиотечная система г. Канска»"] * 2


def test_numbered_heading_rows_of_a_table_of_decisions_and_a_row_back_at_their_level() -> None:
    table = ("| № | Содержание решения | Срок |\n|---|---|---|\n"
             "| **1** | **Руководителям муниципальных архивов:** | |\n"
             "| 1.1 | Обновить списки источников комплектования | до 01.03.2020 |\n"
             "| **2** | **Архивному отделу администрации:** | |\n"
             "| 2.1 | Подготовить методические рекомендации | 2020 г. |\n"
             "| **3** | Провести очередное заседание Совета в апреле 2020 года | апрель |\n")
    res = parsed(doc(HEADER, "Совет решил:\n\n" + table), "text/markdown")
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "руководители муниципальных архивов", "архивный отдел администрации", None]


def test_an_appeals_first_person_names_who_took_part_between_dashes() -> None:
    res = parsed("ОБРАЩЕНИЕ\nучастников форума «Село: культура рядом»\n\nг. Кунгур, 5 июня 2021 "
                 "г.\n\nМы, участники форума «Село: культура рядом», – более 200 специалистов "
                 "сельских библиотек из 46 муниципальных образований Пермского края, а также "
                 "коллеги из Кировской области, – обращаемся к Вам с просьбой поддержать "
                 "сельские библиотеки.\n\n" + RECOMMENDS)
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("муниципальные образования Пермского края", 46), ("Кировская область", None)]


def test_a_table_of_the_events_figures_is_no_table_of_participants() -> None:
    res = parsed("<html><body><h1>Резолюция фестиваля музеев «Музейная провинция»</h1><p>г. "
                 "Елабуга, 3 июня 2022 г.</p><table><caption>Фестиваль в цифрах</caption>"
                 "<tr><th>Участников</th><td>более 200</td></tr><tr><th>Музеев</th><td>38</td>"
                 "</tr><tr><th>Мероприятий программы</th><td>27</td></tr></table>"
                 "<p>Участники фестиваля рекомендуют:</p><ol><li>Сохранить фонды.</li></ol>"
                 "</body></html>", "text/html")
    assert [c.label.value for c in res.event.cohorts] == []


@pytest.mark.parametrize(("sentence", "groups"), [
    ("В семинаре приняли участие 50 специалистов из Беларуси (38), России (5), Казахстана "
     "(2, онлайн) и Узбекистана (1).",
     [("Беларусь", 38, None), ("Россия", 5, None), ("Казахстан", 2, "online"),
      ("Узбекистан", 1, None)]),
    ("В семинаре приняли участие 90 специалистов из 40 организаций — библиотек и музеев: "
     "Республики Беларусь (36), Российской Федерации (3) и Республики Казахстан (1, в режиме "
     "онлайн).",
     [("организации Республики Беларусь", 36, None), ("организации Российской Федерации", 3,
                                                      None),
      ("организации Республики Казахстан", 1, "online")]),
])
def test_places_with_their_counts_and_modes_in_brackets(
        sentence: str, groups: list[tuple[str, int, str | None]]) -> None:
    res = parsed(doc(HEADER, sentence + "\n\n" + RECOMMENDS))
    assert [(c.label.value, c.count, c.mode) for c in res.event.cohorts] == groups


def test_the_event_its_title_place_and_organisers_above_a_bare_heading() -> None:
    res = parsed("Всероссийский научно-практический семинар\n«Литературный музей сегодня»\n\n"
                 "пос. Пушкинские Горы, 9–11 апреля 2014 года\n\nОрганизаторы: Союз музеев "
                 "России.\n\nРЕЗОЛЮЦИЯ\n\nСеминар проведён при поддержке министерства. В его "
                 "работе приняли участие 62 сотрудника музеев.\n\n" + RECOMMENDS)
    assert res.event.title is not None and res.event.title.value == "Литературный музей сегодня"
    assert [o.name.value for o in res.event.organisers] == ["Союз музеев России"]
    assert res.event.participants is not None and res.event.participants.value == 62


def test_listed_groups_with_a_count_and_a_mode_in_brackets() -> None:
    res = parsed(doc(HEADER, "В работе семинара приняли участие:\n\n- библиотеки Тамбовской "
                     "области (12);\n- муниципальные библиотеки Воронежской и Пензенской областей "
                     "(7, дистанционно);\n- Елец (3, онлайн).\n\n" + RECOMMENDS))
    assert [(c.label.value, c.count, c.mode) for c in res.event.cohorts] == [
        ("библиотеки Тамбовской области", 12, None),
        ("муниципальные библиотеки Воронежской и Пензенской областей", 7, "online"),
        ("Елец", 3, "online")]


def test_a_body_told_to_hold_an_event_of_its_own_after_the_list_is_an_item() -> None:
    res = parsed(doc(HEADER, RECOMMENDS + "\nНациональному архиву Республики Карелия провести в "
                     "2024 году обучающий семинар для сотрудников музеев.\n\nУчастники предложили "
                     "музею провести следующее совещание в 2025 году.\n"))
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        None, "Национальный архив Республики Карелия"]
    assert [year for _, year in proposed(res)] == [2025]


def test_members_of_the_sitting_board_counted_with_a_dash_are_no_group() -> None:
    res = parsed(doc(HEADER, "Присутствовали:\n\n- члены Правления — 9 человек (из 11);\n- "
                     "представители Белгородской государственной детской библиотеки.\n\n"
                     "СЛУШАЛИ: информацию о мониторинге. В мониторинге участвовали библиотеки "
                     "всех районов области.\n\n" + RECOMMENDS))
    assert [c.label.value for c in res.event.cohorts] == [
        "Белгородская государственная детская библиотека"]


def test_topics_as_the_sessions_the_work_was_held_in() -> None:
    res = parsed(doc(HEADER, "Работа форума велась в трёх стратегических сессиях:\n\n«Наследие "
                     "как ресурс»;\n«Событийный туризм в малом городе»;\n«Кадры для культуры».\n\n"
                     + RECOMMENDS))
    assert len(res.event.topics) == 3


def test_a_count_after_every_is_the_groups_count_not_part_of_its_name() -> None:
    res = parsed(doc(HEADER, "В работе съезда приняли участие более 250 специалистов из всех 20 "
                     "муниципальных образований республики, а также коллеги из Финляндии.\n\n"
                     + RECOMMENDS))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("муниципальные образования республики", 20), ("Финляндия", None)]


def test_a_numbered_section_heading_after_the_items_is_no_item() -> None:
    res = parsed(doc(HEADER, "### 3. Рекомендации\n\n**Администрации города**\n\n1. Сохранить "
                     "сеть библиотек.\n2. Отремонтировать здания.\n\n### 4. Заключение\n\n"
                     "Слушания признаны состоявшимися. Итоговый документ одобрен участниками 12 "
                     "ноября 2019 г.\n"), "text/markdown")
    assert len(res.recommendations) == 2
