"""The evidence quote checks (``reskgsh:EvidenceQuotes`` in ``ontology/shapes.ttl``) in Python.

The constraint's SPARQL compares, for every selector, ``SUBSTR`` of the whole source text with
the quote: each ``SUBSTR`` walks the text from its start (code points are not fixed-width in
UTF-8), so a document with thousands of selectors over a text of megabytes takes time quadratic
in its size. Here the selectors are found by a SPARQL query (without the text), and the text is
read once per source text and sliced in Python, which counts code points in constant time.

The semantics are the query's, step by step: the same joins (every position selector with
every quote selector of a target, every rendition of the source text), the same order of
checks and the same problem strings, ``SUBSTR`` as XPath's ``fn:substring`` (1-based, a start
before 1 clipped), and a row dropped where SPARQL would meet an error (an offset that is not a
number). tests/test_validation_native.py runs both on the same broken graphs.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from resolutions_kg.validation.compiler import Check

OA = "http://www.w3.org/ns/oa#"
RDF_VALUE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#value")
XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {XSD + name for name in (
    "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte")}
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")

Number = int | Decimal | float
Row = dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]


def _rows_query(check: Check) -> str:
    return f"""
        SELECT ?this ?value ?start ?end ?exact ?prefix ?suffix WHERE {{
            {check.focus}
            ?value <{OA}hasSource> ?this .
            ?value <{OA}hasSelector> ?position .
            ?value <{OA}hasSelector> ?quote .
            ?position <{OA}start> ?start .
            ?position <{OA}end> ?end .
            ?quote <{OA}exact> ?exact .
            OPTIONAL {{ ?quote <{OA}prefix> ?prefix }}
            OPTIONAL {{ ?quote <{OA}suffix> ?suffix }}
        }}"""


def _number(term: object) -> Number | None:
    """The numeric value of a literal, None where SPARQL arithmetic would be an error."""
    if not isinstance(term, ox.Literal):
        return None
    datatype, text = term.datatype.value, term.value.strip()
    try:
        if datatype in _INTEGERS:
            return int(text) if _INTEGER.fullmatch(text) else None
        if datatype == XSD + "decimal":
            return Decimal(text) if _DECIMAL.fullmatch(text) else None
        if datatype in (XSD + "double", XSD + "float"):
            number = float(text)
            return None if math.isnan(number) else number
    except (ValueError, InvalidOperation):
        return None
    return None


def _round(x: Number) -> Number:
    """XPath ``fn:round``: half towards positive infinity."""
    if isinstance(x, int):
        return x
    if isinstance(x, float) and math.isinf(x):
        return x
    return math.floor(x + Decimal("0.5") if isinstance(x, Decimal) else x + 0.5)


def substr(text: str, start: Number, length: Number) -> str:
    """SPARQL ``SUBSTR(text, start, length)``: code points at 1-based positions ``p`` with
    ``round(start) <= p < round(start) + round(length)``."""
    first = _round(start)
    end = first + _round(length)  # type: ignore[operator]
    low = max(first, 1)
    if end <= low or low > len(text):
        return ""
    high = len(text) + 1 if end > len(text) + 1 else end
    return text[int(low) - 1:int(high) - 1]


def problem(text: str, start: Number, end: Number, exact: str, prefix: str | None,
            suffix: str | None) -> str:
    """What is wrong with one selection, as the constraint's ``?problem`` ("" when nothing)."""
    if end > len(text):
        return "the selection ends past the end of the source text"
    if substr(text, start + 1, end - start) != exact:  # type: ignore[operator]
        return "the quote is not the source text at these offsets (code points)"
    if prefix is not None and (
        len(prefix) > start or substr(text, start - len(prefix) + 1, len(prefix)) != prefix
    ):
        return f"the prefix «{prefix}» is not the text just before"
    if suffix is not None and substr(text, end + 1, len(suffix)) != suffix:
        return f"the suffix «{suffix}» is not the text just after"
    return ""


def _string(term: object) -> str | None:
    """SPARQL ``STR``: None for a blank node (an error)."""
    if isinstance(term, ox.Literal | ox.NamedNode):
        return term.value
    return None


def evidence_quotes(store: ox.Store, check: Check) -> list[Row]:
    """The solutions the constraint's query would give: one per bad selection."""
    solutions = store.query(_rows_query(check))
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    texts: dict[object, list[str]] = {}
    found: list[Row] = []
    for solution in solutions:
        row = {n: t for n, t in zip(names, solution, strict=True) if t is not None}
        this = row["this"]
        if this not in texts:
            texts[this] = [s for q in store.quads_for_pattern(this, RDF_VALUE, None)
                           if (s := _string(q.object)) is not None]
        start, end = _number(row["start"]), _number(row["end"])
        exact = _string(row["exact"])
        if start is None or end is None or exact is None:
            continue
        if isinstance(start, float) or isinstance(end, float):  # SPARQL promotes to double
            start, end = float(start), float(end)
        prefix = _string(row["prefix"]) if "prefix" in row else None
        suffix = _string(row["suffix"]) if "suffix" in row else None
        if ("prefix" in row and prefix is None) or ("suffix" in row and suffix is None):
            continue
        for text in texts[this]:
            what = problem(text, start, end, exact, prefix, suffix)
            if what:
                found.append({"this": this, "value": row["value"], "start": row["start"],
                              "end": row["end"], "exact": row["exact"],
                              "problem": ox.Literal(what)})
    return found
