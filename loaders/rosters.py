"""A table (or form) of who took part: its rows as groups with their counts, its «Всего» row as
the total («| Категория участников | Число |», «Присутствовали: … 14 чел.»). How many took part
in running text, and how, is :mod:`.totals`'."""

from __future__ import annotations

import re

from resolutions_kg.records import AttendanceMode, Cohort, Span, Spanned

from .blocks import TABLE_BORDER, Block, clean
from .phrases import head_phrase
from .places import REGION_NAMED
from .russian import parses
from .totals import MODE_ONLY, OFFLINE, ONLINE, Count, attendance

_PARTICIPANT_HEADER = re.compile(r"участник|слушател|делегат|количеств|числ[оа]\s|человек", re.I)


#: A mode in brackets or after a comma at a row's label's end: «Гости из Казани (онлайн)».
_MODE_NOTE = re.compile(r"\s*(?:\((?:" + ONLINE.pattern + "|" + OFFLINE.pattern + r")\s*\)|,(?:"
                        + ONLINE.pattern + "|" + OFFLINE.pattern + r")\s*$)", re.I)

#: The region or country of the places a row names, in brackets: «(Тверская область)».
_PLACE_NOTE = re.compile(r"\s*\((?:" + REGION_NAMED.pattern + r")\)")


def _cited_lower(label: str) -> bool:
    """Whether a row's label is cited without the capital that opens its cell: a group in the
    plural («Сотрудники Великолукской ЦБС», «Музеи Московской области») or a common phrase
    («Специалисты …»), not one body's or place's name («Национальная библиотека имени …»)."""
    words_ = label.split()
    if not words_ or not words_[0][:1].isupper() or words_[0].isupper() or re.search(
            r"\bимени\b|\bим\.|«|^[А-ЯЁ][а-яё-]+(?:ий|ый|ой|ая)\s+(?:район|округ|край|область)$",
            label):
        return False  # (nor a place: «Шушенский район»)
    phrase, _ = head_phrase(label, "nomn")
    if phrase and phrase[-1][3].tag.number == "plur" and not any(
            t in phrase[-1][3].tag for t in ("Pltm", "Geox", "Name", "Orgn")):
        return True
    return not (len(words_) > 1 and words_[1][:1].isupper()) and not any(
        t in p.tag for p in parses(words_[0])[:1] for t in ("Geox", "Name", "Orgn"))


_TOTAL_ROW = re.compile(r"\s*(?:всего|итого)\s*:?\s*", re.I)
#: A bracketed list of who a row's group is: «приглашённые (руководители музеев, …)».
_WHO_NOTE = re.compile(r"\s*\([а-яё][^()]*,[^()]*\)\s*$")  # (not «(Томск, Омск)»)
_REGION_ABBREVIATION = re.compile(
    r"(?<=[а-яё])(?P<and>(?:,|\s+и)\s+[А-ЯЁ][а-яё]+)?\s+обл\.(?=\s|$)")


def _spelled(label: str) -> str:
    """«Гости из Архангельской, Кировской и Костромской обл.» with «областей» spelled out (the
    genitive a cell's reader would write)."""
    m = _REGION_ABBREVIATION.search(label)
    if m is None or not label[: m.start()].endswith(("ой", "ей")):
        return label
    several = m.group("and") is not None
    return (label[: m.start()] + (m.group("and") or "") + (" областей" if several else " области")
            + label[m.end() :])


PRESENT_CAPTION = re.compile(r"[*_]*(?:присутствовали|состав\s+участников(?:\s+[а-яё]+)?|"
                             r"участники(?:\s+[а-яё-]+){0,2}|участвовали)(?:\s+на\s+[а-яё]+)?"
                             # («**Присутствовали** (29 человек):»)
                             r"[*_]*(?:\s*\(\d{1,5}\s+[а-яё.]+\))?\s*:[*_\s]*", re.I)
#: «23», «14 чел.», «9 человек»: the count, with its unit at most.
_COUNT_CELL = re.compile(r"(\d{1,6})(?:\s*(?:чел\.?|человек[а]?))?")


def table_cohorts(text: str, blocks: list[Block]) -> tuple[list[Cohort], Count | None]:
    """Cohorts as the rows of a table of participants («| Категория участников | Количество |»,
    «| Страна | Число слушателей |»): a label cell and a count cell a row, and the total from a
    row «Всего» / «Итого». The first such table of ``blocks``; none: ``([], None)``."""
    from . import tables

    found: list[Cohort] = []
    total_count: Count | None = None
    headed = False  # inside a table whose header names participants and their number
    for k, bl in enumerate(blocks):
        row = tables.cells(text, bl)
        if row is None:
            if TABLE_BORDER.fullmatch(text, bl.start, bl.end):
                continue  # «+------+------+» between a text table's rows
            if found:
                break
            # «Присутствовали:» over a table with no header of its own
            headed = bool(PRESENT_CAPTION.fullmatch(text, bl.body, bl.end)) and k + 1 < len(
                blocks) and tables.cells(text, blocks[k + 1]) is not None
            continue
        if tables.is_separator(text, bl) or len(row) < 2:
            continue
        if not headed:  # (not «| Участников | более 200 |» over «| Музеев | 38 |»: a table of
            # figures, whose rows count other things)
            headed = bool(_PARTICIPANT_HEADER.search(text, bl.start, bl.end)) and not re.search(
                r"\d", text[bl.start : bl.end])
            continue
        numbers = [(c[0], c[0] + len(m.group(1))) for c in row
                   if (m := _COUNT_CELL.fullmatch(text, *c)) is not None]
        labels = [c for c in row if re.search(r"[А-ЯЁа-яё]{3}", text[c[0] : c[1]])]
        if len(numbers) != 1 or not labels:
            continue  # the header, or a row of another kind
        # «| очно | специалисты библиотек … | 23 |»: a column of how, then of who
        cells = [c for c in labels if not MODE_ONLY.fullmatch(text, *c)]
        if not cells:
            continue  # «| Очно | 136 |»: how the total took part, not a group
        (na, nb), (la, lb) = numbers[0], cells[0]
        value = int(text[na:nb])
        label = clean(text[la:lb])
        if _TOTAL_ROW.fullmatch(label):
            total_count = Count(value, Span(na, nb), False, nb, "человек")
            continue
        if len(cells) < len(labels):
            # (in person is how everyone else took part: only «онлайн» marks a row)
            mode: AttendanceMode | None = "online" if any(
                attendance(text, *c) == "online" for c in labels if c not in cells) else None
        else:
            mode = attendance(label, 0, len(label))
        for note in (_MODE_NOTE, _PLACE_NOTE, _WHO_NOTE):
            # «… (дистанционно)», «… (Тверская область)», «приглашённые (руководители …, …)»
            if (said := note.search(label)) is not None and said.start() > 0:
                label = (label[: said.start()] + label[said.end() :]).strip(" ,")
        label = re.sub(r"^(?:г\.|город)\s*(?=[А-ЯЁ])", "", _spelled(label))  # «г. Канск»: a town
        if _cited_lower(label):
            label = label[:1].lower() + label[1:]  # «Специалисты …»: capital of the cell's start
        found.append(Cohort(label=Spanned(label, Span(la, lb)), count=value, unit="person",
                            mode=mode))
    return found, total_count
