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

import re
from dataclasses import dataclass, field

from resolutions_kg.records import (
    Addressee,
    PlannedEvent,
    Proposal,
    Recommendation,
    Span,
    Spanned,
    Statement,
)

from .blocks import Block, clean
from .events import find_kind
from .organisations import mention
from .russian import head_phrase, infinitive_lemma, is_infinitive, nominative, parses, words
from .topics import classify

RECOMMEND_INTRO = re.compile(
    r"рекоменд\w*|считают?\s+(?:необходимым|целесообразным|важным|нужным)|предлага\w*|"
    r"решил[аи]?|постановил[аи]?|постановляет|решает|просят|просит|призыва\w*|обраща\w*|"
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
    r"собравшиеся|мы)\b",
    re.I,
)
ADOPTED = re.compile(
    r"(?:(?:резолюция|решение|документ|рекомендации|обращение|итоговый\s+документ)\s+)?"
    r"(?:принят[аоы]?|одобрен[аоы]?|утвержд[её]н[аоы]?)\b",
    re.I,
)
ADDRESSING_VERB = re.compile(r"^(?:рекомендовать|предложить|поручить|просить|обратиться\s+к)\s+",
                             re.I)
PROPOSE = re.compile(r"\bпредлага\w*\s+", re.I)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)(?:\s*(?:г\.|года?|году|г(?![а-яё])))?")
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


def body_text(text: str, block: Block) -> tuple[int, int]:
    """The block's content after its list marker, without wrapping emphasis markers."""
    a, b = block.body, block.end
    while a < b and text[a] in "*_ \t":
        a += 1
    while b > a and text[b - 1] in "*_ \t":
        b -= 1
    return a, b


