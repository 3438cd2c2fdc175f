"""Forms read from blind batches bc to bh (docs/loader.md, «Read in session 14»): each case is a
sentence or a short document of the genre, written here, read through the whole loader."""

from __future__ import annotations

import pytest
from test_loader_genre import HEADER, doc, parsed


@pytest.mark.parametrize(("sentence", "groups"), [
    # adjectives in the nominative that share one plural head: each is a place of its own
    ("На семинаре были представлены Кадуйский, Бабаевский и Чагодощенский районы.",
     [("Кадуйский район", None), ("Бабаевский район", None), ("Чагодощенский район", None)]),
    ("На форуме были представлены 14 районов края, а также Омская, Томская и Новосибирская "
     "области.",
     [("районы края", 14), ("Омская область", None), ("Томская область", None),
      ("Новосибирская область", None)]),
    # the towns the total's people came from, then a counted group, in one «из» list
    ("В чтениях приняли участие около 80 человек из Мелеуза, Кумертау, Ишимбая и 4 "
     "муниципальных районов Республики Башкортостан.",
     [("Мелеуз", None), ("Кумертау", None), ("Ишимбай", None),
      ("муниципальные районы Республики Башкортостан", 4)]),
    # a town after a counted group («и г. …») is a group of its own
    ("В семинаре приняли участие 70 специалистов публичных библиотек из пяти областей "
     "Республики Беларусь и г. Минска.",
     [("области Республики Беларусь", 5), ("Минск", None)]),
    # as whom the total's people came is no group (their trade is: «архивисты» 37)
    ("В работе съезда приняли участие 120 человек: 95 делегатов и 25 гостей. Делегаты "
     "представляли 8 районов области.", [("районы области", 8)]),
    # a count in the instrumental, as the people before it govern it
    ("В совещании приняли участие 30 человек: директора учреждений культуры города и "
     "заведующие 5 библиотеками-филиалами.", [("библиотеки-филиалы", 5)]),
    # the people before the bodies a count belongs to may be several, a deputy among them
    ("В совещании приняли участие заместители директоров и методисты централизованных "
     "библиотечных систем 12 районов Псковской области.",
     [("централизованные библиотечные системы районов Псковской области", 12)]),
])
def test_participating_groups(sentence: str, groups: list[tuple[str, int | None]]) -> None:
    res = parsed(doc(HEADER + sentence))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == groups


def test_a_general_meetings_ruling_dated_by_its_minutes_and_a_quorum() -> None:
    res = parsed(
        "УТВЕРЖДЕНО\nобщим собранием членов Ассоциации\n(протокол № 3 от 12.03.2021)\n\n"
        "ПОСТАНОВЛЕНИЕ\nобщего собрания членов Библиотечной ассоциации Удмуртской "
        "Республики\n\nИжевск, 12 марта 2021 г.\n\n"
        "Присутствовали 35 из 47 членов Ассоциации.\n\nОБЩЕЕ СОБРАНИЕ ПОСТАНОВЛЯЕТ:\n\n"
        "1. Утвердить отчёт правления Ассоциации о работе в 2020 году.\n"
        "2. Правлению Ассоциации провести республиканский конкурс в 2021 году.\n")
    assert res.document_type.value == "постановление"
    assert res.adopted is not None and str(res.adopted.value) == "2021-03-12"
    assert res.event.participants is not None and res.event.participants.value == 35
    assert len(res.recommendations) == 2


def test_addressee_headings_as_rows_of_a_table_of_decisions() -> None:
    res = parsed(doc(HEADER.replace("Резолюция", "Решение"),
                     "Совет РЕШИЛ:\n\n| № | Содержание решения | Срок |\n|---|---|---|\n"
                     "| | **Муниципальным архивам области:** | |\n"
                     "| 1 | Продолжить оцифровку описей дел | 2022 г. |\n"
                     "| 2 | Обеспечить приём электронных документов | постоянно |\n"
                     "| | **Рекомендовать руководителям районных библиотек:** | |\n"
                     "| 3 | Организовать обучение сотрудников | 2022 г. |\n"), "text/markdown")
    assert [(r.addressee.label if r.addressee else None, r.label)
            for r in res.recommendations] == [
        ("муниципальные архивы области", "1"), ("муниципальные архивы области", "2"),
        ("руководители районных библиотек", "3")]


