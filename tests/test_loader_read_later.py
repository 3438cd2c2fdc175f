"""Forms the loader learned from blind batches ak and al (docs/loader.md, «Read on
2026-12-07»): each case is a sentence or heading of the genre, read through the whole loader."""

from __future__ import annotations

import pytest
from test_loader_genre import HEADER, RECOMMENDS, doc, parsed, proposed


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
    ("Ребята попросили Тобольскую централизованную библиотечную систему провести XIII "
     "читательскую конференцию в 2016 году.",
     [("Тобольская централизованная библиотечная система", 2016)]),
    ("Очередное общее собрание членов Ассоциации решено провести в июне 2017 года. Подготовку "
     "собрания поручить правлению Ассоциации малых музеев Русского Севера.",
     [("правление Ассоциации малых музеев Русского Севера", 2017)]),
])
def test_a_practice_and_its_next_event_and_who_was_asked_or_entrusted(
        closing: str, proposals: list[tuple[str | None, int | None]]) -> None:
    res = parsed(doc(HEADER, RECOMMENDS + "\n" + closing + "\n"))
    assert proposed(res) == proposals


def test_a_pages_title_above_the_documents_own_heading() -> None:
    res = parsed("Резолюция зонального семинара\n\nОпубликовано: 29.09.2015\n\nРЕЗОЛЮЦИЯ\n"
                 "зонального семинара руководителей библиотек юга области\n«Муниципальная "
                 "библиотека: стандарт качества»\n\n22 сентября 2015 г.\nг. Котлас\n\n"
                 + RECOMMENDS)
    assert res.event.title is not None
    assert res.event.title.value == "Муниципальная библиотека: стандарт качества"


# --- batch am and an (measured after the changes above) -------------------------------------

def test_a_tables_rows_without_colons_give_place_and_participants() -> None:
    res = parsed("**ИТОГОВЫЙ ДОКУМЕНТ**\n\n**семинара «Электронный архив»**\n\n| | |\n|---|---|\n"
                 "| Дата проведения | 20–21 ноября 2018 года |\n| Место проведения | г. "
                 "Усть-Каменогорск, Государственный архив области |\n| Количество участников | "
                 "54 |\n\n" + RECOMMENDS, "text/markdown")
    assert res.event.place is not None and res.event.place.value == "Усть-Каменогорск"
    assert res.event.participants is not None and res.event.participants.value == 54


def test_the_venues_town_the_organisers_who_prepared_it_and_readers_counted() -> None:
    res = parsed(doc("Рекомендации участников читательской конференции «Конёк-Горбунок»\n\n"
                     "5 марта 2015 года в Центральной городской библиотеке Тобольска прошла "
                     "читательская конференция. Конференцию подготовили Тобольская "
                     "централизованная библиотечная система и комитет по культуре администрации "
                     "города Тобольска. В акции «Читаем вместе» участвовали более 1500 "
                     "читателей. На конференцию собрались 73 читателя."))
    assert res.event.place is not None and res.event.place.value == "Тобольск"
    assert [o.name.value for o in res.event.organisers] == [
        "Тобольская централизованная библиотечная система",
        "комитет по культуре администрации города Тобольска"]
    assert res.event.participants is not None and res.event.participants.value == 73


def test_a_decisions_subject_goes_on_with_its_region_and_oversight_is_no_item() -> None:
    res = parsed("КОЛЛЕГИЯ\n\nРЕШЕНИЕ\n\n29 марта 2018 г.\n\nг. Пенза\n\nО состоянии "
                 "муниципальных библиотек\nПензенской области\n\nЗаседание коллегии "
                 "Министерства культуры проведено 29 марта 2018 года.\n\nКоллегия РЕШИЛА:\n\n"
                 "1. Министерству культуры Пензенской области разработать концепцию.\n\n"
                 "2. Контроль за исполнением настоящего решения возложить на заместителя "
                 "министра.\n")
    assert res.event.title is not None
    assert res.event.title.value == "О состоянии муниципальных библиотек Пензенской области"
    assert res.event.kind.value == "заседание коллегии"
    assert len(res.recommendations) == 1 and res.proposals == ()


