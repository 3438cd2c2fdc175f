"""The SHACL shapes, constraint by constraint: one small resolution that conforms, and for each
constraint a variant of it that breaks exactly that constraint (or one that must still conform).

The source text mixes Cyrillic with a character outside the Basic Multilingual Plane, so the quote
checks prove that offsets count Unicode code points (as Python does), not UTF-16 units or bytes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pyoxigraph as ox
import pytest
from pyshacl.entrypoints import meta_validate
from rdflib import Graph, URIRef

from resolutions_kg.errors import ValidationError
from resolutions_kg.validation import Report, require_valid, shapes_graph, validate

BASE = "https://w3id.org/resolutions-kg/"
DOC = BASE + "resolution/tver-2012"

PREFIXES = f"""
@prefix kg: <{BASE}> .
@prefix reskg: <https://w3id.org/resolutions-kg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix res: <{DOC}/> .
@prefix ev: <{BASE}event/tver-2012/> .
@prefix src: <{BASE}source/tver-2012/evidence/> .
"""

#: The source rendition: Cyrillic, an emoji (one code point, two UTF-16 units, four UTF-8 bytes).
TEXT = "РЕЗОЛЮЦИЯ 🙂 конференции «Библиотеки и общество»\n1. Сохранить сеть библиотек 🙂.\n"
QUOTE = "Библиотеки и общество"
START = TEXT.index(QUOTE)
END = START + len(QUOTE)
PREFIX = TEXT[max(0, START - 12) : START]
SUFFIX = TEXT[END : END + 12]


def lit(text: str) -> str:
    """A Turtle string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


VALID = (
    PREFIXES
    + f"""
<{DOC}> a reskg:Resolution , eli:LegalResource ;
    dct:title "Резолюция конференции"@ru ;
    reskg:documentType kg:document-type\\/rezolyutsiya ;
    reskg:isDraft false ;
    eli:date_document "2012-10-26"^^xsd:date ;
    prov:wasGeneratedBy kg:event\\/tver-2012 ;
    dct:source kg:source\\/tver-2012 ;
    eli:has_part res:recommendation\\/1 , res:statement\\/1 .

res:recommendation\\/1 a reskg:Recommendation ;
    eli:is_part_of <{DOC}> ;
    reskg:position 1 ;
    reskg:text "Сохранить сеть библиотек 🙂."@ru ;
    reskg:action "сохранить"@ru ;
    reskg:label "1" ;
    reskg:lemmas " сохранить сеть библиотека " ;
    dct:audience kg:audience\\/organy-mestnogo-samoupravleniya ;
    dct:subject kg:topic\\/public-libraries .

res:statement\\/1 a reskg:Statement ;
    eli:is_part_of <{DOC}> ;
    reskg:position 1 ;
    reskg:text "Участники отмечают."@ru .

kg:audience\\/organy-mestnogo-samoupravleniya a dct:AgentClass , skos:Concept ;
    skos:prefLabel "органы местного самоуправления"@ru ;
    skos:inScheme kg:scheme\\/audiences .

kg:event\\/tver-2012 a schema:Event , prov:Activity ;
    schema:name "Библиотеки и общество"@ru ;
    reskg:eventKind kg:event-kind\\/konferentsiya ;
    reskg:qualifier "межрегиональная"@ru ;
    reskg:ordinal 3 ;
    schema:location kg:place\\/tver ;
    schema:startDate "2012-10-25"^^xsd:date ;
    schema:endDate "2012-10-26"^^xsd:date ;
    schema:organizer kg:organisation\\/tverskaya-biblioteka ;
    reskg:participantCount 120 ;
    reskg:participantCountIsMinimum true ;
    schema:eventAttendanceMode schema:MixedEventAttendanceMode ;
    prov:generated <{DOC}> ;
    prov:qualifiedAssociation ev:cohort\\/1\\/association .

ev:cohort\\/1\\/association a prov:Association ;
    prov:agent ev:cohort\\/1 ;
    prov:hadRole reskg:participant .

ev:cohort\\/1 a reskg:ParticipantCohort ;
    rdfs:label "библиотеки Тверской области"@ru ;
    reskg:count 100 ;
    reskg:countIsMinimum true ;
    reskg:countedUnit kg:unit\\/library ;
    dct:spatial kg:place\\/tver ;
    schema:eventAttendanceMode schema:OnlineEventAttendanceMode .

kg:place\\/tver a schema:Place ;
    rdfs:label "Тверь"@ru ;
    skos:prefLabel "Тверь"@ru .

kg:organisation\\/tverskaya-biblioteka a org:FormalOrganization , schema:Library ;
    skos:prefLabel "Тверская библиотека"@ru .

kg:source\\/tver-2012 a reskg:SourceText ;
    rdf:value {lit(TEXT)}@ru ;
    reskg:sha256 "{hashlib.sha256(TEXT.encode("utf-8")).hexdigest()}" ;
    reskg:originalSha256 "{"0" * 64}" ;
    reskg:encoding "utf-8" ;
    dct:format "text/plain" ;
    rdfs:label "tver-2012.txt" .

src:title a oa:Annotation ;
    oa:motivatedBy oa:identifying ;
    oa:hasBody kg:event\\/tver-2012 ;
    reskg:evidenceFor schema:name ;
    oa:hasTarget <{BASE}source/tver-2012/evidence/title#target> .

<{BASE}source/tver-2012/evidence/title#target> a oa:SpecificResource ;
    oa:hasSource kg:source\\/tver-2012 ;
    oa:hasSelector <{BASE}source/tver-2012/evidence/title#position> ,
        <{BASE}source/tver-2012/evidence/title#quote> .

<{BASE}source/tver-2012/evidence/title#position> a oa:TextPositionSelector ;
    oa:start "{START}"^^xsd:nonNegativeInteger ;
    oa:end "{END}"^^xsd:nonNegativeInteger .

<{BASE}source/tver-2012/evidence/title#quote> a oa:TextQuoteSelector ;
    oa:exact {lit(QUOTE)}@ru ;
    oa:prefix {lit(PREFIX)}@ru ;
    oa:suffix {lit(SUFFIX)}@ru .
"""
)

