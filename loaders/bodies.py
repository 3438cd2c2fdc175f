"""Groups named by the bodies they are made of: a listed piece that names two bodies («сотрудники
Национального музея … и Музея-заповедника «Кижи»»), a counted group whose bodies come before
its count («сотрудники центральных библиотек 43 муниципальных районов»), and a group whose
people are left out after the group before («сотрудники музеев (38), архивов (14)»), and people
counted, then what they did («18 человек участвовали дистанционно»); and where a list of groups
is cut into its pieces (:func:`split_groups`)."""

from __future__ import annotations

import dataclasses
import re

from resolutions_kg.records import AttendanceMode, Cohort, CountedUnit, Span, Spanned

from .blocks import clean
from .expand import expand, is_region_adjective
from .origins import place_name, shared_runs
from .phrases import head_phrase, nominative
from .places import NAME_AFTER_DASH
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
    "учреждение".split())
#: «и» before a body's name: a capital, or a unit written in lower case («… и архивный отдел
#: администрации …»).
_AND = re.compile(r"\s+и\s+(?=[А-ЯЁ]|(?:[а-яё]+\s+)?(?:отдел|управлени|комитет|департамент"
                  r"|администраци|министерств)"
                  r"[а-яё]*\s)")


def named_bodies(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A piece naming two bodies joined by «и» as two pieces: «сотрудники Национального музея
    Республики Карелия | и | Музея-заповедника «Кижи»». Each side must open (after the people)
    with a capitalised name of one body; «музеи Москвы и Санкт-Петербурга» stays whole."""
    for m in _AND.finditer(text, a, b):
        second = text[m.end() : b]
        toks = words(text[a : m.start()], a)
        k = 0
        while k < len(toks) and (lemma(toks[k][0]) in PERSON_LEMMAS or toks[k][0] == "и"):
            k += 1
        if k >= len(toks) or not toks[k][0][:1].isupper():
            continue
        first = text[toks[k][1] : m.start()]
        if all(_body_head(part) for part in (first, second)):
            return [(a, m.start()), (m.end(), b)]
    return [(a, b)]


def _body_head(phrase: str) -> bool:
    found, _ = head_phrase(phrase, "gent")
    if not found:
        found, _ = head_phrase(phrase, "nomn")
    return bool(found) and found[-1][3].tag.number == "sing" and (
        found[-1][3].normal_form.replace("ё", "е") in BODY_HEADS)


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
NOT_GROUPS = frozenset("год лет день час месяц неделя минута раз процент доклад сообщение "
                       "выступление секция площадка сессия заседание экземпляр книга".split())
#: Where a counted group's phrase ends: «из 15 регионов России — директора …», «…: …».
_UNIT_END = re.compile(r"\s+[–—-]\s+" + NAME_AFTER_DASH + r"|\s*[:;]"
                       r"|\s*\((?![А-ЯЁ][а-яё]+\))|,(?!\s*[А-ЯЁ]|\s*и\s)")
_UNIT_JOIN = re.compile(r"(?:\s*,)?\s*(?:\bи\b|\bа\s+также\b)?\s*(?:\bиз\b)?\s*$")


def counted_units(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The counted groups of organisations or places inside one listed piece, each a piece of
    its own: «специалисты … из 27 регионов России и 2 стран ближнего зарубежья» → «27 регионов
    России», «2 стран ближнего зарубежья»; «архивные учреждения 6 субъектов РФ» → «6 субъектов
    РФ» (the count belongs to the group, as in «специалисты 23 муниципальных библиотек»). A
    piece without such a count, or made of one that starts it, stays as it is."""
    units = [c for c in counts(text, a, b)
             if c.noun_lemma not in PERSON_LEMMAS and c.noun_lemma not in NOT_GROUPS]
    if not units or (len(units) == 1 and not text[a : units[0].span.start].strip()):
        return [(a, b)]
    out = []
    for i, c in enumerate(units):
        stop = units[i + 1].span.start if i + 1 < len(units) else b
        if m := _UNIT_END.search(text, c.noun_end, stop):
            stop = m.start()
        for w, wa, _ in words(text[c.noun_end:stop], c.noun_end):
            if any(p.tag.POS == "VERB" for p in parses(w)[:1]):
                stop = wa  # «9 регионов подключились к заседанию»: the group ends at the verb
                break
        join = _UNIT_JOIN.search(text, c.noun_end, stop)
        if join is not None and join.start() >= c.noun_end:
            stop = join.start()
        out.append((c.span.start, stop))
    also = _ALSO_AFTER.match(text, out[-1][1], b)
    if also is not None and text[also.end() : b].strip():
        out.append((also.end(), b))  # «56 специалистов из 11 архивов …, а также представители …»
    return out


_ALSO_AFTER = re.compile(r"\s*,?\s*а\s+также\s+")


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


def elided(text: str, a: int, b: int, before: list[Cohort]) -> Cohort | None:
    """«… 9 библиотек Котласского района, 4 — Вилегодского района»: the bodies left out after
    the dash are those counted before, cited with them («библиотеки Вилегодского района»)."""
    dashed = DASHED_COUNT.match(text, a, b)
    said = clean(text[dashed.end() : b]).strip(" ,.;") if dashed else ""
    if dashed is None or dashed.group("prep") or not before or before[-1].count is None or not (
            said[:1].isupper() and genitive_only(said)):
        return None
    bodies = re.match(r"[а-яё]+(?:\s+[а-яё]+)*(?=\s+(?:[А-ЯЁ]|г\.))", before[-1].label.value)
    if bodies is None:
        return None
    return dataclasses.replace(before[-1], label=Spanned(f"{bodies.group()} {said}", Span(a, b)),
                               count=int(dashed.group(1)), count_is_minimum=False, mode=None,
                               places=tuple(p for w in said.split() if (p := place_name(w))))


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


_SPLIT = re.compile(r"\s*,\s*(?:в\s+том\s+числе\s+|из\s+них\s+)|"
                    r"\s*,\s*(?:а\s+(?:также\s+)?|и\s+(?:ещ[её]\s+)?)?|\s+а\s+также\s+|\s+и\s+ещ[её]\s+"
                    r"|\s+и\s+(?=\d)|(?<=\d\))\s+и\s+|(?<=\))\s+и\s+(?=[А-ЯЁ])|\s*;\s*")


def split_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of a list of groups: cut at commas, semicolons, «а также», «и» before a count
    — not inside a bracket, a run of adjectives with one head, or genitives that go on."""
    cuts = [start]
    shared = shared_runs(text, start, end)
    for m in _SPLIT.finditer(text, start, end):
        if any(x < m.start() < y for x, y in shared):
            continue  # «Берёзовского, Кондинского и Сургутского районов»: one head for all
        if text.count("(", cuts[-1], m.start()) > text.count(")", cuts[-1], m.start()):
            continue  # «(Белосток, Польша)»: inside a bracket
        before = text[cuts[-1] : m.start()].split()
        last = before[-1] if before else ""
        after = [w.strip(",;.:") for w in text[m.end() : m.end() + 30].split()]
        if "," in m.group() and after and has_pos(after[0], {"PRTF"}) and not has_pos(
                after[0], {"NOUN"}):
            continue  # «…, подключившиеся к форуму онлайн»: a clause about the piece before
        if after and any(p.tag.POS == "VERB" for p in parses(after[0])[:1]):
            end = m.start()  # «…, обсудили проблемы …»: what they did next, no more groups
            break
        if "," in m.group() and last and has_pos(last, {"ADJF"}) and not has_pos(
                last, "NOUN") and not _singular_head(text, m.end(), end):
            continue  # «Новгородской, Псковской и Тверской областей» (not «имени Ярослава
            # Мудрого, Государственного архива …»)
        if ("," in m.group() and re.search(r"\d", text[cuts[-1] : m.start()])
                and _REGION_END.search(text, cuts[-1], m.start())
                and _REGION_NEXT.match(text, m.end(), end)):
            continue  # «19 музеев Красноярского края, Республики Хакасия и Республики Тыва»:
            # the regions of one counted group (not «Новосибирской области, Алтайского края»)
        if ("," in m.group() and after and genitive_only(after[0]) and not has_pos(
                after[0], {"ADJF"}) and after[0][:1].islower()
                and last and not last[-1:].isdigit() and not last.endswith(")")
                and (genitive_only(last) or lemma(before[0]) in PERSON_LEMMAS)):
            continue  # «специалисты библиотек, музеев и школ …»: the genitives go on
        if "," in m.group() and after and _field_goes_on(before, after[0]):
            continue  # «Института монголоведения, буддологии и тибетологии СО РАН»: one body
        cuts += [m.start(), m.end()]
    cuts.append(end)
    return [part for x, y in zip(cuts[::2], cuts[1::2], strict=False) if y > x
            for part in _same_heads(text, x, y)]


def _field_goes_on(before: list[str], nxt: str) -> bool:
    """Whether the word after a comma goes on the fields a body's name lists: «… института
    языка, | литературы и истории», «Министерства культуры, | туризма …» — a singular body head,
    a singular genitive, and another singular genitive in lower case (not «музея, | архивов …»)."""
    if len(before) < 2 or not nxt[:1].islower() or not before[-1][:1].islower():
        return False
    head = [p for p in parses(before[-2].strip(",;")) if p.tag.POS == "NOUN"][:1]
    return bool(head) and "sing" in head[0].tag and head[0].normal_form.replace(
        "ё", "е") in BODY_HEADS and _singular_genitive(before[-1]) and _singular_genitive(nxt) and (
        "inan" in parses(nxt)[0].tag)  # (not «… департамента культуры, | главы поселений»)


def _singular_genitive(word: str) -> bool:
    ps = [p for p in parses(word) if p.tag.POS == "NOUN"]
    return any({"gent", "sing"} <= p.tag.grammemes for p in ps) and not any(
        {"gent", "plur"} <= p.tag.grammemes for p in ps)


#: A region in the genitive ending a piece, and opening the next: the regions of one group.
_REGION_END = re.compile(r"(?:[А-ЯЁ][а-яё-]+(?:ого|ой)\s+(?:края|области|округа)|Республики"
                         r"\s+[А-ЯЁ][а-яё]+(?:\s+Эл)?)$")
_REGION_NEXT = re.compile(r"(?:[А-ЯЁ][а-яё-]+(?:ого|ой)\s+(?:края|области|округа)|Республики"
                          r"\s+[А-ЯЁ])")


def _singular_head(text: str, a: int, end: int) -> bool:
    """Whether the words from ``a`` to the next comma or «и» hold a noun, the first of them
    singular: a body of its own («…, Государственного архива Новгородской области»), not the
    next adjective of a run that shares one head («…, Псковской и Тверской областей»)."""
    stop = re.search(r",|\s+и\s+", text[a:end])
    for w, _, _ in words(text[a : a + stop.start() if stop else end]):
        if has_pos(w, {"ADJF", "PRTF"}):
            continue  # («Усть-Кутского» is a noun only in the dictionary's first reading)
        return any(p.tag.POS == "NOUN" and "sing" in p.tag for p in parses(w)[:1])
    return False


def _same_heads(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """«13 районных библиотечных систем области и Петропавловской городской библиотечной
    системы»: two groups of one kind of body joined by «и», cut there."""
    heads = [lemma(w) for w, _, _ in words(text[a:b]) if has_pos(w, {"NOUN"})
             and lemma(w) not in PERSON_LEMMAS][:1]
    for m in re.finditer(r"\s+и\s+(?=[А-ЯЁа-яё])", text[a:b]):
        after = words(text[a + m.end() : b])
        noun = next((w for w, _, _ in after[:6] if not has_pos(w, {"ADJF", "PRTF"})), "")
        if heads and has_pos(after[0][0] if after else "", {"ADJF"}) and lemma(noun) == heads[0]:
            return [(a, a + m.start()), (a + m.end(), b)]
    return [(a, b)]


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