def test_a_stamps_date_above_the_heading_is_the_adoptions_not_the_events() -> None:
    # lines with no blank line between them, as a typed page often has
    res = parsed(doc(
        "                                          УТВЕРЖДЕНЫ\n"
        "                                          на итоговом занятии\n"
        "                                          17 мая 2017 г.\n"
        "                              РЕКОМЕНДАЦИИ\n"
        "      участников областной школы молодых специалистов музеев\n"
        "Тобольск, Тобольский историко-архитектурный музей-заповедник\n"
        "15–17 мая 2017 г.\n"
        "Школа молодых специалистов музеев проведена департаментом культуры\n"
        "Курганской области и Тобольским историко-архитектурным музеем-заповедником\n"
        "при методической поддержке Курганского музейно-просветительского\n"
        "Слушатели Школы — 30 молодых специалистов со стажем работы в музее не\n"
        "более трёх лет — представляли 12 музеев: восемь музеев Курганской\n"
        "области, три музея Ханты-Мансийского автономного округа – Югры и один\n"))
    assert (str(res.event.start.value), str(res.event.end.value)) == ("2017-05-15", "2017-05-17")
    assert res.adopted is not None and str(res.adopted.value) == "2017-05-17"


def test_a_count_whose_colon_lists_its_parts_is_no_group_of_its_own() -> None:
    res = parsed(doc(HEADER + "Слушатели представляли 9 музеев: шесть музеев Омской области и "
                     "три музея Тюменской области."))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("музеи Омской области", 6), ("музеи Тюменской области", 3)]


def test_who_the_people_were_after_a_list_of_countries_is_no_group() -> None:
    res = parsed(doc(HEADER + "В работе конференции приняли участие более 150 специалистов из 5 "
                     "стран: Армении, Грузии, Казахстана, Молдовы и России, — сотрудники "
                     "национальных и университетских библиотек, архивов и музеев."))
    assert [c.label.value for c in res.event.cohorts] == [
        "Армения", "Грузия", "Казахстан", "Молдова", "Россия"]


def test_an_addressee_cell_spanning_the_rows_below_addresses_them() -> None:
    res = parsed("<html><body><h1>Рекомендации конференции</h1><p>Омск, 3 марта 2016 г.</p>"
                 "<p>Участники конференции рекомендуют:</p><table>"
                 "<tr><th>№</th><th>Содержание рекомендации</th><th>Кому адресовано</th></tr>"
                 "<tr><td>1</td><td>Предусмотреть финансирование оцифровки</td>"
                 "<td rowspan='2'>Министерству культуры Омской области</td></tr>"
                 "<tr><td>2</td><td>Поддержать конкурс краеведческих проектов</td></tr>"
                 "<tr><td>3</td><td>Вести учёт краеведческих документов</td>"
                 "<td>Библиотекам области</td></tr></table></body></html>", "text/html")
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "Министерство культуры Омской области", "Министерство культуры Омской области",
        "библиотеки области"]


def test_a_list_of_counted_groups_under_a_count_of_regions() -> None:
    res = parsed(doc(HEADER + "В фестивале приняли участие 60 человек из трёх регионов "
                     "России:\n\n- музеи Ярославской области — 9;\n- музеи Тверской области — "
                     "4;\n- музеи Костромской области — 2."), "text/markdown")
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("музеи Ярославской области", 9), ("музеи Тверской области", 4),
        ("музеи Костромской области", 2)]


def test_an_appeals_salutation_is_no_title() -> None:
    res = parsed("ОБРАЩЕНИЕ\nучастников съезда библиотекарей Республики Марий Эл\n"
                 "к Главе Республики Марий Эл\n\n\nУважаемый Глава Республики Марий Эл!\n\n"
                 "12 мая 2019 года в Йошкар-Оле состоялся III съезд библиотекарей республики "
                 "«Библиотека — пространство доверия».\n\nПросим Вас:\n\n– поддержать "
                 "модернизацию сельских библиотек.\n")
    assert res.event.title is not None
    assert res.event.title.value == "Библиотека — пространство доверия"


