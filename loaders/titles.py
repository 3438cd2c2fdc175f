"""Titles found elsewhere than right after the document type: after a mention of the event's
kind, in the heading lines above the document type, and a title in capitals as the text writes
it elsewhere.
"""

from __future__ import annotations

import dataclasses
import re

from resolutions_kg.records import Certainty, Span, Spanned

from .blocks import Block, body_text, clean, sentences, tight
from .casing import restore_case
from .closing import ADOPTED
from .dates import find_dates
from .events import find_kind, title_in
from .rendition import in_capitals
from .russian import parses, words
from .settlements import find_settlements


def title_above(text: str, bs: list[Block], head_index: int) -> Spanned[str] | None:
    """«I СЪЕЗД МУЗЕЙНЫХ РАБОТНИКОВ …» / «"Музеи Камчатки: …"» / «Р Е З О Л Ю Ц И Я»: the event
    and its quoted title in the lines above the document type."""
    above = bs[max(0, head_index - 4) : head_index]  # («семинар» / «"…"» / place / organisers)
    for bl in above:
        a, b = body_text(text, bl)
        if b - a < 250 and not text[a:b].rstrip().endswith(".") and (
                found := title_in(text, a, b)) is not None and find_kind(
                text, above[0].start, b, heading=True) is not None:
            return dataclasses.replace(found, certainty=Certainty(
                0.75, "quoted in the heading lines above the document type"))
    return None


def as_written(text: str, title: Spanned[str]) -> Spanned[str]:
    """«КНИГА И НАЦИОНАЛЬНАЯ КУЛЬТУРА: …» in the heading: cited as the text writes it elsewhere
    («… чтения «Книга и национальная культура: …» организованы …»), when it does."""
    if not in_capitals(title.value):
        return title
    pattern = re.compile(re.escape(title.value).replace(r"\ ", r"\s+"), re.I)
    written = pattern.search(text)
    while written is not None and in_capitals(written.group()):
        written = pattern.search(text, written.end())
    if written is None:
        # nowhere else: cited as a title is written, a capital first and proper names kept
        value = restore_case(title.value)
        return Spanned(value[:1].upper() + value[1:], title.span, Certainty(
            0.8, "the title in capitals, in the case a title is written"))
    return Spanned(clean(written.group()), Span(written.start(), written.end()),
                   Certainty(0.85, "the title in capitals, as the text writes it"))


def title_after_kind(text: str, ranges: list[tuple[int, int]], kind: str,
                      how: Certainty) -> Spanned[str] | None:
    """The first title quoted right after a mention of the event's kind in ``ranges``."""
    for a, b in ranges:
        mention = find_kind(text, a, b, heading=True)
        found = title_after(text, mention.span.end, min(b, mention.span.end + 80)) if (
            mention is not None and mention.value == kind) else None
        if found is not None:
            return dataclasses.replace(found, certainty=how)
    return None


def title_after(text: str, a: int, b: int) -> Spanned[str] | None:
    """The title quoted in ``text[a:b]`` right after a mention of the event («… чтений «…»»),
    not one in a list that a colon opens («Организаторы чтений: …, администрация Городского
    округа «город Ирбит»»)."""
    found = title_in(text, a, b)
    return found if found is not None and ":" not in text[a : found.span.start] else None


#: What a news lead says of the event it introduces, or of the document it publishes.
LEAD_WORDS = re.compile(
    r"(?<![а-яё])(?:состоял(?:ся|ась|ось|ись)|прош(?:ёл|ел|ла|ло|ли)|проходил[аи]?|"
    r"собрал[аи]?|публику\w*|приводим|опубликован\w*)(?![а-яё])", re.I)


def news_lead(text: str, bs: list[Block], head_index: int, kind: str) -> list[tuple[int, int]]:
    """Sentences of a news lead right above the document's heading on a web page («18–19 апреля
    в Суздале состоялась стратегическая сессия «…», организованная … Ниже публикуем итоговый
    документ.»): paragraphs of prose that say an event of the heading's kind took place or that
    the document follows. A headline, a date line or a menu above them ends the lead."""
    return [s for bl in lead_blocks(text, bs, head_index, kind)
            if not bl.list_item for s in sentences(text, bl.start, bl.end)]


