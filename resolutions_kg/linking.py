"""Links to other datasets: finding what is unresolved, reconciling it, and publishing links.

- :func:`unresolved` lists the organisation and place nodes of the store that are in neither the
  registry nor the gazetteer (``reskg link --report``); :func:`unlinked` those with no Wikidata
  link at all (what ``reskg link --review`` reconciles).
- :func:`reconcile` asks a Wikidata-like SPARQL endpoint (through SPARQLWrapper) for items whose
  ``rdfs:label`` or ``skos:altLabel`` @ru is the node's name, of a fitting type (``wdt:P31`` /
  ``wdt:P279*``) and in Russia (``wdt:P17 wd:Q159``), or whose ISIL (``wdt:P791``) is the node's;
  :func:`write_review` writes the scored candidates to a CSV file for a person to decide.
- :func:`accept` reads the decided review file and adds the accepted rows as ``owl:sameAs`` links
  to ``{base}graph/links``, each with a link node (``rdf:Statement``, ``prov:Entity``) saying
  which endpoint it came from, when, how, and which accepting run (``prov:Activity``) made it, all
  in one transaction.
- :func:`links_triples` and :func:`linkset_counts` treat links as data of their own (the export of
  the links alone, VoID linksets).

The review file is described in ``docs/registry.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import urllib.error
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from resolutions_kg import __version__
from resolutions_kg.errors import ReconciliationError
from resolutions_kg.gazetteer import GEONAMES, Gazetteer, default_gazetteer
from resolutions_kg.iris import Minter
from resolutions_kg.namespaces import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD
from resolutions_kg.reference import lang, link_node, same_as, triple
from resolutions_kg.registry import Registry, default_registry
from resolutions_kg.store import replace_graphs
from resolutions_kg.tables import VIAF, WIKIDATA, Row, read_rows

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
USER_AGENT = f"resolutions-kg/{__version__} (reconciliation; https://w3id.org/resolutions-kg/)"
RUSSIA = "Q159"
METHOD = "label @ru or skos:altLabel @ru, wdt:P31/wdt:P279* type, wdt:P17 Q159; or wdt:P791 ISIL"

#: Targets of links, by the namespace of the target IRI (for linksets and reports).
TARGETS = {
    "wikidata": WIKIDATA,
    "geonames": GEONAMES,
    "viaf": VIAF,
    "unesco": "http://vocabularies.unesco.org/thesaurus/",
}
LINK_PREDICATES = (OWL.sameAs, SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch,
                   SKOS.narrowMatch, SKOS.relatedMatch)

#: Class of a node → the Wikidata classes a candidate must be an instance of (transitively).
TYPE_CONSTRAINTS = {
    str(SCHEMA.City): ("Q486972",),  # human settlement
    str(SCHEMA.AdministrativeArea): ("Q56061",),  # administrative territorial entity
    str(SCHEMA.Country): ("Q6256",),  # country
    str(SCHEMA.Place): ("Q486972", "Q56061"),
    str(SCHEMA.Library): ("Q7075",),  # library
    str(ORG.FormalOrganization): ("Q43229",),  # organization
    str(ORG.OrganizationalUnit): ("Q43229",),
}
PLACE_CLASSES = frozenset(str(c) for c in (SCHEMA.Place, SCHEMA.City, SCHEMA.AdministrativeArea,
                                           SCHEMA.Country))
#: Score of a candidate matched by its main label, an alias, or an ISIL.
SCORES = {"label": 1.0, "alias": 0.9, "isil": 1.0}
REVIEW_COLUMNS = ("node", "label", "candidate", "candidate_label", "score", "decision",
                  "method", "endpoint", "retrieved")
ACCEPT = frozenset({"accept", "accepted", "yes", "y"})
REJECT = frozenset({"", "reject", "rejected", "no", "n", "skip"})


@dataclass(frozen=True)
class Mention:
    """An organisation or place node of the store."""

    node: str
    label: str
    kind: str  # "organisation" or "place"
    classes: tuple[str, ...] = ()
    isil: str | None = None


@dataclass(frozen=True)
class Candidate:
    """An item of the endpoint that may be the same as ``mention``."""

    mention: Mention
    item: str
    label: str
    score: float
    method: str


def _query(store: ox.Store, sparql: str) -> list[dict[str, str]]:
    solutions = store.query(sparql)
    assert isinstance(solutions, ox.QuerySolutions)
    variables = [v.value for v in solutions.variables]
    return [{v: row[v].value for v in variables if row[v] is not None} for row in solutions]


_MENTIONS = f"""
SELECT ?node (MIN(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?class); separator=" ") AS ?classes)
       (MIN(?i) AS ?isil)
