"""Whom a paragraph addresses: «Органам власти обеспечить …», «Рекомендовать X сделать …»,
«Просить Министерство … рассмотреть …», «Обратиться к X …» — the addressee in the nominative,
and where the action after it starts.
"""

from __future__ import annotations

import dataclasses
import re

from resolutions_kg.records import Addressee, Span, Spanned

from .addressees import addressee_phrase
from .events import roman
from .organisations import mention
from .russian import infinitive_lemma, is_infinitive, parses, words

#: Verbs that name whom an item addresses, with the case of the addressee after them.
ADDRESSING = re.compile(
    r"(?<![а-яё])(?:рекомендовать|рекомендуем|рекомендуют|рекомендует|предложить|предлагаем"
    r"|поручить|поручают|поручает|попросил[аи]?|просить|просим|просят|просит|призываем"
    r"|призывают|призвать"
    r"|обратиться\s+к|обратиться\s+в|обраща(?:ются|ется)\s+[кв]|обратил(?:ись|ся|ась)\s+к"
    r"|обращается\s+к|обратиться\s+с\s+(?:просьбой|предложением)\s+к"
    r"|обращаемся\s+(?:также\s+|тоже\s+)?к)\s+"
    r"(?:(?:также|тоже|дополнительно|кроме\s+того,?)\s+)?", re.I)


#: An item that opens by appealing to a body: under an addressee heading, the heading's act.
APPEAL = re.compile(r"(?:обратиться|обращаться)\s+(?:в|к|во)\s", re.I)


ASKING = re.compile(r"(?<![а-яё])прос(?:ят|ит|им|ить)(?![а-яё])", re.I)


_ACCUSATIVE_AFTER = re.compile(
    r"^(?:попроси|проси|прося|просим|просят|просит|призыва|призвать|обратиться\s+в"
    r"|обраща(?:ются|ется)\s+в)", re.I)


#: Heads that are never an addressee: who speaks, the event, the document itself («Рекомендации
#: направить Мэру …»: «Рекомендации» is no dative).
_ROLE_WORDS = frozenset("участник участница конференция семинар форум совещание рекомендация "
                        "резолюция решение".split())


def case_after(verb: str) -> str:
    return "accs" if _ACCUSATIVE_AFTER.match(verb) else "datv"


def addressee_at(text: str, a: int, b: int, case: str = "datv") -> Addressee | None:
    """The addressee named by the phrase opening ``text[a:b]``, in the nominative."""
    while a < b and text[a] in " \t*_":
        a += 1
    phrase = addressee_phrase(text, a, b, case)
    if phrase is None and case == "accs":
        phrase = addressee_phrase(text, a, b, "nomn")
    if phrase is None or phrase.end - phrase.start < 4 or phrase.head in _ROLE_WORDS and not (
            # «3. Участникам школы-семинара»: the participants are asked, not speaking
            case == "datv" and re.match(r"участникам\b", text[phrase.start : b], re.I)):
        return None
    organisation = None
    if phrase.number == "sing":
        # the organisation is named as the addressee is (one reading of the words, one label)
        found = mention(text, phrase.start, phrase.end, case)
        organisation = dataclasses.replace(
            found, name=Spanned(phrase.label, Span(phrase.start, phrase.end)))
    return Addressee(label=phrase.label, span=Span(phrase.start, phrase.end),
                     organisation=organisation)


def own_addressee(text: str, a: int, b: int) -> tuple[Addressee, int] | None:
    """An item's own addressee: «Органам власти обеспечить …», «Рекомендовать X сделать …»,
    «Учитывая …, рекомендовать X сделать …», «Просить Министерство … рассмотреть …»; with where
    the rest of the item (its action) starts."""
    first = words(text[a:b], a)[:1]
    # (not an ordinal opening the next event's name: «Х Тарские краеведческие чтения провести …»)
    starts: list[tuple[int, str, str]] = [] if first and roman(first[0][0]) else [(a, "datv", "")]
    for m in ADDRESSING.finditer(text, a, b):
        starts.append((m.end(), case_after(m.group()), m.group().lower()))
    for start, case, verb in starts:
        found = addressee_at(text, start, b, case)
        if found is None:
            continue
        if verb.startswith(("обрати", "обраща")):
            return found, found.span.end  # «Обратиться в X с предложением …»
        verb_at = _infinitive_after(text, found.span.end, b)
        if verb_at is not None:
            return found, verb_at
    return None


def _infinitive_after(text: str, a: int, b: int) -> int | None:
    """Where the infinitive (or «не» + infinitive) that follows an addressee starts, past
    adverbs and a short adverbial («в срок до 1 февраля 2019 года», «ежегодно»)."""
    after = words(text[a:b], a)[:14]
    for k, (w, wa, _) in enumerate(after):
        if is_infinitive(w):
            return after[k - 1][1] if k and after[k - 1][0].lower() == "не" else wa
        if ":" in text[a:wa] or ";" in text[a:wa]:
            return None
        if any(p.tag.POS == "VERB" for p in parses(w)[:1]):
            return None
    return None


def action(text: str, a: int, b: int) -> Spanned[str] | None:
    """The verb that opens the item: the first infinitive or imperative of its main clause, with
    its negation («не допускать»)."""
    toks = words(text[a:b], a)
    skip_verb = bool(toks) and ADDRESSING.match(text, a, b) is not None
    for i, (w, wa, wb) in enumerate(toks):
        if skip_verb and i == 0:
            continue
        lemma = None
        if is_infinitive(w):
            lemma = infinitive_lemma(w)
        elif any(p.tag.POS == "VERB" and "impr" in p.tag and p.score > 0.3 for p in parses(w)):
            lemma = parses(w)[0].normal_form
        if lemma is None:
            continue
        if i and toks[i - 1][0].lower() == "не" and toks[i - 1][2] + 2 >= wa:
            return Spanned("не " + lemma, Span(toks[i - 1][1], wb))
        return Spanned(lemma, Span(wa, wb))
    return None
