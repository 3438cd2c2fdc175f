"""Organisations named in the text: organisers, supporters, addressees.

«организована X совместно с Y», «проведён X и Y», «Организаторы: X, Y», «при поддержке Z».
A list is split at «,», «и», «а также», «совместно с» only where what follows opens another
organisation in the same case, so «управлением культуры и туризма …» stays one name.
"""

from __future__ import annotations

import dataclasses
import re

from resolutions_kg.records import OrganisationMention, Span, Spanned

from .addressees import OFFICIAL_BODIES
from .blocks import Block, clean, continues_line, name_end
from .casing import lower_head
from .events import find_kind
from .phrases import head_phrase, nominative
from .places import NAME_AFTER_DASH
from .russian import has_pos, lemma, parses, place_nominative, words
from .settlements import SITED_HEADS, sited_end

#: Head noun lemma → coarse organisation kind.
KINDS: dict[str, str] = {
    "библиотека": "library", "цбс": "library-system", "мбс": "library-system",
    "система": "library-system", "министерство": "government-body",
    "управление": "government-body", "администрация": "government-body",
    "департамент": "government-body", "комитет": "government-body", "правительство":
    "government-body", "мэрия": "government-body", "дума": "government-body",
    "ассоциация": "association", "общество": "association", "фонд": "association",
    "союз": "union-of-cities", "дирекция": "unit", "отдел": "unit", "сектор": "unit",
    "секретариат": "unit", "секция": "unit", "комиссия": "unit", "филиал": "unit",
    "кафедра": "unit", "факультет": "unit",
    "университет": "university", "институт": "university", "академия": "university",
    "колледж": "university", "музей": "museum", "архив": "archive", "центр": None,  # type: ignore[dict-item]
    "учреждение": None, "организация": None,  # type: ignore[dict-item]
}
#: Heads of a unit of another body («отдел культуры администрации …»): its parent follows.
UNIT_HEADS = frozenset(
    "дирекция отдел сектор секретариат секция комиссия филиал кафедра факультет".split())
ORG_HEADS = frozenset(KINDS) | frozenset(
    "палата агентство служба совет центр рба объединение партнерство консорциум правление "
    "президиум оргкомитет".split())

ORGANISED_BY = re.compile(
    r"\b(?:(?:проведен[аоы]?|проведён[аоы]?|организован[аоы]?|проводи(?:тся|тся|лся|лась|лось|"
    r"лись)|проводятся|организу(?:ется|ются))\s+по\s+инициативе|"
    r"созван[аоы]?|организован[аоы]?|проведен[аоы]?|проведён[аоы]?|подготовлен[аоы]?|"
    r"организованн(?:ая|ый|ое|ые|ой|ого|ую|ых|ом|ым)|проведённ(?:ая|ый|ое|ые|ой|ого|ую)|"
    r"проведенн(?:ая|ый|ое|ые|ой|ого|ую)|"
    r"(?:со)?организатор(?:ами|ом)(?:\s+[а-яё]+){0,2}?\s+(?:выступил[аи]?|стал[аи]?|"
    r"явил(?:ся|ась|ись))|"
    r"организуют|провели|организовали|подготовили|пров[её]л[аи]?)\s+",
    re.I,
)
ORGANISERS_LIST = re.compile(r"\bорганизатор(?:ы|ами)?(?:\s+[а-яё][а-яё-]*){0,2}[*_]*\s*"
                             # (a hyphen typed for the dash, not the one inside «Иссык-Кульская»)
                             r"(?:[:–—]|(?<=\s)-(?=\s)|\|)\s*",
                             re.I)  # («| **Организаторы** | A; B |»: a table's row too)
