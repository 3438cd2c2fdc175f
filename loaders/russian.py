"""Russian morphology: the analyzer (loaded once), tokens, lemmas and the nominative case.

:func:`nominative` inflects the head noun phrase of a name (the adjectives before the head noun
and the head noun itself) to the nominative and keeps the genitive tail unchanged:
«Липецкой областной универсальной научной библиотекой» → «Липецкая областная универсальная
научная библиотека», «исполнительной дирекцией Союза городов …» → «исполнительная дирекция Союза
городов …». A common-noun head is lower-cased as a reader cites it («администрация города
Твери»); proper names keep their capital («Министерство культуры …», «Российская библиотечная
ассоциация», «… библиотека имени …»).
"""

from __future__ import annotations

import os
import re
from functools import cache, lru_cache
from typing import Any, cast

import pymorphy3

WORD = re.compile(r"[А-Яа-яЁёA-Za-z0-9]+(?:-[А-Яа-яЁёA-Za-z0-9]+)*"
                  r"(?:-[ \t]*\n[ \t]*[а-яё]+(?:-[а-яё]+)*)?")
#: A word broken at the end of a line («библио-\nтека», as text copied from a PDF has it).
BROKEN = re.compile(r"(?<=[А-Яа-яЁё])-[ \t]*\n[ \t]*(?=[а-яё])")
CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]")

#: Heads that begin the proper name of a unique body, so keep their capital.
UNIQUE_HEADS = frozenset(
    "министерство правительство дума совет собрание палата агентство служба комитет "
    "ассоциация союз фонд академия федерация".split()
)
#: Adjectives in -ский that are common words, not derived from a proper name.
COMMON_SK = frozenset(
    "городской сельский детский юношеский женский мужской президентский поселковый "
    "общественный районный областной краевой".split()
)


@cache
def morph() -> pymorphy3.MorphAnalyzer:
    """The morphological analyzer, loaded once per process."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def parses(word: str) -> tuple[Any, ...]:
    return tuple(morph().parse(word))


def words(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Words of ``text`` with their offsets (shifted by ``offset``)."""
    return [(BROKEN.sub("", m.group()), m.start() + offset, m.end() + offset)
            for m in WORD.finditer(text)]


def lemma(word: str) -> str:
    """The dictionary form of the most likely parse, lower case, «ё» as «е»."""
    p = parses(word)
    return (p[0].normal_form if p else word.lower()).replace("ё", "е")


def is_infinitive(word: str) -> bool:
    low = word.lower()
    if not re.search(r"(ть|ться|ти|тись|чь|чься)$", low):
        return False
    return any(p.tag.POS == "INFN" and p.score >= 0.2 for p in parses(word))


def infinitive_lemma(word: str) -> str:
    for p in parses(word):
        if p.tag.POS == "INFN":
            return cast(str, p.normal_form).replace("ё", "е")
    return word.lower()


def has_pos(word: str, pos: str | set[str], case: str | None = None) -> bool:
    wanted = {pos} if isinstance(pos, str) else pos
    return any(
        p.tag.POS in wanted and (case is None or p.tag.case == case) for p in parses(word)
    )


def _match_case(source: str, word: str) -> str:
    if source.isupper() and len(source) > 1:
        return word.upper()
    if source[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in word.split("-")) if all(
            part[:1].isupper() for part in source.split("-")
        ) else word[:1].upper() + word[1:]
    return word


def _inflect(word: str, parse: Any, grammemes: set[str]) -> str:
    form = parse.inflect(grammemes)
    if form is None:
        form = parse.inflect({"nomn"})
    if form is not None and "Supr" in parse.tag:
        # pymorphy files «высших» under «высокий», whose lexeme holds «высочайшие» and «высшие»:
        # the form of the word's own stem
        same = [f for f in parse.lexeme if grammemes in f.tag and "Supr" in f.tag]
        form = max(same, default=form, key=lambda f: len(os.path.commonprefix(
            [f.word, word.lower()])))
    text = form.word if form is not None else word.lower()
    if "ё" not in word.lower():
        text = text.replace("ё", "е")
    return _match_case(word, text)


def _in_dictionary(parse: Any) -> bool:
    """The parse comes from the dictionary, not guessed from the word's ending."""
    return type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


@lru_cache(maxsize=4096)
def _is_proper_adjective(base: str) -> bool:
    """An adjective made of a place's name («тверской», «липецкий», «российский», «ошский»), so
    written with a capital in a name; «вузовский», «городской» are not."""
    base = base.replace("ё", "е")
    if base in COMMON_SK or base.endswith("ческий"):
        return False
    m = re.search(r"(?:(?<=ц)к|ск)(?:ий|ой)$", base)
    if m is None:
        return False
    stem = base[: m.start()]
    from .settlements import settlements

    names = settlements()
    for ending in ("", "ь", "а", "я", "ия", "и", "к", "ка", "ск", "о", "ы"):
        candidate = stem + ending
        if candidate[:1].upper() + candidate[1:] in names or any(
                "Geox" in p.tag and _in_dictionary(p) for p in parses(candidate)[:3]):
            return True
    return False


