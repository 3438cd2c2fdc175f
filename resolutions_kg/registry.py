"""The organisations registry: one entry per organisation the resolutions name.

The registry is a CSV file shipped with the ontology (``ontology/organisations.csv``, format in
``docs/registry.md``): a stable slug per organisation, its names in Russian and English, aliases,
its kind, the organisation it is a unit of, its city (a slug of the project gazetteer,
:mod:`resolutions_kg.gazetteer`) and the external identifiers we are sure of (Wikidata, ISIL,
VIAF, website). :func:`load_registry` validates the whole file before returning anything: a bad
row raises :class:`RegistryError` with the file and row number, and nothing is half-loaded.

Mentions resolve by name (:mod:`resolutions_kg.names`): :meth:`Registry.resolve` matches the
normalised name (case, «ё», quotes, punctuation and common abbreviations folded), then the
phrase's lemmas, so the inflected forms a resolution uses («Администрацией города Твери») find
the nominative entry («администрация города Твери») without listing them::

    registry = default_registry()
    org = registry.resolve("Российской библиотечной ассоциации")   # → rossiiskaya-…-assotsiatsiya
    iri = registry.iri(org, Minter(base_iri))                     # {base}organisation/{slug}

The registry builds no RDF (the loader reads names from it): its graph,
``{base}graph/organisations``, is :func:`resolutions_kg.reference.reference_graphs`'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from resolutions_kg.errors import RegistryError
from resolutions_kg.gazetteer import Gazetteer, default_gazetteer
from resolutions_kg.iris import Minter
from resolutions_kg.names import NameIndex
from resolutions_kg.tables import WIKIDATA_ID, Row, check_parents, package_file, read_rows

__all__ = ["COLUMNS", "KINDS", "REGISTRY_FILE", "Organisation", "Registry", "RegistryError",
           "default_registry", "load_registry"]

REGISTRY_FILE = "organisations.csv"
COLUMNS = ("slug", "name_ru", "name_en", "kind", "parent", "city", "aliases", "wikidata", "isil",
           "viaf", "website")

#: The kinds of organisation (their classes: :data:`resolutions_kg.reference.ORGANISATION_CLASSES`).
KINDS = ("library", "library-system", "government-body", "association", "union-of-cities",
         "university", "museum", "archive", "unit")

#: ISO 15511: a country prefix, a hyphen, up to 11 characters of the library's identifier.
ISIL = re.compile(r"^[A-Z]{2}-[A-Za-z0-9:/.-]{1,11}$")
VIAF_ID = re.compile(r"^[1-9][0-9]{0,21}$")
WEBSITE = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


@dataclass(frozen=True)
class Organisation:
    """One row of the registry."""

    slug: str
    name_ru: str
    kind: str
    name_en: str | None = None
    parent: str | None = None
    city: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    isil: str | None = None
    viaf: str | None = None
    website: str | None = None
    line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name_ru, *self.aliases)


class Registry:
    """The organisations of the registry file, by slug and by name."""

    def __init__(self, organisations: Iterable[Organisation], index: NameIndex) -> None:
        self._by_slug = {o.slug: o for o in organisations}
        self._index = index

    def __iter__(self) -> Iterator[Organisation]:
        return iter(self._by_slug.values())

    def __len__(self) -> int:
        return len(self._by_slug)

    def __contains__(self, slug: object) -> bool:
        return slug in self._by_slug

    def get(self, slug: str) -> Organisation:
        return self._by_slug[slug]

    def resolve(self, name: str) -> Organisation | None:
        """The organisation ``name`` names (any case, inflected, an alias), or None."""
        slug = self._index.find(name)
        return self._by_slug[slug] if slug is not None else None

    def iri(self, org: Organisation, minter: Minter) -> str:
        """``{base}organisation/{slug}``."""
        return minter.organisation(org.slug)

    def iris(self, minter: Minter) -> set[str]:
        return {self.iri(o, minter) for o in self}


def _organisation(row: Row, gazetteer: Gazetteer | None) -> Organisation:
    slug = row.slug()
    name_ru = row.required("name_ru")
    kind = row.required("kind")
    if kind not in KINDS:
        raise row.error(f"kind {kind!r} is not one of: {', '.join(KINDS)}")
    parent = row.optional("parent")
    if kind == "unit" and parent is None:
        raise row.error("a unit needs the slug of the organisation it is a unit of (parent)")
    city = row.optional("city")
    if city is not None and gazetteer is not None and city not in gazetteer:
        raise row.error(f"city {city!r} is not a slug of the gazetteer")
    return Organisation(
        slug=slug, name_ru=name_ru, kind=kind, name_en=row.optional("name_en"), parent=parent,
        city=city, aliases=row.aliases(), line=row.line,
        wikidata=row.checked("wikidata", WIKIDATA_ID, "a Wikidata item ID (Q followed by digits)"),
        isil=row.checked("isil", ISIL, "an ISIL (country prefix, '-', up to 11 characters)"),
        viaf=row.checked("viaf", VIAF_ID, "a VIAF ID (digits)"),
        website=row.checked("website", WEBSITE, "an http(s) URL"),
    )


def load_registry(path: str | Path, *, gazetteer: Gazetteer | None = None) -> Registry:
    """Read and check the whole registry file; raises :class:`RegistryError` on the first bad
    row. City slugs are checked against ``gazetteer`` when one is given."""
    rows = read_rows(path, COLUMNS)
    orgs: dict[str, Organisation] = {}
    index = NameIndex(str(path))
    for row in rows:
        org = _organisation(row, gazetteer)
        if org.slug in orgs:
            raise row.error(f"duplicate slug {org.slug!r} (first on line {orgs[org.slug].line})")
        orgs[org.slug] = org
        for name in org.names:
            index.add(name, org.slug, row.line)
    check_parents((o.slug, o.parent, r) for o, r in zip(orgs.values(), rows, strict=True))
    return Registry(orgs.values(), index)


@cache
def default_registry() -> Registry:
    """The registry shipped with the package (read and checked once per process)."""
    return load_registry(package_file(REGISTRY_FILE), gazetteer=default_gazetteer())
