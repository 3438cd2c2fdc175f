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


def organisers_of(sentence: str) -> list[str]:
    return [o.name.value for o in parsed(doc(HEADER + "\n\n" + sentence)).event.organisers]


def test_an_office_in_a_country_keeps_the_country_in_its_name() -> None:
    assert organisers_of("Семинар организован Национальной библиотекой Таджикистана и "
                         "Представительством Россотрудничества в Республике Таджикистан.") == [
        "Национальная библиотека Таджикистана",
        "Представительство Россотрудничества в Республике Таджикистан"]
    assert organisers_of("Организатор – Дом дружбы в Кыргызской Республике.") == [
        "Дом дружбы в Кыргызской Республике"]


def test_an_organisations_form_ending_a_line_goes_on_with_its_quoted_name() -> None:
    assert organisers_of(
        "Семинар организован министерством культуры Пензенской области, Пензенской\n"
        "областной библиотекой им. М. Ю. Лермонтова и МБУК\n"
        "«Централизованная библиотечная система города Кузнецка».") == [
        "министерство культуры Пензенской области",
        "Пензенская областная библиотека им. М. Ю. Лермонтова",
        "МБУК «Централизованная библиотечная система города Кузнецка»"]


@pytest.mark.parametrize(
    ("genitive", "nominative_"),
    [
        ("Задонского и Елецкого районов", "Задонский и Елецкий районы"),
        ("Новгородской, Псковской и Тверской областей", "Новгородская, Псковская и Тверская "
                                                         "области"),
        ("Задонского и соседних районов", "Задонский и соседние районы"),
        # the ordinary phrase: adjectives agreeing with their head in number
        ("муниципальных и городских библиотек", "муниципальные и городские библиотеки"),
    ],
)
def test_singular_adjectives_sharing_a_plural_head(genitive: str, nominative_: str) -> None:
    from resolutions_kg.loaders.phrases import nominative

    assert nominative(genitive, "gent") == nominative_


def test_people_from_places_not_all_named_are_cited_as_who_they_are() -> None:
    res = parsed(doc(HEADER + "\n\nВ работе семинара приняли участие 40 человек:\n\n"
                     "- краеведы Пензенского и соседних районов — 9;\n"
                     "- краеведы Пензенского и Кузнецкого районов — 7;\n"
                     "- учителя Пензенского района — 24."))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("краеведы Пензенского и соседних районов", 9),
        ("Пензенский и Кузнецкий районы", 7),
        ("Пензенский район", 24)]


def test_a_draft_discussed_one_day_and_approved_later_was_adopted_on_the_later_day() -> None:
    res = parsed(doc(HEADER, "Участники семинара рекомендуют:\n\n1. Сохранить фонды.\n\n"
                     "Проект резолюции обсуждён на заключительном заседании 12 марта 2019 г. и "
                     "после доработки одобрен участниками семинара 20 марта 2019 г.\n"))
    assert res.adopted is not None and res.adopted.value.isoformat() == "2019-03-20"


def test_a_ruling_says_it_was_adopted() -> None:
    res = parsed(doc(HEADER, "Участники семинара рекомендуют:\n\n1. Сохранить фонды.\n\n"
                     "Постановление принято единогласно 14 марта 2019 г.\n"))
    assert res.adopted is not None and res.adopted.value.isoformat() == "2019-03-14"


SITTING = """РЕШЕНИЕ
заседания Правления Пензенской библиотечной ассоциации

г. Пенза, 12 марта 2019 г.

Правление решило:

1. Провести конкурс «Библиотекарь года».

Решение принято единогласно.
"""


def test_a_sittings_decision_with_no_date_of_its_own_was_taken_at_the_sitting() -> None:
    res = parsed(SITTING)
    assert res.adopted is not None and res.adopted.value.isoformat() == "2019-03-12"
    assert res.adopted.certainty.confidence < 1
    # a conference's resolution says when it was adopted, or nothing is read
    conference = parsed(doc(HEADER, "Участники семинара рекомендуют:\n\n1. Сохранить фонды.\n"
                            "\nРезолюция принята единогласно.\n"))
    assert conference.adopted is None


def test_the_agenda_said_in_a_caption() -> None:
    res = parsed(doc(HEADER + "\n\n**В повестке семинара:**\n\n- о фондах;\n- о читателях;\n"
                     "- о кадрах.\n\nУчастники семинара отметили рост числа читателей."))
    assert len(res.event.topics) == 3


