"""Genre variations: small constructed resolutions in the forms real ones take."""

from __future__ import annotations

import datetime as dt

import pytest
from test_loader_corpus import assert_spans_valid

from resolutions_kg.errors import NotAResolutionError
from resolutions_kg.loaders import parse_text
from resolutions_kg.loaders.readers import render
from resolutions_kg.records import Resolution

D = dt.date


def parsed(text: str, media_type: str = "text/plain") -> Resolution:
    res = parse_text(text, name="snippet.txt", media_type=media_type)
    assert_spans_valid(res)
    return res


RECOMMENDS = "Участники конференции рекомендуют:\n\n1. Сохранить фонды.\n"


def doc(header: str, body: str = RECOMMENDS) -> str:
    return header + "\n\n" + body


def page(preamble: str) -> Resolution:
    """A web page holding a resolution: its heading and dateline, ``preamble`` (HTML), one
    recommendation."""
    return parsed("<html><body><h1>Резолюция конференции</h1><p>Тверь, 1 марта 2012 г.</p>"
                  f"{preamble}<p>Конференция рекомендует:</p><ol><li>Сохранить фонды.</li></ol>"
                  "</body></html>", "text/html")


def proposed(res: Resolution) -> list[tuple[str | None, int | None]]:
    """Each closing proposal's addressee and the year of the event it plans."""
    return [(p.addressee.label if p.addressee else None,
             p.planned_event.year.value if p.planned_event and p.planned_event.year else None)
            for p in res.proposals]


# --- dates and places -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("line", "place", "start", "end"),
    [
        ("Тверь, 25 – 26 октября 2012 г.", "Тверь", D(2012, 10, 25), D(2012, 10, 26)),
        ("г. Великий Новгород, 15–16 мая 2014 года", "Великий Новгород", D(2014, 5, 15),
         D(2014, 5, 16)),
        ("27.09.2016, г. Липецк", "Липецк", D(2016, 9, 27), D(2016, 9, 27)),
        ("Вологда, 30 сентября – 2 октября 2015 г.", "Вологда", D(2015, 9, 30), D(2015, 10, 2)),
        ("Конференция прошла в Твери (25–26 октября 2012 г.).", "Тверь", D(2012, 10, 25),
         D(2012, 10, 26)),
        ("Конференция прошла (Тверь, 25–26 ОКТЯБРЯ 2012 г.) в областной библиотеке.", "Тверь",
         D(2012, 10, 25), D(2012, 10, 26)),
        ("Минск, Республика Беларусь, 3 апреля 2013 г.", "Минск", D(2013, 4, 3), D(2013, 4, 3)),
        ("3 Апреля 2013 года, г. Псков", "Псков", D(2013, 4, 3), D(2013, 4, 3)),
        ("Тверь, 25-26.10.2012", "Тверь", D(2012, 10, 25), D(2012, 10, 26)),
        ("Конференция состоялась 25 октября 2012 г. в Великом Новгороде.", "Великий Новгород",
         D(2012, 10, 25), D(2012, 10, 25)),
        # cut by a separator a page's timestamps use too: a dateline all the same
        ("Владивосток · 23–25 сентября 2008 года", "Владивосток", D(2008, 9, 23),
         D(2008, 9, 25)),
        # «ё» where the settlement list has it and the writer writes «е»: as written
        ("Конференция прошла в Риддере 3 марта 2022 г.", "Риддер", D(2022, 3, 3),
         D(2022, 3, 3)),
        ("Конференция прошла в Орле 3 марта 2022 г.", "Орёл", D(2022, 3, 3), D(2022, 3, 3)),
        # a table of the date and the venue
        ("| Дата | Место проведения |\n|------|------------------|\n| 16.02.2023 | г. Минусинск, "
         "Минусинский драматический театр |", "Минусинск", D(2023, 2, 16), D(2023, 2, 16)),
        # the date over the settlement's kind and name, in one block
        ("28–29 ноября 2014 года\nгородской округ Шуя Ивановской области", "Шуя",
         D(2014, 11, 28), D(2014, 11, 29)),
        # aligned by a long run of spaces, as a Word text is
        ("16 марта 2010 г." + " " * 80 + "г. Смоленск", "Смоленск", D(2010, 3, 16),
         D(2010, 3, 16)),
        # a decision's letterhead: its number and date, the town on a line of its own
        ("от 27.02.2020                     № 2\nг. Калуга\n\nКонференция прошла 27 февраля "
         "2020 года.", "Калуга", D(2020, 2, 27), D(2020, 2, 27)),
        # a table of labelled fields
        ("| | |\n|---|---|\n| **Место проведения:** | г. Каргополь Архангельской области |\n"
         "| **Даты проведения:** | 11–13 сентября 2013 г. |", "Каргополь", D(2013, 9, 11),
         D(2013, 9, 13)),
        # the venue's address in brackets after the sentence's verb
        ("Конференция проведена 5 марта 2014 г. на базе областного музея (г. Екатеринбург, "
         "ул. Малышева, 46).", "Екатеринбург", D(2014, 3, 5), D(2014, 3, 5)),
        # a village or a settlement of another kind, not in the settlement list
        ("29 августа 2014 года в селе Вятское Некрасовского района состоялась конференция.",
         "Вятское", D(2014, 8, 29), D(2014, 8, 29)),
        ("Конференция прошла 3 марта 2022 г. в рабочем посёлке Сонково.", "Сонково",
         D(2022, 3, 3), D(2022, 3, 3)),
    ],
)
def test_place_and_date_forms(line: str, place: str, start: dt.date, end: dt.date) -> None:
    res = parsed(doc("Резолюция конференции «Библиотека»\n\n" + line))
    assert res.event.place is not None and res.event.place.value == place
    assert res.event.start is not None and res.event.start.value == start
    assert res.event.end is not None and res.event.end.value == end


def test_a_place_line_that_names_the_country_and_region_first() -> None:
    res = parsed(doc("Кыргызская Республика, Иссык-Кульская область, г. Чолпон-Ата\n\n30 мая – "
                     "1 июня 2012 года\n\nРекомендации конгресса «Библиотеки Азии»"))
    assert res.event.place is not None and res.event.place.value == "Чолпон-Ата"
    assert res.event.start is not None and res.event.start.value == D(2012, 5, 30)


def test_a_place_and_a_year_above_the_heading_and_the_period_in_the_adoption_line() -> None:
    res = parsed("**Калининград — 2021**\n\n# Резолюция форума «Книга»\n\n" + RECOMMENDS
                 + "\n*Принята 8 октября 2021 г. на заключительном заседании\n"
                 "(г. Калининград, 6–8 октября 2021 г.).*\n\nСекретарь  О. С. Мальцева\n",
                 "text/markdown")
    assert res.event.place is not None and res.event.place.value == "Калининград"
    assert res.event.start is not None and res.event.start.value == D(2021, 10, 6)
    assert res.event.end is not None and res.event.end.value == D(2021, 10, 8)


@pytest.mark.parametrize(("page", "start", "end"), [
    # the page's date by its heading, the event's in the sentence below: the page came after
    ("<p class='date'>07.06.2010</p><h1>Резолюция семинара «Книга»</h1><p>3–4 июня 2010 года "
     "в г. Гродно состоялся семинар «Книга».</p>", D(2010, 6, 3), D(2010, 6, 4)),
    # a day with no year, on a page dated by its timestamp
    ("<div class='news-date'>15.11.2019 10:42</div><p>14 ноября в Костроме состоялся круглый "
     "стол «Малый город».</p><h2>Резолюция круглого стола</h2>", D(2019, 11, 14),
     D(2019, 11, 14)),
])
def test_a_pages_date_and_the_events(page: str, start: dt.date, end: dt.date) -> None:
    res = parsed("<html><body>" + page + "<p>Участники рекомендуют:</p><ol><li>Сохранить "
                 "фонды.</li></ol></body></html>", "text/html")
    assert res.event.start is not None and res.event.start.value == start
    assert res.event.end is not None and res.event.end.value == end


def test_a_towns_adjective_is_no_town() -> None:
    """«в Полоцком историко-культурном музее»: the adjective of a town, not the town; nor is a
    museum's name that natasha reads as a location."""
    res = parsed(doc("Решение семинара «Книга»\n\n14–15 апреля 2011 г.\n\nЗаседания семинара "
                     "прошли в Полоцком\nисторико-культурном музее-заповеднике."))
    assert res.event.place is None


def test_an_adoption_stamp_in_html_inside_markdown() -> None:
    res = parsed('<div align="right">\n\n**ПРИНЯТА**<br>\nучастниками Всероссийского форума<br>\n'
                 "«Библиотека в цифровой среде:<br>\nсервисы, компетенции, доверие»<br>\n"
                 "«08» октября 2021 г.\n\n</div>\n\n# РЕЗОЛЮЦИЯ форума «Книга»\n\n"
                 "Уфа, 6–8 октября 2021 г.\n\n" + RECOMMENDS, "text/markdown")
    assert res.adopted is not None and res.adopted.value == D(2021, 10, 8)
    assert "<" not in res.source.text


def test_a_setext_heading_and_a_rule_in_markdown() -> None:
    res = parsed("Резолюция XII Старорусских историко-архивных чтений\n"
                 "===================================================\n\n"
                 "**«Документальная память уездного города»**\n\n"
                 "19–20 апреля 2018 г. · Старая Русса\n\n---\n\n" + RECOMMENDS, "text/markdown")
    assert res.event.title is not None
    assert res.event.title.value == "Документальная память уездного города"
    assert "=" not in res.source.text and "---" not in res.source.text


def test_a_news_lead_of_several_paragraphs_above_the_heading() -> None:
    page = ("<html><body><h1>В Муроме обсудили семейное чтение</h1><span class='news-date'>28 мая"
            " 2024</span><p>23 мая 2024 года в Центральной детской библиотеке прошёл муниципальный"
            " круглый стол «Семейное чтение». Организаторы — управление культуры администрации "
            "округа Муром и Центральная детская библиотека.</p><p>За круглым столом собрались 32 "
            "участника: библиотекари и педагоги школ и детских садов округа.</p><p>Разговор "
            "получился живым: участники обменялись опытом и наметили совместные планы на год."
            "</p><p>По итогам встречи участники выработали рекомендации, которые будут направлены"
            " во все библиотеки округа.</p><h2>Рекомендации круглого стола «Семейное чтение»</h2>"
            "<ul><li>Проводить семейные чтения.</li><li>Обновлять фонды.</li></ul></body></html>")
    res = parsed(page, "text/html")
    assert res.event.start is not None and res.event.start.value == D(2024, 5, 23)
    assert res.event.participants is not None and res.event.participants.value == 32
    assert [o.name.value for o in res.event.organisers][0] == (
        "управление культуры администрации округа Муром")


