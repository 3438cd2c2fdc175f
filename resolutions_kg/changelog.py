"""What changed between two releases: documents added and removed, and per document the facts
added, removed and changed — as Markdown for people and as RDF (Talis Changeset) for machines.

The comparison is per named graph (one graph per source document, :mod:`resolutions_kg.store`).
A graph is a *document* when it holds a ``reskg:Resolution``; the others (ontology, shapes,
reference data, shared entities) are *shared graphs*, reported by counts only. Within a graph a
*fact* is a triple whose subject is not evidence (``{base}source/…``: the source text and the
Web Annotations that point into it, whose offsets move whenever the text does; they are counted,
not listed). A fact is *changed* when a subject and predicate lose some objects and gain
others between the releases (``rec/3 reskg:text "old"`` → ``"new"``); otherwise it is added or
removed.

The RDF form (``changes.ttl``) has one ``cs:ChangeSet`` per changed document
(``cs:subjectOfChange`` its graph, ``cs:changeReason`` ``document added`` / ``document removed``
/ ``document changed``) and, inside a changed document, one per subject and predicate
(``dct:isPartOf`` the document's change set; reason ``fact added`` / ``fact removed`` /
``fact changed``) whose ``cs:removal`` and ``cs:addition`` are reified ``rdf:Statement``\\ s.
Everything is sorted, so the same two releases give the same bytes.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from resolutions_kg.namespaces import CS, DCTERMS, PREFIXES, PROV, RDF, RESKG, XSD

#: (subject, predicate, object) of one triple.
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Triple = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, Term]
#: graph IRI → its triples
Dataset = dict[str, set[Triple]]
#: Longest literal shown in the Markdown changelog, in characters.
SHOWN_CHARS = 160


def dataset_of(quads: Iterable[ox.Quad]) -> Dataset:
    """Quads grouped by named graph (quads in the default graph are ignored)."""
    out: Dataset = defaultdict(set)
    for q in quads:
        if isinstance(q.graph_name, ox.NamedNode):
            out[q.graph_name.value].add((q.subject, q.predicate, q.object))  # type: ignore[arg-type]
    return dict(out)


@dataclass
class FactChange:
    subject: str
    predicate: str
    removed: list[Term] = field(default_factory=list)
    added: list[Term] = field(default_factory=list)

    @property
    def kind(self) -> str:
        if self.removed and self.added:
            return "changed"
        return "added" if self.added else "removed"


@dataclass
class GraphChange:
    graph: str
    #: "added", "removed" or "changed"
    status: str
    is_document: bool
    triples_before: int
    triples_after: int
    facts: list[FactChange] = field(default_factory=list)
    evidence_added: int = 0
    evidence_removed: int = 0


@dataclass
class Changelog:
    version: str
    previous: str | None
    date: str
    documents_before: int
    documents_after: int
    graphs: list[GraphChange] = field(default_factory=list)

    def documents(self, status: str) -> list[GraphChange]:
        return [g for g in self.graphs if g.is_document and g.status == status]


def _is_document(triples: set[Triple]) -> bool:
    resolution = ox.NamedNode(str(RESKG.Resolution))
    rdf_type = ox.NamedNode(str(RDF.type))
    return any(p == rdf_type and o == resolution for _s, p, o in triples)


def compare(before: Dataset | None, after: Dataset, *, base_iri: str, version: str,
            previous: str | None, date: str) -> Changelog:
    """The changes from ``before`` (None: there is no previous release) to ``after``."""
    old = before or {}
    log = Changelog(version, previous, date,
                    documents_before=sum(_is_document(t) for t in old.values()),
                    documents_after=sum(_is_document(t) for t in after.values()))
    if before is None:
        return log
    evidence = base_iri + "source/"
    for graph in sorted(set(old) | set(after)):
        was, now = old.get(graph, set()), after.get(graph, set())
        if was == now:
            continue
        status = "changed" if was and now else ("added" if now else "removed")
        change = GraphChange(graph, status, _is_document(was | now), len(was), len(now))
        log.graphs.append(change)
        if status != "changed":
            continue
        grouped: dict[tuple[str, str], FactChange] = {}
        for sign, triples in (("removed", was - now), ("added", now - was)):
            for s, p, o in triples:
                if s.value.startswith(evidence):
                    setattr(change, f"evidence_{sign}", getattr(change, f"evidence_{sign}") + 1)
                    continue
                key = (str(s), p.value)
                fact = grouped.setdefault(key, FactChange(str(s), p.value))
                getattr(fact, sign).append(o)
        for key in sorted(grouped):
            fact = grouped[key]
            fact.removed.sort(key=str)
            fact.added.sort(key=str)
            change.facts.append(fact)
    return log


# ------------------------------------------------------------------------------ Markdown


def _short(term: str | Term, base_iri: str) -> str:
    text = term if isinstance(term, str) else str(term)
    iri = text[1:-1] if text.startswith("<") and text.endswith(">") else None
    if iri is None:
        if isinstance(term, ox.Literal):
            value = term.value if len(term.value) <= SHOWN_CHARS else (
                term.value[:SHOWN_CHARS] + " …")
            return '"' + " ".join(value.split()).replace("`", "'") + '"'
        iri = text
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"`{prefix}:{iri[len(ns):]}`"
    if iri.startswith(base_iri):
        return "`" + iri[len(base_iri):] + "`"
    return f"<{iri}>"


def markdown(log: Changelog, *, base_iri: str, title: str) -> str:
    """The changelog as Markdown."""
    lines = [f"# {title} {log.version}", "", f"Released {log.date}."]
    if log.previous is None:
        lines += ["", f"First release: {log.documents_after} documents.", ""]
        return "\n".join(lines)
    lines += ["", f"Changes since {log.previous}: {log.documents_before} → "
              f"{log.documents_after} documents.", ""]
    for status in ("added", "removed"):
        docs = log.documents(status)
        lines += [f"## Documents {status} ({len(docs)})", ""]
        lines += [f"- {_short(d.graph, base_iri)} ({max(d.triples_before, d.triples_after)} "
                  "triples)" for d in docs] or ["None."]
        lines.append("")
    changed = log.documents("changed")
    lines += [f"## Documents changed ({len(changed)})", ""]
    if not changed:
        lines += ["None.", ""]
    for doc in changed:
        counts = {k: sum(f.kind == k for f in doc.facts) for k in ("added", "removed", "changed")}
        lines += [f"### {_short(doc.graph, base_iri)}", "",
                  f"{counts['added']} facts added, {counts['removed']} removed, "
                  f"{counts['changed']} changed; evidence: {doc.evidence_added} triples added, "
                  f"{doc.evidence_removed} removed.", ""]
        for fact in doc.facts:
            head = f"- {fact.kind}: {_short(fact.subject, base_iri)} "\
                   f"{_short('<' + fact.predicate + '>', base_iri)}"
            old = ", ".join(_short(o, base_iri) for o in fact.removed)
            new = ", ".join(_short(o, base_iri) for o in fact.added)
            if fact.kind == "changed":
                lines.append(f"{head}: {old} → {new}")
            else:
                lines.append(f"{head}: {new or old}")
        lines.append("")
    shared = [g for g in log.graphs if not g.is_document]
    if shared:
        lines += [f"## Shared graphs changed ({len(shared)})", ""]
        lines += [f"- {_short(g.graph, base_iri)}: {g.status}, {g.triples_before} → "
                  f"{g.triples_after} triples" for g in shared]
        lines.append("")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------ RDF


def triples(log: Changelog, *, base: str, release: str) -> list[ox.Triple]:
    """The changelog as RDF; ``base`` is the IRI of ``changes.ttl`` (hash IRIs hang off it),
    ``release`` the release's IRI."""
    out: list[ox.Triple] = []

    def add(s: str, p: object, o: ox.NamedNode | ox.Literal | str) -> None:
        obj = ox.NamedNode(o) if isinstance(o, str) else o
        out.append(ox.Triple(ox.NamedNode(s), ox.NamedNode(str(p)), obj))

    def changeset(node: str, subject: str, reason: str, part_of: str) -> None:
        add(node, RDF.type, str(CS.ChangeSet))
        add(node, CS.subjectOfChange, subject)
        add(node, CS.changeReason, ox.Literal(reason, language="en"))
        # the vocabulary's range is xsd:dateTime; a release has a day: its start, in UTC
        add(node, CS.createdDate, ox.Literal(f"{log.date}T00:00:00Z",
                                             datatype=ox.NamedNode(str(XSD.dateTime))))
        add(node, CS.creatorName, ox.Literal("reskg release"))
        add(node, DCTERMS.isPartOf, part_of)

    add(base, RDF.type, str(PROV.Entity))
    add(base, DCTERMS.isPartOf, release)
    summary = (f"Changes since release {log.previous}" if log.previous
               else "The first release: no changes to list")
    add(base, DCTERMS.description, ox.Literal(summary, language="en"))
    for graph in log.graphs:
        if not graph.is_document:
            continue
        doc = f"{base}#doc-{_digest(graph.graph)}"
        changeset(doc, graph.graph, f"document {graph.status}", release)
        for fact in graph.facts:
            if not fact.subject.startswith("<"):
                continue  # a blank node: no IRI to name it by across releases
            node = f"{base}#fact-{_digest(graph.graph, fact.subject, fact.predicate)}"
            changeset(node, fact.subject.strip("<>"), f"fact {fact.kind}", doc)
            for sign, objects in ((CS.removal, fact.removed), (CS.addition, fact.added)):
                for obj in objects:
                    st = f"{base}#st-{_digest(graph.graph, fact.subject, fact.predicate, str(obj))}"
                    add(node, sign, st)
                    add(st, RDF.type, str(RDF.Statement))
                    add(st, RDF.subject, fact.subject.strip("<>"))
                    add(st, RDF.predicate, fact.predicate)
                    out.append(ox.Triple(ox.NamedNode(st), ox.NamedNode(str(RDF.object)),
                                         obj))
    return out


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