WHERE {{
  GRAPH ?g {{ ?node a ?class }}
  VALUES ?class {{ <{ORG.FormalOrganization}> <{ORG.OrganizationalUnit}> <{SCHEMA.Place}>
                  <{SCHEMA.City}> <{SCHEMA.AdministrativeArea}> <{SCHEMA.Country}>
                  <{SCHEMA.Library}> }}
  OPTIONAL {{ GRAPH ?lg {{ ?node <{SKOS.prefLabel}>|<{RDFS.label}> ?l FILTER(LANG(?l) = "ru") }} }}
  OPTIONAL {{ GRAPH ?ig {{ ?node <{SCHEMA.identifier}> [ <{SCHEMA.propertyID}> "ISIL" ;
                                                    <{SCHEMA.value}> ?i ] }} }}
}}
GROUP BY ?node ORDER BY ?node
"""


def mentions(store: ox.Store) -> list[Mention]:
    """Every organisation and place node in any graph of the store."""
    out = []
    for row in _query(store, _MENTIONS):
        classes = tuple(sorted(row.get("classes", "").split()))
        kind = "place" if PLACE_CLASSES.intersection(classes) else "organisation"
        out.append(Mention(row["node"], row.get("label", ""), kind, classes, row.get("isil")))
    return out


def unresolved(store: ox.Store, *, base_iri: str, registry: Registry | None = None,
               gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Organisation and place nodes that are neither in the registry nor in the gazetteer."""
    minter = Minter(base_iri)
    registry = registry or default_registry()
    gazetteer = gazetteer or default_gazetteer()
    known = registry.iris(minter) | gazetteer.iris(minter)
    return [m for m in mentions(store) if m.node not in known]


