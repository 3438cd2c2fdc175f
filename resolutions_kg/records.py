"""Plain records: what a loader extracts from one resolution, with no RDF in sight.

A loader (``resolutions_kg.loaders``) turns a file into a :class:`Resolution`; the mapper
(``resolutions_kg.mapping``) turns that into triples. Every extracted fact carries the
:class:`Span` of the words it came from in :attr:`SourceText.text` — the fixed plain-text
rendition of the input — counted in Unicode code points as Python counts them, so that
``source.text[span.start:span.end]`` is the quoted evidence.

Labels are normalised (nominative case, one space between words); the source form is whatever
the span covers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

T = TypeVar("T")

#: How a cohort or an event took part.
AttendanceMode = Literal["online", "offline", "mixed"]

#: What a participant count counts.
CountedUnit = Literal[
    "person", "library", "library-system", "organisation", "city", "region", "country"
]


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of code points in the source rendition."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")


@dataclass(frozen=True)
class Certainty:
    """How sure the loader is of a fact (0–1) and how it found it.

    Facts found by an unambiguous pattern have :data:`PATTERN`; where the loader chose among
    candidates or fell back, it says so («adoption line (no other date of the event)», 0.6).
    Below :data:`UNCERTAIN` a fact is uncertain: listed in the load's warnings and by the named
    query ``uncertain-facts``."""

    confidence: float
    method: str
    #: Set when a curator asserted the fact (``<name>.corrections.yaml``): who, why, and the
    #: value the loader had extracted.
    correction: Correction | None = None


@dataclass(frozen=True)
class Correction:
    """A fact a curator asserted, replaced or removed (``resolutions_kg.curation``)."""

    #: The stable key: «recommendation 5 addressee», «event place», «participants».
    key: str
    #: The key without its item number: «recommendation addressee» (counts per field).
    field: str
    action: Literal["assert", "replace", "remove"]
    curator: str
    #: The corrections file (name only) and the line the correction starts on.
    file: str
    line: int
    note: str | None = None
    date: dt.date | None = None
    #: The value the loader extracted (a label, date or number), None when it found none.
    original: object | None = None
    #: The value the curator gave (None for a removal).
    value: object | None = None


@dataclass(frozen=True)
class Curation:
    """The corrections applied to one document, and the file they came from."""

    file: str
    #: sha256 of the corrections file's bytes (a changed file reloads the document).
    sha256: str
    corrections: tuple[Correction, ...] = ()


PATTERN = Certainty(0.9, "pattern")
UNCERTAIN = 0.8


@dataclass(frozen=True)
class Spanned(Generic[T]):
    """A value with the span of text it was read from, and how sure the loader is of it."""

    value: T
    span: Span
    certainty: Certainty = PATTERN


@dataclass(frozen=True)
class SourceText:
    """The fixed plain-text rendition of one input file, which every span points into."""

    #: The file name as given (no folders), used for messages and ``dct:source``.
    name: str
    #: The media type of the original input (``text/plain``, ``text/markdown``, ``text/html``,
    #: ``application/vnd.openxmlformats-officedocument.wordprocessingml.document``).
    media_type: str
    #: The rendition: decoded, BOM removed, line endings ``\n``; markup removed for HTML/DOCX.
    text: str
    #: sha256 of the original bytes of the file.
    original_sha256: str
    #: The encoding the original was decoded from.
    encoding: str = "utf-8"

    @property
    def sha256(self) -> str:
        """sha256 of the rendition encoded as UTF-8 (what the offsets refer to)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def quote(self, span: Span) -> str:
        return self.text[span.start : span.end]


@dataclass(frozen=True)
class OrganisationMention:
    """An organisation named in the text, e.g. an organiser or an addressee."""

    #: Nominative name: «исполнительная дирекция Союза городов Центра и Северо-Запада России».
    name: Spanned[str]
    #: Coarse kind if recognisable: "library", "library-system", "government-body",
    #: "association", "union-of-cities", "unit", "university", "museum", "archive", or None.
    kind: str | None = None
    #: The organisation this one is a unit of (an executive directorate of a union …).
    parent: OrganisationMention | None = None
    #: Nominative city the organisation belongs to, when the name says so («… города Твери»).
    city: str | None = None