def test_a_quoted_title_opening_the_line_after_the_heading() -> None:
    res = parsed("РЕЗОЛЮЦИЯ\n\nнаучно-практической конференции\n«Архивы Оренбуржья: история и "
                 "современность»,\nпосвящённой 100-летию архивной службы области\n\n"
                 "Оренбург, 5–6 декабря 2019 года\n\n" + RECOMMENDS)
    assert res.event.title is not None
    assert res.event.title.value == "Архивы Оренбуржья: история и современность"


def test_initials_are_no_village() -> None:
    """«О. С. Мальцева»: «С.» after an initial is an initial, not «с.» (село)."""
    res = parsed(doc("Резолюция семинара «Книга»", RECOMMENDS + "\nСекретарь  О. С. Мальцева\n"))
    assert res.event.place is None


def test_a_see_also_box_of_links_is_furniture() -> None:
    page = ("<html><body><h1>Резолюция конференции «Архивы»</h1>"
            "<p>Участники конференции рекомендуют:</p><ol><li>Сохранить фонды.</li></ol>"
            "<p><i>Тверь, 12–13 мая 2009 г.</i></p>"
            "<p><b>См. также:</b><br><a href='/a'>Итоги конференции «Архивы» (2008)</a><br>"
            "<a href='/b'>Сообщения музея: содержание выпусков</a></p></body></html>")
    rendition = render(page, name="page.html", media_type="text/html")
    links = [ln for ln in rendition.lines if "Итоги" in rendition.text[ln.start : ln.end]
             or "Сообщения" in rendition.text[ln.start : ln.end]]
    assert len(links) == 2 and all(ln.furniture for ln in links)
    res = parsed(page, "text/html")  # the signature line is the last before the box
    assert res.event.start is not None and res.event.start.value == D(2009, 5, 12)


def test_country_after_the_city() -> None:
    res = parsed(doc("Резолюция форума «Книга»\n\nМинск, Республика Беларусь, 3 апреля 2013 г."))
    assert res.event.country == "Республика Беларусь"


# --- adoption --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("line", "adopted", "unanimous"),
    [
        ("Принята 26 октября 2012 г.", D(2012, 10, 26), False),
        ("Резолюция принята единогласно 16 мая 2014 года.", D(2014, 5, 16), True),
        ("Принято единогласно.", None, True),
        ("Одобрена участниками 3 апреля 2013 г.", D(2013, 4, 3), False),
    ],
)
def test_adoption_forms(line: str, adopted: dt.date | None, unanimous: bool) -> None:
    res = parsed(doc("Резолюция конференции «Библиотека»\n\nТверь, 1 марта 2012 г.",
                     "Конференция рекомендует:\n\n1. Сохранить фонды.\n\n" + line))
    assert (res.adopted.value if res.adopted else None) == adopted
    assert res.adopted_unanimously is unanimous
    assert len(res.recommendations) == 1


# --- document types, drafts, event kinds ----------------------------------------------------

@pytest.mark.parametrize(
    ("heading", "doc_type", "draft"),
    [
        ("Резолюция конференции", "резолюция", False),
        ("РЕКОМЕНДАЦИИ конференции", "рекомендации", False),
        ("Итоговый документ конференции", "итоговый документ", False),
        ("Решение конференции", "решение", False),
        ("ПОСТАНОВЛЕНИЕ общего собрания членов ассоциации", "постановление", False),
        ("Обращение участников конференции", "обращение", False),
        ("Проект резолюции конференции", "резолюция", True),
        ("ПРОЕКТ\n\nРЕЗОЛЮЦИЯ конференции", "резолюция", True),
    ],
)
def test_document_types_and_drafts(heading: str, doc_type: str, draft: bool) -> None:
    res = parsed(doc(heading + " «Библиотека»\n\nТверь, 1 марта 2012 г."))
    assert res.document_type.value == doc_type
    assert res.is_draft is draft


@pytest.mark.parametrize(
    ("heading", "kind", "qualifiers", "ordinal"),
    [
        ("Резолюция XI Всероссийской научно-практической конференции", "конференция",
         ("всероссийская", "научно-практическая"), 11),
        ("Резолюция VIII межрегионального круглого стола", "круглый стол",
         ("межрегиональный",), 8),
        ("Резолюция «II» областного семинара", "семинар", ("областной",), 2),
        ("Резолюция областного семинара-совещания", "семинар-совещание", ("областной",), None),
        ("Резолюция Пятых Всероссийских краеведческих чтений", "чтения",
         ("всероссийские", "краеведческие"), 5),
        ("Итоговый документ Международного форума", "форум", ("международный",), None),
        ("Резолюция III Всероссийского библиотечного конгресса", "конгресс",
         ("всероссийский", "библиотечный"), 3),
        ("Резолюция совещания директоров библиотек", "совещание", (), None),
        # a body's sitting is a kind of its own; a compound with «школа» too
        ("Решение расширенного заседания коллегии министерства культуры", "заседание коллегии",
         ("расширенное",), None),
        ("Решение XII заседания Совета директоров", "заседание совета директоров", (), 12),
        ("Решение расширенного заседания Научно-методического совета архивов",
         "заседание совета", ("расширенное",), None),
        ("Рекомендации Международной школы-семинара", "школа-семинар", ("международная",),
         None),
        # a meeting of members («общее собрание»), not a collection («собрание документов»)
        ("Резолюция общего собрания Ассоциации музеев", "общее собрание", (), None),
    ],
)
def test_event_kinds_qualifiers_ordinals(
    heading: str, kind: str, qualifiers: tuple[str, ...], ordinal: int | None
) -> None:
    res = parsed(doc(heading + " «Библиотека и чтение»\n\nТверь, 1 марта 2012 г."))
    assert res.event.kind.value == kind
    assert res.event.qualifiers == qualifiers
    assert res.event.ordinal == ordinal
    assert res.event.title is not None and res.event.title.value == "Библиотека и чтение"


@pytest.mark.parametrize(
    ("header", "title"),
    [
        ("Резолюция конференции «Библиотека „на связи“»", "Библиотека „на связи“"),
        ("Резолюция конференции „Библиотека и город“", "Библиотека и город"),
        ('Резолюция конференции\n"Библиотека и город"', "Библиотека и город"),
        ("Резолюция конференции\n\n**Библиотека и город**", "Библиотека и город"),
        # a title in capitals, written nowhere else: cited in the case titles are written
        ("РЕЗОЛЮЦИЯ КОНФЕРЕНЦИИ\n\nБИБЛИОТЕКА И ГОРОД", "Библиотека и город"),
        # whose event it was on a line of its own, then the title
        ("РЕКОМЕНДАЦИИ\nсовещания руководителей муниципальных библиотек\n\nРеспублики "
         "Мордовия\n\n«Модельные библиотеки: итоги и перспективы»",
         "Модельные библиотеки: итоги и перспективы"),
        # a region of two words and a dash; the theme under the place and date line
        ("РЕШЕНИЕ\nзаседания Совета директоров библиотек\n\nХанты-Мансийского автономного "
         "округа – Югры\n\nг. Ханты-Мансийск, 26 ноября 2020 г.\n\nТема заседания: "
         "«Модельный стандарт: итоги внедрения»", "Модельный стандарт: итоги внедрения"),
        # a decision's question, after «По вопросу:» or on a line of its own
        ("Р Е Ш Е Н И Е\nзаседания Общественного совета\n\nот 22 октября 2020 г.   № 4\n\n"
         "По вопросу: «Об обеспечении доступности библиотек»", "Об обеспечении доступности "
         "библиотек"),
        ("КОЛЛЕГИЯ\n\nР Е Ш Е Н И Е\n\n27 февраля 2019 г.   № 1/3\n\nг. Сыктывкар\n\n"
         "О состоянии и перспективах развития\nобщедоступных библиотек Республики Коми",
         "О состоянии и перспективах развития общедоступных библиотек Республики Коми"),
    ],
)
def test_title_forms(header: str, title: str) -> None:
    res = parsed(doc(header + "\n\nТверь, 1 марта 2012 г."))
    assert res.event.title is not None and res.event.title.value == title


def test_title_as_markdown_heading() -> None:
    res = parsed(doc("# Резолюция конференции\n\n## Библиотека и город\n\nТверь, 1 марта 2012 г."),
                 media_type="text/markdown")
    assert res.event.title is not None and res.event.title.value == "Библиотека и город"


# --- participants ----------------------------------------------------------------------------

HEADER = "Резолюция конференции «Библиотека»\n\nТверь, 1 марта 2012 г.\n\n"


@pytest.mark.parametrize(
    ("sentence", "count", "minimum"),
    [
        ("В конференции приняли участие более ста специалистов.", 100, True),
        ("В конференции приняли участие 112 человек.", 112, False),
        ("В работе конференции приняли участие свыше 200 библиотекарей.", 200, True),
        ("Всего участников — 65 человек.", 65, False),
        # the singular a count ending in one takes, with the groups after it
        ("В работе круглого стола принял участие 31 человек, в том числе представители "
         "7 школ.", 31, False),
        ("В конференции приняли участие сорок пять человек.", 45, False),
        ("Участники: 48 руководителей библиотек.", 48, False),
        # the total said after the groups, not the first group's count
        ("Очно в работе участвовали около 150 специалистов, ещё свыше 50 человек подключились "
         "онлайн. Всего в конференции приняли участие около 200 человек.", 200, True),
    ],
)
def test_participant_totals(sentence: str, count: int, minimum: bool) -> None:
    res = parsed(doc(HEADER + sentence))
    assert res.event.participants is not None and res.event.participants.value == count
    assert res.event.participants_is_minimum is minimum


def test_cohorts_with_counts_units_and_online_mode() -> None:
    res = parsed(doc(
        HEADER + "В конференции приняли участие специалисты 12 библиотек области, 5 городов "
        "России, а также Пскова и еще 3 страны дистанционно. Общее количество участников – "
        "80 человек."))
    got = [(c.label.value, c.count, c.unit, c.mode) for c in res.event.cohorts]
    assert got == [
        ("библиотеки области", 12, "library", None),
        ("города России", 5, "city", None),
        ("Псков", None, "city", None),
        ("страны", 3, "country", "online"),
    ]
    assert res.event.participants is not None and res.event.participants.value == 80


