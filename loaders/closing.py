"""Where the operative part ends: the adoption line («Резолюция принята 26 октября 2012 г.»),
signatures («Председатель оргкомитета      А. В. Петров»), and the participants' own closing
words («Участники конференции предлагают …»).
"""

from __future__ import annotations

import re

from .addressing import addressee_at
from .blocks import Block, body_text, sentences
from .headings import SPEAKER
from .russian import is_infinitive, words

#: The verb that says a document was adopted: «принята», «одобрены», «утверждено».
_ADOPTED_VERB = r"(?:принят[аоы]?|одобрен[аоы]?|утвержд[её]н[аоы]?)\b"
ADOPTED = re.compile(
    r"(?:(?:резолюция|решение|постановление|документ|рекомендации|обращение"
    r"|итоговый\s+документ)\s+)?"
    + _ADOPTED_VERB,
    re.I,
)
SIGNATURE = re.compile(
    r"(?:^|\s)[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\."
)
#: A post that opens a signature block: «Министр культуры / Калужской области   [подпись]».
POST = re.compile(r"(?:министр|председатель|заместитель|секретарь|директор|руководитель|"
                  r"начальник|глава)(?![а-яё])", re.I)


def is_adoption(text: str, block: Block) -> bool:
    return adoption_sentence(text, block) is not None


def adoption_sentence(text: str, block: Block) -> tuple[int, int] | None:
    """The sentence of a short block that says the document was adopted: the first, opening
    with it («Принята единогласно 5 мая …»), or a later one that names the document adopted
    («Голосовали: «за» — 63 … Решение принято 14 ноября 2018 года.»)."""
    a, b = body_text(text, block)
    if b - a >= 250:
        return None
    if ADOPTED.match(text, a, b):
        return sentences(text, a, b)[0]
    if _DOCUMENT_FIRST.match(text, a, b) and (verb := _LATER_VERB.search(
            text, a, (first := sentences(text, a, b)[0])[1])) is not None:
        # «Проект резолюции обсуждён на заседании 17 ноября и после доработки одобрен
        # участниками 24 ноября 2023 г.»: adopted when the verb says, not when first discussed
        return verb.start(), first[1]
    if _DOCUMENT_ADOPTED.search(text, a, b) is None:
        return None  # (most blocks: no sentence of them to split)
    return next(((x, y) for x, y in sentences(text, a, b)[1:]
                 if _DOCUMENT_ADOPTED.match(text, x, y)), None)


#: A sentence about the document that says later that it was adopted.
_DOCUMENT_FIRST = re.compile(r"[*_\s]*(?:проект\s+)?(?:резолюци[яи]|решени[ея]|постановлени[ея]"
                             r"|рекомендаци[ий]|итогов\w+\s+документ\w*)\s+[а-яё]", re.I)
_LATER_VERB = re.compile(r"(?<![а-яё])" + _ADOPTED_VERB, re.I)
_DOCUMENT_ADOPTED = re.compile(r"(?:резолюция|решение|постановление|рекомендации|обращение"
                               r"|итоговый\s+документ)\s+" + _ADOPTED_VERB, re.I)


def is_signature(text: str, block: Block) -> bool:
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


#: Who oversees the decision: «Контроль за исполнением настоящего решения возложить на …».
OVERSIGHT = re.compile(r"[*_\s]*(?:контроль\s+за\s+(?:исполнением|выполнением)"
                       # «1. Информацию докладчиков принять к сведению.»: noted, asks nothing
                       r"|принять\s+к\s+сведению\s|.{0,300}?\sпринять\s+к\s+сведению[.;]?"
                       r"[*_\s]*$)", re.I | re.S)


#: A sitting body speaking after its decision's adoption line: «Коллегия считает целесообразным
#: провести очередное выездное заседание … в 2018 году».
BODY_SPEAKS = re.compile(r"(?:коллегия|совет|правление|президиум)\s", re.I)


#: A decision's section caption: «По первому вопросу», «По вопросу № 2».
QUESTION = re.compile(r"[*_\s]*по\s+(?:[а-яё]+\s+)?вопросу(?:\s+(?:№\s*)?\d+)?[*_.:\s]*", re.I)


def closes(text: str, block: Block) -> bool:
    """``block`` stands where the operative part is over: the adoption line, a signature, or
    what the participants say in their own name («Участники конференции предлагают …»)."""
    a, b = body_text(text, block)
    return (is_adoption(text, block) or is_signature(text, block) or bool(
        POST.match(text, a, b) and b - a < 150 and not text[a:b].endswith((".", ":", ";")))
            or (not block.list_item and SPEAKER.match(text, a, b) is not None))
