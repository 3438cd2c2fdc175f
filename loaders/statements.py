"""What the preamble says besides facts of the event: statements and the topics discussed.

Statements: «Участники конференции отмечают, что …», «Конференция констатирует …».
Topics: «… были включены такие … вопросы как: a; b; c.», «Обсуждались вопросы: a, b», or list
items after a line «… обсудили следующие темы:».
"""

from __future__ import annotations

import re

from resolutions_kg.records import Span, Spanned, Statement

from .blocks import Block, body_text, clean, list_items_after, sentences
from .events import quoted_ranges
from .russian import number_words, parses, words

STATEMENT = re.compile(
    r"(?:(?:все\s+)?участники|конференция|семинар|форум|совещание|круглый\s+стол|конгресс)"
    r"(?:\s+[а-яё-]+){0,4}?\s+(?:отмеча\w*|считают|считает|подчеркива\w*|констатиру\w*|"
    r"признают|признает|убежден\w*|выража\w*\s+(?:уверенность|обеспокоенность|озабоченность)|"
    r"обращают\s+внимание|поддержива\w*)\b",
    re.I,
)
TOPICS_WORD = re.compile(
    r"(?:вопрос|тем(?:а|ы|у|е|ам|ах|ой)?\b|тематическ|тематик|проблем|направлени|аспект|секци|сесси|модул"
    r"|дискуссионн\w+\s+площадк)", re.I)  # («работа шла на трёх дискуссионных площадках:»)
TOPICS_CONTEXT = re.compile(r"обсу|рассм|включ|программ|повестк|затрон|проходил|работ|следующ"
                            r"|выступ|доклад|посвящ", re.I)  # («выступили с докладами по трём
# темам:», «Занятия были посвящены четырём темам:»)


def preamble_statements(text: str, sentence_ranges: list[tuple[int, int]]) -> tuple[Statement, ...]:
    out: list[Statement] = []
    for a, b in sentence_ranges:
        if STATEMENT.match(text, a, b) and not text[a:b].rstrip().endswith(":"):
            out.append(Statement(len(out) + 1, Spanned(clean(text[a:b]), Span(a, b))))
    return tuple(out)


#: «В центре внимания (участников) были …», «В центре обсуждения были …»: what follows, discussed.
IN_THE_CENTRE = r"в\s+центре\s+(?:внимания|обсуждения)(?:\s+[а-яё]+)?\s+"
#: «Участники обсудили:», «Рассматривались:»: a verb of discussing just before the colon.
DISCUSSED = re.compile(r"(?:обсудил[аио]?|обсуждал[аи]?|обсуждались|рассмотрел[аио]?|"
                       r"рассматривались|обсуждены|рассмотрены"
                       r"|освещены|освещались"
                       r"|" + IN_THE_CENTRE + r"(?:были|оказались)(?:\s+(?:следующие\s+)?"
                       r"(?:темы|вопросы|проблемы))?"
                       # «Заслушав и обсудив доклады:» over the reports
                       r"|(?:(?:заслушав|заслушали|заслушаны)\s+и\s+)?(?:обсудив|обсудили|заслушали"
                       r"|обсуждены)\s+"  # («… заслушаны и обсуждены доклады:»)
                       r"(?:доклад|сообщени|выступлени)[а-яё]*(?:\s+и\s+(?:доклад|сообщени"
                       r"|выступлени)[а-яё]*)?)\s*$",
                       re.I)
#: «Повестка дня:», «**Повестка заседания:**»: the agenda's items are the topics.
AGENDA = re.compile(r"(?<![а-яё])повестк[аи](?:\s+(?:дня|[а-яё]+ия|[а-яё]+ий))?[\s*_]*$"
                    r"|^[\s*_]*в\s+(?:программе|повестке)(?:\s+(?:дня\s+)?[а-яё-]+(?:\s+[а-яё-]+)?)?"
                    r"[\s*_]*$"  # («В повестке круглого стола:», «В повестке дня семинара:»)
                    # «Программа семинара включала:» over a list
                    r"|^[\s*_]*программа(?:\s+[а-яё-]+){0,2}\s+включала[\s*_]*$"
                    # «Тематика форума:», «Темы конференции:» over a list
                    r"|^[\s*_]*(?:тематика|темы|основные\s+темы)(?:\s+[а-яё-]+){0,2}[\s*_]*$", re.I)


def _cells(text: str, block: Block) -> list[tuple[int, int]] | None:
    """The cells of a Markdown table row («| 1 | Тема | Формат |»), None for another block."""
    a, b = block.start, block.end
    if not text[a:b].startswith("|"):
        return None
    cells, pos = [], a + 1
    for part in text[a + 1 : b].rstrip().rstrip("|").split("|"):
        cells.append((pos, pos + len(part)))
        pos += len(part) + 1
    return cells


