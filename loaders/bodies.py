"""Groups named by the bodies they are made of: a listed piece that names two bodies («сотрудники
Национального музея … и Музея-заповедника «Кижи»»), a counted group whose bodies come before
its count («сотрудники центральных библиотек 43 муниципальных районов»), and a group whose
people are left out after the group before («сотрудники музеев (38), архивов (14)»), and people
counted, then what they did («18 человек участвовали дистанционно»). Where a list of groups is
cut into its pieces is :mod:`.lists`'s."""

from __future__ import annotations

import dataclasses
import itertools
import re

from resolutions_kg.records import AttendanceMode, Cohort, CountedUnit, Span, Spanned

from .blocks import clean
from .expand import expand, is_region_adjective
from .origins import place_name
from .phrases import head_phrase, nominative
from .russian import has_pos, lemma, parses, words
from .totals import DASHED_COUNT, PEOPLE_AFTER, PERSON_LEMMAS, counts

UNITS: dict[str, CountedUnit] = {
    "библиотека": "library", "цбс": "library-system", "система": "library-system",
    "город": "city", "регион": "region", "область": "region", "край": "region",
    "республика": "region", "субъект": "region", "страна": "country", "государство": "country",
    "организация": "organisation", "учреждение": "organisation", "музей": "organisation",
    "архив": "organisation", "вуз": "organisation", "университет": "organisation",
}

#: Head nouns of one body's name: «Национальный музей …», «Музей-заповедник «Кижи»».
BODY_HEADS = frozenset(
    "музей музей-заповедник библиотека архив университет институт колледж академия центр филиал "
    "театр фонд союз общество министерство управление комитет администрация департамент "
    "агентство отдел система парк школа училище лицей гимназия ассоциация объединение совет палата "
    "галерея заповедник консерватория служба издательство редакция дворец дом клуб компания "
    "учреждение отделение организация профсоюз".split())
#: «и» before a body's name: a capital, or a unit written in lower case («… и архивный отдел
#: администрации …»).
_AND = re.compile(r"\s+и\s+(?=[А-ЯЁ]|(?:[а-яё-]+\s+){0,3}(?:отдел|управлени|комитет|департамент"
                  r"|администраци|министерств|клуб|обществ|университет|институт|колледж|театр"
                  r"|центр|музе|архив|библиотек)"
                  r"[а-яё]*\s)")


