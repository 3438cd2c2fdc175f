"""The operative part: recommendations under their addressees, statements and proposals.

A section opens with an intro («Конференция рекомендует:», «… считают необходимым:»,
«Участники … решили:»), an addressee heading («*Органам местного самоуправления:*»,
«**1. Министерству культуры …:**», «Рекомендовать муниципальным библиотекам области:») or the
first item. Every following paragraph or list item is a recommendation of the current
addressee, unless it opens with its own addressee («Управлению культуры … рассмотреть …»).
Numbered addressee headings are not recommendations. Paragraphs in which the participants speak
(«Участники выражают надежду … и предлагают …») are statements or, when they propose that
someone act, closing proposals.
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
from .addressees import addressee_phrase
from .addressing import (
    ADDRESSING,
    APPEAL,
    ASKING,
    addressee_at,
    body_text,
    case_after,
    own_addressee,
)
from .blocks import Block, clean
from .dates import find_dates
from .organisations import ORG_HEADS
from .proposals import (
    HOLD,
    HOLDING,
    NEXT,
    PROPOSE_INTRO,
    SEND,
    planned_event,
    proposals_of,
)
from .russian import infinitive_lemma, is_infinitive, parses, words
from .topics import classify

RECOMMEND_INTRO = re.compile(
    r"рекоменд\w*|считают?\s+(?:необходимым|целесообразным|важным|нужным)|предлага\w*|"
    r"решил[аио]?(?![а-яё])|постановил[аио]?(?![а-яё])|постановляет|решает|просят|просит|"
    r"призыва\w*|обраща\w*|"
    r"необходимо|следует|поручить|предложить",
    re.I,
)
STATEMENT_INTRO = re.compile(
    r"отмеча\w*|констатиру\w*|подчеркива\w*|признают|признает|выража\w*|убежден\w*|"
    r"считают,|считает,|поддержива\w*|одобря\w*|обращают\s+внимание",
    re.I,
)
SPEAKER = re.compile(
    r"^(?:(?:все\s+)?участники|конференция|семинар|форум|совещание|круглый\s+стол|конгресс|"
    r"съезд|школа|чтения|вебинар|симпозиум|сессия|собравшиеся|мы)\b",
    re.I,
)
ADOPTED = re.compile(
    r"(?:(?:резолюция|решение|документ|рекомендации|обращение|итоговый\s+документ)\s+)?"
    r"(?:принят[аоы]?|одобрен[аоы]?|утвержд[её]н[аоы]?)\b",
    re.I,
)
SIGNATURE = re.compile(
    r"(?:^|\s)[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\."
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


def heading_addressee(text: str, block: Block, case: str = "datv", *, standalone: bool = False
                      ) -> tuple[Addressee, int | None] | None:
    """The addressee when ``block`` is an addressee heading («Органам …:», «Рекомендовать …:»,
    «Министерству культуры …» on a line of its own, «Библиотекам — развивать …»).

    Returns the addressee and, for «Адресату — текст», where the item's own text starts."""
    a, b = body_text(text, block)
    content = text[a:b].rstrip()
    if len(content) > 250 or find_dates(content):
        return None
    b = a + len(content)
    item_start = None
    dash = re.search(r"\s[—–-]\s+(?=[а-яёА-ЯЁ])", content)
    if dash and (is_infinitive(words(content[dash.end():])[0][0]) if words(
            content[dash.end():]) else False) or (dash and content[dash.end():].startswith(
            ("не ", "Не "))):
        item_start = a + dash.end()
        b = a + dash.start()
    elif content.endswith(":"):
        b -= 1
    elif content.endswith((".", ";", "!", ",")):
        return None
    if m := ADDRESSING.search(text, a, b):
        if (text[a : m.start()].strip() and not SPEAKER.match(text[a : m.start()])
                and not content.endswith(":")):
            return None
        if m.group().lower().startswith("обратиться"):
            return None  # «2. Обратиться к X с просьбой:» is itself a recommendation
        case = case_after(m.group())
        a = m.end()
    elif m := RECOMMEND_INTRO.search(text, a, b):
        a = m.end()
    while a < b and text[a] in " \t*_:":
        a += 1
    if m := re.match(r"[Кк]о?\s+", text[a:b]):
        a += m.end()  # «К органам местного самоуправления:» after «обращаются с предложениями:»
    found = addressee_at(text, a, b, case)
    if found is None:
        return None
    rest = text[found.span.end : b]
    rest = re.sub(r"^\s*с\s+(?:просьбой|предложением|рекомендацией)", "", rest)
    # «Архивному отделу администрации города (Сёмина Е. В.):»: who answers for it, not its name
    rest = re.sub(r"\s*\([А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s*(?:[А-ЯЁ]\.)?\)\s*$", "",
                  rest.rstrip(" \t*_:,"))
    if rest.strip(" \t*_:,"):
        tail = rest.rstrip(" \t*_:,")
        if len(tail) > 150 or any(is_infinitive(w) for w, _, _ in words(tail)) or not (
                content.endswith(":") or block.list_item or block.emphasised or standalone):
            return None
        # «… субъектов Российской Федерации в сфере культуры:», «…, на территории которых
        # находятся музеи-усадьбы:»: the heading names the addressee to its end
        end = found.span.end + len(tail)
        joined = found.label + ("" if tail.startswith(",") else " ") + clean(tail)
        found = dataclasses.replace(found, label=joined, span=Span(found.span.start, end))
    if standalone:
        found = dataclasses.replace(found, certainty=Certainty(
            0.75, "a line of its own in the nominative, before a list"))
    elif not content.endswith(":") and item_start is None and not block.emphasised:
        found = dataclasses.replace(found, certainty=Certainty(
            0.8, "a line of its own in the dative, without colon or emphasis"))
    return found, item_start