def test_adjectives_sharing_one_plural_head_are_one_cohort_each() -> None:
    """«Котласского, Ленского и Устьянского районов» names three districts (an adjective the
    dictionary knows only as a surname too); a group said to have taken part online in a
    sentence of its own is one more cohort, and «Восточно-» is not «очно»."""
    res = parsed(doc(
        HEADER + "В семинаре приняли участие 56 специалистов из посёлка Шушенское, Котласского, "
        "Глубоковского, Ленского и Устьянского районов и города Коряжмы. Ещё 4 библиотеки "
        "Вологодской "
        "области подключились к семинару в онлайн-формате. Библиотекари из 9 районов "
        "Восточно-Казахстанской области участвовали в семинаре очно."))
    got = [(c.label.value, c.count, c.mode) for c in res.event.cohorts]
    assert got == [
        ("Шушенское", None, None),
        ("Котласский район", None, None), ("Глубоковский район", None, None),
        ("Ленский район", None, None), ("Устьянский район", None, None),
        ("Коряжма", None, None), ("библиотеки Вологодской области", 4, "online"),
        ("районы Восточно-Казахстанской области", 9, "offline"),
    ]


@pytest.mark.parametrize(("sentence", "groups"), [
    # who they were after a dash is not a group; the list under «Были представлены:» is,
    # a body's own capital kept and where it is (in brackets) left out
    ("В конференции приняли участие 96 человек – библиотекари, музейные работники, историки. "
     "Были представлены:\n\n- Национальная библиотека Беларуси;\n- Латгальская центральная "
     "библиотека (г. Даугавпилс, Латвия);\n- 14 районных библиотек Витебской области.",
     [("Национальная библиотека Беларуси", None), ("Латгальская центральная библиотека", None),
      ("районные библиотеки Витебской области", 14)]),
    # a people's caption before a body; a list cut inside no bracket
    ("В семинаре приняли участие зарубежные коллеги: Вильнюсская городская библиотека "
     "(Литва), Подляская библиотека (Белосток, Польша) и Смоленская областная библиотека "
     "(Россия).",
     [("Вильнюсская городская библиотека", None), ("Подляская библиотека", None),
      ("Смоленская областная библиотека", None)]),
    # two groups of one kind of body joined by «и»
    ("В семинаре приняли участие 74 специалиста – сотрудники 13 районных централизованных "
     "библиотечных систем области и Петропавловской городской централизованной библиотечной "
     "системы.",
     [("районные централизованные библиотечные системы области", 13),
      ("Петропавловская городская централизованная библиотечная система", None)]),
    # how they took part said before the verb
    ("В семинаре приняли участие 40 человек. В режиме видеоконференции к обсуждению "
     "подключились специалисты 7 районных библиотек области.",
     [("районные библиотеки области", 7, "online")]),
    # «присоединились», as «подключились»
    ("В круглом столе приняли участие 34 человека. К обсуждению присоединились коллеги из "
     "Коряжмы, Сольвычегодска и Вельска.",
     [("Коряжма", None), ("Сольвычегодск", None), ("Вельск", None)]),
    # «В их числе —» opens the groups, as «Среди них» does
    ("В форуме приняли участие более 150 специалистов. В их числе — сотрудники 41 музея "
     "Пермского края, 7 музеев Свердловской области, а также представители Челябинской "
     "области.",
     [("музеи Пермского края", 41), ("музеи Свердловской области", 7),
      ("Челябинская область", None)]),
    # regions people came from, after a group of their own
    ("В работе съезда приняли участие более 250 человек: делегаты от 22 муниципальных "
     "образований Югры, гости из Тюменской области и Ямало-Ненецкого автономного округа.",
     [("муниципальные образования Югры", 22), ("Тюменская область", None),
      ("Ямало-Ненецкий автономный округ", None)]),
    # occupations of genitives joined by commas, then the places they came from
    ("В конференции приняли участие учёные, сотрудники музеев, архивов и библиотек из Тюмени, "
     "Тобольска и Ишима.", [("Тюмень", None), ("Тобольск", None), ("Ишим", None)]),
    ("В работе форума приняли участие более 150 человек – руководители и специалисты "
     "библиотек, представители органов местного самоуправления, учреждений культуры и "
     "образования, общественных организаций из 12 регионов России.",
     [("регионы России", 12)]),
])
def test_groups_among_occupations_lists_and_brackets(
        sentence: str, groups: list[tuple[str, int | None] | tuple[str, int | None, str]]
) -> None:
    res = parsed(doc(HEADER + sentence))
    assert [(c.label.value, c.count, *([c.mode] if len(g) == 3 else []))
            for c, g in zip(res.event.cohorts, groups, strict=False)] == groups
    assert len(res.event.cohorts) == len(groups)


# --- organisers and supporters ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "organisers", "supporters"),
    [
        ("Конференция организована Министерством культуры Тверской области совместно с Тверской "
         "областной библиотекой.",
         ["Министерство культуры Тверской области", "Тверская областная библиотека"], []),
        ("Конференция проведена Союзом городов и Центральной городской библиотекой имени "
         "А. С. Пушкина при поддержке Российской библиотечной ассоциации.",
         ["Союз городов", "Центральная городская библиотека имени А. С. Пушкина"],
         ["Российская библиотечная ассоциация"]),
        ("Организаторы: Тверская областная библиотека, администрация города Твери.",
         ["Тверская областная библиотека", "администрация города Твери"], []),
        # an adjective in another case ends a name before «и»; genitives go on over a comma
        ("Организаторы семинара — Ивановская областная специальная библиотека для слепых и "
         "Централизованная библиотечная система города Кинешмы.",
         ["Ивановская областная специальная библиотека для слепых",
          "Централизованная библиотечная система города Кинешмы"], []),
        ("Организаторы конференции — Управление культуры, архивов и документации Павлодарской "
         "области и Павлодарская областная библиотека.",
         ["Управление культуры, архивов и документации Павлодарской области",
          "Павлодарская областная библиотека"], []),
        # the body before the verb, the event after it; the date between the verb and the body
        ("В Международный день родного языка Коми-Пермяцкая окружная библиотека имени "
         "М. П. Лихачёва провела круглый стол «Книга».",
         ["Коми-Пермяцкая окружная библиотека имени М. П. Лихачёва"], []),
        ("Семинар проведён 18 марта 2025 года Тарским филиалом Исторического архива Омской "
         "области совместно с Тарской центральной библиотекой.",
         ["Тарский филиал Исторического архива Омской области",
          "Тарская центральная библиотека"], []),
        # a body's name as the writer capitalises it inside a sentence (its second word
        # capitalised too); a city's administration a common noun whatever the writer does
        ("Организаторами форума выступили Управление Алтайского края по культуре и архивному "
         "делу и Алтайская краевая библиотека. В форуме участвовали представители Управления "
         "Алтайского края по культуре и архивному делу.",
         ["Управление Алтайского края по культуре и архивному делу",
          "Алтайская краевая библиотека"], []),
        ("Чтения организованы Администрацией Старорусского муниципального района.",
         ["администрация Старорусского муниципального района"], []),
        # how it was held ends the name
        ("Конференция проведена Тотемской библиотечной системой и Тотемским музейным "
         "объединением в смешанном формате — очно и онлайн.",
         ["Тотемская библиотечная система", "Тотемское музейное объединение"], []),
        # a table's row of organisers
        ("| | |\n|---|---|\n| **Организаторы** | Гомельская областная библиотека; Брянская "
         "областная научная библиотека |",
         ["Гомельская областная библиотека", "Брянская областная научная библиотека"], []),
        # so does where in a building
        ("Совещание проведено Администрацией Старорусского муниципального района в "
         "конференц-зале Центральной библиотеки.",
         ["администрация Старорусского муниципального района"], []),
        # a name's other name in brackets; one body of two coordinated adjectives
        ("Форум организован Министерством культуры Республики Саха (Якутия) и Таганрогским "
         "литературным и историко-архитектурным музеем-заповедником.",
         ["Министерство культуры Республики Саха (Якутия)",
          "Таганрогский литературный и историко-архитектурный музей-заповедник"], []),
        # the place between the verb and the organisers; a hyphenated head («музея-заповедника»)
        ("Совещание проведено в г. Петропавловске-Камчатском Агентством по делам архивов "
         "Камчатского края.", ["Агентство по делам архивов Камчатского края"], []),
        ("Конференция проведена по инициативе Тобольского историко-архитектурного "
         "музея-заповедника и Государственного архива в г. Тобольске.",
         ["Тобольский историко-архитектурный музей-заповедник",
          "Государственный архив в г. Тобольске"], []),
    ],
)
def test_organisers_and_supporters(sentence: str, organisers: list[str],
                                   supporters: list[str]) -> None:
    res = parsed(doc(HEADER + sentence))
    assert [o.name.value for o in res.event.organisers] == organisers
    assert [o.name.value for o in res.event.supporters] == supporters


# --- recommendations -------------------------------------------------------------------------

def groups(res: Resolution) -> list[tuple[str | None, list[str | None]]]:
    out: list[tuple[str | None, list[str | None]]] = []
    for rec in res.recommendations:
        label = rec.addressee.label if rec.addressee else None
        if out and out[-1][0] == label:
            out[-1][1].append(rec.action.value if rec.action else None)
        else:
            out.append((label, [rec.action.value if rec.action else None]))
    return out


def test_inline_recommend_with_lettered_items() -> None:
    res = parsed(HEADER + "Рекомендовать органам местного самоуправления:\nа) сохранить сеть;\n"
                 "б) обеспечить финансирование.\n\nРекомендовать библиотекам области:\n"
                 "a) проводить опросы;\nb) вести сайты.\n")
    assert groups(res) == [
        ("органы местного самоуправления", ["сохранить", "обеспечить"]),
        ("библиотеки области", ["проводить", "вести"]),
    ]
    assert [r.label for r in res.recommendations] == ["а", "б", "a", "b"]


def test_bullets_without_addressee() -> None:
    res = parsed(HEADER + "Участники конференции считают необходимым:\n\n- развивать "
                 "сотрудничество;\n- • не тот маркер\n• проводить конкурсы;\n"
                 "— поддерживать чтение.\n")
    assert [r.addressee for r in res.recommendations] == [None] * 4
    assert [r.action.value if r.action else None for r in res.recommendations][::3] == [
        "развивать", "поддерживать"]


def test_addressee_opening_the_item() -> None:
    res = parsed(HEADER + "Конференция рекомендует:\n\nМуниципальным библиотекам области активнее "
                 "использовать социальные сети.\n\nОрганам местного самоуправления предусмотреть "
                 "средства на комплектование.\n\nРазвивать партнёрство.\n")
    assert groups(res) == [
        ("муниципальные библиотеки области", ["использовать"]),
        ("органы местного самоуправления", ["предусмотреть"]),
        (None, ["развивать"]),
    ]


