"""Where participants came from: the places a list after «из» names, each a cohort.

«237 делегатов из Хабаровска, Амурска … и всех муниципальных районов края», «коллеги из Польши и
Литвы», «… из Республики Алтай, Алтайского края, Новосибирской и Кемеровской областей»: every
place in the nominative, as the gazetteer or the settlement list names it, or as a region phrase.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from resolutions_kg.records import AttendanceMode, Cohort, Span, Spanned

from .blocks import clean
from .expand import is_region_adjective
from .phrases import nominative
from .russian import has_pos, lemma, parses, place_nominative
from .settlements import SETTLEMENT_KIND, find_settlements, only_places
from .totals import PEOPLE_OPENING, PERSON_LEMMAS, TAKE_PART, attendance

#: «из» before a capital: a place's name follows («из Беларуси», «из г. Минска»).
FROM_NAMED = re.compile(r"(?<![а-яё])из\s+(?:г\.\s*)?[А-ЯЁ]")
_FROM = re.compile(r"(?<![а-яё])из\s+(?=(?:всех\s+|г\.\s*)?[А-ЯЁа-яё])", re.I)
#: «из» before a place or a count: «из 9 муниципальных образований …».
_FROM_COUNTED = re.compile(r"(?<![а-яё])из\s+(?=(?:всех\s+|г\.\s*)?[А-ЯЁа-яё\d])", re.I)
_ORIGIN_SPLIT = re.compile(r"\s*,\s*(?:а\s+также\s+(?:[а-яё]+\s+)?(?:из\s+)?)?|\s+а\s+также\s+"
                           r"(?:[а-яё]+\s+)?(?:из\s+)?|\s+и\s+(?:из\s+)?")
_REGION_WORDS = re.compile(r"област|кра[яйе]|республик|федераци|округ|район", re.I)


#: A count in brackets after a place: «Братска (7)», «Беларуси (94 участника)».
COUNT_IN_BRACKETS = re.compile(
    r"\s*\((\d{1,5})(?:\s+(?:человека?|чел\.|участник[аов]*|представител[ьяей]+))?"
    r"(?:\s*,\s*(?P<how>[^()]{2,40}))?\)[\s,.;]*$")  # («Казахстана (2, в режиме онлайн)»)


#: Bodies counted in brackets after a place: «Удмуртской Республики (3 библиотеки)».
_BODIES_IN_BRACKETS = re.compile(r"\s*\((\d{1,5})\s+(библиотек[аи]?|музе(?:я|ев)|архив(?:а|ов)?"
                                 r"|организаци(?:и|й)|учреждени(?:я|й))\)$")


#: A settlement's kind before its name: «г.», «посёлка», «села».
_KIND = re.compile(r"^\s*(?:" + SETTLEMENT_KIND.pattern + r")?\s*", re.I)


def _bracket_mode(text: str, at: int, paren: re.Match[str]) -> AttendanceMode | None:
    """How the counted took part, said in the count's brackets («(2, в режиме онлайн)»);
    ``paren`` is a :data:`COUNT_IN_BRACKETS` match in the text from ``at``."""
    return attendance(text, at + paren.start("how"), at + paren.end("how")) if paren.group(
        "how") else None


def _origin(text: str, a: int, b: int) -> Cohort | None:
    """One place or group of places a list after «из» names, in the nominative («Братска (7)»:
    with the count in brackets)."""
    if (paren := COUNT_IN_BRACKETS.search(text[a:b])) is not None and (
            counted := _origin(text, a, a + paren.start())) is not None:
        return dataclasses.replace(counted, count=int(paren.group(1)),
                                   mode=_bracket_mode(text, a, paren) or counted.mode)
    item = clean(text[a:b]).strip(" ,.;")
    if not item or item[:1].isdigit():
        return None
    if (where := re.search(r"\s*\(([^()]{2,60})\)$", item)) and only_places(where.group(1)):
        item = item[: where.start()]  # «… имени В. Я. Шишкова (г. Барнаул)»: where it is
    if (bodies := _BODIES_IN_BRACKETS.search(item)) is not None and item[:1].isupper():
        # «Свердловской области (5 библиотек)»: that place's bodies, counted
        noun = nominative(bodies.group(2), "gent", plural=True)
        return Cohort(label=Spanned(f"{noun} {item[: bodies.start()]}", Span(a, b)),
                      count=int(bodies.group(1)), unit="organisation")
    found = [f for f in find_settlements(text, a, b)]
    if len(found) == 1 and not _KIND.sub("", text[a : found[0].start]).strip() and not text[
            found[0].end : b].strip(" ,.;"):
        return Cohort(label=Spanned(found[0].name, Span(a, b)), unit="city",
                      places=(found[0].name,))
    if (place := place_name(item)) is not None:
        return Cohort(label=Spanned(place, Span(a, b)), unit="country", places=(place,))
    item = re.sub(r"^(?:всех|всего|всей)\s+", "", item)
    regions = _REGION_WORDS.search(item) is not None
    label = nominative(item, "gent", plural=not item[:1].isupper() and not regions,
                       keep_capital=True if item[:1].isupper() else None)
    if not label or label == item and item[:1].islower():
        return None
    if regions and (dash := re.search(r"(?<=\s[–—-]\s)[А-ЯЁ][а-яё]+$", label)) is not None:
        # «… автономного округа – Югры»: the name after the dash is in the genitive too
        label = label[: dash.start()] + place_nominative(dash.group())
    return Cohort(label=Spanned(label, Span(a, b)), unit="region" if regions else None,
                  places=(label,) if regions and item[:1].isupper() else ())


#: Adjectives that share one plural head: «Новосибирской и Кемеровской областей», «Котласского,
#: Ленского и Устьянского районов».
_ADJECTIVE = r"[А-ЯЁ](?:[а-яё]|-[А-ЯЁа-яё])*(?:ого|его|ой|ей)"  # («Иссык-Кульской»)
_SHARED_RUN = re.compile(r"(?<![а-яё-])((?:" + _ADJECTIVE + r"(?:\s*,\s*|\s+и\s+))+" + _ADJECTIVE
                         + r")\s+"
                         r"(областей|краёв|краев|республик|округов|районов|улусов|кожуунов)"
                         # their country's name after them: «… областей Российской Федерации»
                         r"(?:\s+(?:Российской\s+Федерации|России|Республики\s+[А-ЯЁ][а-яё]+))?"
                         r"(?![а-яё])")
#: The same in the nominative or accusative: «Тотемский, Нюксенский и Сокольский районы»,
#: «Ярославскую, Тверскую и Московскую области».
_ADJECTIVE_NOM = r"[А-ЯЁ](?:[а-яё]|-[А-ЯЁа-яё])*(?:ий|ый|ая|яя|ую|юю)"
_SHARED_RUN_NOM = re.compile(r"(?<![а-яё-])((?:" + _ADJECTIVE_NOM + r"(?:\s*,\s*|\s+и\s+))+"
                             + _ADJECTIVE_NOM + r")\s+(области|края|республики|округа|районы|улусы)"
                             r"(?:\s+(?:Российской\s+Федерации|России))?(?![а-яё])")


def shared_runs(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Where adjectives share one plural head in ``text[a:b]``: a list is not cut inside them."""
    return [r.span() for pattern in (_SHARED_RUN, _SHARED_RUN_NOM)
            for r in pattern.finditer(text, a, b)]


