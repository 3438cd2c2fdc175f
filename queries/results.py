"""The results of a named query: serialised for ``reskg query`` (CSV, TSV, SPARQL JSON), or
as rows of terms or of plain Python values."""

from __future__ import annotations

import enum
from collections.abc import Iterator

import pyoxigraph as ox

from resolutions_kg.errors import QueryError
from resolutions_kg.queries.params import XSD, Term

Results = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


class Format(enum.Enum):
    """Output formats of ``reskg query``."""

    TABLE = ("table", "text/plain")
    CSV = ("csv", "text/csv")
    TSV = ("tsv", "text/tab-separated-values")
    JSON = ("json", "application/sparql-results+json")

    def __init__(self, label: str, media_type: str) -> None:
        self.label = label
        self.media_type = media_type

    @classmethod
    def from_name(cls, name: str) -> Format:
        for member in cls:
            if member.label == name:
                return member
        raise QueryError(f"unknown format {name!r} (formats: {', '.join(m.label for m in cls)})")


_RESULTS_FORMATS = {
    Format.CSV: ox.QueryResultsFormat.CSV,
    Format.TSV: ox.QueryResultsFormat.TSV,
    Format.JSON: ox.QueryResultsFormat.JSON,
}


def serialize(results: Results, format: Format) -> bytes:
    """``results`` as CSV, TSV or SPARQL JSON (graph results as N-Triples, whatever the format)."""
    if isinstance(results, ox.QueryTriples):
        return results.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
    if format is Format.TABLE:
        raise QueryError("a table is rendered by the command line, not serialised")
    return results.serialize(format=_RESULTS_FORMATS[format]) or b""


def rows(results: ox.QuerySolutions) -> Iterator[dict[str, Term | None]]:
    """Each solution as a dict from variable name to term (None when unbound)."""
    names = [v.value for v in results.variables]
    for solution in results:
        yield {name: solution[name] for name in names}


def plain(term: Term | None) -> str | int | bool | None:
    """A term as a plain Python value: IRIs and strings as text, integers as int, booleans as
    bool."""
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value == XSD + "integer":
        return int(term.value)
    if isinstance(term, ox.Literal) and term.datatype.value == XSD + "boolean":
        return term.value in ("true", "1")
    return term.value if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode) else str(term)


def plain_rows(results: ox.QuerySolutions) -> list[dict[str, str | int | bool | None]]:
    """:func:`rows` with :func:`plain` values: handy in tests and scripts."""
    return [{k: plain(v) for k, v in row.items()} for row in rows(results)]
