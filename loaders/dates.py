"""Dates and date ranges as Russian resolutions print them, and the place printed beside them.

Forms: «25 – 26 октября 2012 г.», «15–16 мая 2014 года», «30 сентября – 2 октября 2015 г.»,
«3 апреля 2013 г.», «27.09.2016», «25–26.10.2012», «25.10.2012 – 26.10.2012»; month names in any
case and capitalisation.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from resolutions_kg.records import Span

MONTHS: dict[str, int] = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_MONTH = (
    r"(?:январ[ьяюе]|феврал[ьяюе]|марта?|марте|апрел[ьяюе]|ма[йяюе]|июн[ьяюе]|июл[ьяюе]"
    r"|августа?|августе|сентябр[ьяюе]|октябр[ьяюе]|ноябр[ьяюе]|декабр[ьяюе])"
)
_DASH = r"\s*[-–—‒−]\s*"
_YEAR_TAIL = r"(?:\s*(?:г\.|гг\.|г(?![а-яё])|года|году))?"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_OPEN_QUOTE = r"[\"«„“']?"
_CLOSE_QUOTE = r"[\"»“”']?"

DATE_RANGE = re.compile(
    rf"(?<![\d.]){_OPEN_QUOTE}(?P<d1>{_DAY}){_CLOSE_QUOTE}(?:\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>\d{{4}}){_YEAR_TAIL})?)?"
    rf"(?:{_DASH}|\s+(?:и|по)\s+)"
    rf"{_OPEN_QUOTE}(?P<d2>{_DAY}){_CLOSE_QUOTE}\s+(?P<m2>{_MONTH})\s+(?P<y2>\d{{4}}){_YEAR_TAIL}",
    re.I,
)
DATE_ONE = re.compile(
    rf"(?<![\d.]){_OPEN_QUOTE}(?P<d>{_DAY}){_CLOSE_QUOTE}\s+(?P<m>{_MONTH})\s+(?P<y>\d{{4}})"
    rf"{_YEAR_TAIL}", re.I
)
NUMERIC_RANGE = re.compile(
    r"(?<![\d.])(?P<d1>\d{1,2})(?:\.(?P<m1>\d{1,2})(?:\.(?P<y1>\d{4}))?)?"
    rf"(?:{_DASH}|\s+по\s+)(?P<d2>\d{{1,2}})\.(?P<m2>\d{{1,2}})\.(?P<y2>\d{{4}}){_YEAR_TAIL}"
    r"(?![\d])"  # («с 11.04.2023 по 13.04.2023»)
)
NUMERIC_ONE = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d])"
                         + _YEAR_TAIL)
#: The number a document is registered under, beside its date: «№ 2», «№ 4/2», «N 3/2022».
REGISTRATION_NUMBER = re.compile(r"(?:№|N)\s*\d[\w/.-]*")
YEAR = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*(?:г\.|года?|году|г(?![а-яё])))?")


@dataclass(frozen=True)
class DateMatch:
    start: dt.date
    end: dt.date
    span: Span


def month_number(word: str) -> int | None:
    low = word.lower()
    for stem, n in MONTHS.items():
        if low.startswith(stem) and (stem != "ма" or low[:3] in ("май", "мая", "маю", "мае")):
            return n
    return None


def _date(y: str | None, m: str | int | None, d: str) -> dt.date | None:
    try:
        if isinstance(m, int):
            month: int | None = m
        else:
            month = int(m) if m and m.isdigit() else month_number(m or "")
        if y is None or month is None:
            return None
        return dt.date(int(y), month, int(d))
    except ValueError:
        return None


def find_dates(text: str, offset: int = 0) -> list[DateMatch]:
    """All dates and date ranges in ``text``, in order, without overlaps."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in DATE_RANGE.finditer(text):
        end = _date(m["y2"], m["m2"], m["d2"])
        if end is None:
            continue
        start = _date(m["y1"] or m["y2"], m["m1"] or m["m2"], m["d1"])
        if start is None or start > end:
            if start is not None and m["y1"] is None:
                start = _date(str(int(m["y2"]) - 1), m["m1"] or m["m2"], m["d1"])
            if start is None or start > end:
                continue
        found.append(DateMatch(start, end, Span(offset + m.start(), offset + m.end())))
        taken.append((m.start(), m.end()))
    for m in NUMERIC_RANGE.finditer(text):
        end = _date(m["y2"], m["m2"], m["d2"])
        start = _date(m["y1"] or m["y2"], m["m1"] or m["m2"], m["d1"]) if end else None
        if end and start and start <= end and free(m.start(), m.end()):
            found.append(DateMatch(start, end, Span(offset + m.start(), offset + m.end())))
            taken.append((m.start(), m.end()))
    for pattern, keys in ((DATE_ONE, ("y", "m", "d")), (NUMERIC_ONE, ("y", "m", "d"))):
        for m in pattern.finditer(text):
            day = _date(*(m[k] for k in keys))
            if day and free(m.start(), m.end()):
                found.append(DateMatch(day, day, Span(offset + m.start(), offset + m.end())))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.span.start)


#: «14 ноября», «3–4 июня», «30 сентября – 2 октября» with no year after them.
_YEARLESS = re.compile(
    rf"(?<![\d.]){_OPEN_QUOTE}(?:(?P<d1>{_DAY}){_CLOSE_QUOTE}(?:\s+(?P<m1>{_MONTH}))?"
    rf"(?:{_DASH}|\s+(?:и|по)\s+){_OPEN_QUOTE})?(?P<d2>{_DAY}){_CLOSE_QUOTE}\s+(?P<m2>{_MONTH})"
    r"(?![а-яё])(?!\s*(?:\d|г\.))", re.I)


def find_yearless(text: str, year: int, offset: int = 0) -> list[DateMatch]:
    """Days and periods written without a year, in ``year`` (a period across the new year
    starts in the year before)."""
    out = []
    for m in _YEARLESS.finditer(text):
        end = _date(str(year), m["m2"], m["d2"])
        start = _date(str(year), m["m1"] or m["m2"], m["d1"]) if m["d1"] else end
        if start is not None and end is not None and start > end:
            start = _date(str(year - 1), m["m1"] or m["m2"], m["d1"])
        if start is not None and end is not None:
            out.append(DateMatch(start, end, Span(offset + m.start(), offset + m.end())))
    return out
