"""Export: every format, one graph or all, deterministic, and the same data read back."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from conftest import TVER
from rdflib.compare import graph_diff, to_isomorphic

from resolutions_kg.export import export
from resolutions_kg.formats import RdfFormat
from resolutions_kg.publish import publish
from resolutions_kg.settings import DEFAULT_BASE_IRI
from resolutions_kg.store import graph_names, open_store

RDFLIB_FORMATS = {
    RdfFormat.TURTLE: "turtle", RdfFormat.TRIG: "trig", RdfFormat.N_TRIPLES: "nt",
    RdfFormat.N_QUADS: "nquads", RdfFormat.JSON_LD: "json-ld", RdfFormat.RDF_XML: "xml",
}


def store_triples(store: ox.Store, graph: str | None = None) -> set[ox.Triple]:
    g = ox.NamedNode(graph) if graph else None
    return {ox.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, g)}


def store_quads(store: ox.Store) -> set[ox.Quad]:
    return set(store.quads_for_pattern(None, None, None, None))


def exported(store: ox.Store, **kwargs: object) -> bytes:
    buffer = io.BytesIO()
    export(store, buffer, **kwargs)  # type: ignore[arg-type]
    return buffer.getvalue()


@pytest.fixture(scope="module")
def store(tver_store: Path) -> ox.Store:
    return open_store(tver_store, read_only=True)


@pytest.mark.parametrize("fmt", list(RdfFormat))
def test_pyoxigraph_reads_back_the_same_data(store: ox.Store, fmt: RdfFormat) -> None:
    data = exported(store, format=fmt)
    parsed = list(ox.parse(data, format=fmt.pyoxigraph))
    if fmt.supports_datasets:
        assert set(parsed) == store_quads(store)
    else:
        assert {ox.Triple(q.subject, q.predicate, q.object) for q in parsed} == store_triples(store)


@pytest.mark.parametrize("fmt", list(RdfFormat))
def test_rdflib_reads_back_the_same_data(store: ox.Store, fmt: RdfFormat) -> None:
    graph = sorted(g for g in graph_names(store) if "/graph/tver-2012" in g)[0]
    data = exported(store, format=fmt, graph=graph)
    ours = rdflib.Graph()
    if fmt.supports_datasets:
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format=RDFLIB_FORMATS[fmt])
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            ours.add((s, p, o))
    else:
        ours.parse(data=data, format=RDFLIB_FORMATS[fmt])
    reference = rdflib.Graph().parse(
        data=exported(store, format=RdfFormat.N_TRIPLES, graph=graph), format="nt"
    )
    iso_ours, iso_ref = to_isomorphic(ours), to_isomorphic(reference)
    if iso_ours != iso_ref:
        _, only_ours, only_ref = graph_diff(iso_ours, iso_ref)
        pytest.fail(f"only in {fmt.name}:\n{only_ours.serialize(format='nt')}\n"
                    f"only in reference:\n{only_ref.serialize(format='nt')}")
    assert len(ours) == len(store_triples(store, graph))


def test_turtle_has_prefixes(store: ox.Store) -> None:
    head = exported(store).decode()[:2000]
    assert "@prefix reskg: <https://w3id.org/resolutions-kg/ontology#> ." in head
    assert "@prefix schema: <https://schema.org/> ." in head
    assert exported(store).decode().count("@prefix reskg:") == 1


def test_one_graph_only(store: ox.Store) -> None:
    graph = DEFAULT_BASE_IRI + "graph/ontology"
    data = exported(store, format=RdfFormat.N_TRIPLES, graph=graph)
    parsed = {ox.Triple(q.subject, q.predicate, q.object)
              for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)}
    assert parsed == store_triples(store, graph)


def test_gzip_is_deterministic_and_decompresses_to_the_plain_export(store: ox.Store) -> None:
    zipped = exported(store, format=RdfFormat.N_QUADS, compress=True)
    assert gzip.decompress(zipped) == exported(store, format=RdfFormat.N_QUADS)
    assert zipped == exported(store, format=RdfFormat.N_QUADS, compress=True)


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads"])
def test_the_same_input_gives_a_byte_identical_dump(tmp_path: Path, fmt: str) -> None:
    """Two stores built in separate processes from the same file export the same bytes."""
    dumps = []
    for n in (1, 2):
        folder = tmp_path / f"s{n}"
        code = (
            "import sys; from resolutions_kg.publish import publish; "
            f"r = publish([{str(TVER)!r}], {str(folder)!r}, base_iri={DEFAULT_BASE_IRI!r}); "
            "sys.exit(1 if r.failed else 0)"
        )
        subprocess.run([sys.executable, "-c", code], check=True, timeout=300)
        out = tmp_path / f"dump{n}"
        subprocess.run(
            [str(Path(sys.executable).with_name("reskg")), "export", "--store", str(folder),
             "--format", fmt, "-o", str(out)],
            check=True, timeout=300,
        )
        dumps.append(out.read_bytes())
    assert dumps[0] == dumps[1]
    assert len(dumps[0]) > 10_000


def test_reloading_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    publish([TVER], folder, base_iri=DEFAULT_BASE_IRI)
    first = exported(open_store(folder), format=RdfFormat.N_QUADS)
    publish([TVER], folder, base_iri=DEFAULT_BASE_IRI, force=True)
    assert exported(open_store(folder), format=RdfFormat.N_QUADS) == first


def test_links_alone_as_sorted_ntriples(tver_store: Path) -> None:
    import subprocess as sp

    out = sp.run([str(Path(sys.executable).with_name("reskg")), "export", "--store",
                  str(tver_store), "--links"], capture_output=True, check=True).stdout
    lines = out.decode().splitlines()
    assert lines == sorted(lines)
    assert "<https://w3id.org/resolutions-kg/place/tver> <http://www.w3.org/2002/07/owl#sameAs> "\
        "<http://www.wikidata.org/entity/Q2288> ." in lines
    predicates = {line.split(" ")[1] for line in lines}
    assert predicates <= {"<http://www.w3.org/2002/07/owl#sameAs>",
                          "<http://www.w3.org/2004/02/skos/core#exactMatch>",
                          "<http://www.w3.org/2004/02/skos/core#closeMatch>",
                          "<http://www.w3.org/2004/02/skos/core#broadMatch>",
                          "<http://www.w3.org/2004/02/skos/core#narrowMatch>",
                          "<http://www.w3.org/2004/02/skos/core#relatedMatch>"}
