"""Spelling out what a label leaves implicit, with the registry and the gazetteer.

Resolutions abbreviate what the reader knows from context; a label cited out of context should
not. Three such ellipses are resolved here, for labels of participant cohorts:

- «… Твери и области» — the region of the city just named: the gazetteer knows that Тверь lies in
  Тверская область, so the label becomes «… Твери и Тверской области»;
- an alias of a registry organisation («Союза Центра и Северо-Запада России») becomes its
  registry name in the same case («Союза городов Центра и Северо-Запада России»);
- a bare «республики», «области», «края» ending a group's label («муниципальные районы
  республики») becomes the one region of that kind the text has named before («… Республики
  Коми»): :func:`region_named_before` (since session 13; most readers spell it out).

The source span is not touched: provenance still quotes the words as printed.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .phrases import head_phrase

_CITY_AND_REGION = re.compile(
    r"\b(?P<city>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*) и (?P<region>области|края|республики)\b"
)


def inflect_name(name: str, case: str) -> str:
    """A nominative name with its head noun phrase put into ``case`` («Тверская область» →
    «Тверской области» for ``gent``); the rest of the name is kept as written."""
    phrase, _ = head_phrase(name, "nomn")
    if not phrase:
        return name
    head = phrase[-1][3]
    out, pos = [], 0
    for word, a, b, parse in phrase:
        out.append(name[pos:a])
        grammemes = {case, head.tag.number or "sing"}
        if parse.tag.POS != "NOUN" and head.tag.number != "plur" and head.tag.gender:
            grammemes.add(head.tag.gender)
        form = parse.inflect(grammemes)
        text = form.word if form is not None else word
        out.append(text[:1].upper() + text[1:] if word[:1].isupper() else text)
        pos = b
    out.append(name[pos:])
    return "".join(out)


@cache
def _alias_table() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern of an alias in some case, the registry name in that case), longest first."""
    from resolutions_kg.registry import default_registry

    pairs: dict[str, str] = {}
    for org in default_registry():
        for alias in org.aliases:
            if len(alias.split()) < 2 or alias.lower() in org.name_ru.lower():
                continue
            for case in ("nomn", "gent", "datv", "ablt", "loct"):
                pairs.setdefault(inflect_name(alias, case), inflect_name(org.name_ru, case))
    ordered = sorted(pairs.items(), key=lambda kv: -len(kv[0]))
    return tuple((re.compile(r"(?<!\w)" + re.escape(a) + r"(?!\w)"), n) for a, n in ordered)


def _region_of(city_word: str) -> Any:
    from resolutions_kg.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    place = gazetteer.resolve(city_word)
    if place is None or place.kind != "city":
        return None
    for container in gazetteer.containers(place):
        if container.kind == "region":
            return container
    return None


def expand(label: str) -> str:
    """``label`` with the ellipses above spelled out (unchanged when nothing applies)."""

    def region(m: re.Match[str]) -> str:
        found = _region_of(m.group("city"))
        if found is None:
            return m.group(0)
        # «области», «края», «республики»: the genitive the enumeration is in
        return f"{m.group('city')} и {inflect_name(found.name_ru, 'gent')}"

    label = _CITY_AND_REGION.sub(region, label)
    for pattern, name in _alias_table():
        label = pattern.sub(name, label)
    return label


#: «Новгородской, Псковской и Тверской областей»: adjectives sharing one plural head.
_REGION_LIST = re.compile(
    r"(?P<adjs>[А-ЯЁ][а-яё-]+(?:,\s*[А-ЯЁ][а-яё-]+)*(?:\s+и\s+[А-ЯЁ][а-яё-]+)?)\s+"
    r"(?P<head>областей|областях|областям|краёв|краев)\b"
)
_HEAD_NOMINATIVE = {"областей": "область", "областях": "область", "областям": "область",
                    "краёв": "край", "краев": "край"}


def _listed_regions(label: str) -> list[str]:
    from resolutions_kg.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    out = []
    for m in _REGION_LIST.finditer(label):
        head = _HEAD_NOMINATIVE.get(m.group("head"))
        if head is None:
            continue
        for adjective in re.split(r",\s*|\s+и\s+", m.group("adjs")):
            place = gazetteer.resolve(f"{adjective} {head}") or gazetteer.resolve(
                inflect_name(f"{adjective} {head}", "nomn"))
            if place is not None:
                out.append(place.name_ru)
    return out


def implied_regions(label: str) -> tuple[str, ...]:
    """Nominative names of the regions ``label`` names only implicitly: «<city> и области»,
    or adjectives sharing one plural head («Новгородской, Псковской и Тверской областей»)."""
    found = (_region_of(m.group("city")) for m in _CITY_AND_REGION.finditer(label))
    names = [place.name_ru for place in found if place is not None]
    return tuple(dict.fromkeys([*names, *_listed_regions(label)]))


def is_region_adjective(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` is followed by a region noun («Тверской области»)."""
    return re.match(r"\s+(?:област|кра[её]|район|республик)", text[end:]) is not None


_ADJ = r"[А-ЯЁ][а-яё]*(?:-[А-ЯЁа-яё][а-яё]*)*"  # («Восточно-Казахстанской», «Ханты-Мансийского»)
#: A region named in full, in any case: «Республики Коми», «Чувашской Республике», «Тамбовская
#: область», «Красноярского края» (kind, and the words that name it).
_FULL_REGION = re.compile(
    r"(?P<republic>Республик[аиеуой]\s+(?:[А-ЯЁ][а-яё]+)(?:\s+Эл|\s+\([А-ЯЁ][а-яё]+\)"
    r"|\s+Осетия\s+[–—-]\s+Алания)?"  # («Республики Северная Осетия – Алания»)
    r"|" + _ADJ + r"(?:ой|ая|ую)\s+Республик[аиеуой])"
    r"|(?P<oblast>" + _ADJ + r"(?:ой|ая|ую)\s+област(?:ь|и|ью))"
    r"|(?P<krai>" + _ADJ + r"(?:ий|ого|ому|им|ом)\s+кра(?:й|я|ю|ем|е))(?![а-яё])")
_BARE_REGION = re.compile(r"\s(?P<kind>республики|области|края)$")


def region_named_before(text: str, pos: int, label: str) -> str:
    """``label`` ending in a bare «республики», «области» or «края» («муниципальные районы
    республики») with the region spelled out, when the text before ``pos`` names exactly one
    region of that kind in full («… Республики Коми …»); else ``label`` unchanged."""
    bare = _BARE_REGION.search(label)
    before = label[: bare.start()].split() if bare else []
    if bare is None or not before or not before[-1][:1].islower():
        return label  # («… Пермского края»: named already)
    group = {"республики": "republic", "области": "oblast", "края": "krai"}[bare.group("kind")]
    named = {m.group(group) if m.group(group).endswith(("области", "края", "Республики"))
             else inflect_name(_nominative_region(m.group(group)), "gent")  # (genitive as written)
             for m in _FULL_REGION.finditer(text, 0, pos) if m.group(group)}
    return label[: bare.start()] + " " + named.pop() if len(named) == 1 else label


def _nominative_region(name: str) -> str:
    phrase, _ = head_phrase(name)
    if not phrase:
        return name
    from .phrases import nominative

    return nominative(name, None, keep_capital=True)

