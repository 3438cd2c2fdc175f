"""The adoption of the document: its date and whether it was unanimous."""

from __future__ import annotations

import datetime as dt
import re

from resolutions_kg.records import Spanned

from .blocks import Block, body_text
from .closing import adoption_sentence
from .dates import REGISTRATION_NUMBER, find_dates
from .header import ADMINISTRATIVE, DATELINE_LENGTH, is_dateline, reads_length
from .settlements import find_settlements

UNANIMOUS = re.compile(r"единогласно", re.I)


#: Who adopted it, or where, opening a stamp's line: «участниками совещания», «на заседании».
_BY_WHOM = re.compile(r"\s*(?:участник\w*|на\s+[а-яё\s]*(?:заседании|собрании|сессии))", re.I)
#: By whom, in the instrumental: «V Съездом …», «общим собранием …», «конференцией».
_INSTRUMENTAL = re.compile(r"(?<![а-яё])(?:съездом|конференцией|собранием|совещанием|форумом"
                           r"|семинаром|заседанием|советом|коллегией|правлением)(?![а-яё])", re.I)
#: What is left of a line that dates a stamp by its minutes: «(протокол № 1 от 14.04.2022)».
_MINUTES = re.compile(r"[\s(]*протокол(?:ом)?(?:\s+заседания)?\s*"
                      r"(?:(?:№|N|No\.?)\s*[\w/.-]+)?\s*от[\s).,;]*", re.I)


def adoption(text: str, bs: list[Block]) -> tuple[Spanned[dt.date] | None, bool]:
    """The date the document was adopted, from its adoption line («Принята участниками … 12 мая
    2018 г.», or a stamp with the date on a line of its own), and whether it says unanimously."""
    said_unanimous = False
    for k, bl in enumerate(bs):
        if (first := adoption_sentence(text, bl)) is None:
            continue
        a, b = body_text(text, bl)
        dates = find_dates(text[first[0] : first[1]], first[0])
        unanimous = said_unanimous = said_unanimous or bool(UNANIMOUS.search(text, a, b))
        if not dates and k + 1 < len(bs) and not text[first[1] : b].strip():
            # a stamp «ПРИНЯТА / на заключительном пленарном заседании / 24 сентября 2021 г.»:
            # the date on a line of its own right after it
            # (past lines of where and by whom: «на … заседании», «участниками форума /
            # «Библиотека в цифровой среде: …»»)
            by_whom = False  # («ПРИНЯТА / V Съездом библиотечных работников / Кузбасса 28 мая
            # 2014 г.»: the date ends the line that goes on saying by whom)
            for nxt in bs[k + 1 : k + 5]:
                na, nb = body_text(text, nxt)
                short = reads_length(text, na, nb) <= DATELINE_LENGTH  # (aligned by spaces)
                found = find_dates(text[na:nb], na) if short else []
                rest = (text[na : found[0].span.start] + text[found[0].span.end : nb]
                        if found else "")
                if found and (len(rest.strip()) <= 6 or _MINUTES.fullmatch(rest) or is_dateline(
                        text, nxt, found[0], find_settlements(text, nxt.start, nxt.end))
                        # «участниками республиканского совещания 14 апреля 2022 г.»: by whom
                        # and when, in one line under the stamp's word
                        or _BY_WHOM.match(text, na, nb) is not None
                        or by_whom and len(rest.split()) <= 3 and not re.search(r"\d", rest)):
                    # the line is the date («24 сентября 2021 г.»), or a place and the date
                    # («г. Петропавловск-Камчатский      12.05.2015»)
                    dates = found
                    break
                if found or not short:
                    break
                by_whom = by_whom or _BY_WHOM.match(text, na, nb) is not None or (
                    _INSTRUMENTAL.search(text, na, nb) is not None)
        if dates:
            return Spanned(dates[0].end, dates[0].span), unanimous
        # an undated stamp («УТВЕРЖДЕНА …» above the heading): a later line may date it
    return None, said_unanimous


#: What else a registration's line may hold: separators, «от», «г.».
_FILLER = re.compile(r"[\s|*_`,;()•·–—-]|&nbsp;|(?<![а-яё])(?:от|г\.|город)(?![а-яё])")


def _leftover(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> str:
    """``text[a:b]`` without ``spans``, the places in it and what :data:`_FILLER` allows."""
    cut = sorted(spans + [(p.start, p.end) for p in find_settlements(text, a, b)]
                 + [m.span() for m in ADMINISTRATIVE.finditer(text, a, b)])  # («… области»)
    kept, pos = [], a
    for x, y in cut:
        kept.append(text[pos:max(pos, x)])
        pos = max(pos, y)
    kept.append(text[pos:b])
    return _FILLER.sub("", " ".join(kept))


def registered(text: str, header: list[Block]) -> Spanned[dt.date] | None:
    """The date a decision is registered under, on a line of the header with its number and
    nothing else but its place: «15 марта 2016 г.      № 2», «№ 2 от 12.03.2018», «| от 29
    марта 2018 г. | г. Пенза | № 2 |» (or that row's cells, each a line of its own) — the day
    it was taken, when no adoption line says."""
    lines = [ln for bl in header for ln in bl.lines]
    for k, line in enumerate(lines):
        a, b = line.start, line.end
        if b - a > 3 * DATELINE_LENGTH or len(dates := find_dates(text[a:b], a)) != 1:
            continue
        numbers = [m.span() for m in REGISTRATION_NUMBER.finditer(text, a, b)]
        date = (dates[0].span.start, dates[0].span.end)
        if len(numbers) > 1 or _leftover(text, a, b, [date, *numbers]):
            continue
        for nxt in ([] if numbers else lines[k + 1 : k + 3]):
            alone = [m.span() for m in REGISTRATION_NUMBER.finditer(text, nxt.start, nxt.end)]
            if _leftover(text, nxt.start, nxt.end, alone):
                break
            numbers += alone
            if numbers:
                break
        if len(numbers) == 1:
            return Spanned(dates[0].end, dates[0].span)
    return None