def test_guests_who_became_participants_and_a_town_in_brackets() -> None:
    res = parsed(doc(HEADER + "Гостями съезда стали коллеги из Алтайской краевой универсальной "
                     "научной библиотеки имени В. Я. Шишкова (г. Барнаул) и Новосибирской "
                     "государственной областной научной библиотеки."))
    assert [c.label.value for c in res.event.cohorts] == [
        "Алтайская краевая универсальная научная библиотека имени В. Я. Шишкова",
        "Новосибирская государственная областная научная библиотека"]


def test_an_order_in_the_second_name_of_a_list_of_organisers() -> None:
    res = parsed(doc(HEADER + "Съезд созван Министерством культуры Кировской области, Кировской "
                     "ордена Почёта государственной универсальной областной научной библиотекой "
                     "имени А. И. Герцена и Кировской областной библиотечной ассоциацией."))
    assert [o.name.value for o in res.event.organisers] == [
        "Министерство культуры Кировской области",
        "Кировская ордена Почёта государственная универсальная областная научная библиотека "
        "имени А. И. Герцена",
        "Кировская областная библиотечная ассоциация"]


def test_an_item_only_noted_and_a_heading_with_the_verb_after_the_addressee() -> None:
    res = parsed(doc(HEADER, "Совещание РЕШИЛО:\n\n1. Информацию директора библиотеки принять к "
                     "сведению.\n\n2. Продолжить издание серии.\n\nАдминистрации города Кунгура "
                     "рекомендовать:\n\n3. Разработать маршрут экскурсии.\n\n4. Рассмотреть "
                     "возможность включения объектов в программу.\n"))
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        None, "администрация города Кунгура", "администрация города Кунгура"]


def test_a_relative_year_before_the_event_and_bare_noun_organisers() -> None:
    res = parsed(doc(HEADER + "16 апреля 2015 года в Вельском краеведческом музее имени В. Ф. "
                     "Кудрявцева прошла конференция «Вельский край», организованная музеем "
                     "совместно с архивным отделом администрации Вельского района.",
                     RECOMMENDS + "\nУчастники предлагают Вельскому краеведческому музею через "
                     "год провести следующую конференцию.\n"))
    assert [o.name.value for o in res.event.organisers] == [
        "Вельский краеведческий музей имени В. Ф. Кудрявцева",
        "архивный отдел администрации Вельского района"]
    assert [p.planned_event.year.value for p in res.proposals
            if p.planned_event and p.planned_event.year] == [2013]


def test_an_archive_in_a_town_is_one_name_and_a_lower_case_unit_is_a_body_of_its_own() -> None:
    res = parsed(doc(HEADER + "Совещание организовано управлением по делам архивов Курганской "
                     "области и Государственным архивом в городе Шадринске. В работе приняли "
                     "участие 40 человек, в том числе сотрудники 9 районов области, Тарский "
                     "историко-краеведческий музей и архивный отдел администрации Тарского "
                     "района."))
    assert [o.name.value for o in res.event.organisers] == [
        "управление по делам архивов Курганской области",
        "Государственный архив в городе Шадринске"]
    assert [c.label.value for c in res.event.cohorts][-2:] == [
        "Тарский историко-краеведческий музей",
        "архивный отдел администрации Тарского района"]


@pytest.mark.parametrize("intro", ["В центре внимания участников были:",
                                   "Ребята выступили с докладами по трём темам:"])
def test_topics_after_what_was_in_focus_or_the_themes_of_the_talks(intro: str) -> None:
    res = parsed(doc(HEADER + intro + "\n\n1) история купеческих династий;\n2) "
                     "благотворительность купечества;\n3) купеческие особняки."))
    assert len(res.event.topics) == 3