SUPPORTED_BY = re.compile(r"\bпри\s+(?:[а-яё]+\s+)?под(?:-\s*\n\s*)?держке\s+", re.I)
_STOP = re.compile(
    r"\s+при\s+(?:[а-яё]+\s+)?под(?:-\s*\n\s*)?держке\b|\s+при\s+(?:участии|содействии)\b|\s+в\s+рамках\b|\s+в\s+соответствии\b|\s+в\s+(?:[а-яё]+\s+)?(?:режиме|формате)\b|\s+в\s+[а-яё]+-(?:режиме|формате)\b|[;:]|\((?![А-ЯЁ][а-яё]+\)(?:\s+[а-яё]|\s*[.,;]|\s*$))"
    r"|\s+в\s+(?:год|год[уа]|дни|день)\b"  # «… музеем-заповедником С. А. Есенина в год 120-летия»
    # «… в преддверии Общероссийского дня библиотек», «… к 40-летию города», «… и из-за …»
    r"|\s+(?:в\s+преддверии|в\s+связи\s+с|по\s+случаю|(?:и\s+)?из-за)\b|\s+к\s+\d+-?лет"
    r"|\s+с\s+целью\b|\s+в\s+целях\b|\s+\d|,\s+(?:в|на|с)\s+[а-яё]|\s+[–—]\s" + NAME_AFTER_DASH
    + r"|\s+в\s+(?:г\.|городе)\b|\s+(?:в|на)\s+(?=[А-ЯЁ])|\s+на\s+базе\b|\s+как\s+(?=[а-яё])"
    # where in a building: «… в конференц-зале Центральной библиотеки», «в актовом зале»
    r"|\s+в\s+(?:[а-яё]+\s+)?(?:[а-яё]+-)?(?:зале|помещении|здании)\b"
    # the next field of a form-like header: «…\nПредседательствующий:  И. В. Горохова»
    r"|\s*\n[ \t]*[А-ЯЁ][а-яё]+(?:[ \t]+[а-яё]+)?[ \t]*:",
)
#: A full stop and a capital: a sentence ends, unless the word before is an abbreviation
#: («г. Набережные Челны», «им. А. Т. Твардовского») or an initial.
_FULL_STOP = re.compile(r"([А-ЯЁа-яёA-Za-z]+)\.\s+(?=[А-ЯЁA-Z])")
ABBREVIATIONS = frozenset("г гор им обл ул с пос пгт д р р-н св ст пр др т н проф акад гг вв "
                          "ред изд рус англ тыс млн руб".split())
_AND_WORD = re.compile(r"\s+и\s+([а-яё]+)")
_COMMA_WORD = re.compile(r",\s+([а-яё]+)")
_SEPARATOR = re.compile(r"\s*,\s*(?:а\s+также\s+)?|\s+а\s+также\s+|\s+и\s+|\s+совместно\s+с\s+")


def _opens_organisation(text: str, case: str) -> bool:
    phrase, _ = head_phrase(text, case)
    if not phrase:
        first = text.split()[0] if text.split() else ""
        return bool(re.fullmatch(r"[А-ЯЁA-Z]{2,}", first.strip(",.;«»\"")))
    head = phrase[-1][3].normal_form
    return head in ORG_HEADS or head.split("-")[0] in ORG_HEADS or (  # «музея-заповедника»
        case != "gent" and phrase[0][0][:1].isupper())


def split_list(text: str, start: int, end: int, case: str) -> list[tuple[int, int]]:
    """Ranges of the single names in the list ``text[start:end]`` of names in ``case``."""
    cuts = [start]
    for m in _SEPARATOR.finditer(text, start, end):
        before = words(text[start : m.start()])
        last = before[-1][0] if before else ""
        if last.islower() and has_pos(last, {"ADJF"}, case) and not has_pos(last, {"NOUN"}):
            # «литературный и историко-архитектурный музей-заповедник»: one name (but «… для
            # слепых и Централизованная …»: an adjective in another case ends a name)
            continue
        if m.end() < end and _opens_organisation(text[m.end() : end], case):
            cuts += [m.start(), m.end()]
    cuts.append(end)
    ranges = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        a2, b2 = a, b
        while a2 < b2 and not text[a2].isalnum() and text[a2] not in "«\"":
            a2 += 1
        b2 = name_end(text, a2, b2)
        if b2 > a2:
            ranges.append((a2, b2))
    return ranges


