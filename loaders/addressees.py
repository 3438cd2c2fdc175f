"""Addressees: the noun phrase a recommendation is addressed to, put into the nominative whole.

    addressee_phrase(text, a, b, case)  → Phrase (its end and its nominative label) or None

The phrase is read with pymorphy3's parses, as a small grammar with agreement; each group is
found by the yargy grammar of :mod:`.grammar` (gnc agreement), the rest by the code below:

    phrase   := group tail* ( («и» | «,») group tail* )*   coordinated heads, each in ``case``
    group    := (adjective | participle)* noun       agreeing in gender, number and case (yargy)
    tail     := genitive words («культуры», «Российской Федерации»), «имени» + name, initials,
                abbreviations («РФ», «СНГ»), a quotation «…», «, информации и туризма …»
    clause   := «,» participle-in-``case`` words…     «организациям, ведущим подготовку кадров»

Heads, their adjectives, coordinated heads and the participles of a clause go to the nominative
(«архивным учреждениям и библиотекам округа» → «архивные учреждения и библиотеки округа»,
«организациям, ведущим подготовку кадров» → «организации, ведущие подготовку кадров»); tails stay
as written. The phrase ends before a verb, «не», a dash, a colon, a date or a preposition that
does not open a tail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .blocks import continues_line
from .casing import ABBREVIATIONS as _ABBREVIATIONS
from .casing import lower_head, restore_case
from .phrases import ORDER, _keeps_capital
from .russian import BROKEN, _inflect, is_infinitive, parses
from .settlements import SITED_HEADS, sited_end

TOKEN = re.compile(
    r"[А-Яа-яЁёA-Za-z0-9]+(?:-[А-Яа-яЁёA-Za-z0-9]+)*(?:-[ \t]*\n[ \t]*[а-яё]+)?"
    r"|[«»\"„“”]|[^\sА-Яа-яЁёA-Za-z0-9]")
#: Words that end a phrase: particles, prepositions that start adverbials, conjunctions.
STOP_WORDS = frozenset(
    "не до в во на с со по для к при от о об через после перед между без также а но или "
    "что чтобы как который которые в целях".split())
#: Heads of one government body's name, capitalised as names are («Министерство культуры …»).
OFFICIAL_BODIES = frozenset({"министерство", "правительство"})
#: Heads whose name goes on with «по» + a noun («комитет по культуре»).
TAKES_PO = frozenset("комитет комиссия совет управление департамент агентство служба министерство "
                     "центр отдел секция".split())
#: Nouns whose object is in the instrumental: «управления культурой», «руководства библиотекой».
GOVERNS_ABLT = re.compile(r"^(?:управлени|руководств|заведовани)[яеи]$")
ABBREVIATION = re.compile(r"^[А-ЯЁA-Z]{2,}$")


@dataclass(frozen=True)
class Phrase:
    start: int
    end: int
    label: str
    #: Grammatical number of the (first) head: "sing" or "plur".
    number: str
    #: The first head noun's lemma.
    head: str


def _tokens(text: str, a: int, b: int) -> list[tuple[str, int, int]]:
    """Tokens with offsets; a word broken at a line end («окру-\nгов») is one token, read
    whole."""
    return [(BROKEN.sub("", m.group()), m.start(), m.end()) for m in TOKEN.finditer(text, a, b)]


def _is_word(tok: str) -> bool:
    return tok[:1].isalnum()


def _parses_in(word: str, case: str, pos: tuple[str, ...]) -> list[Any]:
    """Parses of ``word`` in ``case`` and a part of speech of ``pos``; relative adjectives before
    qualitative ones of another lemma («окружным» → «окружной», not «окружный»)."""
    found = [p for p in parses(word) if p.tag.case == case and p.tag.POS in pos]
    return sorted(found, key=lambda p: "Qual" in p.tag)


def _group(toks: list[tuple[str, int, int]], i: int, case: str
           ) -> tuple[list[tuple[int, Any]], int] | None:
    """Adjectives, participles and a head noun in ``case`` from token ``i``, as the yargy grammar
    of :mod:`.grammar` finds them (agreeing in gender, number and case; adjectives joined by
    «и»): their (index, parse) pairs and the index after them."""
    from .grammar import head

    at: dict[int, int] = {}  # offset in the words read → token index
    read: list[str] = []
    offset = 0
    for k in range(i, len(toks)):
        if not _is_word(toks[k][0]) and toks[k][0] != ",":
            break  # (a comma may list adjectives: «муниципальным, школьным и вузовским …»)
        at[offset] = k
        read.append(toks[k][0])
        offset += len(toks[k][0]) + 1
    found = head(" ".join(read), case)
    if not found:
        return None
    chosen = [(at[a], p) for _, a, _, p in found[0]]
    last = chosen[-1][0]
    for k, _ in chosen:
        w = toks[k][0]
        if w.lower() in STOP_WORDS or w.isdigit():
            return None
        joined = k < last and toks[k + 1][0].lower() in ("и", ",")
        top = parses(w)[:1]
        if not joined and top and top[0].tag.POS in (
                "COMP", "ADVB", "INFN", "VERB", "PREP", "CONJ", "PRCL"):
            return None
    return chosen, last + 1


def _tail(toks: list[tuple[str, int, int]], j: int, case: str | None = None) -> int:
    """Where the genitive tail after token ``j - 1`` ends (the index of the first token after).
    With the phrase's ``case``, an «и» followed by a group in that case ends the tail: it joins
    another head («… Армении и Российской государственной библиотеке»)."""
    n = len(toks)
    while j < n:
        w = toks[j][0]
        low = w.lower()
        if w in "«\"„“":  # a quoted name: to the closing quote
            close = next((k for k in range(j + 1, min(n, j + 30)) if toks[k][0] in "»\"“”"), None)
            if close is None:
                break
            j = close + 1
            continue
        if w == "." and j and (re.fullmatch(r"[А-ЯЁ]", toks[j - 1][0]) or (  # «А. И.», «Ем.»
                re.fullmatch(r"[А-ЯЁ][а-яё]", toks[j - 1][0]) and j >= 2
                and toks[j - 2][0].lower() in ("имени", "им", "."))):
            j += 1
            continue
        if re.fullmatch(r"[А-ЯЁ][а-яё]?", w) and j + 1 < n and toks[j + 1][0] == "." and (
                len(w) == 1 or toks[j - 1][0].lower() in ("имени", "им", ".")):
            j += 1
            continue
        if not _is_word(w):
            if (w == "(" and j + 2 < n and toks[j + 1][0][:1].isupper() and toks[j + 2][0] == ")"
                    and j and toks[j - 1][0][:1].isupper()):
                j += 3  # «Республики Саха (Якутия)»: the name's other name in brackets
                continue
            if w == "," and j + 1 < n and _genitive(toks[j + 1][0]) and _listed_genitives(
                    toks, j + 1):
                j += 1  # «Министерству культуры, информации, спорта и туризма …»
                continue
            if w in "–—-" and j + 1 < n and (toks[j + 1][0][:1].isupper() or _genitive(
                    toks[j + 1][0]) and parses(toks[j + 1][0])[0].tag.POS not in (
                    "COMP", "ADVB")) and not is_infinitive(toks[j + 1][0]):
                j += 1  # «… округа – Югры», «государств – участников СНГ» (not «– шире …»)
                continue
            break
        if w == "г" and j + 2 < n and toks[j + 1][0] == "." and toks[j + 2][0][:1].isupper():
            j += 2  # «… библиотечной системе г. Ульяновска»: the town, abbreviated
            continue
        if (low == "в" and j + 2 < n and toks[j + 1][0].lower() in ("сфере", "области")
                and _genitive(toks[j + 2][0])):
            j += 2  # «органам власти в сфере культуры»: the field is part of the name
            continue
        if (low in ("город", "поселок", "посёлок", "село") and j and toks[j - 1][0].lower() in (
                "округа", "образования", "поселения") and j + 1 < n
                and toks[j + 1][0][:1].isupper()):
            j += 2  # «администрации городского округа город Выкса»: the place's name as titled
            continue
        if (low == "при" and j + 1 < n and toks[j + 1][0][:1].isupper()
                and _parses_in(toks[j + 1][0], "loct", ("NOUN",))):
            j += 2  # «Управлению по делам архивов при Правительстве Республики Карелия»
            continue
        if low == "для" and j + 1 < n and _genitive(toks[j + 1][0]) and any(
                "anim" in p.tag or p.normal_form in ("юношество", "молодёжь", "молодежь")
                for p in parses(toks[j + 1][0])[:2]):
            j += 2  # «библиотека для детей и юношества»: part of the name
            continue
        if low in STOP_WORDS or w.isdigit() or is_infinitive(w):
            break
        top = parses(w)[:1]
        if top and top[0].tag.POS in ("COMP", "ADVB", "VERB", "PRCL") and not w[:1].isupper():
            break
        if low == "и":
            if case is not None and case != "gent" and (more := _group(toks, j + 1, case)) \
                    is not None and (not _genitive(toks[more[1] - 1][0]) or any(
                        t[0].lower() == toks[more[1] - 1][0].lower() for t in toks[:j])):
                break  # another head; «администрации города … и администрации района» too
            if j + 1 < n and _genitive(toks[j + 1][0]):
                j += 1
                continue
            if j + 2 < n and toks[j + 1][0].lower() == "по" and toks[j + 2][0].lower() == "делам":
                j += 3  # «культуры, печати и по делам национальностей»
                continue
            break
        if low == "им" and j + 1 < n and toks[j + 1][0] == ".":
            j += 2  # «им. С. П. Крашенинникова»
            continue
        if low == "имени" or re.fullmatch(r"[А-ЯЁ]", w) or ABBREVIATION.match(w) or _genitive(w):
            j += 1
            continue
        if j and GOVERNS_ABLT.match(toks[j - 1][0].lower()) and _parses_in(w, "ablt", ("NOUN",)):
            j += 1  # «органам управления культурой»
            continue
        if j and toks[j - 1][0].lower() in ("имени", "им") or (j and toks[j - 1][0] == "."):
            j += 1  # the name after «имени» or initials, in any case
            continue
        if w[:1].isupper() and j and _is_word(toks[j - 1][0]):
            j += 1  # a proper name in apposition: «Республики Татарстан», «Марий Эл»
            continue
        break
    return j


def _listed_genitives(toks: list[tuple[str, int, int]], j: int) -> bool:
    """Whether genitive words, separated by commas, run from token ``j`` to an «и» that joins
    one more genitive: the rest of a list of a ministry's fields."""
    for k in range(j, min(len(toks) - 1, j + 12)):
        w = toks[k][0]
        if w.lower() == "и":
            return _genitive(toks[k + 1][0]) or (
                toks[k + 1][0].lower() == "по" and k + 2 < len(toks)
                and toks[k + 2][0].lower() == "делам")
        if w != "," and not (_is_word(w) and _genitive(w)):
            return False
    return False