def test_the_online_part_of_a_total_is_no_group() -> None:
    """How many of the total took part online is no group that took part (session 13: most
    readers of batches as to aw do not list it)."""
    res = parsed(doc(HEADER + "Всего в работе конференции приняли участие 134 человека, из них "
                     "58 – в онлайн-формате."))
    assert res.event.participants is not None and res.event.participants.value == 134
    assert [(c.label.value, c.count, c.mode) for c in res.event.cohorts] == []


# --- batch ao and ap (measured after all the changes above) ----------------------------------

def test_a_town_in_capitals_over_the_date_and_a_title_in_capitals_over_two_lines() -> None:
    res = parsed("МИНУСИНСК\n11-12 марта 2014 г.\n\nРЕЗОЛЮЦИЯ\nМеждународного круглого стола\n"
                 "АРХИВЫ И БИБЛИОТЕКИ ПРИГРАНИЧЬЯ: СОВМЕСТНЫЕ ПРОЕКТЫ\nПО СОХРАНЕНИЮ НАСЛЕДИЯ\n\n"
                 + RECOMMENDS)
    assert res.event.place is not None and res.event.place.value == "Минусинск"
    assert res.event.title is not None
    assert res.event.title.value == ("Архивы и библиотеки приграничья: совместные проекты по "
                                     "сохранению наследия")


def test_a_pages_title_over_a_letterhead_and_the_documents_heading_alone() -> None:
    res = parsed("# Решение коллегии от 28 марта 2019 г. № 2\n\n**МИНИСТЕРСТВО КУЛЬТУРЫ "
                 "РЕСПУБЛИКИ МАРИЙ ЭЛ**\n\n**КОЛЛЕГИЯ**\n\n**РЕШЕНИЕ**\n\n28 марта 2019 г. № 2\n\n"
                 "г. Козьмодемьянск\n\n**О роли муниципальных библиотек в сохранении языков**\n\n"
                 "Выездное заседание коллегии состоялось в Козьмодемьянске.\n\n" + RECOMMENDS,
                 "text/markdown")
    assert res.event.title is not None
    assert res.event.title.value == "О роли муниципальных библиотек в сохранении языков"


@pytest.mark.parametrize(("intro", "topics"), [
    ("В докладах и сообщениях участников были освещены:\n\n* история сёл;\n* опыт библиотек;\n"
     "* роль музеев.", 3),
    ("Работа форума шла на трёх дискуссионных площадках:\n\n- «Библиотека и музей»;\n"
     "- «Городские пространства»;\n- «Молодёжь и творческие индустрии».", 3),
    ("ПОВЕСТКА ДНЯ:\n1. О ходе внедрения Модельного стандарта.\n   Докладчик: Н. И. Сорокина, "
     "заведующая отделом.\n2. Опыт модернизации библиотек.\n   Докладчик: Е. В. Лаптева, "
     "директор.\n3. О подготовке к Общероссийскому дню библиотек.", 3),
])
def test_topics_that_were_covered_and_an_agenda_with_its_reporters(intro: str,
                                                                   topics: int) -> None:
    res = parsed(doc(HEADER + intro))
    assert len(res.event.topics) == topics


@pytest.mark.parametrize(("sentence", "groups"), [
    ("Гостями съезда стали коллеги из Свердловской области. Прибыли делегации Пермского края, "
     "Удмуртской Республики и Республики Башкортостан.",
     [("Свердловская область", None, None), ("Пермский край", None, None),
      ("Удмуртская Республика", None, None),
      ("Республика Башкортостан", None, None)]),
    ("Форум собрал 163 участника, из них 41 человек работал в режиме онлайн.", []),
    ("В конференции приняли участие 87 человек. Помимо организаторов, на конференции были "
     "представлены:\n\n- Шадринский краеведческий музей;\n- Курганская областная библиотека.",
     [("Шадринский краеведческий музей", None, None),
      ("Курганская областная библиотека", None, None)]),
])
def test_regions_joined_people_who_worked_online_and_besides_the_organisers(
        sentence: str, groups: list[tuple[str, int | None, str | None]]) -> None:
    res = parsed(doc(HEADER + sentence))
    assert [(c.label.value, c.count, c.mode) for c in res.event.cohorts] == groups


