"""Forms read in session 15 (docs/loader.md, «Read in session 15»): each case is a sentence or a
short document of the genre, written here, read through the whole loader."""

from __future__ import annotations

import pytest
from test_loader_genre import HEADER, RECOMMENDS, doc, parsed, proposed


@pytest.mark.parametrize(("sentence", "topics"), [
    # «…, а также Z»: the last topic keeps the commas and «и» of its own
    ("Участники обсудили состояние фондов районных библиотек, практику их списания, проблемы "
     "подписки, а также работу с читателями, школами, музеями и клубами.",
     ["состояние фондов районных библиотек", "практику их списания", "проблемы подписки",
      "работу с читателями, школами, музеями и клубами"]),
    # a gerund's list of topics ends where the main clause begins
    ("Заслушав и обсудив выступления о ходе модернизации библиотек района, опыте создания "
     "модельных библиотек и потребностях жителей в новых услугах, участники семинара "
     "отмечают значение этой работы.",
     ["о ходе модернизации библиотек района", "опыте создания модельных библиотек",
      "потребностях жителей в новых услугах"]),
    ("Заслушав и обсудив информацию о состоянии сети, об итогах года и о планах на 2024 год, "
     "участники совещания отмечают рост посещений.",
     ["о состоянии сети", "об итогах года", "о планах на 2024 год"]),
    # «В центре обсуждения были: A; B; C»
    ("В центре обсуждения были: роль сельской библиотеки в жизни поселения; краеведение; "
     "новые формы продвижения чтения.",
     ["роль сельской библиотеки в жизни поселения", "краеведение",
      "новые формы продвижения чтения"]),
])
def test_topics_discussed_in_running_text(sentence: str, topics: list[str]) -> None:
    res = parsed(doc(HEADER + sentence))
    assert [t.value for t in res.event.topics] == topics


def test_two_named_bodies_joined_by_and_at_the_end_of_a_list() -> None:
    # the second opens with adjectives in lower case before its head («городского … клуба»)
    res = parsed(doc(HEADER + "В работе семинара приняли участие представители Центральной "
                     "районной библиотеки, Курганского государственного университета имени "
                     "Т. С. Мальцева и районного краеведческого общества «Истоки»."))
    assert [c.label.value for c in res.event.cohorts] == [
        "Центральная районная библиотека",
        "Курганский государственный университет имени Т. С. Мальцева",
        "районное краеведческое общество «Истоки»"]


@pytest.mark.parametrize(("sentence", "groups"), [
    # the places the total's people came from, then who they were after a colon
    ("В конференции приняли участие 96 человек из Беларуси, России и Латвии: сотрудники "
     "библиотек, музейные работники, краеведы.",
     [("Беларусь", None), ("Россия", None), ("Латвия", None)]),
    # who came, and from where, after the verb «приехали»
    ("Более 60 участников — представители библиотек, музеев и архивов — приехали из Ростова, "
     "Переславля-Залесского и Кинешмы.",
     [("Ростов", None), ("Переславль-Залесский", None), ("Кинешма", None)]),
    # a noun in apposition after a dash agrees with the counted bodies
    ("В совещании приняли участие представители 17 музеев – членов Ассоциации музеев "
     "Прикамья.", [("музеи – члены Ассоциации музеев Прикамья", 17)]),
    # the region a body is in, in brackets, is no part of its name
    ("В семинаре приняли участие сотрудники Ковровской централизованной библиотечной системы "
     "(Владимирская область).", [("Ковровская централизованная библиотечная система", None)]),
    # countries after the regions of one: each a group
    ("В чтениях приняли участие краеведы из 9 регионов России и Республики Казахстан.",
     [("регионы России", 9), ("Республика Казахстан", None)]),
    ("В форуме приняли участие делегации 14 субъектов Российской Федерации, Республики "
     "Беларусь и Республики Узбекистан.",
     [("субъекты Российской Федерации", 14), ("Республика Беларусь", None),
      ("Республика Узбекистан", None)]),
    # (but bodies of two countries stay one group)
    ("В конференции приняли участие 12 библиотек России и Беларуси.",
     [("библиотеки России и Беларуси", 12)]),
    # places after «гости из», then people of a body with no «из»
    ("В работе съезда приняли участие 140 человек: делегаты от 61 музея края, а также гости из "
     "Кировской области, Удмуртской Республики и представители Союза музеев России.",
     [("музеи края", 61), ("Кировская область", None), ("Удмуртская Республика", None),
      ("Союз музеев России", None)]),
])
def test_participating_groups(sentence: str, groups: list[tuple[str, int | None]]) -> None:
    res = parsed(doc(HEADER + sentence))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == groups