def test_numbered_addressee_headings_are_not_recommendations() -> None:
    res = parsed(HEADER + "Конференция рекомендует:\n\n1. Министерству культуры Тверской области:"
                 "\n\n1.1. Разработать программу.\n\n2. Библиотекам области:\n\n2.1. Создавать "
                 "клубы.\n\n2.2. Использовать сети.\n")
    assert groups(res) == [
        ("Министерство культуры Тверской области", ["разработать"]),
        ("библиотеки области", ["создавать", "использовать"]),
    ]
    assert res.recommendations[0].addressee is not None
    assert res.recommendations[0].addressee.organisation is not None


def test_html_list_under_headings() -> None:
    html = ("<h1>Резолюция семинара «Чтение»</h1><p>Тверь, 1 марта 2012 г.</p>"
            "<p>Семинар рекомендует:</p><h3>Органам власти</h3><ul><li>Сохранить библиотеки."
            "</li><li>Финансировать комплектование.</li></ul><p><b>Библиотекам:</b></p><ol>"
            "<li>Проводить акции.</li></ol>")
    res = parsed(html, media_type="text/html")
    assert groups(res) == [
        (None, ["сохранить", "финансировать"]),
        ("библиотеки", ["проводить"]),
    ] or groups(res) == [
        ("органы власти", ["сохранить", "финансировать"]),
        ("библиотеки", ["проводить"]),
    ]


@pytest.mark.parametrize(
    ("item", "verb"),
    [
        ("Сохранить библиотеки.", "сохранить"),
        ("Активнее предоставлять услуги.", "предоставлять"),
        ("В целях развития чтения способствовать работе клубов.", "способствовать"),
        ("При формировании бюджетов предусматривать расходы.", "предусматривать"),
        ("Учитывая, что ресурсы важны, оказывать содействие оцифровке.", "оказывать"),
        ("Шире использовать электронные ресурсы.", "использовать"),
    ],
)
def test_action_is_the_opening_verb(item: str, verb: str) -> None:
    res = parsed(HEADER + "Конференция рекомендует:\n\n" + item + "\n")
    action = res.recommendations[0].action
    assert action is not None and action.value == verb


def test_statements_intro_then_recommendations() -> None:
    res = parsed(HEADER + "Участники конференции отмечают:\n\n1. Рост интереса к чтению.\n\n"
                 "2. Недостаток средств.\n\nУчастники конференции рекомендуют:\n\n"
                 "1. Сохранить фонды.\n")
    assert [s.text.value for s in res.statements] == ["Рост интереса к чтению.",
                                                      "Недостаток средств."]
    assert len(res.recommendations) == 1


def test_closing_proposal_plans_an_event() -> None:
    res = parsed(HEADER + "Конференция рекомендует:\n\n1. Сохранить фонды.\n\nУчастники "
                 "предлагают Тверской областной библиотеке провести следующий семинар в 2016 "
                 "году.\n")
    proposal = res.proposals[0]
    assert proposal.addressee is not None
    assert proposal.addressee.label == "Тверская областная библиотека"
    assert proposal.planned_event is not None
    assert proposal.planned_event.kind.value == "семинар"
    assert proposal.planned_event.year is not None and proposal.planned_event.year.value == 2016


@pytest.mark.parametrize("section", [
    "Участники конференции решили:", "## Заключительные положения"])
def test_a_closing_list_after_the_recommendations_is_of_proposals(section: str) -> None:
    """A second list, under a section of its own, whose every item is a closing proposal."""
    res = parsed(HEADER + "Конференция рекомендует:\n\n1. Сохранить фонды.\n2. Оцифровать "
                 f"каталоги.\n\n{section}\n\n- обратиться к Министерству культуры Российской "
                 "Федерации с предложением учредить премию;\n- провести VI конференцию в 2027 "
                 "году.\n", "text/markdown")
    assert len(res.recommendations) == 2
    assert proposed(res) == [
        ("Министерство культуры Российской Федерации", None), (None, 2027)]


@pytest.mark.parametrize("lead", ["Участники обращают внимание на ряд проблем:",
                                  "Вместе с тем участники обращают внимание на ряд проблем:"])
def test_a_list_of_problems_before_the_recommendations_is_no_recommendation(lead: str) -> None:
    """«обращают внимание на …:» states; «обращаются к …:» appeals."""
    res = parsed(HEADER + "В конференции приняли участие 40 человек.\n\n" + lead + "\n\n- "
                 "недостаточные площади;\n- нехватка специалистов.\n\nКонференция "
                 "рекомендует:\n\n- продолжить изучение;\n- развивать сотрудничество.\n",
                 "text/markdown")
    assert [r.text.value for r in res.recommendations] == [
        "продолжить изучение;", "развивать сотрудничество."]


def test_a_numbered_section_caption_in_capitals_is_no_recommendation() -> None:
    """«IV. ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ» opens the closing words: the thanks are a statement, the
    proposal a proposal."""
    res = parsed(HEADER + "Конференция рекомендует:\n\n1. Сохранить фонды.\n\n2. Издать "
                 "каталоги.\n\nIV. ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ\n\nУчастники конференции "
                 "выражают благодарность музею за организацию конференции.\n\nУчастники "
                 "предлагают Союзу музеев России провести следующую конференцию в 2022 году.\n")
    assert [r.text.value for r in res.recommendations] == ["Сохранить фонды.",
                                                            "Издать каталоги."]
    assert proposed(res) == [("Союз музеев России", 2022)]
    assert any("благодарность" in s.text.value for s in res.statements)


def test_an_appeal_over_a_list_heads_it() -> None:
    """A paragraph «Обратиться в X с предложениями:» over a list: X is the list's addressee,
    the paragraph no recommendation of its own."""
    res = parsed(HEADER + "Конференция рекомендует:\n\n- сохранять фонды;\n- издавать "
                 "каталоги.\n\nОбратиться в Министерство культуры Красноярского края с "
                 "предложениями:\n\n1. Организовать курсы.\n2. Издать сборник.\n",
                 "text/markdown")
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        None, None, "Министерство культуры Красноярского края",
        "Министерство культуры Красноярского края"]


def test_a_list_of_recommendations_after_a_section_stays_recommendations() -> None:
    res = parsed(HEADER + "Конференция рекомендует:\n\n1. Сохранить фонды.\n\nУчастники "
                 "конференции решили:\n\n- провести семинар для библиотекарей в 2026 году;\n"
                 "- издать сборник материалов.\n", "text/markdown")
    assert len(res.recommendations) == 3 and not res.proposals


@pytest.mark.parametrize(("heading", "label"), [
    ("Муниципальным, школьным и вузовским библиотекам республики",
     "муниципальные, школьные и вузовские библиотеки республики"),
    ("Департаменту по архивам и делопроизводству Министерства юстиции Республики Беларусь:",
     "Департамент по архивам и делопроизводству Министерства юстиции Республики Беларусь"),
    ("Централизованным библиотечным системам, участвующим в совещании,",
     "централизованные библиотечные системы, участвующие в совещании"),
    ("Высшим учебным заведениям:", "высшие учебные заведения"),
    # a second field after a comma: «…, по делам …»
    ("Министерству культуры, по делам национальностей и архивного дела Чувашской Республики:",
     "Министерство культуры, по делам национальностей и архивного дела Чувашской Республики"),
    # the heading's tail after the phrase, in capitals too
    ("ОРГАНАМ МЕСТНОГО САМОУПРАВЛЕНИЯ МУНИЦИПАЛЬНЫХ ОБРАЗОВАНИЙ В РЕСПУБЛИКЕ КОМИ:",
     "органы местного самоуправления муниципальных образований в Республике Коми"),
    # «городов» is a surname only in the dictionary's second reading
    ("МУЗЕЯМ МАЛЫХ ГОРОДОВ:", "музеи малых городов"),
    ("МУЗЕЯМ, ХРАНЯЩИМ ПРОИЗВЕДЕНИЯ В. В. ВЕРЕЩАГИНА:",
     "музеи, хранящие произведения В. В. Верещагина"),
    ("МИНИСТЕРСТВУ КУЛЬТУРЫ РЕСПУБЛИКИ МАРИЙ ЭЛ:", "Министерство культуры Республики Марий Эл"),
    ("НАЦИОНАЛЬНОМУ МУЗЕЮ ИМ. Н. Н. ПАЛЬМОВА:", "Национальный музей им. Н. Н. Пальмова"),
    # who answers for it, in brackets, is not its name; a field «по работе с …»
    ("Отделу культуры администрации района (Т. В. Смирнова):",
     "отдел культуры администрации района"),
    ("МБУК «Районная библиотечная система» (О. Н. Иванова):",
     "МБУК «Районная библиотечная система»"),
    ("Отделу по работе со средствами массовой информации администрации района:",
     "отдел по работе со средствами массовой информации администрации района"),
])
def test_addressee_headings(heading: str, label: str) -> None:
    res = parsed(HEADER + f"Конференция рекомендует:\n\n{heading}\n1) сохранить фонды;\n"
                 "2) оцифровать каталоги.\n")
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        label, label]


