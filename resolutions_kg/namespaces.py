"""Closed namespaces: code refers to RDF terms through these, so a misspelt term is an error.

``RESKG`` mirrors ``ontology/reskg.ttl`` term for term (``tests/test_ontology.py`` checks both
ways). The standard vocabularies are rdflib's own ``DefinedNamespace`` classes where rdflib ships a
closed one (PROV, ORG, DCTERMS, SKOS, VOID, OWL, RDF, RDFS, XSD, SH, VANN), and closed copies or
subsets here where it does not (schema.org and DCAT are open in rdflib; ELI, OA and SPARQL Service
Description and the Talis Changeset vocabulary are absent)::

    >>> RESKG.Recommendation
    rdflib.term.URIRef('https://w3id.org/resolutions-kg/ontology#Recommendation')
    >>> RESKG.Recomendation
    Traceback (most recent call last):
    AttributeError: term 'Recomendation' not in namespace ...

``PREFIXES`` is the one prefix table for Turtle, TriG and SPARQL output.
"""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import (
    DCAT as _OPEN_DCAT,
)
from rdflib.namespace import (
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SH,
    SKOS,
    VANN,
    VOID,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.namespace import (
    SDO as _OPEN_SDO,
)

__all__ = [
    "CS",
    "DCAT",
    "DCTERMS",
    "ELI",
    "OA",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "RESKG",
    "SCHEMA",
    "SD",
    "SH",
    "SKOS",
    "SPDX",
    "VANN",
    "VOID",
    "XSD",
    "bind_prefixes",
    "terms",
]

#: The ontology's IRI (no fragment) and its dated version IRI.
ONTOLOGY_IRI = URIRef("https://w3id.org/resolutions-kg/ontology")
ONTOLOGY_VERSION_IRI = URIRef("https://w3id.org/resolutions-kg/ontology/2026-11-25")


class RESKG(DefinedNamespace):
    """The resolutions-kg vocabulary (``ontology/reskg.ttl``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/resolutions-kg/ontology#")

    # classes
    Resolution: URIRef
    Recommendation: URIRef
    Proposal: URIRef
    Statement: URIRef
    ParticipantCohort: URIRef
    SourceText: URIRef
    # the resolution
    documentType: URIRef
    isDraft: URIRef
    adoptedUnanimously: URIRef
    # the event
    eventKind: URIRef
    qualifier: URIRef
    ordinal: URIRef
    participantCount: URIRef
    participantCountIsMinimum: URIRef
    discussed: URIRef
    # how sure the loader is of a fact (on its evidence annotation)
    confidence: URIRef
    extractionMethod: URIRef
    # participant cohorts
    participant: URIRef  # the prov:Role of a cohort's association with the event
    count: URIRef
    countIsMinimum: URIRef
    countedUnit: URIRef
    represents: URIRef
    # items of a resolution
    position: URIRef
    text: URIRef
    action: URIRef
    label: URIRef
    lemmas: URIRef
    addresseeName: URIRef
    addressedTo: URIRef
    plansEvent: URIRef
    plannedYear: URIRef
    # source text and evidence
    sha256: URIRef
    originalSha256: URIRef
    encoding: URIRef
    evidenceFor: URIRef
    evidenceValue: URIRef
    valueLabel: URIRef
    # a curator's corrections (<name>.corrections.yaml)
    Correction: URIRef
    correctionKey: URIRef
    correctedField: URIRef
    correctionAction: URIRef
    correctionOf: URIRef
    correctedProperty: URIRef
    replacedValue: URIRef
    correctedValue: URIRef
    correctionsFile: URIRef
    correctionLine: URIRef
    correctionsSha256: URIRef


class ELI(DefinedNamespace):
    """European Legislation Identifier ontology (the subset we use)."""

    _fail = True
    _NS = Namespace("http://data.europa.eu/eli/ontology#")

    LegalResource: URIRef
    LegalResourceSubdivision: URIRef
    LegalExpression: URIRef
    ResourceType: URIRef
    is_part_of: URIRef
    has_part: URIRef
    date_document: URIRef
    passed_by: URIRef
    type_document: URIRef
    number: URIRef
    title: URIRef
    language: URIRef


class OA(DefinedNamespace):
    """W3C Web Annotation vocabulary (the subset we use)."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    Annotation: URIRef
    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    Motivation: URIRef
    motivatedBy: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef
    identifying: URIRef
    describing: URIRef
    tagging: URIRef
    classifying: URIRef
    linking: URIRef


class SD(DefinedNamespace):
    """SPARQL 1.1 Service Description (the subset we use)."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/sparql-service-description#")

    Service: URIRef
    Dataset: URIRef
    Graph: URIRef
    NamedGraph: URIRef
    Language: URIRef
    Feature: URIRef
    Function: URIRef
    endpoint: URIRef
    supportedLanguage: URIRef
    resultFormat: URIRef
    inputFormat: URIRef
    feature: URIRef
    extensionFunction: URIRef
    defaultDataset: URIRef
    defaultGraph: URIRef
    namedGraph: URIRef
    name: URIRef
    graph: URIRef
    SPARQL10Query: URIRef
    SPARQL11Query: URIRef
    SPARQL11Update: URIRef
    UnionDefaultGraph: URIRef
    BasicFederatedQuery: URIRef
    RequiresDataset: URIRef
    EmptyGraphs: URIRef
    DereferencesURIs: URIRef


class SPDX(DefinedNamespace):
    """SPDX terms DCAT 3 uses for checksums (the subset we use)."""

    _fail = True
    _NS = Namespace("http://spdx.org/rdf/terms#")

    Checksum: URIRef
    checksum: URIRef
    algorithm: URIRef
    checksumValue: URIRef
    checksumAlgorithm_sha256: URIRef


class CS(DefinedNamespace):
    """The Talis Changeset vocabulary (the subset a release's ``changes.ttl`` uses)."""

    _fail = True
    _NS = Namespace("http://purl.org/vocab/changeset/schema#")

    ChangeSet: URIRef
    subjectOfChange: URIRef
    createdDate: URIRef
    creatorName: URIRef
    changeReason: URIRef
    addition: URIRef
    removal: URIRef


class SCHEMA(DefinedNamespace):
    """schema.org (https), closed: every term of rdflib's ``SDO`` snapshot and nothing else."""

    _fail = True
    _NS = Namespace("https://schema.org/")
    __annotations__ = dict(_OPEN_SDO.__annotations__)


class DCAT(DefinedNamespace):
    """DCAT 3, closed: rdflib's ``DCAT`` terms plus the DCAT 3 additions we may use."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/dcat#")
    __annotations__ = {
        **_OPEN_DCAT.__annotations__,
        **dict.fromkeys(
            [
                "DatasetSeries",
                "inSeries",
                "first",
                "last",
                "prev",
                "next",
                "version",
                "hasVersion",
                "hasCurrentVersion",
                "previousVersion",
                "isVersionOf",
            ],
            URIRef,
        ),
    }


#: Prefixes for every serialisation we write, in the order they are printed.
PREFIXES: dict[str, str] = {
    "reskg": str(RESKG._NS),
    "eli": str(ELI._NS),
    "schema": str(SCHEMA._NS),
    "prov": str(PROV._NS),
    "org": str(ORG._NS),
    "dct": str(DCTERMS._NS),
    "skos": str(SKOS._NS),
    "oa": str(OA._NS),
    "rdf": str(RDF._NS),
    "rdfs": str(RDFS._NS),
    "xsd": str(XSD._NS),
    "owl": str(OWL._NS),
    "void": str(VOID._NS),
    "dcat": str(DCAT._NS),
    "sd": str(SD._NS),
    "sh": str(SH._NS),
    "vann": str(VANN._NS),
}


def terms(namespace: type[DefinedNamespace]) -> frozenset[URIRef]:
    """Every term a closed namespace declares, as IRIs."""
    return frozenset(namespace[name] for name in namespace.__annotations__)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind :data:`PREFIXES` on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph
