"""Closing proposals: what the participants propose after the recommendations — the next event
of the series («провести следующую конференцию в 2023 году»), sending the document on
(«направить настоящую резолюцию в Министерство …»), an appeal («обратиться к X …») — each with
its addressee and the event it plans.
"""

from __future__ import annotations

import re

from resolutions_kg.records import PlannedEvent, Proposal, Span, Spanned

from .addressing import ADDRESSING, addressee_at, body_text, case_after
from .blocks import Block, clean
from .events import find_kind

YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)(?:\s*(?:г\.|года?|году|г(?![а-яё])))?")


def planned_event(text: str, a: int, b: int) -> PlannedEvent | None:
    kind = find_kind(text, a, b)
    year = None
    for m in YEAR.finditer(text, kind.span.end if kind else a, b):
        year = Spanned(int(m.group(1)), Span(m.start(), m.end()))
        break
    if kind is None:
        held = re.search(r"(?<![а-яё])(?:провести|проведение|организовать|проводить)(?![а-яё])",
                         text[a:b], re.I)
        if held is None or year is None:
            return None
        return PlannedEvent(kind=Spanned("мероприятие", Span(a + held.start(), a + held.end())),
                            year=year)
    return PlannedEvent(kind=Spanned(kind.value, kind.span), year=year)


#: «… поддержать проведение фестиваля в 2020 году»: holding an event, as a noun.
HOLDING = re.compile(r"(?<![а-яё])проведени[еяю](?![а-яё])", re.I)


#: Sending the document on: «Направить настоящую резолюцию в …», «… итоговый документ во …».
_DOCUMENT = (r"(?:настоящ\w+\s+|данн\w+\s+|эт\w+\s+)?(?:резолюци\w+|рекомендаци\w+"
             r"|итогов\w+\s+документ\w*|решени\w+|обращени\w+)")


_SENDING = r"(?:направить|разослать|передать)"


SEND = re.compile(
    r"(?:" + _SENDING + r"\s+" + _DOCUMENT + r"(?:\s+[а-яё]+){0,3}?\s+(?P<to>в|во)\s+"
    r"|" + _DOCUMENT + r"\s+" + _SENDING + r"\s+(?P<to2>в|во)\s+"
    r"|" + _SENDING + r"\s+" + _DOCUMENT + r"\s+(?=[А-ЯЁ]))", re.I)


#: «Участники чтений предлагают:»: what follows are proposals.
PROPOSE_INTRO = re.compile(r"(?<![а-яё])предлага\w*", re.I)


#: «… на следующем совещании в 2021 году»: the next event of the series.
NEXT = re.compile(r"(?<![а-яё])(?:следующ|очередн)\w+\s+[а-яё]+", re.I)


#: Verbs that plan an event («провести следующую конференцию …»).
HOLD = re.compile(r"(?<![а-яё])(?:провести|проводить|организовать|организовывать)(?![а-яё])",
                  re.I)


PROPOSING = re.compile(
    r"(?<![а-яё])(?:предлага\w*|предложить|предложил[аи]?|обратиться|обращаются|просят|просит"
    r"|рекомендуют|рекомендует|высказали\s+предложение|внесли\s+предложение)(?![а-яё])", re.I)


def proposal_of(text: str, block: Block, position: int) -> Proposal | None:
    a, b = body_text(text, block)
    m = PROPOSING.search(text, a, b)
    if m is None:
        return None
    addressee = None
    rest = m.end()
    verb = ADDRESSING.match(text, m.start(), b)
    if verb is not None:
        found = addressee_at(text, verb.end(), b, case_after(verb.group()))
    else:
        found = addressee_at(text, m.end(), b)
    if found is not None:
        addressee, rest = found, found.span.end
    return Proposal(position=position, text=Spanned(clean(text[a:b]), Span(a, b)),
                    addressee=addressee, planned_event=planned_event(text, rest, b))