def test_a_second_count_of_the_same_bodies_online_is_a_group_of_its_own() -> None:
    res = parsed(doc(HEADER + "В чтениях приняли участие 70 человек из 8 регионов России. Ещё "
                     "3 региона России подключились к работе чтений в режиме видеоконференции."))
    assert [(c.label.value, c.count, c.mode) for c in res.event.cohorts] == [
        ("регионы России", 8, None), ("регионы России", 3, "online")]


def test_the_total_stated_as_a_bare_number_after_the_list() -> None:
    res = parsed(doc(HEADER + "В работе семинара приняли участие специалисты 12 библиотек "
                     "района. Общее число участников – 58."))
    assert res.event.participants is not None and res.event.participants.value == 58


def test_organisers_named_on_the_line_after_their_field() -> None:
    res = parsed(doc(HEADER + "Круглый стол прошёл в Центральной библиотеке. Организаторы:\n"
                     "администрация Кулебакского района, Централизованная библиотечная\n"
                     "система Кулебакского района."))
    assert [o.name.value for o in res.event.organisers] == [
        "администрация Кулебакского района", "Централизованная библиотечная система "
        "Кулебакского района"]


def test_share_buttons_and_a_back_link_with_an_arrow_are_no_recommendations() -> None:
    res = parsed("<html><body><h1>Резолюция конференции</h1><p>Тверь, 1 марта 2012 г.</p>"
                 "<p>Участники рекомендуют:</p><p>1. Сохранить фонды.</p>"
                 "<p>2. Открыть модельную библиотеку.</p>"
                 "<div>Поделиться: ВКонтакте Одноклассники</div>"
                 "<p>← Вернуться к списку новостей</p></body></html>", "text/html")
    assert [r.text.value for r in res.recommendations] == [
        "Сохранить фонды.", "Открыть модельную библиотеку."]


def test_a_decisions_subject_over_two_lines_and_an_agenda_of_one_subject() -> None:
    res = parsed("КОЛЛЕГИЯ\n\nРЕШЕНИЕ\n\n12 мая 2022 г.\n\nг. Урюпинск\n\n\n"
                 "О развитии сети сельских библиотек\nВолгоградской области в 2022–2024 годах\n\n"
                 "Коллегия РЕШИЛА:\n\n1. Одобрить программу.\n")
    assert res.event.title is not None
    assert res.event.title.value == ("О развитии сети сельских библиотек Волгоградской области "
                                     "в 2022–2024 годах")
    res = parsed("# ПОСТАНОВЛЕНИЕ\n\n## заседания Правления Ассоциации музеев\n\n| | |\n|---|---|\n"
                 "| **Дата** | 3 марта 2021 г. |\n| **Место** | г. Вольск |\n| **№** | 2 |\n\n"
                 "**Повестка:** О работе музеев в 2021 году, связанной с юбилеем области\n\n"
                 "ПРАВЛЕНИЕ ПОСТАНОВЛЯЕТ:\n\n1. Утвердить план.\n")
    assert res.event.title is not None
    assert res.event.title.value == "О работе музеев в 2021 году, связанной с юбилеем области"
    assert res.event.topics == ()


