"""Lists of places that name who took part: «представители библиотек Таганрога, Новочеркасска,
Шахт и Азова» (one group a place), «84 — из Беларуси» (a count for the one place), and the pieces
of a list of groups joined where a list of places goes on past a comma."""

from __future__ import annotations

import re

from resolutions_kg.records import AttendanceMode, Cohort, Span, Spanned

from .origins import VERB_TAIL, place_name
from .phrases import nominative
from .settlements import find_settlements
from .totals import MODE_ONLY, attendance

_GAP = re.compile(r"(?:\s*,\s*(?:а\s+также\s+|и\s+)?|\s+и\s+|\s+а\s+также\s+)(?:из\s+)?"
                  r"(?:г\.\s*|города\s+)?")
_CAPITALISED = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]*)*")
#: A country or region named in more than one word, in the genitive: «Республики Саха
#: (Якутия)», «Китайской Народной Республики», «Магаданской области», «Пермского края».
_REGION = re.compile(r"(?<![А-ЯЁа-яё-])(?:(?:[А-ЯЁ][а-яё]+(?:ой|ей)\s+){1,2}Республики"
                     r"|Республики\s+[А-ЯЁ][а-яё]+(?:\s+\([А-ЯЁ][а-яё]+\))?"
                     r"|[А-ЯЁ][а-яё-]+(?:ой|ого)\s+(?:области|края))(?![а-яё])")


def place_list(text: str, a: int, b: int) -> tuple[int, tuple[str, ...]] | None:
    """The list of places that ends ``text[a:b]``: «… из Южно-Сахалинска, Корсакова, Холмска и
    Охи» → where it starts and («Южно-Сахалинск», «Корсаков», «Холмск», «Оха»). Settlements of
    the list or the gazetteer, and countries pymorphy knows («Казахстана»); None when the text
    does not end with a place."""
    hits = [(f.start, f.end, f.name) for f in find_settlements(text, a, b)]
    for m in _REGION.finditer(text, a, b):  # «Киргизской Республики», «Пермского края»
        hits = [h for h in hits if not m.start() <= h[0] < m.end()]
        region = nominative(m.group(), "gent")  # («Кыргызской Республики»: a name all the same)
        hits.append((m.start(), m.end(), region[:1].upper() + region[1:]))
    for m in _CAPITALISED.finditer(text, a, b):
        if not any(s <= m.start() < e for s, e, _ in hits) and (
                name := place_name(m.group())) is not None:
            hits.append((m.start(), m.end(), name))
    hits.sort()
    end = b
    while end > a and text[end - 1] in " \t\n,.;:)":
        end -= 1
    if not hits or not end <= hits[-1][1] <= b:  # («… Саха (Якутия)»: its bracket in the name)
        return None
    i = len(hits) - 1
    while i > 0 and _GAP.fullmatch(text, hits[i - 1][1], hits[i][0]):
        i -= 1
    return hits[i][0], tuple(dict.fromkeys(name for _, _, name in hits[i:]))


#: What stands before a list of places that are the groups: «коллеги из», «представители
#: библиотек», «сотрудники музеев, архивов и библиотек из», «84 — из» (lower-case words: not
#: «ЦБС Выборга», a body of that place).
_PLACES_PREFIX = re.compile(r"\s*(?:(?P<count>\d{1,6})\s*[–—-]\s*)?"
                            r"(?:(?!из\s)[А-ЯЁа-яё][а-яё]*,?\s+(?:(?!из\s)[а-яё]+,?\s+)*)?"
                            r"(?P<from>из\s+)?"
                            r"(?:г\.\s*|города\s+)?")


def place_run(text: str, a: int, b: int) -> tuple[re.Match[str], int, tuple[str, ...]] | None:
    """``text[a:b]`` as words about people or bodies, then a list of places."""
    run = place_list(text, a, b)
    if run is None:
        return None
    m = _PLACES_PREFIX.fullmatch(text, a, run[0])
    if m is None or (m.group("count") is None and re.search(r"\d", text[a : run[0]])):
        return None
    return m, run[0], run[1]


def lone_place(text: str, a: int, b: int) -> tuple[re.Match[str], int, tuple[str, ...]] | None:
    """:func:`place_run` when ``text[a:b]`` names places and nothing else («из Братска»; not
    «музеи Красноярского края»)."""
    run = place_run(text, a, b)
    return run if run is not None and not re.search(r"[а-яё]{3,}", run[0].group()) else None


