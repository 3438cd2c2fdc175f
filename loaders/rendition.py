"""The plain-text rendition of an input file, as lines with structural style flags.

Every reader (``plaintext``, ``html``, ``docx``) produces a :class:`Rendition`: the
:class:`~resolutions_kg.records.SourceText` that spans point into, plus one :class:`Line` per
non-blank line of it. A line's ``start``/``end`` cover its content without surrounding emphasis
markers or whitespace; ``body`` is where the content starts after a list marker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from resolutions_kg.records import SourceText

#: A list marker at the start of a line: «1.», «1.1.», «А.1.», «2)», «а)», «b.», «•», «-», «—».
LIST_MARKER = re.compile(
    r"(?P<marker>(?P<num>(?:[А-ЯЁ]\.)?\d{1,3}(?:\.\d{1,3})+|[А-ЯЁ]\.\d{1,3}|\d{1,3}(?=[.)]))"
    r"[.)]?(?=\s)"
    r"|(?P<let>[а-яёa-z])\)(?=\s)|(?P<let2>[абвa-f])\.(?=\s)"
    r"|[IVX]{1,5}\.(?=\s)|[•·▪◦‣∙●○■□–—*+-](?=\s))\s+",
)


#: Characters that are not part of the text a reader sees (zero-width space, joiners, word
#: joiner, soft hyphen, BOM inside the text): left out of every rendition, so that
#: «Нарьян-\u200bМар» is read as the name it shows.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\u00ad\ufeff"))


@dataclass(frozen=True)
class Line:
    """One non-blank line of the rendition, with what its markup said about it."""

    start: int
    end: int
    #: Where the content starts after a list marker (``start`` when there is none).
    body: int
    bold: bool = False
    italic: bool = False
    #: Heading level 1–6 (HTML ``<hN>``, Markdown ``#``, DOCX «Heading N»), or None.
    heading: int | None = None
    #: The list marker as printed («1.1.», «а)», «•»), or the number a list gives the item.
    marker: str | None = None
    #: The marker's label: «1.1», «а», «3»; None for bullets.
    label: str | None = None
    #: True for items of an HTML/DOCX list or lines that open with a list marker.
    list_item: bool = False
    #: Nesting depth of an HTML/DOCX list item (0 for top level).
    depth: int = 0
    #: All letters of the line are capitals (and there are several).
    caps: bool = False
    #: The reader knows the line is page furniture (HTML ``<nav>``, ``<footer>``, ``<aside>`` …).
    furniture: bool = False


@dataclass(frozen=True)
class Rendition:
    source: SourceText
    lines: tuple[Line, ...] = field(default=())

    @property
    def text(self) -> str:
        return self.source.text

    def line_text(self, line: Line) -> str:
        return self.source.text[line.start : line.end]

    def line_number(self, offset: int) -> int:
        """1-based line number of ``offset`` in the rendition."""
        return self.source.text.count("\n", 0, offset) + 1


@dataclass(frozen=True)
class LineHint:
    """What a reader knows about a line beyond its text (from HTML or DOCX structure)."""

    heading: int | None = None
    list_item: bool = False
    marker: str | None = None
    label: str | None = None
    depth: int = 0
    bold: bool = False
    italic: bool = False
    furniture: bool = False



def in_capitals(value: str) -> bool:
    """Whether ``value`` is written in capitals: four letters or more, every one a capital
    («РЕЗОЛЮЦИЯ», «IV. ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ»)."""
    letters = [c for c in value if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)

def covered(ranges: Iterable[tuple[int, int]], start: int, end: int, text: str) -> bool:
    """Whether every letter or digit of ``text[start:end]`` lies inside one of ``ranges``."""
    positions = [i for i in range(start, end) if text[i].isalnum()]
    if not positions:
        return False
    spans = sorted(ranges)
    return all(any(a <= i < b for a, b in spans) for i in positions)


def build_lines(
    text: str,
    *,
    bold: Iterable[tuple[int, int]] = (),
    italic: Iterable[tuple[int, int]] = (),
    hidden: Iterable[tuple[int, int]] = (),
    hints: Mapping[int, LineHint] | None = None,
    detect_markers: bool = True,
) -> tuple[Line, ...]:
    """Split ``text`` into :class:`Line` objects.

    ``bold``/``italic`` are ranges of emphasised text; ``hidden`` are ranges (markup characters
    kept in a plain-text rendition, like ``**``) that line content never starts or ends with.
    ``hints`` maps a line's start offset to what the reader knows about that line.
    """
    bold, italic = list(bold), list(italic)
    hidden_chars: set[int] = set()
    for a, b in hidden:
        hidden_chars.update(range(a, b))
    hints = hints or {}
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        line_start, pos = pos, pos + len(raw) + 1
        start, end = line_start, line_start + len(raw)
        while start < end and (text[start].isspace() or start in hidden_chars):
            start += 1
        while end > start and (text[end - 1].isspace() or (end - 1) in hidden_chars):
            end -= 1
        # stray emphasis markers («**» with no partner) at the edges are not content either
        while start + 1 < end and text[start : start + 2] in ("**", "__"):
            start += 2
            while start < end and text[start].isspace():
                start += 1
        while end - 2 > start and text[end - 2 : end] in ("**", "__"):
            end -= 2
            while end > start and text[end - 1].isspace():
                end -= 1
        if start >= end:
            continue
        hint = hints.get(line_start, LineHint())
        body, marker, label = start, hint.marker, hint.label
        list_item = hint.list_item
        if detect_markers and not hint.list_item:
            m = LIST_MARKER.match(text, start, end)
            if m and m.end() < end:
                body = m.end()
                while body < end and body in hidden_chars:
                    body += 1
                marker = m.group("marker")
                label = m.group("num") or m.group("let") or m.group("let2")
                if label is None and re.fullmatch(r"[IVX]+\.", marker):
                    label = marker[:-1]
                list_item = True
        caps = in_capitals(text[start:end])
        lines.append(
            Line(
                start=start,
                end=end,
                body=body,
                bold=hint.bold or covered(bold, body, end, text),
                italic=hint.italic or covered(italic, body, end, text),
                heading=hint.heading,
                marker=marker,
                label=label,
                list_item=list_item,
                depth=hint.depth,
                caps=caps,
                furniture=hint.furniture,
            )
        )
    return tuple(lines)
