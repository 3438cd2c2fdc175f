"""How many took part, and how: the total count of participants («приняли участие 112
человек», «более ста участников» — at least 100, «Общее количество участников – 65 человек»),
a table of participants, and whether people took part online or in person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions_kg.records import AttendanceMode, Cohort, Span, Spanned

from .blocks import TABLE_BORDER, Block, clean
from .phrases import head_phrase
from .places import REGION_NAMED
from .russian import has_pos, number_words, parses, words

PERSON_LEMMAS = frozenset(
    "человек участник специалист представитель руководитель библиотекарь сотрудник делегат "
    "гость работник эксперт преподаватель директор слушатель член заведующий педагог учитель "
    "студент ученый учёный исследователь библиограф краевед архивист историк филолог писатель "
    "издатель журналист волонтер волонтёр методист библиотекарь-методист учащийся "
    "школьник аспирант магистрант специалистка коллега читатель ученик музейщик архитектор "
    "заместитель начальник хранитель экскурсовод реставратор консультант лектор".split()
)


#: «приняли участие», and the singular a number ending in one or «человек» takes («принял участие
#: 31 человек»).
TAKE_PART = (r"(?:(?:принял[аио]?|приняли|принимал[аио]?|принимали|принимает|примут)\s+участие"
             # «Участие в семинаре-практикуме приняли 74 специалиста»
             r"|участие\s+(?:в\s+[а-яё-]+(?:\s+[а-яё-]+){0,2}\s+)?(?:принял[аио]?|приняли))")


#: Words that open a group of people of its own after «и» («… и представители Союза …»).
PEOPLE_OPENING = r"(?:представител|сотрудник|специалист|гост|коллег|делегат)[а-яё]*"
#: Delegations or representatives that arrived took part: «прибыли делегации …».
ARRIVED = r"(?:прибыл|приехал)[аи]"
#: Who came or sent people, then who: «В Бишкек приехали более 80 учёных из …», «Свои делегации
#: направили 18 музеев …», «Команды на форум прислали 14 школ …», «За круглым столом
#: встретились депутаты …».
CAME = (r"(?:(?:прибыли|приехали|съехались|встретились)(?:\s+(?:и|также))?"
        # «С докладами выступили исследователи из …», «Хозяев форума представляли …»
        r"|(?:с\s+(?:докладами|сообщениями|лекциями)\s+)?выступили(?=\s+(?:[а-яё]+\s+)?"
        r"(?:представител|сотрудник|специалист|исследовател|коллег|уч[её]ные|преподавател))"
        r"|хозяев\s+(?:[а-яё]+\s+)?представляли|(?:доклады|сообщения)\s+представили"
        # «Опытом работы поделились гости – коллеги из …»
        r"|(?:опытом\s+(?:работы\s+)?)?поделились(?=\s+(?:гост|коллег|представител|сотрудник"
        r"|специалист))"
        r"|(?:(?:свои\s+|своих\s+)?(?:делегаци[ию]|представителей|команд[ыу])"
        r"(?:\s+на\s+[а-яё]+)?\s+)?(?:направил|прислал|делегировал)[аио]?)"
        r"(?=\s+(?:более\s+|свыше\s+|около\s+)?(?:\d|[а-яё]+\s+\d|(?-i:[А-ЯЁ])|представител|делегаци"
        r"|из\s+(?:г\.\s*)?(?-i:[А-ЯЁ])"  # «Свыше 70 участников … приехали из Москвы, …»
        r"|сотрудник|специалист|коллег|гост|читател|депутат|руководител|краевед|уч[её]н"
        r"|библиотекар|архивист|студент|школьник|исследовател|преподавател|историк|писател))")


#: «Участниками конгресса стали …», «Слушателями школы стали …», «Гостями съезда стали …»
BECAME = r"(?:участниками|слушателями|гостями|делегатами)(?:\s+[а-яё«»\"-]+){0,3}?\s+стали"

PARTICIPATION = re.compile(
    TAKE_PART + r"|участвовал[аои]?|участник|"
    r"присутствовал[аои]?|собрал[аои]?|собрались|собрал(?:ся|ась|ось)|были\s+представлены|занимал(?:ись|ось)|обучал(?:ись|ось)|"
    r"слушател\w+|(?:подключ[иа]л|присоединил)(?:ись|ась|ось)"  # («… выступили с докладами онлайн»)
    r"|выступил[аи]?\s+с\s+доклад\w*(?=\s+(?:в\s+режиме|дистанционно|онлайн|по\s+видео))"
    r"|(?:среди|в\s+числе)\s+(?:них|участников)|в\s+их\s+числе|" + BECAME +
    # «На форум прибыли делегации 14 муниципальных образований …», «Делегации прибыли из …»
    r"|" + ARRIVED + r"\s+(?:делегаци|представител)|делегаци[ия]\s+" + ARRIVED + "|" + CAME
    # «Участники совещания представляли: …», «Они представляли 29 районов»
    + r"|(?:участники|делегаты|они)(?:\s+[а-яё]+)?\s+представляли|(?:среди|в\s+числе)\s+гостей",
    re.I
)

TOOK_PART = re.compile(TAKE_PART + "|" + BECAME + r"|участвовал[аои]?", re.I)

OTHER_EVENT = re.compile(r"(?<![а-яё])(?:предыдущ\w*|прошлогодн\w*|прошл(?:ая|ой|ом|ого|ые)\s"
                         r"|следующ\w*+(?!\s+(?:вопрос|тем|проблем|направлени|образом))"
                         r"|очередн\w*|будущ\w*"  # (not «обсудили следующие вопросы»)
                         # the series so far: «За это время в них приняли участие более 900 …»,
                         # «за семь лет её слушателями стали 317 человек», «с 1994 года»
                         r"|за\s+(?:это\s+время|(?:все\s+)?(?:эти\s+)?годы|[а-яё\d]+\s+(?:лет|года)\b)"
                         r"|за\s+всю\s+историю|ежегодно"
                         # taking part in something else («в акции участвовали …»), not in the
                         # event's own programme («в профессиональной программе фестиваля»)
                         r"|в\s+(?:[а-яё]+\s+)?(?:акции|проекте|конкурсе|марафоне|мониторинге"
                         r"|программе(?!\s+(?:фестивал|форум|конференци|чтени|семинар|съезд))"
                         r"|опросе|исследовании|анкетировании)(?![а-яё])"
                         # what the body notes: «… отмечает, что в 2022 году в … участвовали 57 …»
                         r"|(?:отмечает|отмечают|констатирует|констатируют),?\s+что)",
                         re.I)

EXPLICIT_TOTAL = re.compile(
    r"(?:общее\s+(?:количество|число)\s+участников|всего\s+участников|зарегистрировано\s+"
    r"участников|"
    r"количество\s+участников|число\s+участников"
    # «Присутствовали:       73 человека», «Участники:     126 человек» in a form-like header
    r"|(?:присутствовал[аио]?|участники)[*_]*\s*:(?=[*_\s]*\d))[^0-9а-яё]*(?:составило\s+)?",
    re.I,
)

#: Words that make a count not exact: a lower bound («более ста», «свыше 200») or an estimate
#: («около 80», «порядка 50»); published as ``countIsMinimum``, never as an exact count.
MINIMUM = re.compile(r"(?:более|свыше|больше|не\s+менее|от|около|порядка|примерно|почти)\s*$",
                     re.I)


ONLINE = re.compile(
    r"\s*(?:в\s+(?:режиме|формате)\s+(?:он-?лайн|online|видео-?конференц[\w-]*|вебинар\w*)"
    r"|в\s+он-?лайн-?(?:режиме|формате)|он-?лайн|дистанционно(?![а-яё])|удал[её]нно(?![а-яё])"
    r"|по\s+(?:видео-?конференц-?связи|видеоконференции|видео-?связи|скайпу|skype|zoom)"
    r"|в\s+режиме\s+видео(?:связи|конференц\w*)|подключивш\w+\s+к\s+(?:онлайн-)?трансляции"
    r"|в\s+дистанционном\s+(?:режиме|формате))",
    re.I,
)
OFFLINE = re.compile(r"\s*(?:(?<![а-яё])очно(?![а-яё])|в\s+очном\s+(?:режиме|формате))", re.I)


@dataclass(frozen=True)
class Count:
    value: int
    span: Span
    minimum: bool
    noun_end: int  # (the offset just after the counted noun)
    noun_lemma: str


def counts(text: str, start: int, end: int) -> list[Count]:
    """Numbers (digits or words) in ``text[start:end]`` with the noun they count."""
    toks = words(text[start:end], start)
    found: list[Count] = []
    i = 0
    while i < len(toks):
        w, a, b = toks[i]
        value, j = None, i
        if w.isdigit():
            value, j = int(w), i + 1
        else:
            seq: list[str] = []
            while j < len(toks) and number_words([toks[j][0]]) is not None and len(seq) < 4:
                seq.append(toks[j][0])
                j += 1
            if seq and not (len(seq) == 1 and seq[0].lower() in ("один", "одна", "одного")):
                value = number_words(seq)
        if value is None or j >= len(toks):
            i += 1
            continue
        minimum = bool(MINIMUM.search(text[max(start, a - 12) : a]))
        if j + 2 < len(toks) and toks[j][0] == "из" and toks[j + 1][0].isdigit():
            j += 2  # «41 из 58 членов ассоциации»: 41 of them, the 58 said of the whole
        last = toks[j - 1][2]  # (the count's words: «41 из 58»)
        # the counted noun: the first noun among the next three words
        for k in range(j, min(j + 4, len(toks))):
            word = toks[k][0]
            if re.search(r"\)\s*[,;:.]|[;!?]", text[toks[k - 1][2] : toks[k][1]]):
                break  # («… (из 11), кворум имеется»: no noun past a bracket's end)
            nouns = [p for p in parses(word) if p.tag.POS == "NOUN"]
            if nouns and has_pos(word, {"ADJF", "PRTF"}) and k + 1 < len(toks) and any(
                    p.tag.POS == "NOUN" for p in parses(toks[k + 1][0])):
                nouns = []  # «молодых специалистов»: an adjective before its noun
            if nouns:
                found.append(Count(value, Span(a, last), minimum, toks[k][2],
                                   nouns[0].normal_form.replace("ё", "е")))
                break
            if not has_pos(word, {"ADJF", "PRTF"}):
                break
            nxt = toks[k + 1][0] if k + 1 < len(toks) else ""
            if not nxt or nxt.lower() == "и" or not any(
                    p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in parses(nxt)[:2]):
                # a noun made of an adjective: «96 учёных и специалистов», «12 заведующих»
                adj = next(p for p in parses(word) if p.tag.POS in ("ADJF", "PRTF"))
                found.append(Count(value, Span(a, last), minimum, toks[k][2],
                                   adj.normal_form.replace("ё", "е")))
                break
        i = j
    return found


#: A sentence that states the total: «Всего — 37 человек.», «Итого: 52 участника», «Всего в
#: конференции приняли участие около 200 человек».
_STATED_TOTAL = re.compile(r"\s*(?:всего|итого)(?:\s+участников)?(?:\s+(?:в|на)\s+(?:работе\s+)?"
                           r"[а-яё-]+(?:\s+(?!прин|участ)[а-яё-]+)?)?(?:\s+(?:" + TAKE_PART
                           + r"|(?:участвовал|присутствовал)[оаи]?))?"
                           r"\s*[:—–-]?\s*", re.I)


def stated_total(text: str, sentence_ranges: list[tuple[int, int]]) -> Count | None:
    """The total a sentence of its own states, after the list of who took part («…; депутаты
    Городской Думы. Всего — 37 человек.»)."""
    for a, b in sentence_ranges:
        if (m := _STATED_TOTAL.match(text, a, b)) is None or m.end() == a:
            continue
        found = counts(text, m.end(), b)
        if found and found[0].noun_lemma in PERSON_LEMMAS and not MINIMUM.sub(
                "", text[m.end() : found[0].span.start]).strip():
            return found[0]
    return None


def participation_sentences(text: str, sentence_ranges: list[tuple[int, int]]
                            ) -> list[tuple[int, int]]:
    """The sentences that say who took part in this event (not another, nor the series')."""
    return [(a, b) for a, b in sentence_ranges
            if PARTICIPATION.search(text, a, b) and not OTHER_EVENT.search(text, a, b)]


_ALL_IN_ALL = re.compile(r"(?<=[\s,;])[–—-]?\s*всего\s*[–—-]?\s*(?=\d)", re.I)


def total(text: str, sentence_ranges: list[tuple[int, int]]) -> Count | None:
    """The total number of participants in the given sentences."""
    for a, b in sentence_ranges:
        if (m := _ALL_IN_ALL.search(text, a, b)) and (found := counts(text, m.end(), b)) and (
                found[0].noun_lemma in PERSON_LEMMAS):
            return found[0]  # «9 членов Правления из 11 и 16 приглашённых — всего 25 человек»
        if m := EXPLICIT_TOTAL.search(text, a, b):
            found = counts(text, m.end(), b)
            if found:
                return found[0]
            if bare := re.match(r"[\s*_]*(\d{1,6})[\s*_]*\.?[\s*_]*(?:\||$)", text[m.end() : b]):
                # «| Количество участников | 54 |», «Количество участников: 54»: the number
                # alone, the people named by the field
                at = m.end() + bare.start(1)
                return Count(int(bare.group(1)), Span(at, at + len(bare.group(1))), False,
                             at + len(bare.group(1)), "участник")
    # the event's own participants: «приняли участие …» first; a sentence about a previous or
    # a planned event («Предыдущая … собрала 140 участников») never
    ordered = sorted((r for r in sentence_ranges if not OTHER_EVENT.search(text, *r)),
                     key=lambda r: 0 if TOOK_PART.search(text, *r) else 1)
    for a, b in ordered:
        if not PARTICIPATION.search(text, a, b):
            continue
        found = counts(text, a, b)
        for k, c in enumerate(found):  # (not «… 12 учреждений и 3 представителя»: a part)
            if c.noun_lemma in PERSON_LEMMAS and not (k and re.search(
                    r"(?:\sи|,)\s*$", text[found[k - 1].noun_end : c.span.start])):
                return c
    return None


_PARTICIPANT_HEADER = re.compile(r"участник|слушател|делегат|количеств|числ[оа]\s|человек", re.I)


def attendance(text: str, a: int, b: int) -> AttendanceMode | None:
    """How ``text[a:b]`` says people took part: «в режиме онлайн» … or «очно», else None."""
    return ("online" if ONLINE.search(text, a, b) else "offline" if OFFLINE.search(text, a, b)
            else None)


#: A mode in brackets or after a comma at a row's label's end: «Гости из Казани (онлайн)».
_MODE_NOTE = re.compile(r"\s*(?:\((?:" + ONLINE.pattern + "|" + OFFLINE.pattern + r")\s*\)|,(?:"
                        + ONLINE.pattern + "|" + OFFLINE.pattern + r")\s*$)", re.I)
#: A cell or a label that says only how people took part: «очно», «онлайн».
MODE_ONLY = re.compile(r"(?:" + ONLINE.pattern + "|" + OFFLINE.pattern + r")\s*", re.I)
#: The region or country of the places a row names, in brackets: «(Тверская область)».
_PLACE_NOTE = re.compile(r"\s*\((?:" + REGION_NAMED.pattern + r")\)")


def _cited_lower(label: str) -> bool:
    """Whether a row's label is cited without the capital that opens its cell: a group in the
    plural («Сотрудники Великолукской ЦБС», «Музеи Московской области») or a common phrase
    («Специалисты …»), not one body's or place's name («Национальная библиотека имени …»)."""
    words_ = label.split()
    if not words_ or not words_[0][:1].isupper() or words_[0].isupper() or re.search(
            r"\bимени\b|\bим\.|«|^[А-ЯЁ][а-яё-]+(?:ий|ый|ой|ая)\s+(?:район|округ|край|область)$",
            label):
        return False  # (nor a place: «Шушенский район»)
    phrase, _ = head_phrase(label, "nomn")
    if phrase and phrase[-1][3].tag.number == "plur" and not any(
            t in phrase[-1][3].tag for t in ("Pltm", "Geox", "Name", "Orgn")):
        return True
    return not (len(words_) > 1 and words_[1][:1].isupper()) and not any(
        t in p.tag for p in parses(words_[0])[:1] for t in ("Geox", "Name", "Orgn"))


_TOTAL_ROW = re.compile(r"\s*(?:всего|итого)\s*:?\s*", re.I)
#: A bracketed list of who a row's group is: «приглашённые (руководители музеев, …)».
_WHO_NOTE = re.compile(r"\s*\([а-яё][^()]*,[^()]*\)\s*$")  # (not «(Томск, Омск)»)
_REGION_ABBREVIATION = re.compile(
    r"(?<=[а-яё])(?P<and>(?:,|\s+и)\s+[А-ЯЁ][а-яё]+)?\s+обл\.(?=\s|$)")


def _spelled(label: str) -> str:
    """«Гости из Архангельской, Кировской и Костромской обл.» with «областей» spelled out (the
    genitive a cell's reader would write)."""
    m = _REGION_ABBREVIATION.search(label)
    if m is None or not label[: m.start()].endswith(("ой", "ей")):
        return label
    several = m.group("and") is not None
    return (label[: m.start()] + (m.group("and") or "") + (" областей" if several else " области")
            + label[m.end() :])


PRESENT_CAPTION = re.compile(r"[*_]*(?:присутствовали|состав\s+участников(?:\s+[а-яё]+)?|"
                             r"участники(?:\s+[а-яё-]+){0,2}|участвовали)(?:\s+на\s+[а-яё]+)?"
                             # («**Присутствовали** (29 человек):»)
                             r"[*_]*(?:\s*\(\d{1,5}\s+[а-яё.]+\))?\s*:[*_\s]*", re.I)
#: «23», «14 чел.», «9 человек»: the count, with its unit at most.
_COUNT_CELL = re.compile(r"(\d{1,6})(?:\s*(?:чел\.?|человек[а]?))?")


def table_cohorts(text: str, blocks: list[Block]) -> tuple[list[Cohort], Count | None]:
    """Cohorts as the rows of a table of participants («| Категория участников | Количество |»,
    «| Страна | Число слушателей |»): a label cell and a count cell a row, and the total from a
    row «Всего» / «Итого». The first such table of ``blocks``; none: ``([], None)``."""
    from . import tables

    found: list[Cohort] = []
    total_count: Count | None = None
    headed = False  # inside a table whose header names participants and their number
    for k, bl in enumerate(blocks):
        row = tables.cells(text, bl)
        if row is None:
            if TABLE_BORDER.fullmatch(text, bl.start, bl.end):
                continue  # «+------+------+» between a text table's rows
            if found:
                break
            # «Присутствовали:» over a table with no header of its own
            headed = bool(PRESENT_CAPTION.fullmatch(text, bl.body, bl.end)) and k + 1 < len(
                blocks) and tables.cells(text, blocks[k + 1]) is not None
            continue
        if tables.is_separator(text, bl) or len(row) < 2:
            continue
        if not headed:  # (not «| Участников | более 200 |» over «| Музеев | 38 |»: a table of
            # figures, whose rows count other things)
            headed = bool(_PARTICIPANT_HEADER.search(text, bl.start, bl.end)) and not re.search(
                r"\d", text[bl.start : bl.end])
            continue
        numbers = [(c[0], c[0] + len(m.group(1))) for c in row
                   if (m := _COUNT_CELL.fullmatch(text, *c)) is not None]
        labels = [c for c in row if re.search(r"[А-ЯЁа-яё]{3}", text[c[0] : c[1]])]
        if len(numbers) != 1 or not labels:
            continue  # the header, or a row of another kind
        # «| очно | специалисты библиотек … | 23 |»: a column of how, then of who
        cells = [c for c in labels if not MODE_ONLY.fullmatch(text, *c)]
        if not cells:
            continue  # «| Очно | 136 |»: how the total took part, not a group
        (na, nb), (la, lb) = numbers[0], cells[0]
        value = int(text[na:nb])
        label = clean(text[la:lb])
        if _TOTAL_ROW.fullmatch(label):
            total_count = Count(value, Span(na, nb), False, nb, "человек")
            continue
        if len(cells) < len(labels):
            # (in person is how everyone else took part: only «онлайн» marks a row)
            mode: AttendanceMode | None = "online" if any(
                attendance(text, *c) == "online" for c in labels if c not in cells) else None
        else:
            mode = attendance(label, 0, len(label))
        for note in (_MODE_NOTE, _PLACE_NOTE, _WHO_NOTE):
            # «… (дистанционно)», «… (Тверская область)», «приглашённые (руководители …, …)»
            if (said := note.search(label)) is not None and said.start() > 0:
                label = (label[: said.start()] + label[said.end() :]).strip(" ,")
        label = re.sub(r"^(?:г\.|город)\s*(?=[А-ЯЁ])", "", _spelled(label))  # «г. Канск»: a town
        if _cited_lower(label):
            label = label[:1].lower() + label[1:]  # «Специалисты …»: capital of the cell's start
        found.append(Cohort(label=Spanned(label, Span(la, lb)), count=value, unit="person",
                            mode=mode))
    return found, total_count


def leading_count(text: str, sentence_ranges: list[tuple[int, int]]) -> Count | None:
    """A count of people that opens a sentence as its subject, with no verb of taking part
    («Свыше 70 специалистов из Армении, России … обсудили …»), in the first sentence that has
    one and is not about another event."""
    for a, b in sentence_ranges:
        if OTHER_EVENT.search(text, a, b):
            continue
        found = counts(text, a, b)
        if not found or found[0].noun_lemma not in PERSON_LEMMAS:
            continue
        before = MINIMUM.sub("", text[a : found[0].span.start]).strip(" \t\n*_«\"")
        verbs = [w for w, _, _ in words(text[found[0].noun_end : b])
                 if any(p.tag.POS == "VERB" and "plur" in p.tag for p in parses(w)[:1])]
        if not before and verbs:
            return found[0]
    return None


#: A sentence of taking part that ends by opening a list of who: «…, в том числе:».
LIST_OF_GROUPS = re.compile(r"(?:в\s+том\s+числе|среди\s+них|из\s+них|в\s+их\s+числе|участие"
                             r"|участвовали|участник\w*|человек|представител\w*|делегат\w*|представляли"
                             r"|представлены|присутствовали"
                             # «… из четырёх стран:» over «– Республика Беларусь — 97 участников;»
                             r"|стран|организаций|учреждений"
                             # («… из шести регионов России:», «… областей Российской Федерации:»)
                             r"|(?:регионов|городов|областей|районов)(?:\s+[А-ЯЁ][А-ЯЁа-яё]+){0,2})"
                             r"[\s*_]*(?:\(\d{1,5}\s+[а-яё.]+\)\s*)?:[\s*_]*$", re.I)


#: A count, a dash, then who: «14 — из библиотек Анадыря», «51 — специалисты …».
DASHED_COUNT = re.compile(r"\s*(\d{1,6})\s*[–—-]\s*(?P<prep>(?:из|от)\s+)?(?=[А-ЯЁа-яё])")


#: People counted in brackets after a group: «представители Государственного архива (5 человек)».
PEOPLE_AFTER = re.compile(
    r"\s*\((\d{1,5})(?:\s+(?:человек|чел\.?|участник[аов]*|представител[ьяей]+))?"
    r"(?:\s*,\s*[^()]{2,40})?\s*\)[\s.,;]*"
    # and after a dash: «архивисты — 37 человек», «районы Северного Приладожья — 19»
    r"|\s+[–—-]\s*(\d{1,5})(?:\s+(?:человека?|чел\.?|участник[аов]*|представител[ьяей]+))?"
    r"(?:\s*\(из\s+\d{1,5}\))?[\s.,;]*")  # («члены Правления — 9 человек (из 11)»)
