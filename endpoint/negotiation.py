"""Content negotiation: which serialisation answers a request.

The formats are the two tables of :mod:`resolutions_kg.formats`, each row knowing its media type,
the other media types clients use for it, and the short names accepted by the ``format=``
parameter: ``ResultsFormat`` for ``SELECT`` and ``ASK`` results (JSON, XML, CSV, TSV), ``RdfFormat``
for ``CONSTRUCT`` and ``DESCRIBE`` results, Graph Store bodies and linked-data descriptions
(Turtle, N-Triples, JSON-LD, RDF/XML, TriG, N-Quads).

:func:`negotiate` picks, from an ``Accept`` header with q-values (RFC 9110 §12.5.1: the most
specific matching range decides a format's quality; ties go to the table's order, which is the
server's preference), the best format of a table, or ``None`` when nothing fits (the caller answers
406). :func:`by_name` resolves a ``format=`` override (a short name or a media type).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from resolutions_kg.formats import MediaFormat, RdfFormat


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


def body_format(content_type: str | None) -> RdfFormat | None:
    """The RDF format of a request body by its Content-Type, or None when we cannot read it."""
    media, _ = media_type_of(content_type)
    return next((fmt for fmt in RdfFormat if media in fmt.media_types), None)


F = TypeVar("F", bound=MediaFormat)


def negotiate(accept: str | None | Sequence[MediaRange], formats: Iterable[F]) -> F | None:
    """The best of ``formats`` for an Accept header (or its parsed ranges), None if none fits."""
    ranges = parse_accept(accept) if accept is None or isinstance(accept, str) else accept
    return _best(ranges, [(fmt, fmt.media_types) for fmt in formats])


T = TypeVar("T")


def _best(ranges: Sequence[MediaRange], candidates: Iterable[tuple[T, Sequence[str]]]) -> T | None:
    """The first candidate of the highest :func:`quality` above zero, by its media types."""
    best: T | None = None
    best_q = 0.0
    for candidate, media_types in candidates:
        q = quality(ranges, media_types)
        if q > best_q:
            best, best_q = candidate, q
    return best


#: The aliases of each RDF media type we send (``text/n3`` and ``application/x-turtle`` for
#: Turtle, …): an offer of the media type also answers a range that names one of them.
ALIASES: dict[str, tuple[str, ...]] = {f.media_type: tuple(f.media_types[1:]) for f in RdfFormat}


def negotiate_media_type(accept: str | None, offers: Sequence[str]) -> str | None:
    """The best of ``offers`` (media types) for an Accept header: q-values, the most specific
    range wins, ties go to the order of ``offers``; an RDF format's aliases count when named
    exactly and not offered themselves. None when none is acceptable. (:func:`negotiate` does
    the same for a table of formats.)"""
    return _best(parse_accept(accept), [
        (offer, (offer, *(a for a in ALIASES.get(offer, ()) if a not in offers)))
        for offer in offers])


def quality(ranges: Sequence[MediaRange], media_types: Sequence[str]) -> float:
    """How much ``ranges`` want what ``media_types`` name: the first is the one we send, the
    others its aliases, which count only when a range names them exactly."""
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


def short_names(formats: Iterable[MediaFormat]) -> list[str]:
    return [name for fmt in formats for name in fmt.names]
