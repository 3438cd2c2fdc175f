"""The counted groups inside one listed piece of who took part, each a piece of its own: «… из
27 регионов России и 2 стран ближнего зарубежья» → «27 регионов России», «2 стран ближнего
зарубежья». Which pieces a list is cut into is :mod:`.lists`'s; what a piece's group is,
:mod:`.bodies`' and :mod:`.participants`'."""

from __future__ import annotations

import re

from .bodies import named_body
from .places import NAME_AFTER_DASH, country
from .russian import has_pos, lemma, parses, place_nominative, words
from .totals import PERSON_LEMMAS, counts

NOT_GROUPS = frozenset("год лет день час месяц неделя минута раз процент доклад сообщение "
                       "выступление секция площадка сессия заседание экземпляр книга".split())
#: Where a counted group's phrase ends: «из 15 регионов России — директора …», «…: …».
_UNIT_END = re.compile(r"\s+[–—-]\s+" + NAME_AFTER_DASH + r"|\s*[:;]"
                       r"|\s*\((?![А-ЯЁ][а-яё]+\))|,(?!\s*[А-ЯЁ]|\s*и\s)")
#: Another kind of body the count counts, after a comma: «18 архивов, | музеев и библиотек».
_MORE_BODIES = re.compile(r"\s*(?:музеев|библиотек|архивов|школ|вузов|колледжей|театров"
                          r"|центров|учреждений|организаций)(?=\s*,|\s+и\s)")
_UNIT_JOIN = re.compile(r"(?:\s*,)?\s*(?:\bи\b|\bа\s+также\b)?\s*(?:\bиз\b)?\s*$")


def counted_units(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The counted groups of organisations or places inside one listed piece, each a piece of
    its own: «специалисты … из 27 регионов России и 2 стран ближнего зарубежья» → «27 регионов
    России», «2 стран ближнего зарубежья»; «архивные учреждения 6 субъектов РФ» → «6 субъектов
    РФ» (the count belongs to the group, as in «специалисты 23 муниципальных библиотек»). A
    piece without such a count, or made of one that starts it, stays as it is."""
    units = [c for c in counts(text, a, b)  # (not «Елец (3, онлайн)»: a count that opens
             if c.noun_lemma not in PERSON_LEMMAS and c.noun_lemma not in NOT_GROUPS  # brackets)
             and not re.search(r"\(\s*$", text[max(a, c.span.start - 2) : c.span.start])]
    if not units or (len(units) == 1 and not text[a : units[0].span.start].strip()):
        cut = _named_next(text, units[0].noun_end if units else b, b)
        joined = _ALSO_AFTER.match(text, cut)
        return [(a, b)] if cut == b or joined is None else [(a, cut), (joined.end(), b)]
    out = []
    for i, c in enumerate(units):
        stop = units[i + 1].span.start if i + 1 < len(units) else b
        m = _UNIT_END.search(text, c.noun_end, stop)
        while m is not None and m.group() == "," and (
                more := _MORE_BODIES.match(text, m.end(), stop)) is not None:
            m = _UNIT_END.search(text, more.end(), stop)  # «18 архивов, музеев и библиотек …»
        if m is not None:
            stop = m.start()
            named = re.match(r"\s*(?::|[–—])\s*(?=[А-ЯЁ])", text[stop:b]) if i + 1 == len(
                units) else None  # («… из пяти стран — Казахстана, России, …»)
            if named and "," not in text[stop:b] and all(
                    lemma(w) in PERSON_LEMMAS or w.lower() in ("из", "и", "от")
                    for w, _, _ in words(text[a : c.span.start])) and any(
                    has_pos(w, {"NOUN"}) for w, _, _ in words(text[stop + named.end() : b])):
                # «из четырёх государств: Азербайджанской Республики, …»: the count's items
                # are named after its colon, and they are the groups
                out.append((stop + named.end(), b))
                continue
        for w, wa, _ in words(text[c.noun_end:stop], c.noun_end):
            if any(p.tag.POS == "VERB" for p in parses(w)[:1]):
                stop = wa  # «9 регионов подключились к заседанию»: the group ends at the verb
                break
        join = _UNIT_JOIN.search(text, c.noun_end, stop)
        if join is not None and join.start() >= c.noun_end:
            stop = join.start()
        stop = _named_next(text, c.noun_end, stop)  # «9 школ Глазова | и Глазовский колледж»
        out.append((c.span.start, stop))
    also = _ALSO_AFTER.match(text, out[-1][1], b)
    if also is None and (comma := _COMMA.match(text, out[-1][1], b)) and _countries(
            text[comma.end() : b]):
        also = comma  # «27 регионов России, | Республики Беларусь и Республики Казахстан»
    if also is not None and text[also.end() : b].strip():
        out.append((also.end(), b))  # «56 специалистов из 11 архивов …, а также представители …»
    lead = re.search(r"\s+и\s+[а-яё]+\s*$", text[a : units[0].span.start])
    if lead is not None and re.search(r"(?<!^)[А-ЯЁ]", text[a : a + lead.start()].strip()) and (
            lemma(lead.group().split()[-1]) in PERSON_LEMMAS):
        out.insert(0, (a, a + lead.start()))  # «сотрудники X музея | и представители 6 …»
    return out


def _named_next(text: str, a: int, b: int) -> int:
    """Where «и» before a name in the nominative, or before a town («… 13 районов области и
    г. Петропавловска»), ends a counted group; else ``b``."""
    if town := re.search(r"\s+и\s+(?:г\.|гор\.|города\s)\s*[А-ЯЁ]", text[a:b]):
        b = a + town.start()
    if _REGIONS_OF.search(text, max(0, a - 20), a) and (land := _COUNTRIES_AFTER.match(
            text, a, b)) and _countries(land[2]):
        b = land.start("gap")  # «11 регионов России | и Республики Беларусь»:
        # the countries after the regions of one are groups of their own
    for m in re.finditer(r"\s+и\s+([А-ЯЁ][а-яё-]+)\s+([а-яё-]+)", text[a:b]):
        if text.count("(", a, a + m.start()) > text.count(")", a, a + m.start()):
            continue
        if has_pos(m.group(1), {"ADJF"}, "nomn") and not has_pos(m.group(1), {"ADJF"}, "gent") and (
                has_pos(m.group(2), {"ADJF", "NOUN"}, "nomn")):
            return a + m.start()
        if named_body(text[a + m.start(1) : b]):
            return a + m.start()  # «4 музеев | и Моршанской центральной библиотеки»: one body
    return b


#: Regions of a country, then other countries: «регионов России, Республики Беларусь и …».
_REGIONS_OF = re.compile(r"(?:регион|субъект|област)[а-яё]*\s*$")
_COUNTRIES_AFTER = re.compile(r"\s*(?:России|Российской\s+Федерации|РФ)(?P<gap>\s*,\s*|\s+и\s+)"
                              r"([А-ЯЁ][^;()]*?)[\s.,;]*$")
_AND_OR_COMMA = re.compile(r"\s*,\s*|\s+и\s+")
_COMMA = re.compile(r"\s*,\s*")


def _countries(listed: str) -> bool:
    """Whether ``listed`` names only countries, in the genitive: «Республики Беларусь и
    Республики Казахстан»."""
    return all(country(place_nominative(p.strip(" .;"))) for p in _AND_OR_COMMA.split(listed))


_ALSO_AFTER = re.compile(r"\s*,?\s*(?:а\s+также|и)\s+")
