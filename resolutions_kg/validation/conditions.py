"""The SPARQL expression that holds of a node conforming to a SHACL shape.

Nested shapes (``sh:node``, ``sh:or`` members, ``sh:qualifiedValueShape``) are not checked on
their own: :meth:`Conditions.conforms` turns one into an expression over a variable, which
:mod:`.compiler` inlines into the queries of the shapes that use it. A shape nested in itself,
or using SHACL these expressions do not cover, raises
:class:`~resolutions_kg.errors.UnsupportedShapeError`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from resolutions_kg.errors import UnsupportedShapeError as UnsupportedShape
from resolutions_kg.validation.terms import (
    COMPARISONS,
    COUNTING,
    LEXICAL,
    NODE_KINDS,
    SUPPORTED,
    TYPE,
    VALUE_PARAMETERS,
    short_name,
    sparql_string,
    sparql_term,
)


@dataclass
class Conditions:
    """Reads the shapes graph and writes the conditions of its shapes on one node."""

    shapes: Graph
    _fresh: Iterator[int] = field(default_factory=itertools.count)
    _stack: list[Node] = field(default_factory=list)

    # --- helpers ----------------------------------------------------------------------------

    def var(self) -> str:
        return f"?v{next(self._fresh)}"

    def fail(self, shape: Node, why: str) -> UnsupportedShape:
        return UnsupportedShape(f"shape {short_name(shape)}: {why}")

    def items(self, node: Node) -> list[Node]:
        return list(Collection(self.shapes, node))

    def one(self, shape: Node, parameter: URIRef) -> Node | None:
        values = list(self.shapes.objects(shape, parameter))
        if len(values) > 1:
            raise self.fail(shape, f"more than one {parameter.n3()} is not supported")
        return values[0] if values else None

    def check_parameters(self, shape: Node) -> None:
        for p in set(self.shapes.predicates(shape, None)):
            if p not in SUPPORTED:
                raise self.fail(shape, f"the parameter {p} is not supported")
        if (shape, SH.deactivated, None) in self.shapes:
            raise self.fail(shape, "sh:deactivated is not supported")
        if (shape, SH.qualifiedValueShapesDisjoint, Literal(True)) in self.shapes:
            raise self.fail(shape, "sh:qualifiedValueShapesDisjoint is not supported")

    def path(self, shape: Node) -> tuple[str, str] | None:
        """(SPARQL path, path as results show it) of a property shape."""
        path = self.one(shape, SH.path)
        if path is None:
            return None
        if isinstance(path, URIRef):
            return f"<{path}>", f"<{path}>"
        inverse = self.one(path, SH.inversePath)
        if isinstance(inverse, URIRef) and len(set(self.shapes.predicates(path, None))) == 1:
            return f"^<{inverse}>", f"^<{inverse}>"
        raise self.fail(shape, "only IRI paths and sh:inversePath of an IRI are supported")

    # --- conditions on one node -------------------------------------------------------------

    def value_condition(self, shape: Node, parameter: Node, value: Node, v: str) -> str:
        """A SPARQL expression that holds when the node ``v`` meets ``parameter value``."""
        if parameter == SH["class"]:
            return f"EXISTS {{ {v} {TYPE} <{value}> }}"
        if parameter == SH.datatype:
            if value == RDF.langString:
                return f'(isLiteral({v}) && lang({v}) != "")'
            test = f'(isLiteral({v}) && lang({v}) = "" && datatype({v}) = <{value}>'
            if str(value) in LEXICAL:
                test += f" && REGEX(STR({v}), {sparql_string(LEXICAL[str(value)])})"
            return test + ")"
        if parameter == SH.nodeKind:
            if value not in NODE_KINDS:
                raise self.fail(shape, f"unknown sh:nodeKind {value}")
            return NODE_KINDS[value].format(v=v)
        if parameter == SH.languageIn:
            tags = " || ".join(f"langMatches(lang({v}), {sparql_string(str(t))})"
                               for t in self.items(value))
            return f"(isLiteral({v}) && ({tags or 'false'}))"
        if parameter == SH["in"]:
            members = " || ".join(f"sameTerm({v}, {sparql_term(t)})" for t in self.items(value))
            return f"({members or 'false'})"
        if parameter == SH.pattern:
            flags = self.one(shape, SH.flags)
            extra = f", {sparql_string(str(flags))}" if flags is not None else ""
            return f"(!isBlank({v}) && REGEX(STR({v}), {sparql_string(str(value))}{extra}))"
        if parameter in COMPARISONS:
            return f"({v} {COMPARISONS[URIRef(str(parameter))]} {sparql_term(value)})"
        if parameter == SH.node:
            return self.conforms(value, v)
        if parameter == SH["or"]:
            members = " || ".join(f"COALESCE({self.conforms(m, v)}, false)"
                                  for m in self.items(value))
            return f"({members or 'false'})"
        raise self.fail(shape, f"{parameter} is not a value parameter")

    def conforms(self, shape: Node, v: str) -> str:
        """A SPARQL expression that holds when the node ``v`` conforms to ``shape``."""
        if shape in self._stack:
            chain = " → ".join(short_name(s) for s in (*self._stack, shape))
            raise UnsupportedShape(f"recursive shapes are not supported: {chain}")
        self.check_parameters(shape)
        if (shape, SH.sparql, None) in self.shapes:
            raise self.fail(shape, "SHACL-SPARQL in a nested shape is not supported")
        self._stack.append(shape)
        try:
            tests = []
            path = self.path(shape)
            for parameter, value in sorted(self.shapes.predicate_objects(shape)):
                if parameter in VALUE_PARAMETERS and parameter != SH.flags:
                    if path is None:
                        tests.append(self.value_condition(shape, parameter, value, v))
                    else:
                        w = self.var()
                        test = self.value_condition(shape, parameter, value, w)
                        tests.append(f"NOT EXISTS {{ {v} {path[0]} {w} . "
                                     f"FILTER (!COALESCE({test}, false)) }}")
                elif parameter in COUNTING:
                    tests.append(self.nested_count(shape, parameter, value, v, path))
            for member in self.shapes.objects(shape, SH.property):
                tests.append(self.conforms(member, v))
        finally:
            self._stack.pop()
        return "(" + (" && ".join(f"COALESCE({t}, false)" for t in tests) or "true") + ")"

    def nested_count(self, shape: Node, parameter: Node, value: Node, v: str,
                     path: tuple[str, str] | None) -> str:
        if path is None:
            if parameter == SH.hasValue:
                return f"sameTerm({v}, {sparql_term(value)})"
            raise self.fail(shape, f"{parameter} needs sh:path")
        a, b = self.var(), self.var()
        if parameter == SH.minCount and int(value) <= 1:  # type: ignore[call-overload]
            return "true" if int(value) == 0 else f"EXISTS {{ {v} {path[0]} {a} }}"  # type: ignore[call-overload]
        if parameter == SH.maxCount and int(value) == 0:  # type: ignore[call-overload]
            return f"NOT EXISTS {{ {v} {path[0]} {a} }}"
        if parameter == SH.maxCount and int(value) == 1:  # type: ignore[call-overload]
            return (f"NOT EXISTS {{ {v} {path[0]} {a} . {v} {path[0]} {b} . "
                    f"FILTER (!sameTerm({a}, {b})) }}")
        if parameter == SH.hasValue:
            return f"EXISTS {{ {v} {path[0]} {sparql_term(value)} }}"
        raise self.fail(shape, f"{parameter} {value} in a nested shape is not supported")