@pytest.mark.parametrize(("closing", "proposals"), [
    ("Рекомендации направить Мэру города Твери.", [("Мэр города Твери", None)]),
    ("Провести следующую конференцию в 2021 году в г. Алматы. Направить резолюцию в "
     "Представительство ЮНЕСКО в Ташкенте.",
     [(None, 2021), ("Представительство ЮНЕСКО в Ташкенте", None)]),
    ("Предложить Думе города вернуться к вопросу в 2015 году на очередном круглом столе.",
     [("Дума города", 2015)]),
    ("Направить настоящие рекомендации в муниципальные учреждения культуры для использования "
     "в работе.", [("муниципальные учреждения культуры", None)]),
    ("Участники конференции обращаются к Министерству культуры, по делам национальностей и "
     "архивного дела Чувашской Республики с предложением провести следующую конференцию в "
     "2023 году.",
     [("Министерство культуры, по делам национальностей и архивного дела Чувашской "
       "Республики", 2023)]),
    ("Участники форума предлагают Управлению Алтайского края по культуре и архивному делу "
     "провести III краевой форум в 2017 году.",
     [("Управление Алтайского края по культуре и архивному делу", 2017)]),
    # the year counted from the event's
    ("Провести следующую конференцию через год в г. Белокурихе.", [(None, 2013)]),
    ("Участники предлагают провести следующую конференцию через два года.", [(None, 2014)]),
    # an appeal whose content goes on with «и провести …» is one proposal, but not after «с
    # просьбой о …»
    ("Участники обращаются к управлению по делам архивов области с предложением придать "
     "конференции статус ежегодной и провести следующую конференцию в 2014 году.",
     [("управление по делам архивов области", 2014)]),
    ("Участники предлагают обратиться к Министерству культуры области с просьбой о включении "
     "фестиваля в план и провести III фестиваль в 2025 году.",
     [("Министерство культуры области", None), (None, 2025)]),
    # a practice and its next event are one proposal
    ("Участники семинара предложили проводить зональные семинары ежегодно, а следующий "
     "семинар провести в 2013 году в г. Котласе.", [(None, 2013)]),
    # the participants propose in a sentence that opens otherwise
    ("Учитывая, что фестиваль проводится раз в два года, участники предлагают оргкомитету "
     "фестиваля провести VI фестиваль в 2023 году.", [("оргкомитет фестиваля", 2023)]),
    # the members of a body speak for it
    ("Члены Совета предложили Государственной библиотеке Югры провести очередное заседание "
     "Совета директоров в апреле 2021 года.", [("Государственная библиотека Югры", 2021)]),
    # an appeal in the past tense
    ("Участники форума обратились к администрации города Кунгура с предложением провести "
     "следующий форум в 2015 году.", [("администрация города Кунгура", 2015)]),
    # a pronoun is the body the sentence thanked; the body entrusted with the event
    ("Участники выражают благодарность администрации городского округа Кинешма за "
     "гостеприимство и предлагают ей провести следующий форум в 2022 году.",
     [("администрация городского округа Кинешма", 2022)]),
    ("Участники выражают благодарность Елабужскому историко-архитектурному и художественному "
     "музею-заповеднику за организацию конференции и предлагают ему провести следующую "
     "конференцию в 2018 году.",
     [("Елабужский историко-архитектурный и художественный музей-заповедник", 2018)]),
    ("Участники совещания предложили провести следующее совещание в 2024 году в посёлке "
     "Шушенское и поручить его подготовку администрации Шушенского района.",
     [("администрация Шушенского района", 2024)]),
    # a bare noun is the body of that noun the paragraph named before
    ("Участники благодарят коллектив Минусинского краеведческого музея имени Н. М. Мартьянова "
     "за организацию чтений и предлагают музею провести следующие чтения в 2019 году.",
     [("Минусинский краеведческий музей имени Н. М. Мартьянова", 2019)]),
])
def test_closing_proposals_after_the_list(closing: str,
                                          proposals: list[tuple[str | None, int | None]]) -> None:
    res = parsed(HEADER + f"Конференция рекомендует:\n\n1. Сохранить фонды.\n\n{closing}\n")
    assert len(res.recommendations) == 1
    assert proposed(res) == proposals


@pytest.mark.parametrize(("header", "rows"), [
    ("| Страна | Участников | Формат |", ["| Республика Узбекистан | 29 | очно |",
                                          "| Беларусь, Турция | 31 | дистанционно |"]),
    # the column of how first: the row's group is the next cell
    ("| Формат | Участники | Число |", ["| очно | Республика Узбекистан | 29 |",
                                        "| онлайн | Беларусь, Турция | 31 |"]),
])
def test_a_table_column_of_how_people_took_part(header: str, rows: list[str]) -> None:
    """«очно» is how everyone took part unless said otherwise: only «дистанционно» marks a row."""
    res = parsed(doc(HEADER + "В конференции приняли участие 60 человек.\n\n"
                     f"{header}\n|---|---|---|\n" + "\n".join(rows)), "text/markdown")
    assert [(c.label.value, c.count, c.mode) for c in res.event.cohorts] == [
        ("Республика Узбекистан", 29, None), ("Беларусь, Турция", 31, "online")]


def test_a_count_a_dash_and_who() -> None:
    res = parsed(doc(HEADER + "Участниками семинара стали 36 специалистов: 14 — из библиотек "
                     "Анадыря, 22 — от областных библиотек."))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("библиотеки Анадыря", 14), ("областные библиотеки", 22)]


def test_a_stated_total_after_the_list_of_groups() -> None:
    res = parsed(doc(HEADER + "В работе круглого стола участвовали: директора 9 муниципальных "
                     "учреждений культуры; 12 руководителей детских школ искусств. Всего — 37 "
                     "человек."))
    assert res.event.participants is not None and res.event.participants.value == 37
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("муниципальные учреждения культуры", 9), ("руководители детских школ искусств", 12)]


def test_a_datelines_day_inside_the_period_the_text_gives() -> None:
    res = parsed(doc("Резолюция конференции «Архивы»\n\nМинск, 5 октября 2018 г.\n\nС 3 по 5 "
                     "октября 2018 г. в г. Минске прошла конференция «Архивы»."))
    assert (res.event.start.value, res.event.end.value) == (D(2018, 10, 3), D(2018, 10, 5))


def test_an_undated_stamp_above_and_a_dated_signature_line_below() -> None:
    res = parsed("УТВЕРЖДЕНА\nна заседании совещания\n\n" + HEADER.replace(", 1 марта 2012 г.", "")
                 + "Участники рекомендуют:\n\n1. Сохранить фонды.\n\nРезолюция принята "
                 "участниками совещания.\n\nг. Тверь                              12.05.2015\n")
    assert res.adopted is not None and res.adopted.value == D(2015, 5, 12)


def test_a_link_to_a_file_after_the_list_is_furniture() -> None:
    page = ("<html><body><h1>Резолюция семинара «Архивы»</h1><p>Тверь, 1 марта 2012 г.</p>"
            "<p>Участники рекомендуют:</p><p>1. Сохранить фонды.</p><p>2. Оцифровать "
            "каталоги.</p><hr><p><a href='/p.pdf'>Скачать программу семинара (PDF, 240 Кб)</a>"
            "</p></body></html>")
    res = parsed(page, "text/html")
    assert len(res.recommendations) == 2 and not res.proposals


@pytest.mark.parametrize("box", [
    '<div class="other-news"><ul>{}</ul></div>',
    '<div class="column"><h3>Другие новости</h3><ul>{}</ul></div>',
    '<section><h4>Читайте также:</h4><ul>{}</ul></section>'])
def test_a_box_of_links_to_other_news_is_never_read(box: str) -> None:
    links = ("<li><a href='/n/1'>Итоги конкурса «Читающая семья»</a> <span>25.05.2021</span>"
             "</li><li><a href='/n/2'>Провести акцию в библиотеке</a> 24.05.2021</li>")
    page = ("<html><body><h1>Резолюция конференции «Архивы»</h1><p>Тверь, 1 марта 2012 г.</p>"
            "<p>Участники конференции рекомендуют:</p><ol><li>Сохранить фонды.</li>"
            "<li>Оцифровать каталоги.</li></ol>" + box.format(links) + "</body></html>")
    res = parsed(page, "text/html")
    assert [r.text.value for r in res.recommendations] == ["Сохранить фонды.",
                                                           "Оцифровать каталоги."]


@pytest.mark.parametrize(("said", "cited"), [
    # a heading in capitals says nothing of the first letter; the sentence above does
    ("организован департаментом культуры Тверской области", "департамент"),
    ("организован Департаментом культуры Тверской области", "Департамент"),
])
def test_a_name_is_cited_with_the_first_letter_its_writer_gives_it(said: str,
                                                                    cited: str) -> None:
    res = parsed(doc("Резолюция семинара «Архивы»\n\nТверь, 1 марта 2012 г.\n\n"
                     f"Семинар {said} и областной библиотекой.",
                     "Участники семинара рекомендуют:\n\nДЕПАРТАМЕНТУ КУЛЬТУРЫ ТВЕРСКОЙ ОБЛАСТИ\n\n"
                     "1. Сохранить фонды.\n"))
    assert [o.name.value for o in res.event.organisers][0] == f"{cited} культуры Тверской области"
    (rec,) = res.recommendations
    assert rec.addressee is not None
    assert rec.addressee.label == f"{cited} культуры Тверской области"


WRAPPED = """\
1 марта 2012 года в Твери состоялся областной семинар по вопросам сохранения
документального наследия муниципальных архивов и библиотек, организованный
Архивным отделом администрации Тверской области и Тверской областной
библиотекой. В работе семинара приняли участие 48 специалистов архивов,
музеев и библиотек области, а также преподаватели Тверского университета.
Участники обсудили порядок передачи документов на хранение, оцифровку
фондов, учёт и описание документов личного происхождения, работу с
краеведами и общественными организациями, а также подготовку кадров."""


def test_a_capital_that_opens_a_wrapped_line_is_the_writers() -> None:
    res = parsed("Резолюция семинара «Архивы»\n\n" + WRAPPED + "\n\n"
                 "Участники семинара рекомендуют:\n\n1. Сохранить фонды.\n")
    assert [o.name.value for o in res.event.organisers][0] == (
        "Архивный отдел администрации Тверской области")


@pytest.mark.parametrize(("first", "second"), [
    ("1) продолжить участие в проекте;\n2) обеспечить доступность зданий.",
     "1) развивать наставничество."),
    ("А.1. Продолжить участие в проекте.\nА.2. Обеспечить доступность зданий.",
     "Б.1. Развивать наставничество."),
])
def test_addressee_headings_numbered_by_capital_letters(first: str, second: str) -> None:
    res = parsed(doc(HEADER, "Съезд рекомендует:\n\n**А. Органам местного самоуправления:**\n\n"
                     f"{first}\n\n**Б. Библиотекам области:**\n\n{second}\n"),
                 "text/markdown")
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "органы местного самоуправления", "органы местного самоуправления",
        "библиотеки области"]
    assert not any(r.text.value.startswith(("А.", "Б.")) for r in res.recommendations)


def test_items_numbered_inside_a_paragraph() -> None:
    res = parsed(doc(HEADER, "Участники сочли необходимым:\n\n"
                     "Рекомендовать музеям области: 1) провести самообследование доступности\n"
                     "зданий; 2) разработать адаптированную программу для людей с нарушениями\n"
                     "зрения; 3) включать в планы курсы по инклюзивной педагогике.\n\n"
                     "Рекомендовать органам управления культурой: а) предусматривать средства на\n"
                     "оснащение музеев; б) учитывать показатели инклюзивной работы.\n"))
    assert [(r.label, r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        ("1", "музеи области"), ("2", "музеи области"), ("3", "музеи области"),
        ("а", "органы управления культурой"), ("б", "органы управления культурой")]
    assert res.recommendations[1].text.value.startswith("разработать адаптированную")


def test_a_section_of_proposals_after_the_list() -> None:
    res = parsed(doc(HEADER, "РЕШИЛИ:\n\n1. Сохранить фонды.\n2. Оцифровать каталоги.\n\n"
                     "**Предложения:**\n\nПредложить Министерству культуры области рассмотреть "
                     "возможность проведения конкурса проектов.\n"), "text/markdown")
    assert len(res.recommendations) == 2
    (proposal,) = res.proposals
    assert proposal.addressee is not None
    assert proposal.addressee.label == "Министерство культуры области"


def test_a_heading_of_a_legal_form_and_a_quoted_name() -> None:
    res = parsed(doc(HEADER, "КОЛЛЕГИЯ РЕШИЛА:\n\n1. Органам местного самоуправления:\n\n"
                     "1.1. сохранить фонды.\n\n2. ГБУК «Калужская областная научная библиотека "
                     "им. В. Г. Белинского»:\n\n2.1. провести вебинары;\n\n"
                     "2.2. обновить сайт.\n"))
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "органы местного самоуправления"] + [
        "ГБУК «Калужская областная научная библиотека им. В. Г. Белинского»"] * 2


