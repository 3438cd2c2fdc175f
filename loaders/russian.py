"""Russian morphology: the analyzer (loaded once), tokens, lemmas, inflection and place names in
the nominative. Noun phrases (agreement, the nominative of a whole phrase) are :mod:`.phrases`,
over the yargy grammar of :mod:`.grammar`.
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
    if form is not None and {"nomn", "plur"} <= form.tag.grammemes and {"NOUN", "anim",
                                                                     "masc"} <= form.tag.grammemes:
        # «учителя», «директора» (pymorphy lists «учители» first): the form of today's usage
        form = next((f for f in parse.lexeme if f.tag == form.tag and f.word[-1] in "ая"), form)
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
    # a fleeting vowel before the suffix: «кинешемский» of «Кинешма», «ельцовский» of «Ельцы»
    stems = [stem, stem[:-2] + stem[-1]] if len(stem) > 3 and stem[-2] in "еоё" else [stem]
    for root in stems:
        for ending in ("", "ь", "а", "я", "ия", "и", "к", "ка", "ск", "о", "ы"):
            candidate = root + ending
            if candidate[:1].upper() + candidate[1:] in names or any(
                    "Geox" in p.tag and _in_dictionary(p) for p in parses(candidate)[:3]):
                return True
    return False


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
