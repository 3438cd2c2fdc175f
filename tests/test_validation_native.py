"""The native validator (shapes compiled to SPARQL, run in Oxigraph) judges as plain pyshacl does.

Every document of the shared corpus and of tests/data/dev, and deliberately broken variants of
some of them, are validated both ways on the same graph (the document, the reference and
context triples it reaches, the ontology): the verdict and the set of (focus node, path,
constraint component, severity) must be the same. The evidence quote checks, which the native
validator runs in Python, are also compared with their reference SPARQL run in Oxigraph.

``make test`` sweeps a fixed sample of the labelled documents (the shared corpus and every
tenth of tests/data/dev); CI, ``make test CORPUS=all``, every one (``labelled.swept``).
"""

from __future__ import annotations

import functools
import hashlib
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pyshacl
import pytest
from labelled import swept
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.plugins.sparql import processor
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.sparql import Query

from resolutions_kg.errors import UnsupportedShapeError
from resolutions_kg.iris import Minter
from resolutions_kg.loaders import load_file
from resolutions_kg.mapping import Mapped, map_resolution
from resolutions_kg.reference import reference_graphs
from resolutions_kg.settings import DEFAULT_BASE_IRI as BASE
from resolutions_kg.validation import data, engine, evidence
from resolutions_kg.validation.compiler import compile_shapes

REPO = Path(__file__).resolve().parents[1]
CORPUS = sorted(p for p in (REPO.parent / "shared" / "corpus").iterdir()
                if p.suffix in {".txt", ".md", ".html", ".docx"} and p.name != "README.md")
DEV = sorted(p for p in (REPO / "tests" / "data" / "dev").iterdir()
             if p.suffix in {".txt", ".md", ".html", ".docx"} and p.name != "README.md")

OA = "http://www.w3.org/ns/oa#"
RESKG = "https://w3id.org/resolutions-kg/ontology#"
ELI = "http://data.europa.eu/eli/ontology#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode(str(RDF.type))

Key = tuple[str, str | None, str, str]


def context() -> list[ox.Triple]:
    return [t for graph in reference_graphs(BASE).values() for t in graph]


def mapped(path: Path) -> Mapped:
    return map_resolution(load_file(path), Minter(BASE))


def _rdflib(store: ox.Store) -> Graph:
    graph = Graph()
    graph.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()),
                format="nt")
    return graph


def _show(node: object) -> str | None:
    if node is None:
        return None
    if isinstance(node, Literal):
        return str(ox.Literal(str(node), language=node.language) if node.language else
                   ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype or
                                                                   XSD + "string"))))
    if isinstance(node, URIRef):
        return f"<{node}>"
    return "[]"


@functools.cache
def _prepared(text: str, base: str | None, namespaces: tuple[tuple[str, Any], ...]) -> Query:
    return translateQuery(parseQuery(text), base, dict(namespaces))


@pytest.fixture(scope="module", autouse=True)
def _prepared_queries() -> Iterator[None]:
    """pyshacl hands rdflib the same few SPARQL constraint texts for every graph it validates,
    and rdflib parses each again (a third of pyshacl's time here): in this module each text is
    parsed once and rdflib evaluates the prepared query, as it does for its own ``prepareQuery``
    (a prepared query is evaluated again with other bindings, never changed)."""
    plain_query = processor.SPARQLProcessor.query

    def query(self: processor.SPARQLProcessor, query: str | Query,
              initBindings: Any = None, initNs: Any = None,  # noqa: N803 (rdflib's names)
              base: str | None = None, DEBUG: bool = False) -> Any:  # noqa: N803
        if isinstance(query, str):
            query = _prepared(query, base, tuple(sorted((initNs or {}).items())))
        return plain_query(self, query, initBindings, initNs, base, DEBUG)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(processor.SPARQLProcessor, "query", query)
        yield


def plain(store: ox.Store) -> tuple[bool, set[Key]]:
    """Plain pyshacl's verdict and results on the graph in ``store``."""
    conforms, report, _ = pyshacl.validate(
        _rdflib(store), shacl_graph=data.shapes_graph(), inference="none", advanced=True,
        allow_warnings=True, allow_infos=True)
    keys = set()
    for node in report.objects(None, SH.result):  # not the nested sh:detail results
        path = report.value(node, SH.resultPath)
        if isinstance(path, BNode):
            path = "^" + (_show(report.value(path, SH.inversePath)) or "")
        else:
            path = _show(path)
        keys.add((_show(report.value(node, SH.focusNode)) or "", path,
                  str(report.value(node, SH.sourceConstraintComponent)),
                  str(report.value(node, SH.resultSeverity)).rsplit("#", 1)[1]))
    violations = any(k[3] == "Violation" for k in keys)
    return not violations, keys