def from_places(text: str, a: int, b: int, mode: AttendanceMode | None) -> Cohort | None:
    """The places a piece names as who took part: «коллеги из Казахстана, Узбекистана и
    Кыргызстана», «представители библиотек Таганрога, Новочеркасска, Шахт и Азова» (one cohort a
    place, as a reader lists them), «84 — из Беларуси» (a count for the one place). Not «12
    музеев из Москвы и Пскова» (the count is the museums') nor «библиотеки Архангельска» (one
    place without «из»: a group of that place)."""
    found = place_run(text, a, b)
    if found is None:
        return None
    m, start, names = found
    if m.group("count") is not None:
        # «84 — из Беларуси», «21 — Казахстана» (after «58 представителей библиотек России»)
        if len(names) != 1 or not re.fullmatch(
                r"\s*\d{1,6}\s*[–—-]\s*(?:из\s+)?(?:г\.\s*|города\s+)?", text[a:start]):
            return None
        return Cohort(label=Spanned(names[0], Span(a, b)), count=int(m.group("count")),
                      unit="city", mode=mode, places=names)
    if m.group("from") is None and len(names) < 2:
        return None
    return Cohort(label=Spanned(", ".join(names), Span(start, b)), unit="city", mode=mode,
                  places=names)


Piece = tuple[int, int, AttendanceMode | None]


#: A remark of the minutes after a group: «(список прилагается)», «(из 11)», «кворум имеется».
_REMARK = re.compile(r"\s*(?:\((?:список|списки|перечень)\s+прилага\w+\)|\(\s*из\s+\d+\s*\)"
                     r"|,?\s*кворум\s+(?:имеется|есть))[\s.,;]*$", re.I)


def place_pieces(text: str, pieces: list[tuple[int, int]]) -> list[Piece]:
    """Each piece with the mode said of it («представители 12 муниципальных образований,
    подключившиеся онлайн»: of the whole piece), a verb of taking part at its end left out, and
    pieces split at commas that continue a list of places joined: «специалисты из
    Южно-Сахалинска», «Корсакова», «Холмска и Охи» → one piece (the mode of its last part)."""
    out: list[Piece] = []
    led: AttendanceMode | None = None
    bare: AttendanceMode | None = None  # the mode of the pieces just before that are only one
    for pa, pb in pieces:
        mode = attendance(text, pa, pb)
        if mode is None and bare is not None and (dash := re.match(r"\s*[–—-]\s+", text[pa:pb])):
            mode, pa = bare, pa + dash.end()  # «…, дистанционно, по видеосвязи, – 29 …»
        if MODE_ONLY.fullmatch(text[pa:pb].strip(" ,;")):
            bare = mode
        elif re.search(r"\d|^\s*[–—-]", text[pa:pb]):
            bare = None  # (past «онлайн», «на платформе Zoom», to the group after the dash)
        if (verb := VERB_TAIL.search(text, pa, pb)) is not None and verb.start() > pa and (
                not MODE_ONLY.match(text, pa, pb)):  # (not «онлайн подключились коллеги из …»)
            pb = verb.start()
        while (remark := _REMARK.search(text, pa, pb)) is not None and remark.start() > pa:
            pb = remark.start()  # «6 приглашённых (список прилагается)», «9 членов Правления
            # (из 11), кворум имеется»: the minutes' remarks
        if remark is not None and remark.start() <= pa:
            continue  # («…, кворум имеется»: a piece of its own)
        before = place_run(text, *out[-1][:2]) if out else None
        run = place_list(text, pa, pb)
        counted = (before is None and out and run is not None and run[0] == pa
                   and "также" not in text[out[-1][1] : pa]
                   and (ended := place_list(text, *out[-1][:2])) is not None
                   and re.search(r"\d", text[out[-1][0] : ended[0]]) is not None)
        if (counted or before is not None and before[0].group("count") is None) and (
                run is not None and re.fullmatch(
                r"\s*(?:из\s+)?(?:г\.\s*|города\s+)?", text[pa : run[0]])):
            # «18 музеев Москвы», «Санкт-Петербурга», …: the counted group's places go on
            out[-1] = (out[-1][0], pb, mode or out[-1][2])
        else:
            out.append((pa, pb, mode))
        if _MODE_LEAD.match(text, pa, pb) and mode is not None:
            led = mode  # «…; в режиме онлайн — A, B и C»: of every piece to the semicolon
        elif led is not None and ";" in text[out[-2][1] if len(out) > 1 else pa : pa]:
            led = None
        if led is not None and out[-1][2] is None:
            out[-1] = (out[-1][0], out[-1][1], led)
    return out


#: A mode that leads a run of pieces: «в режиме онлайн — …», «дистанционно: …».
_MODE_LEAD = re.compile(MODE_ONLY.pattern + r"[—–:-]", re.I)


#: What follows a mode that opens a piece: separators, and a verb of joining with what was
#: joined («в режиме онлайн к работе подключились коллеги из …»).
_AFTER_MODE = re.compile(r"[\s–—:,-]*(?:(?:к\s+[а-яё]+\s+)?(?:подключил(?:ись|ась|ось)"
                         r"|присоединил(?:ись|ась|ось)|участвовал[аио]?)(?![а-яё])[\s–—:,-]*)?")


def past_mode(text: str, end: int, b: int) -> int:
    """Where the group starts after a mode that ends at ``end``."""
    m = _AFTER_MODE.match(text, end, b)
    return m.end() if m is not None else end