def test_a_news_lead_with_a_list_of_topics_above_the_document() -> None:
    res = parsed("""# В Кузнецке прошёл семинар для сельских библиотекарей

*20.03.2019 · Новости*

14 марта 2019 года в Кузнецке состоялся областной семинар «Книга и село», организованный \
Пензенской областной библиотекой им. М. Ю. Лермонтова.

В семинаре приняли участие 37 человек. Они обсудили три темы:

- библиотека как центр села;
- краеведение в сельской библиотеке;
- работа с пожилыми читателями.

Публикуем рекомендации, выработанные участниками семинара.

**РЕКОМЕНДАЦИИ**
**областного семинара «Книга и село»**

Рекомендовать муниципальным библиотекам:
– сохранять сельские библиотеки;
– проводить семейные чтения.
""", "text/markdown")
    assert len(res.event.topics) == 3
    assert res.event.participants is not None and res.event.participants.value == 37
    assert [o.name.value for o in res.event.organisers] == [
        "Пензенская областная библиотека им. М. Ю. Лермонтова"]


def test_an_appeals_addressee_on_one_line_above_its_heading() -> None:
    res = parsed("<html><body><h1>Обращение участников семинара к Губернатору Пензенской "
                 "области</h1><hr><p style=\"text-align:right\">Губернатору Пензенской области"
                 "</p><p><b>ОБРАЩЕНИЕ</b><br>участников семинара «Книга и село»</p>"
                 "<p>г. Пенза, 12 марта 2019 года</p><p>Уважаемый господин Губернатор!</p>"
                 "<p>Просим Вас:</p><ol><li>Поддержать сельские библиотеки.</li>"
                 "<li>Предусмотреть средства на ремонт библиотек.</li></ol></body></html>",
                 "text/html")
    assert {r.addressee.label if r.addressee else None for r in res.recommendations} == {
        "Губернатор Пензенской области"}


def test_a_sittings_theme_on_a_line_of_its_own_after_the_heading() -> None:
    res = parsed("<html><body><h2>ПОСТАНОВЛЕНИЕ № 1</h2><p><b>заседания Правления Пензенской "
                 "библиотечной ассоциации</b><br>на тему «Книга и село: новые роли»</p>"
                 "<p>г. Пенза, 12 марта 2019 г.</p><p>Правление ПОСТАНОВЛЯЕТ:</p><ol><li>"
                 "Провести конкурс.</li></ol></body></html>", "text/html")
    assert res.event.title is not None and res.event.title.value == "Книга и село: новые роли"


def test_a_count_of_several_kinds_of_body_listed_with_commas() -> None:
    res = parsed(doc(HEADER + "\n\nВ семинаре приняли участие 60 человек – представители 18 "
                     "архивов, музеев и библиотек Пензенской области и 4 архивов Эстонии."))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("архивы, музеи и библиотеки Пензенской области", 18), ("архивы Эстонии", 4)]


def test_invited_people_counted_and_said_in_brackets_are_cited_as_who_they_were() -> None:
    res = parsed(SITTING.replace(
        "Правление решило:",
        "Присутствовали: члены Правления – 9 человек; приглашённые – 4 человека (специалисты "
        "Пензенской областной библиотеки им. М. Ю. Лермонтова). Всего – 13 человек.\n\n"
        "Правление решило:"))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("специалисты Пензенской областной библиотеки им. М. Ю. Лермонтова", 4)]


def test_a_proposal_offered_impersonally_after_another_is_no_recommendation() -> None:
    res = parsed(doc(HEADER, "Участники семинара рекомендуют:\n\n1. Сохранить фонды.\n"
                     "2. Развивать краеведение.\n\nУчастники семинара предлагают провести "
                     "следующий семинар в 2021 году.\n\nОргкомитету семинара предлагается "
                     "издать сборник материалов семинара до конца 2019 года.\n"))
    assert len(res.recommendations) == 2
    assert proposed(res) == [(None, 2021), ("оргкомитет семинара", None)]


def test_a_heading_in_capitals_on_a_page_below_a_long_news_lead() -> None:
    lead = "".join(f"<p>Новость {k}: в библиотеках области прошли встречи с читателями.</p>"
                   for k in range(12))
    res = parsed("<html><body><nav>Главная | Новости</nav>" + lead + "<p>РЕКОМЕНДАЦИИ<br>"
                 "семинара «Книга и село»</p><p>г. Пенза, 12 марта 2019 г.</p><p>Участники "
                 "семинара рекомендуют:</p><ol><li>Сохранить фонды.</li></ol></body></html>",
                 "text/html")
    assert res.document_type.value == "рекомендации"
    assert res.event.title is not None and res.event.title.value == "Книга и село"