def native(store: ox.Store) -> tuple[bool, set[Key]]:
    report = engine.run(store)
    return report.conforms, {(r.focus, r.path, r.component or "", r.severity)
                             for r in report.results}


def assert_agree(triples: list[ox.Triple]) -> tuple[bool, set[Key]]:
    store = data.mixed_store(triples, base_iri=BASE, context=context())
    ours = native(store)
    assert ours == plain(store)
    return ours


# --- documents as they are ----------------------------------------------------------------------


#: Documents validated together: one graph of eight documents costs plain pyshacl about half of
#: what eight graphs of one do (its fixed cost a call is most of a small graph's), and each
#: result still names its focus node, so a disagreement names the document.
BATCH = 8
_DOCUMENTS = swept([*CORPUS, *DEV])
BATCHES = [_DOCUMENTS[i : i + BATCH] for i in range(0, len(_DOCUMENTS), BATCH)]


@pytest.mark.parametrize("paths", BATCHES, ids=lambda ps: f"{ps[0].name}..{ps[-1].name}")
def test_documents_are_judged_as_plain_pyshacl_judges_them(paths: list[Path]) -> None:
    documents = [mapped(path) for path in paths]
    assert_agree([t for d in documents for t in [*d.document, *d.entities]])


def test_the_reference_data_is_judged_as_plain_pyshacl_judges_it() -> None:
    store = data.mixed_store(context(), base_iri=BASE)
    assert native(store) == plain(store)
    assert native(store)[0]


# --- broken documents ---------------------------------------------------------------------------

Mutation = Callable[[list[ox.Triple], random.Random], list[ox.Triple]]


def _pick(triples: list[ox.Triple], rng: random.Random, predicate: str) -> int:
    hits = [i for i, t in enumerate(triples) if t.predicate.value == predicate]
    assert hits, f"no {predicate} to mutate"
    return rng.choice(hits)


def _replace(predicate: str, new: Callable[[ox.Triple], ox.Triple]) -> Mutation:
    def mutate(triples: list[ox.Triple], rng: random.Random) -> list[ox.Triple]:
        i = _pick(triples, rng, predicate)
        return [*triples[:i], new(triples[i]), *triples[i + 1:]]
    return mutate


def _drop(predicate: str) -> Mutation:
    def mutate(triples: list[ox.Triple], rng: random.Random) -> list[ox.Triple]:
        i = _pick(triples, rng, predicate)
        return [*triples[:i], *triples[i + 1:]]
    return mutate


def _duplicate(predicate: str,
               value: Callable[[ox.Triple], ox.Literal | ox.NamedNode]) -> Mutation:
    def mutate(triples: list[ox.Triple], rng: random.Random) -> list[ox.Triple]:
        t = triples[_pick(triples, rng, predicate)]
        return [*triples, ox.Triple(t.subject, t.predicate, value(t))]
    return mutate


def _object(t: ox.Triple, o: ox.NamedNode | ox.Literal) -> ox.Triple:
    return ox.Triple(t.subject, t.predicate, o)


def _shift(by: int) -> Callable[[ox.Triple], ox.Triple]:
    return lambda t: _object(t, ox.Literal(str(int(t.object.value) + by),
                                           datatype=t.object.datatype))


def _sha_wrong(t: ox.Triple) -> ox.Triple:
    return _object(t, ox.Literal(hashlib.sha256(b"other").hexdigest()))


def _same_position(triples: list[ox.Triple], rng: random.Random) -> list[ox.Triple]:
    first = triples[_pick(triples, rng, RESKG + "position")].object
    return [_object(t, first) if t.predicate.value == RESKG + "position" else t
            for t in triples]


def _keep_online(triples: list[ox.Triple], rng: random.Random) -> list[ox.Triple]:
    mode = SCHEMA + "eventAttendanceMode"
    event = next(t.subject for t in triples if t.predicate.value == PROV + "generated")
    agent = next(t.object for t in triples if t.predicate.value == PROV + "agent")
    kept = [t for t in triples if not (t.predicate.value == mode and t.subject in (event, agent))]
    return [*kept,
            ox.Triple(event, ox.NamedNode(mode),
                      ox.NamedNode(SCHEMA + "OfflineEventAttendanceMode")),
            ox.Triple(agent, ox.NamedNode(mode),
                      ox.NamedNode(SCHEMA + "OnlineEventAttendanceMode"))]