#: Head nouns of whom a heading in the nominative may address («Издательства, работающие …»,
#: «Органы местного самоуправления»), beside animate nouns and the organisations' heads.
AGENT_HEADS = ORG_HEADS | frozenset(
    "орган власть издательство учреждение организация оргкомитет редакция сми школа вуз "
    "театр клуб предприятие образование".split())


def nominative_heading(text: str, block: Block, following: Block | None
                       ) -> tuple[Addressee, int | None] | None:
    """An addressee heading in the nominative on a line of its own, before a list: «Правительство
    Мурманской области», «Издательства, работающие в области детской литературы»."""
    a, b = body_text(text, block)
    content = text[a:b].rstrip()
    if (block.list_item or following is None or not following.list_item or len(content) > 150
            or content.endswith((".", ";", ":", "!", "?", ",")) or action(text, a, b)):
        return None
    phrase = addressee_phrase(text, a, b, "nomn")
    if phrase is None or not (phrase.head in AGENT_HEADS or any(
            "anim" in p.tag for p in parses(phrase.head)[:1])):
        return None
    return heading_addressee(text, block, "nomn", standalone=True)


def is_adoption(text: str, block: Block) -> bool:
    a, b = body_text(text, block)
    return b - a < 250 and bool(ADOPTED.match(text, a, b))


def _is_signature(text: str, block: Block) -> bool:
    a, b = body_text(text, block)
    content = text[a:b]
    if len(content) > 120:
        return False
    verbs = any(is_infinitive(w) for w, _, _ in words(content))
    named = re.search(r"(?<![а-яё])(?:имени|им\.)\s*$", content[: m.start()], re.I) if (
        m := SIGNATURE.search(content)) else None
    # «Государственному музею-заповеднику М. Ю. Лермонтова:» opens a list: not a signature
    return (not verbs and m is not None and named is None
            and not content.endswith((".", ";", ":"))
            and addressee_at(text, a, b, "datv") is None)


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


def _is_intro(text: str, block: Block) -> bool:
    a, b = body_text(text, block)
    content = text[a:b]
    if not content.endswith(":") or len(content) > 300:
        return False
    if RECOMMEND_INTRO.search(content) and own_addressee(text, a, b) is not None:
        return False  # «Рекомендовать музеям активизировать работу по направлениям:» and a list
    return bool(RECOMMEND_INTRO.search(content)) or bool(
        SPEAKER.match(content) and STATEMENT_INTRO.search(content))