POSITION = f"<{BASE}source/tver-2012/evidence/title#position>"
QUOTE_SEL = f"<{BASE}source/tver-2012/evidence/title#quote>"
REC = "res:recommendation\\/1"
EVENT = "kg:event\\/tver-2012"


def turtle(snippet: str) -> Graph:
    return Graph().parse(data=PREFIXES + snippet, format="turtle")


def variant(remove: str = "", add: str = "") -> Graph:
    """The valid graph with the triples of ``remove`` taken out and those of ``add`` put in."""
    graph = Graph().parse(data=VALID, format="turtle")
    for triple in turtle(remove):
        assert triple in graph, f"fixture lacks {triple}"
        graph.remove(triple)
    for triple in turtle(add):
        graph.add(triple)
    return graph


@dataclass(frozen=True)
class Case:
    id: str
    remove: str = ""
    add: str = ""
    #: The focus node and path (as shown in results, e.g. "<…>", "<…#position>") expected to fail.
    path: str | None = None
    focus: str | None = None
    #: The offending value, when the result names one that matters.
    value: str | None = None


def expanded(curie_or_iri: str) -> str:
    """``reskg:position`` → ``<https://…#position>`` as results show paths."""
    graph = turtle(f"<urn:s> <urn:p> {curie_or_iri} .")
    return f"<{next(iter(graph.objects()))}>"


def failing(report: Report) -> set[tuple[str, str | None]]:
    return {(v.focus, v.path) for v in report.violations}


@pytest.fixture(scope="module")
def valid_report() -> Report:
    return validate(Graph().parse(data=VALID, format="turtle"))


# --- the valid graph ----------------------------------------------------------------------------


def test_valid_resolution_conforms(valid_report: Report) -> None:
    assert valid_report.conforms, valid_report.text()
    assert valid_report.warnings == []


def test_shapes_are_valid_shacl() -> None:
    conforms, _graph, text = meta_validate(shapes_graph(), inference="none")
    assert conforms, text


def test_every_published_class_has_a_shape() -> None:
    shapes = shapes_graph()
    sh = "http://www.w3.org/ns/shacl#"
    targets = {str(o) for o in shapes.objects(None, URIRef(sh + "targetClass"))}
    expected = {
        "https://w3id.org/resolutions-kg/ontology#" + name
        for name in ("Resolution", "Recommendation", "Proposal", "Statement",
                     "ParticipantCohort", "SourceText")
    } | {
        "https://schema.org/Event",
        "https://schema.org/Place",
        "http://www.w3.org/ns/prov#Association",
        "http://www.w3.org/ns/oa#Annotation",
        "http://www.w3.org/ns/oa#SpecificResource",
        "http://www.w3.org/ns/oa#TextPositionSelector",
        "http://www.w3.org/ns/oa#TextQuoteSelector",
        "http://www.w3.org/2004/02/skos/core#Concept",
        "http://www.w3.org/ns/org#FormalOrganization",
        "http://www.w3.org/ns/org#OrganizationalUnit",
    }
    assert expected <= targets