def test_an_abbreviated_legal_form_is_written_as_it_is() -> None:
    res = parsed(doc(HEADER, "Участники семинара рекомендуют:\n\n**МУК «Пензенская "
                     "централизованная библиотечная система»**\n\n1. Сохранить фонды.\n"
                     "2. Развивать краеведение.\n"))
    assert {r.addressee.label if r.addressee else None for r in res.recommendations} == {
        "МУК «Пензенская централизованная библиотечная система»"}


def test_a_legal_form_and_a_name_in_a_tables_addressee_column() -> None:
    res = parsed(doc(HEADER, "Участники семинара приняли рекомендации:\n\n"
                     "| № | Содержание рекомендации | Адресат |\n|---|---|---|\n"
                     "| 1 | Создать сетевое сообщество библиотекарей | ГБУК ПО «ПОБ им. М. Ю. "
                     "Лермонтова» |\n| 2 | Провести обучение | Министерство культуры Пензенской "
                     "области |\n"), "text/markdown")
    assert [r.addressee.label if r.addressee else None for r in res.recommendations] == [
        "ГБУК ПО «ПОБ им. М. Ю. Лермонтова»", "Министерство культуры Пензенской области"]


def test_topics_a_programme_was_devoted_to() -> None:
    res = parsed(doc(HEADER + "\n\nЗанятия семинара были посвящены трём темам:\n\n1. фонды;\n"
                     "2. читатели;\n3. кадры.\n\nУчастники отметили рост числа читателей."))
    assert len(res.event.topics) == 3


def test_the_materials_to_be_published_in_a_paragraph_after_a_proposal() -> None:
    res = parsed(doc(HEADER, "Участники семинара рекомендуют:\n\n1. Сохранить фонды.\n"
                     "2. Развивать краеведение.\n\nСеминар предлагает министерству культуры "
                     "Пензенской области провести следующий семинар в 2021 году.\n\nМатериалы "
                     "семинара опубликовать отдельным сборником.\n"))
    assert len(res.recommendations) == 2
    assert proposed(res) == [("министерство культуры Пензенской области", 2021), (None, None)]


def test_a_stamp_whose_date_ends_the_line_that_says_by_whom() -> None:
    res = parsed("""                                     ПРИНЯТА
                          V Съездом библиотекарей
                          Прикамья 28 мая 2014 г.

                     РЕЗОЛЮЦИЯ
        V СЪЕЗДА БИБЛИОТЕКАРЕЙ ПЕНЗЕНСКОЙ ОБЛАСТИ

г. Пенза                                      27–28 мая 2014 г.

Съезд рекомендует:

1. Сохранить фонды.
""")
    assert res.adopted is not None and res.adopted.value.isoformat() == "2014-05-28"


def test_a_quotation_after_a_legal_form_in_the_heading_names_a_body_not_the_event() -> None:
    res = parsed("""ПОСТАНОВЛЕНИЕ
общего собрания членов НП «Ассоциация библиотек Прикамья»

г. Пенза, 12 марта 2019 г.

Общее собрание ПОСТАНОВЛЯЕТ:

1. Утвердить отчёт правления.
""")
    assert res.event.title is None


def test_invited_people_counted_without_a_noun() -> None:
    res = parsed(SITTING.replace(
        "Правление решило:",
        "Присутствовали: 20 человек, в том числе 14 членов Правления и 6 приглашённых (список "
        "прилагается).\n\nПравление решило:"))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [("приглашённые", 6)]


def test_a_document_said_adopted_in_a_news_lead_is_no_heading() -> None:
    res = parsed("<html><body><table><tr><td><b>Архивный отдел администрации города Пензы</b>"
                 "</td><td><a href='/'>Главная</a> | <a href='/n'>Новости</a></td></tr></table>"
                 "<p class='date'>18.10.2013</p><h2>Состоялся круглый стол</h2><p><b>Пенза, 18 "
                 "октября 2013 г.</b> Вчера в Пензе прошёл круглый стол «Книга и город».</p>"
                 "<p>В работе круглого стола приняли участие 31 человек.</p><p>Участники "
                 "обсудили проблемы чтения. По итогам обсуждения была принята резолюция.</p>"
                 "<blockquote><p><b>РЕЗОЛЮЦИЯ<br>круглого стола «Книга и город»</b></p><p><b>"
                 "Библиотекам области:</b></p><ol><li>Сохранить фонды.</li></ol></blockquote>"
                 "</body></html>", "text/html")
    assert res.heading.value.startswith("РЕЗОЛЮЦИЯ")


