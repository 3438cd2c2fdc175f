"""Rules read in session 16 (blind batches bo and bp and what was left from session 15), each
with a case written for it here, not copied from the labelled documents."""

from __future__ import annotations

from test_loader_genre import HEADER, RECOMMENDS, doc, parsed


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
