"""The event: its kind, qualifiers, ordinal number and title, as a heading names them.

«Резолюция XI межрегиональной научно-практической конференции «…»» → kind «конференция»,
qualifiers («межрегиональная», «научно-практическая»), ordinal 11, the title in quotes (or on a
line of its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions_kg.records import Span, Spanned

from .blocks import clean, tight
from .phrases import nominative
from .russian import has_pos, lemma, parses, words

#: Event kinds by the lemma of their noun (the compound ones by their parts).
KINDS = (
    "семинар-совещание", "круглый стол", "конференция", "семинар", "чтения", "форум", "конгресс",
    "совещание", "съезд", "симпозиум",
)
_SINGLE = {"конференция", "семинар", "форум", "конгресс", "совещание", "съезд", "симпозиум",
           "вебинар", "фестиваль", "ассамблея", "слёт", "слет", "биеннале", "пленум"}
#: Kinds that are also ordinary words («школа»): taken from the heading only.
_HEADING_ONLY = {"школа", "сессия"}
#: Second parts of compound event kinds.
COMPOUND_SECONDS = frozenset("практикум тренинг практикум-тренинг форум презентация диалог "
                             "совещание семинар".split())
#: Bodies whose meeting is an event of its own kind: «заседание Совета директоров …» is a
#: «заседание совета», «расширенное заседание коллегии министерства» a «заседание коллегии».
SITTING_BODIES = {"совет": "совета", "коллегия": "коллегии", "правление": "правления",
                  "президиум": "президиума", "комиссия": "комиссии"}
#: Hearings: «парламентские слушания» and their kin, by the adjective's lemma.
_HEARINGS = {"парламентский": "парламентские", "публичный": "публичные",
             "общественный": "общественные", "депутатский": "депутатские"}
#: Adjectives that make «собрание» a meeting: «общее собрание», «отчётно-выборное собрание».
_MEETINGS = {"общий", "отчётно-выборный", "отчетно-выборный", "учредительный"}
_PLURAL_READINGS = re.compile(r"^чтени(?:й|ям|ях|ями)$", re.I)
#: Roman numerals, with the Cyrillic letters typed for them («Х Тарские чтения»: «Х», «І»).
ROMAN = re.compile(r"^[IVXLCХІ]+$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "Х": 10, "І": 1}
ORDINAL_WORDS = {
    "первый": 1, "второй": 2, "третий": 3, "четвертый": 4, "пятый": 5, "шестой": 6,
    "седьмой": 7, "восьмой": 8, "девятый": 9, "десятый": 10, "одиннадцатый": 11,
    "двенадцатый": 12, "тринадцатый": 13, "четырнадцатый": 14, "пятнадцатый": 15,
    "шестнадцатый": 16, "семнадцатый": 17, "восемнадцатый": 18, "девятнадцатый": 19,
    "двадцатый": 20,
}
OPEN_QUOTES = {"«": "»", "„": "“", "“": "”", '"': '"'}


@dataclass(frozen=True)
class KindMatch:
    value: str
    span: Span
    #: The words before the kind (qualifiers and ordinal): their start offset.
    words_start: int


def roman(value: str) -> int | None:
    if not ROMAN.match(value):
        return None
    total = 0
    for i, c in enumerate(value):
        v = _ROMAN_VALUES[c]
        total += -v if i + 1 < len(value) and _ROMAN_VALUES[value[i + 1]] > v else v
    return total or None


def quoted_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Ranges ``[open, close]`` (inclusive of the quotes) of quotations in ``text[start:end]``."""
    out, i = [], start
    while i < end:
        c = text[i]
        if c in OPEN_QUOTES:
            close = OPEN_QUOTES[c]
            depth, j = 1, i + 1
            while j < end and depth:
                if text[j] == close and (c != '"' or True):
                    depth -= 1
                elif text[j] == c and c != close:
                    depth += 1
                j += 1
            if depth == 0:
                out.append((i, j))
                i = j
                continue
        i += 1
    return out


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(a < pos < b for a, b in ranges)


def _sitting_body(toks: list[tuple[str, int, int]], i: int) -> tuple[str, int] | None:
    """The body whose sitting it is, at ``toks[i]`` or after up to two adjectives: its genitive
    and where it ends."""
    for k in range(i, min(i + 3, len(toks))):
        if (body := SITTING_BODIES.get(lemma(toks[k][0]))) is not None:
            if body == "совета" and k + 1 < len(toks) and toks[k + 1][0].lower() == "директоров":
                return "совета директоров", toks[k + 1][2]  # «заседание Совета директоров …»
            return body, toks[k][2]
        if not has_pos(toks[k][0], {"ADJF"}):
            return None
    return None


