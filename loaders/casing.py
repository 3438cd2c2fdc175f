"""A name's first letter as its writer writes it inside a sentence.

Where a name stands decides its first letter as often as the writer does: a heading, a list item
or a sentence opens with a capital, and a heading in capitals says nothing either. The writer's
own choice shows where the name stands inside a sentence («организован департаментом культуры
…», «совместно с Архивным управлением …»). When every such mention of a name in the document
agrees, its labels (organisers, addressees, the organisations they name) take that first letter;
when none is found or they disagree, the label stays as the loader read it. A name printed in
capitals is read as it is written otherwise (:func:`restore_case`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import TypeVar

from resolutions_kg.records import Addressee, OrganisationMention, Resolution, Spanned

from .blocks import continues_line
from .russian import _is_proper_adjective, lemma, parses

T = TypeVar("T")

#: Heads cited in lower case wherever the name stands («Управлению культуры …:» opening a
#: heading → «управление культуры …»), unless a mention inside a sentence writes the capital
#: (:func:`as_written`). The one table of them, for addressees and organisations alike.
LOWER_HEADS = frozenset(
    "управление администрация мэрия дирекция отдел сектор орган оргкомитет".split())
#: Of those, the heads cited in lower case even where a writer capitalises them inside a
#: sentence: a city's administration is a common noun («администрация города Твери», as
#: ../shared/corpus and the labellers cite it), an «Управление культуры …» a body's name.
ALWAYS_LOWER = frozenset({"администрация", "мэрия"})


def lower_head(head: str, name: str) -> bool:
    """Whether a name with ``head`` is cited in lower case: a head of :data:`LOWER_HEADS`, or a
    committee that is a unit of an administration or a government («комитет по культуре
    администрации города Тобольска»; but «Комитет по делам архивов Вологодской области»)."""
    return head in LOWER_HEADS or head == "комитет" and re.search(
        r"(?<![а-яё])(?:администрации|правительства)(?![а-яё])|^организационн", name,
        re.I) is not None  # («организационный комитет конференции»: an оргкомитет)


def _stem(word: str) -> str:
    """The word without its ending, as a pattern whose first letter is of either case."""
    stem = word[: max(3, len(word) - 2)].lower()
    return rf"(?i:{re.escape(stem[:1])}){re.escape(stem[1:])}"


def written_first_letter(text: str, label: str) -> str | None:
    """«upper» or «lower»: how every mention of ``label`` inside a sentence of ``text`` writes
    its first letter; None when there is no such mention or they disagree."""
    words = label.split()
    if len(words) < 2 or not words[0][:1].isalpha() or words[0].isupper() and len(words[0]) > 1:
        return None
    first, second = _stem(words[0]), _stem(words[1])
    # the second word as written, whatever its first letter («Управление Алтайского края»)
    pattern = re.compile(rf"(?<![\w-]){first}\w*[ \t\n]+{second}\w*")
    number = _number(words[0], "nomn")
    seen: set[str] = set()
    for m in pattern.finditer(text):
        if m.group()[:2].isupper() or not _inside_sentence(text, m.start()):
            continue
        said = _number(m.group().split()[0])
        if number is not None and said != number and (said is not None or number == "plur"):
            # «Национальной библиотеки Беларуси» is not «национальные библиотеки»; nor is
            # «при поддержке Министерства культуры …» «министерства культуры стран …»
            continue
        seen.add("upper" if m.group()[:1].isupper() else "lower")
    return seen.pop() if len(seen) == 1 else None


def _number(word: str, case: str | None = None) -> str | None:
    """«sing» or «plur» when every reading of ``word`` (in ``case``) agrees."""
    numbers = {p.tag.number for p in parses(word)
               if p.tag.number and (case is None or p.tag.case == case)}
    return numbers.pop() if len(numbers) == 1 else None


def _inside_sentence(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] in " \t*_(":
        i -= 1
    if i == 0 or text[i - 1] in "«\"„“":
        return False  # a title in quotes, or the text's start
    if text[i - 1] == "\n":
        return continues_line(text, start)
    if text[i - 1] in "—–-":  # a dash inside a sentence, not a list item's marker
        return bool(text[text.rfind("\n", 0, i - 1) + 1 : i - 1].strip())
    return text[i - 1].isalnum() or text[i - 1] in ",:"


def _recased(label: str, case: str | None) -> str:
    if case == "upper":
        return label[:1].upper() + label[1:]
    if case == "lower":
        return label[:1].lower() + label[1:]
    return label


def as_written(resolution: Resolution) -> Resolution:
    """``resolution`` with its organisations' and addressees' first letters as written."""
    text = resolution.source.text
    cache: dict[str, str] = {}

    def name(label: str) -> str:
        if label not in cache:
            common = label[:1].islower() and lemma(label.split(" ", 1)[0]) in ALWAYS_LOWER
            cache[label] = label if common else _recased(label, written_first_letter(text, label))
        return cache[label]

    def mention(org: OrganisationMention) -> OrganisationMention:
        value = name(org.name.value)
        if value == org.name.value:
            return org
        return dataclasses.replace(org, name=Spanned(value, org.name.span, org.name.certainty))

    def addressee(addr: Addressee | None) -> Addressee | None:
        if addr is None:
            return None
        org = mention(addr.organisation) if addr.organisation is not None else None
        return dataclasses.replace(addr, label=name(addr.label), organisation=org)

    def each(items: tuple[T, ...], change: Callable[[T], T]) -> tuple[T, ...]:
        return tuple(change(item) for item in items)

    event = dataclasses.replace(resolution.event,
                                organisers=each(resolution.event.organisers, mention))
    return dataclasses.replace(
        resolution, event=event,
        recommendations=each(resolution.recommendations,
                             lambda r: dataclasses.replace(r, addressee=addressee(r.addressee))),
        proposals=each(resolution.proposals,
                       lambda p: dataclasses.replace(p, addressee=addressee(p.addressee))))


#: Abbreviations kept in capitals when a heading in capitals is cited.
ABBREVIATIONS = frozenset("РФ СНГ РБА ЕАЭС ЮНЕСКО ИФЛА РГБ РНБ ЦБС МБУК ГБУК МУК ОУНБ".split())


#: Adjectives before «округ», «область» … that name a kind, not a region.
_GENERIC_ADJECTIVES = frozenset(
    "городской муниципальный сельский районный автономный федеральный областной краевой "
    "национальный административный".split())


def restore_case(label: str) -> str:
    """A name printed in capitals as it is written otherwise: lower case but for proper names
    («БИБЛИОТЕКИ ПРИГРАНИЧНЫХ РЕГИОНОВ БЕЛАРУСИ» → «библиотеки приграничных регионов
    Беларуси», «ГОМЕЛЬСКОГО» → «Гомельского»)."""
    out: list[str] = []
    for m in re.finditer(r"[А-ЯЁA-Z]+(?:-[А-ЯЁA-Z]+)*|[^А-ЯЁA-Z]+", label):
        word = m.group()
        if not word[:1].isalpha() or word in ABBREVIATIONS:
            out.append(word)
            continue
        if "".join(out).rstrip().endswith(("«", "\"")):  # «ЗАПОЛЯРНЫЙ РАЙОН»: a name's start
            low = word.lower()
            out.append(low[:1].upper() + low[1:])
            continue
        if re.match(r"\s+(?:(?:АВТОНОМН|ГОРОДСК|МУНИЦИПАЛЬН)\w+\s+)?(?:ОБЛАСТ|КРА[ЯЙЕ]|ОКРУГ"
                    r"|РЕСПУБЛИК|РАЙОН)", label[m.end():]
                    ) and any(p.tag.POS == "ADJF" and p.normal_form not in _GENERIC_ADJECTIVES
                              for p in parses(word.lower())[:1]):
            low = word.lower()  # «НЕНЕЦКОГО АВТОНОМНОГО ОКРУГА»: a region's own adjective
            out.append("-".join(x[:1].upper() + x[1:] for x in low.split("-")))
            continue
        rest = label[m.end():m.end() + 1]
        if len(word) == 1 and rest == ".":  # initials «Н. А.»
            out.append(word)
            continue
        low = word.lower()
        ps = parses(low)
        after_name = bool(out) and out[-1] == " " and len(out) > 1 and out[-2][:1].isupper()
        if re.search(r"(?:^|\s)[А-ЯЁ]\.\s*$", "".join(out[-2:])):
            out.append(low[:1].upper() + low[1:])  # «Н. Н. ПАЛЬМОВА»: a surname after initials
            continue
        # «РЕСПУБЛИКИ СЕВЕРНАЯ ОСЕТИЯ»: the republic's name after the word
        republic = len(out) > 1 and re.fullmatch(r"республик[аиеуой]", out[-2].lower()) is not None
        proper = (after_name and ps[0].tag.POS is None) or republic or any(  # «МАРИЙ ЭЛ»
            t in p.tag for p in ps[:1] for t in ("Geox", "Name", "Surn", "Orgn")) or (
            bool(ps) and ps[0].tag.POS == "ADJF" and _is_proper_adjective(ps[0].normal_form)) or (
            bool(ps) and ps[0].normal_form in ("республика", "федерация"))
        out.append("-".join(x[:1].upper() + x[1:] for x in low.split("-")) if proper else low)
    return "".join(out)
