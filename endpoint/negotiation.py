"""Content negotiation: which serialisation answers a request.

Two closed tables of formats, each knowing its media type, the other media types clients use for
it, and the short names accepted by the ``format=`` parameter:

- :class:`ResultsFormat` for ``SELECT`` and ``ASK`` results (JSON, XML, CSV, TSV);
- :class:`GraphFormat` for ``CONSTRUCT`` and ``DESCRIBE`` results and Graph Store bodies
  (Turtle, N-Triples, JSON-LD, RDF/XML, TriG, N-Quads).

:func:`negotiate` picks, from an ``Accept`` header with q-values (RFC 9110 §12.5.1: the most
specific matching range decides a format's quality; ties go to the table's order, which is the
server's preference), the best format of a table, or ``None`` when nothing fits (the caller answers
406). :func:`by_name` resolves a ``format=`` override (a short name or a media type).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import pyoxigraph


@dataclass(frozen=True)
class MediaRange:
    """One element of an Accept header."""

    type: str
    subtype: str
    q: float
    params: tuple[tuple[str, str], ...] = ()

    def matches(self, media_type: str) -> int:
        """How specifically this range matches ``media_type``: -1 no match, 0 ``*/*``, 1 ``t/*``,
        2 exact."""
        kind, _, sub = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != kind:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == sub else -1


def parse_accept(header: str | None) -> list[MediaRange]:
    """Parse an Accept header; a missing or empty header means ``*/*``. Malformed elements are
    skipped, as browsers and proxies do."""
    if not header or not header.strip():
        return [MediaRange("*", "*", 1.0)]
    ranges: list[MediaRange] = []
    for element in header.split(","):
        media, *raw_params = (part.strip() for part in element.split(";"))
        kind, slash, sub = media.lower().partition("/")
        if not slash or not kind or not sub:
            continue
        q = 1.0
        params: list[tuple[str, str]] = []
        for raw in raw_params:
            name, _, value = raw.partition("=")
            name = name.strip().lower()
            value = value.strip().strip('"')
            if name == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
            elif name:
                params.append((name, value))
        ranges.append(MediaRange(kind, sub, q, tuple(params)))
    return ranges


def media_type_of(content_type: str | None) -> tuple[str, dict[str, str]]:
    """Split a Content-Type header into its lowercase media type and parameters."""
    if not content_type:
        return "", {}
    media, *raw = (part.strip() for part in content_type.split(";"))
    params = {}
    for item in raw:
        name, _, value = item.partition("=")
        params[name.strip().lower()] = value.strip().strip('"')
    return media.lower(), params


class _Format(enum.Enum):
    """Members carry (short names, media types); the first media type is the one we send."""

    @property
    def names(self) -> tuple[str, ...]:
        return self.value[0]

    @property
    def media_types(self) -> tuple[str, ...]:
        return self.value[1]

    @property
    def media_type(self) -> str:
        """The media type we answer with."""
        return self.media_types[0]

    @property
    def content_type(self) -> str:
        """The Content-Type header value: every format we write is UTF-8 text."""
        return f"{self.media_type}; charset=utf-8"


class ResultsFormat(_Format):
    """Serialisations of SELECT and ASK results, in order of server preference."""

    JSON = (("json", "srj"), ("application/sparql-results+json", "application/json"))
    XML = (("xml", "srx"), ("application/sparql-results+xml", "application/xml", "text/xml"))
    CSV = (("csv",), ("text/csv",))
    TSV = (("tsv",), ("text/tab-separated-values",))

    @property
    def pyoxigraph(self) -> pyoxigraph.QueryResultsFormat:
        return getattr(pyoxigraph.QueryResultsFormat, self.name)  # type: ignore[no-any-return]


class GraphFormat(_Format):
    """Serialisations of RDF graphs and datasets, in order of server preference."""

    # Turtle is valid N3, so clients asking for N3 (SPARQLWrapper's format=n3) get Turtle.
    TURTLE = (
        ("ttl", "turtle", "n3"),
        ("text/turtle", "application/x-turtle", "application/turtle", "text/n3", "text/rdf+n3"),
    )
    N_TRIPLES = (("nt", "ntriples", "n-triples"), ("application/n-triples", "text/plain"))
    JSON_LD = (("jsonld", "json-ld", "json"), ("application/ld+json", "application/json"))
    RDF_XML = (("rdfxml", "rdf", "xml"), ("application/rdf+xml", "application/xml", "text/xml"))
    TRIG = (("trig",), ("application/trig",))
    N_QUADS = (("nq", "nquads", "n-quads"), ("application/n-quads",))

    @property
    def pyoxigraph(self) -> pyoxigraph.RdfFormat:
        return getattr(pyoxigraph.RdfFormat, self.name)  # type: ignore[no-any-return]

    @property
    def supports_datasets(self) -> bool:
        return self in (GraphFormat.TRIG, GraphFormat.N_QUADS, GraphFormat.JSON_LD)

    @classmethod
    def from_content_type(cls, content_type: str | None) -> GraphFormat | None:
        """The format of a request body, or None when we cannot read it."""
        media, _ = media_type_of(content_type)
        for fmt in cls:
            if media in fmt.media_types:
                return fmt
        return None


F = TypeVar("F", bound=_Format)


def negotiate(accept: str | None | Sequence[MediaRange], formats: Iterable[F]) -> F | None:
    """The best of ``formats`` for an Accept header (or its parsed ranges), None if none fits."""
    ranges = parse_accept(accept) if accept is None or isinstance(accept, str) else accept
    best: F | None = None
    best_q = 0.0
    for fmt in formats:
        q = _quality(ranges, fmt.media_types)
        if q > best_q:
            best, best_q = fmt, q
    return best


def _quality(ranges: Sequence[MediaRange], media_types: Sequence[str]) -> float:
    quality = 0.0
    for media_type in media_types:
        specificity, q = -1, 0.0
        for r in ranges:
            s = r.matches(media_type)
            if s > specificity:
                specificity, q = s, r.q
            elif s == specificity and s >= 0:
                q = max(q, r.q)
        # An alias (e.g. text/plain for N-Triples) only counts when named explicitly.
        if media_type != media_types[0] and specificity < 2:
            continue
        quality = max(quality, q if specificity >= 0 else 0.0)
    return quality


def by_name(name: str, formats: Iterable[F]) -> F | None:
    """The format a ``format=`` value names: a short name or one of its media types."""
    key = name.strip().lower()
    for fmt in formats:
        if key in fmt.names or key in fmt.media_types:
            return fmt
    return None


def short_names(formats: Iterable[_Format]) -> list[str]:
    return [name for fmt in formats for name in fmt.names]