def find_kind(text: str, start: int, end: int, *, heading: bool = False) -> KindMatch | None:
    """The first event kind named in ``text[start:end]`` outside quotations (in a heading, also
    the kinds that are ordinary words elsewhere: «школа»)."""
    kinds = _SINGLE | _HEADING_ONLY if heading else _SINGLE
    quotes = quoted_ranges(text, start, end)
    toks = words(text[start:end], start)
    for i, (w, a, b) in enumerate(toks):
        if _inside(quotes, a):
            continue
        low = w.lower()
        if "-" in low:
            parts = [lemma(p) for p in low.split("-")]
            if parts[:2] == ["семинар", "совещание"]:
                return KindMatch("семинар-совещание", Span(a, b), a)
            if (len(parts) == 2 and parts[0] in _SINGLE | _HEADING_ONLY
                    and parts[1] in COMPOUND_SECONDS):
                # «семинара-практикума», «семинар-тренинг», «конференция-форум», «школы-семинара»
                return KindMatch(f"{parts[0]}-{parts[1]}", Span(a, b), a)
        base = lemma(w)
        if base == "заседание" and (sitting := _sitting_body(toks, i + 1)) is not None:
            # «заседание Совета», «заседания Научно-методического совета»
            return KindMatch(f"заседание {sitting[0]}", Span(a, sitting[1]), a)
        if base == "сессия" and i and lemma(toks[i - 1][0]) == "стратегический":
            return KindMatch("стратегическая сессия", Span(toks[i - 1][1], b), toks[i - 1][1])
        if base == "собрание" and i and lemma(toks[i - 1][0]) in _MEETINGS:
            # «общее собрание членов ассоциации» (not «собрание документов»); a general
            # meeting is cited as such, any other kind of meeting as a «собрание»
            said = "общее собрание" if lemma(toks[i - 1][0]) == "общий" else "собрание"
            return KindMatch(said, Span(toks[i - 1][1], b), toks[i - 1][1])
        if base == "школа" and heading and [lemma(t[0]) for t in toks[i + 1 : i + 3]] == [
                "молодой", "специалист"] and toks[i + 2][0].lower().endswith("ов"):
            # «школы молодых специалистов (музеев)»: cited whole, as a format of its own (not
            # «школа молодого библиотекаря», a «школа»)
            return KindMatch("школа молодых специалистов", Span(a, toks[i + 2][2]), a)
        if base == "стол" and i and lemma(toks[i - 1][0]) == "круглый":
            return KindMatch("круглый стол", Span(toks[i - 1][1], b), toks[i - 1][1])
        if base in ("слушание", "слушания") and i and (
                said := lemma(toks[i - 1][0])) in _HEARINGS:
            # «парламентские слушания», «публичные слушания»
            return KindMatch(f"{_HEARINGS[said]} слушания", Span(toks[i - 1][1], b), toks[i - 1][1])
        if base in kinds or any(p.normal_form in kinds and p.tag.POS == "NOUN"
                                for p in parses(w)[:2]):
            value = base if base in kinds else next(
                p.normal_form for p in parses(w)[:2] if p.normal_form in kinds)
            return KindMatch(value, Span(a, b), a)
        if base == "чтение" and (
            _PLURAL_READINGS.match(w)
            or (low in ("чтения", "чтениях") and i and any(
                p.tag.POS == "ADJF" and p.tag.number == "plur" for p in parses(toks[i - 1][0])))
        ):
            return KindMatch("чтения", Span(a, b), a)
    return None


def qualifiers_and_ordinal(text: str, region_start: int, kind: KindMatch,
                           ) -> tuple[tuple[str, ...], int | None]:
    """Adjectives before the kind (nominative) and the ordinal number of the event."""
    before = words(text[region_start : kind.span.start], region_start)
    chosen: list[tuple[str, int, int]] = []
    ordinal = None
    for w, a, b in reversed(before):
        gap = text[b : (chosen[0][1] if chosen else kind.span.start)]
        if gap.strip(" «»\"-") and not re.fullmatch(r"[\s«»\",и]*", gap):
            break
        if (value := roman(w)) is not None:
            ordinal = value
            break
        if m := re.fullmatch(r"(\d{1,3})(?:-?[а-яё]{1,3})?", w):
            ordinal = int(m.group(1))
            break
        ps = [p for p in parses(w) if p.tag.POS in ("ADJF", "PRTF")]
        if not ps or w.lower() == "и":
            if w.lower() == "и":
                continue
            break
        if "Anum" in ps[0].tag and ps[0].normal_form.replace("ё", "е") in ORDINAL_WORDS:
            ordinal = ORDINAL_WORDS[ps[0].normal_form.replace("ё", "е")]
            break
        chosen.insert(0, (w, a, b))
    if not chosen:
        return (), ordinal
    head = "круглый стол" if kind.value == "круглый стол" else text[kind.span.start:kind.span.end]
    phrase = " ".join(w for w, _, _ in chosen) + " " + head
    nominal = nominative(phrase, keep_capital=False).split()
    qualifiers = tuple(q.lower() for q in nominal[: len(chosen)])
    return qualifiers, ordinal


def title_in(text: str, start: int, end: int, after: int | None = None) -> Spanned[str] | None:
    """The first quotation in ``text[start:end]`` (after ``after``) as a title."""
    for a, b in quoted_ranges(text, start, end):
        if after is not None and a < after or _BODY_BEFORE.search(text[max(start, a - 40) : a]):
            continue  # (a body's name: «… членов НП «Ассоциация музеев Вятского края»»)
        a, b = tight(text, a + 1, b - 1)
        inner = clean(text[a:b])  # one space between words, «использова-\nние» joined
        if len(inner) >= 3 and any(c.isalpha() for c in inner):
            return Spanned(inner, Span(a, b))
    return None


#: A legal form or a body's kind right before a quotation, which is then the body's name.
_BODY_BEFORE = re.compile(r"(?:(?<![А-ЯЁA-Z])(?:НП|АНО|МУК|МБУК|МАУК|МКУК|ГБУК|ГАУК|ГКУК|ОО|РОО|МОО"
                          r"|ООО|ОАО|АО|ЦБС)|организаци[ия]|учреждени[ея]|партн[её]рства)\s*$")
