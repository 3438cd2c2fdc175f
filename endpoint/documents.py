"""Readable summaries of a resolution, its event and its parts, for the top of their pages.

A resolution's page reads like the resolution: heading, the event that adopted it (kind, title,
place, dates, organisers, participants as a table), the topics discussed in document order, the
recommendations in order grouped under their addressees, then the closing proposals. Every fact
carries a link to its evidence (the Web Annotation whose ``oa:hasBody`` is the resource, whose
``reskg:evidenceFor`` is the property and whose ``reskg:evidenceValue`` is the value), with the
quoted words as its tooltip. A part's page gets previous/next/up links and its own facts.

All of it comes from one read of the document's named graph (:class:`DocumentGraph`); labels of
shared resources (places, topics, organisations) come from the page's :class:`Renderer`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from resolutions_kg.endpoint.pages import Link, Renderer, server_path
from resolutions_kg.endpoint.text import natural_key, plain
from resolutions_kg.namespaces import DCTERMS, ELI, OA, PROV, RDF, RDFS, RESKG, SCHEMA, SKOS

_TYPE = str(RDF.type)
_RESOLUTION, _RECOMMENDATION = str(RESKG.Resolution), str(RESKG.Recommendation)
_PROPOSAL, _EVENT = str(RESKG.Proposal), str(SCHEMA.Event)


@dataclass(frozen=True)
class EvidenceLink:
    #: the annotation's IRI in a :class:`DocumentGraph`, its server path in a summary
    href: str
    quote: str
    start: int


@dataclass
class Fact:
    """One value of a property, shown as a link or as text, with its evidence."""

    link: Link | None = None
    text: str | None = None
    evidence: EvidenceLink | None = None


@dataclass
class Part:
    """A recommendation, proposal or statement of a resolution."""

    link: Link
    kind: str
    number: str
    text: Fact
    addressee: Fact | None = None
    action: Fact | None = None
    topics: list[Fact] = field(default_factory=list)
    planned: list[Fact] = field(default_factory=list)


@dataclass
class Cohort:
    label: Fact
    count: Fact | None
    #: the count is a lower bound or an estimate («более 20»)
    count_minimum: bool
    unit: Fact | None
    mode: Fact | None
    places: list[Fact]


def _true(term: Any) -> bool:
    return isinstance(term, ox.Literal) and term.value in ("true", "1")


def _key(term: Any) -> str:
    return term.value if isinstance(term, ox.NamedNode) else str(term)


_EVIDENCE_QUERY = """
SELECT ?annotation ?body ?property ?value ?start ?exact WHERE { GRAPH %(graph)s {
  ?annotation <%(hasBody)s> ?body ; <%(evidenceFor)s> ?property .
  OPTIONAL { ?annotation <%(evidenceValue)s> ?value }
  OPTIONAL { ?annotation <%(hasTarget)s>/<%(hasSelector)s>/<%(start)s> ?start }
  OPTIONAL { ?annotation <%(hasTarget)s>/<%(hasSelector)s>/<%(exact)s> ?exact }
} }"""
_EVIDENCE_TERMS = {
    "hasBody": OA.hasBody, "evidenceFor": RESKG.evidenceFor, "evidenceValue": RESKG.evidenceValue,
    "hasTarget": OA.hasTarget, "hasSelector": OA.hasSelector, "start": OA.start, "exact": OA.exact,
}


class DocumentGraph:
    """One document's named graph: its subjects' properties (read when first asked for) and
    its evidence, indexed by body and property (one SPARQL query)."""

    def __init__(self, store: ox.Store, graph: str) -> None:
        self.store = store
        self.graph = graph
        self._graph_node = ox.NamedNode(graph)
        self.props: dict[str, dict[str, list[Any]]] = {}
        # (body, property) → [(value or "", evidence)]
        self.evidence: dict[tuple[str, str], list[tuple[str, EvidenceLink]]] = defaultdict(list)
        # the graph's IRI comes from the store; str() of a NamedNode is its escaped <…> form
        query = _EVIDENCE_QUERY % {**_EVIDENCE_TERMS, "graph": str(self._graph_node)}
        rows = store.query(query)
        assert isinstance(rows, ox.QuerySolutions)
        for row in rows:
            annotation, body, prop, value, start, exact = (row[i] for i in range(6))
            ev = EvidenceLink(
                _key(annotation), plain(exact.value) if isinstance(exact, ox.Literal) else "",
                int(start.value) if isinstance(start, ox.Literal) and start.value.isdigit()
                else -1)
            self.evidence[(_key(body), _key(prop))].append(
                ("" if value is None else _key(value), ev))

    def subject(self, subject: str) -> dict[str, list[Any]]:
        if subject not in self.props:
            found: dict[str, list[Any]] = defaultdict(list)
            if not subject.startswith("_:"):
                for q in self.store.quads_for_pattern(ox.NamedNode(subject), None, None,
                                                      self._graph_node):
                    found[q.predicate.value].append(q.object)
            self.props[subject] = found
        return self.props[subject]

    def subjects_with(self, predicate: object, obj: str) -> list[str]:
        return [_key(q.subject) for q in self.store.quads_for_pattern(
            None, ox.NamedNode(str(predicate)), ox.NamedNode(obj), self._graph_node)]

    def all(self, subject: str, predicate: object) -> list[Any]:
        return self.subject(subject).get(str(predicate), [])

    def one(self, subject: str, predicate: object) -> Any:
        values = self.all(subject, predicate)
        return values[0] if values else None

    def types(self, subject: str) -> set[str]:
        return {_key(t) for t in self.all(subject, _TYPE)}

    def evidence_of(self, subject: str, predicate: object, value: Any = None
                    ) -> EvidenceLink | None:
        found = self.evidence.get((subject, str(predicate)), [])
        wanted = "" if value is None else _key(value)
        for val, ev in found:
            if val == wanted or not val:
                return ev
        return found[0][1] if found and value is None else None

    def ordered(self, subject: str, predicate: object) -> list[Any]:
        """The values in the order their evidence stands in the source, else by IRI number."""
        def key(term: Any) -> tuple[int, tuple[tuple[int, int | str], ...]]:
            ev = self.evidence_of(subject, predicate, term)
            return (ev.start if ev else 1 << 30, natural_key(_key(term)))
        return sorted(self.all(subject, predicate), key=key)


def graph_of(store: ox.Store, iri: str) -> str | None:
    """The named graph that types ``iri`` as a resolution, event or part (None otherwise)."""
    for q in store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(_TYPE), None):
        if _key(q.object) in (_RESOLUTION, _RECOMMENDATION, _PROPOSAL, _EVENT,
                              str(RESKG.Statement)) and isinstance(q.graph_name, ox.NamedNode):
            return q.graph_name.value
    return None


class Summaries:
    """Builds the summaries of one page."""

    def __init__(self, renderer: Renderer, doc: DocumentGraph) -> None:
        self.r = renderer
        self.doc = doc

    def _evidence(self, ev: EvidenceLink | None) -> EvidenceLink | None:
        if ev is None:
            return None
        return EvidenceLink(server_path(ev.href, self.r.base_iri) or ev.href, ev.quote, ev.start)

    def fact(self, subject: str, predicate: object, value: Any) -> Fact:
        ev = self._evidence(self.doc.evidence_of(subject, predicate, value))
        if isinstance(value, ox.NamedNode):
            return Fact(link=self.r.link(value.value), evidence=ev)
        text = value.value if isinstance(value, ox.Literal) else str(value)
        return Fact(text=plain(text), evidence=ev)

    def facts(self, subject: str, predicate: object) -> list[Fact]:
        return [self.fact(subject, predicate, v) for v in self.doc.ordered(subject, predicate)]

    def first(self, subject: str, predicate: object) -> Fact | None:
        facts = self.facts(subject, predicate)
        return facts[0] if facts else None

    # ------------------------------------------------------------------ parts

    def parts(self, resolution: str) -> list[str]:
        """The resolution's parts in document order: where their text starts in the source,
        then ``reskg:position``, then the numbers in their IRIs."""
        found = {_key(p) for p in self.doc.all(resolution, ELI.has_part)}
        found |= set(self.doc.subjects_with(ELI.is_part_of, resolution))

        def key(iri: str) -> tuple[int, int, tuple[tuple[int, int | str], ...]]:
            # positions count per kind (recommendation 1, proposal 1 …): where the text
            # starts in the source orders them all
            text = self.doc.evidence_of(iri, RESKG.text)
            pos = self.doc.one(iri, RESKG.position)
            return (text.start if text else 1 << 30,
                    int(pos.value) if isinstance(pos, ox.Literal) and pos.value.isdigit()
                    else 1 << 30, natural_key(iri))
        return sorted(found, key=key)

    def part(self, iri: str) -> Part:
        types = self.doc.types(iri)
        kind = ("recommendation" if _RECOMMENDATION in types
                else "proposal" if _PROPOSAL in types else "statement")
        label = self.doc.one(iri, RESKG.label)
        position = self.doc.one(iri, RESKG.position)
        number = (label.value if isinstance(label, ox.Literal)
                  else position.value if isinstance(position, ox.Literal)
                  else iri.rsplit("/", 1)[-1])
        text = self.first(iri, RESKG.text) or Fact(text="")
        addressee = self.first(iri, RESKG.addressedTo) or self.first(iri, DCTERMS.audience)
        planned = []
        for event in self.doc.all(iri, RESKG.plansEvent):
            ev = _key(event)
            kind_fact = self.first(ev, RESKG.eventKind)
            if kind_fact is not None:
                planned.append(kind_fact)
            planned.extend(self.facts(ev, RESKG.plannedYear))
        return Part(
            link=self.r.link(iri), kind=kind, number=number, text=text, addressee=addressee,
            action=self.first(iri, RESKG.action), topics=self.facts(iri, DCTERMS.subject),
            planned=planned,
        )

    # --------------------------------------------------------------- the event

    def event(self, event: str) -> dict[str, Any]:
        d = self.doc
        cohorts = []
        associations = sorted((_key(a) for a in d.all(event, PROV.qualifiedAssociation)),
                              key=natural_key)
        for assoc in associations:
            agent = d.one(assoc, PROV.agent)
            if agent is None:
                continue
            a = _key(agent)
            label = self.first(a, RDFS.label)
            cohorts.append(Cohort(
                label=label or Fact(link=self.r.link(a)),
                count=self.first(a, RESKG.count),
                count_minimum=_true(d.one(a, RESKG.countIsMinimum)),
                unit=self.first(a, RESKG.countedUnit),
                mode=self.first(a, SCHEMA.eventAttendanceMode),
                places=self.facts(a, DCTERMS.spatial),
            ))
        count_min = d.one(event, RESKG.participantCountIsMinimum)
        return {
            "link": self.r.link(event),
            "kind": self.first(event, RESKG.eventKind),
            "qualifiers": self.facts(event, RESKG.qualifier),
            "name": self.first(event, SCHEMA.name),
            "places": self.facts(event, SCHEMA.location),
            "start": self.first(event, SCHEMA.startDate),
            "end": self.first(event, SCHEMA.endDate),
            "mode": self.first(event, SCHEMA.eventAttendanceMode),
            "organisers": self.facts(event, SCHEMA.organizer),
            "sponsors": self.facts(event, SCHEMA.sponsor),
            "participants": self.first(event, RESKG.participantCount),
            "participants_minimum": _true(count_min),
            "cohorts": cohorts,
            "topics": self.topics(event),
            "resolutions": [self.r.link(_key(r)) for r in d.all(event, PROV.generated)],
        }

    def topics(self, event: str) -> list[Fact]:
        """The topics discussed, in the order the source lists them (their label's evidence)."""
        def key(term: Any) -> tuple[int, tuple[tuple[int, int | str], ...]]:
            ev = self.doc.evidence_of(_key(term), SKOS.prefLabel)
            return (ev.start if ev else 1 << 30, natural_key(_key(term)))
        out = []
        for topic in sorted(self.doc.all(event, RESKG.discussed), key=key):
            ev = self._evidence(self.doc.evidence_of(_key(topic), SKOS.prefLabel))
            out.append(Fact(link=self.r.link(_key(topic)), evidence=ev))
        return out

    # ---------------------------------------------------------- the summaries

    def resolution(self, iri: str) -> dict[str, Any]:
        d = self.doc
        groups: dict[str, tuple[Fact | None, list[Part]]] = {}
        proposals, statements = [], []
        for part_iri in self.parts(iri):
            part = self.part(part_iri)
            if part.kind == "recommendation":
                key = (part.addressee.link.iri if part.addressee and part.addressee.link
                       else part.addressee.text or "" if part.addressee else "")
                groups.setdefault(key, (part.addressee, []))[1].append(part)
            elif part.kind == "proposal":
                proposals.append(part)
            else:
                statements.append(part)
        event = d.one(iri, PROV.wasGeneratedBy)
        return {
            "template": "summary_resolution.html",
            "heading": self.first(iri, DCTERMS.title),
            "document_type": self.first(iri, RESKG.documentType),
            "adopted": self.first(iri, ELI.date_document),
            "unanimous": self.first(iri, RESKG.adoptedUnanimously),
            "event": self.event(_key(event)) if event is not None else None,
            "groups": list(groups.values()),
            "recommendations": sum(len(parts) for _a, parts in groups.values()),
            "proposals": proposals,
            "statements": statements,
        }

    def part_page(self, iri: str) -> dict[str, Any]:
        up = self.doc.one(iri, ELI.is_part_of)
        siblings = self.parts(_key(up)) if up is not None else [iri]
        at = siblings.index(iri) if iri in siblings else -1
        return {
            "template": "summary_part.html",
            "part": self.part(iri),
            "up": self.r.link(_key(up)) if up is not None else None,
            "prev": self.r.link(siblings[at - 1]) if at > 0 else None,
            "next": self.r.link(siblings[at + 1]) if 0 <= at < len(siblings) - 1 else None,
        }

    def event_page(self, iri: str) -> dict[str, Any]:
        return {"template": "summary_event.html", "event": self.event(iri)}


def summary(store: ox.Store, renderer: Renderer, iri: str) -> dict[str, Any] | None:
    """The summary of a resolution, event or part for its page, or None for other resources."""
    graph = graph_of(store, iri)
    if graph is None:
        return None
    doc = DocumentGraph(store, graph)
    s = Summaries(renderer, doc)
    types = doc.types(iri)
    if _RESOLUTION in types:
        return s.resolution(iri)
    if _EVENT in types:
        return s.event_page(iri)
    if types & {_RECOMMENDATION, _PROPOSAL, str(RESKG.Statement)}:
        return s.part_page(iri)
    return None
