"""Participants: the cohorts that took part (the total count is :mod:`.totals`'s).

Cohorts come from the list after «приняли участие» or the colon after the total («специалисты 23
муниципальных библиотек …, города Клина …»). No library is invented: only what the text names.
"""

from __future__ import annotations

import dataclasses
import re

from resolutions_kg.records import AttendanceMode, Cohort, OrganisationMention, Span, Spanned

from .blocks import clean, name_end
from .bodies import (
    SITTING,
    UNITS,
    Head,
    acting_people,
    counted_case,
    elided,
    elliptic,
    genitive_only,
    head_before_count,
    head_cohort,
    invited,
    kept_groups,
    named_bodies,
    named_body,
    share_tails,
)
from .expand import expand, implied_regions, is_region_adjective, region_named_before
from .lists import (
    CIRCUMSTANCES,
    LIST_OPENERS,
    NEW_CLAUSE,
    is_person,
    people_after,
    split_groups,
    unnamed_places,
)
from .organisations import mention
from .origins import (
    COUNT_IN_BRACKETS,
    FROM_NAMED,
    origins,
    place_name,
    regions_joined,
    shared_head,
)
from .phrases import head_phrase, nominative
from .placelists import Piece, from_places, lone_place, past_mode, place_pieces
from .russian import has_pos, lemma, parses, words
from .settlements import only_places
from .totals import (
    DASHED_COUNT,
    MODE_ONLY,
    OFFLINE,
    ONLINE,
    PEOPLE_AFTER,
    PERSON_LEMMAS,
    Count,
    attendance,
    counts,
)
from .units import counted_units

_LIST_AFTER_TOTAL = re.compile(
    r"\s*(?::|,\s*(?:в\s+том\s+числе|из\s+них|среди\s+них)\s*:?|[–—]\s*(?=\d)"
    # «96 человек – библиотекари, музейные работники, …»: who they were, listed
    r"|\s[–—-]\s+(?=[а-яё]))\s*", re.I)
#: The rest of the total's phrase up to the colon that opens its list: «свыше 150 учёных и
#: специалистов библиотек, музеев и архивов: 84 — из Беларуси, …».
_COLON_AFTER_PEOPLE = re.compile(r"[^:\d.;()]{1,120}?:\s*")


def cohorts(text: str, a: int, b: int, total_count: Count | None,
            organisers: tuple[OrganisationMention, ...]) -> list[Cohort]:
    """Cohorts listed in the participation sentence ``text[a:b]``; how they took part when the
    sentence says it before its verb («В режиме видеоконференции к обсуждению подключились
    специалисты 7 районных библиотек»). How many of the total took part online or in person
    («из них 42 — в режиме онлайн»), or as whom («121 делегат и 42 гостя»), is no group that
    took part: readers do not list it."""
    return [dataclasses.replace(c, label=Spanned(region_named_before(text, a, c.label.value),
                                                 c.label.span))
            for c in kept_groups(text, _read(text, a, b, total_count, organisers))]


def _read(text: str, a: int, b: int, total_count: Count | None,
          organisers: tuple[OrganisationMention, ...]) -> list[Cohort]:
    opener = LIST_OPENERS.search(text, a, b)
    if opener is None:
        return []
    if (cut := people_after(text, opener.end(), b)) is not None and opener.group():  # (blanked)
        text = text[:cut] + " " * (b - cut) + text[b:]
    for semi in re.finditer(r";\s+|,\s+", text[opener.end() : b]):
        if LIST_OPENERS.search(text, opener.end() + semi.end(), b) and (
                semi.group().startswith(";") or NEW_CLAUSE.match(
                    text, opener.end() + semi.end(), b)):  # («…, приехали также коллеги из …»)
            # «Очно были представлены …; в режиме онлайн подключились …»: two lists
            cut, later = opener.end() + semi.start(), opener.end() + semi.end()
            inside = total_count is not None and later <= total_count.span.start < b
            return [*cohorts(text, a, cut, None if inside else total_count, organisers),
                    *cohorts(text, later, b, total_count if inside else None, organisers)]
    if _PART_IN_BRACKETS.search(text, a, b):  # «6 музеев (в том числе 4 школьных) …»: a
        text = text[:a] + _PART_IN_BRACKETS.sub(  # part in brackets is no group (blanked)
            lambda m: " " * len(m.group()), text[a:b]) + text[b:]
    found = _cohorts(text, a, b, total_count, organisers, opener)
    if not (0 < opener.start() - a <= 60) or re.search(
            r"\d", text[a : opener.start()]) or attendance(text, opener.end(), b) is not None:
        return found
    if (said := attendance(text, a, opener.start())) != "online":
        return found
    return [c if c.mode is not None else dataclasses.replace(c, mode=said) for c in found]


