"""Readers for plain text (``.txt``) and Markdown (``.md``).

Plain text keeps every character as received; Markdown-like ``**bold**`` and ``*italic*``
wrappers are recognised as style, and line content never starts or ends with them. Markdown is
rendered to plain text: emphasis markers, heading hashes, escapes, link targets and hard-break
spaces are removed; list markers (``1.1.``, ``-``) are kept.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right

from resolutions_kg.records import SourceText

from .rendition import LineHint, Rendition, build_lines

#: ``**strong**`` or ``__strong__``, possibly over several lines of one paragraph.
_STRONG = re.compile(r"(\*\*|__)(?=\S)((?:(?!\n[ \t]*\n).)+?)(?<=\S)\1", re.S)
#: ``*em*`` or ``_em_`` within one line.
_EM = re.compile(r"(?<![*\w])([*_])(?=[^\s*_])([^*_\n]+?)(?<=[^\s*_])\1(?![*\w])")
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
#: A setext heading's underline under its line of text, or a thematic break on its own.
_SETEXT = re.compile(r"^([^\n]*[^\s\n|][^\n]*)\n([ \t]{0,3}={3,}[ \t]*)$"
                     r"|^[ \t]*\n([ \t]{0,3}(?:-{3,}|\*{3,}|_{3,})[ \t]*)$", re.M)
# (a line of dashes right under text is left alone: a plain text saved as Markdown draws them
# under its page numbers)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_HARD_BREAK = re.compile(r"[ \t]+$|\\$", re.M)
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_CODE = re.compile(r"`+")


Ranges = list[tuple[int, int]]


def emphasis(text: str) -> tuple[Ranges, Ranges, Ranges]:
    """Bold ranges, italic ranges and the marker ranges that delimit them in ``text``."""
    bold: list[tuple[int, int]] = []
    italic: list[tuple[int, int]] = []
    markers: list[tuple[int, int]] = []
    taken: set[int] = set()
    for m in _STRONG.finditer(text):
        bold.append((m.start(2), m.end(2)))
        markers += [(m.start(), m.start(2)), (m.end(2), m.end())]
        taken.update(range(m.start(), m.start(2)))
        taken.update(range(m.end(2), m.end()))
    for m in _EM.finditer(text):
        if m.start() in taken or m.end() - 1 in taken:
            continue
        italic.append((m.start(2), m.end(2)))
        markers += [(m.start(), m.start(2)), (m.end(2), m.end())]
    return bold, italic, markers


#: A word broken at the end of a line, as text copied from Word or a PDF has it: «библиоте-» /
#: «ки имени …» (in HTML maybe with a ``<br>`` after the hyphen); the rest of the word, and the
#: rest of its line.
_BROKEN = re.compile(r"(?<=[А-Яа-яЁё])-(?P<br>[ \t]*<br\s*/?>)?[ \t]*\n(?P<indent>[ \t]*)"
                     r"(?P<rest>[А-ЯЁа-яё][а-яё]*(?:-[А-ЯЁа-яё][а-яё]*)*)(?P<tail>[^\n]*)", re.I)


def join_broken_words(text: str, *, html: bool = False) -> str:
    """Words broken at line ends joined on the first line, without what follows them:
    «библиоте-\\nки имени» → «библиотеки\\nимени», «ди-\\nстанционно: …» → «дистанционно\\n:
    …» (a colon or a full stop that ended the line would change what the line is), but
    «окру-\\nга:» → «округа:» (a line of only the word's rest goes up whole). The hyphen
    stays where it is part of the word: before a capital («Нарьян-\\nМар»), and in a compound
    whose halves are words and whose join is none («историко-\\nхудожественный»). With
    ``html``, a ``<br>`` after the hyphen breaks the line as a newline does."""
    from .russian import morph

    def joined(m: re.Match[str]) -> str:
        if m.group("br") is not None and not html:
            return m.group()
        # the word's first part: a bounded look back (a slice to the start of the text for
        # each broken word would make a long text quadratic)
        head = re.search(r"[А-Яа-яЁё]+$", text[max(0, m.start() - 64) : m.start()])
        first, second = (head.group() if head else ""), m.group("rest")
        part = second.split("-")[0]  # «Ростов-» / «на-Дону»: the next part of a compound
        known = morph().word_is_known
        capitals = first.isupper() and part.isupper() and len(part) > 1
        keep = (part[:1].isupper() and not (capitals and known((first + part).lower()))) or (
            not known((first + part).lower()) and (known(part.lower()) or part != second))
        # «РОСТОВ-» / «СКОЙ» in a heading in capitals is one word; «НАРЬЯН-» / «МАР» is not
        word = ("-" if keep else "") + second
        tail = m.group("tail")
        if not re.search(r"\w", re.sub(r"<[^>]*>", "", tail) if html else tail):
            # «окру-» / «га:»: the whole line goes up
            return word + tail.strip()
        return word + (m.group("br") or "") + "\n" + m.group("indent") + tail.lstrip()

    while True:  # a line's rest may end with the next broken word
        joined_text = _BROKEN.sub(joined, text)
        if joined_text == text:
            return text
        text = joined_text


def read_plain(text: str, *, name: str, original_sha256: str, encoding: str = "utf-8",
               media_type: str = "text/plain") -> Rendition:
    """The rendition of a plain-text file: the text as received, styles from ``**``/``*``,
    words broken at line ends joined (:func:`join_broken_words`)."""
    text = join_broken_words(text)
    bold, italic, markers = emphasis(text)
    source = SourceText(name=name, media_type=media_type, text=text,
                        original_sha256=original_sha256, encoding=encoding)
    return Rendition(source, build_lines(text, bold=bold, italic=italic, hidden=markers))


_INLINE_HTML = re.compile(r"</?(?:div|p|span|br|b|strong|i|em|u|font|center|small|sup|sub)"
                          r"(?:\s[^<>\n]*)?/?>", re.I)


_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")


def read_markdown(text: str, *, name: str, original_sha256: str,
                  encoding: str = "utf-8") -> Rendition:
    """Render Markdown to plain text, remembering emphasis and headings (words broken at
    line ends joined first)."""
    text = join_broken_words(text)
    deleted: list[tuple[int, int]] = []
    headings: dict[int, int] = {}
    for m in _HEADING.finditer(text):
        deleted.append((m.start(), m.start(2)))
        deleted.append((m.end(2), m.end()))
        headings[m.start()] = len(m.group(1))
    for m in _SETEXT.finditer(text):  # «Резолюция …» over «=====»: a heading; «---» a rule
        if m.group(1) is not None:
            deleted.append((m.start(2) - 1, m.end(2)))
            headings[m.start(1)] = 1
        else:
            deleted.append((m.start(3), m.end(3)))
    deleted += [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    deleted += [(m.start(), m.end()) for m in _HARD_BREAK.finditer(text)]
    deleted += [(m.start(), m.start() + 1) for m in _ESCAPE.finditer(text)]
    for m in _LINK.finditer(text):
        deleted.append((m.start(), m.start(1)))
        deleted.append((m.end(1), m.end()))
    deleted += [(m.start(), m.end()) for m in _CODE.finditer(text)]
    # HTML a Markdown file carries inline («<div align="right">», «<br>»): markup, not words;
    # an entity («&nbsp;», «&laquo;») is the one character it stands for, at its «&»
    deleted += [(m.start(), m.end()) for m in _INLINE_HTML.finditer(text)]
    found = [(m, char) for m in _ENTITY.finditer(text)
             if len(char := html.unescape(m.group())) == 1]
    entities = {m.start(): char.replace("\u00a0", " ") for m, char in found}
    deleted += [(m.start() + 1, m.end()) for m, _ in found]
    bold, italic, markers = emphasis(text)
    deleted += markers
    drop = bytearray(len(text))
    for a, b in deleted:
        drop[a:b] = b"\x01" * (b - a)
    kept = [i for i in range(len(text)) if not drop[i]]
    out = "".join(entities.get(i, text[i]) for i in kept)

    def new(offset: int) -> int:
        return bisect_right(kept, offset - 1)

    hints = {}
    for old, level in headings.items():
        hints[new(old)] = LineHint(heading=level)
    # a heading line keeps its start offset: its first kept character begins the line
    fixed: dict[int, LineHint] = {}
    line_starts = [0] + [i + 1 for i, c in enumerate(out) if c == "\n"]
    for offset, hint in hints.items():
        fixed[line_starts[bisect_right(line_starts, offset) - 1]] = hint
    source = SourceText(name=name, media_type="text/markdown", text=out,
                        original_sha256=original_sha256, encoding=encoding)
    lines = build_lines(
        out,
        bold=[(new(a), new(b)) for a, b in bold],
        italic=[(new(a), new(b)) for a, b in italic],
        hints=fixed,
    )
    return Rendition(source, lines)
