"""Closing proposals: what the participants propose after the recommendations — the next event
of the series («провести следующую конференцию в 2023 году»), sending the document on
(«направить настоящую резолюцию в Министерство …»), an appeal («обратиться к X …») — each with
its addressee and the event it plans.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from resolutions_kg.records import (
    Addressee,
    Certainty,
    PlannedEvent,
    Proposal,
    Span,
    Spanned,
)

from .addressing import ADDRESSING, addressee_at, case_after, own_addressee
from .blocks import Block, body_text, clean
from .events import find_kind
from .organisations import named_before

#: A year («в 2024 году»), not the start of a period («в 2021–2022 гг.»: a programme of work).
YEAR = re.compile(r"(?<![\d–—-])(?<![–—-] )((?:19|20)\d\d)(?!\d)(?!\s*[–—-]\s*(?:19|20)?\d\d)"
                  r"(?:\s*(?:г\.|года?|году|г(?![а-яё])))?")


#: A year said by how far it is from the event's: «через год», «через два года», «в следующем
#: году».
_RELATIVE = re.compile(r"(?<![а-яё])(?:через\s+(?:(?P<one>год)|(?P<n>два|три|2|3)\s+года)"
                       r"|(?P<next>в\s+следующем\s+году|на\s+следующий\s+год))(?![а-яё])",
                       re.I)
_HOW_MANY = {"два": 2, "три": 3, "2": 2, "3": 3}


def planned_event(text: str, a: int, b: int) -> PlannedEvent | None:
    kind = find_kind(text, a, b)
    year = None
    for m in YEAR.finditer(text, kind.span.end if kind else a, b):
        year = Spanned(int(m.group(1)), Span(m.start(), m.end()))
        break
    if year is None and kind is not None and (
            HOLD.search(text, a, kind.span.start)
            or NEXT.search(text, max(a, kind.span.start - 12), b)):
        # «провести в 2025 году совещание …»: the year before the kind
        for m in YEAR.finditer(text, a, kind.span.start):
            year = Spanned(int(m.group(1)), Span(m.start(), m.end()))
            break
    if year is None and (rel := _RELATIVE.search(text, kind.span.end if kind else a, b) or (
            # «… через год провести следующий круглый стол»: before the kind, with the verb
            _RELATIVE.search(text, a, kind.span.start)
            if kind is not None and HOLD.search(text, a, kind.span.start) else None)):
        # «через год»: until :func:`dated` knows the event's year, the distance, negative
        year = Spanned(-(_HOW_MANY[rel.group("n")] if rel.group("n") else 1),
                       Span(rel.start(), rel.end()),
                       Certainty(0.8, f"«{rel.group()}» after the event's year"))
    if kind is None:
        held = re.search(r"(?<![а-яё])(?:провести|проведение|организовать|проводить)(?![а-яё])",
                         text[a:b], re.I)
        if held is None or year is None:
            return None
        return PlannedEvent(kind=Spanned("мероприятие", Span(a + held.start(), a + held.end())),
                            year=year)
    return PlannedEvent(kind=Spanned(kind.value, kind.span), year=year)


def dated(proposals: list[Proposal], start: Spanned[dt.date] | None) -> tuple[Proposal, ...]:
    """The proposals, with each year :func:`planned_event` read as a distance from the event's
    («через год»: -1) counted from the event's start (or dropped when it has none)."""
    out = []
    for p in proposals:
        planned = p.planned_event
        if planned is not None and planned.year is not None and planned.year.value < 0:
            year = None if start is None else dataclasses.replace(
                planned.year, value=start.value.year - planned.year.value)
            p = dataclasses.replace(p, planned_event=dataclasses.replace(planned, year=year))
        out.append(p)
    return tuple(out)


#: «… поддержать проведение фестиваля в 2020 году»: holding an event, as a noun.
HOLDING = re.compile(r"(?<![а-яё])проведени[еяю](?![а-яё])", re.I)


#: Sending the document on: «Направить настоящую резолюцию в …», «… итоговый документ во …».
_DOCUMENT = (r"(?:на-?\s*стоящ\w+\s+|данн\w+\s+|эт\w+\s+)?(?:резолюци\w+|рекомендаци\w+"
             r"|итогов\w+\s+документ\w*|решени\w+|обращени\w+)")


