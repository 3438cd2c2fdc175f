"""Reviewing a document: its source text, every fact's span by kind, and how to correct each.

:func:`review_from_store` reads one document's graph — the published source text and the
evidence annotation of every fact — from a store; :func:`review_file` does the same for a file
not yet published (parsed, corrected and mapped into an in-memory store), so ``reskg review`` and
the server's ``/review/{document}`` page show the same facts. Each fact with a stable key
(:mod:`resolutions_kg.curation`) comes with the YAML snippet that corrects it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pyoxigraph as ox
import yaml
from rdflib.namespace import FOAF

from resolutions_kg.curation import CORRECTIONS_SUFFIX, DOCUMENT_FIELDS, ITEM_FIELDS
from resolutions_kg.mapping_curation import FIELD_PROPERTIES
from resolutions_kg.namespaces import (
    DCTERMS,
    ELI,
    OA,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    RESKG,
    SCHEMA,
    SKOS,
)
from resolutions_kg.records import UNCERTAIN

#: Property → the kind of fact it states, which decides its highlight.
KINDS: dict[str, str] = {str(p): kind for p, kind in [
    (RESKG.documentType, "document"), (DCTERMS.title, "title"), (SCHEMA.name, "title"),
    (ELI.date_document, "date"), (SCHEMA.startDate, "date"), (SCHEMA.endDate, "date"),
    (RESKG.plannedYear, "date"), (SCHEMA.location, "place"), (RESKG.eventKind, "event"),
    (RESKG.participantCount, "count"), (RESKG.text, "text"), (DCTERMS.audience, "addressee"),
    (RESKG.addressedTo, "addressee"), (RESKG.action, "action"), (SCHEMA.organizer, "organisation"),
    (SCHEMA.sponsor, "organisation"), (SKOS.prefLabel, "topic"), (RDFS.label, "cohort"),
]}
#: Every kind, for legends and stylesheets (a fixed vocabulary, never read from data).
ALL_KINDS = ("document", "title", "event", "date", "place", "count", "organisation",
             "cohort", "topic", "addressee", "action", "text", "other")
_FIELDS_BY_PROPERTY: dict[str, str] = {str(p): f for f, p in FIELD_PROPERTIES.items()}
_ITEM_CLASSES = {str(RESKG.Recommendation): "recommendation", str(RESKG.Proposal): "proposal",
                 str(RESKG.Statement): "statement"}
_EVENT_FIELDS = {"event kind", "event title", "event place", "event start", "event end",
                 "participants"}


class _Dumper(yaml.SafeDumper):
    """Safe YAML without anchors and aliases (which corrections files refuse)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


@dataclass(frozen=True)
class Fact:
    """One fact of a document as the review shows it."""

    start: int
    end: int
    kind: str
    #: The property, compacted with the usual prefixes (``schema:startDate``).
    predicate: str
    subject: str
    value: str
    confidence: float
    method: str
    #: The stable key a correction names it by; None when there is none.
    key: str | None
    #: The curator, when the fact is a correction.
    curator: str | None = None
    #: For a corrected fact: the value the loader had extracted (None when it had none).
    original: str | None = None

    @property
    def uncertain(self) -> bool:
        return self.confidence < UNCERTAIN

    def snippet(self) -> str | None:
        """The YAML that corrects this fact, for the ``corrections:`` list of its file."""
        if self.key is None:
            return None
        removable = _removable(self.key)
        value = self._typed(self.value)
        was = self._typed(self.original) if self.curator is not None else value
        text = yaml.dump([{"key": self.key, "was": was, "set": value}], Dumper=_Dumper,
                         allow_unicode=True, sort_keys=False, width=88)
        text += "  note: why the loader's value is wrong\n"
        if removable:
            text += "  # or, instead of set: remove: true\n"
        return text

    def _typed(self, value: str | None) -> object:
        if value is not None and self.kind == "date":
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return value
        if value is not None and self.kind == "count" and value.isdigit():
            return int(value)
        return value


@dataclass(frozen=True)
class Correction:
    """A correction applied to the document (removals too, which leave no fact)."""

    key: str
    action: str
    original: str | None
    corrected: str | None
    curator: str
    line: int


@dataclass(frozen=True)
class Segment:
    """A stretch of the source text covered by the same facts; ``kind`` is the innermost's."""

    text: str
    kind: str | None
    facts: tuple[int, ...]


