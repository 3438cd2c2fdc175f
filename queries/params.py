"""The types of a named query's parameters: the text a user typed → an RDF term, checked.

A ``#+ param:`` line names its type (:data:`TYPES`); :data:`TYPE_HELP` says what each accepts,
for help texts and error messages. A value that is no such thing raises
:class:`~resolutions_kg.errors.ParameterError` naming the parameter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from resolutions_kg.errors import ParameterError

XSD = "http://www.w3.org/2001/XMLSchema#"

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def _typed(datatype: str, check: Callable[[str], object]) -> Callable[[str], ox.Literal]:
    def convert(value: str) -> ox.Literal:
        check(value)
        return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))

    return convert


def _iri(value: str) -> ox.NamedNode:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*", value):
        raise ValueError("not an absolute IRI")
    return ox.NamedNode(value)


def _integer(value: str) -> None:
    if not re.fullmatch(r"[+-]?\d+", value):
        raise ValueError("not an integer")


def _decimal(value: str) -> None:
    try:
        Decimal(value)
    except InvalidOperation as exc:
        raise ValueError("not a decimal number") from exc
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", value):
        raise ValueError("not a decimal number")


def _boolean(value: str) -> None:
    if value not in ("true", "false"):
        raise ValueError("not true or false")


def _year(value: str) -> None:
    if not re.fullmatch(r"-?\d{4}", value):
        raise ValueError("not a four-digit year")


def _langstring(value: str) -> ox.Literal:
    """``text`` (Russian assumed) or ``text@lang``."""
    match = re.fullmatch(r"(.*)@([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)", value, re.DOTALL)
    if match:
        return ox.Literal(match[1], language=match[2].lower())
    return ox.Literal(value, language="ru")


def _lemmas(value: str) -> ox.Literal:
    # Imported here: building the analyser is slow (docs/performance-notes.md), and only
    # ``search`` needs it.
    from resolutions_kg.lemmas import lemmas

    found = lemmas(value)
    if not found:
        raise ValueError("no words in it")
    return ox.Literal(" ".join(found))


#: Parameter types: name → converter from the text a user typed to an RDF term.
TYPES: dict[str, Callable[[str], Term]] = {
    "iri": _iri,
    "string": ox.Literal,
    "langstring": _langstring,
    "integer": _typed("integer", _integer),
    "decimal": _typed("decimal", _decimal),
    "boolean": _typed("boolean", _boolean),
    "date": _typed("date", dt.date.fromisoformat),
    "year": _typed("gYear", _year),
    "lemmas": _lemmas,
}

#: What each type accepts, for help texts and error messages.
TYPE_HELP: dict[str, str] = {
    "iri": "an absolute IRI",
    "string": "any text",
    "langstring": "text, Russian unless it ends in @lang (e.g. @en)",
    "integer": "a whole number",
    "decimal": "a decimal number",
    "boolean": "true or false",
    "date": "an ISO date, YYYY-MM-DD",
    "year": "a year, YYYY",
    "lemmas": "words in any inflected form (lemmatised before binding)",
}


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    optional: bool = False
    default: str | None = None
    description: str = ""

    def convert(self, value: str | Term) -> Term:
        """The RDF term for ``value``; RDF terms pass through unchanged."""
        if not isinstance(value, str):
            return value
        try:
            return TYPES[self.type](value)
        except ValueError as exc:
            raise ParameterError(
                f"parameter {self.name!r}: {value!r} is not {TYPE_HELP[self.type]}"
            ) from exc
