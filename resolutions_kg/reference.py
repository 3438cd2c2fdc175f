"""The reference graphs: the organisations registry and the gazetteer as RDF.

:func:`reference_graphs` gives the triples of ``{base}graph/organisations`` and
``{base}graph/places`` for publishing. Every Wikidata, VIAF and GeoNames ID of the tables becomes
an ``owl:sameAs`` link with a link node (``rdf:Statement``, ``prov:Entity``) that is
``prov:wasDerivedFrom`` the table (:func:`same_as`); a place's link node also carries the
gazetteer's evidence verbatim (``rdfs:comment``) and how many independent public sources the ID
was seen in (``skos:note``). Organisations are W3C ORG and schema.org organisations, units of
the one above them; cities, regions and the country are ``schema:City``,
``schema:AdministrativeArea`` and ``schema:Country``, each contained in the next
(``schema:containedInPlace``).

The tables themselves — reading, checking, resolving names — are :mod:`resolutions_kg.registry`
and :mod:`resolutions_kg.gazetteer`, which build no RDF (the loader reads names from them).
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import URIRef

from resolutions_kg.gazetteer import GAZETTEER_FILE, Gazetteer, default_gazetteer
from resolutions_kg.iris import Minter, slugify
from resolutions_kg.loaders.settlements import coordinates, settlements
from resolutions_kg.namespaces import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD
from resolutions_kg.registry import REGISTRY_FILE, Organisation, Registry, default_registry
from resolutions_kg.tables import VIAF, WIKIDATA

#: Organisation kind (:data:`resolutions_kg.registry.KINDS`) → the classes an organisation of
#: that kind gets (W3C ORG first, then schema.org).
ORGANISATION_CLASSES: dict[str, tuple[URIRef, ...]] = {
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

#: Place kind (:data:`resolutions_kg.gazetteer.KINDS`) → schema.org class besides
#: ``schema:Place``.
PLACE_CLASSES: dict[str, URIRef] = {
    "city": SCHEMA.City,
    "region": SCHEMA.AdministrativeArea,
    "country": SCHEMA.Country,
}


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

def organisation_triples(registry: Registry, minter: Minter,
                         gazetteer: Gazetteer) -> list[ox.Triple]:
    """The triples of ``{base}graph/organisations``."""
    source = registry_iri(minter, "organisations")
    out = registry_entity(source, "Organisations registry of resolutions-kg", REGISTRY_FILE)
    for org in registry:
        out += _describe(registry, org, minter, gazetteer, source)
    return list(dict.fromkeys(out))


def _describe(registry: Registry, org: Organisation, minter: Minter, gazetteer: Gazetteer,
              source: str) -> list[ox.Triple]:
    iri = registry.iri(org, minter)
    out = [triple(iri, RDF.type, cls) for cls in ORGANISATION_CLASSES[org.kind]]
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


# --- places ------------------------------------------------------------------------------------

def sources_note(count: int | None) -> str | None:
    """What the link node says about how many public sources an ID was seen in."""
    if count is None:
        return None
    if count == 1:
        return "single source: the ID was seen in one public source only"
    return f"seen in {count} independent public sources"


def place_triples(gazetteer: Gazetteer, minter: Minter) -> list[ox.Triple]:
    """The triples of ``{base}graph/places``."""
    source = registry_iri(minter, "places")
    out = registry_entity(source, "Gazetteer of resolutions-kg", GAZETTEER_FILE)
    for place in gazetteer:
        iri = gazetteer.iri(place, minter)
        out += [triple(iri, RDF.type, SCHEMA.Place),
                triple(iri, RDF.type, PLACE_CLASSES[place.kind])]
        out += labels(iri, place.name_ru, place.name_en, place.aliases)
        if place.parent is not None:
            out.append(triple(iri, SCHEMA.containedInPlace,
                              gazetteer.iri(gazetteer.get(place.parent), minter)))
        # by its GeoNames ID, or (none confirmed) the most populous settlement of its name
        out += coordinate_triples(iri, int(place.geonames) if place.geonames else
                                  settlements().get(place.name_ru.replace("ё", "е")))
        for target, count in ((place.wikidata_iri, place.wikidata_sources),
                              (place.geonames_iri, place.geonames_sources)):
            if target is not None:
                out += same_as(iri, target, derived_from=source, comment=place.evidence,
                               note=sources_note(count))
    return list(dict.fromkeys(out))


def coordinate_triples(iri: str, geonames: int | None) -> list[ox.Triple]:
    """``schema:latitude`` and ``schema:longitude`` (WGS 84, decimal degrees) of a place whose
    GeoNames ID is in the loader's settlement list (``loaders/settlements.tsv``, from GeoNames);
    none otherwise. They draw the map of event places."""
    found = coordinates(geonames) if geonames is not None else None
    if found is None:
        return []
    latitude, longitude = found
    decimal = ox.NamedNode(str(XSD.decimal))
    return [triple(iri, SCHEMA.latitude, ox.Literal(f"{latitude:.4f}", datatype=decimal)),
            triple(iri, SCHEMA.longitude, ox.Literal(f"{longitude:.4f}", datatype=decimal))]


def reference_graphs(base_iri: str) -> dict[str, list[ox.Triple]]:
    """``{base}graph/organisations`` and ``{base}graph/places`` with their triples."""
    minter = Minter(base_iri)
    gazetteer = default_gazetteer()
    return {
        minter.graph("organisations"): organisation_triples(default_registry(), minter,
                                                            gazetteer),
        minter.graph("places"): place_triples(gazetteer, minter),
    }
