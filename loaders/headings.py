"""Addressee headings of the operative part: «Органам местного самоуправления:», «**1.
Министерству культуры …**», «МУНИЦИПАЛЬНЫЕ БИБЛИОТЕКИ» on a line of their own — and the intro
and speaker patterns that tell a heading from a paragraph.
"""

from __future__ import annotations

import dataclasses
import re

from resolutions_kg.records import Addressee, Certainty, Span, Spanned

from .addressees import addressee_phrase
from .addressing import ADDRESSING, action, addressee_at, case_after
from .blocks import Block, body_text, clean
from .casing import restore_case
from .dates import find_dates
from .organisations import ORG_HEADS, mention
from .russian import has_pos, is_infinitive, parses, words
from .settlements import find_settlements

RECOMMEND_INTRO = re.compile(
    r"рекоменд\w*|счита(?:ют|ет|ем)\s+(?:необходимым|целесообразным|важным|нужным)|предлага\w*|"
    r"решил[аио]?(?![а-яё])|постановил[аио]?(?![а-яё])|постановляет|решает|просят|просит|просим|"
    r"призыва\w*|обраща[а-яё]*(?![а-яё])(?!\s+внимани)|приняли\s+(?:следующие\s+)?решени\w*|"
    r"необходимо|следует|поручить|предложить",
    re.I,
)


_SPEAKER_BEFORE_VERB = re.compile(r"[\s*_]+(?:(?:все\s+)?участники|делегаты|члены|мы)"
                                  r"(?:\s+[а-яё]+){0,3}\s*$", re.I)
SPEAKER = re.compile(
    r"^(?:(?:все\s+)?участники|конференция|семинар|форум|совещание|круглый\s+стол|конгресс|"
    r"съезд|школа|чтения|вебинар|симпозиум|сессия|собрание|заседание|собравшиеся|мы"
    r"|члены|делегаты)\b",
    re.I,
)


#: «ГБУК «Калужская областная научная библиотека …»», «МБУК ЦБС «…»».
_LEGAL_FORM_NAME = re.compile(r"[*_]*(?:[А-ЯЁ]{2,}\s+){1,3}(?:«[^»]{3,}»|\"[^\"]{3,}\")"
                              r"(?:\s+(?:г\.|города)\s*[А-ЯЁ][а-яё-]+)?[*_]*")  # (… «…» г. Галича)
_LETTER_MARKER = re.compile(r"[*_]*[А-ЯЁA-Z][.)][ \t]+(?=[*_]*[А-ЯЁ][а-яё])")


#: «Архивному отделу администрации города (Сёмина Е. В.):», «… (Т. В. Смирнова):»: who answers
#: for it, not its name.
_RESPONSIBLE = re.compile(r"\s*\((?:[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s*(?:[А-ЯЁ]\.)?"
                          r"|[А-ЯЁ]\.\s*(?:[А-ЯЁ]\.\s*)?[А-ЯЁ][а-яё]+)\)\s*$")


