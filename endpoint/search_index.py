"""Search's in-memory index of lemmas, built once per store version (:mod:`.search`).

Matching every item's ``reskg:lemmas`` with ``CONTAINS`` is slow on a large store; the index
answers at once (figures: docs/performance-notes.md). It holds the items search goes through
(recommendations, proposals and statements with a text, ``reskg:lemmas`` and a resolution), one
row each in the order the search query ranked ties in (``ORDER BY ?resolution ?kind
?position``), and per lemma its postings: the rows whose lemmas hold it — a bitset (a Python
``int``) when many rows do, else an array of row numbers (at most as large as the bitset would
be). A search counts, per row, the searched lemmas it holds (bit-sliced: a few big-integer
operations per lemma), and takes the rows by that count, most first, then in order.

The texts are not kept: the page's hits are described by one query. The index is kept in a
:class:`~.browse.VersionCache`: a write or a newer store gives a new version and a new index.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from resolutions_kg.endpoint import browse

ITEMS = """
SELECT ?item ?kind ?resolution ?position ?lemmas WHERE {
  VALUES (?class ?kind) {
    (reskg:Recommendation "recommendation") (reskg:Proposal "proposal")
    (reskg:Statement "statement")
  }
  ?item a ?class ; eli:is_part_of ?resolution ; reskg:lemmas ?lemmas .
  FILTER EXISTS { ?item reskg:text ?content }
  OPTIONAL { ?item reskg:position ?position }
}
ORDER BY ?resolution ?kind ?position
"""
TEXTS = """
SELECT ?item (SAMPLE(?content) AS ?text) WHERE {
  VALUES ?item { %s }
  ?item reskg:text ?content .
}
GROUP BY ?item
"""


@dataclass(frozen=True, slots=True)
class Row:
    item: str
    kind: str
    resolution: str
    position: str


@dataclass
class SearchIndex:
    rows: list[Row]
    postings: dict[str, int | array[int]]

    def mask(self, lemma: str) -> int:
        found = self.postings.get(lemma, 0)
        return found if isinstance(found, int) else _mask(found, len(self.rows))

    def ranked(self, wanted: Iterable[str], limit: int) -> list[tuple[Row, int]]:
        """Up to ``limit`` rows holding any of ``wanted``, with how many they hold: most first,
        then in the index's order."""
        planes: list[int] = []  # planes[j]: bit j of each row's count
        wanted = list(dict.fromkeys(wanted))
        for lemma in wanted:
            carry = self.mask(lemma)
            for j, plane in enumerate(planes):
                if not carry:
                    break
                planes[j], carry = plane ^ carry, plane & carry
            if carry:
                planes.append(carry)
        everything = (1 << len(self.rows)) - 1
        out: list[tuple[Row, int]] = []
        for matched in range(len(wanted), 0, -1):
            exact = everything
            for j in range(len(planes)):
                exact &= planes[j] if matched >> j & 1 else everything ^ planes[j]
            if matched >> len(planes):
                exact = 0
            bits = format(exact, "b")[::-1] if exact else ""
            at = bits.find("1")
            while at >= 0 and len(out) < limit:
                out.append((self.rows[at], matched))
                at = bits.find("1", at + 1)
            if len(out) >= limit:
                break
        return out


def _mask(positions: Iterable[int], size: int) -> int:
    bits = bytearray((size + 7) // 8)
    for i in positions:
        bits[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(bits, "little")


def build(ctx: Any) -> SearchIndex:
    """The index of the store ``ctx`` queries (one query over the whole store)."""
    found = browse.table(ctx, ITEMS)
    kinds = {cell: browse.text(term) for cell, term in
             zip(*_distinct([r[1] for r in found]), strict=True)}
    positions = {cell: browse.text(term) for cell, term in
                 zip(*_distinct([r[3] for r in found]), strict=True)}
    rows: list[Row] = []
    lists: dict[str, array[int]] = {}
    shared: dict[str, str] = {}  # one string per resolution
    for (item, kind, resolution, position, _), own in zip(
            found, browse.terms([r[4] for r in found]), strict=True):
        at = len(rows)
        rows.append(Row(browse.iri(item), kinds[kind],
                        shared.setdefault(resolution, browse.iri(resolution)),
                        positions[position]))
        # a lemma between two spaces, as CONTAINS(?lemmas, " lemma ") finds it (the lemmas are
        # space-padded: the first and last pieces are empty)
        for lemma in set(browse.text(own).split(" ")[1:-1]) - {""}:
            lists.setdefault(lemma, array("i")).append(at)
    dense = len(rows) // 32  # a bitset is smaller than an array of this many 32-bit numbers
    postings: dict[str, int | array[int]] = {
        lemma: _mask(at, len(rows)) if len(at) > dense else at for lemma, at in lists.items()}
    return SearchIndex(rows, postings)


def _distinct(cells: list[str]) -> tuple[list[str], list[Any]]:
    listed = list(dict.fromkeys(cells))
    return listed, browse.terms(listed)


def texts(ctx: Any, items: list[str]) -> dict[str, str]:
    """The text of each item (one query)."""
    if not items:
        return {}
    listed = " ".join(f"<{iri}>" for iri in dict.fromkeys(items))
    return {browse.text(r["item"]): browse.text(r["text"])
            for r in browse.select(ctx, TEXTS % listed)}
