"""Paragraph blocks: lines of a rendition joined where a plain-text file wrapped a sentence.

A line continues the one before when that one does not end a sentence or a heading and this one
starts with a lower-case letter, has no list marker and the same style. Sentences are split
inside blocks for facts that live in one sentence.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from resolutions_kg.records import Span

from .furniture import looks_like_furniture
from .rendition import Line, Rendition

_ABBREVIATIONS = frozenset("им ул пр обл гг тыс млн руб проф акад".split())
#: Lines that stand on their own even after an unfinished one: a place or a date line.
_DATE_START = re.compile(r"[«\"]?\d{1,2}[»\"]?[\s.]+(?:\d|[а-яё]+\s+\d{4})")
_OWN_LINE = re.compile(r"(?:г\.|гор\.|пос\.|с\.)\s*[А-ЯЁ]|[«\"]?\d{1,2}[»\"]?[\s.]")
#: A blank line just before a position (the search's end).
#: A text table's border line: «+------+------+», «+======+».
TABLE_BORDER = re.compile(r"[ \t]*\+[-=+]{3,}[-=+ \t]*")
#: A text table's row or border.
_TABLE_LINE = re.compile(r"[ \t]*\|.*\||" + TABLE_BORDER.pattern)
_BRACKETED_DATELINE = re.compile(r"\s*\([^()\n]*\d{4}[^()\n]*\)\s*")
_AFTER_BLANK = re.compile(r"\n[ \t]*\n[ \t]*$")
_SENTENCE_END = re.compile(r"[.!?…](?:[»\"”)]*)(?=\s+[«\"„(]?[А-ЯЁA-Z0-9])")


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    body: int
    lines: tuple[Line, ...]

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def bold(self) -> bool:
        return all(line.bold for line in self.lines)

    @property
    def italic(self) -> bool:
        return all(line.italic for line in self.lines)

    @property
    def heading(self) -> int | None:
        return self.first.heading

    @property
    def caps(self) -> bool:
        return all(line.caps for line in self.lines)

    @property
    def marker(self) -> str | None:
        return self.first.marker

    @property
    def label(self) -> str | None:
        return self.first.label

    @property
    def list_item(self) -> bool:
        return self.first.list_item

    @property
    def furniture(self) -> bool:
        """A reader marked a line of the block as page furniture."""
        return any(line.furniture for line in self.lines)

    @property
    def emphasised(self) -> bool:
        """Set apart by style: bold, italic, a heading or all capitals."""
        return self.bold or self.italic or self.heading is not None or self.caps


def _margin(rendition: Rendition) -> int | None:
    """The right margin of a hard-wrapped plain text (a Word or e-mail text wrapped at ~70
    characters): the length most long lines reach; None when the text is not wrapped."""
    # the page around a text (menus, sidebars, footers) was not wrapped with it
    text = rendition.text
    kept = [line for line in rendition.lines
            if not line.furniture and not looks_like_furniture(text[line.start:line.end])]
    lengths = sorted(line.end - line.start for line in kept)
    if not lengths:
        return None
    long = [n for n in lengths if n >= 40]
    if len(long) < 8:
        return None
    width = long[len(long) * 9 // 10]
    near = [n for n in long if n >= width - 12]
    # wrapped: most long lines end near the margin, and hardly any goes far past it — a
    # heading nobody wraps («## Международной … конференции «…»» on one line of 120), or the
    # title's line of a page that keeps the text's lines by <br>: one in twenty at most
    past = sum(1 for line in kept if line.heading is None and line.end - line.start > width + 15)
    if width > 100 or len(near) < 0.45 * len(long) or past > max(1, len(long) // 20):
        return None
    return width


#: A wrapped line that ends in initials («… музей-заповедник М. Ю.») goes on with the surname.
_INITIALS_AT_END = re.compile(r"(?<![А-ЯЁа-яё])[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)?$")
#: An organisation's form in capitals ending a line of prose, its quoted name on the next: «…
#: научной библиотекой и МКУК» / «Централизованная библиотечная система …».
_FORM_AT_END = re.compile(r"[а-яё,]\s+[А-ЯЁ]{3,6}$")


def blocks(rendition: Rendition) -> list[Block]:
    text = rendition.text
    margin = _margin(rendition)
    out: list[list[Line]] = []
    #: the current block's quotes not closed: «…», „…“ and the number of "
    quotes = (0, 0, 0)
    lines = rendition.lines
    for index, line in enumerate(lines):
        if out:
            prev = out[-1][-1]
            gap = text[prev.end : line.start]
            prev_text = text[prev.start : prev.end].rstrip("*_ ")
            wrapped = margin is not None and prev.end - prev.start >= margin - 15
            # «Организаторы – Государственный музей-заповедник М. Ю.» / «Лермонтова и …»: a
            # sentence does not end in initials, wrapped or not (a page keeps the lines by <br>),
            # nor in an organisation's form before its quoted name («… и МКУК» / «ЦБС …»)
            initials = len(prev_text) > 30 and (
                _INITIALS_AT_END.search(prev_text) is not None and text[line.start].isupper()
                or _FORM_AT_END.search(prev_text) is not None and text[line.start] in "«\"")
            if gap.count("\n") == 1 and (
                    not line.list_item or _closes_quote(text, line, quotes)) and (
                    quotes[0] > 0 or quotes[1] > 0 or quotes[2] % 2 == 1):
                # «Электронные каталоги и национальная библиография:» / «опыт …»»: a quotation
                # goes on to its closing quote, whatever ends the line
                out[-1].append(line)
                quotes = _quotes(text, line, quotes)
                continue
            if (gap.count("\n") == 1 and out[-1][0].list_item and not line.list_item
                    and line.heading is None and line.bold == prev.bold
                    and _AFTER_BLANK.search(text, max(0, out[-1][0].start - 40), out[-1][0].start)
                    and (index + 1 == len(lines)
                         or text[line.end : lines[index + 1].start].count("\n") > 1)):
                # «6. Активизировать работу … жителей.» / «Результаты включать в …»: in a list
                # whose items stand between blank lines, the item's last sentence on its own line
                out[-1].append(line)
                quotes = _quotes(text, line, quotes)
                continue
            if (
                gap.count("\n") == 1
                and not line.list_item
                # a text table's rows and borders («| … | 34 |», «+----+») stand alone
                and not _TABLE_LINE.match(text, line.start)
                and not _TABLE_LINE.match(text, prev.start)
                and line.heading == prev.heading
                and line.bold == prev.bold
                and line.italic == prev.italic
                # («… 13 муниципальных библиотечных систем,<br>9 музеев …»: after a comma)
                and (text[line.start].islower() or wrapped or initials or prev_text.endswith(","))
                and (not re.search(r"[.;:!?]$", prev_text) or initials
                     # «… следующие вопросы: роль музея …;» wrapped, «музей и среда; …»
                     or wrapped and prev_text.endswith(";") and text[line.start].islower())
                and (wrapped or initials or not _OWN_LINE.match(text, line.start, line.end) or (
                    prev_text.endswith(",") and not _DATE_START.match(text, line.start)))
                # «(г. Ялуторовск, 14–15 декабря 2016 г.)» under a title as long as the margin
                and not _BRACKETED_DATELINE.fullmatch(text, line.start, line.end)
            ):
                out[-1].append(line)
                quotes = _quotes(text, line, quotes)
                continue
        out.append([line])
        quotes = _quotes(text, line, (0, 0, 0))
    return [Block(ls[0].start, ls[-1].end, ls[0].body, tuple(ls)) for ls in out]


def _closes_quote(text: str, line: Line, open_: tuple[int, int, int]) -> bool:
    """A dash line that closes a quotation left open: «… базу данных «Великолучане» / «—
    участники Великой Отечественной войны» с открытым …»: the title's dash, not a list item."""
    if line.label is not None:
        return False  # a bullet, not «1.», «а)»
    content = text[line.start : line.end]
    close = content.find("»")
    return (open_[0] > 0 and close > 0 and "«" not in content[:close]) or (
        open_[2] % 2 == 1 and '"' in content)