# --- violations ---------------------------------------------------------------------------------

REC_IRI = f"<{DOC}/recommendation/1>"
EVENT_IRI = f"<{BASE}event/tver-2012>"
TARGET_IRI = f"<{BASE}source/tver-2012/evidence/title#target>"
POSITION_IRI = POSITION
SOURCE_IRI = f"<{BASE}source/tver-2012>"
DOC_IRI = f"<{DOC}>"
#: A curated fact: the title's evidence attributed to a curator, generated by a correction.
CORRECTION = f"<{BASE}source/tver-2012/correction/event-title>"
CURATOR = f"<{BASE}person/anna-smirnova>"
CURATED = f"""src:title prov:wasAttributedTo {CURATOR} ; prov:wasGeneratedBy {CORRECTION} .
{CURATOR} a prov:Person , <http://xmlns.com/foaf/0.1/Person> ;
    <http://xmlns.com/foaf/0.1/name> "Анна Смирнова" .
{CORRECTION} a reskg:Correction , prov:Activity ;
    reskg:correctionKey "event title" ; reskg:correctedField "event title" ;
    reskg:correctionAction "replace" ; reskg:correctionOf {EVENT} ;
    reskg:correctedProperty schema:name ; reskg:replacedValue "Библиотеки"@ru ;
    reskg:correctedValue "Библиотеки и общество"@ru ; prov:wasAssociatedWith {CURATOR} ;
    dct:date "2026-12-01"^^xsd:date ; reskg:correctionsFile "tver-2012.corrections.yaml" ;
    reskg:correctionLine 4 .
"""

