"""Settlements by recognition: a name in any case, hyphenated or of several words, with or without
«г.», is matched against the list of settlement names (``settlements.tsv``, from GeoNames; see
``scripts/build_settlements.py`` for its provenance and licence) and the gazetteer's names.

    find_settlements(text, a, b)   every settlement named in ``text[a:b]``, as :class:`Found`

«в Ростове-на-Дону» → «Ростов-на-Дону», «Великих Луках» → «Великие Луки», «Ханты-Мансийске» →
«Ханты-Мансийск», «г. Нягань» → «Нягань» (after «г.» a name need not be in the list).
"""

from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .places import REGION_NAMED, country
from .russian import CYRILLIC_WORD, has_pos, parses, place_nominative

#: A settlement's kind before its name, in any case: «г.», «города», «пгт», «селе», «посёлка» …
SETTLEMENT_KIND = re.compile(
    r"(?<![А-Яа-яЁё])(?:г\.|гор\.|город[аеуо]?м?|пос\.|пгт\.?|с\.|ст\.|дер\.|п\.|ст-ца|"
    r"станиц[аеыу]|сел[оаеу]|деревн[яеию]|посёл(?:ок|ке|ка)|посел(?:ок|ке|ка)|"
    r"рабоч(?:ий|ем|его)\s+посёл(?:ок|ке|ка))[ \t\u00a0]*",
    re.I)
#: «г.», «пгт», «станица» … right before a name.
_PREFIX_BEFORE = re.compile(SETTLEMENT_KIND.pattern + "$", re.I)
#: «в », «в г. », «в селе », «во » … right before a name: where something is (or happens).
IN_SETTLEMENT = re.compile(r"(?:^|\s)(?:в|во)\s+(?:" + SETTLEMENT_KIND.pattern + ")?$", re.I)
#: Words that start with a capital but are never (part of) a place name in a header.
_NOT_PLACES = frozenset(
    "Резолюция Конференция Семинар Форум Принята Приняты Программа Участники Совещание Россия "
    "Российская Федерация Министерство Библиотека Администрация Союз Центр Республика Область "
    "Край Округ Новости Главная Адрес Тел".split())


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    #: The nominative name: «Ростов-на-Дону».
    name: str
    #: True when the name is in the settlement list or the gazetteer (not only after «г.»).
    known: bool
    #: True when «г.», «город», «пос.» … stands before it.
    marked: bool
    #: GeoNames ID from the settlement list, if any.
    geonames: int | None = None


@cache
def _rows() -> list[dict[str, str]]:
    ref = resources.files(__package__).joinpath("settlements.tsv")
    with ref.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@cache
def settlements() -> dict[str, int]:
    """Nominative settlement name → GeoNames ID (from ``settlements.tsv``)."""
    return {r["name"].replace("ё", "е"): int(r["geonames"]) for r in _rows()}


@cache
def _coordinates() -> dict[int, tuple[float, float]]:
    return {int(r["geonames"]): (float(r["latitude"]), float(r["longitude"])) for r in _rows()}


def coordinates(geonames: int) -> tuple[float, float] | None:
    """WGS 84 latitude and longitude of a settlement in the list, by its GeoNames ID."""
    return _coordinates().get(geonames)


@lru_cache(maxsize=32768)
def _forms(word: str) -> tuple[str, ...]:
    """Nominative candidates of one word of a place name (itself first)."""
    out = [word]
    if not CYRILLIC_WORD.search(word):
        return tuple(out)
    for p in parses(word):
        if p.tag.POS not in ("NOUN", "ADJF") or p.tag.case is None:
            continue
        grammemes = {"nomn", p.tag.number or "sing"}
        if p.tag.POS == "ADJF" and p.tag.number != "plur" and p.tag.gender:
            grammemes.add(p.tag.gender)
        form = p.inflect(grammemes)
        if form is None:
            continue
        w = form.word
        w = w[:1].upper() + w[1:] if word[:1].isupper() else w
        if w not in out:
            out.append(w)
    low = word.lower()
    for ending, replacements in _ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 1:
            for r in replacements:
                w = word[: len(word) - len(ending)] + r
                if w not in out:
                    out.append(w)
    return tuple(out[:12])


#: Case endings of names pymorphy3 does not know («Йошкар-Оле» → «Ола», «Нягани» → «Нягань»).
_ENDINGS = (("ью", ("ь",)), ("ой", ("а", "ая")), ("ом", ("",)), ("ем", ("ь", "")),
            ("е", ("а", "я", "ь", "")), ("и", ("ь", "а", "я")), ("у", ("а", "")),
            ("ы", ("а",)), ("ю", ("ь", "я")), ("а", ("",)), ("я", ("ь",)))


