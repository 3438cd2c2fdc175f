"""The organisations registry: one resource per organisation the resolutions name.

The registry is a CSV file shipped with the ontology (``ontology/organisations.csv``, format in
``docs/registry.md``): a stable slug per organisation, its names in Russian and English, aliases,
its kind, the organisation it is a unit of, its city (a slug of the project gazetteer,
:mod:`resolutions_kg.gazetteer`) and the external identifiers we are sure of (Wikidata, ISIL,
VIAF, website). :func:`load_registry` validates the whole file before returning anything: a bad
row raises :class:`RegistryError` with the file and row number, and nothing is half-loaded.

Mentions resolve by name: :meth:`Registry.resolve` matches the normalised name (case, «ё»,
quotes, punctuation and common abbreviations folded), then the phrase's lemmas, so the inflected
forms a resolution uses («Администрацией города Твери») find the nominative entry
(«администрация города Твери») without listing them::

    registry = default_registry()
    org = registry.resolve("Российской библиотечной ассоциации")   # → rossiiskaya-…-assotsiatsiya
    iri = registry.iri(org, Minter(base_iri))                     # {base}organisation/{slug}

:func:`reference_graphs` gives the triples of ``{base}graph/organisations`` and
``{base}graph/places`` for publishing.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import URIRef

from resolutions_kg.errors import RegistryError
from resolutions_kg.iris import Minter, slugify
from resolutions_kg.lemmas import analyzer
from resolutions_kg.namespaces import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

if TYPE_CHECKING:
    from resolutions_kg.gazetteer import Gazetteer

REGISTRY_FILE = "organisations.csv"
COLUMNS = ("slug", "name_ru", "name_en", "kind", "parent", "city", "aliases", "wikidata", "isil",
           "viaf", "website")

#: Kind → the classes an organisation of that kind gets (W3C ORG first, then schema.org).
KINDS: dict[str, tuple[URIRef, ...]] = {
    "library": (ORG.FormalOrganization, SCHEMA.Library),
    "library-system": (ORG.FormalOrganization, SCHEMA.Library),
    "government-body": (ORG.FormalOrganization, SCHEMA.GovernmentOrganization),
    "association": (ORG.FormalOrganization, SCHEMA.Organization),
    "union-of-cities": (ORG.FormalOrganization, SCHEMA.Organization),
    "university": (ORG.FormalOrganization, SCHEMA.CollegeOrUniversity),
    "museum": (ORG.FormalOrganization, SCHEMA.Museum),
    "archive": (ORG.FormalOrganization, SCHEMA.ArchiveOrganization),
    "unit": (ORG.OrganizationalUnit, SCHEMA.Organization),
}

WIKIDATA = "http://www.wikidata.org/entity/"
VIAF = "http://viaf.org/viaf/"

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")
#: ISO 15511: a country prefix, a hyphen, up to 11 characters of the library's identifier.
ISIL = re.compile(r"^[A-Z]{2}-[A-Za-z0-9:/.-]{1,11}$")
VIAF_ID = re.compile(r"^[1-9][0-9]{0,21}$")
WEBSITE = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


# --- names -------------------------------------------------------------------------------------

#: A word of a name: letters and digits, with inner hyphens («Северо-Запада», «№ 5» → «5»).
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_QUOTES = str.maketrans({c: " " for c in "«»\"“”„'()"})
#: Abbreviations written in names, expanded before matching.
_ABBREVIATIONS = {"им": "имени", "обл": "области", "г": "города", "гор": "города"}


def normal_name(text: str) -> str:
    """``text`` folded for matching: lowercase, «ё» → «е», no quotes or punctuation, common
    abbreviations («им.», «г.», «обл.») expanded, single spaces."""
    folded = text.lower().replace("ё", "е").translate(_QUOTES)
    tokens = [_ABBREVIATIONS.get(w, w) for w in _TOKEN.findall(folded)]
    return " ".join(tokens)


@lru_cache(maxsize=20_000)
def name_lemma(word: str) -> str:
    """The normal form of a word of a name: the adjective reading where there is one, since
    names are noun phrases of adjectives and nouns («Тверская» → «тверской», not the street)."""
    parses = analyzer().parse(word)
    chosen = next((p for p in parses if p.tag.POS == "ADJF"), parses[0] if parses else None)
    return chosen.normal_form.replace("ё", "е") if chosen is not None else word


def lemma_key(text: str) -> str:
    """The lemmas of ``text``'s words in order: the same for every case of a phrase."""
    return " ".join(name_lemma(w) for w in normal_name(text).split())


def name_keys(text: str) -> tuple[str, ...]:
    """The keys a name is indexed and looked up under (normalised form, then lemmas)."""
    return tuple(dict.fromkeys(k for k in (normal_name(text), lemma_key(text)) if k))