VIOLATIONS = [
    Case("recommendation without position", remove=f"{REC} reskg:position 1 .",
         focus=REC_IRI, path="reskg:position"),
    Case("recommendation with two positions", add=f"{REC} reskg:position 2 .",
         focus=REC_IRI, path="reskg:position"),
    Case("position zero", remove=f"{REC} reskg:position 1 .", add=f"{REC} reskg:position 0 .",
         focus=REC_IRI, path="reskg:position"),
    Case("position as a string", remove=f"{REC} reskg:position 1 .",
         add=f'{REC} reskg:position "1" .', focus=REC_IRI, path="reskg:position"),
    Case("text without language", remove=f'{REC} reskg:text "Сохранить сеть библиотек 🙂."@ru .',
         add=f'{REC} reskg:text "Сохранить сеть библиотек 🙂." .', focus=REC_IRI,
         path="reskg:text"),
    Case("text in English", remove=f'{REC} reskg:text "Сохранить сеть библиотек 🙂."@ru .',
         add=f'{REC} reskg:text "Keep the library network."@en .', focus=REC_IRI,
         path="reskg:text"),
    Case("two texts", add=f'{REC} reskg:text "Ещё текст."@ru .', focus=REC_IRI,
         path="reskg:text"),
    Case("recommendation without is_part_of", remove=f"{REC} eli:is_part_of <{DOC}> .",
         focus=REC_IRI, path="eli:is_part_of"),
    Case("part of something that is not a resolution", remove=f"{REC} eli:is_part_of <{DOC}> .",
         add=f"{REC} eli:is_part_of {EVENT} .", focus=REC_IRI, path="eli:is_part_of"),
    Case("action without language", remove=f'{REC} reskg:action "сохранить"@ru .',
         add=f'{REC} reskg:action "сохранить" .', focus=REC_IRI, path="reskg:action"),
    Case("two recommendations at one position",
         add=f"""res:recommendation\\/2 a reskg:Recommendation ; eli:is_part_of <{DOC}> ;
                 reskg:position 1 ; reskg:text "Второй."@ru .
                 <{DOC}> eli:has_part res:recommendation\\/2 .""",
         focus=DOC_IRI, path=None),
    Case("has_part without is_part_of", add=f"<{DOC}> eli:has_part res:statement\\/9 .",
         focus=DOC_IRI, path=None),
    Case("event ending before it starts",
         remove=f'{EVENT} schema:endDate "2012-10-26"^^xsd:date .',
         add=f'{EVENT} schema:endDate "2012-10-24"^^xsd:date .', focus=EVENT_IRI,
         path="schema:startDate"),
    Case("start date not an xsd:date", remove=f'{EVENT} schema:startDate "2012-10-25"^^xsd:date .',
         add=f'{EVENT} schema:startDate "25 октября 2012" .', focus=EVENT_IRI,
         path="schema:startDate"),
    Case("event without kind", remove=f"{EVENT} reskg:eventKind kg:event-kind\\/konferentsiya .",
         focus=EVENT_IRI, path="reskg:eventKind"),
    Case("event name in no language", remove=f'{EVENT} schema:name "Библиотеки и общество"@ru .',
         add=f'{EVENT} schema:name "Библиотеки и общество" .', focus=EVENT_IRI,
         path="schema:name"),
    Case("adopting event not an activity", remove=f"{EVENT} a prov:Activity .",
         focus=EVENT_IRI, path="rdf:type"),
    Case("quote off by one code point",
         remove=f'{POSITION} oa:start "{START}"^^xsd:nonNegativeInteger .',
         add=f'{POSITION} oa:start "{START + 1}"^^xsd:nonNegativeInteger .',
         focus=SOURCE_IRI, value=TARGET_IRI),
    Case("offsets counted in UTF-16 units",
         remove=f"""{POSITION} oa:start "{START}"^^xsd:nonNegativeInteger ;
                        oa:end "{END}"^^xsd:nonNegativeInteger .""",
         add=f"""{POSITION} oa:start "{START + 1}"^^xsd:nonNegativeInteger ;
                     oa:end "{END + 1}"^^xsd:nonNegativeInteger .""",
         focus=SOURCE_IRI, value=TARGET_IRI),
    Case("selection past the end of the text",
         remove=f'{POSITION} oa:end "{END}"^^xsd:nonNegativeInteger .',
         add=f'{POSITION} oa:end "{len(TEXT) + 5}"^^xsd:nonNegativeInteger .',
         focus=SOURCE_IRI, value=TARGET_IRI),
    Case("start after end",
         remove=f'{POSITION} oa:end "{END}"^^xsd:nonNegativeInteger .',
         add=f'{POSITION} oa:end "{START - 1}"^^xsd:nonNegativeInteger .',
         focus=POSITION_IRI, path="oa:start"),
    Case("prefix that does not precede the quote",
         remove=f"{QUOTE_SEL} oa:prefix {lit(PREFIX)}@ru .",
         add=f'{QUOTE_SEL} oa:prefix "нечто"@ru .', focus=SOURCE_IRI, value=TARGET_IRI),
    Case("suffix that does not follow the quote",
         remove=f"{QUOTE_SEL} oa:suffix {lit(SUFFIX)}@ru .",
         add=f'{QUOTE_SEL} oa:suffix "нечто"@ru .', focus=SOURCE_IRI, value=TARGET_IRI),
    Case("offset as a string",
         remove=f'{POSITION} oa:start "{START}"^^xsd:nonNegativeInteger .',
         add=f'{POSITION} oa:start "{START}" .', focus=POSITION_IRI, path="oa:start"),
    Case("negative offset",
         remove=f'{POSITION} oa:start "{START}"^^xsd:nonNegativeInteger .',
         add=f"{POSITION} oa:start -1 .", focus=POSITION_IRI, path="oa:start"),
    Case("quote without language",
         remove=f"{QUOTE_SEL} oa:exact {lit(QUOTE)}@ru .",
         add=f"{QUOTE_SEL} oa:exact {lit(QUOTE)} .", focus=QUOTE_SEL, path="oa:exact"),
    Case("source text without language",
         remove=f"{SOURCE_IRI} rdf:value {lit(TEXT)}@ru .",
         add=f"{SOURCE_IRI} rdf:value {lit(TEXT)} .", focus=SOURCE_IRI, path="rdf:value"),
    Case("target without position selector",
         remove=f"{TARGET_IRI} oa:hasSelector {POSITION} .", focus=TARGET_IRI,
         path="oa:hasSelector"),
    Case("checksum that does not match the text",
         remove=f'{SOURCE_IRI} reskg:sha256 "{hashlib.sha256(TEXT.encode()).hexdigest()}" .',
         add=f'{SOURCE_IRI} reskg:sha256 "{"a" * 64}" .', focus=SOURCE_IRI),
    Case("checksum in capitals",
         remove=f'{SOURCE_IRI} reskg:sha256 "{hashlib.sha256(TEXT.encode()).hexdigest()}" .',
         add=f'{SOURCE_IRI} reskg:sha256 "{hashlib.sha256(TEXT.encode()).hexdigest().upper()}" .',
         focus=SOURCE_IRI, path="reskg:sha256"),
    Case("cohort label without language",
         remove='ev:cohort\\/1 rdfs:label "библиотеки Тверской области"@ru .',
         add='ev:cohort\\/1 rdfs:label "библиотеки Тверской области" .',
         focus=f"<{BASE}event/tver-2012/cohort/1>", path="rdfs:label"),
    Case("association with another role",
         remove="ev:cohort\\/1\\/association prov:hadRole reskg:participant .",
         add="ev:cohort\\/1\\/association prov:hadRole prov:Role .",
         focus=f"<{BASE}event/tver-2012/cohort/1/association>", path="prov:hadRole"),
    Case("cohort that belongs to no event",
         remove=f"{EVENT} prov:qualifiedAssociation ev:cohort\\/1\\/association .",
         focus=f"<{BASE}event/tver-2012/cohort/1/association>",
         path="^<http://www.w3.org/ns/prov#qualifiedAssociation>"),
    Case("planned event without status",
         add=f"""res:proposal\\/1 a reskg:Proposal ; eli:is_part_of <{DOC}> ; reskg:position 1 ;
                    reskg:text "Провести конференцию в 2014 г."@ru ;
                    reskg:plansEvent ev:planned\\/1 .
                 <{DOC}> eli:has_part res:proposal\\/1 .
                 ev:planned\\/1 a schema:Event ; reskg:eventKind kg:event-kind\\/konferentsiya ;
                    reskg:plannedYear "2014"^^xsd:gYear .""",
         focus=f"<{BASE}event/tver-2012/planned/1>", path="schema:eventStatus"),
    Case("concept labelled only in English",
         remove="""kg:audience\\/organy-mestnogo-samoupravleniya
                      skos:prefLabel "органы местного самоуправления"@ru .""",
         add="""kg:audience\\/organy-mestnogo-samoupravleniya
                   skos:prefLabel "local government bodies"@en .""",
         focus=f"<{BASE}audience/organy-mestnogo-samoupravleniya>", path="skos:prefLabel"),
    Case("organisation without a name",
         remove='kg:organisation\\/tverskaya-biblioteka skos:prefLabel "Тверская библиотека"@ru .',
         focus=f"<{BASE}organisation/tverskaya-biblioteka>"),
    Case("organiser that is not an organisation",
         add=f"{EVENT} schema:organizer kg:place\\/tver .", focus=EVENT_IRI,
         path="schema:organizer"),
    Case("place without a name",
         remove="""kg:place\\/tver rdfs:label "Тверь"@ru ; skos:prefLabel "Тверь"@ru .""",
         focus=f"<{BASE}place/tver>"),
    Case("resolution without document type",
         remove=f"<{DOC}> reskg:documentType kg:document-type\\/rezolyutsiya .",
         focus=DOC_IRI, path="reskg:documentType"),
    Case("correction with an unknown action",
         add=CURATED.replace('"replace"', '"rewrite"'), focus=CORRECTION,
         path="reskg:correctionAction"),
    Case("correction by no one", add=CURATED.replace(
        f"prov:wasAssociatedWith {CURATOR} ;", ""), focus=CORRECTION,
         path="prov:wasAssociatedWith"),
    Case("correction without its line", add=CURATED.replace(" ;\n    reskg:correctionLine 4", ""),
         focus=CORRECTION, path="reskg:correctionLine"),
    Case("curated fact attributed to an unnamed person",
         add=CURATED.replace('<http://xmlns.com/foaf/0.1/name> "Анна Смирнова" .', "."
                             ).replace(", <http://xmlns.com/foaf/0.1/Person> ;", ""),
         focus=CURATOR, path="<http://xmlns.com/foaf/0.1/name>"),
    Case("curated fact generated by no correction",
         add=CURATED.replace(f" ; prov:wasGeneratedBy {CORRECTION}", ""),
         focus=f"<{BASE}source/tver-2012/evidence/title>", path="prov:wasGeneratedBy"),
]