def shared_head(piece: str) -> list[str] | None:
    """«Новосибирской и Кемеровской областей» (or «… области») → «Новосибирская область»,
    «Кемеровская область»: adjectives that share one plural head, each with the head in the
    nominative."""
    m = _SHARED_RUN.fullmatch(piece.strip()) or _SHARED_RUN_NOM.fullmatch(piece.strip())
    if m is None:
        return None
    head = next((p for p in parses(m.group(2)) if p.tag.POS == "NOUN"), None)
    singular = head.inflect({"nomn", "sing"}) if head is not None else None
    if head is None or singular is None:
        return None
    names = []
    for adjective in re.split(r"\s*,\s*|\s+и\s+", m.group(1)):
        # the adjective alone, agreeing with the head: «Глубоковского» is a surname too
        parse = next((p for p in parses(adjective) if p.tag.POS == "ADJF"), None)
        agreed = parse.inflect({"nomn", "sing", head.tag.gender or "masc"}) if parse else None
        word = agreed.word if agreed is not None else _by_ending(adjective, head.tag.gender)
        if word is None:
            return None
        word = "-".join(w[:1].upper() + w[1:] if o[:1].isupper() else w  # «Иссык-Кульская»
                        for w, o in zip(word.split("-"), adjective.split("-"), strict=False))
        names.append(f"{adjective[:1]}{word[1:]} {singular.word}")
    return names