def _genitive(word: str) -> bool:
    if ABBREVIATION.match(word):
        return True
    if len(word) == 1 or word.lower() in STOP_WORDS:  # «в», «по»: prepositions, not the
        return False  # letters or abbreviations («ПО») pymorphy also reads them as
    ps = parses(word)
    return any(p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF", "PRTF", "NUMR")
               for p in ps[:3])


def _clause(toks: list[tuple[str, int, int]], j: int, case: str, number: str
            ) -> tuple[list[tuple[int, Any]], int] | None:
    """«, ведущим подготовку кадров»: the participle (to inflect) and where the clause ends."""
    if j + 1 >= len(toks) or toks[j][0] != ",":
        return None
    prtf = [p for p in _parses_in(toks[j + 1][0], case, ("PRTF",)) if p.tag.number == number]
    if not prtf:
        return None
    k = j + 2
    while k < len(toks) and (toks[k][0] not in (":", ";", "—", "–", ".") or (
            toks[k][0] == "." and re.fullmatch(r"[А-ЯЁA-Z]", toks[k - 1][0]))) and not (
            is_infinitive(toks[k][0]) or toks[k][0].lower() == "не"):
        k += 1  # (but the full stop of initials: «… произведения В. В. Верещагина»)
    while k > j + 2 and not _is_word(toks[k - 1][0]):
        k -= 1
    return [(j + 1, prtf[0])], k


