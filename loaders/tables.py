"""Recommendations laid out as a table: «| № | Рекомендация | Адресат |» (Markdown), or rows
«1. | Органам … | предусмотреть …» that a copied table left behind.

Each row is one recommendation: its text is the cell with the verb, its addressee the cell that
names one (in the dative or, in an «Адресат» column, in the nominative). A header row names the
columns («Кому адресовано», «Содержание рекомендации»); without one, the cells are told apart by
what they hold. The separator row «|---|---|» and the header are not recommendations. A row that
holds nothing but an addressee heading («| | **Архивным учреждениям …:** | |») addresses the rows
under it that name none.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from resolutions_kg.records import Addressee, Recommendation, Span, Spanned

from .addressing import action, addressee_at
from .blocks import Block, clean
from .headings import heading_addressee, names_an_agent
from .russian import is_infinitive, words
from .topics import classify

#: A header cell naming the addressee's column, and one naming the recommendation's.
ADDRESSEE_HEADER = re.compile(r"адресат|кому|исполнител|ответственн", re.I)
TEXT_HEADER = re.compile(r"рекомендац|содержани|мероприяти|предложени|текст|меры", re.I)
_SEPARATOR_ROW = re.compile(r"[\s|:+-]+")
_NUMBER_CELL = re.compile(r"\s*(?:№|n|#)?\s*(?:п/п)?\s*\d{0,3}[.)]?\s*", re.I)


@dataclass
class Columns:
    """Which cell of a row holds the recommendation's text and which its addressee; and the
    addressee the rows below may take: a heading row's, or the last row's when its cell spans
    the rows under it (``rowspan``: they have no cell there)."""

    text: int | None
    addressee: int | None
    heading: Addressee | None = None
    #: cells of the header row (a row with fewer has a cell spanned from a row above)
    width: int = 0
    #: the number of the heading's row («2» over «2.1», «2.2»), if it has one
    heading_number: str | None = None


def cells(text: str, block: Block) -> list[tuple[int, int]] | None:
    """The cells of ``block`` when it is a table row (two or more «|»), trimmed; else None."""
    a, b = block.body, block.end
    content = text[a:b]
    if content.count("|") < 2 and not (content.startswith("|") and content.count("|") >= 1):
        return None
    out: list[tuple[int, int]] = []
    pos = a
    for part in content.split("|"):
        start, end = pos, pos + len(part)
        pos = end + 1
        while start < end and text[start] in " \t*_":
            start += 1
        while end > start and text[end - 1] in " \t*_":
            end -= 1
        out.append((start, end))
    if content.startswith("|"):
        out = out[1:]
    if content.rstrip().endswith("|"):
        out = out[:-1]
    return out if len(out) >= 2 else None


def is_separator(text: str, block: Block) -> bool:
    return bool(_SEPARATOR_ROW.fullmatch(text[block.start : block.end])) and "-" in text[
        block.start : block.end]


def header_columns(text: str, row: list[tuple[int, int]]) -> Columns | None:
    """The columns a header row names, or None when the row is no header."""
    addressee = next((k for k, (a, b) in enumerate(row) if ADDRESSEE_HEADER.search(text, a, b)),
                     None)
    body = next((k for k, (a, b) in enumerate(row)
                 if k != addressee and TEXT_HEADER.search(text, a, b)), None)
    if addressee is None and body is None:
        return None
    return Columns(text=body, addressee=addressee, width=len(row))


def under_heading(text: str, row: list[tuple[int, int]], block: Block,
                  columns: Columns | None) -> Columns | None:
    """The columns with the addressee of ``row`` when it is an addressee heading alone in its
    row («| | **Рекомендовать руководителям муниципальных архивов:** | |»); else None."""
    # («| **2** | **Агентству по делам архивов …:** | |»: the heading numbered in its own cell)
    filled = [cell for cell in row if cell[1] > cell[0] and not is_number(text, cell)]
    if len(filled) != 1 or text[filled[0][1] - 1] != ":":
        return None
    a, b = filled[0]
    found = heading_addressee(text, dataclasses.replace(block, start=a, body=a, end=b))
    if found is None or found[1] is not None:
        return None
    return dataclasses.replace(columns or Columns(None, None), heading=found[0],
                               heading_number=_number_of(text, row))


def _number_of(text: str, row: list[tuple[int, int]]) -> str | None:
    """The row's number in a cell of its own («3», «12.»), if it has one."""
    return next((text[ca:cb].strip(" .)№*_") for ca, cb in row
                 if is_number(text, (ca, cb)) and text[ca:cb].strip(" .)№*_")), None)


def is_number(text: str, cell: tuple[int, int]) -> bool:
    return bool(_NUMBER_CELL.fullmatch(text[cell[0] : cell[1]]))


def recommendation_of_row(text: str, row: list[tuple[int, int]], columns: Columns | None,
               block: Block) -> Recommendation | None:
    """The recommendation a table row holds: the text from the column the header names (else
    the first cell with a verb), the addressee from the «Адресат» column (else another cell
    that names one, in the dative or the nominative)."""
    body = columns.text if columns is not None and columns.text is not None else None
    if body is None or body >= len(row):
        body = next((k for k, cell in enumerate(row)
                     if not is_number(text, cell) and action(text, *cell) is not None),
                    None)
    if body is None:
        return None
    a, b = row[body]
    if b - a < 3:
        return None
    spanned = columns is not None and columns.addressee is not None and (
        columns.addressee >= len(row) or len(row) < columns.width)  # (its cell spans from above)
    candidates = ([] if spanned else [columns.addressee]
                  if columns is not None and columns.addressee is not None
                  else [k for k in range(len(row)) if k != body])
    addressee = None
    for k in candidates:
        if k >= len(row) or is_number(text, row[k]):
            continue
        ca, cb = row[k]
        addressee = addressee_at(text, ca, cb, "datv") or (
            addressee_at(text, ca, cb, "nomn") if names_an_agent(text, ca, cb) else None)
        if addressee is not None:
            tail = text[addressee.span.end : cb]
            if tail.strip(" ,") and not any(is_infinitive(w) for w, _, _ in words(tail)):
                # «… муниципальных образований в Ямало-Ненецком автономном округе»: the cell
                # names the addressee to its end
                addressee = dataclasses.replace(
                    addressee, label=addressee.label + ("" if tail.startswith(",") else " ")
                    + clean(tail), span=Span(addressee.span.start, cb))
            break
    number = _number_of(text, row)
    if columns is not None:
        own_cell = columns.addressee is not None and not spanned
        if (columns.heading_number is not None and number is not None
                and number.count(".") <= columns.heading_number.count(".")):
            columns.heading = columns.heading_number = None  # («| 3 | Провести …» after the
            # rows «| 2.1 | …» under «| 2 | Агентству …: |»: back at the headings' level)
        if addressee is None and not own_cell:
            addressee = columns.heading
        elif addressee is not None and own_cell:
            columns.heading = addressee  # (for the rows its cell may span)
    return Recommendation(position=0, text=Spanned(clean(text[a:b]), Span(a, b)),
                          addressee=addressee, action=action(text, a, b),
                          topics=classify(text[a:b]), label=block.label or number)