@pytest.mark.parametrize("case", VIOLATIONS, ids=lambda c: c.id)
def test_violation(case: Case) -> None:
    report = validate(variant(case.remove, case.add))
    assert not report.conforms
    path = expanded(case.path) if case.path and ":" in case.path and "<" not in case.path else (
        case.path
    )
    found = failing(report)
    if case.path is None:
        assert case.focus in {focus for focus, _ in found}, report.text()
    else:
        assert (case.focus, path) in found, report.text()
    if case.value is not None:
        assert case.value in {v.value for v in report.violations}, report.text()


# --- variants that still conform ----------------------------------------------------------------

CONFORMING = [
    Case("one-day event", remove=f'{EVENT} schema:endDate "2012-10-26"^^xsd:date .',
         add=f'{EVENT} schema:endDate "2012-10-25"^^xsd:date .'),
    Case("event without end date", remove=f'{EVENT} schema:endDate "2012-10-26"^^xsd:date .'),
    Case("quote of the emoji itself",
         remove=f"""{POSITION} oa:start "{START}"^^xsd:nonNegativeInteger ;
                        oa:end "{END}"^^xsd:nonNegativeInteger .
                    {QUOTE_SEL} oa:exact {lit(QUOTE)}@ru ; oa:prefix {lit(PREFIX)}@ru ;
                        oa:suffix {lit(SUFFIX)}@ru .""",
         add=f"""{POSITION} oa:start "{TEXT.index("🙂")}"^^xsd:nonNegativeInteger ;
                     oa:end "{TEXT.index("🙂") + 1}"^^xsd:nonNegativeInteger .
                 {QUOTE_SEL} oa:exact "🙂"@ru ; oa:prefix {lit(TEXT[:TEXT.index("🙂")])}@ru ;
                     oa:suffix {lit(TEXT[TEXT.index("🙂") + 1 : TEXT.index("🙂") + 9])}@ru ."""),
    Case("quote at the start with an empty prefix",
         remove=f"""{POSITION} oa:start "{START}"^^xsd:nonNegativeInteger ;
                        oa:end "{END}"^^xsd:nonNegativeInteger .
                    {QUOTE_SEL} oa:exact {lit(QUOTE)}@ru ; oa:prefix {lit(PREFIX)}@ru ;
                        oa:suffix {lit(SUFFIX)}@ru .""",
         add=f"""{POSITION} oa:start "0"^^xsd:nonNegativeInteger ;
                     oa:end "9"^^xsd:nonNegativeInteger .
                 {QUOTE_SEL} oa:exact "РЕЗОЛЮЦИЯ"@ru ; oa:prefix ""@ru ;
                     oa:suffix {lit(TEXT[9:21])}@ru ."""),
    Case("offsets as xsd:integer, as Oxigraph stores them",
         remove=f"""{POSITION} oa:start "{START}"^^xsd:nonNegativeInteger ;
                        oa:end "{END}"^^xsd:nonNegativeInteger .""",
         add=f"""{POSITION} oa:start {START} ; oa:end {END} ."""),
    Case("organisational unit of an organisation",
         add="""kg:organisation\\/direktsiya a org:OrganizationalUnit ;
                    skos:prefLabel "исполнительная дирекция"@ru ;
                    org:unitOf kg:organisation\\/tverskaya-biblioteka .
                kg:event\\/tver-2012 schema:sponsor kg:organisation\\/direktsiya ."""),
    Case("planned event",
         add=f"""res:proposal\\/1 a reskg:Proposal ; eli:is_part_of <{DOC}> ; reskg:position 1 ;
                    reskg:text "Провести конференцию в 2014 г."@ru ;
                    reskg:plansEvent ev:planned\\/1 .
                 <{DOC}> eli:has_part res:proposal\\/1 .
                 ev:planned\\/1 a schema:Event ; reskg:eventKind kg:event-kind\\/konferentsiya ;
                    schema:eventStatus schema:EventScheduled ;
                    reskg:plannedYear "2014"^^xsd:gYear ."""),
    Case("a fact a curator corrected", add=CURATED),
]


