"""The faceted browser's in-memory index, built once per store version (:mod:`.facets`).

Counting every facet's values over a selection with SPARQL is slow on a large store; the index
answers it at once (figures: docs/performance-notes.md). It holds, for the store version it was
built from:

- the recommendations (``?rec a reskg:Recommendation ; eli:is_part_of ?res``), each a bit
  position;
- per facet, per value, the bitset (a Python ``int``) of the recommendations that have it, with
  the value's label — a selection is the AND of its values' bitsets, a count the bits set in the
  AND of the selection with a value's bitset (``COUNT(DISTINCT ?rec)``, as the query did);
- the listing order (``ORDER BY ?date ?res ?position``, as Oxigraph sorts it), so that a page of
  rows is the selection's next 50 in that order; the page is then described by one query bound
  to those rows.

The patterns are the facets' own (:data:`.facets.FACETS`), so the index counts what the queries
counted. It is built by a handful of queries at first use and kept in a
:class:`~.browse.VersionCache`: a write or a newer store gives a new version and a new index.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from resolutions_kg.endpoint import browse


@dataclass
class Value:
    term: ox.NamedNode | ox.Literal
    label: str
    mask: int


@dataclass
class FacetIndex:
    #: IRIs of the recommendations, by bit position
    recs: list[str]
    #: per facet name, its values
    values: dict[str, list[Value]]
    #: the listing, in order: (recommendation, resolution, position, date) as positions in
    #: ``recs``, ``resolutions`` and ``terms`` (-1: unbound)
    rows: tuple[array[int], array[int], array[int], array[int]]
    resolutions: list[str]
    terms: list[ox.Literal]
    everything: int = field(init=False)

    def __post_init__(self) -> None:
        self.everything = (1 << len(self.recs)) - 1

    def selected(self, kind: str, name: str, chosen: ox.NamedNode | ox.Literal) -> int:
        """The bitset of a chosen facet value (compared as the facet's FILTER compares)."""
        mask = 0
        for value in self.values.get(name, []):
            if _matches(kind, value.term, chosen):
                mask |= value.mask
        return mask

    def page(self, selection: int, offset: int, size: int) -> list[tuple[str, str, Any, Any]]:
        """The ``size`` listing rows after ``offset`` whose recommendation is selected."""
        bits = format(selection, "b")[::-1]  # bits[i] == "1": recommendation i is selected
        recs, res, pos, date = self.rows
        out: list[tuple[str, str, Any, Any]] = []
        skipped = 0
        for i in range(len(recs)):
            r = recs[i]
            if r >= len(bits) or bits[r] != "1":
                continue
            if skipped < offset:
                skipped += 1
                continue
            out.append((self.recs[r], self.resolutions[res[i]], self.terms[pos[i]],
                        self.terms[date[i]] if date[i] >= 0 else None))
            if len(out) == size:
                break
        return out


def _matches(kind: str, term: Any, chosen: Any) -> bool:
    if kind == "year":
        try:
            return int(term.value) == int(chosen.value)
        except ValueError:
            return False
    if kind == "text":
        return isinstance(term, ox.Literal) and term.value == chosen.value
    return bool(term == chosen)


def _mask(positions: list[int], size: int) -> int:
    bits = bytearray((size + 7) // 8)
    for i in positions:
        bits[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(bits, "little")


LISTING = """
SELECT ?rec ?res ?position ?date WHERE {
  %s
  ?rec reskg:position ?position .
  OPTIONAL { ?res prov:wasGeneratedBy/schema:startDate ?start }
  OPTIONAL { ?res eli:date_document ?adopted }
  BIND(COALESCE(?start, ?adopted) AS ?date)
}
ORDER BY ?date ?res ?position
"""
LABELS = """
SELECT ?value (SAMPLE(?l) AS ?label) WHERE {
  { SELECT DISTINCT ?value WHERE { %s %s } }
  ?value skos:prefLabel|rdfs:label ?l FILTER(LANG(?l) = "ru")
}
GROUP BY ?value
"""


def build(ctx: Any, facets: Any, base: str) -> FacetIndex:
    """The index of the store ``ctx`` queries (a few queries, each over the whole store)."""
    listing = browse.table(ctx, LISTING % base)
    recs: dict[str, int] = {}
    resolutions: dict[str, int] = {}
    cells: dict[str, int] = {}  # TSV cells of positions and dates
    columns: tuple[array[int], ...] = (array("i"), array("i"), array("i"), array("i"))
    for rec, res, position, date in listing:
        row = (recs.setdefault(browse.iri(rec), len(recs)),
               resolutions.setdefault(browse.iri(res), len(resolutions)),
               cells.setdefault(position, len(cells)),
               cells.setdefault(date, len(cells)) if date else -1)
        for column, number in zip(columns, row, strict=True):
            column.append(number)
    for (rec,) in browse.table(ctx, f"SELECT DISTINCT ?rec WHERE {{ {base} }}"):
        recs.setdefault(browse.iri(rec), len(recs))  # without a position: counted only
    values: dict[str, list[Value]] = {}
    for facet in facets:
        members: dict[str, list[int]] = {}
        for rec, value in browse.table(ctx, f"SELECT DISTINCT ?rec ?value WHERE {{ {base} "
                                            f"{facet.bind('value')} }}"):
            at = recs.get(browse.iri(rec))
            if value and at is not None:
                members.setdefault(value, []).append(at)
        labels: dict[str, str] = {}
        if facet.kind == "iri":
            found = browse.table(ctx, LABELS % (base, facet.bind("value")))
            labels = {value: browse.text(label) for (value, _), label in
                      zip(found, browse.terms([label for _, label in found]), strict=True)}
        listed = list(members)
        values[facet.name] = [
            Value(term, labels.get(cell) or browse.text(term), _mask(members[cell], len(recs)))
            for cell, term in zip(listed, browse.terms(listed), strict=True)]
    return FacetIndex(list(recs), values, (columns[0], columns[1], columns[2], columns[3]),
                      list(resolutions), browse.terms(list(cells)))