def _table_topics(text: str, following: list[Block]) -> tuple[Spanned[str], ...]:
    """Topics as the rows of a table after the line that introduces them: the column headed by
    a word naming topics («Тематический блок», «Тема»), else the first column of words."""
    rows = []
    for bl in following:
        cells = _cells(text, bl)
        if cells is None:
            break
        rows.append(cells)
    if len(rows) < 2:
        return ()
    column = None
    separated = re.fullmatch(r"[\s|:-]+", text[following[1].start : following[1].end])
    if separated or re.fullmatch(r"\s*(?:№|N|#)(?:\s*п/п)?\s*", text[slice(*rows[0][0])]):
        # the header row: over a Markdown table's separator, or naming a column «№» (an HTML
        # table's, whose cells are all <td>)
        header, rows = rows[0], rows[2 if separated else 1 :]
        column = next((k for k, (a, b) in enumerate(header) if TOPICS_WORD.search(text, a, b)),
                      None)
    if column is None and rows:
        column = next((k for k, (a, b) in enumerate(rows[0])
                       if re.search(r"[а-яёА-ЯЁ]{3}", text[a:b])), None)
    if column is None:
        return ()
    found = [_topic(text, *row[column]) for row in rows if column < len(row)]
    return tuple(t for t in found if t is not None)


def _colon(text: str, a: int, b: int) -> int | None:
    """The first colon of ``text[a:b]`` outside quotations, after a word naming topics."""
    quotes = quoted_ranges(text, a, b)
    for m in re.finditer(":", text[a:b]):
        pos = a + m.start()
        if any(qa < pos < qb for qa, qb in quotes):
            continue
        before = text[a:pos]
        if AGENDA.search(before) and _ONE_SUBJECT.match(text, pos + 1, b):
            return None  # «**Повестка:** О работе музеев …, связанных с …»: one subject, a title
        if (TOPICS_WORD.search(before) and TOPICS_CONTEXT.search(before)) or DISCUSSED.search(
                before) or AGENDA.search(before):
            return pos
    return None


_ONE_SUBJECT = re.compile(r"[\s*_]*(?:О|Об|Обо)\s[^;]*$")


def _topics_below(text: str, preamble: list[Block], end: int) -> tuple[Spanned[str], ...]:
    """The topics listed as the items right after the block that ends at ``end``."""
    found = [_topic(text, x, y) for x, y in list_items_after(text, preamble, end)]
    return tuple(t for t in found if t is not None)


def discussed_topics(text: str, preamble: list[Block]) -> tuple[Spanned[str], ...]:
    for i, bl in enumerate(preamble):
        a, b = body_text(text, bl)
        if ((bl.heading is not None or b - a <= 80) and not text[a:b].rstrip(" *_").endswith(
                (".", ":", ";")) and ((TOPICS_WORD.search(text, a, b)
                                       and TOPICS_CONTEXT.search(text, a, b))
                                      or AGENDA.fullmatch(text[a:b].strip(" #*_")))):
            # «### Вопросы, вынесенные на обсуждение» over a numbered list
            if listed := _topics_below(text, preamble, bl.end):
                return listed
        for a, b in sentences(text, bl.start, bl.end):
            colon = _colon(text, a, b)
            if colon is None:
                continue
            if not text[colon + 1 : b].strip(" *_"):  # the topics follow as list items
                if listed := _topics_below(text, preamble, bl.end):
                    return listed
                if rows := _table_topics(text, preamble[i + 1 :]):
                    return rows
                if i + 1 < len(preamble) and not preamble[i + 1].list_item and (
                        text[bl.end : preamble[i + 1].start].count("\n") == 1):
                    # «… участники обсудили:» at a line's end, the list going on in the next
                    # line of the same paragraph: «роль музея …; сохранение …; …»
                    x, y = body_text(text, preamble[i + 1])
                    if ";" in text[x:y] and (found := _after_colon(text, a, x - 1, y)):
                        return found
                continue
            if topics := _after_colon(text, a, colon, b):
                return topics
    for bl in preamble:
        for a, b in sentences(text, bl.start, bl.end):
            if (inline := _inline_topics(text, a, b)) is not None:
                return inline
            if (named := _SECTIONS_NAMED.search(text, a, b)) is not None:
                # «… в формате пленарного заседания и трёх секций – «A», «B», «C»»
                return tuple(Spanned(clean(q.group(1)), Span(q.start(1), q.end(1)))
                             for q in re.compile(r"[«\"]([^«»\"]{3,})[»\"]").finditer(
                                 text, named.start(), named.end()))
    return ()


_SECTIONS_NAMED = re.compile(r"(?:секци[а-яё]*|площад(?:ок|ки|ках))\s*[–—:-]\s*"
                             r"(?:(?:«[^«»]{3,}»|\"[^\"]{3,}\")(?:\s*,\s*|\s+и\s+)?){2,}", re.I)