def lead_blocks(text: str, bs: list[Block], head_index: int, kind: str) -> list[Block]:
    """The blocks of :func:`news_lead`, with the lists its paragraphs introduce («Они обсудили
    три темы:» over three items)."""
    found: list[Block] = []
    k, lowest = head_index - 1, max(0, head_index - 12)
    while k >= lowest and len([bl for bl in found if not bl.list_item]) < 5:
        bl = bs[k]
        if bl.list_item:  # a list the paragraph above it introduces with a colon
            j = k
            while j >= lowest and bs[j].list_item:
                j -= 1
            if j < lowest or not text[slice(*body_text(text, bs[j]))].rstrip(" *_").endswith(":"):
                break
            found[:0] = bs[j + 1 : k + 1]
            k = j
            continue
        a, b = body_text(text, bl)
        content = text[a:b].rstrip()
        introduces = content.endswith(":") and bool(found) and found[0].list_item
        if not (content.endswith((".", "!")) or introduces) or len(content) < 80 and not (
                LEAD_WORDS.search(content) or introduces):  # («Публикуем рекомендации …»)
            break
        found[:0] = [bl]
        k -= 1
    if not any(LEAD_WORDS.search(text, *body_text(text, bl)) for bl in found
               if not bl.list_item):
        return []
    if kind != "мероприятие" and not any(
            (m := find_kind(text, a, b, heading=True)) is not None and m.value == kind
            for bl in found if not bl.list_item for a, b in sentences(text, bl.start, bl.end)):
        return []
    return found


#: A line that gives the event's theme: «Тема: …», «Тема съезда: …», «По вопросу: «…»».
THEME_LINE = re.compile(r"\s*(?:тема(?:\s+[а-яё]+){0,2}\s*[:–—]"
                        r"|по\s+вопросу\s*(?:[:–—]|(?=[«\"]))"  # («по вопросу «О …»»)
                        r"|на\s+тему\s*[:–—]?(?=\s*[«\"])"  # (a line «на тему «…»»)
                        # «**Повестка:** О работе музеев …»: an agenda of one subject
                        r"|[*_]*повестка(?:\s+[а-яё]+)?[*_]*\s*[:–—][*_]*(?=\s*(?:О|Об|Обо)\s))\s*",
                        re.I)
#: A decision's subject on a line of its own: «О состоянии и перспективах развития …».
_SUBJECT = re.compile(r"[*_\s]*(?=(?:О|Об|Обо)\s+[а-яё])")


def theme_after(text: str, bs: list[Block], start: int, document_type: str
                ) -> tuple[Spanned[str], int] | None:
    """The theme the lines after the heading give (at most two place or date lines between),
    and the index of its block: «Тема съезда: …», «По вопросу: «…»», and a decision's subject
    line «О …» (a short line, no sentence)."""
    seen = 0
    for k in range(start, len(bs)):  # (past a table of date, number, place: its rows not counted)
        a, b = body_text(text, bs[k])
        seen += not text[a:b].lstrip(" *_").startswith("|")
        if seen > 5:
            break
        said = THEME_LINE.match(text, a, b)
        if said is None and document_type == "решение" and b - a < 200 and not text[
                a:b].rstrip().endswith((".", ":", ";")):
            said = _SUBJECT.match(text, a, b)
        if said is None:
            continue
        if quoted := re.match(r"[*_\s]*(?:«[^«»\n]+(?:«[^«»\n]*»[^«»\n]*)*»|\"[^\"\n]+\")",
                              text[said.end() : b]):
            b = said.end() + quoted.end()  # «Тема: «…»» over «Место проведения: …»
        x, y = tight(text, said.end(), b, "«»\"“”„.")
        if (text.count("«", x, y) > text.count("»", x, y) and text[y : y + 1] == "»") or (
                text.count('"', x, y) % 2 and text[y : y + 1] == '"'):
            y += 1  # «… в рамках национального проекта «Культура»»: the inner name's quote
        if y - x > 3:
            return Spanned(clean(text[x:y]), Span(x, y), Certainty(
                0.85, "after «Тема:»" if said.re is THEME_LINE else "a decision's subject")
                           ), k
    return None


