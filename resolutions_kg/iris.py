"""Minting IRIs: the one place that decides what our resources are called.

IRIs are slash IRIs under a configurable base, built from stable keys (transliterated, lowercase,
hyphenated), deterministically: the same record always yields the same IRIs. The URI patterns are
documented in ``docs/model.md`` and in the README.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from resolutions_kg.errors import SettingsError
from resolutions_kg.records import Resolution
from resolutions_kg.settings import DEFAULT_BASE_IRI

#: Russian → Latin, a simplified BGN/PCGN scheme without diacritics.
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "і": "i", "ї": "yi", "є": "ye", "ў": "u",
}  # fmt: skip

#: An absolute http(s) IRI with no query, fragment or characters that IRIs forbid.
_BASE_IRI = re.compile(r"^https?://[^\s/?#<>\"{}|\\^`]+(/[^\s?#<>\"{}|\\^`]*)?$")

#: Longest slug made from a title (cut at a word boundary).
MAX_TITLE_SLUG = 48


def transliterate(text: str) -> str:
    """Lowercase Latin transliteration of ``text`` (other letters folded to ASCII)."""
    out = []
    for ch in text.lower():
        if ch in _TRANSLIT:
            out.append(_TRANSLIT[ch])
        else:
            out.append(unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode())
    return "".join(out)


def slugify(text: str, *, max_length: int | None = None) -> str:
    """A readable, stable slug: ``"Библиотеки и общество"`` → ``"biblioteki-i-obshchestvo"``."""
    slug = re.sub(r"[^a-z0-9]+", "-", transliterate(text)).strip("-")
    if max_length is not None and len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
    return slug or "x"


def unique_slug(text: str, *, max_length: int = 80) -> str:
    """:func:`slugify`, and where the slug is cut short, a hash of the whole slug after it, so
    that two long names that share their first words never share an IRI."""
    full = slugify(text)
    if len(full) <= max_length:
        return full
    digest = hashlib.sha256(full.encode()).hexdigest()[:8]
    return f"{slugify(text, max_length=max_length - 9)}-{digest}"


def check_base_iri(base_iri: str) -> str:
    """The base IRI, checked: absolute http(s), ending in ``/``."""
    if not _BASE_IRI.match(base_iri):
        raise SettingsError(f"base IRI {base_iri!r} must be an absolute http(s) IRI")
    if not base_iri.endswith("/"):
        raise SettingsError(f"base IRI {base_iri!r} must end with '/'")
    return base_iri


def document_slug(resolution: Resolution) -> str:
    """``{place}-{year}-{title words}``; without a title ``{place}-{year}-{kind}-{MM-DD}`` (the
    event's first day); ``-obrashchenie`` after an appeal's; the file name for what is
    missing."""
    event = resolution.event
    parts: list[str] = []
    if event.place is not None:
        parts.append(slugify(event.place.value))
    year = _year(resolution)
    if year is not None:
        parts.append(str(year))
    if event.title is not None:
        parts.append(slugify(event.title.value, max_length=MAX_TITLE_SLUG))
    else:
        parts.append(slugify(event.kind.value))
        if event.start is not None:
            # two untitled events of one kind in one town and year («заседание совета» in May
            # and in November) never share an IRI: the day tells them apart
            parts.append(event.start.value.strftime("%m-%d"))
    if resolution.document_type.value == "обращение":
        # an appeal and the resolution (or decision) of the same meeting are two documents
        parts.append(slugify(resolution.document_type.value))
    if len(parts) < 3:
        stem = resolution.source.name.rsplit(".", 1)[0]
        parts.append(slugify(stem, max_length=MAX_TITLE_SLUG))
    return "-".join(parts)


def _year(resolution: Resolution) -> int | None:
    for spanned in (resolution.event.start, resolution.adopted, resolution.event.end):
        if spanned is not None:
            return spanned.value.year
    return None


@dataclass(frozen=True)
class Minter:
    """Mints every IRI of the dataset under ``base_iri``."""

    base_iri: str = DEFAULT_BASE_IRI

    def __post_init__(self) -> None:
        check_base_iri(self.base_iri)

    def _iri(self, *parts: str | int) -> str:
        return self.base_iri + "/".join(str(p) for p in parts)

    # dataset-wide resources
    def dataset(self) -> str:
        return self._iri("dataset")

    def graph(self, name: str) -> str:
        """``ontology``, ``shapes``, ``reference``, ``meta`` or a document slug."""
        return self._iri("graph", name)

    def organisation(self, name: str) -> str:
        return self._iri("organisation", unique_slug(name))

    def place(self, name: str) -> str:
        return self._iri("place", slugify(name))

    def audience(self, label: str) -> str:
        return self._iri("audience", unique_slug(label))

    def audience_scheme(self) -> str:
        return self._iri("scheme", "audiences")

    def topic(self, key: str) -> str:
        return self._iri("topic", key)

    def document_type(self, label: str) -> str:
        return self._iri("document-type", slugify(label))

    def event_kind(self, label: str) -> str:
        return self._iri("event-kind", slugify(label))

    def unit(self, key: str) -> str:
        return self._iri("unit", key)

    def person(self, name: str) -> str:
        """A curator (``<name>.corrections.yaml``), by name."""
        return self._iri("person", unique_slug(name))

    # per-document resources
    def resolution(self, doc: str) -> str:
        return self._iri("resolution", doc)

    def recommendation(self, doc: str, n: int) -> str:
        return self._iri("resolution", doc, "recommendation", n)

    def proposal(self, doc: str, n: int) -> str:
        return self._iri("resolution", doc, "proposal", n)

    def statement(self, doc: str, n: int) -> str:
        return self._iri("resolution", doc, "statement", n)

    def event(self, doc: str) -> str:
        return self._iri("event", doc)

    def cohort(self, doc: str, n: int) -> str:
        return self._iri("event", doc, "cohort", n)

    def association(self, doc: str, n: int) -> str:
        return self._iri("event", doc, "cohort", n, "association")

    def discussed_topic(self, doc: str, n: int) -> str:
        return self._iri("event", doc, "topic", n)

    def discussed_scheme(self, doc: str) -> str:
        return self._iri("event", doc, "topics")

    def planned_event(self, doc: str, n: int) -> str:
        return self._iri("event", doc, "planned", n)

    def source(self, doc: str) -> str:
        return self._iri("source", doc)

    def evidence(self, doc: str, key: str) -> str:
        return self._iri("source", doc, "evidence", key)

    def correction(self, doc: str, key: str) -> str:
        """A curator's correction of the fact with the stable ``key`` («event place»)."""
        return self._iri("source", doc, "correction", slugify(key))