_DASHES = ("—", "–", "-")
_ALSO = re.compile(r"\s*(?:(?:кроме|помимо)\s+(?:того|этого|[а-яё]+\s*,)\s*,?\s*)?", re.I)
_PART_IN_BRACKETS = re.compile(r"\((?:в\s+том\s+числе|из\s+них|включая)\s[^()]{1,80}\)", re.I)


def _cohorts(text: str, a: int, b: int, total_count: Count | None,
             organisers: tuple[OrganisationMention, ...], opener: re.Match[str]) -> list[Cohort]:
    if opener.start() > a and CIRCUMSTANCES.fullmatch(text, opener.end(), b) and (
            total_count is None or not a <= total_count.span.start < b):
        # «Коллеги из Магадана и Анадыря участвовали в режиме онлайн», «Сотрудники 14
        # архивов подключились к работе форума дистанционно»: the subject took part
        mode, also = attendance(text, a, b), _ALSO.match(text, a)  # «Кроме того, …»
        return [c if c.mode is not None else dataclasses.replace(c, mode=mode)
                for c in _listed(text, place_pieces(text, split_groups(
                    text, also.end() if also else a, opener.start())),
                                 {o.name.value.lower() for o in organisers})]
    start, dashed = opener.end(), False  # (who the total's people were, after a dash)
    if total_count and start <= total_count.span.start < b:
        colon = (_LIST_AFTER_TOTAL.match(text, total_count.noun_end)
                 or _COLON_AFTER_PEOPLE.match(text, total_count.noun_end, b))
        if colon and FROM_NAMED.search(colon.group()) and text[colon.end() : b].strip():
            colon = None  # «128 человек из Беларуси и Литвы: сотрудники …»: the places, first
        start = colon.end() if colon else total_count.span.start
        dashed = colon is not None and colon.group().strip()[:1] in _DASHES
    end = b
    single = total_count is not None and start == total_count.span.start
    while end > start and text[end - 1] in ".;: \n":
        end -= 1
    if single and total_count is not None and not text[total_count.noun_end : end].strip():
        return []  # only the total: «приняли участие 112 человек.»
    rest = _INCLUDING.search(text, start, end)
    if total_count is not None and (found := origins(
            text, total_count.noun_end if single else start, rest,
            lambda x, y: _cohort(text, x, y, set()), of_kinds=single or dashed)) is not None:
        # «237 делегатов из Хабаровска, Амурска … и всех муниципальных районов края»: the total's
        # people are one group; the places they came from are what took part
        if rest is not None:
            found += [c for c in (_cohort(text, rest.end(), end, set()),) if c is not None]
        return found
    # «214 человек из 11 стран, в том числе 58 участников – в дистанционном формате»: the
    # total's own piece, and the part of it named after «в том числе»
    pieces = place_pieces(text, (
        split_groups(text, start, end) if not single else [(start, end)] if rest is None
        else [(start, rest.start()), (rest.end(), end)]))
    return [c for c in _listed(text, pieces, {o.name.value.lower() for o in organisers})
            # «более 150 специалистов библиотек и музеев»: the total's people, an occupation
            if not (single and c.unit == "person" and c.label.span.start == start
                    and c.mode is None and not re.search(r"[А-ЯЁ]", c.label.value))]


def listed_cohorts(text: str, ranges: list[tuple[int, int]],
                   organisers: tuple[OrganisationMention, ...]) -> list[Cohort]:
    """Cohorts of the list items under a sentence of taking part that ends with a colon («Около
    150 участников, в том числе:» / «– представители 42 музеев …;» / «– коллеги из …»)."""
    return _listed(text, place_pieces(text, ranges), {o.name.value.lower() for o in organisers})