def head_phrase(text: str, case: str | None = None) -> tuple[list[tuple[str, int, int, Any]], str]:
    """The adjectives and head noun opening ``text`` with their chosen parses, and the case."""
    toks = words(text)
    chosen: list[tuple[str, int, int, Any]] = []
    for i, (w, a, b) in enumerate(toks):
        gap = text[toks[i - 1][2]:a].strip() if i else ""
        listed = (gap == "," and chosen
                  and all(p.tag.POS in ("ADJF", "PRTF") for p in chosen[-1][3])
                  and has_pos(w, {"ADJF", "PRTF"}, chosen[-1][3][0].tag.case))
        if gap and not (gap in ("(", ")") and chosen) and not listed:  # punctuation ends the
            break  # phrase, but not «Северный (Арктический) …», «научных, образовательных …»
        if (w.lower() == "и" and chosen and i + 1 < len(toks)
                and all(p.tag.POS in ("ADJF", "PRTF") for p in chosen[-1][3])
                and has_pos(toks[i + 1][0], {"ADJF", "PRTF"}, chosen[-1][3][0].tag.case)):
            continue  # «литературным и историко-архитектурным музеем»: adjectives joined by «и»
        if not CYRILLIC_WORD.search(w):
            break
        ps = sorted((p for p in parses(w) if case is None or p.tag.case == case),
                    key=lambda p: "Qual" in p.tag)  # «окружным» → «окружной»
        nouns = [p for p in ps if p.tag.POS == "NOUN"]
        adjs = [p for p in ps if p.tag.POS in ("ADJF", "PRTF")]
        nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
        if adjs and (not nouns or (nxt and has_pos(nxt, {"NOUN", "ADJF", "PRTF"},
                                                    adjs[0].tag.case))):
            chosen.append((w, a, b, adjs))
            continue

        if nouns:
            chosen.append((w, a, b, nouns))
        break
    if not chosen or not any(p.tag.POS == "NOUN" for p in chosen[-1][3]):
        return [], case or ""
    head_parses = chosen[-1][3]
    # the case and number the adjectives agree on with the head
    for hp in head_parses:
        ok = all(
            any(p.tag.case == hp.tag.case and p.tag.number == hp.tag.number
                and (hp.tag.number == "plur" or p.tag.gender in (None, hp.tag.gender))
                for p in adj_parses)
            for _, _, _, adj_parses in chosen[:-1]
        )
        if ok:
            result = []
            for w, a, b, adj_parses in chosen[:-1]:
                agree = [p for p in adj_parses if p.tag.case == hp.tag.case
                         and p.tag.number == hp.tag.number]
                result.append((w, a, b, agree[0]))
            result.append((chosen[-1][0], chosen[-1][1], chosen[-1][2], hp))
            return result, hp.tag.case
    return [], case or ""


def nominative(text: str, case: str | None = None, *, keep_capital: bool | None = None,
               plural: bool = False) -> str:
    """``text`` with its head noun phrase in the nominative, as a reader would cite it.

    ``plural`` puts it in the plural too (a phrase counted by a number: «6 регионов»).
    """
    text = " ".join(text.split())
    phrase, found_case = head_phrase(text, case)
    if not phrase:
        return text
    out, pos = [], 0
    head = phrase[-1][3]
    number = "plur" if plural else (head.tag.number or "sing")
    for w, a, b, p in [*phrase, *_conjunct(text, phrase, case and found_case, number)]:
        out.append(text[pos:a])
        head_of_word = p if p.tag.POS == "NOUN" else head
        grammemes = {"nomn", number}
        if p.tag.POS == "NOUN":
            fixed_number = "Sgtm" in p.tag or "Pltm" in p.tag
            grammemes = {"nomn"} if fixed_number else {"nomn", number}
        elif number == "sing" and head_of_word.tag.gender:
            grammemes.add(head_of_word.tag.gender)
        out.append(_inflect(w, p, grammemes))
        pos = b
    out.append(text[pos:])
    result = "".join(out)
    first = phrase[0]
    if keep_capital is None:
        keep_capital = _keeps_capital(text, phrase)
    if not keep_capital and first[0][:1].isupper() and not first[0].isupper():
        result = result[:1].lower() + result[1:]
    return result