@pytest.mark.parametrize("case", CONFORMING, ids=lambda c: c.id)
def test_conforming_variant(case: Case) -> None:
    report = validate(variant(case.remove, case.add))
    assert report.conforms, report.text()
    assert report.warnings == [], report.text()


# --- warnings -----------------------------------------------------------------------------------

WARNINGS = [
    Case("event without participant count", remove=f"{EVENT} reskg:participantCount 120 .",
         focus=EVENT_IRI, path="reskg:participantCount"),
    Case("resolution without adoption date",
         remove=f'<{DOC}> eli:date_document "2012-10-26"^^xsd:date .', focus=DOC_IRI,
         path="eli:date_document"),
    Case("event without start date",
         remove=f"""{EVENT} schema:startDate "2012-10-25"^^xsd:date .
                    {EVENT} schema:endDate "2012-10-26"^^xsd:date .""",
         focus=EVENT_IRI, path="schema:startDate"),
    Case("resolution without heading", remove=f'<{DOC}> dct:title "Резолюция конференции"@ru .',
         focus=DOC_IRI, path="dct:title"),
    Case("concept outside any scheme",
         remove="""kg:audience\\/organy-mestnogo-samoupravleniya
                       skos:inScheme kg:scheme\\/audiences .""",
         focus=f"<{BASE}audience/organy-mestnogo-samoupravleniya>", path="skos:inScheme"),
    Case("online cohort at an offline event",
         remove=f"{EVENT} schema:eventAttendanceMode schema:MixedEventAttendanceMode .",
         add=f"{EVENT} schema:eventAttendanceMode schema:OfflineEventAttendanceMode .",
         focus=EVENT_IRI, path=None),
]