_SENDING = r"(?:направить|разослать|передать)"


SEND = re.compile(
    r"(?:" + _SENDING + r"\s+" + _DOCUMENT + r"(?:\s+[а-яё]+){0,3}?\s+(?P<to>в|во)\s+"
    r"|" + _DOCUMENT + r"\s+" + _SENDING + r"\s+(?:(?P<to2>в|во)\s+|(?=[А-ЯЁ]))"
    r"|" + _SENDING + r"\s+" + _DOCUMENT + r"\s+(?=[А-ЯЁ]))", re.I)


#: Publishing the event's materials: «издать материалы отдельным сборником», «опубликовать …».
_PUBLISHING = r"(?:издать|опубликовать|выпустить|разместить|подготовить\s+и\s+издать)"
_PUBLISH = re.compile(r"(?<![а-яё])" + _PUBLISHING + r"(?![а-яё])", re.I)


#: A section of proposals after the recommendations: «**Предложения:**», «Предложения
#: участников совещания».
PROPOSALS_CAPTION = re.compile(r"(?:предложения|заключительные\s+положения)(?:\s+участник\w*"
                               r"(?:\s+[а-яё]+)?)?", re.I)


#: Thanks, in a section of closing words: a statement, not a proposal.
THANKING = re.compile(r"(?<![а-яё])благодар", re.I)
#: A proposal offered impersonally: «Оргкомитету конференции предлагается издать сборник …».
#: And its materials to be published, in a paragraph of its own: «Материалы Съезда опубликовать
#: отдельным сборником».
OFFERED = re.compile(r"(?<![а-яё])предлагается\s+(?:[а-яё]+\s+){0,2}?[а-яё]+(?:ть|ти)(?![а-яё])"
                     r"|^[\s*_]*материалы\s+(?:[А-ЯЁа-яё]+\s+){0,4}?" + _PUBLISHING + r"\s", re.I)


#: «Участники чтений предлагают:»: what follows are proposals.
PROPOSE_INTRO = re.compile(r"(?<![а-яё])предлага\w*", re.I)


#: «… на следующем совещании в 2021 году»: the next event of the series.
NEXT = re.compile(r"(?<![а-яё])(?:следующ|очередн)\w+\s+[а-яё]+"
                  # «провести VIII школу в 2023 году»: the series' next one, by its number
                  r"|(?<=\s)(?-i:[IVXL]{1,6})\s+[а-яё]+", re.I)


#: Verbs that plan an event («провести следующую конференцию …»).
HOLD = re.compile(r"(?<![а-яё])(?:провести|проводить|организовать|организовывать)(?![а-яё])",
                  re.I)


PROPOSING = re.compile(
    r"(?<![а-яё])(?:предлага\w*|предложить|предложил[аи]?|обратиться|обраща(?:ются|ется)"
    r"|обратил(?:ись|ся|ась)|просят|просит|попросил[аи]?|поручают|поручает"
    r"|рекомендуют|рекомендует|высказали\s+предложение|внесли\s+предложение)(?![а-яё])", re.I)


#: Where a paragraph's next proposal starts: «… и направить настоящую резолюцию в …», «…, а
#: также направить …», «. Итоговый документ направить в …», «… и обращаются к X …», «…, а IV
#: Съезд … провести в 2021 году».
_NEXT_PROPOSAL = re.compile(
    r"(?:,?\s+и\s+|,\s*а\s+также\s+|,\s+|;\s*|[.!]\s+)(?=" + _SENDING + r"\s|" + _DOCUMENT
    + r"\s+" + _SENDING + r"\s|обратиться\s|обращаются\s|провести\s|предлагают\s|просят\s)"
    r"|,\s*а\s+(?=(?:[^\s,.;:]+\s+){1,8}?провести\s|(?:[^\s,;:]+\s+){1,12}?(?:[–—-]\s+)?"
    + _PUBLISHING + r"\s)"
    # «… . Материалы конференции предлагается издать …», «… . Материалы чтений издать …» (a
    # sentence's end, not an initial's: «им. Н. К. Крупской»)
    r"|(?<=[а-яё\d»)]{2}[.!])\s+(?=(?-i:[А-ЯЁ])(?:[^.!?]{0,200}?(?<![а-яё])предлага"
    r"|(?:[^\s,.;:]+\s+){0,5}?" + _PUBLISHING + r"\s))", re.I)