def subject_goes_on(text: str, title: Spanned[str], block: Block) -> bool:
    """Whether a decision's subject line «О развитии сети … библиотек» goes on in ``block``, the
    next line of its paragraph («Чувашской Республики в рамках …»): no blank line between, and
    no sentence's or list's end."""
    a, b = body_text(text, block)
    return title.certainty is not None and title.certainty.method == "a decision's subject" and (
        text[title.span.end : block.start].count("\n") == 1 and b - title.span.start < 300
        and not text[a:b].rstrip().endswith((".", ":", ";")))


#: A title given as a field: «по теме «…»», «тема: «…»», «Тема заседания: / «…»», «Девиз съезда
#: / «…»».
_LABELLED = re.compile(r"(?<![а-яё])(?:по\s+теме|тем[аы](?:\s+[а-яё]+){0,2}|девиз(?:\s+[а-яё]+)?)"
                       r"[\s*_]*[:—–-]?[\s*_]*(?=[«\"„“])", re.I)


def labelled_title(text: str, bs: list[Block], head_index: int) -> Spanned[str] | None:
    """The quoted title a field names in the heading and the blocks after it: «РЕШЕНИЕ
    Совета директоров … по теме «…»», «(тема: «…»)», «Тема заседания:» over ««…»»."""
    near = bs[head_index : head_index + 8]
    if not near:
        return None
    end = near[-1].end
    for m in _LABELLED.finditer(text, near[0].start, end):
        found = title_in(text, m.end(), min(end, m.end() + 300))
        if found is not None and found.span.start == m.end() + 1:
            return dataclasses.replace(found, certainty=Certainty(
                0.85, "quoted after «тема» or «девиз» by the heading"))
    return None


def title_line(text: str, block: Block, *, caps_over_two: bool = False) -> bool:
    """A line right after the heading that is the event's title, quoted or not («Библиотека и
    краеведение: новые подходы»): short, no date, no place line, no sentence (nor «Уважаемый …!»),
    no verb. ``caps_over_two``: the first of two lines in capitals, which may end with a colon
    («АРХИВЫ И МУЗЕИ МАЛЫХ ГОРОДОВ:» / «СОХРАНЕНИЕ ДОКУМЕНТАЛЬНОГО НАСЛЕДИЯ»)."""
    a, b = body_text(text, block)
    content = text[a:b]
    if caps_over_two and content.endswith(":") and content.isupper():
        content, b = content[:-1], b - 1
    if b - a > 250 or find_dates(content) or content.endswith((".", ":", ";", ",", "!")):
        return False
    places = find_settlements(text, a, b)
    if places and sum(p.end - p.start for p in places) >= len(content.strip(" ()*_г.")) - 3:
        return False  # «г. Великие Луки» on a line of its own
    quoted = content[:1] in "«\"„“" and content[-1:] in "»\"“”"
    if quoted or re.match(r"(?:«[^«»]{3,}»|\"[^\"]{3,}\"),?\s+[а-яё]", content):
        return True  # («Архивы Оренбуржья: …», / посвящённой 100-летию …: the quotation;
        # «Тара — город на Иртыше»: quoted, a place and a dash open a title)
    if places and re.search(r"(?<![а-яё])(?:г|гор|пос|с|пгт|ст)\.\s*$", text[a : places[-1].start]):
        return False  # «Владимирская область, г. Суздаль»: a place line
    if places and places[0].start - a <= 3 and text[places[0].end : b].lstrip()[:1] in (
            ",", "–", "—", "-"):
        return False  # «Москва, Российская государственная библиотека», «Шымкент – 2023»
    toks = words(content)
    if len(toks) < 2 or not content[:1].isupper() or ADOPTED.match(content):
        return False
    if any(p.tag.POS == "VERB" for w, _, _ in toks for p in parses(w)[:1]):
        return False
    return not find_kind(text, a, b)
