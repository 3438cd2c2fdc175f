"""Reader for HTML: block elements become lines; headings, lists and emphasis carry structure.

The rendition is the text of ``<body>`` with whitespace collapsed inside each block. List numbers
of ``<ol>`` are not text of the page, so they are not in the rendition: the line's ``marker`` and
``label`` say what the browser would print.
"""

from __future__ import annotations

import bisect
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from bs4 import BeautifulSoup, Comment, Tag, XMLParsedAsHTMLWarning
from bs4.element import NavigableString

from resolutions_kg.records import SourceText

from .plaintext import join_broken_words
from .rendition import INVISIBLE, LineHint, Rendition, build_lines

BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre section article header footer "
    "main aside nav table thead tbody tfoot tr td th caption figure figcaption address hr "
    "center form fieldset details summary".split()
)
SKIPPED = frozenset("head script style noscript template title meta link iframe object svg".split())
BOLD = frozenset("b strong".split())
ITALIC = frozenset("i em cite".split())
_SPACE = re.compile(r"\s+")
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|[6-9]00)", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.I)


@dataclass
class _Builder:
    #: Tables of data (by id): how many rows of data cells each has; and the rows written as
    #: «| cell | cell |» lines.
    data_tables: dict[int, int] = field(default_factory=dict)
    data_rows: set[int] = field(default_factory=set)
    parts: list[str] = field(default_factory=list)
    length: int = 0
    bold: list[tuple[int, int]] = field(default_factory=list)
    italic: list[tuple[int, int]] = field(default_factory=list)
    hints: dict[int, LineHint] = field(default_factory=dict)
    pending: LineHint | None = None
    at_line_start: bool = True
    #: data cells being walked (a line break inside one is a space: the row stays one line)
    in_cell: int = 0

    def newline(self) -> None:
        if not self.at_line_start:
            self.parts.append("\n")
            self.length += 1
            self.at_line_start = True

    def blank(self) -> None:
        """End the line and leave a blank line (paragraph break)."""
        self.newline()
        tail = "".join(self.parts[-2:])
        if self.parts and not tail.endswith("\n\n"):
            self.parts.append("\n")
            self.length += 1

    def text(self, s: str) -> None:
        s = _SPACE.sub(" ", s.translate(INVISIBLE))
        if self.at_line_start:
            s = s.lstrip()
        if not s:
            return
        if self.at_line_start:
            if self.pending is not None:
                self.hints[self.length] = self.pending
                self.pending = None
            self.at_line_start = False
        self.parts.append(s)
        self.length += len(s)


def _ol_label(index: int, kind: str) -> str:
    if kind in ("a", "A"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        label = letters[(index - 1) % 26]
        return label.upper() if kind == "A" else label
    if kind in ("i", "I"):
        numerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
        label = numerals[index - 1] if index <= len(numerals) else str(index)
        return label.upper() if kind == "I" else label
    return str(index)


#: Containers of page furniture (navigation, footers, sidebars, share buttons, counters).
FURNITURE_TAGS = frozenset("nav footer aside form menu".split())
_FURNITURE_CLASS = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|breadcrumbs?|crumbs?|footer|sidebar|share|"
    r"social|comments?|counter|widget|banner|cookie|related|tags|logo|top-?bar|"
    r"(?:other|more|last|latest|related)[-_]?news|news[-_]?list)(?:$|[-_\s])",
    re.I)
#: The heading of a box of links to other pages: «Другие новости», «Читайте также».
_LINKS_HEADING = re.compile(
    r"(?:другие|последние|похожие|ещё|еще)\s+(?:новости|материалы|публикации)|новости\s+по\s+теме"
    r"|читайте\s+также|читать\s+также|см\.\s+также|смотрите\s+также", re.I)


def _is_furniture(tag: Tag) -> bool:
    if tag.name.lower() in FURNITURE_TAGS:
        return True
    # (BeautifulSoup before 4.13 lists a missing class as [None])
    names = " ".join([*(c for c in tag.get_attribute_list("class") if c),
                      str(tag.get("id") or ""),
                      str(tag.get("role") or "")])
    if names.strip() and _FURNITURE_CLASS.search(names):
        return True
    # a box of links to other pages under a heading of its own: «<h3>Другие новости</h3><ul>…»,
    # «<p><b>См. также:</b><br><a …>…</a><br><a …>…</a></p>»
    name = tag.name.lower()
    heading = tag.find(re.compile(r"^h[1-6]$"), recursive=False) if name in (
        "div", "section") else None
    if name == "p" and tag.find("a") is not None:
        heading = tag.find(["b", "strong"], recursive=False)
    return heading is not None and _LINKS_HEADING.fullmatch(
        heading.get_text(" ", strip=True).strip(" :")) is not None


@dataclass
class _Frame:
    """One element being walked: its children left, its context, what to do when it ends."""

    children: Iterator[object]
    path: tuple[str, ...]
    heading: int | None
    on_exit: Callable[[], None] | None = None
    #: How many list items enclose the element.
    depth: int = 0