class NameIndex:
    """Names → slugs; a name that would point at two entries is an error of the file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._slugs: dict[str, str] = {}

    def add(self, name: str, slug: str, line: int) -> None:
        for key in name_keys(name):
            other = self._slugs.setdefault(key, slug)
            if other != slug:
                raise RegistryError(f"name {name!r} is ambiguous: it also names {other!r}",
                                    path=self.path, line=line)

    def find(self, name: str) -> str | None:
        for key in name_keys(name):
            if key in self._slugs:
                return self._slugs[key]
        return None


# --- reading and checking rows -----------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    """One data row of a registry file: its cells by column and its line number."""

    cells: Mapping[str, str]
    line: int
    path: str

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def optional(self, column: str) -> str | None:
        return self[column] or None

    def error(self, message: str) -> RegistryError:
        return RegistryError(message, path=self.path, line=self.line)

    def checked(self, column: str, pattern: re.Pattern[str], what: str) -> str | None:
        value = self.optional(column)
        if value is not None and not pattern.match(value):
            raise self.error(f"{column}: {value!r} is not {what}")
        return value

    def required(self, column: str) -> str:
        value = self[column]
        if not value:
            raise self.error(f"{column} is empty")
        return value

    def slug(self) -> str:
        value = self.required("slug")
        if not SLUG.match(value) or slugify(value, max_length=80) != value:
            raise self.error(f"slug {value!r} is not a lowercase ASCII slug (a-z, 0-9, '-')")
        return value

    def aliases(self) -> tuple[str, ...]:
        return tuple(a.strip() for a in self["aliases"].split("|") if a.strip())


def read_rows(path: str | Path, columns: Iterable[str]) -> list[Row]:
    """The data rows of the CSV file ``path`` (UTF-8, a header naming ``columns``)."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"cannot read: {exc}", path=name) from exc
    reader = csv.reader(text.splitlines(keepends=True))
    header = next(reader, None)
    if header is None:
        raise RegistryError("empty file (no header)", path=name, line=1)
    header = [h.strip() for h in header]
    missing = [c for c in columns if c not in header]
    if missing:
        raise RegistryError(f"header lacks column(s): {', '.join(missing)}", path=name, line=1)
    rows: list[Row] = []
    line = reader.line_num + 1
    for record in reader:
        if any(cell.strip() for cell in record):
            if len(record) > len(header):
                raise RegistryError(f"{len(record)} cells for {len(header)} columns",
                                    path=name, line=line)
            rows.append(Row(dict(zip(header, record, strict=False)), line, name))
        line = reader.line_num + 1
    return rows


def check_parents(rows: Iterable[tuple[str, str | None, Row]]) -> None:
    """Every parent slug exists, and following parents never loops."""
    table = list(rows)
    parents = {slug: parent for slug, parent, _ in table}
    for slug, parent, row in table:
        if parent is not None and parent not in parents:
            raise row.error(f"parent {parent!r} is not a slug of this file")
        seen = {slug}
        while parent is not None:
            if parent in seen:
                raise row.error(f"parent chain of {slug!r} loops back to {parent!r}")
            seen.add(parent)
            parent = parents.get(parent)


# --- RDF helpers -------------------------------------------------------------------------------

def node(iri: str | URIRef) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def lang(text: str, tag: str) -> ox.Literal:
    return ox.Literal(text, language=tag)


def triple(s: str, p: URIRef, o: ox.NamedNode | ox.Literal | str | URIRef) -> ox.Triple:
    obj = o if isinstance(o, ox.NamedNode | ox.Literal) else node(o)
    return ox.Triple(node(s), node(p), obj)


def labels(iri: str, name_ru: str, name_en: str | None, aliases: Iterable[str]) -> list[ox.Triple]:
    out = [triple(iri, SKOS.prefLabel, lang(name_ru, "ru")),
           triple(iri, RDFS.label, lang(name_ru, "ru"))]
    if name_en:
        out += [triple(iri, SKOS.prefLabel, lang(name_en, "en")),
                triple(iri, RDFS.label, lang(name_en, "en"))]
    out += [triple(iri, SKOS.altLabel, lang(alias, "ru")) for alias in aliases]
    return out


def link_key(target: str) -> str:
    """The last segment of a link node's IRI: ``wikidata-q2288``, ``geonames-480060``."""
    for prefix, name in ((WIKIDATA, "wikidata"), (VIAF, "viaf"),
                         ("https://sws.geonames.org/", "geonames")):
        if target.startswith(prefix):
            return f"{name}-{slugify(target[len(prefix):])}"
    return "iri-" + slugify(target, max_length=80)


def link_node(resource: str, target: str) -> str:
    """The IRI of the reified ``owl:sameAs`` link from ``resource`` to ``target``."""
    return f"{resource}/link/{link_key(target)}"


