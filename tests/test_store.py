"""The store: atomic graph replacement and clear errors."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from resolutions_kg import store as store_module
from resolutions_kg.errors import StoreError
from resolutions_kg.store import (
    check_base_iri,
    count_quads,
    graph_names,
    mark_modified,
    open_store,
    read_state,
    replace_graphs,
)

G1, G2 = "http://example.org/graph/a", "http://example.org/graph/b"


def triple(s: str, o: str) -> ox.Triple:
    return ox.Triple(ox.NamedNode(f"http://example.org/{s}"), ox.NamedNode("http://example.org/p"),
                     ox.Literal(o, language="ru"))


def snapshot(store: ox.Store) -> set[ox.Quad]:
    return set(store.quads_for_pattern(None, None, None, None))


def test_replace_graph_drops_the_old_content(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    replace_graphs(store, {G1: [triple("x", "старое"), triple("y", "1")]})
    replace_graphs(store, {G1: [triple("x", "новое")]})
    assert {q.object.value for q in snapshot(store)} == {"новое"}
    assert count_quads(store, G1) == 1


def test_add_keeps_and_remove_drops(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    replace_graphs(store, {G1: [triple("x", "1")]}, add={G2: [triple("y", "2")]})
    replace_graphs(store, add={G2: [triple("z", "3")]}, remove=[G1])
    assert graph_names(store) == [G2]
    assert count_quads(store) == 2


def test_a_failing_update_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    replace_graphs(store, {G1: [triple("x", "1")], G2: [triple("y", "2")]})
    before = snapshot(store)
    bad = ox.Triple(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
                    ox.NamedNode("http://example.org/o"))
    # A graph name that breaks the update text: the whole transaction must be refused.
    with pytest.raises(StoreError):
        replace_graphs(store, {G1: [triple("x", "new")], "http://example.org/bad> <": [bad]})
    assert snapshot(store) == before


def ntriples(triples: list[ox.Triple]) -> bytes:
    """N-Triples as worker processes hand a document over (resolutions_kg.parallel)."""
    return "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in triples).encode()


def test_n_triples_text_goes_in_as_the_same_quads(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    # a line break and a line's end inside a literal are escaped, never taken for a line's end
    text = [triple("x", "конец .\nначало"), triple("y", 'кавычка " и \\ .')]
    replace_graphs(store, {G1: ntriples(text)}, add={G2: ntriples([triple("z", "3")])})
    assert snapshot(store) == {ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g))
                               for g, t in ((G1, text[0]), (G1, text[1]),
                                            (G2, triple("z", "3")))}


def test_a_graph_handed_to_oxigraph_in_slices_is_the_same_graph(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "_SLICE", 100)  # a few lines a slice, not 4 MB
    text = [triple(f"n{n}", f"строка {n}") for n in range(500)]
    store = open_store(tmp_path / "s")
    replace_graphs(store, {G1: ntriples(text)}, add={G2: text[:3]})
    assert snapshot(store) == {ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g))
                               for g, ts in ((G1, text), (G2, text[:3])) for t in ts}


def test_blank_nodes_in_n_triples_keep_their_labels(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    replace_graphs(store, {G1: b"_:b1 <http://example.org/p> _:b2 .\n"})
    [quad] = snapshot(store)
    assert (quad.subject, quad.object) == (ox.BlankNode("b1"), ox.BlankNode("b2"))


def test_a_bad_line_at_the_end_of_a_new_graph_writes_nothing(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    replace_graphs(store, {G1: [triple("x", "1")]})
    before = snapshot(store)
    lines = ntriples([triple(f"n{n}", str(n)) for n in range(1000)])
    unclosed = b'<http://example.org/s> <http://example.org/p> "open .\n'
    with pytest.raises(StoreError):
        replace_graphs(store, {G2: lines + unclosed}, add={G1: [triple("y", "2")]})
    assert snapshot(store) == before
    assert graph_names(store) == [G1]


def test_a_bad_graph_name_for_n_triples_writes_nothing(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    replace_graphs(store, {G1: [triple("x", "1")]})
    before = snapshot(store)
    with pytest.raises(StoreError):
        replace_graphs(store, {G2: ntriples([triple("y", "2")])},
                       add={"http://example.org/bad> <": ntriples([triple("z", "3")])})
    assert snapshot(store) == before


def test_reopening_sees_committed_data(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    replace_graphs(store, {G1: [triple("x", "1")]})
    del store
    assert count_quads(open_store(tmp_path / "s", read_only=True)) == 1


def test_read_only_open_of_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "missing", read_only=True)


def test_a_folder_of_other_files_is_not_taken_for_a_store(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="holds no Oxigraph store"):
        open_store(tmp_path)


def test_base_iri_is_recorded_and_enforced(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    open_store(folder)
    mark_modified(folder, "http://example.org/")
    assert read_state(folder)["base_iri"] == "http://example.org/"
    assert read_state(folder)["modified"].endswith("Z")
    assert read_state(folder)["created"] == read_state(folder)["modified"]
    check_base_iri(folder, "http://example.org/")
    with pytest.raises(StoreError, match="published under base IRI http://example.org/"):
        check_base_iri(folder, "http://other.example/")


def test_a_store_in_a_folder_that_does_not_exist_yet_is_created(tmp_path: Path) -> None:
    store = open_store(tmp_path / "var" / "deeper" / "store")
    replace_graphs(store, {G1: [triple("x", "1")]})
    assert count_quads(store) == 1