def heading_addressee(text: str, block: Block, case: str = "datv", *, standalone: bool = False
                      ) -> tuple[Addressee, int | None] | None:
    """The addressee when ``block`` is an addressee heading («Органам …:», «Рекомендовать …:»,
    «Министерству культуры …» on a line of its own, «Библиотекам — развивать …»).

    Returns the addressee and, for «Адресату — текст», where the item's own text starts."""
    a, b = body_text(text, block)
    # «**А. Органам местного самоуправления:**», «Б) Библиотекам:»: a capital letter numbers the
    # headings (markers of list items are already off)
    if marker := _LETTER_MARKER.match(text, a, b):
        a = marker.end()
    content = text[a:b].rstrip()
    if len(content) > 250 or find_dates(content):
        return None
    where = find_settlements(text, a, min(b, a + 40))
    if where and where[0].start - a <= 3 and re.match(r"\s*,", text[where[0].end : b]):
        return None  # «*Гродно, Гродненская областная научная библиотека …*»: a venue line
    b = a + len(content)
    item_start = None
    dash = re.search(r"\s[—–-]\s+(?=[а-яёА-ЯЁ])", content)
    if dash and (is_infinitive(words(content[dash.end():])[0][0]) if words(
            content[dash.end():]) else False) or (dash and content[dash.end():].startswith(
            ("не ", "Не "))):
        item_start = a + dash.end()
        b = a + dash.start()
    elif content.endswith(":") or content.endswith(",") and not block.list_item:
        b -= 1  # «Централизованным библиотечным системам, участвующим в совещании,» over «3) …»
    elif re.search(r"\s[—–-]$", content):
        b -= 1  # «**Министерству культуры Краснодарского края** —» over «1) поддержать …»
        content = content[:-1].rstrip() + ":"
    elif content.endswith((".", ";", "!", ",")):
        return None
    if m := ADDRESSING.search(text, a, b):
        if (text[a : m.start()].strip() and not SPEAKER.match(text[a : m.start()])
                and not content.endswith(":")):
            return None
        if m.group().lower().startswith("обратиться") and (
                block.list_item or not content.endswith(":")):
            return None  # «2. Обратиться к X с просьбой:» is itself a recommendation (but a
            # paragraph «Обратиться в X с предложениями:» over a list heads the list)
        case = case_after(m.group())
        a = m.end()
    elif m := RECOMMEND_INTRO.search(text, a, b):
        if text[m.end() : b].strip(" \t*_:") or not text[a : m.start()].strip():
            a = m.end()
        else:  # «Администрации города Кунгура рекомендовать:»: the addressee before the verb
            b = m.start()  # (and before who speaks: «**Главам районов** делегаты предлагают:»)
            if said := _SPEAKER_BEFORE_VERB.search(text, a, b):
                b = said.start()
    while a < b and text[a] in " \t*_:":
        a += 1
    if m := re.match(r"[Кк]о?\s+", text[a:b]):
        a += m.end()  # «К органам местного самоуправления:» after «обращаются с предложениями:»
    found = addressee_at(text, a, b, case)
    who = _RESPONSIBLE.search(text, a, b - (text[b - 1 : b] == ":"))
    if found is None and content.endswith(":") and (named := _LEGAL_FORM_NAME.fullmatch(
            text, a, who.start() if who else b)) is not None:
        # «3. ГБУК «Калужская областная научная библиотека им. В. Г. Белинского»:»: a body's
        # legal form and its name in quotes, in no case at all — cited as written
        org = mention(text, named.start(), named.end(), None)
        return Addressee(label=org.name.value, span=org.name.span, organisation=org,
                         certainty=Certainty(0.8, "a legal form and a quoted name, with a "
                                             "colon")), item_start
    if found is None:
        return None
    rest = text[found.span.end : b]
    rest = re.sub(r"^[\s*_]*с\s+(?:просьб(?:ой|ами)|предложени(?:ем|ями)|рекомендаци(?:ей|ями))",
                  "", rest)
    rest = _RESPONSIBLE.sub("", rest.rstrip(" \t*_:,"))
    if (verb := re.match(r"\s+и\s+([а-яё]+)", rest)) and has_pos(verb.group(1), {"VERB"}):
        rest = ""  # «… Краснодарского края и просим:»: what the speakers do, no part of the name
    if rest.strip(" \t*_:,"):
        tail = rest.rstrip(" \t*_:,")
        if len(tail) > 150 or any(is_infinitive(w) for w, _, _ in words(tail)) or not (
                content.endswith(":") or block.list_item or block.emphasised or standalone):
            return None
        # «… субъектов Российской Федерации в сфере культуры:», «…, на территории которых
        # находятся музеи-усадьбы:»: the heading names the addressee to its end
        end = found.span.end + len(tail)
        if content.isupper():
            tail = restore_case(tail)  # «… ОБРАЗОВАНИЙ В РЕСПУБЛИКЕ КОМИ:» as it is written
        joined = found.label + ("" if tail.startswith((",", ".")) else " ") + clean(tail)
        organisation = found.organisation and dataclasses.replace(  # one label for both
            found.organisation, name=Spanned(joined, Span(found.span.start, end)))
        found = dataclasses.replace(found, label=joined, span=Span(found.span.start, end),
                                    organisation=organisation)
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
    if (named := _LEGAL_FORM_NAME.fullmatch(text, a, b)) is not None:
        # «МБУК «Централизованная библиотечная система г. Канска»» over its list: cited as
        # written, a legal form and a quoted name in no case at all
        org = mention(text, named.start(), named.end(), None)
        return Addressee(label=org.name.value, span=org.name.span, organisation=org,
                         certainty=Certainty(0.75, "a legal form and a quoted name on a line "
                                             "of its own, before a list")), None
    if not names_an_agent(text, a, b):
        return None
    return heading_addressee(text, block, "nomn", standalone=True)


def names_an_agent(text: str, a: int, b: int) -> bool:
    """``text[a:b]`` opens with a noun phrase in the nominative whose head can act: a body, an
    office, a person («Издательства …», «Правление …»; not «июнь», «постоянно»)."""
    if _LEGAL_FORM_NAME.match(text, a, b):
        return True  # «ГБУК ЯНАО «ОМВК им. И. С. Шемановского»»: a legal form and a name
    phrase = addressee_phrase(text, a, b, "nomn")
    return phrase is not None and (phrase.head in AGENT_HEADS or any(
        "anim" in p.tag for p in parses(phrase.head)[:1]))