@lru_cache(maxsize=32768)
def _word_forms(word: str) -> tuple[str, ...]:
    """Nominative candidates of a hyphenated word («Ростове-на-Дону», «Йошкар-Оле»)."""
    if "-на-" in word:
        head, _, tail = word.partition("-на-")
        return tuple(f + "-на-" + tail for f in _forms(head))
    parts = word.split("-")
    if len(parts) == 1:
        return _forms(word)
    combos = itertools.product(*[_forms(p) for p in parts])
    return tuple("-".join(c) for c in itertools.islice(combos, 48))


def nominative_place(phrase: str) -> tuple[str, bool]:
    """The listed nominative name of ``phrase`` (words in any case) and whether it is listed."""
    names = settlements()
    words = phrase.split()
    if len(words) > 3:
        return phrase, False
    listed = [" ".join(combo) for combo in itertools.islice(
        itertools.product(*[_word_forms(w) for w in words]), 64)
        if " ".join(combo).replace("ё", "е") in names]
    if not listed:
        return phrase, False
    # GeoNames lists some oblique forms as alternate names of the same place («Чебоксар»,
    # «Иванов» beside «Чебоксары», «Иваново»): of the names of one place, the nominative
    first = names[listed[0].replace("ё", "е")]
    same = [c for c in listed if names[c.replace("ё", "е")] == first]
    name = max(same, key=lambda c: sum(
        any(p.tag.case == "nomn" and "Geox" in p.tag for p in parses(w)[:3])
        for w in c.split()))
    k = name.find("ё")
    if k > 0 and phrase[:k] == name[:k] and phrase[k : k + 1] == "е":
        name = name.replace("ё", "е")  # «Риддера» → «Риддер», as the writer spells it
    return name, True


_CAPITALISED = re.compile(r"(?<![А-Яа-яЁё\-])[А-ЯЁ][а-яё]+(?:(?:-на-|-)[А-ЯЁ][а-яё]+)*(?![а-яё])")


#: A street, an avenue, a square right before a name: «ул. Ленина», «проспект Мира».
_STREET_BEFORE = re.compile(r"(?<![а-яё])(?:ул\.|улиц[аеыу]|пр\.|пр-т|проспект[ае]?|пер\.|"
                            r"переул(?:ок|ке)|пл\.|площад[ьи]|бульвар[ае]?|б-р|наб\.|"
                            r"набережн(?:ая|ой))\s*$", re.I)
#: What ends right before a person a body is named after: «имени В. И. », «им. ».
_NAMED_AFTER = re.compile(r"(?<![а-яё])(?:имени|им\.)\s+(?:[А-ЯЁ]\.\s*){0,2}$")


def find_settlements(text: str, a: int, b: int) -> list[Found]:
    """Settlements named in ``text[a:b]``, in order: listed names, and any name after «г.»."""
    out: list[Found] = []
    names = settlements()
    toks = list(_CAPITALISED.finditer(text, a, b))
    taken = a
    for i, m in enumerate(toks):
        if m.start() < taken:
            continue
        window = text[max(a, m.start() - 24) : m.start()]
        prefix = _PREFIX_BEFORE.search(window)
        # «О. С. Мальцева»: a capital letter and a point after an initial is an initial too
        marked = prefix is not None and not (
            re.fullmatch(r"[А-ЯЁ]\.[ \t\u00a0]*", prefix.group())
            and re.search(r"(?<![А-Яа-яЁё])[А-ЯЁ]\.[ \t\u00a0]*$", window[: prefix.start()]))
        if _NAMED_AFTER.search(window) or _STREET_BEFORE.search(window):
            continue  # «библиотека имени В. И. Ленина», «ул. Ленина, 60»: not a place
        run = [m]
        for nxt in toks[i + 1 : i + 3]:
            if text[run[-1].end() : nxt.start()] not in (" ", "\u00a0"):
                break
            run.append(nxt)
        # the longest run of words that is a listed name, else (after «г.») the first word
        for n in range(len(run), 0, -1):
            phrase = " ".join(t.group() for t in run[:n])
            if n == 1 and phrase in _NOT_PLACES and not marked:
                break
            name, known = nominative_place(phrase)
            if known and not marked and n == 1 and _adjective_before_noun(text, run[0], b):
                break  # «в Полоцком историко-культурном музее»: the town's adjective, not it
            if known or (marked and (n == 1 or n == 2 and _adjective_and_noun(
                    run[0].group(), run[1].group()))):  # («с. Тарногский Городок»)
                if not known:  # (two words after «с.» are in the nominative already)
                    name = place_nominative(phrase) if n == 1 else phrase
                geo = names.get(name.replace("ё", "е")) or None
                out.append(Found(m.start(), run[n - 1].end(), name, known, marked, geo))
                taken = run[n - 1].end()
                break
    return sorted(out + _named_in_capitals(text, a, b, out), key=lambda f: f.start)


