"""Topics, place lines, theme lines, event kinds and the operative part read from the forms of
blind batches as to av (docs/loader.md, «Read in session 13»): each case is written here and read
through the whole loader."""

from __future__ import annotations

import pytest
from test_loader_genre import HEADER, RECOMMENDS, doc, page, parsed


@pytest.mark.parametrize(("sentence", "topics"), [
    # the list after «обсудили:» goes on in the next line of the same paragraph
    ("На пленарном заседании и в двух секциях участники обсудили:\nсостояние музейных фондов; "
     "подготовку реставраторов; работу с туроператорами.", 3),
    # «Главными темами … стали X и Y»: two, the sentence names them as themes
    ("Главными темами встречи стали охрана деревянной застройки и участие горожан в её "
     "сохранении.", 2),
    ("Предметом обсуждения стали три темы — выставки, электронные каталоги, а также работа с "
     "семейными архивами.", 3),
    # the reports heard, after «Заслушав и обсудив доклады»
    ("Заслушав и обсудив доклады о работе архивов района, об опыте экспонирования документов "
     "и о подготовке юбилейного сборника,", 3),
    ("Заслушав и обсудив доклады:\n\n1. О состоянии архивных фондов;\n2. Об итогах проверок;\n"
     "3. О плане работы на 2023 год,", 3),
    # the sections named in quotes after a dash
    ("Слёт работал в формате пленарного заседания и трёх секций – «Краеведение в школе», "
     "«Музейная педагогика», «Топонимика края», в которых прозвучало 40 докладов.", 3),
])
def test_topics_in_the_forms_of_later_batches(sentence: str, topics: int) -> None:
    assert len(parsed(doc(HEADER + sentence)).event.topics) == topics


@pytest.mark.parametrize(("line", "place"), [
    # place, venue and date on one line, cut by commas or bullets
    ("Вологда, Государственный архив Вологодской области, 14–15.05.2019", "Вологда"),
    ("г. Гомель • Гомельская областная библиотека • 02–03.10.2019", "Гомель"),
])
def test_a_line_of_place_venue_and_date(line: str, place: str) -> None:
    res = parsed(doc(f"{line}\n\nРЕКОМЕНДАЦИИ\nсовещания руководителей архивов\n\n"
                     "В совещании приняли участие 30 человек.", RECOMMENDS))
    assert res.event.place is not None and res.event.place.value == place


def test_a_place_aligned_with_its_date_above_labelled_dates_and_a_quoted_theme() -> None:
    res = parsed("СОВЕТ ДИРЕКТОРОВ МУЗЕЕВ\n\nРЕШЕНИЕ\nвыездного заседания Совета\n\n"
                 "г. Канск                                   12 апреля 2018 г.\n\n"
                 "Тема заседания:      «Музей и память территории»\n"
                 "Место проведения:    Канский краеведческий музей\n"
                 "Даты проведения:     11–12 апреля 2018 г.\n\n"
                 "Заседание прошло при участии коллег из г. Абакана.\n\n"
                 "Совет РЕШИЛ:\n\n1. Сохранить фонды.\n")
    assert res.event.place is not None and res.event.place.value == "Канск"
    assert res.event.title is not None and res.event.title.value == "Музей и память территории"


def test_a_hyphen_typed_for_the_dash_after_organisers_and_a_municipalitys_own_name() -> None:
    res = parsed(doc(HEADER + "Организаторы - Иссык-Кульская областная библиотека и администрация "
                              "муниципального образования – городской округ город Каракол."))
    assert [o.name.value for o in res.event.organisers] == [
        "Иссык-Кульская областная библиотека",
        "администрация муниципального образования – городской округ город Каракол"]


def test_topics_counted_with_a_word_between_and_sections_in_straight_quotes() -> None:
    res = parsed(doc(HEADER + "Делегаты обсудили три круга вопросов: сохранение сети сельских "
                              "библиотек, модернизацию библиотек и поддержку чтения на родном "
                              "языке."))
    assert len(res.event.topics) == 3
    res = parsed(doc(HEADER + 'Форум работал в трёх секциях - "Книга и чтение", "Музей и '
                              'школа", "Архив и семья".'))
    assert len(res.event.topics) == 3


def test_an_items_wrapped_lines_in_a_list_of_lines_ending_with_semicolons() -> None:
    res = page("<p>На секциях обсуждались:</p><p>цифровизация фондов;<br>онлайн-сервисы;<br>"
               "наследие коренных<br>малочисленных народов Севера;<br>подготовка кадров.</p>")
    assert len(res.event.topics) == 4