@pytest.mark.parametrize("case", WARNINGS, ids=lambda c: c.id)
def test_warning_does_not_block(case: Case) -> None:
    report = validate(variant(case.remove, case.add))
    assert report.conforms, report.text()
    found = {(w.focus, w.path) for w in report.warnings}
    if case.path is None:
        assert case.focus in {focus for focus, _ in found}, report.text()
    else:
        assert (case.focus, expanded(case.path)) in found, report.text()


# --- inputs and reports -------------------------------------------------------------------------


def _quads(graph_name: str) -> list[ox.Quad]:
    store = ox.Store()
    store.load(VALID.encode("utf-8"), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode(graph_name))
    return list(store)


def test_validates_a_pyoxigraph_store() -> None:
    store = ox.Store()
    store.extend(_quads(BASE + "graph/tver-2012"))
    assert validate(store).conforms
    broken = ox.Quad(ox.NamedNode(DOC + "/recommendation/1"),
                     ox.NamedNode("https://w3id.org/resolutions-kg/ontology#position"),
                     ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
                     ox.NamedNode(BASE + "graph/other"))
    store.add(broken)
    assert not validate(store).conforms
    assert validate(store, graphs=[BASE + "graph/tver-2012"]).conforms


def test_validates_pyoxigraph_triples() -> None:
    triples = [q.triple for q in _quads(BASE + "graph/tver-2012")]
    assert validate(triples).conforms


def test_reference_data_follows_the_base_iri() -> None:
    other = "http://example.org/kg/"
    moved = VALID.replace(BASE, other).replace(other + "ontology#", BASE + "ontology#")
    assert validate(Graph().parse(data=moved, format="turtle"), base_iri=other).conforms
    report = validate(Graph().parse(data=moved, format="turtle"))
    assert not report.conforms  # document type and event kind are unknown concepts there


def test_report_reads_well() -> None:
    report = validate(variant(remove=f"{REC} reskg:position 1 ."))
    text = report.text()
    assert text.startswith("Does not conform: 1 violations.")
    assert f"Violation: {REC_IRI} <https://w3id.org/resolutions-kg/ontology#position>" in text
    assert "exactly one reskg:position" in text


def test_require_valid_raises_with_the_report() -> None:
    graph = variant(remove=f"{REC} reskg:position 1 .")
    with pytest.raises(ValidationError) as caught:
        require_valid(graph, path="tver-2012.txt")
    assert str(caught.value).startswith("tver-2012.txt: 1 SHACL violations")
    assert "reskg:position" in caught.value.report
    assert require_valid(Graph().parse(data=VALID, format="turtle")).conforms


def test_validates_an_rdflib_dataset_graph_by_graph() -> None:
    from rdflib import Dataset

    dataset = Dataset()
    dataset.graph(URIRef(BASE + "graph/tver-2012")).parse(data=VALID, format="turtle")
    dataset.graph(URIRef(BASE + "graph/other")).parse(
        data=PREFIXES + f'{REC} reskg:position 7 .', format="turtle"
    )
    assert not validate(dataset).conforms
    assert validate(dataset, graphs=[BASE + "graph/tver-2012"]).conforms