@pytest.mark.parametrize(("preamble", "tail", "names"), [
    ("Организаторы: Министерство культуры, по делам национальностей и архивного дела Чувашской "
     "Республики; Национальная библиотека Чувашской Республики.", "",
     ["Министерство культуры, по делам национальностей и архивного дела Чувашской Республики",
      "Национальная библиотека Чувашской Республики"]),
    ("Конференция, проведённая Министерством культуры Республики Коми и Национальной "
     "библиотекой Республики Коми, собрала порядка 150 человек.", "",
     ["Министерство культуры Республики Коми", "Национальная библиотека Республики Коми"]),
    ("Заседание проведено Национальной библиотекой Кыргызской Республики как "
     "председательствующей в Совете.", "", ["Национальная библиотека Кыргызской Республики"]),
    ("Конференция организована Якутским музеем истории и культуры народов Севера имени Ем. "
     "Ярославского.", "",
     ["Якутский музей истории и культуры народов Севера имени Ем. Ярославского"]),
    ("Конференция подготовлена и проведена Архивным управлением Томской области. "
     "Соорганизатором конференции выступила Томская областная библиотека.", "",
     ["Архивное управление Томской области", "Томская областная библиотека"]),
    # a caption of its own, anywhere: list items, or lines that end with a comma
    ("В конференции приняли участие 40 человек.",
     "\n**Организаторы семинара:**\n\n- Министерство культуры области;\n"
     "- Областная научная библиотека.\n",
     ["Министерство культуры области", "Областная научная библиотека"]),
    ("В конференции приняли участие 40 человек.",
     "\n**Организаторы семинара:**\nДепартамент культуры Тюменской области,\n"
     "ГАУК ТО «Тюменское музейно-просветительское объединение»\n",
     ["Департамент культуры Тюменской области",
      "ГАУК ТО «Тюменское музейно-просветительское объединение»"]),
])
def test_organisers_in_the_shapes_of_the_genre(preamble: str, tail: str,
                                               names: list[str]) -> None:
    res = parsed(doc(HEADER + preamble, RECOMMENDS + tail), "text/markdown")
    assert [o.name.value for o in res.event.organisers] == names


def test_a_text_table_of_participants_with_borders() -> None:
    table = ("Состав участников чтений:\n\n"
             "+------------------------------------------------------+----------+\n"
             "| Категория участников                                 | Кол-во   |\n"
             "+------------------------------------------------------+----------+\n"
             "| Библиотеки Вологодской области                       |    34    |\n"
             "| Гости из Архангельской, Кировской и Костромской обл. |     9    |\n"
             "+------------------------------------------------------+----------+\n"
             "| ИТОГО                                                |    43    |\n"
             "+------------------------------------------------------+----------+\n")
    res = parsed(doc(HEADER + table))
    assert res.event.participants is not None and res.event.participants.value == 43
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("библиотеки Вологодской области", 34),
        ("гости из Архангельской, Кировской и Костромской областей", 9)]


def test_a_table_under_a_caption_of_who_was_present() -> None:
    page = ("<html><body><h1>Решение заседания Совета «Музеи»</h1><p>Тверь, 1 марта 2012 г.</p>"
            "<p><b>Присутствовали:</b></p><table><tr><td>члены Совета</td><td>14 чел.</td></tr>"
            "<tr><td>приглашённые (руководители музеев, представитель министерства)</td>"
            "<td>9 чел.</td></tr><tr><td>всего</td><td>23 чел.</td></tr></table>"
            "<p>РЕШИЛИ:</p><ol><li>Сохранить фонды.</li></ol></body></html>")
    res = parsed(page, "text/html")
    assert res.event.participants is not None and res.event.participants.value == 23
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("члены Совета", 14), ("приглашённые", 9)]


def test_participants_addressed_in_the_dative_and_a_stated_total() -> None:
    res = parsed(doc("Рекомендации школы-семинара «Каталоги»\n\nТашкент, 4 октября 2022 г.\n\n"
                     "Слушателями стали 42 специалиста библиотек. Занятия вели 6 преподавателей. "
                     "Всего в работе школы-семинара участвовали 48 человек.",
                     "1. Организаторам школы-семинара:\n\n- разместить материалы на сайте.\n\n"
                     "2. Участникам школы-семинара:\n\n- провести занятия для коллег.\n"))
    assert res.event.participants is not None and res.event.participants.value == 48
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "организаторы школы-семинара", "участники школы-семинара"]


@pytest.mark.parametrize(("closing", "proposals"), [
    ("Участники выражают благодарность организаторам и обращаются к Федеральному архивному "
     "агентству с предложением провести аналогичный семинар в 2012 году в г. Мурманске.",
     [("Федеральное архивное агентство", 2012)]),
    ("Конгресс обращается к Российской библиотечной ассоциации с предложением включить в "
     "программу конференции заседание по проблемам библиотек.",
     [("Российская библиотечная ассоциация", None)]),
    ("Участники совещания считают целесообразным провести следующее совещание в 2010 году в "
     "г. Пскове и предлагают Управлению по делам архивов при Правительстве Республики Карелия "
     "направить настоящие рекомендации в Федеральное архивное агентство.",
     [(None, 2010), ("Управление по делам архивов при Правительстве Республики Карелия", None)]),
])
def test_closing_proposals_in_sentences_of_appeal(closing: str,
                                                  proposals: list[tuple[str | None, int | None]]
                                                  ) -> None:
    res = parsed(doc(HEADER, RECOMMENDS + "\n" + closing + "\n"))
    assert proposed(res) == proposals


def test_what_the_participants_propose_after_the_adoption_line_is_a_proposal() -> None:
    res = parsed(HEADER + "Участники конференции рекомендуют:\n\n1. Сохранить фонды.\n\n"
                 "Резолюция принята участниками конференции 1 марта 2012 г.\n\n"
                 "Участники конференции предложили Тверской областной библиотеке провести "
                 "следующую конференцию в 2014 году.\n")
    assert proposed(res) == [("Тверская областная библиотека", 2014)]
    assert res.adopted is not None and len(res.recommendations) == 1


def test_a_long_markdown_heading_does_not_hide_that_the_text_is_wrapped() -> None:
    """Nobody wraps a Markdown heading, so a heading longer than the text's margin does not
    say the text is not hard-wrapped: a sentence wrapped before a capital is one block."""
    para = ("Организаторы конференции — Управление культуры, архивов и документации\n"
            "Павлодарской области и Павлодарская областная универсальная научная\n"
            "библиотека имени С. Торайгырова. Конференция проведена при поддержке\n"
            "Национальной библиотеки Республики Казахстан.\n")
    filler = "".join(f"Участники отмечают, что работа библиотек области в {y} году шла\n"
                     "успешно и планомерно, по утверждённым планам и программам.\n\n"
                     for y in range(2010, 2016))
    text = ("## Резолюция Международной научно-практической конференции «Библиотеки Евразии: "
            "сохранение документального наследия в цифровую эпоху»\n\nПавлодар, 12 октября "
            "2017 г.\n\n" + para + "\n" + filler + RECOMMENDS)
    res = parsed(text, "text/markdown")
    assert [o.name.value for o in res.event.organisers] == [
        "Управление культуры, архивов и документации Павлодарской области",
        "Павлодарская областная универсальная научная библиотека имени С. Торайгырова"]


@pytest.mark.parametrize("lead", [
    "2. Просить департамент культуры области:\n   а) организовать семинар;\n"
    "   б) предусмотреть конкурс;\n   в) информировать органы.\n",
    "2. Руководителям муниципальных архивов:\n– организовать семинар;\n"
    "– предусмотреть конкурс;\n– информировать органы.\n",
])
def test_a_numbered_lead_in_is_a_heading_over_its_sub_items(lead: str) -> None:
    """«2. Просить X:» over «а) …», «б) …» among numbered items that act: the lead-in names
    the addressee, and each line under it is a recommendation — as ../shared/corpus labels
    Lipetsk's «Рекомендовать …:» over «а) …», «б) …»."""
    res = parsed(HEADER + "Участники конференции рекомендуют:\n\n1. Просить Министерство "
                 "культуры сохранить фонды.\n\n" + lead + "\n3. Рекомендовать библиотекам "
                 "развивать сайты.\n")
    labels = [r.addressee.label if r.addressee else None for r in res.recommendations]
    assert len(labels) == 5 and labels[0] == "Министерство культуры"
    assert len(set(labels[1:4])) == 1 and labels[1] is not None and labels[4] == "библиотеки"


def test_a_heading_that_ends_in_a_dash_and_sub_items_of_mixed_markers() -> None:
    res = parsed(doc(HEADER, "Участники решили обратиться к:\n\n"
                     "**Министерству культуры края** —\n\n"
                     "1) поддержать издание серии, включая:\n"
                     "   а) сборник документов;\n   б) сборник воспоминаний;\n"
                     "   — путеводитель по фондам.\n"
                     "2) предусмотреть средства на фонды.\n"), "text/markdown")
    assert [(r.label, r.addressee.label if r.addressee else None)
            for r in res.recommendations] == [("1", "Министерство культуры края"),
                                              ("2", "Министерство культуры края")]
    assert "путеводитель" in res.recommendations[0].text.value


def test_a_paragraph_after_the_lists_last_item_is_a_closing_word() -> None:
    res = parsed(doc(HEADER, "Участники рекомендуют:\n\nБиблиотекам и музеям области:\n\n"
                     "- размещать ссылки на справочники;\n\n- включать копии в выставки.\n\n"
                     "Материалы конференции рекомендовано опубликовать в сборнике.\n"),
                 "text/markdown")
    assert len(res.recommendations) == 2
    assert [p.text.value for p in res.proposals] == [
        "Материалы конференции рекомендовано опубликовать в сборнике."]


