"""The project gazetteer: the places resolutions name, as ``schema:Place`` resources.

``ontology/places.csv`` (format in ``docs/registry.md``) is seeded from the shared
``gazetteer/places.csv`` and keeps its evidence column and, for every Wikidata and GeoNames ID,
how many independent public sources it was seen in. Places the corpus names that the shared file
lacks are added without IDs. A place is a city, a region or the country, each lying in the next
(its parent)::

    gazetteer = default_gazetteer()
    gazetteer.resolve("г. Тверь").slug        # 'tver'; so do «Твери», «Тверь», «городе Твери»
    gazetteer.iri(place, Minter(base_iri))    # {base}place/{slug}

The gazetteer builds no RDF (the loader reads names from it): its graph, ``{base}graph/places``,
is :func:`resolutions_kg.reference.reference_graphs`'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from resolutions_kg.iris import Minter
from resolutions_kg.names import NameIndex, normal_name
from resolutions_kg.tables import WIKIDATA, WIKIDATA_ID, Row, check_parents, package_file, read_rows

GAZETTEER_FILE = "places.csv"
COLUMNS = ("slug", "name_ru", "name_en", "kind", "parent", "aliases", "wikidata", "geonames",
           "wikidata_sources", "geonames_sources", "evidence")

#: The kinds of place (their classes: :data:`resolutions_kg.reference.PLACE_CLASSES`).
KINDS = ("city", "region", "country")

GEONAMES = "https://sws.geonames.org/"
GEONAMES_ID = re.compile(r"^[1-9][0-9]*$")
_COUNT = re.compile(r"^[1-9][0-9]?$")
#: Words that may open a place name and are not part of it («г. Тверь», «городе Твери»).
_SETTLEMENT_WORDS = frozenset("город города городе городу городом".split())


@dataclass(frozen=True)
class Place:
    """One row of the gazetteer."""

    slug: str
    name_ru: str
    kind: str
    name_en: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    geonames: str | None = None
    wikidata_sources: int | None = None
    geonames_sources: int | None = None
    evidence: str | None = None
    line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name_ru, *self.aliases)

    @property
    def wikidata_iri(self) -> str | None:
        return WIKIDATA + self.wikidata if self.wikidata else None

    @property
    def geonames_iri(self) -> str | None:
        """``https://sws.geonames.org/{id}/`` (with the trailing slash GeoNames uses)."""
        return f"{GEONAMES}{self.geonames}/" if self.geonames else None


class Gazetteer:
    """The places of the gazetteer file, by slug and by name."""

    def __init__(self, places: Iterable[Place], index: NameIndex) -> None:
        self._by_slug = {p.slug: p for p in places}
        self._index = index

    def __iter__(self) -> Iterator[Place]:
        return iter(self._by_slug.values())

    def __len__(self) -> int:
        return len(self._by_slug)

    def __contains__(self, slug: object) -> bool:
        return slug in self._by_slug

    def get(self, slug: str) -> Place:
        return self._by_slug[slug]

    def resolve(self, name: str) -> Place | None:
        """The place ``name`` names («Твери», «г. Тверь», «Тверская обл.»), or None."""
        tokens = normal_name(name).split()
        if len(tokens) > 1 and tokens[0] in _SETTLEMENT_WORDS:
            tokens = tokens[1:]
        slug = self._index.find(" ".join(tokens))
        return self._by_slug[slug] if slug is not None else None

    def iri(self, place: Place, minter: Minter) -> str:
        """``{base}place/{slug}``."""
        return minter.place(place.slug)

    def iris(self, minter: Minter) -> set[str]:
        return {self.iri(p, minter) for p in self}

    def containers(self, place: Place) -> list[Place]:
        """The places ``place`` lies in, nearest first (city → region → country)."""
        out: list[Place] = []
        while place.parent is not None:
            place = self.get(place.parent)
            out.append(place)
        return out


def _count(row: Row, column: str, identifier: str | None) -> int | None:
    value = row.optional(column)
    if value is None:
        return None
    if not _COUNT.match(value):
        raise row.error(f"{column}: {value!r} is not a positive number of sources")
    if identifier is None:
        raise row.error(f"{column} is given but the ID it counts sources for is empty")
    return int(value)


def _place(row: Row) -> Place:
    slug = row.slug()
    name_ru = row.required("name_ru")
    kind = row.required("kind")
    if kind not in KINDS:
        raise row.error(f"kind {kind!r} is not one of: {', '.join(KINDS)}")
    wikidata = row.checked("wikidata", WIKIDATA_ID, "a Wikidata item ID (Q followed by digits)")
    geonames = row.checked("geonames", GEONAMES_ID, "a GeoNames ID (digits)")
    return Place(
        slug=slug, name_ru=name_ru, kind=kind, name_en=row.optional("name_en"),
        parent=row.optional("parent"), aliases=row.aliases(), wikidata=wikidata,
        geonames=geonames, wikidata_sources=_count(row, "wikidata_sources", wikidata),
        geonames_sources=_count(row, "geonames_sources", geonames),
        evidence=row.optional("evidence"), line=row.line,
    )


def load_gazetteer(path: str | Path) -> Gazetteer:
    """Read and check the whole gazetteer file; raises
    :class:`~resolutions_kg.registry.RegistryError` on the first bad row."""
    rows = read_rows(path, COLUMNS)
    places: dict[str, Place] = {}
    index = NameIndex(str(path))
    for row in rows:
        place = _place(row)
        if place.slug in places:
            first = places[place.slug].line
            raise row.error(f"duplicate slug {place.slug!r} (first on line {first})")
        places[place.slug] = place
        for name in place.names:
            index.add(name, place.slug, row.line)
    check_parents((p.slug, p.parent, r) for p, r in zip(places.values(), rows, strict=True))
    return Gazetteer(places.values(), index)


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the package (read and checked once per process)."""
    return load_gazetteer(package_file(GAZETTEER_FILE))