def _conjunct(text: str, phrase: list[tuple[str, int, int, Any]], case: str | None,
              number: str) -> list[tuple[str, int, int, Any]]:
    """The noun phrase joined to ``phrase`` by «и» in the same known ``case`` and number, which
    goes into the nominative with it: «муниципальных районов и городских округов» → «…
    районы и городские округа». Only for a case the caller knows (a counted group is in the
    genitive), so «библиотеки Твери и Тверской области» keeps its dependent genitive."""
    end = phrase[-1][2]
    joined = re.match(r" и ", text[end:])
    if not case or joined is None:
        return []
    start = end + joined.end()
    second, second_case = head_phrase(text[start:], case)
    if not second or second_case != case or second[-1][3].tag.number != phrase[-1][3].tag.number:
        return []
    return [(w, a + start, b + start, p) for w, a, b, p in second]


def _keeps_capital(text: str, phrase: list[tuple[str, int, int, Any]]) -> bool:
    first_word, _, _, first_parse = phrase[0]
    head_lemma = phrase[-1][3].normal_form
    if first_word.isupper():
        return True
    if first_parse.tag.POS in ("ADJF", "PRTF") and _is_proper_adjective(
        first_parse.normal_form
    ):
        return True
    head_tag = phrase[-1][3].tag
    if head_tag.number == "plur" and "Pltm" not in head_tag and "Geox" not in head_tag:
        return False  # «Министерствам культуры стран …»: a kind of body, not one's name
    if len(phrase) == 1 and head_lemma in UNIQUE_HEADS:
        return True
    if phrase[0][3].tag.POS == "NOUN" and head_lemma in UNIQUE_HEADS:
        return True
    if re.search(r"\bимени\b|«", text):
        return True
    return any(t in first_parse.tag for t in ("Geox", "Name", "Surn", "Orgn"))


def place_nominative(text: str) -> str:
    """A place name in the nominative: «Твери» → «Тверь», «Великом Новгороде» → …"""
    text = " ".join(text.split())
    text = re.sub(r"^(?:г\.|гор\.|город[аеуо]?м?)\s*", "", text)
    out = []
    toks = words(text)
    gender = None
    for w, _, _ in toks:
        ps = parses(w.partition("-на-")[0])
        if ps and ps[0].tag.POS == "NOUN" and w[:1].isupper():
            gender = ps[0].tag.gender
    for w, a, b in toks:
        head, sep, rest = w.partition("-на-")
        target = head if sep else w
        found = [p for p in parses(target) if p.tag.POS in ("NOUN", "ADJF") and p.tag.case]
        geo = [p for p in found if "Geox" in p.tag] or found
        if (w, a, b) != toks[-1]:
            adjs = [p for p in found if p.tag.POS == "ADJF"]
            geo = [p for p in adjs if p.tag.gender == gender] or adjs or geo
        if geo and CYRILLIC_WORD.search(target):
            p = geo[0]
            grammemes = {"nomn", p.tag.number or "sing"}
            if p.tag.POS == "ADJF" and (gender or p.tag.gender) and p.tag.number != "plur":
                grammemes.add(gender or p.tag.gender)
            target = _inflect(target, p, grammemes)
            target = target[:1].upper() + target[1:] if w[:1].isupper() else target
        out.append((a, b, target + sep + rest if sep else target))
    result, pos = [], 0
    for a, b, new in out:
        result.append(text[pos:a])
        result.append(new)
        pos = b
    result.append(text[pos:])
    return "".join(result)


_UNITS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
    "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "тысяча": 1000, "полтора": 1, "полсотни": 50, "сотня": 100, "десяток": 10,
}


def number_word(word: str) -> int | None:
    """The value of one Russian number word in any case («ста» → 100), else None."""
    low = word.lower().replace("ё", "е")
    if low in _UNITS:
        return _UNITS[low]
    for p in parses(low):
        if p.tag.POS in ("NUMR", "NOUN") and p.normal_form in _UNITS:
            if p.tag.POS == "NOUN" and p.normal_form not in ("тысяча", "сотня", "десяток"):
                continue
            return _UNITS[p.normal_form]
    return None


def number_words(sequence: list[str]) -> int | None:
    """The value of consecutive number words («двести двадцать пять» → 225)."""
    total, current, seen = 0, 0, False
    half_more = False  # «полутора сотен» = 150
    for w in sequence:
        if w.lower() in ("полтора", "полторы", "полутора"):
            half_more, seen = True, True
            continue
        value = number_word(w)
        if value is None:
            break
        seen = True
        if half_more:
            current += value + value // 2
            half_more = False
            continue
        if value == 1000:
            total += (current or 1) * 1000
            current = 0
        else:
            current += value
    return total + current if seen else None
