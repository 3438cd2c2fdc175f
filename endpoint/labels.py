"""Names and order of resources on pages: labels, with a fallback for resources that have none,
and document order for lists of them.

A resource's label is its ``skos:prefLabel``, ``rdfs:label``, ``schema:name`` or ``dct:title``
(Russian first). Without one it is named by what it is: a part of a resolution by its number and
the start of its text, a participant association by its agent, an annotation by the property it
is evidence for, an annotation's target by the words it quotes, a reified link by the link.
Parts of a resolution (which have a ``reskg:position``, counted per kind) sort by where their
text starts in the source; anything else by the numbers in its IRI, as numbers.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from resolutions_kg.endpoint.linkeddata import LABEL_PREDICATES, pick_label
from resolutions_kg.endpoint.text import natural_key, plain
from resolutions_kg.namespaces import OA, PREFIXES, PROV, RDF, RESKG

#: Labels of the few outside terms our data links to that their vocabularies' own labels would
#: have to be loaded for.
KNOWN_LABELS = {
    "https://schema.org/OnlineEventAttendanceMode": "online",
    "https://schema.org/OfflineEventAttendanceMode": "in person",
    "https://schema.org/MixedEventAttendanceMode": "online and in person",
    "https://schema.org/EventScheduled": "scheduled",
}


def shorten(text: str, length: int) -> str:
    """``text`` cut at a word boundary before ``length`` characters, with an ellipsis."""
    return text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + " …"


class Labels:
    """Labels and document order against one store (and, optionally, a second one for labels),
    cached per instance."""

    def __init__(self, store: ox.Store, *, labels_from: ox.Store | None = None) -> None:
        self.store = store
        self.label_stores = [store] if labels_from in (None, store) else [store, labels_from]
        self._labels: dict[str, str | None] = {}
        self._subjects: dict[str, dict[str, list[Any]]] = {}

    def properties(self, iri: str) -> dict[str, list[Any]]:
        """Every (predicate → objects) of ``iri``, read once per page (one pattern per store:
        cheaper than one per predicate for the dozen triples a linked resource has)."""
        found = self._subjects.get(iri)
        if found is None:
            found = {}
            node = ox.NamedNode(iri)
            for store in self.label_stores:
                for q in store.quads_for_pattern(node, None, None):
                    found.setdefault(q.predicate.value, []).append(q.object)
            self._subjects[iri] = found
        return found

    def label(self, iri: str) -> str | None:
        if iri not in self._labels:
            props = self.properties(iri)
            found = [o for p in LABEL_PREDICATES for o in props.get(p, ())
                     if isinstance(o, ox.Literal)]
            self._labels[iri] = (pick_label(found) or KNOWN_LABELS.get(iri)
                                 or self._fallback_label(iri))
        return self._labels[iri]

    def _object(self, iri: str, predicate: object) -> Any:
        values = self.properties(iri).get(str(predicate))
        return values[0] if values else None

    def _fallback_label(self, iri: str, depth: int = 0) -> str | None:
        """For resources without a label: a part's number and the start of its text; an
        association's agent; an annotation's property and quoted words."""
        text = self._object(iri, RESKG.text)
        if isinstance(text, ox.Literal):
            number = self._object(iri, RESKG.label) or self._object(iri, RESKG.position)
            start = shorten(plain(text.value), 80)
            return f"{number.value}. {start}" if isinstance(number, ox.Literal) else start
        agent = self._object(iri, PROV.agent)
        if isinstance(agent, ox.NamedNode) and depth == 0:
            return self.label(agent.value)
        body = self._object(iri, OA.hasBody)
        if isinstance(body, ox.NamedNode):
            prop = self._object(iri, RESKG.evidenceFor)
            what = self.name(prop.value) if isinstance(prop, ox.NamedNode) else "evidence"
            return f"evidence: {what}"
        if self._object(iri, OA.hasSource) is not None:  # an annotation's target: its words
            for store in self.label_stores:
                for q in store.quads_for_pattern(ox.NamedNode(iri),
                                                 ox.NamedNode(str(OA.hasSelector)), None):
                    exact = self._object(q.object.value, OA.exact) if isinstance(
                        q.object, ox.NamedNode) else None
                    if isinstance(exact, ox.Literal):
                        return f"«{shorten(plain(exact.value), 80)}»"
        statement = self._object(iri, RDF.subject)
        if isinstance(statement, ox.NamedNode) and depth == 0:  # a reified link
            predicate, target = self._object(iri, RDF.predicate), self._object(iri, RDF.object)
            if isinstance(predicate, ox.NamedNode) and isinstance(target, ox.NamedNode):
                subject = self.label(statement.value) or self.name(statement.value)
                return f"{subject} {self.name(predicate.value)} {self.name(target.value)}"
        return None

    def name(self, iri: str) -> str:
        """A prefixed name where a prefix fits, else the IRI."""
        for prefix, ns in PREFIXES.items():
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{prefix}:{iri[len(ns):]}"
        return iri

    def position(self, iri: str) -> int | None:
        """A part's ``reskg:position`` (document order), if it has one."""
        pos = self._object(iri, RESKG.position)
        return int(pos.value) if isinstance(pos, ox.Literal) and pos.value.isdigit() else None

    def text_start(self, iri: str) -> int | None:
        """Where a part's text starts in its source (the evidence of its ``reskg:text``)."""
        for store in self.label_stores:
            for q in store.quads_for_pattern(None, ox.NamedNode(str(OA.hasBody)),
                                             ox.NamedNode(iri)):
                if not isinstance(q.subject, ox.NamedNode):
                    continue
                prop = self._object(q.subject.value, RESKG.evidenceFor)
                target = self._object(q.subject.value, OA.hasTarget)
                if not (isinstance(prop, ox.NamedNode) and prop.value == str(RESKG.text)
                        and isinstance(target, ox.NamedNode)):
                    continue
                for sel in store.quads_for_pattern(target, ox.NamedNode(str(OA.hasSelector)),
                                                   None):
                    start = (self._object(sel.object.value, OA.start)
                             if isinstance(sel.object, ox.NamedNode) else None)
                    if isinstance(start, ox.Literal) and start.value.isdigit():
                        return int(start.value)
        return None

    def order_key(self, iri: str, *, precise: bool = True) -> tuple[Any, ...]:
        """Document order: parts (they have a ``reskg:position``, counted per kind) by where
        their text starts in the source, then by position; anything else by the numbers in
        its IRI as numbers. Not ``precise``: parts by position alone (for long lists, such as
        the thousand links into a topic, where looking up every text's evidence costs too
        much)."""
        pos = self.position(iri)
        if pos is None:
            return (1, natural_key(iri))
        start = self.text_start(iri) if precise else None
        parent = iri.rsplit("/", 2)[0]
        return (0, natural_key(parent), start if start is not None else 1 << 30, pos,
                natural_key(iri))
