"""Noun phrases and the nominative: the phrase found by the yargy grammar of :mod:`.grammar`,
its words put into the nominative by pymorphy3's inflection.

    head_phrase(text, case)   the adjectives and head noun opening ``text``, with their parses
    nominative(text, case)    ``text`` with that phrase (and one joined to it by «и») in the
                              nominative

«Липецкой областной универсальной научной библиотекой» → «Липецкая областная универсальная
научная библиотека», «исполнительной дирекцией Союза городов …» → «исполнительная дирекция Союза
городов …» (the genitive tail is kept as written). A common-noun head is lower-cased as a reader
cites it («администрация города Твери»); proper names keep their capital («Министерство культуры
…», «Российская библиотечная ассоциация», «… библиотека имени …»).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .russian import _inflect, _is_proper_adjective, parses
from .russian import words as split_words

#: Heads that begin the proper name of a unique body, so keep their capital.
UNIQUE_HEADS = frozenset(
    "министерство правительство дума совет собрание палата агентство служба комитет "
    "ассоциация союз фонд академия федерация республика".split()
)
Word = tuple[str, int, int, Any]
_ORDER_NAME = (r"(?:«[^»]{2,40}»|\"[^\"]{2,40}\"|Знак\s+Поч[её]та|Дружбы\s+народов"
               r"|(?:[А-ЯЁ][а-яё]+\s+){0,2}[А-ЯЁ][а-яё]+)")
#: An order a body was awarded, named inside its name: «ордена Ленина», «ордена «Знак Почёта»»,
#: «орденов Ленина и Трудового Красного Знамени».
ORDER = re.compile(r"\s+орден(?:а|ов)\s+" + _ORDER_NAME + r"(?:\s+и\s+(?:ордена\s+)?"
                    + _ORDER_NAME + r")*(?=\s)")


def _phrases(text: str, case: str | None, *, coordinated: bool = False,
             ) -> tuple[tuple[Word, ...], ...]:
    from .grammar import head  # yargy is imported when a phrase is first looked for

    # «Тверской ордена «Знак Почёта» областной … библиотекой»: the order's name sits between
    # the adjectives and is no part of the phrase (blanked: every offset stays where it was)
    text = ORDER.sub(lambda m: " " * len(m.group()) if m.start() else m.group(), text)
    return head(text, case, coordinated)


def head_phrase(text: str, case: str | None = None) -> tuple[list[Word], str]:
    """The adjectives and head noun opening ``text`` with their chosen parses, and the case."""
    phrases = _phrases(text, case)
    if not phrases:
        return [], case or ""
    phrase = list(phrases[0])
    return phrase, phrase[-1][3].tag.case


def nominative(text: str, case: str | None = None, *, keep_capital: bool | None = None,
               plural: bool = False) -> str:
    """``text`` with its head noun phrase in the nominative, as a reader would cite it.

    ``plural`` puts it in the plural too (a phrase counted by a number: «6 регионов»).
    """
    text = " ".join(text.split())
    if plural:
        text = _paucal(text)
    if case is not None and (shared := _shared_head(text, case)) is not None:
        return shared
    # a case the caller knows lets a second phrase joined by «и» go into the nominative with
    # the first («муниципальных районов и городских округов»); a counted group is in the
    # genitive, so «библиотеки Твери и Тверской области» keeps its dependent genitive
    phrases = _phrases(text, case, coordinated=case is not None)
    if not phrases:
        return _substantive(text, case)
    phrase = phrases[0]
    out, pos = [], 0
    head = phrase[-1][3]
    number = "plur" if plural else (head.tag.number or "sing")
    capitals = text.isupper()
    for w, a, b, p in [word for words in phrases for word in words]:
        out.append(text[pos:a])
        if w.isupper() and len(w) > 1 and not capitals:
            out.append(w)  # «МУК «…»»: an abbreviation is written as it is in any case
            pos = b
            continue
        head_of_word = p if p.tag.POS == "NOUN" else head
        grammemes = {"nomn", number}
        if p.tag.POS == "NOUN":
            fixed_number = "Sgtm" in p.tag or "Pltm" in p.tag
            grammemes = {"nomn"} if fixed_number else {"nomn", number}
        elif number == "sing" and head_of_word.tag.gender:
            grammemes.add(head_of_word.tag.gender)
        out.append(_inflect(w, p, grammemes))
        pos = b
    if (apposed := _APPOSITION.match(text, pos)) and (
            case := _apposed_case(apposed.group(2), head, plural)):
        # «городов – членов Ассоциации …» → «города – члены Ассоциации …»
        out += [apposed.group(1), nominative(text[apposed.end(1) :], case, plural=plural,
                                             keep_capital=False)]
        pos = len(text)
    out.append(text[pos:])
    result = "".join(out)
    first = phrase[0]
    if keep_capital is None:
        keep_capital = _keeps_capital(text, phrase)
    if not keep_capital and first[0][:1].isupper() and not first[0].isupper():
        result = result[:1].lower() + result[1:]
    return result


_APPOSITION = re.compile(r"(\s+[–—-]\s+)([а-яё]+)")


def _apposed_case(word: str, head: Any, plural: bool) -> str | None:
    """The case of a noun in apposition after a dash when it agrees with the phrase's head (not
    in the nominative), or — after a count — is in the genitive («31 музей — члена Ассоциации»);
    else None."""
    cases = ((head.tag.case,) if head.tag.case != "nomn" else ()) + (("gent",) if plural else ())
    return next((c for p in parses(word)[:2] if p.tag.POS == "NOUN" for c in cases
                 if c in p.tag), None)


def _keeps_capital(text: str, phrase: Sequence[Word]) -> bool:
    first_word, _, _, first_parse = phrase[0]
    head_lemma = phrase[-1][3].normal_form
    if first_word.isupper():
        return True
    head_tag = phrase[-1][3].tag
    if head_tag.number == "plur" and "Pltm" not in head_tag and "Geox" not in head_tag:
        # «Министерствам культуры стран …», «Российским организациям, …»: a kind of body,
        # not one's name
        return False
    if first_parse.tag.POS in ("ADJF", "PRTF") and _is_proper_adjective(
        first_parse.normal_form
    ):
        return True
    if len(phrase) == 1 and head_lemma in UNIQUE_HEADS:
        return True
    if phrase[0][3].tag.POS == "NOUN" and head_lemma in UNIQUE_HEADS:
        return True
    if re.search(r"\bимени\b|«", text):
        return True
    return any(t in first_parse.tag for t in ("Geox", "Name", "Surn", "Orgn"))


def _paucal(text: str) -> str:
    """After a number ending in 2, 3 or 4 the noun is in the genitive singular and its
    adjectives in the genitive plural («23 муниципальных музея», «22 государственных и
    муниципальных музея»): the noun in the genitive plural, as the adjectives are, so that the
    phrase agrees («муниципальных музеев»)."""
    found = split_words(text)
    k = 0
    while k < len(found) and (found[k][0] == "и" or any(
            p.tag.POS in ("ADJF", "PRTF") and {"gent", "plur"} <= p.tag.grammemes
            for p in parses(found[k][0])[:2])):
        k += 1
    if k == 0 or k == len(found) or found[k - 1][0] == "и":
        return text
    noun = next((p for p in parses(found[k][0])[:2]
                 if p.tag.POS == "NOUN" and {"gent", "sing"} <= p.tag.grammemes), None)
    if noun is None or any(p.tag.POS == "NOUN" and {"gent", "plur"} <= p.tag.grammemes
                           for p in parses(found[k][0])[:2]):
        return text
    plural = noun.inflect({"gent", "plur"})
    if plural is None:
        return text
    _, a, b = found[k]
    return text[:a] + str(plural.word) + text[b:]


def _shared_head(text: str, case: str) -> str | None:
    """Adjectives in the singular sharing one plural head — «Задонского и Елецкого районов»,
    «Новгородской, Псковской и Тверской областей» — in the nominative: each adjective singular
    in the head's gender, the head plural («Задонский и Елецкий районы»); an adjective that is
    plural stays plural («Задонского и соседних районов» → «Задонский и соседние районы»). The
    words after the head are kept as written. None for any other phrase."""
    found = split_words(text)
    adjectives: list[tuple[str, int, int, Any]] = []
    k, joined = 0, False
    while k < len(found):
        if adjectives:  # what joins this word to the adjective before it: «,» or «и»
            if found[k][0] == "и" and not text[adjectives[-1][2] : found[k][1]].strip():
                joined, k = True, k + 1
            elif text[adjectives[-1][2] : found[k][1]].strip() != ",":
                break
            if k >= len(found) or text[found[k - 1][2] : found[k][1]].strip() not in ("", ","):
                return None
        w, a, b = found[k]
        ps = [q for q in parses(w) if q.tag.POS == "ADJF" and q.tag.case == case]
        if not ps:
            break
        adjectives.append((w, a, b, ps[0]))
        k += 1
    if len(adjectives) < 2 or not joined or k >= len(found):
        return None
    w, a, b = found[k]
    heads = [q for q in parses(w) if q.tag.POS == "NOUN" and {case, "plur"} <= q.tag.grammemes]
    if not heads or text[adjectives[-1][2] : a].strip() or not any(
            "sing" in q.tag for _, _, _, q in adjectives):
        return None
    gender = parses(heads[0].normal_form)[0].tag.gender or "masc"
    out, pos = [], 0
    for word, wa, wb, q in adjectives:
        plural_only = not any(case in r.tag and "sing" in r.tag
                              for r in parses(word) if r.tag.POS == "ADJF")
        out += [text[pos:wa], _inflect(word, q, {"nomn", "plur"} if plural_only
                                       else {"nomn", "sing", gender})]
        pos = wb
    out += [text[pos:a], _inflect(w, heads[0], {"nomn", "plur"}), text[b:]]
    return "".join(out)


def _substantive(text: str, case: str | None) -> str:
    """A participle or adjective standing for people, no noun after it — «7 приглашённых» —
    in the nominative plural («приглашённые»); any other text as it is."""
    found = split_words(text)
    if case is None or not found or text[found[0][2] :].strip(" ,.;") and not re.match(
            r"\s*\(", text[found[0][2] :]):
        return text
    word = found[0][0]
    ps = [p for p in parses(word) if p.tag.POS in ("PRTF", "ADJF") and {case, "plur"}
          <= p.tag.grammemes]
    if not ps:
        return text
    return text[: found[0][1]] + _inflect(word, ps[0], {"nomn", "plur"}) + text[found[0][2] :]
