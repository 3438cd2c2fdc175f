"""The document's heading: the block that opens with its type («Резолюция», «Рекомендации»,
«Итоговый документ», «Решение», «Постановление», «Обращение»), near the top or below a web
page's menus."""

from __future__ import annotations

import re

from .blocks import Block, body_text
from .closing import ADOPTED, is_adoption

#: A heading set in spaced letters: «Р Е З О Л Ю Ц И Я».
_SPACED = "|".join(" ".join(word) for word in ("резолюция", "рекомендации", "решение",
                                                "постановление", "обращение"))
DOCUMENT_TYPE = re.compile(
    r"(?<![а-яёА-ЯЁ])(?P<draft>проект\s+)?(?P<type>резолюци[яиюей]|рекомендаци(?:и|й|ям|ях)"
    r"|итогов(?:ый|ого|ому|ым)\s+документ(?:а|у|ом)?|решени[еяю]|постановлени[еяю]|обращени[еяю]|выписк[аи]\s+из\s+протокола|"
    + _SPACED + r")(?![а-яё])",
    re.I,
)
DOCUMENT_TYPES = {"резол": "резолюция", "реком": "рекомендации", "итого": "итоговый документ",
                  "решен": "решение", "поста": "постановление", "обращ": "обращение",
                  "выпис": "выписка из протокола"}
HEADER_BLOCKS = 6
#: How far down a page the document's heading may stand (below a site's menus and sidebars).
PAGE_BLOCKS = 40


def bilingual_heading(text: str, block: Block) -> bool:
    """«ҚАРАР / РЕЗОЛЮЦИЯ»: a heading in two languages, one part the document's type alone (cut
    by a separator as a breadcrumb is, and no furniture)."""
    return block.end - block.start < 80 and any(
        DOCUMENT_TYPE.fullmatch(part.strip(" *_"))
        for part in re.split(r"\s[|/·]\s", text[block.start : block.end]))


#: A document said to be adopted in running text: «… была принята резолюция», «приняли решение».
_ADOPTED_BEFORE = re.compile(r"(?<![а-яё])(?:принят[аоы]?|принял[аи]?|приняли|одобрен[аоы]?"
                             r"|выработал[аи]?|утвержден[аоы]?)\s+(?:[а-яё]+\s+)?$")


def heading_block(text: str, bs: list[Block]) -> tuple[int, re.Match[str]] | None:
    """The heading's index among ``bs`` and its type word."""
    for i, bl in enumerate(bs[:HEADER_BLOCKS]):
        a, b = body_text(text, bl)
        m = DOCUMENT_TYPE.match(text, a, b)
        if m and not ADOPTED.match(text, a, b):
            return _extracted(text, bs, i, m) or _in_full(text, bs, i, m)
    for i, bl in enumerate(bs[:HEADER_BLOCKS]):
        if bl.end - bl.start > 300 or is_adoption(text, bl):
            continue
        if (m := DOCUMENT_TYPE.search(text, bl.start, bl.end)) and not _ADOPTED_BEFORE.search(
                text, max(bl.start, m.start() - 40), m.start()):
            return i, m  # (not «По итогам обсуждения была принята резолюция.»: a news lead's)
    # a web page: the heading below the site's menus and sidebars, set apart and opening with
    # the document type
    for i, bl in enumerate(bs[HEADER_BLOCKS:PAGE_BLOCKS], start=HEADER_BLOCKS):
        a, b = body_text(text, bl)
        if (b - a <= 300 and (m := DOCUMENT_TYPE.match(text, a, b))
                and (bl.emphasised or bl.heading is not None or m.group("type").isupper())
                and not ADOPTED.match(text, a, b)):
            return i, m  # (its type word in capitals sets it apart too: «РЕКОМЕНДАЦИИ<br>…»)
    return None


def _in_full(text: str, bs: list[Block], i: int, m: re.Match[str]) -> tuple[int, re.Match[str]]:
    """A page's title («Резолюция зонального семинара») above the document's own heading that
    says it again in full («РЕЗОЛЮЦИЯ зонального семинара руководителей … «…»»), or says only
    its type: the latter."""
    said = " ".join(text[m.start() : body_text(text, bs[i])[1]].split()).lower()
    for j in range(i + 1, min(i + 6, len(bs))):
        a, b = body_text(text, bs[j])
        again = DOCUMENT_TYPE.match(text, a, b)
        if again is None:
            continue
        if j < i + 4 and len(said) < b - a and " ".join(
                text[a:b].split()).lower().startswith(said):
            return j, again
        if (bs[i].heading is not None or text[a:b].isupper()) and again.end() == b and (
                again.group().lower() in said):
            # «# Решение коллегии от 28 марта 2019 г. № 2», the page's title, over the
            # letterhead and «**РЕШЕНИЕ**», the document's own heading, set alone
            return j, again
    return i, m


def _extracted(text: str, bs: list[Block], i: int, m: re.Match[str]
               ) -> tuple[int, re.Match[str]] | None:
    """«ВЫПИСКА ИЗ ПРОТОКОЛА № 2 / заседания Совета директоров» over «РЕШЕНИЕ / Совета …»: the
    extract quotes a document of its own, which is the one read."""
    if not m.group("type").lower().startswith("выпис"):
        return None
    for j in range(i + 1, min(i + 6, len(bs))):
        a, b = body_text(text, bs[j])
        again = DOCUMENT_TYPE.match(text, a, b)
        if again is not None and b - a <= 300 and not again.group("type").lower().startswith(
                "выпис") and not ADOPTED.match(text, a, b):
            return j, again
    return None