#: An appeal that says what it asks for by a verb: «… с предложением (просьбой) сделать …»
#: (not «с просьбой о включении …», after which «и провести …» is a proposal of its own).
_WITH_CONTENT = re.compile(r"(?<![а-яё])с\s+(?:предложени(?:ем|ями)|просьб(?:ой|ами))\s+"
                           r"[а-яё]+(?:ть|ти)(?![а-яё])", re.I)
_APPEALING = re.compile(r"(?<![а-яё])(?:обратиться|обраща(?:ются|ется))\s", re.I)
#: A clause about the next event of a series just proposed: «…, а следующую провести …».
_ITS_NEXT = re.compile(r"(?:следующ|очередн)[а-яё]*(?![а-яё])", re.I)
#: A pronoun that points back to the event planned before: «… с просьбой принять её».
_BACK = re.compile(r"(?<![а-яё])(?:е[её]|его|их)(?![а-яё])", re.I)


def proposals_of(text: str, block: Block, position: int, *, proposing: bool = False
                 ) -> list[Proposal]:
    """The proposals of a paragraph in which the participants propose («Участники предлагают
    X провести следующую конференцию в 2023 году и направить настоящую резолюцию в Y»: two),
    or — ``proposing`` — of an item of a list the participants introduced as proposals."""
    a, b = body_text(text, block)
    clauses, start = [], a
    for m in _NEXT_PROPOSAL.finditer(text, a, b):
        if text[m.end() : m.end() + 8].lower() == "провести" and (not (
                SEND.search(text, start, m.start()) or _APPEALING.search(text, start, m.start()))
                or _WITH_CONTENT.search(text, start, m.start())):
            continue  # «предлагают X провести …»: X is asked to hold it — one proposal; so is
            # «обращаются к X с предложением сделать школу ежегодной и провести следующую …»
        clauses.append((start, m.start()))
        start = m.end()
    clauses.append((start, b))
    out: list[Proposal] = []
    for k, (ca, cb) in enumerate(clauses):
        # (a clause of its own that proposes again: «… и предлагают Управлению … направить …»)
        # (or a sentence of its own that proposes: «… . Мы предлагаем вернуться к …»)
        opens = k == 0 or PROPOSING.match(text, ca, cb) is not None
        first = _first(text, ca, cb, proposing) if opens or (
            PROPOSING.search(text, ca, cb) and text[ca - 2 : ca].rstrip().endswith(
                (".", "!"))) else None
        found = (_published(text, ca, cb) if not opens else None) or first or _sent(
            text, ca, cb) or _appeal(text, ca, cb) or _held(text, ca, cb)
        if found is None:
            continue
        addressee, planned = found
        if addressee is None and planned is not None and (
                entrust := _ENTRUST.search(text, ca, b)) is not None:
            # «… решено провести в июне 2017 года. Подготовку собрания поручить правлению …»
            addressee = addressee_at(text, entrust.end(), b, "datv")
        if out and k and planned is None and out[-1].addressee is None and addressee is not None \
                and out[-1].planned_event is not None and _BACK.search(text, ca, cb):
            # «… провести конференцию в 2022 году и обращаются к музею … с просьбой принять её»:
            # one proposal, addressed to the body asked to hold it
            out[-1] = Proposal(out[-1].position, Spanned(clean(text[a:cb]), Span(a, cb)),
                               addressee, out[-1].planned_event)
            continue
        before = out[-1] if out and k else None
        if before is not None and planned is not None and (
                before.planned_event is None or before.planned_event.year is None) and (
                _ITS_NEXT.search(text, ca, cb) or before.planned_event is not None
                and before.addressee is None
                and before.planned_event.kind.value == planned.kind.value):
            # «… проводить семинары ежегодно, а следующий семинар провести в 2013 году», «…
            # сделать конференцию ежегодной, а следующую провести в 2024 году»: the practice
            # and its next event, one proposal (to whom the practice was proposed)
            out[-1] = Proposal(before.position, Spanned(clean(text[a:cb]), Span(a, cb)),
                               before.addressee or _antecedent(text, a, addressee), planned)
            continue
        out.append(Proposal(position=position + len(out),
                            text=Spanned(clean(text[ca:cb]), Span(ca, cb)),
                            addressee=_antecedent(text, a, addressee), planned_event=planned))
    if len(out) == 1:  # the paragraph's one proposal: the whole paragraph is its text
        out[0] = dataclasses.replace(out[0], text=Spanned(clean(text[a:b]), Span(a, b)))
    return out