#: «… из пяти районов области: Тотемского, Бабушкинского и Сокольского»: the head before the
#: colon, its adjectives after it.
_HEAD_BEFORE_COLON = re.compile(r"(?<![а-яё])(областей|краёв|краев|республик|округов|районов"
                                r"|улусов)(?:\s+[а-яё]+)?\s*:\s*$")


def _heads_before_colon(text: str, start: int, end: int) -> list[Cohort] | None:
    head = _HEAD_BEFORE_COLON.search(text, max(0, start - 40), start)
    names = shared_head(text[start:end].rstrip(" .;") + " " + head.group(1)) if head else None
    return [Cohort(label=Spanned(r, Span(start, end)), unit="region", places=(r,))
            for r in names] if names else None


#: A genitive adjective's nominative by its ending, for a word the dictionary does not know as an
#: adjective («Глубоковского» → «Глубоковский»): (ending, masculine, feminine).
_ENDINGS = (("ского", "ский", None), ("цкого", "цкий", None), ("его", "ий", None),
            ("ого", "ый", None), ("ской", None, "ская"), ("цкой", None, "цкая"),
            ("ой", None, "ая"), ("ей", None, "яя"))


def _by_ending(adjective: str, gender: str | None) -> str | None:
    for ending, masculine, feminine in _ENDINGS:
        new = feminine if gender == "femn" else masculine
        if adjective.endswith(ending) and new is not None:
            return adjective[: -len(ending)] + new
    return None


#: A count in words of places, then the places after a dash or colon: «пяти стран — …».
_COUNT_NAMED = re.compile(r"(?:\d{1,3}|[а-яё]+)\s+(?:стран|государств|регионов|областей|городов)"
                          r"(?:\s*[:–—]|\s-)\s*(?=[А-ЯЁ])")


#: The people of a total and the kinds of bodies they work in, in lower case, before the places
#: of a list: «специалистов архивов, библиотек и музеев | Кыргызстана, …», «— сотрудников
#: музеев, … и научных учреждений | Красноярского края, …».
_KINDS_OF = re.compile(r"\s*(?:[—–-]\s*)?(?:[а-яё-]+(?:\s*,\s*|\s+))+?(?=[А-ЯЁ])")
#: People named after a list of places, with no «из» of their own: «… и представители Союза …».
_GROUP_AFTER = re.compile(r"(?:\s*,)?\s+(?:а\s+также|и)\s+" + PEOPLE_OPENING
                          + r"(?!(?:\s+[а-яё]+){0,2}\s+из\s)", re.I)


