"""Records → RDF: the one place that decides which triples a resolution becomes.

:func:`map_resolution` turns a :class:`~resolutions_kg.records.Resolution` into two sets of
triples: those of the document's own named graph (the resolution, its event, items, cohorts, the
source text and the evidence for every fact), and those describing shared entities the document
mentions (organisations, places, addressee classes), which go to the shared entities graph so
that two documents naming one library add one set of triples. The model is ``docs/model.md``.

Every fact the loader read from the text gets an ``oa:Annotation`` whose target selects the span
it came from, by position and by quote, in the published source text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import URIRef

from resolutions_kg import mapping_curation
from resolutions_kg.alignment import audience_alignment
from resolutions_kg.gazetteer import Gazetteer, default_gazetteer
from resolutions_kg.iris import Minter, document_slug, slugify
from resolutions_kg.lemmas import lemma_string
from resolutions_kg.literals import N, boolean, date, integer, ru, typed
from resolutions_kg.loaders.settlements import settlements
from resolutions_kg.namespaces import (
    DCTERMS,
    ELI,
    OA,
    ORG,
    PROV,
    RDF,
    RDFS,
    RESKG,
    SCHEMA,
    SKOS,
    XSD,
)
from resolutions_kg.records import (
    PATTERN,
    Addressee,
    Certainty,
    Cohort,
    OrganisationMention,
    Resolution,
    Span,
    Spanned,
)
from resolutions_kg.reference import coordinate_triples
from resolutions_kg.registry import Registry, default_registry

#: Characters of context kept in a quote selector's prefix and suffix.
QUOTE_CONTEXT = 32

_ATTENDANCE = {
    "online": SCHEMA.OnlineEventAttendanceMode,
    "offline": SCHEMA.OfflineEventAttendanceMode,
    "mixed": SCHEMA.MixedEventAttendanceMode,
}

_ORG_CLASSES = {
    "library": (SCHEMA.Library,),
    "library-system": (SCHEMA.Library,),
    "government-body": (SCHEMA.GovernmentOrganization,),
    "museum": (SCHEMA.Museum,),
    "archive": (SCHEMA.ArchiveOrganization,),
    "university": (SCHEMA.CollegeOrUniversity,),
}


@dataclass
class Mapped:
    """The triples of one document, split by the graph they belong in."""

    slug: str
    resolution: str
    document: list[ox.Triple] = field(default_factory=list)
    entities: list[ox.Triple] = field(default_factory=list)


class _Mapper:
    def __init__(
        self, res: Resolution, minter: Minter, registry: Registry, gazetteer: Gazetteer,
        slug: str | None = None,
    ) -> None:
        self.res = res
        self.m = minter
        self.registry = registry
        self.gazetteer = gazetteer
        self.doc = slug or document_slug(res)
        self.source = minter.source(self.doc)
        self.out = Mapped(self.doc, minter.resolution(self.doc))
        self._evidence_keys: set[str] = set()
        #: Organisations described so far: one label each, the first one the text gives
        #: (a name capitalised as a heading and the same name inside a sentence mint one IRI).
        self._organisations: set[str] = set()

    # -- helpers ---------------------------------------------------------------------------
    def add(self, s: str, p: URIRef, o: ox.NamedNode | ox.Literal | str) -> None:
        obj = N(o) if isinstance(o, str) else o
        self.out.document.append(ox.Triple(N(s), N(p), obj))

    def entity(self, s: str, p: URIRef, o: ox.NamedNode | ox.Literal | str) -> None:
        obj = N(o) if isinstance(o, str) else o
        self.out.entities.append(ox.Triple(N(s), N(p), obj))

    def fact(self, s: str, p: URIRef, o: ox.NamedNode | ox.Literal | str, span: Span,
             certainty: Certainty = PATTERN, *, named: str | None = None) -> None:
        """A triple read from the text, with an annotation tying it to ``span`` and saying how
        sure the loader is of it (and, ``named``, what this document calls the value)."""
        obj = N(o) if isinstance(o, str) else o
        self.add(s, p, obj)
        self.evidence(s, p, obj, span, certainty, named=named)

    def evidence(
        self, s: str, p: URIRef, o: ox.NamedNode | ox.Literal, span: Span,
        certainty: Certainty = PATTERN, *, named: str | None = None,
    ) -> None:
        local = s[len(self.m.base_iri):].replace("/", "-")
        key = f"{local}-{slugify(str(p).rsplit('#', 1)[-1].rsplit('/', 1)[-1])}"
        n = 1
        while f"{key}-{n}" in self._evidence_keys if n > 1 else key in self._evidence_keys:
            n += 1
        if n > 1:
            key = f"{key}-{n}"
        self._evidence_keys.add(key)
        ann = self.m.evidence(self.doc, key)
        target, position, quote = ann + "#target", ann + "#position", ann + "#quote"
        text = self.res.source.text
        self.add(ann, RDF.type, OA.Annotation)
        self.add(ann, OA.motivatedBy, OA.identifying)
        self.add(ann, OA.hasBody, s)
        self.add(ann, RESKG.evidenceFor, str(p))
        self.add(ann, RESKG.evidenceValue, o)
        if named is not None:
            self.add(ann, RESKG.valueLabel, ru(named))
        self.add(ann, RESKG.confidence, typed(f"{certainty.confidence:.2f}", XSD.decimal))
        self.add(ann, RESKG.extractionMethod, ox.Literal(certainty.method))
        if certainty.correction is not None:
            mapping_curation.attribute(self, ann, certainty.correction)
        self.add(ann, OA.hasTarget, target)
        self.add(target, RDF.type, OA.SpecificResource)
        self.add(target, OA.hasSource, self.source)
        self.add(target, OA.hasSelector, position)
        self.add(target, OA.hasSelector, quote)
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, typed(span.start, XSD.nonNegativeInteger))
        self.add(position, OA.end, typed(span.end, XSD.nonNegativeInteger))
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, ru(text[span.start : span.end]))
        self.add(quote, OA.prefix, ru(text[max(0, span.start - QUOTE_CONTEXT) : span.start]))
        self.add(quote, OA.suffix, ru(text[span.end : span.end + QUOTE_CONTEXT]))

    def concept(self, iri: str, label: str, scheme: str | None = None) -> None:
        self.entity(iri, RDF.type, SKOS.Concept)
        self.entity(iri, SKOS.prefLabel, ru(label))
        if scheme:
            self.entity(iri, SKOS.inScheme, scheme)

    # -- the document ----------------------------------------------------------------------
    def run(self) -> Mapped:
        res, m, doc = self.res, self.m, self.doc
        r = self.out.resolution
        event = m.event(doc)
        self.source_text()
        self.add(r, RDF.type, RESKG.Resolution)
        self.add(r, RDF.type, ELI.LegalResource)
        self.add(r, DCTERMS.source, self.source)
        self.add(r, DCTERMS.language, "http://id.loc.gov/vocabulary/iso639-1/ru")
        self.add(r, PROV.wasGeneratedBy, event)
        doc_type = m.document_type(res.document_type.value)
        self.fact(r, RESKG.documentType, doc_type, res.document_type.span,
                  res.document_type.certainty)
        self.concept(doc_type, res.document_type.value)
        self.add(r, RESKG.isDraft, boolean(res.is_draft))
        if res.heading is not None:
            self.fact(r, DCTERMS.title, ru(res.heading.value), res.heading.span,
                      res.heading.certainty)
        if res.adopted is not None:
            self.fact(r, ELI.date_document, date(res.adopted.value), res.adopted.span,
                      res.adopted.certainty)
        if res.adopted_unanimously:
            self.add(r, RESKG.adoptedUnanimously, boolean(True))
        self.event(event)
        for st in res.statements:
            iri = m.statement(doc, st.position)
            self.item(iri, RESKG.Statement, st.position, st.text)
        for rec in res.recommendations:
            iri = m.recommendation(doc, rec.position)
            self.item(iri, RESKG.Recommendation, rec.position, rec.text)
            if rec.label:
                self.add(iri, RESKG.label, typed(rec.label, XSD.string))
            if rec.addressee is not None:
                self.addressee(iri, rec.addressee)
            if rec.action is not None:
                self.fact(iri, RESKG.action, ru(rec.action.value), rec.action.span,
                          rec.action.certainty)
            for key in rec.topics:
                self.add(iri, DCTERMS.subject, m.topic(key))
        for prop in res.proposals:
            iri = m.proposal(doc, prop.position)
            self.item(iri, RESKG.Proposal, prop.position, prop.text)
            if prop.addressee is not None:
                self.addressee(iri, prop.addressee)
            if prop.planned_event is not None:
                planned = m.planned_event(doc, prop.position)
                pe = prop.planned_event
                self.add(iri, RESKG.plansEvent, planned)
                self.add(planned, RDF.type, SCHEMA.Event)
                self.add(planned, SCHEMA.eventStatus, SCHEMA.EventScheduled)
                kind = m.event_kind(pe.kind.value)
                self.fact(planned, RESKG.eventKind, kind, pe.kind.span)
                self.concept(kind, pe.kind.value)
                if pe.year is not None:
                    self.fact(planned, RESKG.plannedYear, typed(pe.year.value, XSD.gYear),
                              pe.year.span)
        mapping_curation.corrections(self)
        return self.out

    def source_text(self) -> None:
        src, s = self.res.source, self.source
        self.add(s, RDF.type, RESKG.SourceText)
        self.add(s, RDFS.label, typed(src.name, XSD.string))
        self.add(s, RDF.value, ru(src.text))
        self.add(s, RESKG.sha256, typed(src.sha256, XSD.string))
        self.add(s, RESKG.originalSha256, typed(src.original_sha256, XSD.string))
        self.add(s, RESKG.encoding, typed(src.encoding, XSD.string))
        self.add(s, DCTERMS.format, typed(src.media_type, XSD.string))

    def item(self, iri: str, cls: URIRef, position: int, text: Spanned[str]) -> None:
        r = self.out.resolution
        self.add(iri, RDF.type, cls)
        self.add(iri, RDF.type, ELI.LegalResourceSubdivision)
        self.add(iri, ELI.is_part_of, r)
        self.add(r, ELI.has_part, iri)
        self.add(iri, RESKG.position, integer(position))
        self.fact(iri, RESKG.text, ru(text.value), text.span, text.certainty)
        self.add(iri, RESKG.lemmas, typed(lemma_string(text.value), XSD.string))

    def addressee(self, item: str, addressee: Addressee) -> None:
        # the name as the document gives it, beside the class and the registry's organisation
        self.add(item, RESKG.addresseeName, ru(addressee.label))
        audience = self.m.audience(addressee.label)
        self.fact(item, DCTERMS.audience, audience, addressee.span, addressee.certainty)
        self.entity(audience, RDF.type, DCTERMS.AgentClass)
        self.concept(audience, addressee.label, self.m.audience_scheme())
        alignment = audience_alignment(addressee.label)
        if alignment is not None:
            self.entity(audience, SKOS[alignment.predicate], alignment.target)
        if addressee.organisation is not None:
            org = self.organisation(addressee.organisation)
            self.fact(item, RESKG.addressedTo, org, addressee.span, addressee.certainty)

    def organisation(self, mention: OrganisationMention) -> str:
        """The registry's IRI for a known organisation; otherwise a labelled node minted from
        the mention (listed by ``reskg link --report``)."""
        known = self.registry.resolve(mention.name.value)
        if known is not None:
            return self.registry.iri(known, self.m)
        iri = self.m.organisation(mention.name.value)
        if iri in self._organisations:
            return iri
        self._organisations.add(iri)
        parent = self.organisation(mention.parent) if mention.parent is not None else None
        self.entity(iri, RDF.type, ORG.OrganizationalUnit if parent else ORG.FormalOrganization)
        for cls in _ORG_CLASSES.get(mention.kind or "", ()):
            self.entity(iri, RDF.type, cls)
        self.entity(iri, SKOS.prefLabel, ru(mention.name.value))
        self.entity(iri, RDFS.label, ru(mention.name.value))
        if parent is not None:
            self.entity(iri, ORG.unitOf, parent)
        if mention.city:
            self.entity(iri, SCHEMA.location, self.place(mention.city))
        return iri

    def place(self, name: str) -> str:
        """The gazetteer's IRI for a known place; otherwise a labelled node minted from the name."""
        known = self.gazetteer.resolve(name)
        if known is not None:
            return self.gazetteer.iri(known, self.m)
        iri = self.m.place(name)
        self.entity(iri, RDF.type, SCHEMA.Place)
        self.entity(iri, RDFS.label, ru(name))
        self.entity(iri, SKOS.prefLabel, ru(name))
        # a settlement of GeoNames' list: its coordinates
        self.out.entities += coordinate_triples(iri, settlements().get(name.replace("ё", "е")))
        return iri

    def event(self, e_iri: str) -> None:
        ev, m, doc = self.res.event, self.m, self.doc
        self.add(e_iri, RDF.type, SCHEMA.Event)
        self.add(e_iri, RDF.type, PROV.Activity)
        self.add(e_iri, PROV.generated, self.out.resolution)
        kind = m.event_kind(ev.kind.value)
        self.fact(e_iri, RESKG.eventKind, kind, ev.kind.span, ev.kind.certainty)
        self.concept(kind, ev.kind.value)
        if ev.title is not None:
            self.fact(e_iri, SCHEMA.name, ru(ev.title.value), ev.title.span, ev.title.certainty)
        for q in ev.qualifiers:
            self.add(e_iri, RESKG.qualifier, ru(q))
        if ev.ordinal is not None:
            self.add(e_iri, RESKG.ordinal, integer(ev.ordinal))
        if ev.place is not None:
            self.fact(e_iri, SCHEMA.location, self.place(ev.place.value), ev.place.span,
                      ev.place.certainty)
        if ev.start is not None:
            self.fact(e_iri, SCHEMA.startDate, date(ev.start.value), ev.start.span,
                      ev.start.certainty)
        if ev.end is not None:
            self.fact(e_iri, SCHEMA.endDate, date(ev.end.value), ev.end.span, ev.end.certainty)
        for org in ev.organisers:  # (named as written: the shared organisation's label may
            # be another document's)
            self.fact(e_iri, SCHEMA.organizer, self.organisation(org), org.name.span,
                      named=org.name.value)
        for org in ev.supporters:
            self.fact(e_iri, SCHEMA.sponsor, self.organisation(org), org.name.span,
                      named=org.name.value)
        if ev.participants is not None:
            self.fact(e_iri, RESKG.participantCount, integer(ev.participants.value),
                      ev.participants.span, ev.participants.certainty)
            if ev.participants_is_minimum:
                self.add(e_iri, RESKG.participantCountIsMinimum, boolean(True))
        modes = [c.mode for c in ev.cohorts]
        if "online" in modes or "mixed" in modes:
            mode = "online" if all(md == "online" for md in modes) else "mixed"
            self.add(e_iri, SCHEMA.eventAttendanceMode, _ATTENDANCE[mode])
        for n, cohort in enumerate(ev.cohorts, start=1):
            self.cohort(e_iri, n, cohort)
        if ev.topics:
            scheme = m.discussed_scheme(doc)
            self.add(scheme, RDF.type, SKOS.ConceptScheme)
            self.add(scheme, SKOS.prefLabel, ru("Вопросы, обсуждённые участниками"))
            self.add(scheme, DCTERMS.subject, e_iri)
        for n, topic in enumerate(ev.topics, start=1):
            t = m.discussed_topic(doc, n)
            self.add(t, RDF.type, SKOS.Concept)
            self.add(t, SKOS.inScheme, m.discussed_scheme(doc))
            self.fact(t, SKOS.prefLabel, ru(topic.value), topic.span)
            self.add(e_iri, RESKG.discussed, t)

    def cohort(self, e_iri: str, n: int, cohort: Cohort) -> None:
        m, doc = self.m, self.doc
        c, assoc = m.cohort(doc, n), m.association(doc, n)
        self.add(e_iri, PROV.qualifiedAssociation, assoc)
        self.add(assoc, RDF.type, PROV.Association)
        self.add(assoc, PROV.agent, c)
        self.add(assoc, PROV.hadRole, RESKG.participant)
        self.add(c, RDF.type, RESKG.ParticipantCohort)
        self.fact(c, RDFS.label, ru(cohort.label.value), cohort.label.span)
        if cohort.count is not None:
            self.add(c, RESKG.count, integer(cohort.count))
            if cohort.count_is_minimum:
                self.add(c, RESKG.countIsMinimum, boolean(True))
        if cohort.unit is not None:
            self.add(c, RESKG.countedUnit, m.unit(cohort.unit))
        if cohort.mode is not None:
            self.add(c, SCHEMA.eventAttendanceMode, _ATTENDANCE[cohort.mode])
        for place in cohort.places:
            self.add(c, DCTERMS.spatial, self.place(place))
        if cohort.organisation is not None:
            self.add(c, RESKG.represents, self.organisation(cohort.organisation))


def map_resolution(
    resolution: Resolution,
    minter: Minter | None = None,
    *,
    registry: Registry | None = None,
    gazetteer: Gazetteer | None = None,
    slug: str | None = None,
) -> Mapped:
    """The triples of ``resolution``: its own graph's, and the shared entities'; its IRIs are
    named by ``slug`` when given (else :func:`~resolutions_kg.iris.document_slug`).

    Organisations and places are looked up in the registry and gazetteer (the packaged ones by
    default), so that one organisation named in two resolutions is one resource."""
    mapped = _Mapper(
        resolution,
        minter or Minter(),
        registry if registry is not None else default_registry(),
        gazetteer if gazetteer is not None else default_gazetteer(),
        slug,
    ).run()
    mapped.document = _dedupe(mapped.document)
    mapped.entities = _dedupe(mapped.entities)
    return mapped


def _dedupe(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    return list(dict.fromkeys(triples))
