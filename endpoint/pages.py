"""HTML pages: a resource's description turned into something a person can read.

The templates live in ``templates/`` (Jinja2, autoescaped). This module builds their view models:
links to our own IRIs point at server paths (``{base}place/tver`` → ``/place/tver``), other
http(s) IRIs stay as they are, and IRIs of any other scheme (``javascript:``, ``data:`` …) are
shown as text, never as links; predicates and types show as prefixed names with their label
from the store (the ontology graph labels our own terms), resources without one by what they are
(a part by its number and text, an annotation by its property …); lists in document order; and a
resource that has evidence shows the span of the source text it came from, marked. Text from a
source rendition is shown without its Markdown markup (``**``, ``#``, backticks); the data
formats keep it exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
import markupsafe
import pyoxigraph as ox
from markdown_it import MarkdownIt

from resolutions_kg.endpoint.labels import Labels
from resolutions_kg.endpoint.linkeddata import (
    LABEL_PREDICATES,
    Description,
    Evidence,
    document_iri,
    evidence_for,
    source_text,
)
from resolutions_kg.endpoint.text import natural_key, plain
from resolutions_kg.namespaces import (
    OA,
    ONTOLOGY_IRI,
    RDF,
    RESKG,
)

TEMPLATES = Path(__file__).parent / "templates"
#: Characters left as they are in a server path built from an IRI.
PATH_SAFE = "/:@!$&'()*+,;=-._~%"
#: Context shown around an evidence span in the list of evidence.
CONTEXT_CHARS = 60
#: Predicates whose literals are words of a source rendition (Markdown markup stripped on pages).
RENDITION_TEXT = frozenset({str(RDF.value), str(OA.exact), str(OA.prefix), str(OA.suffix)})


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["plain"] = plain
    env.filters["markdown"] = markdown
    env.filters["markdown_inline"] = markdown_inline
    return env


@cache
def _markdown() -> MarkdownIt:
    # CommonMark without raw HTML: a tag in a description is shown as text, never passed on;
    # markdown-it refuses javascript:, vbscript:, file: and data: links.
    return MarkdownIt("commonmark", {"html": False})


def markdown(text: str) -> markupsafe.Markup:
    """Markdown (named-query descriptions) as HTML, raw HTML in it escaped."""
    return markupsafe.Markup(_markdown().render(text))  # escaped by markdown-it


def markdown_inline(text: str) -> markupsafe.Markup:
    """One line of Markdown as inline HTML (no paragraph), raw HTML escaped."""
    return markupsafe.Markup(_markdown().renderInline(text))


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def server_path(iri: str, base_iri: str) -> str | None:
    """The path on our server that serves ``iri``, or None when it is not ours.

    ``{base}x`` → ``/x`` (non-ASCII characters percent-encoded, the fragment kept); the fixed
    ontology namespace is ours too (``/ontology``), whatever the base."""
    for prefix, root in ((base_iri, "/"), (str(ONTOLOGY_IRI), "/ontology")):
        if iri.startswith(prefix):
            path, hash_, fragment = iri[len(prefix):].partition("#")
            return quote(root + path, safe=PATH_SAFE) + hash_ + quote(fragment, safe=PATH_SAFE)
    return None


#: Schemes of foreign IRIs shown as links; others (``javascript:``, ``data:`` …) as text only.
LINK_SCHEMES = ("http:", "https:")


@dataclass
class Link:
    iri: str
    #: None for an IRI that is not ours and not http(s): it is shown, never linked
    href: str | None
    text: str
    #: the prefixed name or full IRI, shown beside a label
    name: str


@dataclass
class Value:
    link: Link | None = None
    literal: ox.Literal | None = None
    datatype: str | None = None
    rows: list[Row] | None = None  # a blank node, shown inline

    @property
    def long(self) -> bool:
        return self.literal is not None and len(self.literal.value) > 200


@dataclass
class Row:
    predicate: Link
    values: list[Value] = field(default_factory=list)


@dataclass
class Section:
    iri: str
    anchor: str
    title: str
    rows: list[Row]


@dataclass
class Highlight:
    source: Link
    before: str
    marked: str
    after: str


class Renderer(Labels):
    """Builds view models against one store (labels are looked up there, and cached)."""

    def __init__(
        self,
        store: ox.Store,
        base_iri: str,
        *,
        page_iri: str | None = None,
        labels_from: ox.Store | None = None,
    ) -> None:
        super().__init__(store, labels_from=labels_from)
        self.base_iri = base_iri
        self.page_iri = page_iri

    def link(self, iri: str, *, label_first: bool = True) -> Link:
        href = server_path(iri, self.base_iri)
        if href is None and iri.lower().startswith(LINK_SCHEMES):
            href = iri
        if self.page_iri and "#" in iri and document_iri(iri) == self.page_iri:
            href = "#" + iri.split("#", 1)[1]
        name = self.name(iri)
        label = self.label(iri) if label_first else None
        return Link(iri=iri, href=href, text=label or name, name=name)

    def value(self, term: Any, description: Description, depth: int = 0,
              predicate: str = "") -> Value:
        if isinstance(term, ox.NamedNode):
            return Value(link=self.link(term.value))
        if isinstance(term, ox.Literal) and predicate in RENDITION_TEXT:
            # words of the source rendition, shown without its Markdown markup (the data
            # formats of the page keep them exactly)
            words = ox.Literal(plain(term.value), language=term.language) if term.language \
                else ox.Literal(plain(term.value))
            return Value(literal=words)
        if isinstance(term, ox.Literal):
            datatype = term.datatype.value
            shown = None if term.language or datatype.endswith("#string") else self.name(datatype)
            return Value(literal=term, datatype=shown)
        if isinstance(term, ox.BlankNode) and depth < 5:
            return Value(rows=self.rows(term, description, depth + 1))
        return Value(literal=ox.Literal(str(term)))

    def rows(self, subject: Any, description: Description, depth: int = 0) -> list[Row]:
        grouped: dict[str, Row] = {}
        seen: set[tuple[str, str]] = set()
        for q in description.quads:
            if q.subject != subject or (str(q.predicate), str(q.object)) in seen:
                continue
            seen.add((str(q.predicate), str(q.object)))
            row = grouped.setdefault(q.predicate.value, Row(self.link(q.predicate.value)))
            row.values.append(self.value(q.object, description, depth, q.predicate.value))
        for row in grouped.values():
            row.values.sort(key=self._value_key)
        return [grouped[k] for k in sorted(grouped, key=lambda p: (p != str(RDF.type), p))]

    def _value_key(self, value: Value) -> tuple[Any, ...]:
        if value.link is not None:
            return (0, self.order_key(value.link.iri))
        if value.literal is not None:
            return (1, natural_key(value.literal.value))
        return (2, ())

    def sections(self, description: Description) -> list[Section]:
        out = []
        for subject in description.subjects():
            if not isinstance(subject, ox.NamedNode):
                continue  # blank nodes are shown inline
            anchor = subject.value.split("#", 1)[1] if "#" in subject.value else ""
            title = self.label(subject.value) or self.name(subject.value)
            out.append(Section(subject.value, anchor, title,
                               self.rows(subject, description)))
        return out

    def incoming(self, description: Description) -> list[tuple[Link, Link]]:
        pairs = {(q.subject.value, q.predicate.value) for q in description.incoming
                 if isinstance(q.subject, ox.NamedNode)}
        ordered = sorted(pairs, key=lambda sp: (sp[1], self.order_key(sp[0], precise=False)))
        return [(self.link(s), self.link(p)) for s, p in ordered]

    def evidence(self, iri: str) -> tuple[Highlight | None, list[dict[str, Any]]]:
        """The source text with the resource's own text span marked (``reskg:evidenceFor
        reskg:text``; for an annotation, its own span), and every piece of evidence with a
        little context."""
        highlight: Highlight | None = None
        listed: list[dict[str, Any]] = []
        texts: dict[str, str | None] = {}
        body = self._object(iri, OA.hasBody)
        if isinstance(body, ox.NamedNode):  # an annotation: its own span
            own = [ev for ev in evidence_for(self.store, body.value) if ev.annotation == iri]
            for ev in own:
                text = source_text(self.store, ev.source) if ev.source else None
                span = _span(ev, text)
                if span and text and ev.source:
                    highlight = Highlight(self.link(ev.source), plain(text[:span[0]]),
                                          plain(text[span[0]:span[1]]), plain(text[span[1]:]))
        for ev in evidence_for(self.store, iri):
            text = None
            if ev.source is not None:
                if ev.source not in texts:
                    texts[ev.source] = source_text(self.store, ev.source)
                text = texts[ev.source]
            span = _span(ev, text)
            if span and highlight is None and ev.property == str(RESKG.text) and text:
                start, end = span
                assert ev.source is not None
                highlight = Highlight(self.link(ev.source), plain(text[:start]),
                                      plain(text[start:end]), plain(text[end:]))
            listed.append({
                "annotation": self.link(ev.annotation, label_first=False),
                "property": self.link(ev.property) if ev.property else None,
                "before": plain(text[max(0, span[0] - CONTEXT_CHARS):span[0]])
                if span and text else "",
                "marked": plain(text[span[0]:span[1]] if span and text else (ev.exact or "")),
                "after": plain(text[span[1]:span[1] + CONTEXT_CHARS]) if span and text else "",
            })
        return highlight, listed

    def titles(self, iri: str) -> list[ox.Literal]:
        """Every label of ``iri`` in ru or en (or untagged), for the page heading."""
        found = []
        for p in LABEL_PREDICATES:
            for q in self.store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(p), None):
                obj = q.object
                if isinstance(obj, ox.Literal) and (obj.language or "ru")[:2] in ("ru", "en"):
                    if obj not in found:
                        found.append(obj)
        return found


def _span(ev: Evidence, text: str | None) -> tuple[int, int] | None:
    if ev.start is None or ev.end is None or text is None:
        return None
    if not 0 <= ev.start <= ev.end <= len(text):
        return None
    return ev.start, ev.end