def _opens_section(text: str, block: Block) -> bool:
    return _is_intro(text, block) or heading_addressee(text, block) is not None


def _level(block: Block) -> tuple[int, str]:
    """A list item's level: (depth, kind of marker) — «1.» and «2.» share one, «1.1», «а)»,
    «–» are below them."""
    label = block.label
    if label is None:
        # bullets of different glyphs are different lists («* …:» and «– …» under it)
        glyph = (block.marker or "•").replace("—", "–").replace("-", "–")
        return block.first.depth, f"bullet{glyph}" if block.list_item else "paragraph"
    if re.fullmatch(r"\d+", label):
        return block.first.depth, "number"
    if re.fullmatch(r"[IVX]+", label):
        return block.first.depth, "roman"
    if "." in label:
        return block.first.depth, f"number.{label.count('.')}"
    return block.first.depth, "letter"


def _indent(text: str, block: Block) -> int:
    """How far the block's first line is indented in a plain-text or Markdown file."""
    line_start = text.rfind("\n", 0, block.start) + 1
    return len(text[line_start : block.start].expandtabs(4))


def _is_sub_item(text: str, parent: Block, block: Block) -> bool:
    """``block`` is a sub-item of the recommendation ``parent`` (which ends with a colon)."""
    if not block.list_item:
        return False
    (pd, pk), (d, k) = _level(parent), _level(block)
    if d > pd or _indent(text, block) >= _indent(text, parent) + 2:
        return True
    # a list of another kind than the item's own («– организовать обучение по темам:» and
    # «1) …», «2) …» under it)
    return d >= pd and pk != k


def _table_row(text: str, row: list[tuple[int, int]], columns: tables.Columns | None,
               block: Block) -> Recommendation | None:
    """The recommendation a table row holds: the text from the column the header names (else
    the first cell with a verb), the addressee from the «Адресат» column (else another cell
    that names one, in the dative or the nominative)."""
    body = columns.text if columns is not None and columns.text is not None else None
    if body is None or body >= len(row):
        body = next((k for k, cell in enumerate(row)
                     if not tables.is_number(text, cell) and action(text, *cell) is not None),
                    None)
    if body is None:
        return None
    a, b = row[body]
    if b - a < 3:
        return None
    candidates = ([columns.addressee] if columns is not None and columns.addressee is not None
                  else [k for k in range(len(row)) if k != body])
    addressee = None
    for k in candidates:
        if k >= len(row) or tables.is_number(text, row[k]):
            continue
        ca, cb = row[k]
        addressee = addressee_at(text, ca, cb, "datv") or addressee_at(text, ca, cb, "nomn")
        if addressee is not None:
            tail = text[addressee.span.end : cb]
            if tail.strip(" ,") and not any(is_infinitive(w) for w, _, _ in words(tail)):
                # «… муниципальных образований в Ямало-Ненецком автономном округе»: the cell
                # names the addressee to its end
                addressee = dataclasses.replace(
                    addressee, label=addressee.label + ("" if tail.startswith(",") else " ")
                    + clean(tail), span=Span(addressee.span.start, cb))
            break
    number = next((text[ca:cb].strip(" .)№") for ca, cb in row
                   if tables.is_number(text, (ca, cb)) and text[ca:cb].strip(" .)№")), None)
    return Recommendation(position=0, text=Spanned(clean(text[a:b]), Span(a, b)),
                          addressee=addressee, action=action(text, a, b),
                          topics=classify(text[a:b]), label=block.label or number)


