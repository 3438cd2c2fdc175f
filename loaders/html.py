"""Reader for HTML: block elements become lines; headings, lists and emphasis carry structure.

The rendition is the text of ``<body>`` with whitespace collapsed inside each block. List numbers
of ``<ol>`` are not text of the page, so they are not in the rendition: the line's ``marker`` and
``label`` say what the browser would print.
"""

from __future__ import annotations

import bisect
import re
import warnings
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag, XMLParsedAsHTMLWarning

from resolutions_kg.records import SourceText

from .rendition import LineHint, Rendition, build_lines

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
    parts: list[str] = field(default_factory=list)
    length: int = 0
    bold: list[tuple[int, int]] = field(default_factory=list)
    italic: list[tuple[int, int]] = field(default_factory=list)
    hints: dict[int, LineHint] = field(default_factory=dict)
    pending: LineHint | None = None
    at_line_start: bool = True

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
        s = _SPACE.sub(" ", s)
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


def _walk(node: Tag, b: _Builder, path: tuple[str, ...], heading: int | None) -> None:
    for child in node.children:
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
            b.newline()
            continue
        style = str(child.get("style", ""))
        start = b.length
        if name in ("ol", "ul"):
            b.blank()
            kind = str(child.get("type", "1"))
            try:
                index = int(str(child.get("start", "1")))
            except ValueError:
                index = 1
            for item in child.find_all("li", recursive=False):
                label = _ol_label(index, kind) if name == "ol" else None
                full = ".".join(path + (label,)) if label else None
                b.newline()
                b.pending = LineHint(
                    list_item=True, marker=(full + "." if full else "•"), label=full,
                    depth=len(path), heading=heading,
                )
                _walk(item, b, path + ((label,) if label else ()), heading)
                b.newline()
                b.pending = None
                index += 1
            b.blank()
            continue
        level = int(name[1]) if re.fullmatch(r"h[1-6]", name) else heading
        if name in BLOCKS:
            b.blank()
            if level is not None:
                b.pending = LineHint(heading=level)
        _walk(child, b, path, level)
        if name in BLOCKS:
            b.blank()
            b.pending = None
        if name in BOLD or name == "th" or _BOLD_STYLE.search(style):
            b.bold.append((start, b.length))
        if name in ITALIC or _ITALIC_STYLE.search(style):
            b.italic.append((start, b.length))


def read_html(text: str, *, name: str, original_sha256: str, encoding: str = "utf-8") -> Rendition:
    """Render HTML to plain text lines with styles."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(text, "lxml")
    root = soup.body or soup
    b = _Builder()
    _walk(root, b, (), None)
    out = "".join(b.parts).rstrip() + "\n"
    source = SourceText(name=name, media_type="text/html", text=out,
                        original_sha256=original_sha256, encoding=encoding)
    hints = {k: v for k, v in b.hints.items() if k < len(out)}
    # a line's hint is keyed by the offset of its first character; text nodes may have
    # begun the line, so re-key hints to the start of their line
    line_starts = [0] + [i + 1 for i, c in enumerate(out) if c == "\n"]
    keyed = {line_starts[bisect.bisect_right(line_starts, k) - 1]: v for k, v in hints.items()}
    lines = build_lines(out, bold=b.bold, italic=b.italic, hints=keyed, detect_markers=True)
    return Rendition(source, lines)