def mention(text: str, start: int, end: int, case: str | None) -> OrganisationMention:
    """An organisation named by ``text[start:end]`` (in ``case``), in the nominative."""
    source = text[start:end]
    phrase, _ = head_phrase(clean(source), case)
    head = phrase[-1][3].normal_form if phrase else lemma(source.split()[0])
    # a capital written inside a sentence is the writer's: a proper name, kept as written
    # (but «Администрацией города Твери» is cited «администрация города Твери»)
    before = text[max(0, start - 3) : start].rstrip(" «\"(")
    mid_sentence = bool(before) and before[-1] not in ".!?\n" or continues_line(text, start)
    keep = True if mid_sentence and source[:1].isupper() and not lower_head(head, source) else None
    if re.match(r"[А-ЯЁ][а-яё]+-[А-ЯЁ]", source):
        keep = True  # «Сергиево-Посадский музей …» opening a sentence: a place's adjective
    name = nominative(clean(source), case, keep_capital=keep)
    if head in OFFICIAL_BODIES and name[:1].islower():
        # «министерством культуры Хабаровского края»: one body's name, capitalised as the
        # addressees cite it, so that the store has one label for the organisation
        name = name[:1].upper() + name[1:]
    kind = KINDS.get(head)
    if kind is None and re.match(r"[А-ЯЁ]{2,}", source):
        kind = KINDS.get(source.split()[0].lower())
    parent = None
    if head in UNIT_HEADS and phrase:
        tail_offset = _tail_offset(source, phrase[-1][2])
        if tail_offset is not None:
            tail_start = start + tail_offset
            tail = text[tail_start:end]
            tail_words = words(tail)
            if tail_words and tail_words[0][0][:1].isupper():
                parent = OrganisationMention(
                    name=Spanned(nominative(clean(tail), "gent", keep_capital=True),
                                 Span(tail_start, end)),
                    kind=KINDS.get(lemma(tail_words[0][0])),
                )
    city = None
    if m := re.search(r"\b(?:города|г\.)\s*([А-ЯЁ][а-яё]+(?:[- ][А-ЯЁ][а-яё]+)?)", source):
        city = place_nominative(m.group(1))
    return OrganisationMention(name=Spanned(name, Span(start, end)), kind=kind, parent=parent,
                               city=city)


def _tail_offset(source: str, head_end_in_clean: int) -> int | None:
    """Offset in ``source`` of the first word after the head noun phrase."""
    cleaned_words = words(clean(source))
    index = next((i for i, w in enumerate(cleaned_words) if w[2] == head_end_in_clean), None)
    source_words = words(source)
    if index is None or index + 1 >= len(source_words):
        return None
    return source_words[index + 1][1]


def _names(text: str, start: int, end: int, case: str) -> list[OrganisationMention]:
    stop = _STOP.search(text, start, end)
    while stop is not None:
        names = split_list(text, start, stop.start(), case)
        phrase, _ = head_phrase(clean(text[names[-1][0] : names[-1][1]]), case) if names else (
            [], case)
        sited = sited_end(text, stop.start(), end) if phrase and any(
            p[3].normal_form in SITED_HEADS for p in phrase) else None
        if sited is None:
            break
        stop = _STOP.search(text, sited, end)  # «… центр науки и культуры в Дамаске»
    stop_at = stop.start() if stop else end
    for m in _FULL_STOP.finditer(text, start, stop_at):  # «… Республики Марий Эл. В обсуждении …»
        before = m.group(1)
        initial = len(before) == 1 and before.isupper() or (  # «А.», and «Ем.» after «имени»
            len(before) == 2 and before[:1].isupper()
            and re.search(r"(?:имени|им\.)\s+$", text[start : m.start()]) is not None)
        if not (before.lower() in ABBREVIATIONS or initial):
            stop_at = m.start() + len(before)
            break
    for m in _AND_WORD.finditer(text, start, stop_at):  # «… и проведён на базе …»: a predicate
        if any(p.tag.POS in ("VERB", "PRTS", "GRND") or p.tag.POS == "PRTF" and p.tag.case
               != case for p in parses(m.group(1))[:1]):  # (or «… и приуроченный к …»)
            stop_at = m.start()
            break
    for m in _COMMA_WORD.finditer(text, start, stop_at):  # «…, собрала порядка 150 человек»
        if all(p.tag.POS in ("VERB", "PRTS") for p in parses(m.group(1))[:2]):
            stop_at = m.start()
            break
    for joined, other in ((_JOINTLY, "ablt"), (_ON_INITIATIVE, "gent")):
        found = joined.search(text, start, stop_at)
        if found is not None and case != other and _opens_organisation(
                text[found.end() : stop_at], other):
            # «по инициативе X совместно с Y», «проведена X по инициативе Y»: Y in its own
            # case, an organiser as X is
            return [*_names(text, start, found.start(), case),
                    *_names(text, found.end(), stop_at, other)]
    return _named(text, start, stop_at, case)