def test_a_quoted_line_after_a_heading_that_quotes_a_bodys_name_is_the_title() -> None:
    res = parsed("РЕШЕНИЕ\nобщего собрания членов общественной организации «Библиотечная "
                 "ассоциация Пензенской области»\n\n«Библиотеки Пензенского края: десять лет "
                 "вместе»\n\nПенза, 5 апреля 2019 г.\n\nСобрание РЕШИЛО:\n\n1. Утвердить отчёт.\n")
    assert res.event.title is not None
    assert res.event.title.value == "Библиотеки Пензенского края: десять лет вместе"


@pytest.mark.parametrize(("heading", "kind"), [
    ("Рекомендации областной школы молодых специалистов музеев", "школа молодых специалистов"),
    # (a school named after one young librarian is a «школа», as labellers cite it)
    ("Рекомендации школы молодого библиотекаря", "школа"),
])
def test_a_school_for_young_professionals_is_a_kind_of_its_own(heading: str, kind: str) -> None:
    res = parsed(doc(f"{heading}\n\nВологда, 12 мая 2016 г."))
    assert res.event.kind.value == kind


def test_a_board_that_convened_the_meeting_and_the_body_it_held_it_with_organised_it() -> None:
    res = parsed(doc(HEADER + "Собрание созвано правлением Библиотечной ассоциации Пензенской "
                     "области и проведено совместно с Центральной городской библиотекой."))
    assert [o.name.value for o in res.event.organisers] == [
        "правление Библиотечной ассоциации Пензенской области",
        "Центральная городская библиотека"]


def test_video_conferencing_written_with_hyphens_is_taking_part_online() -> None:
    res = parsed(doc(HEADER + "В заседании приняли участие руководители 9 музеев области – очно "
                     "и 7 музеев – в режиме видео-конференц-связи."))
    assert [(c.label.value, c.count, c.mode) for c in res.event.cohorts] == [
        ("музеи области", 9, "offline"), ("музеи", 7, "online")]


@pytest.mark.parametrize(("sentence", "groups"), [
    # the total's people, the kinds of bodies they work in, then the places they came from
    ("В работе семинара приняли участие 70 специалистов архивов, библиотек и музеев Беларуси, "
     "Литвы и Латвии.", [("Беларусь", None, None), ("Литва", None, None), ("Латвия", None, None)]),
    ("Конференция собрала более 120 участников — сотрудников музеев, библиотек и вузов "
     "Томской области, Республики Алтай и Алтайского края.",
     [("Томская область", None, None), ("Республика Алтай", None, None),
      ("Алтайский край", None, None)]),
    # (one place: the total's bodies there are the group)
    ("В семинаре приняли участие 45 специалистов библиотек Тверской области.",
     [("специалисты библиотек Тверской области", 45, None)]),
    # a place named again with how it took part takes that mode, once
    ("В работе круглого стола приняли участие более 60 специалистов архивов и библиотек "
     "Кыргызстана, Казахстана и Таджикистана; коллеги из Таджикистана участвовали онлайн.",
     [("Кыргызстан", None, None), ("Казахстан", None, None), ("Таджикистан", None, "online")]),
    # an apposition after a count that governs the singular
    ("На собрании присутствовали 40 делегатов, представлявших 21 музей — члена Ассоциации.",
     [("музеи — члены Ассоциации", 21, None)]),
    # «в очном и дистанционном форматах»: both, so no one mode
    ("В работе конференции в очном и дистанционном форматах приняли участие 80 специалистов "
     "библиотек 12 районов области.", [("районы области", 12, None)]),
])
def test_groups_of_a_total(sentence: str, groups: list[tuple[str, int | None, str | None]]
                           ) -> None:
    res = parsed(doc(HEADER + sentence))
    assert [(c.label.value, c.count, c.mode) for c in res.event.cohorts] == groups


def test_reports_heard_and_discussed_over_a_numbered_list_are_the_topics() -> None:
    res = parsed(doc(HEADER + "В ходе слушаний заслушаны и обсуждены доклады:\n\n"
                     "1. «Объекты наследия в центре города» (И. И. Иванов).\n"
                     "2. «Проект зон охраны» (П. П. Петров).\n"
                     "3. «Туристический потенциал застройки» (С. С. Сидоров)."))
    assert len(res.event.topics) == 3