def _field_goes_on(toks: list[tuple[str, int, int]], j: int) -> int:
    """Where a body's field after «по» ends, from ``j`` (after its first group): more groups in
    the dative joined by «и» or a comma («Департаменту по архивам и делопроизводству …»)."""
    while (j + 1 < len(toks) and toks[j][0].lower() in ("и", ",") and toks[j + 1][0].islower()
           and (more := _group(toks, j + 1, "datv")) is not None):
        j = more[1]
    return j


def addressee_phrase(text: str, a: int, b: int, case: str = "datv") -> Phrase | None:
    """The addressee noun phrase opening ``text[a:b]`` (in ``case``), or None.

    A heading in capitals is read as it would be written otherwise (:func:`restore_case`: its
    capitals say nothing of proper names) and cited from the text as printed."""
    printed = _tokens(text, a, b)
    letters = [w for w, _, _ in printed if w[:1].isalpha()]
    caps = len(letters) >= 2 and all(w.isupper() for w in letters[:2]) and _capitals_only(
        letters)  # (not «ГБУК ЯНАО «ОМВК им. …»»)
    toks = _tokens(text[:a] + restore_case(text[a:b]) + text[b:], a, b) if caps else printed
    order = ORDER.search(text, a, b)
    if order is not None and printed and printed[0][2] <= order.start():
        # «Тверской ордена «Знак Почёта» областной … библиотеке»: the order's name is read past
        toks, printed = ([t for t in found if not order.start() <= t[1] < order.end()]
                         for found in (toks, printed))
    first = _group(toks, 0, case)
    if first is None:
        return None
    inflect: list[tuple[int, Any]] = list(first[0])
    head = first[0][-1][1]
    number = head.tag.number or "sing"
    j = first[1]
    if head.normal_form in TAKES_PO and j + 1 < len(toks) and toks[j][0].lower() == "по":
        # «Комитету по культуре …», «Министерству по делам молодёжи …», «Агентству по
        # архивному делу …»
        po = _group(toks, j + 1, "datv")
        if po is not None:
            j = po[1]
            if (j + 1 < len(toks) and toks[j][0].lower() in ("с", "со")
                    and (partner := _group(toks, j + 1, "ablt")) is not None):
                j = partner[1]  # «Отделу по работе со средствами массовой информации …»
            elif po[0][-1][1].normal_form in ("управление", "руководство") and (
                    governed := _group(toks, j, "ablt")) is not None:
                j = governed[1]  # «Комитету по управлению муниципальным имуществом …»
            j = _field_goes_on(toks, j)
    j = _tail(toks, j, case)
    k = j + 1 if j < len(toks) and toks[j][0] == "," else j
    if (head.normal_form in TAKES_PO and k + 1 < len(toks) and toks[k][0].lower() == "по"
            and (po := _group(toks, k + 1, "datv")) is not None):
        # «Министерству культуры, по делам национальностей и архивного дела …», «Управлению
        # Алтайского края по культуре и архивному делу»: its field after the genitive
        j = _tail(toks, _field_goes_on(toks, po[1]), case)
    while True:
        j = _sited(text, toks, j, b, head.normal_form)  # («Архиву в г. Шадринске, музею …»)
        if j + 1 < len(toks) and toks[j][0] in ("–", "—", "-") and (
                apposition := _group(toks, j + 1, case)) is not None:
            # «музеям – участникам конгресса», «…, архивам и библиотекам – участникам чтений»:
            # a noun in apposition, in the same case
            inflect += apposition[0]
            j = _tail(toks, apposition[1])
        elif j + 1 < len(toks) and toks[j][0].lower() in ("и", ",") and (
                more := _group(toks, j + 1, case)) is not None:
            inflect += more[0]  # «библиотекам, музеям и архивам»
            j = _tail(toks, more[1], case)
            number = "plur"
        else:
            break
    j = _sited(text, toks, j, b, head.normal_form)
    clause = _clause(toks, j, case, number if len(inflect) == len(first[0]) else "plur")
    if clause is not None:
        inflect += clause[0]
        j = clause[1]
    end = toks[j - 1][2]
    return Phrase(a, end, _nominative(text, printed, inflect, a, end, first[0]), number,
                  head.normal_form)