def _listed(text: str, pieces: list[Piece], organiser_names: set[str]) -> list[Cohort]:
    out: list[Cohort] = []
    head: Head | None = None
    people: str | None = None  # the people the groups before were counted as: «сотрудники»
    prev_end = pieces[0][0] if pieces else 0
    units: list[tuple[int, int]] = []  # the counted group each cohort was read from
    for *piece, mode in pieces:
        for pa, pb in [u for named in named_bodies(text, *piece)
                       for u in counted_units(text, *named)
                       if not out or u[0] >= out[-1].label.span.end]:
            # the bodies named before a count go on over «… 43 районов и 12 округов»
            if not re.fullmatch(r"\s+и\s+", text[prev_end:pa]):
                head = head_before_count(text, max(prev_end, piece[0]), pa)
            prev_end = pb
            cohort = invited(text, pa, pb) or elliptic(text, pa, pb, people) or elided(
                text, pa, pb, out[-1:]) or (
                head_cohort(text, pa, pb, head) if head is not None else None) or _cohort(
                text, pa, pb, organiser_names)
            if cohort is None:
                continue
            said = cohort.label.value.split(" ", 1)[0]
            people = said if cohort.count is not None and lemma(said) in PERSON_LEMMAS else None
            if cohort.mode is None and mode is not None:
                cohort = dataclasses.replace(cohort, mode=mode)
            first = cohort.label.value.split(" ", 1)[0]
            if lemma(first) == "который":
                continue  # «…, которые участвовали онлайн»: a clause, not a group
            if first.lower() in _NOT_OPENING or MODE_ONLY.fullmatch(cohort.label.value):
                continue  # «к совещанию», «в чтениях», «очно», «онлайн»: no group named
            if cohort.count is None and " " not in cohort.label.value and (
                    lemma(cohort.label.value) in UNITS):
                continue  # «… представляли библиотеки, музеи, архивы …»: kinds, not groups
            if first[:1].isupper() and lemma(first) in PERSON_LEMMAS:
                # «Депутаты Совета …» opening a row or a list item: cited as any group is
                cohort = dataclasses.replace(cohort, label=Spanned(
                    first[:1].lower() + cohort.label.value[1:], cohort.label.span))
            if cohort.unit == "city" and len(cohort.places) > 1 and cohort.count is None:
                # «коллеги из Польши и Литвы»: one cohort a place
                out += [dataclasses.replace(cohort, label=Spanned(p, cohort.label.span),
                                            places=(p,)) for p in cohort.places]
            else:
                out.append(cohort)
            units += [(pa, pb)] * (len(out) - len(units))
    return share_tails(text, out, units)


#: Words that never open a group's name (prepositions but «из»: «гости из Казани»).
_NOT_OPENING = frozenset("к в во на с со по о об при для за у от до".split())
_INCLUDING = re.compile(r"\s*,\s*(?:в\s+том\s+числе|из\s+них)\s+", re.I)

_PEOPLE_LEAD = re.compile(r"\s*([а-яё]+(?:\s+[а-яё]+)?)\s*:\s*")