def parse_items(text: str, blocks: list[Block], first: int) -> Items:
    """Recommendations, statements and proposals in ``blocks[first:]``."""
    start = next((i for i in range(first, len(blocks)) if _opens_section(text, blocks[i])), None)
    if start is None:
        start = next(
            (i for i in range(first, len(blocks))
             if blocks[i].list_item and action(text, *body_text(text, blocks[i])) is not None),
            len(blocks),
        )
    items = Items(start=start)
    columns: tables.Columns | None = None  # of the table being read, from its header row
    items.roles.update(dict.fromkeys(range(first), "title"))
    items.roles.update(dict.fromkeys(range(first, start), "preamble"))
    role = items.roles
    addressee: Addressee | None = None
    heading_level: tuple[int, str] | None = None
    first_under_heading = False
    mode = "recommend"
    heading_case = "datv"  # «просят:» is followed by headings in the accusative
    parent: Block | None = None  # the last recommendation, when it ends with a colon
    sub_level: tuple[int, str] | None = None  # the kind of list of its sub-items
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
            columns = None
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
        elif (from_row := _table_row(text, row, columns, block)) is not None:
            parent, sub_level = None, None
            items.recommendations.append(dataclasses.replace(
                from_row, position=len(items.recommendations) + 1))
            role[i - 1] = "item"
            continue
        if (parent is not None and _is_sub_item(text, parent, block)
                and (sub_level is None or _level(block) == sub_level)
                and heading_addressee(text, block, heading_case) is None):
            sub_level = _level(block)  # the sub-items are one list, of one kind
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
            # the operative part is over: what follows is signatures and the page around
            items.consumed.update(range(i - 1, len(blocks)))
            role.update(dict.fromkeys(range(i, len(blocks)), "closing"))
            role[i - 1] = "adoption"
            break
        if _is_signature(text, block):
            items.consumed.add(i - 1)
            role[i - 1] = "signature"
            continue
        heading = heading_addressee(text, block, heading_case) or nominative_heading(
            text, block, blocks[i] if i < len(blocks) else None)
        if heading is not None:
            addressee, mode = heading[0], "recommend"
            heading_level = _level(block) if block.list_item else None
            first_under_heading = True
            items.consumed.add(i - 1)
            role[i - 1] = "heading"
            if heading[1] is None:
                continue
            a = heading[1]
            content = text[a:b]
        elif heading_level is not None and block.list_item and _level(block) == heading_level:
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
                if items.recommendations and SPEAKER.match(content) and PROPOSE_INTRO.search(
                        content):
                    mode = "propose"  # «Участники чтений предлагают:» after the list
                heading_case = "accs" if ASKING.search(content) else "datv"
                items.consumed.add(i - 1)
                role[i - 1] = "intro"
                continue
        if mode == "propose" and heading is None:
            items.proposals += proposals_of(text, block, len(items.proposals) + 1,
                                            proposing=True)
            items.consumed.add(i - 1)
            role[i - 1] = "proposal"
            continue
        if heading is None and not block.list_item and SPEAKER.match(content):
            proposals = proposals_of(text, block, len(items.proposals) + 1)
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
            items.proposals.append(Proposal(
                position=len(items.proposals) + 1, text=Spanned(clean(content), Span(a, b)),
                addressee=own[0], planned_event=None))
            items.consumed.add(i - 1)
            role[i - 1] = "proposal"
            continue
        if heading is None and not block.list_item and action(text, a, b) is None and (
                items.recommendations or (len(content) <= 80 and not content.endswith(".")
                                          and (block.emphasised or block.heading is not None))):
            items.consumed.add(i - 1)  # no verb: not a recommendation (a caption, a headline)
            role[i - 1] = "caption"
            continue
        own = own_addressee(text, a, b) if heading is None else None
        if own is not None and addressee is not None and APPEAL.match(text, a, b):
            own = None  # «Обратиться в Правительство …» under «Комитету …»: the committee's act
        if (heading is None and not block.list_item and items.recommendations
                and (HOLD.search(content) or HOLDING.search(content) or NEXT.search(content))
                and (planned := planned_event(text, own[1] if own else a, b)) is not None
                and (planned.kind.value != "мероприятие" or NEXT.search(content))
                and planned.year is not None):
            # «Провести следующую конференцию в 2016 году», «Просить X поддержать проведение
            # фестиваля в 2020 году» after the list: a closing proposal
            items.proposals.append(Proposal(
                position=len(items.proposals) + 1, text=Spanned(clean(content), Span(a, b)),
                addressee=own[0] if own else None, planned_event=planned))
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
        if content.endswith(":"):
            parent = block
    return items