def _after_colon(text: str, a: int, colon: int, end: int) -> tuple[Spanned[str], ...]:
    """The topics listed after the colon of the sentence from ``a``, to ``end``."""
    sep = ";" if ";" in text[colon + 1 : end] else ","
    topics, pos = [], colon + 1
    for part in text[colon + 1 : end].split(sep):
        topic = _topic(text, pos, pos + len(part))
        pos += len(part) + 1
        if topic is not None:
            topics.append(topic)
    if topics and (both := re.fullmatch(r"(«[^«»]+»|\"[^\"]+\")\s+и\s+(«[^«»]+»|\"[^\"]+\")",
                                        topics[-1].value)):
        t = topics.pop()  # «…: «A», «B» и «C»»: the last «и» joins two named topics
        topics += [Spanned(both.group(1), Span(t.span.start, t.span.start + len(both.group(1)))),
                   Spanned(both.group(2), Span(t.span.end - len(both.group(2)), t.span.end))]
    said = next((n for w, _, _ in words(text[a:colon])[-3:-1]  # «три (круга) вопросов:»
                 if (n := number_words([w])) is not None), None)
    ands = list(re.finditer(r"\s+и\s+", text[topics[-1].span.start : topics[-1].span.end])
                ) if topics else []
    if said == len(topics) + 1 and ands:
        # «обсудили три вопроса: A, B и C»: the count says the last «и» joins two
        t, last = topics.pop(), ands[-1]
        topics += [x for x in (_topic(text, t.span.start, t.span.start + last.start()),
                               _topic(text, t.span.start + last.end(), t.span.end)) if x]
    return tuple(topics)


#: «Участники обсудили …» with the list of topics in the sentence itself, without a colon.
_DISCUSSED_INLINE = re.compile(r"(?<![а-яё])(?:обсудил[аи]|рассмотрел[аи]|(?:были\s+)?"
                               r"(?:рассмотрены|обсуждены|освещены)|обсуждались|рассматривались"
                               r"|освещались"
                               # «В центре внимания участников были вопросы …»
                               r"|" + IN_THE_CENTRE + r"(?:были|оказались"
                               r"|находились)"
                               # «Главными темами разговора стали …», «Предметом обсуждения
                               # стали три темы — …»
                               # «Заслушав и обсудив доклады о …, об … и о …,»
                               r"|(?P<gerund>(?:заслушав\s+и\s+)?обсудив\s+(?:доклад|сообщени"
                               r"|выступлени|информаци)[а-яё]*(?=\s+об?\s))"
                               # «Говорили о …, о … и о …», «Речь шла о …»
                               r"|(?:говорили|речь\s+шла|разговор\s+ш[её]л)(?=\s+об?\s+(?!том\b))"
                               r"|(?P<named>(?:[а-яё]+\s+)?(?:темами|предметом)(?:\s+[а-яё]+)?\s+"
                               r"стали(?:\s+[а-яё]+\s+тем[ыа]?\s*[—–-])?))\s+(?=[а-яё])", re.I)


#: Where the main clause begins after a gerund's list of topics: «…, участники круглого стола».
_MAIN_CLAUSE = re.compile(r",\s*(?:все\s+)?(?:участники|собравшиеся|конференция|семинар|форум"
                          r"|совещание|круглый\s+стол|конгресс)\b", re.I)


def _genitive_only(word: str) -> bool:
    """A word that can only be in the genitive («библиотек», «подкастов»): it goes on the
    words before it, it opens no topic of its own."""
    found = parses(word.strip(".,;:«»\"()"))
    return bool(found) and all(p.tag.case == "gent" for p in found)