def test_a_title_quoted_on_the_line_after_the_events_kind_below_a_headline() -> None:
    res = parsed("<html><body><h1>Резолюция конференции</h1><p><strong>Межрайонная "
                 "научно-практическая конференция<br>«Сельская библиотека: новые практики»"
                 "</strong></p><p>12 мая 2021 года, г. Богородск</p><p>Участники конференции "
                 "рекомендуют:</p><ol><li>Сохранить фонды.</li></ol></body></html>", "text/html")
    assert res.event.title is not None
    assert res.event.title.value == "Сельская библиотека: новые практики"


def test_organisers_of_a_form_field_on_the_lines_below_it() -> None:
    res = parsed("РЕКОМЕНДАЦИИ\nпубличных слушаний\n\n"
                 "Дата:                      12 марта 2019 г.\n"
                 "Место:                     г. Ишим, городская библиотека\n\n"
                 "Организаторы:              Администрация города Ишима;\n"
                 "                           Ишимский краеведческий музей;\n"
                 "                           Ишимское отделение Всероссийского общества\n"
                 "                           охраны памятников истории и культуры\n\n"
                 "Участники слушаний рекомендуют:\n\n1. Сохранить исторический центр.\n")
    assert [o.name.value for o in res.event.organisers] == [
        "администрация города Ишима", "Ишимский краеведческий музей",
        "Ишимское отделение Всероссийского общества охраны памятников истории и культуры"]


def test_a_dateline_with_the_venue_below_the_heading_beats_a_pages_date_above_it() -> None:
    res = parsed("<html><body><p>21.09.2022</p><h1>Резолюция круглого стола «Книжная "
                 "культура»</h1><p><em>15 сентября 2022 г., г. Полоцк, Музей белорусского "
                 "книгопечатания</em></p><p>Участники рекомендуют:</p><ol><li>Сохранить фонды."
                 "</li></ol></body></html>", "text/html")
    assert res.event.place is not None and res.event.place.value == "Полоцк"
    assert res.event.start is not None and str(res.event.start.value) == "2022-09-15"


def test_a_form_table_with_date_and_time_and_registered_participants() -> None:
    res = parsed("<html><body><h1>Итоговый документ публичных слушаний</h1><table>"
                 "<tr><td>Дата и время проведения</td><td>2 июня 2021 г., 17:00</td></tr>"
                 "<tr><td>Место проведения</td><td>г. Кунгур, конференц-зал</td></tr>"
                 "<tr><td>Основание</td><td>постановление от 12.05.2021 № 348</td></tr>"
                 "<tr><td>Зарегистрировано участников</td><td>132</td></tr></table>"
                 "<p>Участники слушаний рекомендуют:</p><ol><li>Сохранить фонды.</li></ol>"
                 "</body></html>", "text/html")
    assert res.event.start is not None and str(res.event.start.value) == "2021-06-02"
    assert res.event.participants is not None and res.event.participants.value == 132


def test_members_of_the_sitting_board_counted_of_all_of_them_are_no_group() -> None:
    res = parsed(doc(HEADER + "В заседании приняли участие 20 человек: 8 из 11 членов правления "
                     "и 12 руководителей библиотек 6 районов республики."))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [("районы республики", 6)]


def test_the_next_event_numbered_with_a_cyrillic_letter_for_the_roman_ten() -> None:
    res = parsed(doc(HEADER, RECOMMENDS + "\nХ Тарские краеведческие чтения провести в 2013 "
                     "году.\n"))
    assert len(res.recommendations) == 1
    assert proposed(res) == [(None, 2013)]


def test_the_decision_adopted_in_a_later_sentence_of_the_vote_tally() -> None:
    res = parsed(doc(HEADER, RECOMMENDS + "\nГолосовали: «за» — 40, «против» — нет. Решение "
                     "принято 14 ноября 2018 года.\n"))
    assert res.adopted is not None and str(res.adopted.value) == "2018-11-14"
