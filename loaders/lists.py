"""Where a list of participating groups opens (:data:`LIST_OPENERS`: «приняли участие»,
«Свои делегации направили», «Присутствовали:» …) and where it is cut into its pieces: at commas,
semicolons, «а также», «и» before a count — not inside a bracket, a run of adjectives that share
one head, genitives that go on, or the fields a body's name lists («… института языка,
литературы и истории»)."""

from __future__ import annotations

import re

from .bodies import BODY_HEADS, genitive_only
from .origins import shared_runs
from .russian import has_pos, lemma, parses, words
from .totals import ARRIVED, BECAME, CAME, PEOPLE_OPENING, PERSON_LEMMAS, TAKE_PART

LIST_OPENERS = re.compile(
    TAKE_PART + r"(?:\s+в\s+работе\s+[а-яё]+(?:\s+[а-яё-]+)?)?\s*[:–—-]?\s*"
    r"|(?:участвовал|присутствовал)[аои]?\s*[:–—-]?\s*|были\s+представлены\s*[:–—-]?\s*"
    r"|выступил[аи]?\s+с\s+доклад\w*\s*(?=(?:в\s+режиме|дистанционно|онлайн|по\s+видео))"
    # («| **Участники** | 29 человек: … |», «| Участники | более 60 библиотекарей … |»)
    r"|\bучастники[*_]*\s*(?:[:–—]|\|(?=\s*(?:более\s|свыше\s|около\s)?\d))\s*|"
    # «Участники семинара-практикума: 52 специалиста …», «Участники совещания – 31 человек: …»
    r"\bучастники\s+[а-яё]+(?:[\s-][а-яё]+)?(?:\s*[:–—]|\s-)\s*(?=\d)|"
    # an appeal's «Мы, участники … конференции …, — 94 библиотечных работника из … — »
    r"(?P<we>\bмы,\s+участники\s(?:[^—–]|(?<=\S)[—–](?=\S)){1,300}?,?\s+[—–-]\s*"
    r"(?=(?:более\s|свыше\s|около\s)?\d))|"
    + BECAME + r"\s*[:–—-]?\s*"
    r"|(?:подключ[иа]л|присоединил)(?:ись|ась|ось)\s*|собрал[аио]?\s+|собрал(?:ся|ась|ось)\s+|собрались\s+(?!(?:чтобы|в|во|на|для|из|по)\s)|представляли\s+"
    r"|(?:(?:среди|в\s+числе)\s+(?:них|участников)|в\s+их\s+числе)\s*[:–—-]?\s*"
    r"(?:(?:был[аио]?|оказал[аио]сь)\s+(?:также\s+)?)?"
    r"|" + ARRIVED + r"\s+(?:делегаци[ия]\s+|(?=представител))"
    r"|делегаци[ия]\s+" + ARRIVED + r"\s+|" + CAME + r"\s+"
    r"|(?:среди|в\s+числе)\s+гостей\s+(?:был[аио]?\s+)?"
    # a sentence of groups each led by how they took part: «Очно – директора …; онлайн – …»
    r"|(?:(?<=[.!?;]\s)|(?<![^\n]))(?=[\s*_]*(?:очно|онлайн|он-лайн|дистанционно)"
    r"(?:\s*,[^–—.;\n]{1,40})?\s*[–—-]\s)",
    re.I,
)
#: A new clause of who came, after a comma: «…, приехали также коллеги из …».
NEW_CLAUSE = re.compile(CAME + "|" + BECAME, re.I)
_SPLIT = re.compile(r"\s*,\s*(?:в\s+том\s+числе\s+|из\s+них\s+)|"
                    r"\s*,\s*(?:а\s+(?:также\s+)?|и\s+(?:ещ[её]\s+)?)?|\s+а\s+также\s+|\s+и\s+ещ[её]\s+"
                    r"|\s+и\s+(?=\d)|(?<=\d\))\s+и\s+|(?<=\))\s+и\s+(?=[А-ЯЁ])|\s*;\s*"
                    # «… Республики Башкортостан и представители Союза музеев России»
                    r"|(?<=[А-ЯЁа-яё»])\s+и\s+(?=" + PEOPLE_OPENING + r"\s+[А-ЯЁа-яё])")


#: What may follow a verb of taking part when its subject is the group: how and in what.
CIRCUMSTANCES = re.compile(
    r"(?:\s*(?:в\s+(?:режиме|формате)\s+[а-яё-]+|в\s+[а-яё-]+\s+(?:режиме|формате)"
    r"|он-?лайн|дистанционно|удал[её]нно|очно"
    r"|по\s+видеосвязи|также|тоже|в\s+он-?лайн-?(?:формате|режиме)"
    # «к работе форума», «к конференции», «в заседании совета»: the event they took part in
    r"|(?:в|к)\s+(?:работе\s+|трансляции\s+|обсуждении\s+)?[а-яё-]+(?:\s+[а-яё-]+){0,2}"
    r"|[,.;:!])\s*)*", re.I)


def people_after(text: str, a: int, b: int) -> int | None:
    """Where who the people were starts after a list of groups: «… из 8 стран: Беларуси, … и
    Латвии, — сотрудники библиотек, архивов …» (the comma and dash); None when nothing does."""
    for m in re.finditer(r",\s*[—–-]\s+([а-яё]+)", text[a:b]):
        if lemma(m.group(1)) in PERSON_LEMMAS:
            return a + m.start()
    return None


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
        if "," in m.group() and after and _fields_listed(before, after[0]):
            continue  # «Института монголоведения, буддологии и тибетологии СО РАН»: one body
        cuts += [m.start(), m.end()]
    cuts.append(end)
    return [part for x, y in zip(cuts[::2], cuts[1::2], strict=False) if y > x
            for part in _same_heads(text, x, y)]


def _fields_listed(before: list[str], nxt: str) -> bool:
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
        last = words(text[a : a + m.start()])[-1:]
        if last and has_pos(last[0][0], {"ADJF"}) and not has_pos(last[0][0], {"NOUN"}):
            continue  # «… историко-архитектурного и художественного музея»: one head's adjectives
        noun = next((w for w, _, _ in after[:6] if not has_pos(w, {"ADJF", "PRTF"})), "")
        if heads and has_pos(after[0][0] if after else "", {"ADJF"}) and lemma(noun) == heads[0]:
            return [(a, a + m.start()), (a + m.end(), b)]
    return [(a, b)]


def is_person(word: str) -> bool:
    """A noun naming people («архитекторы», «урбанисты»), by its lemma or pymorphy's «anim»."""
    ps = [p for p in parses(word) if p.tag.POS == "NOUN"]
    return bool(ps) and (lemma(word) in PERSON_LEMMAS or "anim" in ps[0].tag) and not any(
        "Geox" in p.tag or "Orgn" in p.tag for p in ps)


#: A named place and an unnamed one sharing a head: «Задонского и соседних районов».
_NAMED_AND_UNNAMED = re.compile(r"^[А-ЯЁ][а-яё-]+\s*(?:,|и)\s+(?:[а-яё]+\s+)?[а-яё]+(?:их|ых)\s")


def unnamed_places(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` opens with places that are not all named — «Задонского и соседних
    районов»: people from there are cited as who they are («краеведы Задонского и соседних
    районов»), not as a place."""
    return _NAMED_AND_UNNAMED.match(text[a:b]) is not None
