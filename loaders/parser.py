"""From a :class:`~.rendition.Rendition` to a :class:`~resolutions_kg.records.Resolution`.

The heading gives the document type and the event (kind, qualifiers, ordinal, title); the
lines before the operative part give place and dates, organisers, participants, the topics
discussed and the participants' statements; :mod:`.items` reads the operative part.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from resolutions_kg.errors import NotAResolutionError
from resolutions_kg.records import (
    PATTERN,
    UNCERTAIN,
    Certainty,
    Event,
    OrganisationMention,
    Resolution,
    Span,
    Spanned,
)

from .adoption import adoption, registered
from .appeals import addressed, appeal_addressee
from .blocks import (
    Block,
    blocks,
    body_text,
    clean,
    sentences,
    split_inline_lists,
    tight,
)
from .casing import as_written as names_as_written
from .closing import is_adoption
from .dates import find_dates
from .doctype import DOCUMENT_TYPES, bilingual_heading, heading_block
from .events import KindMatch, find_kind, qualifiers_and_ordinal, title_in
from .furniture import header_fields, is_furniture
from .groups import event_groups
from .header import choose_date, choose_place
from .items import Items, parse_items
from .letterhead import letterhead_organiser
from .organisations import listed_below, listed_organisers, organisers, supporters
from .places import country_after
from .proposals import dated
from .rendition import Rendition
from .roles import second_opinion
from .rosters import table_cohorts
from .statements import discussed_topics, preamble_statements
from .titles import (
    as_written,
    labelled_title,
    lead_blocks,
    news_lead,
    subject_goes_on,
    theme_after,
    title_above,
    title_after,
    title_after_kind,
    title_line,
)
from .totals import (
    leading_count,
    participation_sentences,
    stated_total,
    total,
)

DRAFT = re.compile(r"(?<![а-яё])проект(?![а-яё])|\(проект\)", re.I)
#: A body's name quoted after its kind: «… организации «Библиотечная ассоциация …»».
_BODY_QUOTED = re.compile(r"(?:организаци|учреждени|ассоциаци|обществ|союз|объединени|фонд"
                          r"|центр)[а-яё]*\s*[«\"]$", re.I)
#: «… семинара по теме: Библиотека и семья», «… на тему «…»»: the title follows.
ON_THEME = re.compile(r"(?<![а-яё])(?:по|на)\s+тем[еуы]\s*:?\s*", re.I)


#: Called with the text, the blocks and the rules' reading of them (``scripts/train_roles.py``).
Observer = Callable[[str, list[Block], Items], None]


def parse(rendition: Rendition, *, observe: Observer | None = None) -> Resolution:
    """Read the resolution in ``rendition``; raise :class:`NotAResolutionError` if there is none.
    ``observe`` sees the blocks and the roles the rules gave them before the second opinion."""
    text = rendition.text
    name = rendition.source.name
    bs = split_inline_lists(text, [bl for bl in blocks(rendition)
                                   if not is_furniture(text, bl) or bilingual_heading(text, bl)])
    warnings: list[str] = []
    doc = heading_block(text, bs)
    if doc is None:
        raise NotAResolutionError(
            "no document type word (резолюция, рекомендации, итоговый документ, решение, "
            "постановление, обращение, выписка из протокола) in the heading", path=name, line=1)
    head_index, type_match = doc
    is_draft = bool(type_match.group("draft")) or any(
        DRAFT.search(text, bl.start, bl.end) and bl.end - bl.start < 40
        for bl in bs[: head_index + 1])
    document_type = Spanned(
        DOCUMENT_TYPES[type_match.group("type").replace(" ", "")[:5].lower()],
        Span(type_match.start("type"), type_match.end("type")),
    )
    # the heading: the type's block, plus a following block that holds the event or title
    head_blocks = [bs[head_index]]
    nxt = head_index + 1
    kind = find_kind(text, type_match.end("type"), bs[head_index].end, heading=True)
    if nxt < len(bs) and _continues_heading(text, bs[nxt], kind is None):
        head_blocks.append(bs[nxt])
        nxt += 1
    if nxt < len(bs) and _genitive_line(text, bs[nxt]):  # «Республики Мордовия»
        head_blocks, nxt = [*head_blocks, bs[nxt]], nxt + 1
    head_start, head_end = head_blocks[0].start, head_blocks[-1].end
    if kind is None:
        kind = find_kind(text, type_match.end("type"), head_end, heading=True)
    title = title_in(text, type_match.end("type"), head_end)
    if title is not None and _BODY_QUOTED.search(text, head_start, title.span.start) and (
            nxt < len(bs) and (own := title_in(text, *body_text(text, bs[nxt])))) and not text[
            bs[nxt].body : own.span.start - 1].strip(" *_") and len(own.value) > 10:
        # «РЕШЕНИЕ … организации «Библиотечная ассоциация Оренбуржья»» / ««Библиотечное
        # сообщество …»»: the quotation in the heading names a body; the line after is the title
        title, nxt = own, nxt + 1
    if title is None and (theme := theme_after(text, bs, nxt, document_type.value)):
        title, nxt = theme[0], nxt + (theme[1] == nxt)
        if theme[1] + 1 < len(bs) and (_genitive_line(text, bs[theme[1] + 1]) or (
                title.value.endswith(":") and re.match(r"[а-яё]", text[bs[theme[1] + 1].body:]))
                                       or subject_goes_on(text, title, bs[theme[1] + 1])):
            # («Тема: Музей-заповедник и малый исторический город:» / «стратегии развития»)
            # «О состоянии … муниципальных библиотек» / «Пензенской области»: the subject goes
            # on (a region's line is a block of its own); the line is the title's, nothing else's
            a, b = tight(text, *body_text(text, bs[theme[1] + 1]))
            title = Spanned(clean(text[title.span.start : b]), Span(title.span.start, b),
                            title.certainty)
            bs = bs[: theme[1] + 1] + bs[theme[1] + 2 :]
    if title is None and nxt < len(bs) and (title_line(text, bs[nxt]) or nxt + 1 < len(bs) and (
            title_line(text, bs[nxt], caps_over_two=True) and title_line(text, bs[nxt + 1]))):
        a, b = tight(text, *body_text(text, bs[nxt]))
        while nxt + 1 < len(bs) and text[a:b].isupper() and title_line(text, bs[nxt + 1]) and (
                (more := tight(text, *body_text(text, bs[nxt + 1])))[1] - a < 300
                and text[more[0] : more[1]].isupper() and not find_dates(text[more[0]:more[1]])):
            b, bs = more[1], bs[: nxt + 1] + bs[nxt + 2 :]  # a title in capitals over two lines
        if any(c.isalpha() for c in text[a:b]):
            title = title_in(text, a, b) or Spanned(
                clean(text[a:b]), Span(a, b), Certainty(0.8, "unquoted line after the heading"))
            nxt += 1
    if title is None and (on := ON_THEME.search(text, head_blocks[0].start, head_end)):
        a, b = tight(text, on.end(), head_end, "«»\"“”„.")
        if b - a > 3:
            title = Spanned(clean(text[a:b]), Span(a, b), Certainty(0.85, "after «на тему»"))
    if title is None:
        # a page headline before the document itself: the title is quoted in a heading line
        # further down, before the first sentence of the preamble
        for k, bl in enumerate(bs[nxt : nxt + 4], nxt):
            a, b = body_text(text, bl)
            if b - a > 250 or text[a:b].rstrip().endswith("."):
                break
            if k + 1 < len(bs) and text[b : bs[k + 1].start].count("\n") == 1 and text[
                    bs[k + 1].body : bs[k + 1].body + 1] in "«\"":  # («… конференция<br>«…»»)
                b = bs[k + 1].end
            if find_kind(text, a, b) is not None and (found := title_in(text, a, b)):
                title = dataclasses.replace(found, certainty=Certainty(
                    0.75, "quoted in a heading line after a page headline"))
                break
    heading = Spanned(clean(text[head_start:head_end]), Span(head_start, head_end))
    items = parse_items(text, bs, nxt)
    if observe is not None:
        observe(text, bs, items)
    items = second_opinion(text, bs, items)
    if document_type.value == "обращение" and (
            to := appeal_addressee(text, bs, head_index, head_end)) is not None:
        items = addressed(items, to)  # «… к Народному Хуралу …», «просим Вас: …»
    preamble = [bl for bl in bs[nxt : items.start] if not is_adoption(text, bl)]
    pre_sentences = [s for bl in preamble for s in sentences(text, bl.start, bl.end)]
    region_start = type_match.end("type")
    kind_certainty = PATTERN
    if kind is None:
        kind_certainty = Certainty(0.75, "event kind from the preamble, not the heading")
        for a, b in pre_sentences:
            if (kind := find_kind(text, a, b)) is not None:
                region_start = a
                if title is None:
                    title = title_after(text, kind.span.end, b)
                break
        # a bare «РЕКОМЕНДАЦИИ» under a page's news lead: the event the lead says took place
        for a, b in [] if kind is not None else news_lead(text, bs, head_index, "мероприятие"):
            if (kind := find_kind(text, a, b)) is not None:
                region_start = a
                break
    if kind is not None and title is None:
        told = [(a, b) for a, b in pre_sentences  # (not «Уважаемый Глава Республики!»)
                if not text[a:b].rstrip(" *_\n").endswith("!")]
        title = title_after_kind(text, told[:2], kind.value, Certainty(
            0.8, "quoted after the event kind in the first sentences"))
    if kind is None and not items.recommendations:
        raise NotAResolutionError(
            "no event (конференция, семинар, круглый стол …) and no recommendations",
            path=name, line=rendition.line_number(head_start))
    if kind is None:
        warnings.append("no event kind is named; the event is called «мероприятие»")
        kind = KindMatch("мероприятие", document_type.span, document_type.span.start)
        kind_certainty = Certainty(0.3, "no event kind named")
        qualifiers: tuple[str, ...] = ()
        ordinal: int | None = None
    else:
        qualifiers, ordinal = qualifiers_and_ordinal(text, region_start, kind)
    lead_bl = lead_blocks(text, bs, head_index, kind.value)
    lead = [s for bl in lead_bl if not bl.list_item for s in sentences(text, bl.start, bl.end)]
    if title is None and lead:
        title = title_after_kind(text, lead, kind.value, Certainty(
            0.75, "quoted after the event kind in the news lead above the heading"))
    if title is None:
        title = title_above(text, bs, head_index)
    if (field := labelled_title(text, bs, head_index)) is not None and (
            title is None or text[title.span.start - 1 : title.span.start] != "«"):
        title = field  # «… по теме «…»», «Тема заседания: «…»» (not a line of the heading)
    if title is not None:
        title = as_written(text, title)
    adopted, unanimous = adoption(text, bs)
    # a stamp's date on a line of its own above the heading («УТВЕРЖДЕНЫ / на итоговом занятии
    # / 17 мая 2017 г.») is the adoption's, no dateline of the event
    stamp = [bl for bl in bs[:head_index] if adopted is not None
             and bl.start <= adopted.span.start < bl.end and not is_adoption(text, bl)]
    front = [bl for bl in bs[: max(items.start, head_index + 1)]
             if not is_adoption(text, bl) and bl not in stamp]
    if adopted is None:  # «15 марта 2016 г.      № 2» under «РЕШЕНИЕ»: the day it was taken
        adopted = registered(text, front) or registered(text, bs[-5:])  # (or at its foot)
    closing = [bl for bl in bs if is_adoption(text, bl)] + stamp + [
        bl for bl in bs[items.start :][-3:] if bl.end - bl.start <= 80]
    event = _event(text, front, front.index(bs[head_index]), closing, preamble, pre_sentences,
                   kind, qualifiers, ordinal, title, warnings, lead_bl)
    event = dataclasses.replace(event, kind=dataclasses.replace(event.kind,
                                                                certainty=kind_certainty))
    if adopted is None and _SITTING.match(event.kind.value) and event.start is not None and (
            event.end is None or event.end.value == event.start.value):
        # a sitting's decision with no date of its own: taken at the sitting (so 11 of the 16
        # labelled ones this dates; 5 labellers of older batches date none)
        adopted = dataclasses.replace(event.start, certainty=Certainty(
            0.8, "a sitting's decision: the day of the sitting"))
    if not event.organisers and (head := letterhead_organiser(
            text, bs, head_index, event.kind.value)) is not None:
        event = dataclasses.replace(event, organisers=(head,))
    if listed := listed_organisers(text, bs):  # «**Организаторы семинара:**» over the names
        named = {o.name.value for o in event.organisers}
        event = dataclasses.replace(event, organisers=event.organisers + tuple(
            o for o in listed if o.name.value not in named))
    statements = preamble_statements(text, pre_sentences) + tuple(items.statements)
    statements = tuple(
        type(s)(position=i, text=s.text) for i, s in enumerate(statements, start=1))
    if not items.recommendations:
        warnings.append("no recommendations found")
    warnings += _uncertain(text, event, items)
    if text.rstrip()[-1:].isalpha() and len(text.rstrip()) and items.start >= len(bs):
        warnings.append("the text seems to stop mid-sentence")
    return names_as_written(Resolution(
        source=rendition.source,
        document_type=document_type,
        event=event,
        heading=heading,
        is_draft=is_draft,
        adopted=adopted,
        adopted_unanimously=unanimous,
        statements=statements,
        recommendations=tuple(items.recommendations),
        proposals=dated(items.proposals, event.start),
        warnings=tuple(warnings),
    ))


def _continues_heading(text: str, block: Block, needs_kind: bool) -> bool:
    a, b = body_text(text, block)
    if b - a > 300 or find_dates(text[a:b]):
        return False
    starts_lower = text[a:b][:1].islower()
    if re.match(r"(?:г|гор|пос|с|пгт|ст)\.\s*[А-ЯЁ]", text[a:b]):
        return False  # «г. Бишкек»: the place line, not more of the title
    if starts_lower:
        return True
    return (needs_kind and find_kind(text, a, b, heading=True) is not None
            and (block.emphasised or b - a < 200)
            and not re.search(r"\b(?:провед[её]н|организован)|[.!?]\s+[А-ЯЁ]", text[a:b]))


def _genitive_line(text: str, block: Block) -> bool:
    """A short line that goes on with the heading's genitive: whose region or body it was
    («Республики Мордовия», «Вологодской области», «Министерства культуры …»), unquoted."""
    a, b = body_text(text, block)
    content = text[a:b]
    return b - a < 100 and _WHOSE.match(content) is not None and not re.search(
        r"[«»\"“”„:.]", content) and not find_dates(content)


#: The opening of a line that names whose the event was, in the genitive.
_WHOSE = re.compile(r"(?:[А-ЯЁ][А-ЯЁа-яё-]+(?:ой|ого|ей)\s+(?:[а-яё]+(?:ого|ой)\s+)?"
                    r"(?:области|края|округа|района|зоны)"
                    r"|(?:Республики|Министерства|Департамента|Управления|Комитета)\s)")


def _event(text: str, front: list[Block], heading_index: int, closing: list[Block],
           preamble: list[Block], pre_sentences: list[tuple[int, int]], kind: KindMatch,
           qualifiers: tuple[str, ...], ordinal: int | None, title: Spanned[str] | None,
           warnings: list[str], lead_bl: list[Block]) -> Event:
    lead = [s for bl in lead_bl if not bl.list_item for s in sentences(text, bl.start, bl.end)]
    start = end = place = None
    country = None
    date = choose_date(text, front, heading_index, closing)
    date_block = None
    if date is not None:
        d = date.date
        how = Certainty(date.confidence, date.method)
        start = Spanned(d.start, d.span, how)
        end = Spanned(d.end, d.span, how)
        date_block = next((bl for bl in front if bl.start <= d.span.start < bl.end), None)
    found = choose_place(text, front, heading_index, closing, date, date_block)
    if found is not None:
        confidence = found.confidence if found.place.known else min(found.confidence, 0.7)
        method = found.method if found.place.known else found.method + ", not a listed settlement"
        place = Spanned(found.place.name, Span(found.place.start, found.place.end),
                        Certainty(confidence, method))
        country = country_after(text, found.place.end)
    if start is None:
        warnings.append("no date of the event found")
    if place is None:
        warnings.append("no place of the event found")
    orgs: tuple[OrganisationMention, ...] = ()
    sups: tuple[OrganisationMention, ...] = ()
    fields = header_fields(text, front[:heading_index])  # («Организаторы: …», «Участники: 126»)
    ranges = pre_sentences + lead + fields
    for i, (a, b) in enumerate(ranges):  # «… по инициативе X. … организатор — Y»: both
        named = {o.name.value for o in orgs}
        j = i
        while j + 1 < len(ranges) and listed_below(text, a, b, ranges[j + 1][0]):
            j, b = j + 1, ranges[j + 1][1]  # «Организаторы:» ending a line, the names below
        orgs += tuple(o for o in organisers(text, a, b) if o.name.value not in named)
        if not sups:
            sups = tuple(supporters(text, a, b))
    participation = participation_sentences(text, pre_sentences)
    count = (stated_total(text, pre_sentences) or total(text, participation)
             or total(text, fields))
    if count is None and lead:
        participation = participation_sentences(text, lead)
        count = total(text, participation)
    if count is None:
        count = leading_count(text, pre_sentences + lead)
    rows, table_total = table_cohorts(text, preamble)
    if count is None:
        count = table_total
    groups = event_groups(text, preamble, participation, count, rows, orgs)
    if count is None:
        warnings.append("no number of participants found")
    return Event(
        kind=Spanned(kind.value, kind.span),
        title=title,
        qualifiers=qualifiers,
        ordinal=ordinal,
        place=place,
        country=country,
        start=start,
        end=end,
        organisers=orgs,
        supporters=sups,
        participants=Spanned(count.value, count.span) if count else None,
        participants_is_minimum=count.minimum if count else False,
        cohorts=tuple(groups),
        topics=discussed_topics(text, preamble) or discussed_topics(text, lead_bl),
    )


def _uncertain(text: str, event: Event, items: Items) -> list[str]:
    """One warning per uncertain fact: what, the words it was read from, how, how sure."""
    facts: list[tuple[str, Span, Certainty]] = [
        (name, value.span, value.certainty)
        for name, value in (("event kind", event.kind), ("event title", event.title),
                            ("event place", event.place), ("event start date", event.start),
                            ("event end date", event.end))
        if value is not None]
    for rec in items.recommendations:
        facts.append((f"recommendation {rec.position}", rec.text.span, rec.text.certainty))
        if rec.addressee is not None:
            facts.append((f"addressee of recommendation {rec.position}", rec.addressee.span,
                          rec.addressee.certainty))
    for prop in items.proposals:
        facts.append((f"proposal {prop.position}", prop.text.span, prop.text.certainty))
        if prop.addressee is not None:
            facts.append((f"addressee of proposal {prop.position}", prop.addressee.span,
                          prop.addressee.certainty))
    return [f"uncertain: {name} «{clean(text[span.start:span.end])}» ({how.method}, "
            f"{how.confidence:.2f})" for name, span, how in facts if how.confidence < UNCERTAIN]


#: A sitting of a body, whose decisions are taken that day: «заседание коллегии», «общее
#: собрание членов ассоциации».
_SITTING = re.compile(r"(?:расширенное\s+|выездное\s+|совместное\s+|внеочередное\s+|очередное\s+)?"
                      r"(?:заседание|(?:общее\s+|отчётное\s+|отчетное\s+)?собрание)(?![а-яё])")
