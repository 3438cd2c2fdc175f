"""Reader for Word documents (``.docx``) with python-docx.

Each paragraph (also those in table cells) becomes a line followed by a blank line. Heading
styles give the heading level, bold/italic runs the emphasis, and automatic numbering the list
marker (computed from the numbering definitions, as Word would print it).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import defaultdict
from typing import Any

from resolutions_kg.errors import UnreadableInputError
from resolutions_kg.records import SourceText

from .rendition import LineHint, Rendition, build_lines

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_HEADING_STYLE = re.compile(r"(?:heading|заголовок)\s*(\d)", re.I)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        label = "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26]
        return label.upper() if fmt == "upperLetter" else label
    if fmt in ("russianLower", "russianUpper"):
        label = _RU_LETTERS[(value - 1) % len(_RU_LETTERS)]
        return label.upper() if fmt == "russianUpper" else label
    if fmt in ("lowerRoman", "upperRoman"):
        numerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
        label = numerals[value - 1] if value <= len(numerals) else str(value)
        return label.upper() if fmt == "upperRoman" else label
    return str(value)


class _Numbering:
    """Word's numbering definitions: numId → level → (format, level text, start)."""

    def __init__(self, document: object) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = defaultdict(lambda: [0] * 9)
        try:
            root = document.part.numbering_part.element  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a document without numbering
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for a in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in a.iter(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                levels[ilvl] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                )
            abstract[a.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                self.levels[num.get(f"{_W}numId", "")] = abstract.get(ref.get(f"{_W}val", ""), {})

    def marker(self, num_id: str, ilvl: int) -> tuple[str, str | None]:
        levels = self.levels.get(num_id, {})
        fmt, text, _ = levels.get(ilvl, ("decimal", f"%{ilvl + 1}.", 1))
        counters = self.counters[num_id]
        if counters[ilvl] == 0:
            counters[ilvl] = levels.get(ilvl, ("", "", 1))[2] - 1
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        if fmt == "bullet" or not text:
            return "•", None

        def number(m: re.Match[str]) -> str:
            level = int(m.group(1)) - 1
            value = counters[level] or levels.get(level, ("", "", 1))[2]
            return _format_number(value, levels.get(level, ("decimal", "", 1))[0])

        printed = re.sub(r"%(\d)", number, text)
        return printed, printed.rstrip(".)") or None


def _paragraphs(document: Any) -> list[Any]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[Any] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            out.append(Paragraph(child, document))
        elif child.tag == f"{_W}tbl":
            for row in Table(child, document).rows:
                for cell in row.cells:
                    out.extend(cell.paragraphs)
    return out


def read_docx(data: bytes, *, name: str, original_sha256: str,
              max_unpacked: int = 20_000_000) -> Rendition:
    """Render a .docx file to plain text lines with styles.

    A package that would unpack to more than ``max_unpacked`` bytes (a zip bomb, or a document
    with huge embedded media) is refused before anything is unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UnreadableInputError(f"not a readable .docx file ({exc})", path=name) from exc
    if unpacked > max_unpacked:
        raise UnreadableInputError(
            f"the .docx unpacks to {unpacked:,} bytes, over the largest document accepted "
            f"({max_unpacked:,} bytes; --max-document-size)", path=name)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableInputError(f"not a readable .docx file ({exc})", path=name) from exc
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on bad packages
        raise UnreadableInputError(f"not a readable .docx file ({exc})", path=name) from exc
    numbering = _Numbering(document)
    parts: list[str] = []
    length = 0
    bold: list[tuple[int, int]] = []
    italic: list[tuple[int, int]] = []
    hints: dict[int, LineHint] = {}
    for paragraph in _paragraphs(document):
        text = paragraph.text.replace("\r", "").replace("\n", " ").strip()
        if not text:
            continue
        style = paragraph.style
        style_name = style.name if style is not None and style.name else ""
        heading = None
        if m := _HEADING_STYLE.search(style_name):
            heading = int(m.group(1))
        elif style_name.lower() in ("title", "название"):
            heading = 1
        marker = label = None
        depth = 0
        num_pr = paragraph._p.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            num_id = num_pr.find(f"{_W}numId")
            ilvl = num_pr.find(f"{_W}ilvl")
            depth = int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0
            if num_id is not None and num_id.get(f"{_W}val", "0") != "0":
                marker, label = numbering.marker(num_id.get(f"{_W}val", ""), depth)
        elif "list" in style_name.lower() or "спис" in style_name.lower():
            marker = "•"
        style_bold = bool(style is not None and style.font is not None and style.font.bold)
        style_italic = bool(style is not None and style.font is not None and style.font.italic)
        start = length
        lead = len(paragraph.text) - len(paragraph.text.lstrip())
        offset = start - lead
        for run in paragraph.runs:
            run_text = run.text.replace("\r", "").replace("\n", " ")
            a, b = offset, offset + len(run_text)
            if run.bold or (run.bold is None and style_bold):
                bold.append((max(a, start), max(b, start)))
            if run.italic or (run.italic is None and style_italic):
                italic.append((max(a, start), max(b, start)))
            offset = b
        hints[start] = LineHint(heading=heading, list_item=marker is not None, marker=marker,
                                label=label, depth=depth)
        parts.append(text + "\n\n")
        length += len(text) + 2
    out = "".join(parts)
    source = SourceText(name=name, media_type=MEDIA_TYPE, text=out,
                        original_sha256=original_sha256, encoding="utf-8")
    return Rendition(source, build_lines(out, bold=bold, italic=italic, hints=hints))
