"""What validation found: :class:`Result` and :class:`Report`, in words and as SHACL RDF."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from resolutions_kg.namespaces import bind_prefixes

SEVERITIES = {str(SH.Violation): "Violation", str(SH.Warning): "Warning", str(SH.Info): "Info"}


@dataclass(frozen=True)
class Result:
    """One SHACL result, in words: terms in N-Triples form (``<iri>``, ``"text"@ru``, ``[]``
    for a blank node), the path as ``<iri>`` or ``^<iri>``."""

    severity: str
    focus: str
    path: str | None
    value: str | None
    message: str
    shape: str | None = None
    #: The IRI of the SHACL constraint component (``sh:MinCountConstraintComponent`` …).
    component: str | None = None

    def __str__(self) -> str:
        where = self.focus + (f" {self.path}" if self.path else "")
        value = f" (value {self.value})" if self.value is not None else ""
        return f"{self.severity}: {where}: {self.message}{value}"


def _term(text: str) -> URIRef | Literal | BNode:
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    if text == "[]":
        return BNode()
    graph = Graph().parse(data=f"<urn:s> <urn:p> {text} .", format="nt")
    value = next(iter(graph.objects()))
    assert isinstance(value, Literal)
    return value


@dataclass(frozen=True)
class Report:
    """What validation found. ``conforms`` ignores warnings and infos."""

    violations: list[Result]
    warnings: list[Result]
    infos: list[Result]

    @property
    def conforms(self) -> bool:
        return not self.violations

    @property
    def results(self) -> list[Result]:
        return [*self.violations, *self.warnings, *self.infos]

    def text(self) -> str:
        violations = len(self.violations)
        head = "Conforms." if self.conforms else f"Does not conform: {violations} violations."
        counts = f" {len(self.warnings)} warnings." if self.warnings else ""
        return "\n".join([head + counts, *(str(result) for result in self.results)])

    @functools.cached_property
    def graph(self) -> Graph:
        """The SHACL validation report as RDF (``sh:ValidationReport``)."""
        graph = bind_prefixes(Graph())
        report = BNode()
        graph.add((report, RDF.type, SH.ValidationReport))
        graph.add((report, SH.conforms, Literal(self.conforms)))
        names = {v: k for k, v in SEVERITIES.items()}
        for result in self.results:
            node = BNode()
            graph.add((report, SH.result, node))
            graph.add((node, RDF.type, SH.ValidationResult))
            graph.add((node, SH.resultSeverity, URIRef(names[result.severity])))
            graph.add((node, SH.focusNode, _term(result.focus)))
            graph.add((node, SH.resultMessage, Literal(result.message)))
            if result.path is not None and not result.path.startswith("^"):
                graph.add((node, SH.resultPath, _term(result.path)))
            elif result.path is not None:
                inverse = BNode()
                graph.add((inverse, SH.inversePath, _term(result.path[1:])))
                graph.add((node, SH.resultPath, inverse))
            if result.value is not None:
                graph.add((node, SH.value, _term(result.value)))
            if result.component is not None:
                graph.add((node, SH.sourceConstraintComponent, URIRef(result.component)))
        return graph


def make_report(results: list[Result]) -> Report:
    ordered = sorted(set(results), key=lambda r: (r.focus, r.path or "", r.message, r.value or ""))
    return Report(
        violations=[r for r in ordered if r.severity == "Violation"],
        warnings=[r for r in ordered if r.severity == "Warning"],
        infos=[r for r in ordered if r.severity == "Info"],
    )