def _capitals_only(words: list[str]) -> bool:
    """No word of three letters or more in small letters: a heading in capitals («МУЗЕЯМ
    РЕСПУБЛИКИ КОМИ»), not a name with an abbreviation («ГБУК ЯНАО «ОМВК им. …»»)."""
    return not any(len(w) >= 3 and not w.isupper() for w in words)


def _sited(text: str, toks: list[tuple[str, int, int]], j: int, b: int, head: str) -> int:
    """Past «в <town>» after a head that names where it is («Российскому центру науки и
    культуры в Дамаске», «Государственному архиву в г. Шадринске»), or ``j``."""
    sited = sited_end(text, toks[j - 1][2], b) if head in SITED_HEADS and j < len(toks) else None
    while sited is not None and j < len(toks) and toks[j][1] < sited:
        j += 1
    return j


def _nominative(text: str, toks: list[tuple[str, int, int]], inflect: list[tuple[int, Any]],
                a: int, end: int, first: list[tuple[int, Any]]) -> str:
    out, pos = [], a
    heading = _capitals_only([t for t, _, _ in toks if t[:1].isalpha()])
    for k, p in inflect:
        w, wa, wb = toks[k]
        if w.isupper() and len(w) > 1 and not heading:
            continue  # «МУК «…»»: an abbreviation is written as it is in any case
        number = p.tag.number or "sing"
        grammemes = {"nomn", number}
        if p.tag.POS == "NOUN" and ("Sgtm" in p.tag or "Pltm" in p.tag):
            grammemes = {"nomn"}
        elif p.tag.POS in ("ADJF", "PRTF") and number == "sing" and p.tag.gender:
            grammemes.add(p.tag.gender)
        out.append(text[pos:wa])
        out.append(_inflect(w, p, grammemes))
        pos = wb
    out.append(text[pos:end])
    label = " ".join(BROKEN.sub("", "".join(out)).split())
    label = re.sub(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)", "", label)
    head = first[-1][1]
    first_word = toks[first[0][0]][0]
    capitals = [t for t, _, _ in toks if t[:1].isalpha() and toks and t.isupper()]
    spoken = [t for t, _, _ in toks if t[:1].isalpha()]
    # a heading in capitals: three words or more, or every word («МУНИЦИПАЛЬНЫЕ МУЗЕИ») but
    # an abbreviation («РБА»)
    restored = first_word.isupper() and len(first_word) > 1 and heading and (len(capitals) >= 3 or (
        len(capitals) == len(spoken) >= 2 and not all(t in _ABBREVIATIONS for t in capitals)))
    if restored:
        label = restore_case(label)  # a heading in capitals: cited as a name is written
    elif first_word.isupper() and len(first_word) > 1:
        return label
    # a table's cell starts afresh too («| 3 | … | Муниципальные библиотеки республики |»)
    line_start = max(text.rfind("\n", 0, a), text.rfind("|", 0, a)) + 1
    at_start = not re.sub(r"[\s*_«\"(]|^(?:\d+(?:\.\d+)*[.)]?|[IVX]+\.|[а-я]\)|[А-ЯЁA-Z][.)]"
                          r"|[–—•-])", "",
                          text[line_start:a].lstrip(" \t*_")  # «\t3. Музеям …» too
                          ) and not continues_line(text, a)
    if lower_head(head.normal_form, label):
        lower = True
    elif not at_start:
        lower = False  # the writer's capital (or not), as written
    elif restored:
        lower = head.tag.number == "plur" and label[:1].islower()
    else:
        phrase = [(toks[k][0], toks[k][1] - a, toks[k][2] - a, p) for k, p in first]
        lower = head.tag.number == "plur" and not _keeps_capital(text[a:end], phrase)
    if head.normal_form in OFFICIAL_BODIES and head.tag.number == "sing" and label[:1].islower():
        # «в министерство культуры Ростовской области»: one body's name, capitalised wherever
        # it stands, so that every document names the registry's organisation alike
        lower, label = False, label[:1].upper() + label[1:]
    if lower and label[:1].isupper():
        label = label[:1].lower() + label[1:]
    elif restored and not lower:
        label = label[:1].upper() + label[1:]
    return label