@pytest.mark.parametrize(("header", "title"), [
    ("РЕШЕНИЕ\nСовета директоров центральных библиотек муниципальных образований\nКурской "
     "области по теме «Сельская библиотека: опыт и перспективы»\n\nКурск, 15 октября 2020 г.",
     "Сельская библиотека: опыт и перспективы"),
    ("## РЕШЕНИЕ ПРАВЛЕНИЯ\n\nг. Бийск · 21.04.2023\n\n(расширенное заседание; тема: "
     "«Наставничество в библиотеках»)", "Наставничество в библиотеках"),
    ("Резолюция Съезда краеведов Омской области\n\nДевиз съезда\n\n«Краеведение — память "
     "территории»\n\nСроки проведения\n\n24–26 октября 2018 года\n\nМесто проведения\n\n"
     "г. Тара", "Краеведение — память территории"),
    ("Решение заседания Правления Союза краеведов\n\nДата:\n\n10 июня 2021 г.\n\nМесто:\n\n"
     "г. Галич\n\nТема заседания:\n\n«Краеведение малых городов»",
     "Краеведение малых городов"),
])
def test_a_title_given_as_a_theme_or_a_motto(header: str, title: str) -> None:
    res = parsed(doc(header, "Правление решило:\n\n1. Провести конкурс.\n"), "text/markdown")
    assert res.event.title is not None and res.event.title.value == title


@pytest.mark.parametrize(("kind", "closing"), [
    ("круглого стола", "Участники круглого стола предлагают проводить подобные встречи "
     "ежегодно и просят Чердынский краеведческий музей организовать следующий круглый стол в "
     "мае 2019 года."),
])
def test_a_practice_then_the_next_event_is_one_proposal(kind: str, closing: str) -> None:
    res = parsed(doc(HEADER.replace("конференции", kind),
                     "Участники рекомендуют:\n\n1. Сохранить фонды.\n\n" + closing + "\n"))
    assert [(p.addressee.label if p.addressee else None,
             p.planned_event.year.value if p.planned_event and p.planned_event.year else None)
            for p in res.proposals] == [("Чердынский краеведческий музей", 2019)]


def test_where_a_body_is_and_how_it_took_part_are_no_part_of_its_name() -> None:
    res = parsed(doc(HEADER + "В конференции приняли участие:\n\n- Национальная библиотека "
                     "Беларуси;\n- Музей истории города Алматы (Алматы) — в онлайн-формате."),
                 "text/markdown")
    assert [(c.label.value, c.mode) for c in res.event.cohorts] == [
        ("Национальная библиотека Беларуси", None), ("Музей истории города Алматы", "online")]


def test_where_a_subject_came_from_ends_at_its_verb_of_taking_part() -> None:
    res = parsed(doc(HEADER + "На конференцию приехали гости из Твери и Пскова. Коллеги из "
                     "Республики Казахстан участвовали в конференции в дистанционном формате."))
    assert [(c.label.value, c.mode) for c in res.event.cohorts] == [
        ("Тверь", None), ("Псков", None), ("Республика Казахстан", "online")]


def test_a_mode_that_leads_a_run_of_groups_is_said_of_each() -> None:
    res = parsed(doc(HEADER + "В работе семинара приняли участие представители Курганского "
                     "областного архива, Шадринского музея; в режиме онлайн — Государственного "
                     "архива Тюменской области, Государственного архива Омской области и "
                     "Государственного архива Челябинской области."))
    assert [c.mode for c in res.event.cohorts] == [None, None, "online", "online", "online"]