def test_a_singular_intro_an_event_before_its_organiser_and_a_titled_town() -> None:
    res = parsed(doc(HEADER + "Конференцию провела администрация городского округа город Выкса.",
                     "По итогам обсуждения конференция считает необходимым:\n\n"
                     "1. Учреждениям культуры городского округа — открыть пространства для "
                     "жителей.\n\n2. Органам местного самоуправления — предусмотреть средства.\n"
                     "\nУчастники конференции предлагают администрации городского округа город "
                     "Выкса провести следующую конференцию в ноябре 2023 года.\n"))
    assert [o.name.value for o in res.event.organisers] == [
        "администрация городского округа город Выкса"]
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "учреждения культуры городского округа", "органы местного самоуправления"]
    (proposal,) = res.proposals
    assert proposal.addressee is not None
    assert proposal.addressee.label == "администрация городского округа город Выкса"


# --- partial and non-resolutions -------------------------------------------------------------

def test_header_only_loads_with_warnings() -> None:
    res = parsed("Резолюция конференции «Библиотека»\n\nТверь, 1 марта 2012 г.\n")
    assert res.recommendations == ()
    assert any("recommendation" in w for w in res.warnings)


def test_text_cut_mid_sentence_keeps_what_is_there() -> None:
    res = parsed(HEADER + "Конференция рекомендует:\n\n1. Сохранить фонды.\n\n2. Обеспечить "
                 "доступ к")
    assert len(res.recommendations) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Резолюция\n\nСегодня хорошая погода.\n",
        "Конференция рекомендует:\n\n1. Сохранить фонды.\n",
        "Протокол заседания\n\nПрисутствовали: 5 человек.\n",
    ],
)
def test_not_a_resolution(text: str) -> None:
    with pytest.raises(NotAResolutionError) as info:
        parse_text(text, name="note.txt")
    assert info.value.path == "note.txt"


# --- whole documents in other shapes ---------------------------------------------------------

DRAFT_DOC = """ПРОЕКТ

РЕЗОЛЮЦИЯ
XII Всероссийской научно-практической конференции
«Библиотеки малых городов: ресурсы развития»

г. Вологда, 30 сентября – 2 октября 2015 г.

Конференция проведена Министерством культуры Российской Федерации, Российской библиотечной \
ассоциацией и Вологодской областной универсальной научной библиотекой имени И. В. \
Бабушкина при поддержке Фонда Михаила Прохорова.

В работе конференции приняли участие более ста специалистов из 25 регионов России, а также \
коллеги из Республики Беларусь и Казахстана.

Участники конференции отмечают, что библиотеки малых городов остаются важнейшими центрами \
культурной жизни.

Участники конференции рекомендуют:

1. Органам государственной власти субъектов Российской Федерации:
— сохранить сеть библиотек малых городов;
— предусмотреть средства на комплектование фондов.

2. Библиотекам малых городов активнее внедрять информационные технологии.

3. Проводить ежегодные конкурсы профессионального мастерства.

Принято единогласно.
"""

PSKOV_HTML = """<html><body>
<p align="center"><b>ИТОГОВЫЙ ДОКУМЕНТ</b></p>
<p align="center"><b>Межрегионального круглого стола «Молодёжь и чтение»</b></p>
<p>Круглый стол состоялся 12 ноября 2019 года в г. Пскове. Организаторы: Псковская \
областная универсальная научная библиотека, Комитет по культуре Псковской области.</p>
<p>В работе круглого стола приняли участие 45 человек, в том числе в режиме онлайн — \
представители 7 регионов.</p>
<p>Участники круглого стола считают необходимым:</p>
<ul>
<li><i>Комитету по культуре Псковской области:</i>
<ul><li>разработать программу поддержки молодёжного чтения;</li><li>учредить премию для \
молодых авторов.</li></ul></li>
<li><i>Библиотекам области:</i>
<ul><li>создавать молодёжные пространства;</li></ul></li>
</ul>
<p>Одобрено участниками круглого стола 12 ноября 2019 г.</p>
</body></html>
"""


def test_draft_with_ordinal_bullets_under_a_numbered_heading() -> None:
    res = parsed(DRAFT_DOC)
    assert res.is_draft and res.adopted is None and res.adopted_unanimously
    assert (res.event.ordinal, res.event.kind.value) == (12, "конференция")
    assert res.event.participants is not None and res.event.participants.value == 100
    assert res.event.participants_is_minimum
    assert [o.name.value for o in res.event.supporters] == ["Фонд Михаила Прохорова"]
    assert [(g, len(actions)) for g, actions in groups(res)] == [
        ("органы государственной власти субъектов Российской Федерации", 2),
        ("библиотеки малых городов", 1),
        (None, 1),
    ]


def test_final_document_in_html_with_nested_lists() -> None:
    res = parsed(PSKOV_HTML, media_type="text/html")
    assert res.document_type.value == "итоговый документ"
    assert res.event.place is not None and res.event.place.value == "Псков"
    assert res.adopted is not None and res.adopted.value == D(2019, 11, 12)
    assert [(c.count, c.unit, c.mode) for c in res.event.cohorts] == [(7, "region", "online")]
    assert [(g, len(actions)) for g, actions in groups(res)] == [
        ("Комитет по культуре Псковской области", 2),
        ("библиотеки области", 1),
    ]


@pytest.mark.parametrize(("sentences", "groups"), [
    # places after people, one group a place; a list split at commas is joined again
    ("В конференции приняли участие 40 человек: специалисты из Южно-Сахалинска, Корсакова, "
     "Холмска и Охи.",
     [("Южно-Сахалинск", None, None), ("Корсаков", None, None), ("Холмск", None, None),
      ("Оха", None, None)]),
    # a count for a place after a dash; a subject that took part before its verb
    ("В конференции приняли участие свыше 150 учёных и специалистов библиотек, музеев и "
     "архивов: 84 — из Беларуси, 52 — из России; коллеги из Казахстана, Узбекистана и "
     "Кыргызстана участвовали в режиме онлайн.",
     [("Беларусь", 84, None), ("Россия", 52, None), ("Казахстан", None, "online"),
      ("Узбекистан", None, "online"), ("Кыргызстан", None, "online")]),
    # the subject of a later sentence; the count of a body of people before «подключились»
    ("В работе съезда приняли участие 85 человек — делегаты 23 музеев края. Коллеги из Магадана "
     "и Анадыря участвовали в режиме онлайн. Сотрудники 14 муниципальных архивов округа "
     "подключились к работе съезда дистанционно.",
     [("музеи края", 23, None), ("Магадан", None, "online"), ("Анадырь", None, "online"),
      ("муниципальные архивы округа", 14, "online")]),
    # a count in brackets after each place
    ("В школе приняли участие 32 человека из Усть-Илимска (19), Братска (7), "
     "Железногорска-Илимского (4) и Усть-Кута (2).",
     [("Усть-Илимск", 19, None), ("Братск", 7, None), ("Железногорск-Илимский", 4, None),
      ("Усть-Кут", 2, None)]),
    # delegations that arrived took part
    ("В форуме приняли участие более 200 человек. На форум прибыли делегации 14 "
     "муниципальных образований Пермского края.",
     [("муниципальные образования Пермского края", 14, None)]),
    ("В конгрессе приняли участие 300 человек. На конгресс прибыли делегации из Кыргызстана, "
     "Казахстана и России.",
     [("Кыргызстан", None, None), ("Казахстан", None, None), ("Россия", None, None)]),
    ("В съезде приняли участие более 300 человек. Делегации прибыли из всех 25 муниципальных "
     "районов и 5 городских округов республики.",
     [("муниципальные районы республики", 25, None), ("городские округа республики", 5, None)]),
    ("В форуме приняли участие 200 человек. На форум приехали представители 14 городов и "
     "районов Алтайского края.", [("города и районы Алтайского края", 14, None)]),
    # bodies after «из» whose names hold initials («имени А. С. Пушкина»)
    ("В конференции приняли участие 50 человек. В режиме онлайн к работе конференции "
     "подключились коллеги из Омской научной библиотеки имени А. С. Пушкина и Новосибирской "
     "научной библиотеки.",
     [("Омская научная библиотека имени А. С. Пушкина", None, "online"),
      ("Новосибирская научная библиотека", None, "online")]),
    # a counted group, then more places after «а также из» (and the people named before it)
    ("В конференции приняли участие 96 человек из 9 муниципальных образований Ярославской "
     "области, а также из Москвы, Вологды и Костромы.",
     [("муниципальные образования Ярославской области", 9, None), ("Москва", None, None),
      ("Вологда", None, None), ("Кострома", None, None)]),
    ("В конференции приняли участие 96 человек из 22 муниципальных округов области, а также "
     "гости из Ярославля.", [("муниципальные округа области", 22, None),
                             ("Ярославль", None, None)]),
])
def test_groups_of_places_and_subjects(sentences: str, groups: list[tuple[str, int | None,
                                                                        str | None]]) -> None:
    res = parsed(doc(HEADER + sentences))
    assert [(c.label.value, c.count, c.mode) for c in res.event.cohorts] == groups


def test_the_series_so_far_is_not_this_events_count() -> None:
    res = parsed(doc(
        HEADER + "Чтения проходят с 1994 года. За это время в них приняли участие более 900 "
        "исследователей. В работе XIV чтений приняли участие 65 человек."))
    assert res.event.participants is not None and res.event.participants.value == 65


def test_an_html_table_of_participants_gives_a_group_a_row() -> None:
    """Rows of data cells are read as a Markdown table's rows («| Страна | Участников |»); a
    one-row table of a place beside a date stays two lines of the header."""
    page = (
        "<html><body><h1>Резолюция конференции «Архивы»</h1>"
        "<table><tr><td>«14» мая 2015 г.</td><td>г. Прага</td></tr></table>"
        "<p>В работе конференции приняли участие 36 человек из трёх стран:</p>"
        "<table><thead><tr><th>Страна</th><th>Участников</th></tr></thead><tbody>"
        "<tr><td>Чешская Республика</td><td>14</td></tr>"
        "<tr><td>Российская Федерация</td><td>22</td></tr></tbody></table>"
        "<p>Участники конференции рекомендуют:</p><ol><li>Сохранить фонды.</li></ol>"
        "</body></html>")
    res = parsed(page, "text/html")
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("Чешская Республика", 14), ("Российская Федерация", 22)]
    assert res.event.place is not None and res.event.place.value == "Прага"