_JOINTLY = re.compile(r"\s+совместно\s+с\s+")
_ON_INITIATIVE = re.compile(r"\s+по\s+инициативе\s+")


def _named(text: str, start: int, end: int, case: str) -> list[OrganisationMention]:
    return [mention(text, a, b, case) for a, b in split_list(text, start, end, case)
            if _opens_organisation(text[a:b], case)]


#: «**Организаторы съезда:**» closing its block, the names below it.
_ORGANISERS_CAPTION = re.compile(r"[*_]*организатор(?:ы)?(?:\s+[а-яё-]+){0,2}\s*:[*_\s]*", re.I)


def listed_organisers(text: str, blocks: list[Block]) -> list[OrganisationMention]:
    """Organisers listed under a caption of their own, anywhere in the document: as list items
    («- Министерство …;» / «- Сахалинская областная …»), or as the lines of the next block
    («Департамент культуры Тюменской области,» / «ГАУК ТО «…»»)."""
    for i, block in enumerate(blocks[:-1]):
        if not _ORGANISERS_CAPTION.fullmatch(text, block.body, block.end):
            continue
        items: list[Block] = []
        for item in blocks[i + 1 :]:  # list items, or lines each ending with a comma but the last
            if items and not (item.list_item and items[-1].list_item or text[
                    items[-1].start : items[-1].end].rstrip(" *_").endswith((",", ";"))):
                break
            items.append(item)
        # a name on a line of its own: its capital is the writer's
        return [dataclasses.replace(o, name=dataclasses.replace(
                    o.name, value=_as_printed(text, o.name.span.start, o.name.value)))
                for item in items for part in re.finditer(r"[^;]+", text[item.body : item.end])
                for o in _names(text, item.body + part.start(), item.body + part.end(), "nomn")]
    return []


def _as_printed(text: str, start: int, name: str) -> str:
    return name[:1].upper() + name[1:] if text[start : start + 1].isupper() else name


def listed_below(text: str, start: int, end: int, following: int) -> bool:
    """Whether the organisers the sentence ``text[start:end]`` lists go on at ``following``:
    «Организаторы:» ends the line, the names on the next one, in lower case; or a form's field
    «Организаторы:   A;» whose next names stand on the lines below (not another field)."""
    m = ORGANISERS_LIST.search(text, start, end)
    if m is None or text[end:following].count("\n") != 1:
        return False
    said = text[m.end() : end].strip()
    return (not said and text[following : following + 1].islower()) or (
        said.endswith(";") and _FIELD_LABEL.match(text, following) is None)


#: A form's field label opening a line: «Председательствующий:», «Место проведения:».
_FIELD_LABEL = re.compile(r"[А-ЯЁа-яё-]+(?:\s+[а-яё-]+){0,2}\s*:")