def _walk(root: Tag, b: _Builder) -> list[tuple[int, int]]:
    """Walk ``root`` with an explicit stack (no recursion, whatever the nesting depth) into ``b``;
    return the ranges of furniture text."""
    furniture: list[tuple[int, int]] = []
    stack = [_Frame(iter(root.children), (), None)]
    while stack:
        frame = stack[-1]
        child = next(frame.children, None)
        if child is None:
            stack.pop()
            if frame.on_exit is not None:
                frame.on_exit()
            continue
        if isinstance(child, tuple):  # («li», item, label) from a list frame
            _, item, label = child
            full = ".".join(frame.path + (label,)) if label else None
            b.newline()
            b.pending = LineHint(list_item=True, marker=(full + "." if full else "•"),
                                 label=full, depth=frame.depth, heading=frame.heading)

            def end_item() -> None:
                b.newline()
                b.pending = None

            stack.append(_Frame(iter(item.children), frame.path + ((label,) if label else ()),
                                frame.heading, end_item, frame.depth + 1))
            continue
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            b.text(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name.lower()
        if name in SKIPPED:
            continue
        if name == "br":
            if b.in_cell:
                b.text(" ")  # «Голосование<br>(за / против)»: a row of data stays one line
            else:
                b.newline()
            continue
        stack.append(_enter(child, name, frame, b, furniture))
    return furniture


def _enter(child: Tag, name: str, frame: _Frame, b: _Builder,
           furniture: list[tuple[int, int]]) -> _Frame:
    style = str(child.get("style", ""))
    start = b.length
    is_furniture = _is_furniture(child)
    if name in ("ol", "ul"):
        b.blank()
        kind = str(child.get("type", "1"))
        try:
            index = int(str(child.get("start", "1")))
        except ValueError:
            index = 1
        items: list[tuple[str, Tag, str | None]] = []
        for item in child.find_all("li", recursive=False):
            items.append(("li", item, _ol_label(index, kind) if name == "ol" else None))
            index += 1

        def end_list() -> None:
            b.blank()
            if is_furniture:
                furniture.append((start, b.length))

        return _Frame(iter(items), frame.path, frame.heading, end_list, frame.depth)
    if name == "tr" and _simple_row(child, b):
        # a row of data cells: one line «| cell | cell |», as a Markdown table has it, so the
        # table readers (participants, recommendations) read HTML tables too
        b.blank()
        b.text("| ")

        def end_row() -> None:
            b.blank()
            if is_furniture:
                furniture.append((start, b.length))

        return _Frame(iter(child.children), frame.path, frame.heading, end_row, frame.depth)
    if name in ("td", "th") and id(child.parent) in b.data_rows:
        b.in_cell += 1

        def end_cell() -> None:
            b.in_cell -= 1
            b.text(" | ")
            if name == "th":
                b.bold.append((start, b.length))

        return _Frame(iter(child.children), frame.path, frame.heading, end_cell, frame.depth)
    level = int(name[1]) if re.fullmatch(r"h[1-6]", name) else frame.heading
    if name in BLOCKS:
        b.blank()
        if level is not None:
            b.pending = LineHint(heading=level)

    def end_element() -> None:
        if name in BLOCKS:
            b.blank()
            b.pending = None
        if name in BOLD or name == "th" or _BOLD_STYLE.search(style):
            b.bold.append((start, b.length))
        if name in ITALIC or _ITALIC_STYLE.search(style):
            b.italic.append((start, b.length))
        if is_furniture:
            furniture.append((start, b.length))

    return _Frame(iter(child.children), frame.path, level, end_element, frame.depth)


def _simple_row(row: Tag, b: _Builder) -> bool:
    """A row of a table of data: two or more cells, none holding a block, in a table of two
    such rows or more (a page laid out by a table keeps its paragraphs, and a one-row table
    of a place beside a date stays two lines)."""
    table = row.find_parent("table")
    if table is None:
        return False
    if id(table) not in b.data_tables:  # each table looked at once: linear in the page
        rows = [tr for tr in table.find_all("tr") if _data_cells(tr)]
        b.data_tables[id(table)] = len(rows)
        if len(rows) >= 2:
            b.data_rows.update(map(id, rows))
    return id(row) in b.data_rows


def _data_cells(row: Tag) -> bool:
    cells = row.find_all(["td", "th"], recursive=False)
    return len(cells) >= 2 and not any(
        cell.find(lambda t: isinstance(t, Tag) and t.name in BLOCKS) for cell in cells)


def read_html(text: str, *, name: str, original_sha256: str, encoding: str = "utf-8") -> Rendition:
    """Render HTML to plain text lines with styles (words a pasted text broke at its line
    ends joined first, as in plain text)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(join_broken_words(text, html=True), "lxml")
    root = soup.body or soup
    b = _Builder()
    furniture = _walk(root, b)
    out = "".join(b.parts).rstrip() + "\n"
    source = SourceText(name=name, media_type="text/html", text=out,
                        original_sha256=original_sha256, encoding=encoding)
    hints = {k: v for k, v in b.hints.items() if k < len(out)}
    # a line's hint is keyed by the offset of its first character; text nodes may have
    # begun the line, so re-key hints to the start of their line
    line_starts = [0] + [i + 1 for i, c in enumerate(out) if c == "\n"]
    keyed = {line_starts[bisect.bisect_right(line_starts, k) - 1]: v for k, v in hints.items()}
    lines = build_lines(out, bold=b.bold, italic=b.italic, hints=keyed, detect_markers=True)
    if furniture:
        lines = tuple(replace(line, furniture=True) if _inside(furniture, line.start) else line
                      for line in lines)
    return Rendition(source, lines)


def _inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    return any(a <= offset < b for a, b in ranges)
