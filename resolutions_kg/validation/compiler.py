"""Compile SHACL shapes, once, into SPARQL SELECT queries that find every violation at once.

Each constraint of a shape that has targets becomes one query over the whole data graph that
returns its violations — ``?this`` (the focus node), ``?value`` and, for SHACL-SPARQL, the
variables its message names. Nested shapes (``sh:node``, ``sh:or`` members,
``sh:qualifiedValueShape``) become SPARQL expressions that hold of the nodes conforming to
them (:mod:`.conditions`), inlined into the queries that use them.

Only the SHACL our shapes use is compiled (``ontology/shapes.ttl``); anything else — another
target, path or constraint parameter, a recursive shape — raises
:class:`~resolutions_kg.errors.UnsupportedShapeError` when the shapes are compiled, so no
future shape can be silently ignored. A SHACL-SPARQL constraint named in :data:`NATIVE` is
evaluated in Python (:mod:`.evidence`); its ``sh:select`` stays the reference, the one plain
pyshacl runs in the differential tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

from resolutions_kg.errors import UnsupportedShapeError as UnsupportedShape
from resolutions_kg.validation.conditions import Conditions
from resolutions_kg.validation.terms import (
    COUNTING,
    TYPE,
    VALUE_PARAMETERS,
    component,
    component_name,
    short_name,
    shown_shape,
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
class _Compiler(Conditions):
    checks: list[Check] = field(default_factory=list)

    def severity(self, shape: Node) -> str:
        value = self.one(shape, SH.severity)
        return str(value) if value is not None else str(SH.Violation)

    def messages(self, node: Node) -> tuple[str, ...]:
        return tuple(sorted(str(m) for m in self.shapes.objects(node, SH.message)))

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