def organisers(text: str, start: int, end: int) -> list[OrganisationMention]:
    """Organisers named in the sentence ``text[start:end]``."""
    if m := ORGANISERS_LIST.search(text, start, end):
        # «Организаторы: Министерство культуры, по делам национальностей …; Национальная
        # библиотека …»: names a semicolon parts, each read to its end
        pos = m.end()
        if (row_end := text.find("\n|", pos, end)) >= 0:
            end = row_end  # («| Организаторы | A; B |» over «| Партнёр | C |»: its row only)
        return [o for part in re.finditer(r"[^;|]+", text[pos:end])
                for o in _names(text, pos + part.start(), pos + part.end(), "nomn")]
    out: list[OrganisationMention] = []
    for m in ORGANISED_BY.finditer(text, start, end):  # «… по инициативе X и проведён Y»
        verb = m.group().strip().lower()
        named = {o.name.value for o in out}
        if verb.startswith(("организуют", "провел", "провёл", "организовали", "подготовили")):
            # the organisers stand before the verb, unless the event does («Конференцию
            # провела администрация городского округа …»)
            before = text[start : m.start()].strip(" \t\n*_")
            if find_kind(text, m.end(), min(end, m.end() + 60)) is not None and (
                    subject := _subject_before(text, start, m.start())) is not None:
                # «… Коми-Пермяцкая окружная библиотека имени М. П. Лихачёва провела круглый
                # стол …»: the body before the verb, the event after it
                out += [subject] if subject.name.value not in named else []
                if (jointly := _JOINTLY.search(text, subject.name.span.end, m.start())):
                    out += [o for o in _names(text, jointly.end(), m.start(), "ablt")
                            if o.name.value not in named]
                continue
            if find_kind(text, start, m.start()) is None or len(before.split()) > 4:
                continue
            out += [o for o in _names(text, m.end(), end, "nomn") if o.name.value not in named]
            continue
        case = ("nomn" if verb.startswith(("организатор", "соорганизатор"))
                else "gent" if verb.endswith("инициативе") else "ablt")
        begin = m.end()
        if (joined := re.match(r"и\s+([а-яё]+)", text[begin:end])) is not None and any(
                p.tag.POS in ("PRTS", "VERB") for p in parses(joined.group(1))[:1]):
            continue  # «подготовлена и проведена X»: the second verb names them
        if (when := _DATE_FIRST.match(text, begin, end)) is not None:
            begin = when.end()  # «проведён 18 марта 2025 года Тарским филиалом …»
        if (jointly := re.match(r"совместно\s+с\s+", text[begin:end])) is not None:
            begin += jointly.end()  # «созвано правлением … и проведено совместно с X»
        if (place := _PLACE_FIRST.match(text, begin, end)) is not None:
            begin = place.end()  # «проведено в г. Петропавловске-Камчатском Агентством …»
        found = _names(text, begin, end, case)
        if case == "gent" and (cut := _case_break(text, m.end(), end)) is not None:
            # «по инициативе Комитета … области архивным отделом администрации …»: the
            # initiator, then (in the instrumental) the body that organised it
            found = _names(text, m.end(), cut, "gent") + _names(text, cut, end, "ablt")
        out += [o for o in found if o.name.value not in named]
    # «в Вельском краеведческом музее имени В. Ф. Кудрявцева прошла конференция, организованная
    # музеем …»: a bare noun is the body the sentence named before
    return [named_before(text, start, o.name.span.start, o.name.value) or o
            if " " not in o.name.value and o.name.value.islower() else o for o in out]


#: «имени Н. М. Мартьянова» after a body's noun: part of its name.
_NAMED_AFTER = re.compile(r"\s+(?:имени|им\.)\s+(?:[А-ЯЁ]\.\s*){1,2}[А-ЯЁ][а-яё]+"
                          r"(?:-[А-ЯЁ][а-яё]+)?")