def test_an_appeals_title_past_its_salutations_and_the_heads_acts_and_speakers() -> None:
    res = parsed("# Обращение участников съезда библиотекарей к Главе Республики Коми\n\n"
                 "г. Сыктывкар, 23 апреля 2019 г.\n\n**Уважаемый Глава Республики Коми!**\n\n"
                 "22–23 апреля 2019 года в Сыктывкаре прошёл съезд библиотекарей «Библиотеки "
                 "Коми: время перемен».\n\n**Просим Главу Республики Коми:**\n\n"
                 "1. Поручить Правительству Республики Коми разработать программу.\n"
                 "2. Оказать содействие модельным библиотекам.\n\n"
                 "**Главам муниципальных районов** делегаты съезда предлагают:\n\n"
                 "- сохранить сельские библиотеки.\n")
    assert res.event.title is not None and res.event.title.value == (
        "Библиотеки Коми: время перемен")
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "Глава Республики Коми", "Глава Республики Коми", "главы муниципальных районов"]


def test_an_item_that_asks_for_recommendations_over_its_sub_items() -> None:
    res = parsed(doc(HEADER, "Участники рекомендуют:\n\n1. Окружной библиотеке\n\n"
                             "1.1. Разработать методические рекомендации, включив в них разделы:\n"
                             "   – комплектование;\n   – выставки.\n\n"
                             "1.2. Организовать курсы.\n"))
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "Окружная библиотека", "Окружная библиотека"]


def test_a_village_of_two_words_and_topics_under_a_theme_line_or_said_in_a_sentence() -> None:
    res = parsed(doc("РЕЗОЛЮЦИЯ\nрайонного семинара\n\nс. Верхняя Тойма, 21 февраля 2018 года\n\n"
                     "Тематика семинара:\n\n- фонды;\n- кадры;\n- здания.\n\n"
                     "Говорили о новых формах работы, о клубах по интересам, о социальных сетях "
                     "и о работе с пожилыми читателями."))
    assert res.event.place is not None and res.event.place.value == "Верхняя Тойма"
    assert len(res.event.topics) == 3
    res = parsed(doc(HEADER + "Работа конференции проходила по направлениям: «Архивы», «Музеи», "
                              "«Библиотеки» и «Краеведение»."))
    assert len(res.event.topics) == 4
    res = parsed(doc(HEADER + "Говорили о новых формах работы, о клубах по интересам, о "
                              "социальных сетях и о работе с пожилыми читателями."))
    assert len(res.event.topics) == 4


@pytest.mark.parametrize(("heading", "kind"), [
    ("Резолюция общего собрания членов Ассоциации музеев Прикамья", "общее собрание"),
    ("Решение заседания Совета директоров музеев Ярославской области",
     "заседание совета директоров"),
])
def test_a_general_meeting_and_a_sitting_of_a_board_of_directors(heading: str, kind: str) -> None:
    res = parsed(doc(f"{heading}\n\nг. Пермь, 1 марта 2017 г.", RECOMMENDS))
    assert res.event.kind.value == kind


def test_the_series_next_event_by_its_number_and_a_proposal_after_the_adoption_line() -> None:
    res = parsed(doc(HEADER, "Участники рекомендуют:\n\n1. Сохранить фонды.\n\n"
                             "Слушатели школы предлагают провести VIII школу в 2023 году в "
                             "Новокузнецке.\n"))
    assert len(res.recommendations) == 1 and [p.planned_event.year.value for p in res.proposals
                                              if p.planned_event and p.planned_event.year] == [2023]
    res = parsed(doc(HEADER, "Коллегия решила:\n\n1. Сохранить фонды.\n\nРешение принято "
                             "единогласно 14 июня 2017 г.\n\nКоллегия считает целесообразным "
                             "провести очередное выездное заседание в 2018 году.\n"))
    assert [p.planned_event.year.value for p in res.proposals
            if p.planned_event and p.planned_event.year] == [2018]


def test_a_committee_of_an_administration_is_cited_in_lower_case() -> None:
    res = parsed(doc(HEADER, "Участники рекомендуют:\n\n**Комитету по культуре администрации "
                             "городского округа Шуя:**\n\n1. Сохранить фонды.\n"))
    assert res.recommendations[0].addressee is not None
    assert res.recommendations[0].addressee.label == (
        "комитет по культуре администрации городского округа Шуя")


def test_a_decisions_section_caption_is_no_recommendation() -> None:
    res = parsed(doc(HEADER, "Правление РЕШИЛО:\n\nПо первому вопросу\n\n1. Сохранить фонды.\n\n"
                             "По второму вопросу\n\n2. Провести конкурс.\n"))
    assert [r.text.value for r in res.recommendations] == ["Сохранить фонды.", "Провести конкурс."]


# --- batches aw and ax ------------------------------------------------------------------------