def test_organisers_of_an_event_named_in_the_plural() -> None:
    assert organisers_of("Мы, участники IV краеведческих чтений «Город и люди», организованных "
                         "Пензенской областной библиотекой им. М. Ю. Лермонтова и Пензенским "
                         "краеведческим музеем, собрались, чтобы обсудить прошлое города.") == [
        "Пензенская областная библиотека им. М. Ю. Лермонтова", "Пензенский краеведческий музей"]


def test_a_count_of_bodies_and_one_body_named_after_it() -> None:
    res = parsed(doc(HEADER + "\n\nВ семинаре приняли участие 31 человек: представители 12 "
                     "муниципальных архивов области, 4 музеев и Пензенской центральной городской "
                     "библиотеки."))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("муниципальные архивы области", 12), ("музеи", 4),
        ("Пензенская центральная городская библиотека", None)]


def test_people_counted_after_a_counted_group_are_a_part_not_the_total() -> None:
    res = parsed(doc(HEADER + "\n\nВ семинаре участвовали руководители 12 муниципальных "
                     "учреждений культуры города и 3 представителя управления культуры."))
    assert res.event.participants is None
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("муниципальные учреждения культуры города", 12),
        ("представители управления культуры", 3)]


def test_a_mixed_format_with_the_online_part_after_its_modes_and_a_dash() -> None:
    res = parsed(doc(HEADER + "\n\nОчно в работе семинара участвовали 34 представителя архивов "
                     "города, дистанционно, по видеосвязи, – 29 специалистов муниципальных архивов "
                     "области. Всего в круглом столе приняли участие 63 человека."))
    assert res.event.participants is not None and res.event.participants.value == 63
    assert [(c.label.value, c.count, c.mode) for c in res.event.cohorts][-1] == (
        "специалисты муниципальных архивов области", 29, "online")


def test_a_list_of_proposals_whose_first_names_its_body_with_a_dash() -> None:
    res = parsed(doc(HEADER, "Участники семинара рекомендуют:\n\n1. Сохранить фонды.\n"
                     "2. Развивать краеведение.\n\nУчастники семинара предлагают:\n\n"
                     "- Министерству культуры Пензенской области — провести следующий семинар "
                     "в 2021 году;\n- опубликовать материалы семинара на сайте библиотеки.\n"))
    assert len(res.recommendations) == 2
    assert proposed(res) == [("Министерство культуры Пензенской области", 2021), (None, None)]


def test_a_pages_front_matter_is_furniture() -> None:
    res = parsed("---\nlayout: document\ntitle: \"Резолюция собрания ассоциации\"\ndate: "
                 "2024-12-02 11:30:00 +0300\n---\n\n# РЕЗОЛЮЦИЯ\n## общего собрания членов "
                 "Ассоциации\n\nг. Пенза, 26 ноября 2024 года\n\nСобрание рекомендует:\n\n"
                 "1. Сохранить фонды.\n", "text/markdown")
    assert res.event.title is None


def test_no_group_is_read_past_a_brackets_end() -> None:
    res = parsed(SITTING.replace("Правление решило:", "Присутствовали: 9 членов Правления (из "
                                 "11), кворум имеется.\n\nПравление решило:"))
    assert [c.label.value for c in res.event.cohorts] == []


def test_people_from_countries_counted_in_brackets() -> None:
    res = parsed(doc(HEADER + "\n\nВ семинаре приняли участие 40 человек: коллеги из Эстонии (7 "
                     "человек), Латвии (5 человек) и Беларуси (4 человека)."))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("Эстония", 7), ("Латвия", 5), ("Беларусь", 4)]


def test_teachers_in_the_nominative_plural_as_written_today() -> None:
    res = parsed(doc(HEADER + "\n\nВ семинаре приняли участие 30 человек: 18 школьных "
                     "библиотекарей и 3 учителя литературы."))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == [
        ("школьные библиотекари", 18), ("учителя литературы", 3)]