def test_a_markdown_link_left_as_text_is_furniture() -> None:
    res = parsed("<p>Решение коллегии от 28 марта 2019 г. № 2</p><p>КОЛЛЕГИЯ</p><p>РЕШЕНИЕ</p>"
                 "<p>28 марта 2019 г.</p><p>г. Козьмодемьянск</p><p>О роли библиотек</p>"
                 "<p>Коллегия РЕШИЛА:</p><ol><li>Сохранить фонды.</li></ol>"
                 "<p>[Версия для печати](?print=Y) · [Вернуться к списку решений](/list/)</p>",
                 "text/html")
    assert res.event.title is not None and res.event.title.value == "О роли библиотек"
    assert [r.text.value for r in res.recommendations] == ["Сохранить фонды."]


@pytest.mark.parametrize("header", [
    "> Главам муниципальных районов\n> и муниципальных округов Тамбовской области\n\n# ОБРАЩЕНИЕ"
    "\n\n## участников форума «Сельская библиотека»\n\nг. Мичуринск, 7 октября 2022 г.",
    "# ОБРАЩЕНИЕ\n\n## участников форума «Сельская библиотека» к главам муниципальных районов и "
    "муниципальных округов Тамбовской области\n\nг. Мичуринск, 7 октября 2022 г.",
])
def test_an_appeals_requests_are_to_the_body_it_is_addressed_to(header: str) -> None:
    res = parsed(header + "\n\nУчитывая изложенное, просим Вас:\n\n- не допускать закрытия "
                 "сельских библиотек;\n- обеспечить подключение библиотек к сети Интернет.\n\n"
                 "Предлагаем также провести в 2023 году совместное совещание.\n", "text/markdown")
    to = "главы муниципальных районов и муниципальных округов Тамбовской области"
    assert [r.addressee.label if r.addressee else None for r in res.recommendations] == [to, to]
    assert proposed(res) == [(to, 2023)]


# --- batch aq and ar (measured after all the changes above) ----------------------------------

def test_a_decisions_question_in_quotes_after_its_minutes_number() -> None:
    res = parsed("РЕШЕНИЕ выездного заседания правления\n\nКаргополь, 11 июля 2014 г.\nПротокол № 3"
                 "\n\nпо вопросу «О роли сельских библиотек в сохранении наследия»\n\n"
                 "Заседание правления проведено ассоциацией.\n\n" + RECOMMENDS)
    assert res.event.title is not None
    assert res.event.title.value == "О роли сельских библиотек в сохранении наследия"


def test_regions_after_the_last_counted_group_with_commas_are_every_groups() -> None:
    res = parsed(doc(HEADER + "В конференции участвовали более 90 человек: специалисты 19 "
                     "библиотек и 7 музеев Тверской, Псковской и Новгородской областей."))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("библиотеки Тверской, Псковской и Новгородской областей", 19),
        ("музеи Тверской, Псковской и Новгородской областей", 7)]


def test_a_quote_in_a_list_of_organisers_is_no_title() -> None:
    res = parsed("VI Ирбитские архивные чтения\n«Документальное наследие уездного города»\n"
                 "г. Ирбит, 12–13 октября 2023 года\n\n                    РЕЗОЛЮЦИЯ\n\n"
                 "Организаторы чтений: Управление архивами Свердловской области, Государственный\n"
                 "архив Свердловской области, Ирбитский историко-этнографический музей,\n"
                 "администрация Городского округа «город Ирбит» Свердловской области.\n\n"
                 "Участниками чтений стали 87 человек.\n\n" + RECOMMENDS)
    assert res.event.title is not None
    assert res.event.title.value == "Документальное наследие уездного города"
