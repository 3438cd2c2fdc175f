"""Fast validation judges documents exactly as plain pyshacl does.

Loading validates each document with three speed-ups (:mod:`resolutions_kg.validation`):
nested shapes evaluated in batches, SHACL-SPARQL answered by Oxigraph, and reference data mixed
in only as far as the document reaches. Here generated documents, intact and mutated in ways
that break shapes, are validated both ways: fast, and by the plain reference path (pyshacl's own
per-value-node evaluation, rdflib's SPARQL, every reference triple mixed in).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import Graph

from resolutions_kg import shacl_batching, shacl_together
from resolutions_kg import validation as v
from resolutions_kg.iris import Minter
from resolutions_kg.loaders import load_file
from resolutions_kg.mapping import Mapped, map_resolution
from resolutions_kg.registry import reference_graphs
from resolutions_kg.settings import DEFAULT_BASE_IRI as BASE
from resolutions_kg.shacl_data import rdflib_term

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate_corpus import generate  # noqa: E402

OA = "http://www.w3.org/ns/oa#"
Mutation = Callable[[list[ox.Triple], random.Random], list[ox.Triple]]


def _replace_object(triples: list[ox.Triple], rng: random.Random, predicate: str,
                    new: Callable[[ox.Triple], ox.Triple]) -> list[ox.Triple]:
    hits = [i for i, t in enumerate(triples) if t.predicate.value == predicate]
    i = rng.choice(hits)
    return [*triples[:i], new(triples[i]), *triples[i + 1:]]


MUTATIONS: dict[str, Mutation] = {
    "intact": lambda ts, rng: ts,
    "a triple dropped": lambda ts, rng: [t for i, t in enumerate(ts)
                                         if i != rng.randrange(len(ts))],
    "a literal in English": lambda ts, rng: _replace_object(
        ts, rng, "https://w3id.org/resolutions-kg/ontology#text",
        lambda t: ox.Triple(t.subject, t.predicate, ox.Literal("text", language="en"))),
    "a node untyped": lambda ts, rng: (lambda s: [
        t for t in ts if not (t.subject == s and t.predicate.value.endswith("#type"))
    ])(rng.choice(ts).subject),
    "an object nowhere": lambda ts, rng: (lambda i: [
        *ts[:i], ox.Triple(ts[i].subject, ts[i].predicate, ox.NamedNode(BASE + "nowhere")),
        *ts[i + 1:]])(rng.randrange(len(ts))),
    "a quote misquoted": lambda ts, rng: _replace_object(
        ts, rng, OA + "exact",
        lambda t: ox.Triple(t.subject, t.predicate, ox.Literal("не то", language="ru"))),
    "a selection shifted": lambda ts, rng: _replace_object(
        ts, rng, OA + "start",
        lambda t: ox.Triple(t.subject, t.predicate, ox.Literal(
            str(int(t.object.value) + 1), datatype=t.object.datatype))),
}

#: Mutations that break a shape whichever triple they pick.
MUST_VIOLATE = {"a literal in English", "a quote misquoted", "a selection shifted"}


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Mapped]:
    folder = tmp_path_factory.mktemp("corpus")
    minter = Minter(BASE)
    return [map_resolution(load_file(path), minter) for path in generate(folder, 5)]


def registry() -> list[ox.Triple]:
    return [t for graph in reference_graphs(BASE).values() for t in graph]


def plain_results(triples: list[ox.Triple]) -> list[str]:
    """Validation the slow, plain way."""
    graph = Graph()
    for t in triples:
        graph.add((rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object)))
    for triple in (*v._reference(BASE), *v._ontology()):
        graph.add(triple)
    _, report, _ = pyshacl.validate(graph, shacl_graph=v.shapes_graph(), inference="none",
                                    advanced=True, inplace=True, allow_warnings=True,
                                    allow_infos=True)
    return sorted({str(r) for r in v._results(report)})


def test_the_batching_patch_is_installed() -> None:
    assert shacl_batching.install()


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_fast_validation_gives_the_plain_verdicts(
    mutation: str, documents: list[Mapped], monkeypatch: pytest.MonkeyPatch
) -> None:
    known = registry()
    fast, plain = [], []
    for n, mapped in enumerate(documents):
        triples = MUTATIONS[mutation](list(mapped.document), random.Random(n))
        report = v.validate([*triples, *mapped.entities], base_iri=BASE, context=known)
        fast.append(sorted({str(r) for r in report.results}))
    with monkeypatch.context() as patched:
        for cls, name, original in shacl_batching.ORIGINALS:
            patched.setattr(cls, name, original)
        for n, mapped in enumerate(documents):
            triples = MUTATIONS[mutation](list(mapped.document), random.Random(n))
            plain.append(plain_results([*triples, *mapped.entities, *known]))
    assert fast == plain
    if mutation in MUST_VIOLATE:
        assert all(any(r.startswith("Violation") for r in results) for results in fast)


def test_reference_data_conforms_on_its_own() -> None:
    """Documents no longer re-validate the reference nodes they do not reach; so check them."""
    report = v.validate(registry(), base_iri=BASE)
    assert report.conforms, report.text()


# --- documents validated together ---------------------------------------------------------------


def alone(documents: list[list[ox.Triple]]) -> dict[int, str]:
    """Each document's report text when it is validated alone, for those that do not conform."""
    reports = {n: v.validate(d, base_iri=BASE, context=registry())
               for n, d in enumerate(documents)}
    return {n: r.text() for n, r in reports.items() if not r.conforms}