def origins(text: str, start: int, including: re.Match[str] | None,
            counted: Callable[[int, int], Cohort | None] | None = None, *,
            of_kinds: bool = False) -> list[Cohort] | None:
    """Cohorts for the places a total's people came from: «… из Республики Алтай, Алтайского
    края, Новосибирской и Кемеровской областей, а также из Монголии», when every item is one
    (or, read by ``counted``, a counted group: «из 9 муниципальных образований области, а
    также из Москвы»). ``of_kinds``: the total's own phrase, which may name the places without
    «из», after the kinds of bodies its people work in («60 специалистов архивов и музеев
    Кыргызстана, Казахстана и Таджикистана»)."""
    end = including.start() if including is not None else len(text)
    # (not the point after an initial: «имени А. С. Пушкина»)
    stop = re.search(r"(?<![\s.][А-ЯЁ])(?<![\s(]г)(?<![\s(]им)[.;]\s|[.;]$|\n\s*\n",
                     text[start:end])  # (nor «(г. Барнаул)», «им. Горького»)
    end = start + stop.start() if stop else end
    if verb := VERB_TAIL.search(text, start, end):
        end = verb.start()  # «коллеги из Республики Беларусь участвовали в …»: where they came from
    who = re.search(r":\s+([а-яё]+)", text[start:end])
    if who is not None and (lemma(who.group(1)) in PERSON_LEMMAS
                            or has_pos(who.group(1), {"ADJF"})):
        end = start + who.start()  # «… из Республики Казахстан: сотрудники музеев, учёные …»
    if counted is None and (after := _GROUP_AFTER.search(text, start, end)) is not None:
        # «гости из Удмуртии, Башкортостана и представители Союза музеев России»: the places;
        # the group after them is the caller's piece to read
        end = after.start()
    if (named := _heads_before_colon(text, start, end)) is not None:
        return named
    from_ = _FROM_COUNTED if counted is not None else _FROM
    first = from_.search(text, start, end)
    kinds = _KINDS_OF.match(text, start, end) if first is None and of_kinds else None
    if kinds is not None:
        # «60 специалистов архивов, библиотек и музеев Кыргызстана, Казахстана и Таджикистана»:
        # the total's people, of kinds of bodies, and the places they came from, listed
        starts = [kinds.end()]
    elif first is None or re.search(r"\d", text[start : first.start()]) or any(
            parses(w)[0].tag.POS == "VERB" for w in re.findall(
                r"[а-яё]+", text[start : first.start()])):
        return None  # (nor a list of other groups with a verb of its own before the «из»)
    else:  # every «из …» list: «… из всех муниципальных районов республики, а также гости из
        starts = [m.end() for m in from_.finditer(text, first.start(), end)]  # Чебоксар»
    out: list[Cohort] = []
    bounds = [*starts, end]
    for k, seg_start in enumerate(starts):
        seg_end = bounds[k + 1]
        if k + 1 < len(starts):
            seg_end = text.rfind("из", seg_start, seg_end)
        if k + 1 < len(starts):  # the words before the next «из» name its people
            back = re.search(r",\s*(?:а\s+также\s+)?[а-яё ]*$", text[seg_start:seg_end])
            seg_end = seg_start + back.start() if back else seg_end
        if k == 0 and (listed := _COUNT_NAMED.match(text, seg_start, seg_end)) is not None:
            seg_start = listed.end()  # «из пяти (4) стран — Казахстана, России …»: the places
        if every := re.match(r"(?:всех|всего)\s+(?=\d)", text[seg_start:seg_end]):
            seg_start += every.end()  # «из всех 20 муниципальных образований республики»
        if k == 0 and counted and (towns := _towns_after(text, seg_start, seg_end, counted)):
            out += towns  # «из 10 районов Павлодарской области, городов Экибастуза и Аксу»
            continue
        if k == 0 and (by_place := _counted_by_place(text, seg_start, seg_end)) is not None:
            out += by_place  # «из 46 организаций — …: Республики Беларусь (38), …»
            continue
        if k == 0 and text[seg_start : seg_start + 1].isdigit():
            # «из 9 муниципальных образований области, а также из Москвы …»: the counted
            # group is one, read by ``counted``, before more «из» lists of places
            group = counted(seg_start, seg_end) if counted and len(starts) > 1 else None
            if group is None:
                return None
            out.append(group)
            continue
        cuts = [seg_start]
        runs = shared_runs(text, seg_start, seg_end)
        for m in _ORIGIN_SPLIT.finditer(text, seg_start, seg_end):
            before = text[cuts[-1] : m.start()].split()
            if any(x < m.start() < y for x, y in runs) or text.count(
                    "(", cuts[-1], m.start()) > text.count(")", cuts[-1], m.start()):
                continue  # inside «Котласского, Ленского и Устьянского районов», a bracket
            if before and is_region_adjective(text, m.start()) is False and has_pos(
                    before[-1], {"ADJF"}) and not has_pos(before[-1], {"NOUN"}) and not any(
                    x == m.end() for x, _ in runs):
                # «Новосибирской и Кемеровской областей»: one head for both (but not before
                # adjectives of a head of their own: «посёлка Шушенское, Курагинского и …»)
                continue
            cuts += [m.start(), m.end()]
        cuts.append(seg_end)
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            piece = text[a:b]
            if (shared := shared_head(piece)) is not None:
                # adjectives sharing one plural head: the regions they name
                out += [Cohort(label=Spanned(r, Span(a, b)), unit="region", places=(r,))
                        for r in shared]
                continue
            cohort = _origin(text, a, b)
            if cohort is None and counted is not None and text[a].isdigit() and out and all(
                    c.places for c in out):
                cohort = counted(a, b)  # «из Бирска, Уфы … и 6 муниципальных районов …»
            if cohort is None:
                return None
            out.append(cohort)
    if kinds is not None and (len(out) < 2 or not all(c.places for c in out)):
        return None  # (one place: «… специалистов библиотек Тверской области» is a group)
    return out or None