def named_before(text: str, a: int, at: int, noun: str) -> OrganisationMention | None:
    """The body of ``noun`` (a bare common noun at ``at``: «музею», «музеем») that
    ``text[a:at]`` names in full — its capitalised adjectives, and «имени …» — or None."""
    noun = lemma(noun)
    named: tuple[int, int, str] | None = None
    toks = words(text[a:at], a)
    for i, (w, _, wb) in enumerate(toks):
        if lemma(w) != noun or not has_pos(w, {"NOUN"}):
            continue
        k = i
        while k > 0 and parses(toks[k - 1][0])[:1] and parses(toks[k - 1][0])[0].tag.POS == "ADJF":
            k -= 1  # (by the first reading: «Вельском» is Вельск's instrumental too)
        if k < i and toks[k][0][:1].isupper():
            case = next((c for c in ("gent", "datv", "ablt", "loct", "accs", "nomn")
                         if c in parses(w)[0].tag), None)
            after = _NAMED_AFTER.match(text, wb)
            named = (toks[k][1], after.end() if after else wb, case or "nomn")
    return mention(text, *named) if named is not None else None


def _subject_before(text: str, start: int, verb: int) -> OrganisationMention | None:
    """The body named in the nominative right before ``verb``: its head noun (a kind of body),
    the adjectives before it and what follows it up to the verb («… имени М. П. Лихачёва»)."""
    toks = words(text[start:verb], start)
    heads = [i for i, (w, _, _) in enumerate(toks)
             if lemma(w) in ORG_HEADS and has_pos(w, {"NOUN"}, "nomn")]
    if not heads:
        return None
    j = heads[-1]
    while j > 0 and has_pos(toks[j - 1][0], {"ADJF"}, "nomn"):
        j -= 1
    if j == heads[-1] and not toks[j][0][:1].isupper() and not (
            j + 1 < len(toks) and toks[j + 1][0][:1].isupper()):
        return None  # «библиотека провела …» with no name (but «комитет Законодательного …»)
    first = toks[j][1]
    jointly = _JOINTLY.search(text, first, verb)
    return mention(text, first, name_end(text, first, jointly.start() if jointly else verb),
                   "nomn")


#: «X совместно с Y и Z провёл …»: Y and Z organised it too.
_JOINTLY = re.compile(r"\s+(?:совместно|вместе)\s+с(?:о)?\s+", re.I)


#: When the event was held, between the verb and its organisers.
_DATE_FIRST = re.compile(r"\s*\d{1,2}(?:\s*[–—-]\s*\d{1,2})?\s+[а-яё]+\s+(?:19|20)\d\d"
                         r"(?:\s*(?:г\.|года))?(?=\s)")
#: Where the event was held, between the verb and its organisers.
_PLACE_FIRST = re.compile(r"\s*в\s+(?:г\.\s*|городе\s+)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*"
                          r"(?:\s+[А-ЯЁ][а-яё]+)?(?=\s+[А-ЯЁ])")


def _case_break(text: str, start: int, end: int) -> int | None:
    """Where a genitive name is followed, with no conjunction, by a noun phrase in the
    instrumental: the start of its first word."""
    stop = re.search(r"\.\s+[А-ЯЁ]|[;:]", text[start:end])
    toks = words(text[start : start + stop.start() if stop else end], start)
    for k, (w, _a, _) in enumerate(toks[1:], start=1):
        ps = [p for p in parses(w)[:3] if p.tag.POS in ("ADJF", "NOUN", "PRTF")]
        if ps and all(p.tag.case == "ablt" for p in ps) and toks[k - 1][0].lower() not in (
                "и", "с", "со", "между", "под", "над", "за", "перед"):
            while k > 1 and any(p.tag.POS in ("ADJF", "PRTF") and p.tag.case == "ablt"
                                for p in parses(toks[k - 1][0])[:3]):
                k -= 1  # «архивным отделом»: its adjectives too
            return toks[k][1]
    return None


def supporters(text: str, start: int, end: int) -> list[OrganisationMention]:
    if m := SUPPORTED_BY.search(text, start, end):
        return _names(text, m.end(), end, "gent")
    return []