def test_a_title_with_full_stops_and_an_organiser_before_the_year_it_honours() -> None:
    res = parsed(doc("РЕЗОЛЮЦИЯ\nмежрегионального форума сельских библиотек\n\n"
                     "с. Константиново, 14 мая 2015 г.\n\nФорум сельских библиотек «Село. "
                     "Книга. Человек» проведён Рязанской областной научной библиотекой и "
                     "Государственным музеем-заповедником С. А. Есенина в год 120-летия со дня "
                     "рождения поэта."))
    assert res.event.title is not None and res.event.title.value == "Село. Книга. Человек"
    assert [o.name.value for o in res.event.organisers][-1] == (
        "Государственный музей-заповедник С. А. Есенина")


def test_organisers_and_the_total_in_a_form_like_header_above_the_heading() -> None:
    res = parsed("-" * 60 + "\n   ГОРОДСКОЙ ФОРУМ «КУЛЬТУРА МАЛОГО ГОРОДА»\n" + "-" * 60 + "\n"
                 "   Дата:          17 мая 2024 года\n"
                 "   Место:         г. Муром, Центр культуры и досуга\n"
                 "   Организаторы:  администрация округа Муром;\n"
                 "                  Муромский историко-художественный музей\n"
                 "   Участники:     96 человек\n" + "-" * 60 + "\n\n\n"
                 "                  ИТОГОВЫЙ ДОКУМЕНТ\n\n\nУчастники форума рекомендуют:\n\n"
                 "1. Сохранить фонды.\n")
    assert [o.name.value for o in res.event.organisers] == [
        "администрация округа Муром", "Муромский историко-художественный музей"]
    assert res.event.participants is not None and res.event.participants.value == 96


def test_a_venue_line_that_names_the_towns_region() -> None:
    res = parsed(doc("Решение выездного заседания Правления\n\nДата:\n\n10 июня 2021 г.\n\n"
                     "Место:\n\nг. Буй Костромской области, Буйский краеведческий музей"))
    assert res.event.place is not None and res.event.place.value == "Буй"


def test_a_municipalitys_name_after_a_dash_is_part_of_the_organisers() -> None:
    res = parsed(doc(HEADER + "Конференция подготовлена Союзом краеведов России совместно с "
                     "администрацией городского округа – город Буй Костромской области."))
    assert [o.name.value for o in res.event.organisers] == [
        "Союз краеведов России", "администрация городского округа – город Буй Костромской области"]


def test_a_title_in_capitals_over_two_lines_the_first_ending_with_a_colon() -> None:
    res = parsed(doc("РЕЗОЛЮЦИЯ\nкруглого стола\n\nАРХИВЫ МАЛЫХ ГОРОДОВ:\nОПЫТ И ПЕРСПЕКТИВЫ\n\n"
                     "Чердынь, 16 ноября 2017 года"))
    assert res.event.title is not None
    assert res.event.title.value == "Архивы малых городов: опыт и перспективы"


def test_a_header_cell_over_two_lines_and_a_spanned_addressee_beside_more_columns() -> None:
    res = parsed("<html><body><h1>Рекомендации публичных слушаний</h1><p>Омск, 3 марта 2016 г."
                 "</p><p>Участники слушаний приняли следующие рекомендации:</p><table>"
                 "<tr><th>№</th><th>Содержание рекомендации</th><th>Адресат</th>"
                 "<th>Голосование<br>(за / против)</th></tr>"
                 "<tr><td>1</td><td>Доработать проект концепции</td>"
                 "<td rowspan='2'>Администрации города Омска</td><td>70 / 0</td></tr>"
                 "<tr><td>2</td><td>Сохранить все филиалы библиотечной системы</td>"
                 "<td>66 / 4</td></tr></table></body></html>", "text/html")
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "администрация города Омска", "администрация города Омска"]


def test_a_table_of_participants_by_town_and_district() -> None:
    res = parsed(doc(HEADER + "**Состав участников**\n\n| Территория | Число участников |\n"
                     "|---|---|\n| г. Абакан | 12 |\n| Бейский район | 3 |\n"
                     "| **Всего** | **15** |"), "text/markdown")
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("Абакан", 12), ("Бейский район", 3)]
    assert res.event.participants is not None and res.event.participants.value == 15
