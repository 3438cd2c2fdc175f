"""How many took part, and how: the total count of participants («приняли участие 112
человек», «более ста участников» — at least 100, «Общее количество участников – 65 человек»)
and whether people took part online or in person. A table of participants is :mod:`.rosters`'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions_kg.records import AttendanceMode, Span

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
    + r"|(?:участники|делегаты|они)(?:\s+[а-яё]+)?\s+представляли|(?:среди|в\s+числе)\s+гостей"
    # «Очно – директора … 7 ЦБС области; онлайн, на платформе Zoom, – сотрудники …»: a sentence
    # of groups each led by how they took part
    r"|(?:(?<=[.!?]\s)|(?<![^\n]))[\s*_]*(?:очно|онлайн|он-лайн|дистанционно)(?:\s*,[^–—.;\n]{1,40})?"
    r"\s*[–—-]\s",
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


def attendance(text: str, a: int, b: int) -> AttendanceMode | None:
    """How ``text[a:b]`` says people took part: «в режиме онлайн» … or «очно», else None."""
    return ("online" if ONLINE.search(text, a, b) else "offline" if OFFLINE.search(text, a, b)
            else None)


#: A cell or a label that says only how people took part: «очно», «онлайн».
MODE_ONLY = re.compile(r"(?:" + ONLINE.pattern + "|" + OFFLINE.pattern + r")\s*", re.I)
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