def regions_joined(text: str, a: int, b: int) -> tuple[str, str] | None:
    """«Удмуртской Республики и Республики Башкортостан»: two regions joined by «и», each in
    the nominative; None for anything else."""
    joint = list(re.finditer(r"\s+и\s+(?=[А-ЯЁ])", text[a:b]))
    if len(joint) != 1 or not text[a : a + 1].isupper():
        return None
    sides = [(a, a + joint[0].start()), (a + joint[0].end(), b)]
    found = [_origin(text, x, y) for x, y in sides]
    if not all(c is not None and c.unit == "region" and c.places for c in found):
        return None
    return found[0].places[0], found[1].places[0]  # type: ignore[union-attr]


#: Towns listed after a counted group of places: «…, городов Экибастуза и Аксу».
_TOWNS_AFTER = re.compile(r",\s*(?:а\s+также\s+)?(?:городов|посёлков|поселков|сёл|сел)\s+"
                          r"(?=[А-ЯЁ])")


def _towns_after(text: str, a: int, b: int, counted: Callable[[int, int], Cohort | None]
                 ) -> list[Cohort] | None:
    """A counted group of places and the towns listed after it: «10 районов Павлодарской
    области, городов Экибастуза и Аксу» → the districts, counted, and each town."""
    towns = _TOWNS_AFTER.search(text, a, b)
    named = find_settlements(text, towns.end(), b) if towns else []
    if towns is None or not named or not re.fullmatch(r"(?:\s*(?:,|и)\s*)*", "".join(
            text[x.end : y.start] for x, y in zip(named, named[1:], strict=False))) or text[
            named[-1].end : b].strip(" .;,"):
        return None
    group = counted(a, towns.start())
    if group is None or group.count is None:
        return None
    return [group] + [Cohort(label=Spanned(n.name, Span(n.start, n.end)), unit="city",
                             places=(n.name,)) for n in named]


#: A counted noun, then (past its kinds) a colon: «46 организаций — библиотек, музеев …:».
_COUNTED_THEN_COLON = re.compile(r"\d{1,5}\s+([а-яё]+)[^:.;()]{0,120}:\s*")


def _counted_by_place(text: str, a: int, b: int) -> list[Cohort] | None:
    """The counted bodies of each place after a colon, each with its count in brackets: «46
    организаций — библиотек, музеев …: Республики Беларусь (38), Российской Федерации (5),
    Республики Казахстан (2, в режиме онлайн)» → «организации Республики Беларусь», 38, …."""
    m = _COUNTED_THEN_COLON.match(text, a, b)
    if m is None:
        return None
    head = nominative(m.group(1), "gent", plural=True)
    out: list[Cohort] = []
    for piece in re.finditer(r"[^,()]+\([^()]*\)", text[m.end() : b]):
        pa, pb = m.end() + piece.start(), m.end() + piece.end()
        pa += len(text[pa:pb]) - len(re.sub(r"^[\s,]*(?:и\s+)?", "", text[pa:pb]))
        paren = COUNT_IN_BRACKETS.search(text[pa:pb] + ".")
        place = text[pa : pa + paren.start()].strip() if paren else ""
        if paren is None or not place[:1].isupper() or not (
                place_name(place) or _REGION_WORDS.search(place)
                or find_settlements(text, pa, pa + len(place))):
            return None
        out.append(Cohort(label=Spanned(f"{head} {place}", Span(pa, pb)),
                          count=int(paren.group(1)), unit="organisation",
                          mode=_bracket_mode(text, pa, paren)))
    return out or None


def place_name(text: str) -> str | None:
    """The nominative name when ``text`` is just a place («города Клина», «Липецка»)."""
    m = re.fullmatch(r"(?:(?:города|г\.)\s*)?([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*)", text)
    if not m:
        return None
    if not any("Geox" in p.tag and p.tag.POS == "NOUN" for p in parses(m.group(1))):
        return None
    return place_nominative(m.group(1))


#: Between two places of a list: «, », « и », «, а также », each maybe with «из» and «г.».


#: A verb of taking part that ends a piece: «коллеги из Магадана участвовали в режиме онлайн».
VERB_TAIL = re.compile(r"\s+(?:участвовал[аио]?|выступил[аи]?\s+с\s+доклад\w*|" + TAKE_PART
                       + r"|подключ[иа]л(?:ись|ась|ось)|присоединил(?:ись|ась|ось))(?![а-яё])",
                       re.I)