def _adjective_and_noun(first: str, second: str) -> bool:
    """«Тарногский Городок», «Красная Поляна»: an adjective and a noun in the nominative, one
    settlement's name after «с.», «пос.» (not «Шушенское Красноярского края»)."""
    return has_pos(first, {"ADJF"}, "nomn") and has_pos(second, {"NOUN"}, "nomn") and not (
        has_pos(second, {"ADJF"}))


#: A word in capitals: «МИНУСИНСК», «УСТЬ-КАМЕНОГОРСК».
_CAPITALS = re.compile(r"(?<![А-Яа-яЁё-])[А-ЯЁ]{3,}(?:-[А-ЯЁ]{2,})*(?![А-Яа-яЁё-])")


def _named_in_capitals(text: str, a: int, b: int, found: list[Found]) -> list[Found]:
    """Listed settlements written in capitals on a short line of capitals of their own
    («МИНУСИНСК» over the date), not inside a heading's words."""
    out = []
    for m in _CAPITALS.finditer(text, a, b):
        line = text[text.rfind("\n", 0, m.start()) + 1 : (text.find("\n", m.end()) + 1 or
                                                        len(text) + 1) - 1]
        if len(line.split()) > 3 or any(c.islower() for c in line) or any(
                f.start <= m.start() < f.end for f in found):
            continue
        name, known = nominative_place("-".join(p.capitalize() for p in m.group().split("-")))
        if known:
            out.append(Found(m.start(), m.end(), name, True, False,
                             settlements().get(name.replace("ё", "е")) or None))
    return out


def _adjective_before_noun(text: str, word: re.Match[str], end: int) -> bool:
    """«Полоцком» before «историко-культурном музее»: an adjective that agrees with the small
    word after it, as a town's name does not."""
    after = re.match(r"\s+([а-яё][а-яё-]*)", text[word.end() : end])
    if after is None:
        return False
    mine = [p for p in parses(word.group()) if p.tag.POS == "ADJF"]
    theirs = parses(after.group(1))
    return any(p.tag.case == q.tag.case and q.tag.POS in ("ADJF", "NOUN", "PRTF")
               for p in mine for q in theirs[:2])


#: Heads of names that go on with the city they are in: «Российский центр науки и культуры в
#: Дамаске», «Представительство Россотрудничества в Минске».
SITED_HEADS = frozenset("центр бюро представительство посольство консульство отделение филиал дом "
                        "институт архив".split())
#: («Государственный архив в г. Шадринске», «… в городе Тобольске»: the town's kind too)
_IN = re.compile(r"[ \t\u00a0]+(?:в|во)[ \t\u00a0]+(?:(?:г\.|городе)[ \t\u00a0]*)?")


def sited_end(text: str, pos: int, end: int) -> int | None:
    """Where «в <settlement>» that starts at ``pos`` ends, if it does, else None."""
    m = _IN.match(text, pos, end)
    if m is None:
        return None
    found = find_settlements(text, m.end(), min(end, m.end() + 40))
    if found and found[0].start == m.end() and found[0].known:
        return found[0].end
    # «Представительство Россотрудничества в Республике Таджикистан»: a country
    country_words = list(re.finditer(r"[А-ЯЁ][А-ЯЁа-яё]+", text[m.end() : min(end, m.end() + 40)]))
    for n in (3, 2, 1):
        taken = country_words[:n]
        if len(taken) < n or any(text[m.end() + w.start() - 1] not in " \t\u00a0"
                                 for w in taken[1:]):
            continue
        stop = m.end() + taken[-1].end()
        if taken[0].start() == 0 and country(place_nominative(text[m.end() : stop])):
            return stop
    return None


def only_places(text: str) -> bool:
    """``text`` (a bracket's content) names only where a body is: «г. Даугавпилс, Латвия»,
    «Белосток, Польша», «Литва»."""
    parts = [p.strip(" .") for p in text.split(",")]
    for part in parts:
        bare = re.sub(r"^(?:г|гор|город)\.?\s*", "", part)
        if country(bare) is not None or REGION_NAMED.fullmatch(bare):
            continue  # («Муромская ЦБС (Владимирская область)»)
        found = find_settlements(bare, 0, len(bare))
        if len(found) != 1 or found[0].start > 0 or found[0].end < len(bare):
            return False
    return bool(parts)