def named_bodies(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A piece naming two bodies joined by «и» as two pieces: «сотрудники Национального музея
    Республики Карелия | и | Музея-заповедника «Кижи»». Each side must open (after the people)
    with a capitalised name of one body; «музеи Москвы и Санкт-Петербурга» stays whole."""
    for m in _AND.finditer(text, a, b):
        second = text[m.end() : b]
        toks = words(text[a : m.start()], a)
        k = 0
        while k < len(toks) and (lemma(toks[k][0]) in PERSON_LEMMAS or toks[k][0] == "и" or (
                toks[k][0].islower() and has_pos(toks[k][0], {"ADJF"}) and k + 1 < len(toks)
                and lemma(toks[k + 1][0]) in PERSON_LEMMAS)):  # («научные сотрудники …»)
            k += 1
        if k >= len(toks) or not (toks[k][0][:1].isupper() or lemma(toks[k][0]) in BODY_HEADS):
            continue  # (a body named by its kind: «администрации Мышкинского района и …»)
        first = text[toks[k][1] : m.start()]
        if all(named_body(part) for part in (first, second)):
            return [(a, m.start()), (m.end(), b)]
    return [(a, b)]


def named_body(phrase: str) -> bool:
    """Whether ``phrase`` opens with one body's name, its head singular («Курганской областной
    универсальной научной библиотеки имени А. К. Югова», «Музей-усадьба …»)."""
    found, _ = head_phrase(phrase, "gent")
    if not found:
        found, _ = head_phrase(phrase, "nomn")
    head = found[-1][3].normal_form.replace("ё", "е") if found else ""
    return bool(found) and found[-1][3].tag.number == "sing" and (
        head in BODY_HEADS or head.split("-")[0] in BODY_HEADS)  # («музей-усадьба»)


#: A noun phrase before a count: «[представители] органов управления культурой | 11 …».
_HEAD_WORDS = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*(?:\s+[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*)*")
Head = tuple[int, int, str | None]


def head_before_count(text: str, a: int, start: int) -> Head | None:
    """The bodies a counted group is made of, named before its count: «сотрудники центральных
    библиотек | 43 муниципальных районов и 12 городских округов», «представители органов
    управления культурой | 11 муниципальных районов», «архивные отделы администраций | 55
    муниципальных образований» — the span of that noun phrase and its case (the genitive after
    people). None when only people («специалисты | 23 библиотек») or nothing comes first."""
    if start <= a:
        return None
    toks = words(text[a:start], a)
    k = 0
    while k < len(toks) and (lemma(toks[k][0]) in PERSON_LEMMAS or toks[k][0].lower() in (
            "и", "а", "ещё", "еще", "также")):
        k += 1
    if k >= len(toks):
        return None
    if len(toks) - k < 2:
        return None  # «представители музеев | 11 регионов»: one word, the count's own bodies
    h0, h1 = toks[k][1], toks[-1][2]
    if text[h1:start].strip() or not _HEAD_WORDS.fullmatch(text, h0, h1):
        return None
    if any(has_pos(w, {"PREP", "CONJ", "VERB", "INFN", "NUMR"}) or lemma(w) in PERSON_LEMMAS
           for w, _, _ in toks[k:]):
        return None  # «делегаты от | 68 музеев», «сотрудники музеев и | 12 …»
    case = "gent" if k else None
    phrase, _ = head_phrase(text[h0:h1], case)
    if not phrase or lemma(phrase[-1][0]) in PERSON_LEMMAS:
        return None
    return h0, h1, case


def head_cohort(text: str, a: int, b: int, head: Head) -> Cohort | None:
    """A counted group whose bodies were named before its count: the bodies in the nominative,
    then what the count counted, without the number — «центральные библиотеки муниципальных
    районов» (43), as a reader cites «сотрудники центральных библиотек 43 муниципальных
    районов»."""
    found = counts(text, a, b)
    if not found or found[0].span.start != a or found[0].noun_lemma in PERSON_LEMMAS:
        return None
    count = found[0]
    tail = clean(text[count.span.end : b]).strip(" ,.;")
    if not tail:
        return None
    h0, h1, case = head
    bodies = nominative(text[h0:h1], case)
    phrase, _ = head_phrase(text[h0:h1], case)
    unit = UNITS.get(phrase[-1][3].normal_form if phrase else "", "organisation")
    places = tuple(dict.fromkeys(
        p for w, _, e in words(tail) if w[:1].isupper() and not is_region_adjective(tail, e)
        and (p := place_name(w))))
    return Cohort(label=Spanned(f"{bodies} {tail}", Span(h0, b)), count=count.value,
                  count_is_minimum=count.minimum, unit=unit, places=places)


#: Counted nouns that are not groups of participants: «стаж … трёх лет», «24 доклада».
def genitive_only(text: str) -> bool:
    first = text.split()[0] if text.split() else ""
    return has_pos(first, {"NOUN", "ADJF"}, "gent") and not has_pos(first, {"NOUN", "ADJF"}, "nomn")


def elliptic(text: str, a: int, b: int, people: str | None) -> Cohort | None:
    """«сотрудники музеев (38), архивов (14) и библиотек (17)»: a group whose people are left
    out, counted as the group before was — cited with them («сотрудники архивов»)."""
    if people is None or (count := PEOPLE_AFTER.search(text, a, b)) is None or count.end() != b:
        return None
    said = clean(text[a : count.start()])
    if not said[:1].islower() or not genitive_only(said):
        return None
    return Cohort(label=Spanned(f"{people} {said}", Span(a, count.start())),
                  count=int(count.group(1) or count.group(2)), unit="person")


#: «приглашённые – 5 человек (специалисты Национальной библиотеки …)»: who they were in brackets.
_INVITED = re.compile(r"[\s*_]*(?:приглаш[её]нн\w+|гост\w+|участник\w*)\s*[–—-]\s*(\d{1,4})\s+"
                      r"человек[а]?\s*\(([^(),;]{5,200})\)[\s.,;]*", re.I)


def invited(text: str, a: int, b: int) -> Cohort | None:
    """A group of people said by their role and count, then who they were in brackets: cited as
    who they were («специалисты Национальной библиотеки Чувашской Республики», 5)."""
    m = _INVITED.fullmatch(text, a, b)
    if m is None:
        return None
    return Cohort(label=Spanned(nominative(clean(m.group(2)), None, plural=True),
                                Span(m.start(2), m.end(2))),
                  count=int(m.group(1)), unit="person")


def elided(text: str, a: int, b: int, before: list[Cohort]) -> Cohort | None:
    """«… 9 библиотек Котласского района, 4 — Вилегодского района»: the bodies left out after
    the dash are those counted before, cited with them («библиотеки Вилегодского района»)."""
    dashed = DASHED_COUNT.match(text, a, b)
    said = clean(text[dashed.end() : b]).strip(" ,.;") if dashed else ""
    count = int(dashed.group(1)) if dashed else None
    if dashed is None and (bracket := _BRACKETED.fullmatch(text, a, b)) is not None:
        # «музеи Красноярского края (14), Республики Хакасия (5) и …»: the count after
        said, count = clean(bracket.group(1)), int(bracket.group(2))
    if count is None or dashed and dashed.group("prep") or not before or (
            before[-1].count is None) or not said[:1].isupper() or not (
            genitive_only(said) or dashed is None and has_pos(said.split()[0], {"NOUN"}, "gent")):
        return None  # («Республики Хакасия (5)»: «Республики» may be read as a plural too)
    bodies = re.match(r"[а-яё]+(?:\s+[а-яё]+)*(?=\s+(?:[А-ЯЁ]|г\.))", before[-1].label.value)
    if bodies is None:
        return None
    return dataclasses.replace(before[-1], label=Spanned(f"{bodies.group()} {said}", Span(a, b)),
                               count=count, count_is_minimum=False, mode=None,
                               places=tuple(p for w in said.split() if (p := place_name(w))))


_BRACKETED = re.compile(r"\s*([^()]+?)\s*\((\d{1,5})\)[\s.,;]*")


def acting_people(text: str, a: int, b: int, mode: AttendanceMode | None) -> Cohort | None:
    """«18 человек участвовали дистанционно», «ещё 40 участников подключились к трансляции»,
    «45 специалистов, подключившихся дистанционно»: people counted, then what they did — cited
    as «участники, участвовавшие дистанционно» (the verb as a participle)."""
    m = re.match(r"\s*(?:ещ[её]\s+)?(?:(?:более|свыше|около|порядка)\s+)?(\d{1,6})\s+", text[a:b])
    if m is None:
        return None
    toks = words(text[a + m.end() : b], a + m.end())
    for k, (w, _wa, wb) in enumerate(toks[:4]):
        verb = next((p for p in parses(w)[:2] if p.tag.POS == "VERB" and "past" in p.tag
                     and "plur" in p.tag), None)
        participle = next((p for p in parses(w)[:2] if p.tag.POS == "PRTF" and "actv" in p.tag),
                          None)
        if verb is None and participle is None:
            continue
        if k == 0:
            return None
        form = (verb.inflect({"PRTF", "actv", "past", "plur", "nomn"}) if verb is not None
                else participle.inflect({"plur", "nomn"}) if participle is not None else None)
        head = text[toks[0][1] : toks[k - 1][2]]
        if form is None or not all(lemma(t[0]) in PERSON_LEMMAS or has_pos(t[0], {"ADJF"})
                                   for t in toks[:k]):
            return None
        people = "участники" if lemma(toks[k - 1][0]) == "человек" else expand(
            nominative(head, "gent", plural=True))
        tail = clean(text[wb:b]).strip(" ,.;")
        label = f"{people}, {form.word}" + (f" {tail}" if tail else "")
        return Cohort(label=Spanned(label, Span(a, b)), count=int(m.group(1)), unit="person",
                      mode=mode)
    return None


def share_tails(text: str, cohorts: list[Cohort], units: list[tuple[int, int]]) -> list[Cohort]:
    """The cohorts, where counted groups listed with commas and a last «и» say whose they are
    only after the last group: each is that too («14 архивов, 11 музеев и 22 библиотек
    автономного округа», «19 государственных и муниципальных музеев и 9 частных музеев
    Ярославской области»). A group of people keeps what it says («29 методистов и 4
    представителя отделов культуры …»)."""
    out = [_head_elided(text, c, units[k], units[k + 1]) if k + 1 < len(units) else c
           for k, c in enumerate(cohorts)]
    run: list[int] = []  # the bare counted groups before, joined by commas
    for k, (a, b) in enumerate(units):
        said = counts(text, a, b)
        count = said[0] if len(said) == 1 and said[0].noun_lemma not in PERSON_LEMMAS else None
        tail = _tail(text, count.span.end, b) if count is not None else ""
        gap = text[units[run[-1]][1] : a] if run else ""
        if run and tail and re.fullmatch(r"\s+и\s+", gap) and has_pos(
                tail.split(" ", 1)[0].rstrip(",;"), {"NOUN", "ADJF"}, "gent"):
            for j in [j for j in run if not out[j].label.value.endswith(tail)]:
                out[j] = dataclasses.replace(out[j], label=Spanned(
                    f"{out[j].label.value} {tail}", out[j].label.span))
        if count is None or tail or DASHED_COUNT.match(text, a, b):
            run = []  # («4 — Вилегодского района» says whose it is)
        elif run and re.fullmatch(r"\s*,\s*", gap):
            run.append(k)
        else:
            run = [k]
    return out


def _head_elided(text: str, cohort: Cohort, unit: tuple[int, int],
                 nxt: tuple[int, int]) -> Cohort:
    """«15 районных | и | 2 городских централизованных библиотечных систем области»: the first
    group's head is the next one's, after as many adjectives as the first says."""
    said, then = counts(text, *unit), counts(text, *nxt)
    if len(said) != 1 or len(then) != 1 or not re.fullmatch(r"\s+и\s+", text[unit[1] : nxt[0]]):
        return cohort
    own = text[said[0].span.end : unit[1]].split()
    rest = text[then[0].span.end : nxt[1]].split()
    if not own or len(rest) <= len(own) or not all(
            has_pos(w, {"ADJF"}, "gent") and not has_pos(w, {"NOUN"}) for w in own):
        return cohort
    label = expand(nominative(" ".join(own + rest[len(own):]), "gent", plural=True))
    return dataclasses.replace(cohort, label=Spanned(label, cohort.label.span))


def _tail(text: str, a: int, b: int) -> str:
    """What a counted group says after its head noun (``a`` is after the count): «Ярославской
    области» after «9 частных музеев», nothing after «19 государственных и муниципальных
    музеев»."""
    toks = words(text[a:b], a)
    k = 0
    while k < len(toks) and (toks[k][0] == "и" or parses(toks[k][0])[0].tag.POS in (
            "ADJF", "PRTF")):
        k += 1
    return clean(text[toks[k][2] : b]).strip(" ,") if k < len(toks) else ""


def sum_of_parts(text: str, found: list[Cohort], k: int) -> bool:
    """Whether group ``k`` is the sum of the counted groups its colon lists («14 музеев: девять
    музеев Тюменской области, три музея … и два музея …»)."""
    count, start, end = found[k].count, found[k].label.span.start, found[k].label.span.end
    parts = list(itertools.takewhile(lambda c: c.count is not None, found[k + 1 :]))
    return (count is not None and len(parts) >= 2 and re.match(r"\s*[:—–]", text[end:]) is not None
            and str(count) in text[start:end]  # (its count before the colon, not «архивисты — 37»)
            and sum(c.count or 0 for c in parts) == count)


def counted_case(rest: str, counted: bool) -> str | None:
    """The case of a group's words after its count or its people: the genitive («12 музеев»,
    «сотрудники музеев»), unless its first noun is in the instrumental alone («заведующие 6
    библиотеками-филиалами»: the case the verb or noun before governs, read as it is)."""
    noun = next((w for w in rest.split() if has_pos(w, "NOUN")), "").split("-")[0]
    if counted and noun[:1].islower() and has_pos(noun, {"NOUN"}, "ablt") and not has_pos(
            noun, {"NOUN"}, "gent"):
        return None
    return "gent" if counted else None


#: What people are at the event (not their trade: «архивисты» 37, «методисты» 29 are groups).
_ROLES = frozenset("делегат гость участник член слушатель".split())


def only_people(label: str) -> bool:
    """Whether a group's label names people alone by what they are at the event («делегаты»,
    «делегаты и гости», «члены правления» at its sitting), no body or place they came from."""
    label = _OF_THE_BODY.sub("", label)
    return all(lemma(w) in _ROLES or w == "и" for w, _, _ in words(label))

#: The governing body at its sitting, after «члены»: «(члены) Правления», «Общественного совета».
SITTING = re.compile(r"(?:[А-ЯЁа-яё]+(?:ого|его)\s+)?(?:правлени|совет|коллеги|президиум)[а-яё]*"
                     r"(?![а-яё])(?!\s+(?:при|по|[А-ЯЁа-яё]+(?:ого|его|ой|ых)\s))", re.I)
_SHARE = re.compile(r"(?<![а-яё])из\s+(?:них|которых)(?![а-яё])", re.I)
#: The body whose members sit: «члены | правления», «члены | Ассоциации».
_OF_THE_BODY = re.compile(r"(?<=\S)\s+(?:правления|совета|коллегии|президиума|ассоциации)$",
                          re.I)


def kept_groups(text: str, found: list[Cohort]) -> list[Cohort]:
    """The groups a sentence lists: not a share of the total, a role, a sum, a bracket."""
    people = [c for c in found if not (c.unit == "person" and (  # nor «15 из них – онлайн»
        c.mode and c.label.value.split(" ", 1)[0] == "участники" or only_people(c.label.value))
        or _SHARE.search(text, c.label.span.start, c.label.span.end)
        or c.label.value.isdigit() or c.label.value[:1] == "(")]  # («(кворум имеется)»)
    return [c for k, c in enumerate(people) if not sum_of_parts(text, people, k)]
