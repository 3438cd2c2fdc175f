"""The operative part: recommendations under their addressees, statements and proposals.

A section opens with an intro («Конференция рекомендует:», «… считают необходимым:»,
«Участники … решили:»), an addressee heading («*Органам местного самоуправления:*»,
«**1. Министерству культуры …:**», «Рекомендовать муниципальным библиотекам области:») or the
first item. Every following paragraph or list item is a recommendation of the current
addressee, unless it opens with its own addressee («Управлению культуры … рассмотреть …»).
Numbered addressee headings are not recommendations. Paragraphs in which the participants speak
(«Участники выражают надежду … и предлагают …») are statements or closing proposals.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from resolutions_kg.records import (
    Addressee,
    Certainty,
    Proposal,
    Recommendation,
    Span,
    Spanned,
    Statement,
)

from . import tables
from .addressing import (
    APPEAL,
    ASKING,
    action,
    addressee_at,
    own_addressee,
)
from .blocks import MINUTES, Block, body_text, clean, indent, is_sub_item, list_level
from .closing import BODY_SPEAKS, OVERSIGHT, QUESTION, closes, is_adoption, is_signature
from .headings import RECOMMEND_INTRO, SPEAKER, heading_addressee, nominative_heading
from .proposals import (
    HOLD,
    HOLDING,
    NEXT,
    OFFERED,
    PROPOSALS_CAPTION,
    PROPOSE_INTRO,
    SEND,
    THANKING,
    closing_list,
    planned_event,
    proposals_of,
)
from .rendition import in_capitals
from .russian import is_infinitive, words
from .tables import recommendation_of_row
from .topics import classify

STATEMENT_INTRO = re.compile(
    r"отмеча\w*|констатиру\w*|подчеркива\w*|признают|признает|выража\w*|убежден\w*|"
    r"считают,|считает,|поддержива\w*|одобря\w*|обращают\s+внимание",
    re.I,
)


@dataclass
class Items:
    #: Index of the block where the operative part starts (len(blocks) when there is none).
    start: int
    recommendations: list[Recommendation] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    #: Blocks that were intros, headings or closing lines (not items).
    consumed: set[int] = field(default_factory=set)
    #: The role the rules gave each block (index → :data:`ROLES` name); a second opinion
    #: (:mod:`.roles`) checks the ones that made facts.
    roles: dict[int, str] = field(default_factory=dict)


#: Block roles: the document's heading lines, the preamble, then the operative part.
ROLES = ("title", "preamble", "intro", "heading", "item", "sub-item", "statement", "proposal",
         "adoption", "closing", "signature", "caption")


def _is_intro(text: str, block: Block) -> bool:
    a, b = body_text(text, block)
    content = text[a:b]
    if not content.endswith(":") or len(content) > 300:
        return False
    if RECOMMEND_INTRO.search(content) and own_addressee(text, a, b) is not None:
        return False  # «Рекомендовать музеям активизировать работу по направлениям:» and a list
    first = words(content)[:1]
    if first and is_infinitive(first[0][0]) and not RECOMMEND_INTRO.match(first[0][0]):
        return False  # «3.2. Разработать методические рекомендации …, включив в них разделы:»
    lead = _CONNECTIVE.match(content)  # «Вместе с тем участники обращают внимание на …:»
    return bool(RECOMMEND_INTRO.search(content)) or bool(
        SPEAKER.match(content[lead.end() if lead else 0 :]) and STATEMENT_INTRO.search(content))


#: A connective that may open a sentence before its speaker.
_CONNECTIVE = re.compile(r"(?:вместе\s+с\s+тем|в\s+то\s+же\s+время|при\s+этом|кроме\s+того"
                         r"|однако|также),?\s+", re.I)


def _opens_section(text: str, blocks: list[Block], i: int) -> bool:
    if _is_intro(text, blocks[i]) or heading_addressee(text, blocks[i]) is not None:
        return True
    below = [bl for bl in blocks[i + 1 : i + 3] if not tables.is_separator(text, bl)][:1]
    return bool(below) and _heads_recommendations(text, blocks[i], below[0])


#: A column header that names recommendations or decisions (not events, an agenda, nor
#: the proposals received at a hearing, «Содержание предложения | Кем внесено»).
_RECOMMENDATIONS_COLUMN = re.compile(r"рекомендац|решени|поручени", re.I)


def _heads_recommendations(text: str, block: Block, first: Block) -> bool:
    """``block`` is the header row of a table of recommendations («| № | Содержание
    рекомендации | Адресат | Срок |») and ``first`` a row holding one."""
    row = tables.cells(text, block)
    header = tables.header_columns(text, row) if row is not None else None
    if row is None or header is None or header.text is None or not (
            _RECOMMENDATIONS_COLUMN.search(text, *row[header.text])):
        return False
    cells = tables.cells(text, first)
    return cells is not None and recommendation_of_row(text, cells, header, first) is not None


def parse_items(text: str, blocks: list[Block], first: int) -> Items:
    """Recommendations, statements and proposals in ``blocks[first:]``."""
    start = next((i for i in range(first, len(blocks)) if _opens_section(text, blocks, i)), None)
    if start is None:
        start = next(
            (i for i in range(first, len(blocks))
             if blocks[i].list_item and action(text, *body_text(text, blocks[i])) is not None),
            len(blocks),
        )
    items = Items(start=start)
    columns: tables.Columns | None = None  # of the table being read, from its header row
    table = columns  # the last row's, kept over a heading line between the rows
    items.roles.update(dict.fromkeys(range(first), "title"))
    items.roles.update(dict.fromkeys(range(first, start), "preamble"))
    role = items.roles
    addressee: Addressee | None = None
    heading_level: tuple[int, str] | None = None
    heading_indent = 0  # (items indented under a heading that is a list item are not its peers)
    first_under_heading = False
    mode = "recommend"
    heading_case = "datv"  # «просят:» is followed by headings in the accusative
    parent: Block | None = None  # the last recommendation, when it ends with a colon
    sub_level: tuple[int, str] | None = None  # the kind of list of its sub-items
    sub_indent = -1  # how far its sub-items are indented
    i = start
    while i < len(blocks):
        block = blocks[i]
        i += 1
        a, b = body_text(text, block)
        content = text[a:b]
        if not content.strip():
            continue
        row = tables.cells(text, block)
        if row is None:
            table, columns = columns, None
        elif tables.is_separator(text, block):
            items.consumed.add(i - 1)
            role[i - 1] = "caption"
            continue
        elif (header := tables.header_columns(text, row)) is not None and not any(
                action(text, *cell) for cell in row):
            columns = header  # «| № | Рекомендация | Адресат |»
            items.consumed.add(i - 1)
            role[i - 1] = "caption"
            continue
        elif (under := tables.under_heading(text, row, block, columns)) is not None:
            columns = under  # «| | **Архивным учреждениям …:** | |» over the rows it addresses
            role[i - 1] = "heading"
            continue
        elif (from_row := recommendation_of_row(text, row, columns, block)) is not None:
            parent, sub_level = None, None
            items.recommendations.append(dataclasses.replace(  # (under a heading: its addressee)
                from_row, position=len(items.recommendations) + 1,
                addressee=from_row.addressee or addressee))
            role[i - 1] = "item"
            continue
        if (parent is not None and is_sub_item(text, parent, block)
                and (sub_level is None or list_level(block) == sub_level
                     # «а) …», «б) …», «— …» indented alike under the item: its sub-items still
                     or indent(text, block) == sub_indent > indent(text, parent) + 1)
                and heading_addressee(text, block, heading_case) is None):
            sub_level = list_level(block)  # the sub-items are one list, of one kind
            sub_indent = indent(text, block)
            last = items.recommendations[-1]
            span = Span(last.text.span.start, b)
            items.recommendations[-1] = dataclasses.replace(
                last, text=Spanned(clean(text[span.start : span.end]), span),
                topics=classify(text[span.start : span.end]))
            items.consumed.add(i - 1)
            role[i - 1] = "sub-item"
            continue
        parent, sub_level = None, None
        if is_adoption(text, block):
            # the operative part is over: what follows is signatures and the page around — and
            # what the participants still propose («Резолюция принята … 7 июня 2018 г.» /
            # «Участники семинара предложили музею провести в 2019 году …»)
            items.consumed.update(range(i - 1, len(blocks)))
            role.update(dict.fromkeys(range(i, len(blocks)), "closing"))
            role[i - 1] = "adoption"
            for k in range(i, len(blocks)):
                x, y = body_text(text, blocks[k])
                if not blocks[k].list_item and (SPEAKER.match(text[x:y]) or BODY_SPEAKS.match(
                        text[x:y]) or NEXT.match(text, x, y)) and (
                        after := proposals_of(text, blocks[k], len(items.proposals) + 1)):
                    items.proposals += after
                    role[k] = "proposal"
            break
        if is_signature(text, block):
            items.consumed.add(i - 1)
            role[i - 1] = "signature"
            continue
        if MINUTES.match(text, a, b):  # «2. СЛУШАЛИ: …», «ВЫСТУПИЛИ: …»: the record, no decision
            items.consumed.add(i - 1)
            role[i - 1], addressee, heading_level = "caption", None, None
            continue
        if OVERSIGHT.match(text, a, b):  # «Контроль за исполнением … возложить на …»
            role[i - 1] = "statement"  # the decision's own procedure: asks nobody for anything
            items.statements.append(
                Statement(len(items.statements) + 1, Spanned(clean(content), Span(a, b))))
            continue
        heading = None if mode == "propose" and block.list_item else heading_addressee(
            text, block, heading_case) or nominative_heading(  # (a proposal: «– Министерству
            text, block, blocks[i] if i < len(blocks) else None)  # … — провести …»)
        if heading is not None:
            addressee, mode, columns = heading[0], "recommend", table
            heading_level = list_level(block) if block.list_item else None
            heading_indent = indent(text, block)
            first_under_heading = True
            items.consumed.add(i - 1)
            role[i - 1] = "heading"
            if heading[1] is None:
                continue
            a = heading[1]
            content = text[a:b]
        elif heading_level is not None and block.list_item and (
                list_level(block) == heading_level and indent(text, block) < heading_indent + 2):
            if first_under_heading and block.label in ("1", "I", "а", "a"):
                heading_level = None  # the items number afresh under each heading
            else:
                # «3. Проводить …» after «1. Органам …: — …»: back at the level of the headings
                addressee, heading_level = None, None
        if heading is None:
            first_under_heading = False
        if heading is None and content.endswith(":") and len(content) < 300:
            if STATEMENT_INTRO.search(content) and not RECOMMEND_INTRO.search(content):
                mode = "state"
                items.consumed.add(i - 1)
                role[i - 1] = "intro"
                continue
            if _is_intro(text, block):
                mode, addressee, heading_level = "recommend", None, None
                if items.recommendations and (SPEAKER.match(content) and PROPOSE_INTRO.search(
                        content) or closing_list(text, blocks[i:])):
                    mode = "propose"  # «Участники чтений предлагают:» after the list
                heading_case = "accs" if ASKING.search(content) else "datv"
                items.consumed.add(i - 1)
                role[i - 1] = "intro"
                continue
        if mode == "propose" and heading is None and not (
                THANKING.search(content) and not HOLD.search(content)):
            items.proposals += proposals_of(text, block, len(items.proposals) + 1,
                                            proposing=True)
            items.consumed.add(i - 1)
            role[i - 1] = "proposal"
            continue
        if heading is None and not block.list_item and (SPEAKER.match(content) or (
                (role.get(i - 2) == "proposal" or OFFERED.match(content) and items.recommendations)
                and OFFERED.search(content))):  # («Оргкомитету предлагается издать …» after a
            # proposal: one more; «Материалы … опубликовать …» after the list)
            proposals = proposals_of(text, block, len(items.proposals) + 1,
                                     proposing=not SPEAKER.match(content))
            if not proposals and HOLD.search(content) and (
                    planned := planned_event(text, a, b)) is not None and planned.year:
                # «Участники считают целесообразным провести следующую конференцию в 2021 году»
                proposals = [Proposal(position=len(items.proposals) + 1,
                                      text=Spanned(clean(content), Span(a, b)), addressee=None,
                                      planned_event=planned)]
            role[i - 1] = "proposal" if proposals else "statement"
            if proposals:
                items.proposals += proposals
            else:
                items.statements.append(
                    Statement(len(items.statements) + 1, Spanned(clean(content), Span(a, b))))
            items.consumed.add(i - 1)
            continue
        if mode == "state":
            role[i - 1] = "statement"
            items.statements.append(
                Statement(len(items.statements) + 1, Spanned(clean(content), Span(a, b))))
            continue
        if (heading is None and not block.list_item and items.recommendations
                and APPEAL.match(text, a, b) and (own := own_addressee(text, a, b)) is not None
                and not any(bl.list_item and action(text, *body_text(text, bl))
                            for bl in blocks[i:i + 3])):
            # «Обратиться к Министерству культуры … с просьбой …» after the list, with no item
            # after it: a closing proposal addressed to the body appealed to
            planned = planned_event(text, own[1], b)  # «… с предложением провести в 2025 …»
            items.proposals.append(Proposal(
                position=len(items.proposals) + 1, text=Spanned(clean(content), Span(a, b)),
                addressee=own[0],
                planned_event=planned if planned is not None and planned.year else None))
            items.consumed.add(i - 1)
            role[i - 1] = "proposal"
            continue
        if heading is None and (not block.list_item or in_capitals(content) or (
                block.heading is not None or len(content.split()) <= 2 and not content.endswith(
                    "."))) and action(text, a, b) is None and (  # («### 4. Заключение», «4.
                # Заключение»: a numbered section's heading)
                items.recommendations or QUESTION.fullmatch(content) or (
                    len(content) <= 80 and not content.endswith(".")
                    and (block.emphasised or block.heading is not None))):
            items.consumed.add(i - 1)  # no verb: not a recommendation (a caption, a headline)
            role[i - 1] = "caption"
            if items.recommendations and (closing_list(text, blocks[i:])
                                          or PROPOSALS_CAPTION.fullmatch(content.strip("*_#: \t"))):
                # «## Заключительные положения» over «1. Провести … в 2025 году»; «Предложения:»
                mode, addressee, heading_level = "propose", None, None
            continue
        own = own_addressee(text, a, b) if heading is None else None
        if own is not None and addressee is not None and (
                APPEAL.match(text, a, b) or re.match(r"[\s*_]*(?:[Пп]оручить|рекомендовать)\s",
                                                     text[a:b])):
            own = None  # «Обратиться в Правительство …» under «Комитету …», «Поручить
            # Правительству …» under «Просим Главу:», «рекомендовать школам …» (in
            # lower case) under «Департаменту образования»: the act of the body the heading names
        if (heading is None and not block.list_item and items.recommendations
                and (HOLD.search(content) or HOLDING.search(content) or NEXT.search(content))
                and (planned := planned_event(text, own[1] if own else a, b)) is not None
                and (planned.kind.value != "мероприятие" or NEXT.search(content))
                and planned.year is not None and (own is None or NEXT.search(content)
                                                  or own[0].span.start - a > 2)):
            # (not «Национальному архиву … провести в 2024 году обучающий семинар …»: a body
            # told to hold an event of its own, not the next of the series — an item)
            # «Провести следующую конференцию в 2016 году», «Просить X поддержать проведение
            # фестиваля в 2020 году» after the list: a closing proposal (or more: «… в 2021
            # году в г. Алматы. Направить резолюцию в …»)
            many = proposals_of(text, block, len(items.proposals) + 1, proposing=True)
            # («Учитывая, что …, участники предлагают оргкомитету провести …»: the body asked)
            asked = len(many) == 1 and many[0].addressee is not None and own is None
            items.proposals += many if len(many) > 1 or asked else [Proposal(
                position=len(items.proposals) + 1, text=Spanned(clean(content), Span(a, b)),
                addressee=own[0] if own else None, planned_event=planned)]
            items.consumed.add(i - 1)
            role[i - 1] = "proposal"
            continue
        if (heading is None and not block.list_item and items.recommendations
                and (send := SEND.match(text, own[1] if own else a, b)) is not None):
            # «Направить настоящую резолюцию в Министерство …» after the list: a closing
            # proposal addressed to the recipient; «Оргкомитету направить …»: to the sender
            items.proposals.append(Proposal(
                position=len(items.proposals) + 1, text=Spanned(clean(content), Span(a, b)),
                addressee=own[0] if own else addressee_at(
                    text, send.end(), b,
                    "accs" if send.group("to") or send.group("to2") else "datv"),
                planned_event=None))
            items.consumed.add(i - 1)
            role[i - 1] = "proposal"
            continue
        if (heading is None and own is None and not block.list_item and items.recommendations
                and i >= 2 and blocks[i - 2].list_item and role.get(i - 2) in ("item", "sub-item")
                and content[:1].isupper() and (i == len(blocks) or closes(text, blocks[i]))):
            # «- включать архивные документы …» / «Материалы конференции рекомендовано
            # опубликовать в сборнике.»: a paragraph of its own after the list's last item, and
            # no list after it, is the document's closing word, not an item of that list
            planned = planned_event(text, a, b)
            items.proposals.append(Proposal(
                position=len(items.proposals) + 1, text=Spanned(clean(content), Span(a, b)),
                addressee=None,
                planned_event=planned if planned is not None and planned.year else None))
            items.consumed.add(i - 1)
            role[i - 1] = "proposal"
            continue
        if own is not None and own[0].span.start > a + 20:
            own = (dataclasses.replace(own[0], certainty=Certainty(
                0.75, "addressee named inside the item's text")), own[1])
        items.recommendations.append(
            Recommendation(
                position=len(items.recommendations) + 1,
                text=Spanned(clean(content), Span(a, b)),
                addressee=own[0] if own else addressee,
                action=action(text, own[1] if own else a, b),
                topics=classify(content),
                label=block.label,
            )
        )
        if heading is None:
            role[i - 1] = "item"
        elif heading[1] is not None and not block.list_item and not content.endswith(":"):
            addressee = None  # «Музеям – шире использовать …»: a paragraph's own addressee
        if content.endswith(":"):
            parent = block
    return items