def _quotes(text: str, line: Line, before: tuple[int, int, int]) -> tuple[int, int, int]:
    """The quotes still open after ``line``, given those open before it (counted a line at a
    time: linear in the text)."""
    content = text[line.start : line.end]
    return (before[0] + content.count("«") - content.count("»"),
            before[1] + content.count("„") - content.count("“"),
            before[2] + content.count('"'))


#: An item's number inside a paragraph: «… области: 1) провести …; 2) разработать …».
_INLINE_MARKER = re.compile(r"(?:(?<=:)|(?<=[;.,]\s)|(?<=[;.,]\n))\s*(\d{1,2}|[а-е])\)\s+")
_LETTERS = "абвгде"


def split_inline_lists(text: str, blocks: list[Block]) -> list[Block]:
    """Blocks whose paragraph lists its items inline («Рекомендовать музеям: 1) провести …;
    2) разработать …») split into the words before the colon and one list item a number: what
    a list on lines of their own would give."""
    out: list[Block] = []
    for block in blocks:
        if block.list_item or block.heading is not None:
            out.append(block)
            continue
        colon = text.find(":", block.body, block.end)
        marks = [] if colon < 0 else _sequence(text, colon, block.end)
        if len(marks) < 2:
            out.append(block)
            continue
        line = block.first
        out.append(Block(block.start, colon + 1, block.body, (dataclasses.replace(
            line, end=colon + 1),)))
        for k, m in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else block.end
            while end > m.end() and text[end - 1].isspace():
                end -= 1
            start = m.start(1)
            out.append(Block(start, end, m.end(), (dataclasses.replace(
                line, start=start, end=end, body=m.end(), marker=m.group(1) + ")",
                label=m.group(1), list_item=True, depth=0),)))
    return out


