"""pyoxigraph terms from Python values: a node from a term of the closed namespaces, Russian
and typed literals. What :mod:`resolutions_kg.mapping` and :mod:`resolutions_kg.mapping_curation`
write their triples with.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pyoxigraph as ox
from rdflib import URIRef

from resolutions_kg.namespaces import XSD


@cache
def N(term: str) -> ox.NamedNode:  # noqa: N802 - reads like a constructor
    """The pyoxigraph node of an IRI (terms come from the closed namespaces)."""
    return ox.NamedNode(str(term))


def ru(text: str) -> ox.Literal:
    return ox.Literal(text, language="ru")


def typed(value: object, datatype: URIRef) -> ox.Literal:
    return ox.Literal(str(value).lower() if isinstance(value, bool) else str(value),
                      datatype=N(datatype))


def date(value: dt.date) -> ox.Literal:
    return typed(value.isoformat(), XSD.date)


def integer(value: int) -> ox.Literal:
    return typed(value, XSD.integer)


def boolean(value: bool) -> ox.Literal:
    return typed(value, XSD.boolean)