MUTATIONS: dict[str, Mutation] = {
    "a required triple removed (position)": _drop(RESKG + "position"),
    "a required triple removed (source)": _drop(OA + "hasSource"),
    "a required triple removed (type of a selector)": lambda ts, rng: (lambda i: [
        *ts[:i], *ts[i + 1:]])(rng.choice([i for i, t in enumerate(ts) if t.predicate == RDF_TYPE
                                           and t.object.value == OA + "TextPositionSelector"])),
    "a maxCount-1 value duplicated (text)": _duplicate(
        RESKG + "text", lambda t: ox.Literal("ещё", language="ru")),
    "a maxCount-1 value duplicated (start)": _duplicate(
        OA + "start", lambda t: ox.Literal(str(int(t.object.value) + 3),
                                           datatype=t.object.datatype)),
    "a wrong datatype (position as a string)": _replace(
        RESKG + "position", lambda t: _object(t, ox.Literal(t.object.value))),
    "a wrong datatype (ill-formed date)": _replace(
        ELI + "date_document",
        lambda t: _object(t, ox.Literal("2012-1x-01", datatype=ox.NamedNode(XSD + "date")))),
    "a wrong language": _replace(RESKG + "text",
                                 lambda t: _object(t, ox.Literal("text", language="en"))),
    "a wrong class (part of an event)": _replace(
        ELI + "is_part_of", lambda t: _object(t, ox.NamedNode(BASE + "nowhere"))),
    "a wrong node kind": _replace(RESKG + "eventKind",
                                  lambda t: _object(t, ox.Literal("конференция", language="ru"))),
    "an offset shifted": _replace(OA + "start", _shift(1)),
    "an offset past the end": _replace(OA + "end", _shift(10_000_000)),
    "an offset negative": _replace(OA + "start", lambda t: _object(t, ox.Literal(
        "-1", datatype=ox.NamedNode(XSD + "integer")))),
    "a quote misquoted": _replace(OA + "exact",
                                  lambda t: _object(t, ox.Literal("не то", language="ru"))),
    "a prefix wrong": _replace(OA + "prefix",
                               lambda t: _object(t, ox.Literal("нечто", language="ru"))),
    "a suffix wrong": _replace(OA + "suffix",
                               lambda t: _object(t, ox.Literal("нечто", language="ru"))),
    "a checksum wrong": _replace(RESKG + "sha256", _sha_wrong),
    "two items at one position": _same_position,
    "has_part without is_part_of": _drop(ELI + "is_part_of"),
    "generated without wasGeneratedBy": _drop(PROV + "wasGeneratedBy"),
    "an online cohort at an offline event": _keep_online,
    "a planned status missing": _drop(SCHEMA + "eventStatus"),
}

#: Documents the mutations are applied to (one with a planned event and online cohorts).
MUTATED = [p for p in [*CORPUS, *DEV] if p.name in {"tver-2012.txt", "novgorod-2014.md"}]


@pytest.fixture(scope="module")
def documents() -> dict[str, Mapped]:
    return {p.name: mapped(p) for p in MUTATED}


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_a_broken_document_is_judged_as_plain_pyshacl_judges_it(
    mutation: str, documents: dict[str, Mapped]
) -> None:
    judged = 0
    for n, document in enumerate(documents.values()):
        try:
            triples = MUTATIONS[mutation](list(document.document), random.Random(n))
        except (AssertionError, StopIteration, IndexError):
            continue  # this document has nothing the mutation can break
        conforms, keys = assert_agree([*triples, *document.entities])
        judged += 1
        assert keys, mutation  # every mutation is seen, as a violation or a warning
    assert judged


# --- the evidence checks in Python and in SPARQL ------------------------------------------------


def _evidence_check() -> engine.Check:
    return next(c for c in engine.checks() if c.native == "evidence_quotes")


@pytest.mark.parametrize("mutation", ["an offset shifted", "an offset past the end",
                                      "an offset negative", "a quote misquoted", "a prefix wrong",
                                      "a suffix wrong", "a maxCount-1 value duplicated (start)"])
def test_the_evidence_checks_in_python_give_the_rows_of_their_sparql(
    mutation: str, documents: dict[str, Mapped]
) -> None:
    check = _evidence_check()
    for n, document in enumerate(documents.values()):
        triples = MUTATIONS[mutation](list(document.document), random.Random(n))
        store = data.mixed_store([*triples, *document.entities], base_iri=BASE,
                                 context=context())
        for update in engine.compiled().targets:  # mark the focus nodes
            store.update(update)
        solutions = store.query(check.query)
        assert isinstance(solutions, ox.QuerySolutions)
        names = [v.value for v in solutions.variables]
        reference = sorted(str(sorted((k, str(v)) for k, v in zip(names, row, strict=True)
                                      if v is not None)) for row in solutions)
        ours = sorted(str(sorted((k, str(v)) for k, v in row.items()))
                      for row in evidence.evidence_quotes(store, check))
        assert ours == reference
        assert ours