def unlinked(store: ox.Store, *, base_iri: str, registry: Registry | None = None,
             gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Organisation and place nodes with no Wikidata link: none in any graph of the store, and
    none in their registry or gazetteer entry."""
    minter = Minter(base_iri)
    registry = registry or default_registry()
    gazetteer = gazetteer or default_gazetteer()
    linked = {row["s"] for row in _query(store, f"""
        SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s <{OWL.sameAs}> ?o }}
            FILTER(STRSTARTS(STR(?o), "{WIKIDATA}")) }}""")}
    linked |= {registry.iri(o, minter) for o in registry if o.wikidata}
    linked |= {gazetteer.iri(p, minter) for p in gazetteer if p.wikidata}
    return [m for m in mentions(store) if m.node not in linked]


# --- reconciliation ----------------------------------------------------------------------------

def _label_variants(label: str) -> list[str]:
    variants = [label, label[:1].upper() + label[1:], label[:1].lower() + label[1:]]
    return list(dict.fromkeys(v for v in variants if v))


def candidate_query(mention: Mention, *, limit: int = 10) -> str:
    """The SPARQL query :func:`candidates` sends for ``mention`` (Wikidata's vocabulary)."""
    names = " ".join(str(ox.Literal(v, language="ru")) for v in _label_variants(mention.label))
    types = sorted({q for c in mention.classes for q in TYPE_CONSTRAINTS.get(c, ())})
    if str(SCHEMA.Library) in mention.classes:
        types = ["Q7075"]
    type_values = " ".join(f"wd:{q}" for q in types or ("Q35120",))  # Q35120: entity
    isil = ""
    if mention.isil:
        isil = f'UNION {{ ?item wdt:P791 {ox.Literal(mention.isil)} . BIND("isil" AS ?how) }}'
    return f"""PREFIX wd: <{WIKIDATA}>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <{RDFS._NS}>
PREFIX skos: <{SKOS._NS}>
SELECT DISTINCT ?item ?how ?itemLabel WHERE {{
  {{ VALUES ?name {{ {names} }} ?item rdfs:label ?name . BIND("label" AS ?how) }}
  UNION {{ VALUES ?name {{ {names} }} ?item skos:altLabel ?name . BIND("alias" AS ?how) }}
  {isil}
  VALUES ?type {{ {type_values} }}
  ?item wdt:P31/wdt:P279* ?type .
  ?item wdt:P17 wd:{RUSSIA} .
  OPTIONAL {{ ?item rdfs:label ?itemLabel FILTER(LANG(?itemLabel) = "ru") }}
}}
LIMIT {int(limit)}"""


def candidates(mention: Mention, *, endpoint: str = DEFAULT_ENDPOINT, limit: int = 5,
               timeout: float = 30.0) -> list[Candidate]:
    """Scored candidates for ``mention``, best first (at most ``limit``)."""
    client = SPARQLWrapper(endpoint, agent=USER_AGENT)
    client.setQuery(candidate_query(mention, limit=limit * 4))
    client.setReturnFormat(JSON)
    client.setMethod(POST)
    client.setTimeout(int(timeout))
    try:
        answer = client.queryAndConvert()
    except (SPARQLWrapperException, urllib.error.URLError, OSError, ValueError) as exc:
        raise ReconciliationError(f"{endpoint}: reconciliation query failed: {exc}") from exc
    if not isinstance(answer, dict) or "results" not in answer:
        raise ReconciliationError(f"{endpoint}: answer is not SPARQL JSON results")
    best: dict[str, Candidate] = {}
    for binding in answer["results"].get("bindings", []):
        item = binding["item"]["value"]
        how = binding["how"]["value"]
        label = binding.get("itemLabel", {}).get("value", "")
        found = Candidate(mention, item, label, SCORES.get(how, 0.5), how)
        if item not in best or found.score > best[item].score:
            best[item] = found
    ranked = sorted(best.values(), key=lambda c: (-c.score, c.item))
    return ranked[:limit]


def reconcile(store: ox.Store, *, base_iri: str, endpoint: str = DEFAULT_ENDPOINT,
              limit: int = 5, timeout: float = 30.0) -> list[Candidate]:
    """Candidates for every unlinked organisation and place node that has a Russian name."""
    out: list[Candidate] = []
    for mention in unlinked(store, base_iri=base_iri):
        if mention.label:
            out += candidates(mention, endpoint=endpoint, limit=limit, timeout=timeout)
    return out


def write_review(path: str | Path, found: Iterable[Candidate], *, endpoint: str,
                 retrieved: dt.date | None = None) -> int:
    """Write the review file (CSV, columns :data:`REVIEW_COLUMNS`); returns the rows written.
    ``decision`` is left empty for the reviewer: ``accept`` or ``reject``."""
    day = (retrieved or dt.datetime.now(dt.UTC).date()).isoformat()
    rows = 0
    with Path(path).open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(REVIEW_COLUMNS)
        for c in found:
            writer.writerow([c.mention.node, c.mention.label, c.item, c.label, f"{c.score:.2f}",
                             "", c.method, endpoint, day])
            rows += 1
    return rows


# --- accepting links ---------------------------------------------------------------------------

@dataclass(frozen=True)
class AcceptedLink:
    node: str
    target: str
    method: str
    endpoint: str
    retrieved: dt.date
    score: str
    line: int


def _iri(row: Row, column: str) -> str:
    value = row.required(column)
    try:
        ox.NamedNode(value)
    except ValueError as exc:
        raise row.error(f"{column}: {value!r} is not an IRI") from exc
    if not value.startswith(("http://", "https://")):
        raise row.error(f"{column}: {value!r} is not an http(s) IRI")
    return value


def read_decisions(path: str | Path, *, known_nodes: set[str]) -> list[AcceptedLink]:
    """The accepted rows of the review file, all checked before any is returned."""
    accepted = []
    for row in read_rows(path, ("node", "candidate", "decision", "endpoint", "retrieved")):
        decision = row["decision"].lower()
        if decision not in ACCEPT | REJECT:
            raise row.error(f"decision {row['decision']!r} is neither 'accept' nor 'reject'")
        node_iri, target = _iri(row, "node"), _iri(row, "candidate")
        endpoint = _iri(row, "endpoint")
        try:
            retrieved = dt.date.fromisoformat(row.required("retrieved"))
        except ValueError as exc:
            raise row.error(f"retrieved: {row['retrieved']!r} is not a date (YYYY-MM-DD)") from exc
        if decision in REJECT:
            continue
        if node_iri not in known_nodes:
            raise row.error(f"node {node_iri} is no organisation or place of the store")
        accepted.append(AcceptedLink(node_iri, target, row["method"] or METHOD, endpoint,
                                     retrieved, row["score"], row.line))
    return accepted


def activity_iri(minter: Minter, started: dt.datetime) -> str:
    """``{base}activity/link/{YYYYMMDDTHHMMSSZ}``: one accepting run."""
    return f"{minter.base_iri}activity/link/{started.strftime('%Y%m%dT%H%M%SZ')}"


def accept(store: ox.Store, path: str | Path, *, base_iri: str,
           now: dt.datetime | None = None) -> int:
    """Add the accepted rows of the review file ``path`` to ``{base}graph/links``, in one
    transaction; returns how many new links were added (existing links are kept as they are)."""
    minter = Minter(base_iri)
    started = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    accepted = read_decisions(path, known_nodes={m.node for m in mentions(store)})
    graph = minter.graph("links")
    existing = [ox.Triple(q.subject, q.predicate, q.object)
                for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))]
    # str() of a NamedNode is "<iri>"
    have = {(str(t.subject), str(t.object)) for t in existing
            if t.predicate == ox.NamedNode(str(OWL.sameAs))}
    new = [a for a in accepted if (f"<{a.node}>", f"<{a.target}>") not in have]
    new = list({(a.node, a.target): a for a in new}.values())
    if not new:
        return 0
    run = activity_iri(minter, started)
    stamp = ox.Literal(started.isoformat().replace("+00:00", "Z"), datatype=ox.NamedNode(
        str(XSD.dateTime)))
    triples = [
        triple(run, RDF.type, PROV.Activity),
        triple(run, RDFS.label, lang("Links accepted on review of reconciliation candidates",
                                     "en")),
        triple(run, PROV.startedAtTime, stamp),
        triple(run, PROV.endedAtTime, stamp),
    ]
    for link in new:
        triples.append(triple(run, PROV.used, link.endpoint))
        triples += same_as(link.node, link.target, derived_from=link.endpoint,
                           comment=f"reconciliation: {link.method}; score {link.score}".strip())
        ln = link_node(link.node, link.target)
        triples += [
            triple(ln, PROV.wasGeneratedBy, run),
            triple(ln, DCTERMS.source, link.endpoint),
            triple(ln, DCTERMS.date, ox.Literal(link.retrieved.isoformat(),
                                                datatype=ox.NamedNode(str(XSD.date)))),
        ]
    replace_graphs(store, {graph: list(dict.fromkeys([*existing, *triples]))})
    return len(new)


# --- links as data -----------------------------------------------------------------------------

def links_triples(store: ox.Store) -> list[ox.Triple]:
    """Every link triple of the store (``owl:sameAs`` and the SKOS mapping properties between
    IRIs), once each, sorted: what ``reskg export --links`` writes."""
    values = " ".join(f"<{p}>" for p in LINK_PREDICATES)
    solutions = store.query(f"""SELECT DISTINCT ?s ?p ?o WHERE {{
        GRAPH ?g {{ ?s ?p ?o }} VALUES ?p {{ {values} }} FILTER(isIRI(?s) && isIRI(?o)) }}""")
    assert isinstance(solutions, ox.QuerySolutions)
    found = {ox.Triple(r["s"], r["p"], r["o"]) for r in solutions}
    return sorted(found, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def target_of(iri: str) -> str:
    """The dataset a link target belongs to: ``wikidata``, ``geonames``, … or ``other``."""
    return next((name for name, ns in TARGETS.items() if iri.startswith(ns)), "other")


def linkset_counts(store: ox.Store) -> dict[str, int]:
    """How many link triples point into each target dataset (only targets with links)."""
    counts: dict[str, int] = {}
    for t in links_triples(store):
        name = target_of(str(t.object).strip("<>"))
        counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items()))