def same_as(resource: str, target: str, *, derived_from: str, comment: str | None = None,
            note: str | None = None) -> list[ox.Triple]:
    """``resource owl:sameAs target``, and a link node (``rdf:Statement``, ``prov:Entity``)
    saying where the link comes from."""
    link = link_node(resource, target)
    out = [
        triple(resource, OWL.sameAs, target),
        triple(link, RDF.type, RDF.Statement),
        triple(link, RDF.type, PROV.Entity),
        triple(link, RDF.subject, resource),
        triple(link, RDF.predicate, OWL.sameAs),
        triple(link, RDF.object, target),
        triple(link, PROV.wasDerivedFrom, derived_from),
    ]
    if comment:
        out.append(triple(link, RDFS.comment, lang(comment, "en")))
    if note:
        out.append(triple(link, SKOS.note, lang(note, "en")))
    return out


def registry_entity(iri: str, title: str, file_name: str) -> list[ox.Triple]:
    """The registry file as a ``prov:Entity`` that the links it states are derived from."""
    return [
        triple(iri, RDF.type, PROV.Entity),
        triple(iri, DCTERMS.title, lang(title, "en")),
        triple(iri, DCTERMS.source, ox.Literal(file_name, datatype=node(XSD.string))),
    ]


def registry_iri(minter: Minter, name: str) -> str:
    """``{base}registry/organisations`` or ``{base}registry/places``."""
    return f"{minter.base_iri}registry/{name}"


# --- organisations -----------------------------------------------------------------------------

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

    def entity_triples(self, org: Organisation, minter: Minter) -> list[ox.Triple]:
        """Types and labels of ``org`` (a subset of its registry triples): what a mapper may add
        beside a resolved mention so that a document validates on its own."""
        iri = self.iri(org, minter)
        return [*(triple(iri, RDF.type, cls) for cls in KINDS[org.kind]),
                *labels(iri, org.name_ru, org.name_en, ())]

    def triples(self, minter: Minter, gazetteer: Gazetteer) -> list[ox.Triple]:
        """The triples of ``{base}graph/organisations``."""
        source = registry_iri(minter, "organisations")
        out = registry_entity(source, "Organisations registry of resolutions-kg", REGISTRY_FILE)
        for org in self:
            out += self._describe(org, minter, gazetteer, source)
        return list(dict.fromkeys(out))

    def _describe(self, org: Organisation, minter: Minter, gazetteer: Gazetteer,
                  source: str) -> list[ox.Triple]:
        iri = self.iri(org, minter)
        out = [triple(iri, RDF.type, cls) for cls in KINDS[org.kind]]
        out += labels(iri, org.name_ru, org.name_en, org.aliases)
        if org.parent is not None:
            parent = minter.organisation(org.parent)
            if org.kind == "unit":
                out += [triple(iri, ORG.unitOf, parent), triple(parent, ORG.hasUnit, iri)]
            else:
                out += [triple(iri, ORG.subOrganizationOf, parent),
                        triple(parent, ORG.hasSubOrganization, iri)]
        if org.city is not None:
            out.append(triple(iri, SCHEMA.location, gazetteer.iri(gazetteer.get(org.city),
                                                                  minter)))
        if org.wikidata:
            out += same_as(iri, WIKIDATA + org.wikidata, derived_from=source)
        if org.viaf:
            out += same_as(iri, VIAF + org.viaf, derived_from=source)
        if org.isil:
            ident = f"{iri}/identifier/isil"
            out += [triple(iri, SCHEMA.identifier, ident),
                    triple(ident, RDF.type, SCHEMA.PropertyValue),
                    triple(ident, SCHEMA.propertyID, ox.Literal("ISIL")),
                    triple(ident, SCHEMA.value, ox.Literal(org.isil))]
        if org.website:
            out.append(triple(iri, SCHEMA.url, org.website))
        return out


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


def package_file(name: str) -> Path:
    """The path of a file shipped in ``resolutions_kg.ontology``."""
    return Path(str(resources.files("resolutions_kg.ontology") / name))


@cache
def default_registry() -> Registry:
    """The registry shipped with the package (read and checked once per process)."""
    from resolutions_kg.gazetteer import default_gazetteer

    return load_registry(package_file(REGISTRY_FILE), gazetteer=default_gazetteer())


def reference_graphs(base_iri: str) -> dict[str, list[ox.Triple]]:
    """``{base}graph/organisations`` and ``{base}graph/places`` with their triples."""
    from resolutions_kg.gazetteer import default_gazetteer

    minter = Minter(base_iri)
    gazetteer = default_gazetteer()
    return {
        minter.graph("organisations"): default_registry().triples(minter, gazetteer),
        minter.graph("places"): gazetteer.triples(minter),
    }