@dataclass(frozen=True)
class Review:
    graph: str
    name: str
    text: str
    facts: tuple[Fact, ...]
    corrections: tuple[Correction, ...] = ()

    @property
    def corrections_file(self) -> str:
        return self.name.rsplit(".", 1)[0] + CORRECTIONS_SUFFIX

    def ordered(self) -> list[Fact]:
        """Uncertain facts first (least sure first), then the rest in text order."""
        return sorted(self.facts, key=lambda f: (not f.uncertain,
                                                 f.confidence if f.uncertain else 0,
                                                 f.start, f.end))

    def segments(self) -> list[Segment]:
        """The text cut at every span boundary; each piece with the facts covering it."""
        cuts = sorted({0, len(self.text), *(f.start for f in self.facts),
                       *(f.end for f in self.facts)})
        by_start = sorted(range(len(self.facts)), key=lambda i: self.facts[i].start)
        out: list[Segment] = []
        active: list[int] = []  # facts open at the current cut (a sweep: few nest)
        n = 0
        for a, b in zip(cuts, cuts[1:], strict=False):
            while n < len(by_start) and self.facts[by_start[n]].start <= a:
                active.append(by_start[n])
                n += 1
            active = [i for i in active if self.facts[i].end >= b]
            covering = sorted(active)
            kind = (min((self.facts[i] for i in covering), key=lambda f: f.end - f.start).kind
                    if covering else None)
            out.append(Segment(self.text[a:b], kind, tuple(covering)))
        return out


def _select(store: ox.Store, query: str, *, union: bool = False) -> list[ox.QuerySolution]:
    return list(cast(ox.QuerySolutions,
                     store.query(query, use_default_graph_as_union=union)))


def _removable(key: str) -> bool:
    from resolutions_kg.curation import parse_key

    return parse_key(key).spec[1]