def dative_addressee(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The range of a dative noun phrase opening ``text[a:b]`` and its genitive tail."""
    toks = words(text[a:b], a)
    if not toks:
        return None
    phrase, _ = head_phrase(text[a:b], "datv")
    if not phrase:
        return None
    first = toks[0][0]
    if first.lower() in ("в", "при", "на", "по", "для", "с"):
        return None
    head_end = a + phrase[-1][2]
    end = head_end
    for w, _wa, wb in toks[len(phrase):]:
        if is_infinitive(w) or _adverb(w):
            break
        end = wb
    return a, end


def _adverb(word: str) -> bool:
    ps = parses(word)
    return bool(ps) and ps[0].tag.POS in ("ADVB", "COMP") and word.lower() not in ("также",)


def addressee_from(text: str, a: int, b: int) -> Addressee:
    source = clean(text[a:b])
    label = nominative(source, "datv")
    phrase, _ = head_phrase(source, "datv")
    organisation = None
    if phrase and phrase[-1][3].tag.number == "sing":
        organisation = mention(text, a, b, "datv")
    return Addressee(label=label, span=Span(a, b), organisation=organisation)


def heading_addressee(text: str, block: Block) -> Addressee | None:
    """The addressee when ``block`` is an addressee heading («Органам …:», «Рекомендовать …:»)."""
    a, b = body_text(text, block)
    content = text[a:b].rstrip()
    if len(content) > 300:
        return None
    if content.endswith(":"):
        b = a + len(content) - 1
    elif block.list_item or not block.emphasised or content.endswith((".", ";", "!")):
        return None
    if m := ADDRESSING_VERB.match(text, a, b):
        a = m.end()
    elif m := RECOMMEND_INTRO.search(text, a, b):
        a = m.end()
        while a < b and text[a].isspace():
            a += 1
    if any(is_infinitive(w) for w, _, _ in words(text[a:b])):
        return None
    found = dative_addressee(text, a, b)
    if found is None:
        return None
    return addressee_from(text, found[0], found[1])


def is_adoption(text: str, block: Block) -> bool:
    a, b = body_text(text, block)
    return b - a < 250 and bool(ADOPTED.match(text, a, b))


def _is_signature(text: str, block: Block) -> bool:
    a, b = body_text(text, block)
    content = text[a:b]
    if len(content) > 120:
        return False
    verbs = any(is_infinitive(w) for w, _, _ in words(content))
    return not verbs and bool(SIGNATURE.search(content)) and not content.endswith((".", ";"))


def action(text: str, a: int, b: int) -> Spanned[str] | None:
    """The verb that opens the item: the first infinitive or imperative of its main clause."""
    toks = words(text[a:b], a)
    skip_verb = bool(toks) and ADDRESSING_VERB.match(text, a, b) is not None
    for i, (w, wa, wb) in enumerate(toks):
        if skip_verb and i == 0:
            continue
        if is_infinitive(w):
            return Spanned(infinitive_lemma(w), Span(wa, wb))
        if any(p.tag.POS == "VERB" and "impr" in p.tag and p.score > 0.3 for p in parses(w)):
            return Spanned(parses(w)[0].normal_form, Span(wa, wb))
    return None


def planned_event(text: str, a: int, b: int) -> PlannedEvent | None:
    kind = find_kind(text, a, b)
    if kind is None:
        return None
    year = None
    for m in YEAR.finditer(text, kind.span.end, b):
        year = Spanned(int(m.group(1)), Span(m.start(), m.end()))
        break
    return PlannedEvent(kind=Spanned(kind.value, kind.span), year=year)


def proposal_of(text: str, block: Block, position: int) -> Proposal | None:
    a, b = body_text(text, block)
    m = PROPOSE.search(text, a, b)
    if m is None:
        return None
    addressee = None
    found = dative_addressee(text, m.end(), b)
    if found is not None:
        addressee = addressee_from(text, *found)
    rest = found[1] if found else m.end()
    return Proposal(position=position, text=Spanned(clean(text[a:b]), Span(a, b)),
                    addressee=addressee, planned_event=planned_event(text, rest, b))


def _opens_section(text: str, block: Block) -> bool:
    a, b = body_text(text, block)
    content = text[a:b]
    if content.endswith(":") and RECOMMEND_INTRO.search(content):
        return True
    if content.endswith(":") and SPEAKER.match(content) and STATEMENT_INTRO.search(content):
        return True
    return heading_addressee(text, block) is not None


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
    addressee: Addressee | None = None
    heading_label: str | None = None
    mode = "recommend"
    for i in range(start, len(blocks)):
        block = blocks[i]
        a, b = body_text(text, block)
        content = text[a:b]
        if not content.strip():
            continue
        heading = heading_addressee(text, block)
        if heading is not None:
            addressee, mode = heading, "recommend"
            heading_label = block.label
            items.consumed.add(i)
            continue
        if heading_label is not None and block.label is not None and (
            block.label.count(".") == heading_label.count(".")
        ):
            # «3. Проводить …» after «1. Органам …: — …»: back at the level of the headings
            addressee, heading_label = None, None
        if content.endswith(":") and len(content) < 300:
            if STATEMENT_INTRO.search(content) and not RECOMMEND_INTRO.search(content):
                mode = "state"
                items.consumed.add(i)
                continue
            if RECOMMEND_INTRO.search(content):
                mode, addressee = "recommend", None
                items.consumed.add(i)
                continue
        if is_adoption(text, block) or _is_signature(text, block):
            items.consumed.add(i)
            continue
        if not block.list_item and SPEAKER.match(content):
            proposal = proposal_of(text, block, len(items.proposals) + 1)
            if proposal is not None:
                items.proposals.append(proposal)
            else:
                items.statements.append(
                    Statement(len(items.statements) + 1, Spanned(clean(content), Span(a, b))))
            items.consumed.add(i)
            continue
        if mode == "state":
            items.statements.append(
                Statement(len(items.statements) + 1, Spanned(clean(content), Span(a, b))))
            continue
        own = None
        verb_skip = ADDRESSING_VERB.match(text, a, b)
        opening = dative_addressee(text, verb_skip.end() if verb_skip else a, b)
        if opening is not None and any(is_infinitive(w) for w, _, _ in words(text[opening[1]:b])):
            own = addressee_from(text, *opening)
        items.recommendations.append(
            Recommendation(
                position=len(items.recommendations) + 1,
                text=Spanned(clean(content), Span(a, b)),
                addressee=own or addressee,
                action=action(text, opening[1] if own and opening else a, b),
                topics=classify(content),
                label=block.label,
            )
        )
    return items
