"""Compile SHACL shapes, once, into SPARQL SELECT queries that find every violation at once.

Each constraint of a shape that has targets becomes one query over the whole data graph that
returns its violations — ``?this`` (the focus node), ``?value`` and, for SHACL-SPARQL, the
variables its message names. Nested shapes (``sh:node``, ``sh:or`` members,
``sh:qualifiedValueShape``) become SPARQL expressions that hold of the nodes conforming to
them, inlined into the queries that use them.

Only the SHACL our shapes use is compiled (``ontology/shapes.ttl``); anything else — another
target, path or constraint parameter, a recursive shape — raises
:class:`~resolutions_kg.errors.UnsupportedShapeError` when the shapes are compiled, so no
future shape can be silently ignored. A SHACL-SPARQL constraint named in :data:`NATIVE` is
evaluated in Python (:mod:`.evidence`); its ``sh:select`` stays the reference, the one plain
pyshacl runs in the differential tests.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH
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
    component,
    component_name,
    short_name,
    shown_shape,
    sparql_string,
    sparql_term,
)

SHAPES_NS = "https://w3id.org/resolutions-kg/shapes#"
#: SHACL-SPARQL constraints evaluated in Python, by IRI: the name of their evaluator in
#: :mod:`resolutions_kg.validation.evidence`.
NATIVE = {SHAPES_NS + "EvidenceQuotes": "evidence_quotes"}


@dataclass(frozen=True)
class Check:
    """One compiled constraint: a query whose solutions are its violations."""

    query: str
    component: str
    shape: str
    severity: str
    #: The result path as shown (``<iri>``, ``^<iri>``), None for node shapes.
    path: str | None
    messages: tuple[str, ...]
    #: The message when the shape has none.
    default: str
    #: A SHACL-SPARQL constraint: messages take ``{?var}`` from the solution.
    sparql: bool = False
    #: For a node shape's SHACL-SPARQL constraint, a result's value is its focus node.
    value_is_focus: bool = False
    #: The evaluator of a constraint run in Python (:data:`NATIVE`).
    native: str | None = None
    #: The pattern that binds ``?this`` to the focus nodes.
    focus: str = ""


@dataclass
class _Compiler:
    shapes: Graph
    checks: list[Check] = field(default_factory=list)
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

    def severity(self, shape: Node) -> str:
        value = self.one(shape, SH.severity)
        return str(value) if value is not None else str(SH.Violation)

    def messages(self, node: Node) -> tuple[str, ...]:
        return tuple(sorted(str(m) for m in self.shapes.objects(node, SH.message)))

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

    # --- checks of a shape with targets -----------------------------------------------------

    def add(self, shape: Node, name: str, body: str, *, path: str | None, default: str,
            focus: str) -> None:
        self.checks.append(Check(
            query=f"SELECT DISTINCT ?this ?value WHERE {{ {body} }}",
            component=component(name), shape=shown_shape(shape), severity=self.severity(shape),
            path=path, messages=self.messages(shape), default=default, focus=focus,
        ))

    def compile_shape(self, shape: Node, focus: str) -> None:
        """The checks of ``shape`` on the focus nodes ``focus`` (a pattern binding ``?this``)."""
        self.check_parameters(shape)
        path = self.path(shape)
        self._stack.append(shape)
        try:
            for parameter, value in sorted(self.shapes.predicate_objects(shape)):
                if parameter in VALUE_PARAMETERS and parameter != SH.flags:
                    self.value_check(shape, parameter, value, focus, path)
                elif parameter == SH.sparql:
                    self.sparql_check(shape, value, focus, path)
                elif parameter in COUNTING:
                    if path is None:
                        if parameter != SH.hasValue:
                            raise self.fail(shape, f"{parameter} needs sh:path")
                        self.add(shape, "HasValue",
                                 f"{focus} FILTER (!sameTerm(?this, {sparql_term(value)}))",
                                 path=None, default=f"Node is not {value}", focus=focus)
                    else:
                        self.count_check(shape, parameter, value, focus, path)
            for member in self.shapes.objects(shape, SH.property):
                if path is not None:
                    raise self.fail(shape, "sh:property on a property shape is not supported")
                self.compile_shape(member, focus)
        finally:
            self._stack.pop()

    def value_check(self, shape: Node, parameter: Node, value: Node, focus: str,
                    path: tuple[str, str] | None) -> None:
        name = component_name(parameter)
        values = f"?this {path[0]} ?value ." if path else "BIND (?this AS ?value)"
        if parameter == SH["class"]:
            # the instances of the class found once, not once per value node
            test = f"MINUS {{ ?value {TYPE} <{value}> }}"
        else:
            test = f"FILTER (!COALESCE({self.value_condition(shape, parameter, value, '?value')}, "
            test += "false))"
        self.add(shape, name, f"{focus} {values} {test}",
                 path=path[1] if path else None,
                 default=f"Value does not meet {short_name(parameter)} {short_name(value)}",
                 focus=focus)

    def count_check(self, shape: Node, parameter: Node, value: Node, focus: str,
                    path: tuple[str, str]) -> None:
        p, shown = path
        if parameter in (SH.minCount, SH.maxCount):
            n = int(value)  # type: ignore[call-overload]
            if parameter == SH.minCount and n <= 1:
                if n == 1:
                    self.add(shape, "MinCount",
                             f"{focus} FILTER NOT EXISTS {{ ?this {p} ?any }}",
                             path=shown, default=f"Less than {n} values", focus=focus)
                return
            op, join = ("<", "OPTIONAL") if parameter == SH.minCount else (">", "")
            body = (f"{{ SELECT ?this (COUNT(DISTINCT ?any) AS ?n) WHERE {{ {focus} "
                    f"{join} {{ ?this {p} ?any }} }} GROUP BY ?this }} FILTER (?n {op} {n})")
            word, name = ("Less", "MinCount") if op == "<" else ("More", "MaxCount")
            self.add(shape, name, body, path=shown, default=f"{word} than {n} values",
                     focus=focus)
        elif parameter == SH.hasValue:
            self.add(shape, "HasValue",
                     f"{focus} FILTER NOT EXISTS {{ ?this {p} {sparql_term(value)} }}",
                     path=shown, default=f"Missing expected value {value}", focus=focus)
        elif parameter == SH.uniqueLang:
            if value != Literal(True):
                return
            body = (f"{focus} ?this {p} ?a . ?this {p} ?b . "
                    f"FILTER (!sameTerm(?a, ?b) && lang(?a) != \"\" "
                    f"&& LCASE(lang(?a)) = LCASE(lang(?b))) BIND (LCASE(lang(?a)) AS ?lang)")
            self.checks.append(Check(
                query=f"SELECT DISTINCT ?this ?lang WHERE {{ {body} }}",
                component=component("UniqueLang"), shape=shown_shape(shape),
                severity=self.severity(shape), path=shown, messages=self.messages(shape),
                default="More than one value shares a language tag", focus=focus))
        elif parameter == SH.lessThanOrEquals:
            body = (f"{focus} ?this {p} ?value . ?this <{value}> ?other . "
                    f"FILTER (!COALESCE(?value <= ?other, false))")
            self.add(shape, "LessThanOrEquals", body, path=shown,
                     default=f"Value is not <= the value of {value}", focus=focus)
        elif parameter == SH.qualifiedValueShape:
            test = self.conforms(value, "?any")
            low = self.one(shape, SH.qualifiedMinCount)
            high = self.one(shape, SH.qualifiedMaxCount)
            counted = (f"{{ SELECT ?this (COUNT(DISTINCT ?any) AS ?n) WHERE {{ {focus} "
                       f"OPTIONAL {{ ?this {p} ?any . FILTER (COALESCE({test}, false)) }} }} "
                       f"GROUP BY ?this }}")
            if low is not None:
                self.add(shape, "QualifiedMinCount", f"{counted} FILTER (?n < {low})",
                         path=shown, default=f"Less than {low} values conform to the shape",
                         focus=focus)
            if high is not None:
                self.add(shape, "QualifiedMaxCount", f"{counted} FILTER (?n > {high})",
                         path=shown, default=f"More than {high} values conform to the shape",
                         focus=focus)

    def sparql_check(self, shape: Node, constraint: Node, focus: str,
                     path: tuple[str, str] | None) -> None:
        if path is not None:
            raise self.fail(shape, "SHACL-SPARQL on a property shape is not supported")
        allowed = {RDF.type, SH.message, SH.prefixes, SH.select, RDFS.comment}
        for p in set(self.shapes.predicates(constraint, None)):
            if p not in allowed:
                raise self.fail(shape, f"{p} on a SHACL-SPARQL constraint is not supported")
        select = self.one(constraint, SH.select)
        if select is None:
            raise self.fail(shape, "a SHACL-SPARQL constraint without sh:select")
        text = str(select)
        if re.search(r"[?$](currentShape|shapesGraph|PATH)\b", text):
            raise self.fail(shape, "SHACL-SPARQL pre-binds only $this here")
        where = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE)
        if not re.match(r"\s*SELECT\b", text, re.IGNORECASE) or where is None:
            raise self.fail(shape, "a SHACL-SPARQL constraint must be SELECT … WHERE { … }")
        # $this is pre-bound: the focus pattern comes first in the WHERE group, so every
        # pattern and filter after it sees ?this bound.
        query = text[:where.end()] + f" {focus} " + text[where.end():]
        native = NATIVE.get(str(constraint)) if isinstance(constraint, URIRef) else None
        self.checks.append(Check(
            query=self.prefixes(shape, constraint) + query, component=component("SPARQL"),
            shape=shown_shape(shape), severity=self.severity(shape), path=None,
            messages=self.messages(constraint) or self.messages(shape),
            default="SPARQL constraint violated", sparql=True, value_is_focus=True,
            native=native, focus=focus,
        ))

    def prefixes(self, shape: Node, constraint: Node) -> str:
        lines = []
        for ontology in self.shapes.objects(constraint, SH.prefixes):
            for declaration in self.shapes.objects(ontology, SH.declare):
                prefix = self.one(declaration, SH.prefix)
                namespace = self.one(declaration, SH.namespace)
                if prefix is None or namespace is None:
                    raise self.fail(shape, "a sh:declare without sh:prefix and sh:namespace")
                lines.append(f"PREFIX {prefix}: <{namespace}>\n")
        return "".join(lines)


#: The named graph where the focus nodes of each shape are marked before the checks run (the
#: checks read the data in the default graph only).
FOCUS_GRAPH = "urn:x-reskg:validation:focus"


def _targets(shapes: Graph, shape: Node) -> str:
    """A pattern binding ``?this`` to each focus node of ``shape``."""
    parts = []
    for cls in shapes.objects(shape, SH.targetClass):
        parts.append(f"{{ ?this {TYPE} <{cls}> }}")
    for node in shapes.objects(shape, SH.targetNode):
        parts.append(f"{{ VALUES ?this {{ {sparql_term(node)} }} }}")
    for predicate in shapes.objects(shape, SH.targetSubjectsOf):
        parts.append(f"{{ ?this <{predicate}> ?target }}")
    for predicate in shapes.objects(shape, SH.targetObjectsOf):
        parts.append(f"{{ ?target <{predicate}> ?this }}")
    return " UNION ".join(parts)


@dataclass(frozen=True)
class Compiled:
    """The shapes compiled: updates that mark each shape's focus nodes, then the checks."""

    targets: tuple[str, ...]
    checks: tuple[Check, ...]


def compile_shapes(shapes: Graph) -> Compiled:
    """Every check of every shape with targets, in a stable order."""
    for unsupported in (SH.target, SH.rule, SH.js, SH.expression):
        if (None, unsupported, None) in shapes:
            raise UnsupportedShape(f"{unsupported} is not supported")
    for kind in (RDFS.Class, OWL.Class):
        for shape in shapes.subjects(RDF.type, kind):
            if (shape, RDF.type, SH.NodeShape) in shapes:
                raise UnsupportedShape(
                    f"implicit class targets ({short_name(shape)}) are not supported")
    compiler = _Compiler(shapes)
    targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    targeted = sorted({s for p in targets for s in shapes.subjects(p, None)}, key=str)
    updates = []
    for n, shape in enumerate(targeted):
        marker = f"<{FOCUS_GRAPH}#{n}>"
        updates.append(f"INSERT {{ GRAPH <{FOCUS_GRAPH}> {{ ?this {marker} true }} }} "
                       f"WHERE {{ {_targets(shapes, shape)} }}")
        compiler.compile_shape(shape, f"GRAPH <{FOCUS_GRAPH}> {{ ?this {marker} true }}")
    return Compiled(tuple(updates), tuple(compiler.checks))