def test_a_plenum_is_an_event_kind() -> None:
    res = parsed("ПЛЕНУМ\n\nПОСТАНОВЛЕНИЕ\n\nОб оплате труда\n\nг. Пенза, 24 октября 2013 г.\n\n"
                 "Выездной пленум организован комитетом областной организации профсоюза.\n\n"
                 "Пленум постановляет:\n\n1. Сохранить фонды.\n")
    assert res.event.kind.value == "пленум"


def test_a_legal_form_and_a_quoted_name_with_its_town_heading_sub_items() -> None:
    res = parsed(doc(HEADER, "Участники семинара рекомендуют:\n\n1. МБУК «Централизованная "
                     "библиотечная система» г. Кузнецка:\n   - провести анкетирование жителей;\n"
                     "   - создать пространство для молодёжи.\n"))
    assert [r.addressee.label if r.addressee else None for r in res.recommendations] == [
        "МБУК «Централизованная библиотечная система» г. Кузнецка"] * 2


def test_the_materials_to_be_published_after_the_list_are_a_proposal() -> None:
    res = parsed("<html><body><h2>Рекомендации круглого стола «Книга и город»</h2><p>15 апреля "
                 "2015 г., г. Пенза</p><p>Участники рекомендуют:</p><table><tr><th>№</th><th>"
                 "Содержание рекомендации</th><th>Срок</th></tr><tr><td colspan='3'><b>"
                 "Библиотекам области</b></td></tr><tr><td>1</td><td>Сохранить фонды.</td><td>"
                 "2015 г.</td></tr><tr><td>2</td><td>Развивать краеведение.</td><td>постоянно"
                 "</td></tr></table><p>Материалы круглого стола разместить на сайте "
                 "библиотеки.</p></body></html>", "text/html")
    assert len(res.recommendations) == 2
    assert proposed(res) == [(None, None)]


def test_two_bodies_after_people_with_an_adjective_are_two_groups() -> None:
    res = parsed(doc(HEADER + "\n\nВ семинаре приняли участие научные сотрудники Пензенского "
                     "краеведческого музея и Российского института культурологии."))
    assert [c.label.value for c in res.event.cohorts][-1] == "Российский институт культурологии"


def test_a_sentence_of_groups_each_led_by_how_they_took_part() -> None:
    res = parsed(doc(HEADER + "\n\nВ работе семинара приняли участие 58 человек. Очно – директора "
                     "и методисты 7 централизованных библиотечных систем области; онлайн, на "
                     "платформе Zoom, – сотрудники 22 сельских библиотек."))
    assert [(c.label.value, c.count, c.mode) for c in res.event.cohorts] == [
        ("централизованные библиотечные системы области", 7, "offline"),
        ("сельские библиотеки", 22, "online")]


def test_a_period_without_its_year_in_a_news_lead_before_the_adoption_lines_date() -> None:
    res = parsed("**10 июля 2017, 09:45** | Новости\n\n# В Пензе подвели итоги фестиваля\n\n"
                 "*ПЕНЗА, 10 июля. С 7 по 9 июля в Пензе прошёл фестиваль музеев «Пристань». "
                 "На итоговом круглом столе участники приняли резолюцию.*\n\n---\n\n"
                 "### РЕЗОЛЮЦИЯ фестиваля музеев «Пристань»\n\nУчастники фестиваля "
                 "рекомендуют:\n\n1. Сохранить фонды.\n\n*Резолюция принята 9 июля 2017 "
                 "года.*\n", "text/markdown")
    assert res.event.start is not None and res.event.start.value.isoformat() == "2017-07-07"
    assert res.event.end is not None and res.event.end.value.isoformat() == "2017-07-09"


def test_a_line_of_the_date_the_venue_and_the_town() -> None:
    res = parsed("<html><body><h2>Рекомендации круглого стола «Книга и школа»</h2><p>15 апреля "
                 "2015 г., Центральная городская библиотека, г. Кузнецк</p><p>Участники "
                 "рекомендуют:</p><ol><li>Сохранить фонды.</li></ol></body></html>", "text/html")
    assert res.event.place is not None and res.event.place.value == "Кузнецк"


def test_a_ruling_registered_at_its_foot() -> None:
    res = parsed("ПОСТАНОВЛЕНИЕ\nпленума областной организации профсоюза\n\nОб оплате труда\n\n"
                 "Пленум постановляет:\n\n1. Сохранить фонды.\n\nПредседатель организации"
                 "                 В. А. Ершова\n\nг. Пенза\n24 октября 2013 г.\n№ 5-2\n")
    assert res.adopted is not None and res.adopted.value.isoformat() == "2013-10-24"