def _sequence(text: str, colon: int, end: int) -> list[re.Match[str]]:
    """The markers 1), 2), 3) … (or а), б), в) …) in order, the first right after ``colon``."""
    first = _INLINE_MARKER.match(text, colon + 1, end)
    if first is None or first.group(1) not in ("1", "а"):
        return []
    found, pos = [first], first.end()
    digits = first.group(1).isdigit()
    while (m := _INLINE_MARKER.search(text, pos, end)) is not None:
        n = len(found)
        if m.group(1) == (str(n + 1) if digits else _LETTERS[n] if n < len(_LETTERS) else ""):
            found.append(m)
        pos = m.end()
    return found


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence ranges within ``text[start:end]`` (naive: end mark, space, capital; not inside
    a quotation)."""
    out, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        before = re.search(r"(\w+)\W*$", text[max(start, m.start() - 12) : m.start() + 1])
        if before and (len(before.group(1)) <= 2 and not before.group(1).isdigit()
                       or before.group(1).lower() in _ABBREVIATIONS):
            continue
        after = text[m.end() : min(end, m.end() + 120)]
        if (text.count("«", pos, m.start()) > text.count("»", pos, m.start()) and "»" in after
                or text.count('"', pos, m.start()) % 2 and '"' in after):
            continue  # inside a quotation: «Село. Книга. Человек», "Село. Книга. Человек"
        out.append((pos, m.end()))
        pos = m.end()
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        out.append((pos, end))
    return out


def sentence_of(text: str, block: Block, span: Span) -> tuple[int, int]:
    """The sentence of ``block`` that holds ``span`` (the whole block if none does)."""
    for a, b in sentences(text, block.start, block.end):
        if a <= span.start < b:
            return a, b
    return block.start, block.end


def tight(text: str, a: int, b: int, strip: str = "") -> tuple[int, int]:
    """``[a, b)`` without whitespace, emphasis markers or ``strip`` characters at its edges."""
    junk = "*_" + strip
    while a < b and (text[a].isspace() or text[a] in junk):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in junk):
        b -= 1
    return a, b


def name_end(text: str, a: int, b: int) -> int:
    """Where the name in ``text[a:b]`` ends once what follows it is dropped: punctuation and
    spaces go; its closing quote stays, and so does a bracket that closes one it opened
    («Республики Саха (Якутия)»)."""
    while b > a and not text[b - 1].isalnum() and text[b - 1] not in "»\"" and not (
            text[b - 1] == ")" and text.count("(", a, b) >= text.count(")", a, b)):
        b -= 1
    return b


def continues_line(text: str, start: int) -> bool:
    """Whether the line that ``text[start]`` opens (after spaces and emphasis) goes on with the
    sentence of the line before it: a paragraph wrapped by hand, whose line ends with a small
    letter or a comma and is a prose line's length. A capital there is the writer's, not the
    one a line or a sentence opens with."""
    i = start
    while i > 0 and text[i - 1] in " \t*_«\"(":
        i -= 1
    if i == 0 or text[i - 1] != "\n":
        return False
    line_end = i - 1
    while line_end > 0 and text[line_end - 1] in " \t\r":
        line_end -= 1
    line_start = text.rfind("\n", 0, line_end) + 1
    line = text[line_start:line_end]
    return (len(line) >= 40 and (line[-1:].islower() or line.endswith(","))
            and not line.lstrip().startswith(("#", "|")))


def clean(value: str) -> str:
    """A value as a reader cites it: markup stars gone, one space between words."""
    value = re.sub(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)", "", value)
    value = re.sub(r"(?<=[А-Яа-яЁё])-[ \t]*\n[ \t]*(?=[а-яё])", "", value)  # «библио-\nтека»
    value = re.sub(r"(?<=[А-Яа-яЁё])-[ \t]*\n[ \t]*(?=[А-ЯЁ])", "-", value)  # «-на-\nАмуре»
    return " ".join(value.split())


#: Who reports on an agenda's item, on a line under it: «Докладчик: …», «Содокладчики: …».
_REPORTER = re.compile(r"[*_\s]*(?:со)?докладчик(?:и)?[*_\s]*[:–—-]", re.I)
#: A section of minutes that records what was heard, said or voted («1. СЛУШАЛИ: …»,
#: «ВЫСТУПИЛИ:», «Голосовали: «за» – 9»): neither an agenda's item nor a decision.
MINUTES = re.compile(r"[*_\s]*(?:слушали|выступили|выступил[аи]?|голосовали)[*_\s]*[:–—-]", re.I)


def list_items_after(text: str, blocks: list[Block], end: int) -> list[tuple[int, int]]:
    """The texts of the list items right after the block that ends at ``end`` — or of the lines
    of a paragraph that lists them without markers, each ending with «;» but the last."""
    after = [bl for bl in blocks if bl.start >= end]
    if not after or text[end : after[0].start].strip(" *_:\n\t"):
        return []
    lines = after[0].lines
    if not after[0].list_item and len(lines) > 1 and all(
            text[ln.start : ln.end].rstrip(" *_").endswith(";") for ln in lines[:-1]):
        return [(ln.body, ln.end) for ln in lines]  # «…;<br>…;<br>….»
    out: list[tuple[int, int]] = []
    run = False  # in a run of unmarked lines that end with «;» (a page's <br> lines)
    for bl in after:
        a, b = body_text(text, bl)
        if MINUTES.match(text, a, b):
            break  # «1. СЛУШАЛИ: …» after the agenda: the minutes begin
        if _REPORTER.match(text, a, b):
            continue  # «Докладчик: Н. И. Сорокина, …» under an item of an agenda: the item's
        listed = text[a:b].rstrip(" *_").endswith(";")
        if not (bl.list_item or listed or run) or len(bl.lines) > 1 and not bl.list_item and not (
                run and len(bl.lines) <= 3):  # (an item wrapped over two or three lines)
            break
        out.append((a, b))
        run = not bl.list_item and listed
    return out


def body_text(text: str, block: Block) -> tuple[int, int]:
    """The block's content after its list marker, without wrapping emphasis markers."""
    a, b = block.body, block.end
    while a < b and text[a] in "*_ \t":
        a += 1
    while b > a and text[b - 1] in "*_ \t":
        b -= 1
    return a, b


def list_level(block: Block) -> tuple[int, str]:
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


def indent(text: str, block: Block) -> int:
    """How far the block's first line is indented in a plain-text or Markdown file."""
    line_start = text.rfind("\n", 0, block.start) + 1
    return len(text[line_start : block.start].expandtabs(4))


def is_sub_item(text: str, parent: Block, block: Block) -> bool:
    """``block`` is a sub-item of the recommendation ``parent`` (which ends with a colon)."""
    if not block.list_item:
        return False
    (pd, pk), (d, k) = list_level(parent), list_level(block)
    if d > pd or indent(text, block) >= indent(text, parent) + 2:
        return True
    # a list of another kind than the item's own («– организовать обучение по темам:» and
    # «1) …», «2) …» under it)
    return d >= pd and pk != k