def _inline_topics(text: str, a: int, b: int) -> tuple[Spanned[str], ...] | None:
    """«Участники обсудили состояние сети …, итоги реализации программы «…» и предложения
    жителей, поступившие …»: three topics or more, split at commas (not before a participle
    that goes on the item) and at the last «и» (outside quotations); fewer is one topic
    («обсудили проблемы комплектования и сохранности фондов»), not a list."""
    m = _DISCUSSED_INLINE.search(text, a, b)
    if m is None:
        return None
    end = b
    if m.group("gerund") and (main := _MAIN_CLAUSE.search(text, m.end(), b)):
        end = main.start()  # «Заслушав и обсудив выступления о …, …, участники отмечают:»
    while end > m.end() and text[end - 1] in ".,;!… \n":  # («… наследия,» before the clause)
        end -= 1
    quotes = quoted_ranges(text, m.end(), end)
    semicolons = [m.end() + x.start() for x in re.finditer(";", text[m.end() : end])
                  if not any(qa < m.end() + x.start() < qb for qa, qb in quotes)]
    if semicolons:  # «вопросы истории музея; роли Н. М. Мартьянова; …»: one topic a part
        bounds = [m.end(), *semicolons, end]
        parts = [t for x, y in zip(bounds, bounds[1:], strict=False)
                 if (t := _topic(text, x + (x != m.end()), y)) is not None]
        return tuple(parts) if len(parts) >= 2 else None
    # «X, Y, а также Z»: the last item, whatever commas and «и» it holds
    also = next((x for x in re.finditer(r",\s*а\s+также\s+", text[m.end() : end])
                 if not any(qa < m.end() + x.start() < qb for qa, qb in quotes)), None)
    # («обсудили вопросы создания …, обмена … и повышения …»: genitives, each a topic)
    generic = re.match(r"\s*(?:вопрос|проблем|тем[аыу]|аспект|задач)", text[m.end() : end])
    genitive_only = (lambda _: False) if generic else _genitive_only
    cuts = [m.end()]
    for sep in re.finditer(r",\s*", text[m.end() : m.end() + also.start() if also else end]):
        pos = m.end() + sep.start()
        after = text[m.end() + sep.end() :].split(maxsplit=1)
        if any(qa < pos < qb for qa, qb in quotes) or (after and (any(
                p.tag.POS in ("PRTF", "GRND") or p.normal_form == "который"
                for p in parses(after[0])[:1]) or genitive_only(after[0]))):
            continue  # «…, поступившие …», «…, которое будет отмечаться …», «опыт работы
            # музеев, библиотек и архивов»: goes on with it
        cuts += [pos, m.end() + sep.end()]
    last_and = None
    if also is not None:
        cuts += [m.end() + also.start(), m.end() + also.end()]
    else:
        for found in re.finditer(r"\s+и\s+", text[cuts[-1] : end]):
            pos = cuts[-1] + found.start()
            if not any(qa < pos < qb for qa, qb in quotes):
                last_and = (pos, cuts[-1] + found.end())
        if last_and is not None and (_joins_inside(text, cuts, *last_and) or genitive_only(
                text[last_and[1] :].split(maxsplit=1)[0])):  # («подкастов и видеоформатов»)
            last_and = None
        if last_and is not None:
            cuts += list(last_and)
        elif len(cuts) < 5 or not _same_case_heads(text, cuts[::2]):
            return None  # «X, Y и Z», or «X, Y, Z» of heads in one case, at least
    if len(cuts) < 3:
        return None
    cuts.append(end)
    topics = [t for x, y in zip(cuts[::2], cuts[1::2], strict=False)
              if (t := _topic(text, x, y)) is not None]
    # (two when the sentence names them as themes: «Главными темами стали X и Y»)
    return tuple(topics) if len(topics) >= (2 if m.group("named") else 3) else None


#: The cases a list of topics is in: after «обсудили» (accusative), «обсуждались» (nominative),
#: «вопросы …» (genitive).
_LIST_CASES = ("accs", "nomn", "gent")


def _head_cases(text: str, pos: int) -> set[str]:
    """The cases the noun phrase at ``pos`` may be in: its first word's (an adjective's agrees)."""
    found = words(text[pos : pos + 60], pos)
    if not found:
        return set()
    return {c for p in parses(found[0][0]) if p.tag.POS in ("NOUN", "ADJF", "PRTF")
            for c in _LIST_CASES if c in p.tag}


def _same_case_heads(text: str, starts: list[int]) -> bool:
    """Whether every part of a list without «и» begins with a noun phrase in one case
    («обсудили опыт работы …, участие библиотек …, организацию досуга …»)."""
    common = set(_LIST_CASES)
    for pos in starts:
        common &= _head_cases(text, pos)
    return bool(common)


def _joins_inside(text: str, cuts: list[int], at: int, after: int) -> bool:
    """Whether the last «и» joins two words inside the last topic, not two topics: the word
    before it is a noun that can only be in the prepositional or instrumental case, which no
    topic's head is in, and the word after it can be in that case too («…, использования
    документов в научных исследованиях и просветительской деятельности»)."""
    before = words(text[max(cuts[-1], at - 40) : at])
    following = words(text[after : after + 40])
    if not before or not following or following[0][0].lower() in ("о", "об", "обо"):
        return False  # («…, о продвижении … в сетях и о работе с …»: the next topic's «о»)
    own = {c for p in parses(before[-1][0]) if p.tag.POS == "NOUN"
           for c in ("loct", "ablt", "datv", "gent", "accs", "nomn") if c in p.tag}
    return bool(own and own <= {"loct", "ablt"}
                and any(c in p.tag for p in parses(following[0][0]) for c in own))


def _topic(text: str, a: int, b: int) -> Spanned[str] | None:
    while a < b and (text[a].isspace() or text[a] in "-–—•"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".;,"):
        b -= 1
    if b - a < 3:
        return None
    return Spanned(clean(text[a:b]), Span(a, b))