def _cohort(text: str, a: int, b: int, organisers: set[str]) -> Cohort | None:
    if more := re.match(r"\s*(?:(?:ещ[её]|также|более|свыше|около|порядка)\s+(?=\d)|также\s+)",
                        text[a:b], re.I):
        a += more.end()  # «Ещё 26 педагогов и родителей …», «Более 80 библиотекарей …»
    if (paren := COUNT_IN_BRACKETS.search(text[a:b])) is not None and (
            run := lone_place(text, a, a + paren.start())) is not None and len(run[2]) == 1:
        # «Братска (7)»: the place, with its count in brackets
        return Cohort(label=Spanned(run[2][0], Span(a, b)), count=int(paren.group(1)),
                      unit="city", places=run[2], mode=attendance(text, a, b))
    if (acting := acting_people(text, a, b, attendance(text, a, b))) is not None:
        return acting
    if (dashed := DASHED_COUNT.match(text, a, b)) is not None and from_places(
            text, a, b, None) is None and attendance(text, a, dashed.end() + 24) is None:
        # «14 — из библиотек Анадыря», «26 — от областных библиотек», «51 — специалисты …»
        said = clean(text[dashed.end() : b]).rstrip(" ,.;")
        if said and said[:1].isalpha():
            label = expand(nominative(said, "gent" if dashed.group("prep") else None,
                                      plural=bool(dashed.group("prep"))))
            return Cohort(label=Spanned(label, Span(dashed.end(), b)),
                          count=int(dashed.group(1)), unit="person",
                          mode=attendance(text, a, b))
    bracketed: int | None = None
    mode: AttendanceMode | None = None
    if (people := PEOPLE_AFTER.search(text, a, b)) is not None and people.end() == b:
        # «… архива области (5 человек)», «библиотекари — 22», «… (7, дистанционно)»
        bracketed, b = int(people.group(1) or people.group(2)), people.start()
        mode = attendance(text, people.start(), people.end())
    modes: tuple[tuple[re.Pattern[str], AttendanceMode], ...] = (
        (ONLINE, "online"), (OFFLINE, "offline"))
    said_mode = ""
    for pattern, name in modes:
        if m := pattern.search(text, a, b):
            mode = name
            said_mode = clean(text[m.start() : m.end()]).strip(" ,–—-")
            if bare := re.fullmatch(r"\s*(\d{1,6})\s*[–—-]?\s*", text[a : m.start()]):
                # «58 человек, в том числе 12 – в режиме онлайн»: participants, the noun left out
                return Cohort(label=Spanned(f"участники {said_mode}", Span(a, m.end())),
                              count=int(bare.group(1)), unit="person", mode=mode)
            if text[a : m.start()].strip():  # (nor is «… (Ташкент) — в» before «онлайн»)
                b = a + len(re.sub(r"(?:\s*[–—-])?(?:\s+(?:в|по))?\s*$", "", text[a : m.start()]))
                if verb := re.search(r"\s+[а-яё]+л[аио]?\s*$", text[a:b]):  # «41 человек работал»
                    b = a + verb.start() if has_pos(verb.group().strip(), {"VERB"}) else b
            else:  # «в режиме онлайн — представители 7 регионов», «… онлайн к работе подключились»
                a = past_mode(text, m.end(), b)
            break
    if m := next((m for m in re.finditer(r",\s*([а-яё]+)", text[a:b])
                  if any(p.tag.POS == "PRTF" for p in parses(m.group(1))[:1])), None):
        b = a + m.start()  # «…, подключившихся к трансляции»: what they did, not who
    if (lead := _PEOPLE_LEAD.match(text, a, b)) is not None and all(
            is_person(w) or has_pos(w, {"ADJF"}) for w in lead.group(1).split()):
        a = lead.end()  # «зарубежные коллеги: Вильнюсская городская библиотека»
    where = re.search(r"\s*\(([^()]{2,60})\)[\s.,;]*$", text[a:b])
    if where is not None and only_places(where.group(1)):
        b = a + where.start()  # «Латгальская центральная библиотека (г. Даугавпилс, Латвия)»
    if (whence := re.search(r"(?<=[а-яё])\s+[–—-]\s+из\s", text[a:b], re.I)) is not None:
        b = a + whence.start()  # «два музея Республики Казахстан – из Петропавловска и …»
    b = name_end(text, a, b)
    piece = text[a:b]
    toks = words(piece, a)
    if not toks:
        return None
    k = 0  # past the leading «представители», «руководители и специалисты» …
    while k < len(toks) and (lemma(toks[k][0]) in PERSON_LEMMAS or toks[k][0] == "и" or (
            # «делегация Государственного … музея-заповедника»: the body it came from
            lemma(toks[k][0]) == "делегация" and k + 1 < len(toks)
            and toks[k + 1][0][:1].isupper())):
        k += 1
    persons = k > 0
    if persons and lemma(toks[0][0]) == "член" and SITTING.match(text, toks[k][1], b):
        return None  # «члены Правления — 9 человек (из 11)»: the sitting body, no group
    if bracketed is None and (k >= len(toks) or all(
            t[0].lower() == "и" or is_person(t[0]) for t in toks[k:]) or (
            is_person(toks[-1][0]) and all(t[0].lower() == "и" or is_person(t[0]) or has_pos(
                t[0], {"ADJF"}) for t in toks[k:]))):
        # «библиотекари», «историки», «музейные работники»: who they are, not a group
        return None
    if persons and bracketed is not None and (k >= len(toks) or not toks[k][0][:1].isupper()
                                              or unnamed_places(text, toks[k][1], b)):
        # «библиотекари — 22», «сотрудники музеев (15)»: people counted, cited as who they are
        # (but «представители Государственного архива … (5 человек)»: a body named)
        return Cohort(label=Spanned(nominative(clean(piece), None, plural=True), Span(a, b)),
                      count=bracketed, unit="person", mode=mode)
    if (placed := from_places(text, a, b, mode)) is not None:
        return placed
    if (shared := shared_head(clean(piece)) or regions_joined(
            text, toks[k][1] if k < len(toks) else a, b)) is not None:  # (after the people)
        # «Омской и Томской областей», «Удмуртской Республики и Республики Башкортостан»
        return Cohort(label=Spanned(shared[0], Span(a, b)), unit="city", mode=mode,
                      places=tuple(shared))
    if toks[k][0].lower() == "из":
        # «гости из Тюменской области и Ямало-Ненецкого автономного округа»: regions, each a
        # group (settlements the list above did not recognise: nothing for the nominative)
        regions = origins(text, toks[k][1], None)
        if regions and all(c.unit in ("region", "city") and c.places for c in regions) and (
                regions[-1].label.span.end >= b - 1):
            names = tuple(p for c in regions for p in c.places)
            # (past the piece: «из России, Литвы и …» was cut at its commas; read here)
            return Cohort(label=Spanned(names[0], Span(toks[k][1], regions[-1].label.span.end)),
                          unit="city", mode=mode, places=names)
        if k + 1 >= len(toks) or not toks[k + 1][0][:1].isupper() or not named_body(
                text[toks[k + 1][1] : b]):
            return None
        k += 1  # «коллеги из Курганской областной … библиотеки»: the body they came from
    found = counts(text, toks[k][1], b)
    count = found[0] if found and found[0].span.start == toks[k][1] else None
    rest_start = toks[k][1] if count is None else b - len(text[count.span.end : b].lstrip())
    if rest_start >= b:
        return None
    rest = clean(text[rest_start:b])
    if persons and count is None and bracketed is None and not re.search(
            r"(?<![а-яё])[А-ЯЁ]", rest):
        return None  # «сотрудники музеев и библиотек»: an occupation, not a group that is named
    if count is not None and count.noun_lemma in PERSON_LEMMAS:
        # «21 представитель», «22 представителя», «25 представителей» (but «делегаты 31
        # коллективного члена»: the genitive of the count after its people)
        after = "nomn" if count.value % 10 == 1 and count.value % 100 != 11 and any(
            {"nomn", "sing"} <= p.tag.grammemes
            for p in parses(text[count.span.start : count.noun_end].split()[-1])) else "gent"
        label = expand(nominative(rest, after, plural=True))
        label = "участники" if label == "люди" else label  # «41 человек работал онлайн»
        if said_mode and label == "участники":  # «58 участников – в дистанционном формате»
            label = f"{label} {said_mode}"
        return Cohort(label=Spanned(label, Span(a, b)), count=count.value,
                      count_is_minimum=count.minimum, unit="person", mode=mode)
    case = counted_case(rest, bool(persons or count is not None or genitive_only(rest)))
    if bracketed is not None and case is None and not persons and rest[:1].islower() and any(
            {"nomn", "plur"} <= p.tag.grammemes for p in parses(rest.split()[0])[:2]):
        case = "nomn"  # «библиотеки вузов Усть-Каменогорска (4)»: a count beside, not of, them
    if people is not None and bracketed is not None and count is None:
        group = 1 if people.group(1) else 2
        count = Count(bracketed, Span(people.start(group), people.end(group)), False,
                      people.end(), "человек")
    place = place_name(rest) if count is None else None
    if place is not None:
        return Cohort(label=Spanned(place, Span(rest_start, b)), unit="city", mode=mode,
                      places=(place,))
    noun = next((w for w in rest.split() if has_pos(w, "NOUN")), "")
    if count is not None and count.value % 10 == 1 and count.value % 100 != 11 and any(
            p.tag.POS == "NOUN" and {"nomn", "sing"} <= p.tag.grammemes for p in parses(noun)):
        case = "nomn"  # «21 музей», «31 библиотека» (not «… 41 музея», «… 21 библиотеки»)
    before = text[:rest_start].rstrip(" \t*_«\"")
    # a capital inside a sentence is the author's: «представители Государственного архива …»
    named = rest[:1].isupper() and bool(before) and before[-1] not in ".!?\n:;—–-|"
    head, _ = head_phrase(rest, case)
    if rest[:1].isupper() and count is None and head and head[-1][3].tag.number == "sing":
        named = True  # «– Национальная библиотека Беларуси;»: one body, a list item's or not
    label = expand(nominative(rest, case, plural=count is not None and count.noun_lemma
                              not in PERSON_LEMMAS, keep_capital=True if named else None))
    if label.lower() in organisers:
        return None
    organisation = None
    head_lemma = head[-1][3].normal_form if head else lemma(rest.split()[0])
    first = rest.split()[0]
    if re.fullmatch(r"[А-ЯЁ]{2,}", first):
        organisation = mention(text, rest_start, b, None)
        head_lemma = first.lower()
        label = rest
    unit = UNITS.get(head_lemma)
    if count is not None and unit is None:
        unit = "organisation"
    places = tuple(dict.fromkeys([
        *(place_name(w) or "" for w, _, e in words(rest)
          if w[:1].isupper() and not is_region_adjective(rest, e) and place_name(w)),
        *implied_regions(rest),
    ]))
    span_start = rest_start if count is None or bracketed is not None else count.span.start
    return Cohort(label=Spanned(label, Span(span_start, b if people is None else people.end(
        1 if people.group(1) else 2))),
                  count=count.value if count else None,
                  count_is_minimum=count.minimum if count else False,
                  unit=unit, mode=mode, places=places,
                  organisation=organisation)