def test_substr_is_xpath_substring() -> None:
    assert evidence.substr("abcde", 2, 3) == "bcd"
    assert evidence.substr("abcde", 0, 3) == "ab"
    assert evidence.substr("abcde", -1, 3) == "a"
    assert evidence.substr("abcde", 4, 10) == "de"
    assert evidence.substr("abcde", 3, -1) == ""
    assert evidence.substr("a🙂c", 2, 1) == "🙂"


# --- what the compiler refuses ------------------------------------------------------------------

SHAPE = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
"""


@pytest.mark.parametrize("shape", [
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:equals ex:q ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:p ex:q ) ; "
    "sh:minCount 1 ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true .",
    "ex:S a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ; sh:select \"SELECT ?this {}\" ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:node ex:T . "
    "ex:T a sh:NodeShape ; sh:property [ sh:path ex:p ; sh:node ex:T ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; "
    "sh:node [ sh:property [ sh:path ex:q ; sh:minCount 2 ] ] ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:deactivated true .",
])
def test_what_the_compiler_does_not_know_is_an_error(shape: str) -> None:
    with pytest.raises(UnsupportedShapeError):
        compile_shapes(Graph().parse(data=SHAPE + shape, format="turtle"))


def test_a_shape_with_targets_and_what_it_uses_compile() -> None:
    compiled = compile_shapes(Graph().parse(data=SHAPE + """
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ;
            sh:node [ sh:property [ sh:path ex:q ; sh:maxCount 1 ] ] ] .""", format="turtle"))
    assert [c.component.rsplit("#", 1)[1] for c in compiled.checks] == [
        "MinCountConstraintComponent", "NodeConstraintComponent"]


def test_our_shapes_compile() -> None:
    components = {c.component.rsplit("#", 1)[1] for c in engine.checks()}
    assert {"MinCountConstraintComponent", "ClassConstraintComponent",
            "SPARQLConstraintComponent", "QualifiedMinCountConstraintComponent",
            "OrConstraintComponent", "NodeConstraintComponent"} <= components


# --- importing our package leaves pyshacl alone -------------------------------------------------

PLAIN = """
import sys
import pyshacl
from rdflib import Graph
shapes = Graph().parse(format="turtle", data='''
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ;
    sh:property [ sh:path ex:p ; sh:minCount 1 ;
                  sh:datatype <http://www.w3.org/2001/XMLSchema#integer> ] ;
    sh:property [ sh:path ex:q ; sh:node [ sh:property [ sh:path ex:r ; sh:minCount 1 ] ] ] .
''')
data = Graph().parse(format="turtle", data='''
@prefix ex: <http://example.org/> .
ex:a a ex:C ; ex:q ex:b . ex:b ex:s 1 .
''')
if sys.argv[1] == "after":
    import resolutions_kg
    import resolutions_kg.publish
    import resolutions_kg.validation
    resolutions_kg.validation.validate(data)
print(pyshacl.validate(data, shacl_graph=shapes, advanced=True)[2])
"""


def test_plain_pyshacl_is_the_same_before_and_after_our_package_is_imported() -> None:
    import subprocess
    import sys

    texts = [subprocess.run([sys.executable, "-c", PLAIN, when], capture_output=True, text=True,
                            check=True, timeout=120).stdout for when in ("before", "after")]
    assert texts[0] == texts[1]
    assert "Message: Less than 1 values on" in texts[0]  # the descriptions are all there


# --- a document handed over as N-Triples --------------------------------------------------------


def _judged(store: ox.Store) -> tuple[bool, set[tuple[str, str | None, str | None, str, str]]]:
    report = engine.run(store)
    return report.conforms, {(r.focus, r.path, r.value, r.severity, r.message)
                             for r in report.results}


@pytest.mark.parametrize("mutation", [None, "a required triple removed (source)",
                                      "a wrong datatype (position as a string)",
                                      "a quote misquoted"])
def test_n_triples_text_is_judged_as_its_triples_are(
    mutation: str | None, documents: dict[str, Mapped]
) -> None:
    """``reskg load`` validates a document from the N-Triples a worker hands over, through
    Oxigraph's own parser: the same results, with the same reference nodes mixed in."""
    for n, document in enumerate(documents.values()):
        triples = [*document.document] if mutation is None else MUTATIONS[mutation](
            list(document.document), random.Random(n))
        triples += document.entities
        text = "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in triples).encode()
        from_text = data.mixed_store(text, base_iri=BASE, context=context())
        from_triples = data.mixed_store(triples, base_iri=BASE, context=context())
        assert set(from_text) == set(from_triples)
        judged = _judged(from_text)
        assert judged == _judged(from_triples)
        assert judged[0] is (mutation is None)