@dataclass(frozen=True)
class Cohort:
    """A group of participants known only as a description and perhaps a count."""

    #: Nominative description: «муниципальные библиотеки Твери и Тверской области».
    label: Spanned[str]
    count: int | None = None
    #: True when the text gives a lower bound («более ста» → 100, at least).
    count_is_minimum: bool = False
    unit: CountedUnit | None = None
    mode: AttendanceMode | None = None
    #: Nominative names of places the cohort comes from («Тверь», «Тверская область»).
    places: tuple[str, ...] = ()
    #: A named organisation the cohort stands for (e.g. «ЦБС Выборга»), if any.
    organisation: OrganisationMention | None = None


@dataclass(frozen=True)
class Addressee:
    """Whom a recommendation or proposal is addressed to."""

    #: Nominative label: «органы местного самоуправления».
    label: str
    #: Where the addressee is named (heading, inline «Рекомендовать …:», or the item's opening).
    span: Span
    #: Set when the addressee is one named organisation rather than a class of agents.
    organisation: OrganisationMention | None = None
    certainty: Certainty = PATTERN


@dataclass(frozen=True)
class Recommendation:
    #: 1-based, document order across the whole resolution.
    position: int
    #: Verbatim text of the item, without its list marker.
    text: Spanned[str]
    addressee: Addressee | None = None
    #: Lemma of the verb that opens the item: «сохранить», «учитывать».
    action: Spanned[str] | None = None
    #: Keys of concepts in the topic scheme (``ontology/topics.ttl``), e.g. "digitisation".
    topics: tuple[str, ...] = ()
    #: The label of the item as printed («1.1», «а», «3»), if it had one.
    label: str | None = None


@dataclass(frozen=True)
class PlannedEvent:
    """A follow-up event a proposal plans («очередную конференцию … в 2014 г.»)."""

    kind: Spanned[str]
    year: Spanned[int] | None = None


@dataclass(frozen=True)
class Proposal:
    """A closing proposal outside the list of recommendations."""

    position: int
    text: Spanned[str]
    addressee: Addressee | None = None
    planned_event: PlannedEvent | None = None


@dataclass(frozen=True)
class Statement:
    """A statement of the participants («Участники конференции отмечают, что …»)."""

    position: int
    text: Spanned[str]


@dataclass(frozen=True)
class Event:
    #: Nominative kind alone: «конференция», «круглый стол», «семинар-совещание».
    kind: Spanned[str]
    title: Spanned[str] | None = None
    #: Nominative qualifiers: («межрегиональная», «научно-практическая»).
    qualifiers: tuple[str, ...] = ()
    #: Ordinal number of the event in its series (XI → 11).
    ordinal: int | None = None
    #: Nominative place name: «Тверь», «Великий Новгород».
    place: Spanned[str] | None = None
    #: Nominative country name, when given after the city.
    country: str | None = None
    start: Spanned[dt.date] | None = None
    end: Spanned[dt.date] | None = None
    organisers: tuple[OrganisationMention, ...] = ()
    supporters: tuple[OrganisationMention, ...] = ()
    participants: Spanned[int] | None = None
    participants_is_minimum: bool = False
    cohorts: tuple[Cohort, ...] = ()
    #: Topics discussed, as printed (nominative where normalisable).
    topics: tuple[Spanned[str], ...] = ()


@dataclass(frozen=True)
class Resolution:
    source: SourceText
    #: Nominative document type: «резолюция», «рекомендации», «итоговый документ» …
    document_type: Spanned[str]
    event: Event
    #: The heading as printed («Резолюция конференции «…»»).
    heading: Spanned[str] | None = None
    is_draft: bool = False
    adopted: Spanned[dt.date] | None = None
    #: Set when the text says how it was adopted («единогласно»).
    adopted_unanimously: bool = False
    statements: tuple[Statement, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    #: What the loader noticed is missing or odd; never fatal.
    warnings: tuple[str, ...] = field(default=())
    #: The curator's corrections applied after extraction, if the document has a file of them.
    curation: Curation | None = None