Found = tuple[Addressee | None, PlannedEvent | None]


def _antecedent(text: str, a: int, addressee: Addressee | None) -> Addressee | None:
    """«… благодарят коллектив Минусинского краеведческого музея имени Н. М. Мартьянова … и
    предлагают музею провести …»: a bare noun is the body of that noun the paragraph named in
    full before it (:func:`.organisations.named_before`)."""
    if addressee is None or " " in addressee.label or not addressee.label.islower():
        return addressee
    named = named_before(text, a, addressee.span.start, addressee.label)
    if named is None:
        return addressee
    return dataclasses.replace(addressee, label=named.name.value, certainty=Certainty(
        0.85, f"«{addressee.label}»: the body of that noun the paragraph named before"))


def _first(text: str, a: int, b: int, proposing: bool) -> Found | None:
    """«Участники предлагают X провести …», «… предлагают обратиться к X …»."""
    m = PROPOSING.search(text, a, b)
    if m is None and not proposing:
        return None
    if m is None:
        if (sent := _sent(text, a, b)) is not None:
            return sent
        own = own_addressee(text, a, b)
        planned = None if _publishing(text, a, b) else (
            planned_event(text, own[1] if own else a, b))  # (the materials of the event held)
        return (own[0] if own else None, planned if planned is not None and planned.year else None)
    rest = m.end()
    verb = ADDRESSING.match(text, m.start(), b) or ADDRESSING.match(
        text, rest + len(text[rest:b]) - len(text[rest:b].lstrip()), b)
    found = (addressee_at(text, verb.end(), b, case_after(verb.group())) if verb is not None
             else addressee_at(text, m.end(), b))
    if found is None and (appeal := _APPEALING.search(text, a, m.start())) is not None and (
            verb := ADDRESSING.match(text, appeal.start(), m.start())) is not None:
        # «Участники обращаются в министерство … с предложением включить …»: the body appealed to
        found = addressee_at(text, verb.end(), m.start(), case_after(verb.group()))
    elif found is None and m.start() > a and re.match(r"\s*предлагается", text[m.start() : b]):
        found = addressee_at(text, a, m.start())  # «Министерству … предлагается провести …»
    entrusted = None
    if found is None and (entrust := _ENTRUST.search(text, m.end(), b)) is not None:
        # «… провести следующее совещание в 2024 году и поручить его подготовку администрации
        # Шушенского района»: the body entrusted with it
        entrusted = addressee_at(text, entrust.end(), b, "datv")
    if found is None and (pronoun := _PRONOUN.match(text, m.end(), b)) is not None:
        # «… и предлагают ей провести …»: the sentence's thanks, in a clause before this one
        opening = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a)) + 1
        entrusted = _thanked(text, min(a, opening), m.start(), pronoun.group(1))
    if found is not None:
        rest = found.span.end  # the body asked, right after the verb: the event follows it
    elif entrusted is not None:
        found = entrusted  # named after the event
    if _publishing(text, rest, b):
        return found, None  # «… издать сборник материалов конференции до конца 2017 года»
    return found, planned_event(text, rest, b)


#: Entrusting the event to a body: «поручить его подготовку (проведение) администрации …».
_ENTRUST = re.compile(r"(?<![а-яё])(?:поручить\s+(?:(?:его|её|ее)\s+)?(?:подготовку|проведение"
                      r"|организацию)\s+|(?:подготовку|проведение|организацию)\s+(?:[а-яё\d]+\s+)"
                      r"{0,6}поручить\s+)", re.I)  # («Подготовку собрания поручить правлению»,