@pytest.mark.parametrize(("sentence", "groups"), [
    # the bodies named before a count are the group, and go on over «и»
    ("В конференции приняли участие 70 человек: сотрудники центральных библиотек 43 "
     "муниципальных районов и 12 городских округов.",
     [("центральные библиотеки муниципальных районов", 43),
      ("центральные библиотеки городских округов", 12)]),
    ("В совещании участвовали 63 человека: руководители архивных отделов администраций 55 "
     "муниципальных образований области, представители Государственного архива Ростовской "
     "области (5 человек).",
     [("архивные отделы администраций муниципальных образований области", 55),
      ("Государственный архив Ростовской области", 5)]),
    # only people before the count: the count's own bodies
    ("В конференции приняли участие 50 человек: специалисты 23 муниципальных библиотек.",
     [("муниципальные библиотеки", 23)]),
    # two bodies' names joined by «и» are two groups
    ("В совещании приняли участие 40 человек: сотрудники Национального музея Республики "
     "Карелия и Государственного архива Республики Карелия.",
     [("Национальный музей Республики Карелия", None),
      ("Государственный архив Республики Карелия", None)]),
    # a name that ends in an adjective («имени Ярослава Мудрого») ends before the comma
    ("В конференции приняли участие 73 человека: сотрудники Музея Северо-Западного фронта, "
     "Новгородского государственного университета имени Ярослава Мудрого, Государственного "
     "архива Новгородской области.",
     [("Музей Северо-Западного фронта", None),
      ("Новгородский государственный университет имени Ярослава Мудрого", None),
      ("Государственный архив Новгородской области", None)]),
    # a count ending in 2, 3 or 4: the noun in the genitive singular, the adjectives plural
    ("В фестивале приняли участие 80 человек: представители 23 государственных и "
     "муниципальных музея.", [("государственные и муниципальные музеи", 23)]),
    # a verb ends the list: what they did next is no group
    ("В семинаре приняли участие 40 человек: сотрудники 9 музеев области, 5 школ района, "
     "обсудили проблемы взаимодействия музеев со школами.",
     [("музеи области", 9), ("школы района", 5)]),
    # a region's name with a dash («… автономного округа – Югры») is not cut at the dash
    ("В семинаре приняли участие 70 человек: представители 16 муниципальных образований "
     "Ханты-Мансийского автономного округа – Югры.",
     [("муниципальные образования Ханты-Мансийского автономного округа – Югры", 16)]),
    # the regions of one counted group, listed with commas
    ("В чтениях приняли участие 74 человека: сотрудники 19 музеев Красноярского края, "
     "Республики Хакасия и Республики Тыва, 11 библиотек юга Красноярского края.",
     [("музеи Красноярского края, Республики Хакасия и Республики Тыва", 19),
      ("библиотеки юга Красноярского края", 11)]),
    # whose they are, said after the last counted group only, is said of each
    ("В собрании участвовали 43 человека: представители 19 государственных и муниципальных "
     "музеев и 9 частных музеев Ярославской области.",
     [("государственные и муниципальные музеи Ярославской области", 19),
      ("частные музеи Ярославской области", 9)]),
    ("В совещании участвовали 60 человек: сотрудники 14 архивов, 11 музеев и 22 библиотек "
     "автономного округа.",
     [("архивы автономного округа", 14), ("музеи автономного округа", 11),
      ("библиотеки автономного округа", 22)]),
    # but a group of people keeps what it says
    ("В семинаре приняли участие 33 специалиста: 29 методистов и 4 представителя отделов "
     "культуры администраций районов.",
     [("методисты", 29), ("представители отделов культуры администраций районов", 4)]),
])
def test_groups_named_by_their_bodies(sentence: str, groups: list[tuple[str, int | None]]
                                      ) -> None:
    res = parsed(doc(HEADER + sentence))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == groups


def test_groups_listed_under_the_sentence_of_taking_part() -> None:
    res = parsed(doc(HEADER + "Около 150 участников, в том числе:\n\n- представители 42 музеев "
                     "Республики Саха (Якутия);\n- представители музеев 11 регионов России;\n"
                     "- коллеги из Улан-Батора и Астаны — в режиме онлайн."), "text/markdown")
    assert [(c.label.value, c.count, c.mode) for c in res.event.cohorts] == [
        ("музеи Республики Саха (Якутия)", 42, None), ("регионы России", 11, None),
        ("Улан-Батор", None, "online"), ("Астана", None, "online")]


def test_a_table_rows_mode_in_brackets_and_capital() -> None:
    """A row's «(в режиме онлайн)» is its mode, not its label; a plural group is cited in lower
    case, one body's name keeps its capital."""
    res = parsed(doc(
        HEADER + "В конференции приняли участие 60 человек.\n\n"
        "| Категория участников | Количество |\n|---|---|\n"
        "| Сотрудники Великолукской ЦБС | 18 |\n"
        "| Национальная библиотека имени С. Г. Чавайна | 21 |\n"
        "| Гости из Чебоксар и Казани (в режиме онлайн) | 21 |"), "text/markdown")
    assert [(c.label.value, c.count, c.mode) for c in res.event.cohorts] == [
        ("сотрудники Великолукской ЦБС", 18, None),
        ("Национальная библиотека имени С. Г. Чавайна", 21, None),
        ("гости из Чебоксар и Казани", 21, "online")]


@pytest.mark.parametrize(("sentence", "topics"), [
    ("Участники обсудили состояние сети учреждений культуры города, итоги реализации "
     "программы «Развитие культуры и туризма» и предложения жителей, поступившие в ходе "
     "опроса.",
     ["состояние сети учреждений культуры города",
      "итоги реализации программы «Развитие культуры и туризма»",
      "предложения жителей, поступившие в ходе опроса"]),
    # two joined by «и» may be one topic: not read as a list
    ("Участники обсудили проблемы комплектования и сохранности фондов.", []),
    # the count before the colon says the last «и» joins two
    ("Участники обсудили три вопроса: комплектование фондов, работу с семьями и продвижение "
     "библиотек.", ["комплектование фондов", "работу с семьями", "продвижение библиотек"]),
    ("На пленарном заседании были рассмотрены вопросы оцифровки фондов, правовой охраны "
     "копий и подготовки кадров.",
     ["вопросы оцифровки фондов", "правовой охраны копий", "подготовки кадров"]),
    # «, а также» opens the last topic, whatever «и» it holds
    ("Участники обсудили вопросы комплектования архива, использования документов в работе "
     "школ, а также подготовки изданий и выставок к юбилею города.",
     ["вопросы комплектования архива", "использования документов в работе школ",
      "подготовки изданий и выставок к юбилею города"]),
    # parts cut by semicolons, after «В центре внимания … были»
    ("В центре внимания участников были вопросы истории музея; роли Н. М. Мартьянова в "
     "изучении Сибири; взаимодействия музея с городом.",
     ["вопросы истории музея", "роли Н. М. Мартьянова в изучении Сибири",
      "взаимодействия музея с городом"]),
    # a relative clause goes on with the part before it
    ("Участники обсудили состояние фондов, проблемы комплектования и использования фондов, а "
     "также подготовку к юбилею города, который будет отмечаться в 2019 году.",
     ["состояние фондов", "проблемы комплектования и использования фондов",
      "подготовку к юбилею города, который будет отмечаться в 2019 году"]),
    # three parts or more without «и», each opening in the same case (accusative here)
    ("Участники обсудили опыт работы сельских библиотек, участие библиотек в грантовых "
     "конкурсах, организацию досуга жителей.",
     ["опыт работы сельских библиотек", "участие библиотек в грантовых конкурсах",
      "организацию досуга жителей"]),
    # «освещены»; the last «и» joins two words in the prepositional case inside the topic
    ("В докладах были освещены вопросы истории архивного дела, комплектования архивов, "
     "использования документов в научных исследованиях и просветительской деятельности.",
     ["вопросы истории архивного дела", "комплектования архивов",
      "использования документов в научных исследованиях и просветительской деятельности"]),
])
def test_topics_listed_in_the_sentence_without_a_colon(sentence: str, topics: list[str]) -> None:
    res = parsed(doc(HEADER + "В конференции приняли участие 40 человек. " + sentence))
    assert [t.value for t in res.event.topics] == topics


@pytest.mark.parametrize("intro", ["**Повестка дня:**", "Съезд заслушал и обсудил:",
                                   "После пленарного заседания работали секции:",
                                   "В программе семинара:",
                                   "Прозвучали доклады по следующим темам:",
                                   "### Вопросы, вынесенные на обсуждение",
                                   "### Повестка дня"])
def test_topics_listed_after_an_agenda_or_a_verb_of_discussing(intro: str) -> None:
    res = parsed(doc(HEADER + "В конференции приняли участие 40 человек.\n\n" + intro
                     + "\n\n1. Об итогах работы за 2023 год.\n2. О приёме новых членов.\n"),
                 "text/markdown")
    assert [t.value for t in res.event.topics] == ["Об итогах работы за 2023 год",
                                                   "О приёме новых членов"]


@pytest.mark.parametrize(("sentence", "groups"), [
    ("В конференции участвовали 84 человека. Среди них архивисты — 37 человек, библиотекари "
     "— 22, сотрудники музеев — 15.",
     [("архивисты", 37), ("библиотекари", 22), ("сотрудники музеев", 15)]),
    ("Участниками стали 74 человека — 40 работников учреждений культуры, 18 педагогов школ.",
     [("работники учреждений культуры", 40), ("педагоги школ", 18)]),
    ("В семинаре приняли участие: музеи Вологодской области (11), Государственный архив "
     "Вологодской области (3).",
     [("музеи Вологодской области", 11), ("Государственный архив Вологодской области", 3)]),
    ("Свыше 150 участников форума представляли областные и вузовские библиотеки (7), органы "
     "местного самоуправления (12).",
     [("областные и вузовские библиотеки", 7), ("органы местного самоуправления", 12)]),
    # genitives listed with commas go on with the group (and the guests, as whom people came,
    # are no group: session 14's convention, as readers label them)
    ("В семинаре участвовали 52 человека: специалисты библиотек, музеев и культурно-досуговых "
     "центров Тулы (40) и гости (12).",
     [("специалисты библиотек, музеев и культурно-досуговых центров Тулы", 40)]),
    # the people left out after the first group are the same people
    ("В работе чтений приняли участие 69 человек: сотрудники музеев (38), архивов (14) и "
     "библиотек (17).",
     [("сотрудники музеев", 38), ("сотрудники архивов", 14), ("сотрудники библиотек", 17)]),
    ("Участники форума:\n\n- сотрудники архивов Псковской области — 47;\n"
     "- представители органов местного самоуправления — 9.",
     [("сотрудники архивов Псковской области", 47),
      ("представители органов местного самоуправления", 9)]),
])
def test_groups_counted_after_a_dash_or_in_brackets(sentence: str,
                                                    groups: list[tuple[str, int]]) -> None:
    res = parsed(doc(HEADER + sentence))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == groups


def test_an_adoption_stamp_with_the_date_on_a_line_of_its_own() -> None:
    res = parsed("ПРИНЯТА\nна заключительном пленарном заседании\n24 сентября 2021 г.\n\n"
                 + doc(HEADER))
    assert res.adopted is not None and res.adopted.value.isoformat() == "2021-09-24"