def test_a_bilingual_heading_and_the_town_after_the_country_on_the_date_line() -> None:
    res = parsed("МЕЖДУНАРОДНЫЙ ФОРУМ\n\nҚАРАР / РЕЗОЛЮЦИЯ\n\n"
                 "Республика Казахстан, г. Костанай                 24 – 26 мая 2023 года\n\n"
                 "Форум рекомендует:\n\n1. Сохранить фонды.\n")
    assert res.document_type.value == "резолюция"
    assert res.event.place is not None and res.event.place.value == "Костанай"


def test_a_theme_wrapped_after_its_colon_and_a_place_alone_in_a_tables_cell() -> None:
    res = parsed("ИТОГОВЫЙ ДОКУМЕНТ\nАссамблеи музеев\n\nТема Ассамблеи: Музей и малый город:\n"
                 "стратегии развития\n\nг. Чистополь, 5–7 июня 2018 года\n\n"
                 "В работе Ассамблеи приняли участие 134 человека.\n\n" + RECOMMENDS)
    assert res.event.title is not None
    assert res.event.title.value == "Музей и малый город: стратегии развития"
    assert res.event.participants is not None and res.event.participants.value == 134
    res = parsed("# РЕШЕНИЕ\n## заседания коллегии\n\n| от 29 марта 2018 г. | г. Кузнецк | № 2 |\n"
                 "|:--|:-:|--:|\n\nКоллегия решила:\n\n1. Сохранить фонды.\n", "text/markdown")
    assert res.event.place is not None and res.event.place.value == "Кузнецк"


def test_parliamentary_hearings_and_their_organisers_before_the_verb() -> None:
    res = parsed(doc("РЕКОМЕНДАЦИИ\nпарламентских слушаний\n\nг. Петрозаводск, 16 ноября 2017 г.",
                     "16 ноября 2017 года комитет Законодательного Собрания по культуре совместно "
                     "с Министерством культуры Республики Карелия и Национальной библиотекой "
                     "Республики Карелия провёл парламентские слушания.\n\n" + RECOMMENDS))
    assert res.event.kind.value == "парламентские слушания"
    assert [o.name.value for o in res.event.organisers] == [
        "комитет Законодательного Собрания по культуре", "Министерство культуры Республики Карелия",
        "Национальная библиотека Республики Карелия"]


def test_bulleted_addressee_headings_over_indented_items() -> None:
    res = parsed(HEADER + "Собрание решило:\n\n- **рекомендовать департаменту культуры области:**\n"
                 "    - провести конкурс;\n    - организовать стажировки;\n\n"
                 "- **рекомендовать музеям района:**\n    - разрабатывать выставки;\n",
                 "text/markdown")
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "департамент культуры области", "департамент культуры области", "музеи района"]


def test_an_appeal_to_a_body_named_over_two_lines_above_its_postal_address() -> None:
    res = parsed("                          Министерству культуры\n"
                 "                          Российской Федерации\n\n"
                 "                          ул. Ильинка, д. 5, г. Москва, 109012\n\n"
                 "ОБРАЩЕНИЕ\nучастников форума музеев малых городов\n\n"
                 "(г. Галич, 26–28 августа 2021 года)\n\nПросим:\n\n1. Поддержать музеи.\n\n"
                 "Участники форума поддерживают предложение администрации города Чухломы "
                 "провести следующий форум в 2023 году.\n")
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "Министерство культуры Российской Федерации"]
    assert [p.addressee for p in res.proposals] == [None]


@pytest.mark.parametrize(("heading", "label"), [
    ("1. Рекомендовать комитету по управлению муниципальным имуществом администрации округа "
     "Муром рассмотреть вопрос о помещении.",
     "комитет по управлению муниципальным имуществом администрации округа Муром"),
    ("**Государственному архиву в г. Шадринске, Шадринскому краеведческому музею и "
     "муниципальным библиотекам:**",
     "Государственный архив в г. Шадринске, Шадринский краеведческий музей и муниципальные "
     "библиотеки"),
])
def test_a_committees_field_and_a_sited_archive_among_joined_addressees(heading: str,
                                                                       label: str) -> None:
    body = heading if heading[:1].isdigit() else f"{heading}\n\n1. Сохранить фонды."
    res = parsed(doc(HEADER, f"Участники рекомендуют:\n\n{body}\n"))
    assert res.recommendations[0].addressee is not None
    assert res.recommendations[0].addressee.label == label


def test_the_reports_heard_over_a_numbered_list() -> None:
    res = parsed(doc(HEADER + "Участники собрания заслушали и обсудили доклады и сообщения:\n\n"
                              "1. О деятельности Ассоциации.\n2. Музей малого города.\n"
                              "3. Школьные музеи."))
    assert len(res.event.topics) == 3


# --- batches ay and az ------------------------------------------------------------------------