# «Подготовку и проведение очередной конференции в 2021 году поручить …»)
#: A pronoun for the body asked: «предлагают ей (ему, им) провести …».
_PRONOUN = re.compile(r"[*_]*\s+[*_]*(ей|ему|им)(?![а-яё])", re.I)
#: Thanks to a body before it: «выражают благодарность администрации …», «благодарят музей …».
_THANKS = re.compile(r"(?<![а-яё])(?:(благодар(?:ят|ит))|благодарность|признательность)"
                     r"(?:\s+коллектив[ау]?)?\s+", re.I)


def _thanked(text: str, a: int, end: int, pronoun: str) -> Addressee | None:
    """The body a pronoun stands for: the one the sentence thanked before it («Участники
    благодарят Национальную библиотеку Беларуси за … и предлагают ей провести …»)."""
    thanks = list(_THANKS.finditer(text, a, end))
    if not thanks:
        return None
    m = thanks[-1]
    stop = re.search(r"\s+за\s|,", text[m.end() : end])
    found = addressee_at(text, m.end(), m.end() + stop.start() if stop else end,
                         "accs" if m.group(1) else "datv")
    if found is None:
        return None
    return dataclasses.replace(found, certainty=Certainty(
        0.85, f"«{pronoun}»: the body thanked before it"))


def _sent(text: str, a: int, b: int) -> Found | None:
    """«направить настоящую резолюцию в Министерство …», «Итоговый документ направить в …»."""
    own = own_addressee(text, a, b)
    send = SEND.match(text, own[1] if own else a, b)
    if send is None:
        return None
    if own is not None:
        return own[0], None  # «Оргкомитету направить …»: the sender is asked
    return addressee_at(text, send.end(), b,
                        "accs" if send.group("to") or send.group("to2") else "datv"), None


def _publishing(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` proposes publishing the materials and holds no event."""
    return _PUBLISH.search(text, a, b) is not None and HOLD.search(text, a, b) is None


def _published(text: str, a: int, b: int) -> Found | None:
    """A clause of its own that proposes publishing the materials: «…, а материалы Школы
    опубликовать на сайте …», «…, а библиотеке – издать материалы …» (to that body), «. Материалы
    конференции предлагается издать …»; not one that also holds an event."""
    if not _publishing(text, a, b):
        return None
    own = own_addressee(text, a, b)
    return (own[0] if own else None), None


def _appeal(text: str, a: int, b: int) -> Found | None:
    """«обратиться к Государственному Совету …», «обращаются к музею …»."""
    verb = ADDRESSING.match(text, a, b)
    if verb is None or not verb.group().lower().startswith("обра"):
        return None
    found = addressee_at(text, verb.end(), b, case_after(verb.group()))
    if found is None:
        return None
    # «… с предложением провести аналогичный семинар в 2012 году»: the event asked for
    planned = planned_event(text, found.span.end, b)
    return found, planned if planned is not None and planned.year is not None else None


def closing_list(text: str, blocks: list[Block]) -> bool:
    """Whether the list that opens ``blocks`` holds closing proposals only — after a section of
    its own that follows the recommendations («Участники фестиваля решили:», «## Заключительные
    положения»): «– обратиться к Министерству … с предложением …», «– провести VI фестиваль в
    2027 году», «– направить резолюцию в …». A list with any other item is not."""
    listed = []
    for bl in blocks:
        if not bl.list_item:
            break
        listed.append(body_text(text, bl))
    return bool(listed) and all(
        _sent(text, a, b) or _appeal(text, a, b) or _held(text, a, b) for a, b in listed)


def _held(text: str, a: int, b: int) -> Found | None:
    """«а IV Съезд библиотекарей Республики Коми провести в 2021 году»; «Участники поддержали
    предложение (администрации …) о проведении VI фестиваля в 2020 году»."""
    backed = _BACKED.search(text, a, b)
    if HOLD.search(text, a, b) is None and not (
            backed and re.search(r"проведени[иея]", text[backed.end() : b], re.I)):
        return None
    planned = planned_event(text, backed.end() if backed else a, b)
    return (None, planned) if planned is not None and planned.year is not None else None


#: Backing a proposal made by someone else: «поддержали (поддерживают) предложение …».
_BACKED = re.compile(r"(?<![а-яё])поддерж(?:ал[аи]?|ива\w+)\s+предложени[ея](?![а-яё])", re.I)