def together(documents: list[list[ox.Triple]]) -> dict[int, str]:
    found = shacl_together.invalid_documents(documents, base_iri=BASE, context=registry())
    return {n: r.text() for n, r in found.items()}


def test_intact_documents_are_validated_in_batches(documents: list[Mapped]) -> None:
    triples = [[*m.document, *m.entities] for m in documents]
    groups = shacl_together.batches(triples, base_iri=BASE, context=registry())
    assert sorted(n for group in groups for n in group) == list(range(len(documents)))
    # Documents that describe a shared entity differently (here the organisation "shire",
    # named in two cases) go to different batches; the others share one.
    assert max(len(group) for group in groups) > 1
    assert together(triples) == {}


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_a_bad_document_among_good_ones_fails_alone_with_its_own_report(
    mutation: str, documents: list[Mapped]
) -> None:
    batch = [[*m.document, *m.entities] for m in documents]
    for n in range(len(batch)):
        mutated = MUTATIONS[mutation](list(documents[n].document), random.Random(n))
        batch[n] = [*mutated, *documents[n].entities]
        assert together(batch) == alone(batch)
        batch[n] = [*documents[n].document, *documents[n].entities]


def test_a_document_cannot_lend_another_the_triple_it_lacks(documents: list[Mapped]) -> None:
    """Split a document in two — one triple out, the rest — so that together they are whole."""
    rng = random.Random(7)
    broken = 0
    for mapped in documents:
        triples = [*mapped.document, *mapped.entities]
        typed = [i for i, t in enumerate(mapped.document) if t.predicate.value.endswith("#type")]
        for k in rng.sample(typed, 4):
            halves = [[t for i, t in enumerate(triples) if i != k], [triples[k]]]
            others = [[*m.document, *m.entities] for m in documents if m is not mapped]
            batch = [*halves, *others]
            assert together(batch) == alone(batch)
            broken += 0 in alone(batch)
    assert broken > len(documents)  # most of the halves do not conform alone


def test_the_same_document_twice_is_judged_as_alone(documents: list[Mapped]) -> None:
    triples = [*documents[0].document, *documents[0].entities]
    misquoted = MUTATIONS["a quote misquoted"](list(documents[0].document), random.Random(0))
    batch = [triples, triples, [*misquoted, *documents[0].entities]]
    assert together(batch) == alone(batch)
    assert sorted(together(batch)) == [2]


def test_the_guarded_shapes_are_found_in_our_shapes() -> None:
    targets = shacl_together.guarded_targets(v.shapes_graph())
    reskg, prov = "https://w3id.org/resolutions-kg/ontology#", "http://www.w3.org/ns/prov#"
    assert targets is not None
    assert {str(c) for c in targets.classes} == {
        reskg + "Resolution", reskg + "SourceText", reskg + "ParticipantCohort",
        prov + "Association"}
    assert {str(p) for p in targets.subjects_of} == {prov + "generated"}


@pytest.mark.parametrize("nesting", ["sh:node ex:Back", "sh:or ( ex:Back )",
                                     "sh:qualifiedValueShape ex:Back ; sh:qualifiedMinCount 1"])
def test_a_guarded_shape_used_on_value_nodes_turns_batching_off(nesting: str) -> None:
    shapes = Graph().parse(format="turtle", data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:Back a sh:NodeShape ; sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:minCount 1 ] .
        ex:Outer a sh:NodeShape ; sh:targetClass ex:C ;
            sh:property [ sh:path ex:q ; {nesting} ] .
        """)
    assert shacl_together.guarded_targets(shapes) is None


@pytest.mark.parametrize("feature", [
    "sh:target [ a sh:SPARQLTarget ; sh:select \"SELECT ?this WHERE { ?this ?p ?o }\" ]",
    "sh:rule [ a sh:TripleRule ; sh:subject sh:this ; sh:predicate ex:p ; sh:object ex:o ]",
])
def test_advanced_features_it_does_not_analyse_turn_batching_off(feature: str) -> None:
    shapes = Graph().parse(format="turtle", data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; {feature} .
        """)
    assert shacl_together.guarded_targets(shapes) is None