def test_a_form_like_header_whose_fields_hold_a_clock_time_and_a_street() -> None:
    res = parsed("ИТОГОВЫЙ ДОКУМЕНТ\nпубличных слушаний «Библиотека в моём районе»\n\n"
                 "Дата проведения:       15 ноября 2016 года, 15:00\n"
                 "Место проведения:      г. Кинель, ул. Мира, д. 17, Центральная библиотека\n"
                 "Присутствовали:        73 человека\n\n"
                 "В обсуждении приняли участие 16 человек.\n\n" + RECOMMENDS)
    assert res.event.place is not None and res.event.place.value == "Кинель"
    assert res.event.start is not None and res.event.start.value.isoformat() == "2016-11-15"
    assert res.event.participants is not None and res.event.participants.value == 73


@pytest.mark.parametrize("line", [
    "Сыктывкар | 22–23 апреля 2015 года | Национальная библиотека Республики Коми",
    "Сыктывкар • 22–23 апреля 2015 года • Национальная библиотека Республики Коми",
])
def test_place_date_and_venue_cut_by_bars_or_bullets(line: str) -> None:
    res = parsed(doc(f"# РЕЗОЛЮЦИЯ III СЪЕЗДА БИБЛИОТЕЧНЫХ РАБОТНИКОВ\n\n{line}", RECOMMENDS),
                 "text/markdown")
    assert res.event.place is not None and res.event.place.value == "Сыктывкар"
    assert res.event.start is not None and res.event.start.value.isoformat() == "2015-04-22"


def test_a_form_like_headers_organiser_ends_at_the_next_field_and_its_agenda_gives_topics() -> None:
    res = parsed("ИТОГОВЫЙ ДОКУМЕНТ\nобщественных слушаний\n\n"
                 "Дата проведения:       15 ноября 2016 года\n"
                 "Организатор слушаний:  Управление культуры Администрации городского округа\n"
                 "Председательствующий:  И. В. Горохова\n\nПовестка слушаний:\n\n"
                 "1. Презентация концепции.\n2. Перевод филиалов в новые помещения.\n"
                 "3. Режим работы библиотек.\n\n" + RECOMMENDS)
    assert [o.name.value for o in res.event.organisers] == [
        "Управление культуры Администрации городского округа"]
    assert len(res.event.topics) == 3
    res = parsed(doc(HEADER + "Программа школы включала шесть модулей:\n\n- фонды;\n- кадры;\n"
                              "- здания;\n- выставки;\n- издания;\n- сайты."))
    assert len(res.event.topics) == 6


# --- batches ba and bb ------------------------------------------------------------------------

def test_a_venue_line_in_italics_is_no_addressee_and_a_street_is_no_place() -> None:
    res = parsed("# Рекомендации\n\n### Международной конференции «Книжная культура»\n\n"
                 "*Гродно, Гродненская областная научная библиотека имени Е. Ф. Карского*\n"
                 "*16 – 17.10.2019*\n\n---\n\nВ конференции приняли участие более 120 человек."
                 "\n\n" + RECOMMENDS, "text/markdown")
    assert res.event.place is not None and res.event.place.value == "Гродно"
    assert res.event.participants is not None and res.event.participants.value == 120
    assert [r.text.value for r in res.recommendations] == ["Сохранить фонды."]
    res = parsed("РЕШЕНИЕ\nзаседания совета\n\nг. Канск, 12 мая 2022 г.\n\nМесто проведения: "
                 "выставочный зал музея, ул. Ленина, 60\n\n" + RECOMMENDS)
    assert res.event.place is not None and res.event.place.value == "Канск"


def test_an_inner_names_quote_ends_a_subject_and_an_appeals_requests_after_prosim() -> None:
    res = parsed("# РЕШЕНИЕ\n## коллегии\n\n**О развитии модельных библиотек в рамках "
                 "национального проекта «Культура»**\n\nКоллегия решила:\n\n1. Сохранить фонды.\n",
                 "text/markdown")
    assert res.event.title is not None
    assert res.event.title.value.endswith("проекта «Культура»")
    res = parsed("Губернатору Алтайского края\n\nОБРАЩЕНИЕ\nучастников собрания\n\n"
                 "г. Бийск, 22 мая 2015 г.\n\nУчитывая изложенное, просим Вас:\n\n"
                 "1. Поддержать музеи.\n2. Предусмотреть субсидии.\n")
    assert [(r.addressee.label if r.addressee else None) for r in res.recommendations] == [
        "Губернатор Алтайского края", "Губернатор Алтайского края"]


def test_all_in_all_after_the_parts_is_the_total() -> None:
    res = parsed(doc(HEADER + "В заседании приняли участие 9 членов Правления из 11 и 16 "
                              "приглашённых — всего 25 человек."))
    assert res.event.participants is not None and res.event.participants.value == 25
    res = parsed(doc(HEADER + "В работе приняли участие около 320 человек, а также гости из "
                              "Китая (всего 11 зарубежных участников)."))
    assert res.event.participants is not None and res.event.participants.value == 320