def _compact(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def documents(store: ox.Store) -> list[tuple[str, str]]:
    """(graph IRI, file name) of every published document, by file name."""
    query = f"""SELECT ?g ?name WHERE {{ GRAPH ?g {{ ?s a <{RESKG.SourceText}> ;
                <{RDFS.label}> ?name }} }} ORDER BY ?name ?g"""
    return [(row["g"].value, row["name"].value)
            for row in _select(store, query)]


def review_from_store(store: ox.Store, graph: str) -> Review | None:
    """The review of the document in ``graph``; None when the graph holds no source text."""
    g = f"<{graph}>"
    source = list(_select(store,
        f"SELECT ?text ?name WHERE {{ GRAPH {g} {{ ?s a <{RESKG.SourceText}> ; "
        f"<{RDF.value}> ?text ; <{RDFS.label}> ?name }} }} LIMIT 1"))
    if not source:
        return None
    text, name = source[0]["text"].value, source[0]["name"].value
    subjects: dict[str, tuple[str | None, int | None]] = {}
    for row in _select(store,
            f"""SELECT ?s ?type ?pos WHERE {{ GRAPH {g} {{ ?s a ?type
                OPTIONAL {{ ?s <{RESKG.position}> ?pos }} }} }}"""):
        scope = _scope(row["type"].value)
        if scope is not None:
            pos = row["pos"]
            subjects[row["s"].value] = (scope, int(pos.value) if pos is not None else None)
    for row in _select(store,
            f"SELECT ?e WHERE {{ GRAPH {g} {{ ?e <{PROV.generated}> ?r }} }}"):
        subjects[row["e"].value] = ("event", None)
    rows = list(_select(store, f"""
        SELECT ?s ?p ?v ?conf ?method ?start ?end ?curator WHERE {{ GRAPH {g} {{
            ?ann a <{OA.Annotation}> ; <{OA.hasBody}> ?s ; <{RESKG.evidenceFor}> ?p ;
                 <{RESKG.evidenceValue}> ?v ; <{OA.hasTarget}>/<{OA.hasSelector}> ?sel .
            ?sel a <{OA.TextPositionSelector}> ; <{OA.start}> ?start ; <{OA.end}> ?end .
            OPTIONAL {{ ?ann <{RESKG.confidence}> ?conf }}
            OPTIONAL {{ ?ann <{RESKG.extractionMethod}> ?method }}
            OPTIONAL {{ ?ann <{PROV.wasAttributedTo}> ?curator }}
        }} }} ORDER BY ?start ?end ?ann"""))
    corrections = list(_select(store, f"""
        SELECT ?key ?action ?original ?corrected ?curator ?line WHERE {{ GRAPH {g} {{
            ?c a <{RESKG.Correction}> ; <{RESKG.correctionKey}> ?key ;
               <{RESKG.correctionAction}> ?action ; <{PROV.wasAssociatedWith}> ?curator ;
               <{RESKG.correctionLine}> ?line .
            OPTIONAL {{ ?c <{RESKG.replacedValue}> ?original }}
            OPTIONAL {{ ?c <{RESKG.correctedValue}> ?corrected }}
        }} }} ORDER BY ?line"""))
    terms = [*(t for r in rows for t in (r["v"], r["curator"])),
             *(t for c in corrections for t in (c["original"], c["corrected"], c["curator"]))]
    labels = _labels(store, {t.value for t in terms if isinstance(t, ox.NamedNode)})

    def show(term: ox.NamedNode | ox.Literal | None) -> str | None:
        if term is None:
            return None
        return labels.get(term.value, term.value) if isinstance(term, ox.NamedNode) else term.value

    applied = tuple(Correction(c["key"].value, c["action"].value, show(c["original"]),
                               show(c["corrected"]), show(c["curator"]) or "",
                               int(c["line"].value)) for c in corrections)
    originals = {c.key: c.original for c in applied}
    facts = []
    for r in rows:
        p, s = r["p"].value, r["s"].value
        key = _key(subjects.get(s), p)
        curator = show(r["curator"])
        facts.append(Fact(
            start=int(r["start"].value), end=int(r["end"].value), kind=KINDS.get(p, "other"),
            predicate=_compact(p), subject=s, value=show(r["v"]) or "",
            confidence=float(r["conf"].value) if r["conf"] is not None else 1.0,
            method=r["method"].value if r["method"] is not None else "",
            key=key, curator=curator,
            original=originals.get(key) if key is not None and curator is not None else None,
        ))
    return Review(graph, name, text, tuple(facts), applied)


def _scope(type_iri: str) -> str | None:
    if type_iri == str(RESKG.Resolution):
        return "document"
    return _ITEM_CLASSES.get(type_iri)


def _key(subject: tuple[str | None, int | None] | None, prop: str) -> str | None:
    field = _FIELDS_BY_PROPERTY.get(prop)
    if subject is None or field is None:
        return None
    scope, position = subject
    if scope == "event":
        return field if field in _EVENT_FIELDS else None
    if scope == "document":
        return field if field in DOCUMENT_FIELDS and field not in _EVENT_FIELDS else None
    if scope in ITEM_FIELDS and position is not None and field in ITEM_FIELDS[scope]:
        return f"{scope} {position} {field}"
    return None


def _labels(store: ox.Store, iris: set[str]) -> dict[str, str]:
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in sorted(iris))
    out: dict[str, str] = {}
    for row in _select(store,
            f"""SELECT ?v ?label WHERE {{ VALUES ?v {{ {values} }}
                ?v <{SKOS.prefLabel}>|<{RDFS.label}>|<{FOAF.name}> ?label
                FILTER(LANG(?label) IN ("ru", "")) }} ORDER BY ?v DESC(LANG(?label)) ?label""",
            union=True):
        out.setdefault(row["v"].value, row["label"].value)
    return out


def review_file(path: str | Path, *, base_iri: str) -> Review:
    """The review of the file at ``path`` (its corrections applied), without publishing it."""
    from resolutions_kg.corrections import with_corrections
    from resolutions_kg.iris import Minter
    from resolutions_kg.loaders import load_file
    from resolutions_kg.mapping import map_resolution
    from resolutions_kg.reference import reference_graphs

    minter = Minter(base_iri)
    mapped = map_resolution(with_corrections(load_file(path), path), minter)
    graph = minter.graph(mapped.slug)
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph))
                 for t in mapped.document)
    for name, triples in {minter.graph("entities"): mapped.entities,
                          **reference_graphs(base_iri)}.items():
        store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(name))
                     for t in triples)
    review = review_from_store(store, graph)
    assert review is not None  # the mapper always writes the source text
    return review

