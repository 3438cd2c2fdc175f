"""The place of the event, printed next to its date.

«Тверь, 25 – 26 октября 2012 г.», «г. Великий Новгород, 15–16 мая 2014 года», «27.09.2016,
г. Липецк», «Минск, Республика Беларусь, …», «(Тверь, 25–26 октября 2012 г.)», «… прошла
25 октября в Твери».
"""

from __future__ import annotations

import re

from resolutions_kg.records import Span, Spanned

from .russian import parses, place_nominative

COUNTRIES = {
    "россия": "Россия", "российская федерация": "Российская Федерация", "рф": "Россия",
    "беларусь": "Беларусь", "республика беларусь": "Республика Беларусь",
    "белоруссия": "Беларусь", "казахстан": "Казахстан",
    "республика казахстан": "Республика Казахстан", "украина": "Украина",
    "армения": "Армения", "республика армения": "Республика Армения",
    "кыргызстан": "Кыргызстан", "киргизия": "Кыргызстан", "узбекистан": "Узбекистан",
    "таджикистан": "Таджикистан", "азербайджан": "Азербайджан", "молдова": "Молдова",
    "латвия": "Латвия", "литва": "Литва", "эстония": "Эстония", "грузия": "Грузия",
    "абхазия": "Абхазия", "монголия": "Монголия", "китай": "Китай",
}
_PREFIX = re.compile(r"^(?:г\.|гор\.|город|пос\.|пгт|с\.|ст\.)\s*", re.I)
_NAME_WORD = re.compile(r"^(?:[А-ЯЁ][а-яё]+(?:-(?:на|[А-ЯЁ][а-яё]+))*(?:-[А-ЯЁ][а-яё]+)?|на)$")
_IN_PLACE = re.compile(
    r"(?<![а-яё])в\s+(?:г\.\s*|городе\s+)?(?P<name>[А-ЯЁ][а-яё]+(?:[- ](?:на-)?[А-ЯЁ][а-яё]+)?)")
_SEGMENT = re.compile(r"[^,;()\n]+")


def _country(segment: str) -> str | None:
    return COUNTRIES.get(" ".join(segment.lower().split()))


def _is_place(segment: str) -> bool:
    has_prefix = bool(_PREFIX.match(segment))
    name = _PREFIX.sub("", segment).strip(" .")
    parts = name.split()
    if not parts or len(parts) > 4 or any(c.isdigit() for c in name):
        return False
    if not all(_NAME_WORD.match(p) for p in parts) or parts[0] == "на":
        return False
    if has_prefix:
        return True
    return any("Geox" in p.tag for w in parts for p in parses(w.split("-")[0])) or len(parts) == 1 \
        and not any(p.tag.POS in ("VERB", "INFN", "ADVB", "PREP", "CONJ") for p in parses(parts[0]))


def _segments(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    for m in _SEGMENT.finditer(text, a, b):
        s, e = m.start(), m.end()
        while s < e and text[s] in " \t*_\u00a0":
            s += 1
        while e > s and text[e - 1] in " \t*_.\u00a0":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def place_near(text: str, a: int, b: int, date: Span | None
               ) -> tuple[Spanned[str] | None, str | None]:
    """The place (nominative, with its span) and country printed in ``text[a:b]``."""
    if date is None and b - a > 80:
        return None, None
    segments = [
        (s, e) for s, e in _segments(text, a, b)
        if date is None or e <= date.start or s >= date.end
    ]
    for i, (s, e) in enumerate(segments):
        segment = text[s:e]
        if _country(segment) or not _is_place(segment):
            continue
        if date is not None and not _close(text, (s, e), date):
            continue
        prefix = _PREFIX.match(segment)
        start = s + (prefix.end() if prefix else 0)
        place = Spanned(place_nominative(text[start:e]), Span(start, e))
        country = None
        if i + 1 < len(segments):
            country = _country(text[segments[i + 1][0] : segments[i + 1][1]])
        return place, country
    if date is not None:
        for m in _IN_PLACE.finditer(text, a, b):
            name = m.group("name")
            if any("Geox" in p.tag for p in parses(name.split()[0].split("-")[0])):
                return Spanned(place_nominative(name), Span(m.start("name"), m.end("name"))), None
    return None, None


def _close(text: str, segment: tuple[int, int], date: Span) -> bool:
    """The segment and the date are in the same sentence, with no other words between."""
    between = text[segment[1] : date.start] if segment[1] <= date.start \
        else text[date.end : segment[0]]
    return len(between.strip(" ,;()–—-\u00a0")) == 0 or between.strip() in ("г.",)


def country_after(text: str, end: int) -> str | None:
    """The country named right after a place («Минск, Республика Беларусь»)."""
    m = re.match(r"[ \t\u00a0]*,[ \t\u00a0]*([^,;()\n]+)", text[end : end + 60])
    if m is None:
        return None
    return _country(m.group(1).strip(" .*_\t"))
