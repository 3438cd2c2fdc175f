"""Issue 13 point 5: the dumps and the VoID statistics are built in the background
(:class:`resolutions_kg.endpoint.dumps.Dumps`), over a real on-disk store: nothing waits for a
build, the last build says which version it holds, a burst of writes costs one build, and the
build's files and statistics hold exactly the data of its version."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox
from endpoint_support import BASE, build_ld_store

from resolutions_kg.endpoint.dumps import Dumps
from resolutions_kg.store import mark_modified, read_state, store_version

P = ox.NamedNode("https://schema.org/name")
G = ox.NamedNode(BASE + "graph/background")


def write(store: ox.Store, folder: Path, i: int) -> str:
    """One committed write, recorded as the server records it; the new version."""
    store.add(ox.Quad(ox.NamedNode(f"{BASE}place/p{i}"), P, ox.Literal(f"place {i}"), G))
    store.flush()
    return store_version(mark_modified(folder, BASE))


def nquads(dumps: Dumps) -> set[ox.Quad]:
    build = dumps.latest()
    assert build is not None
    dump = next(f for f in build.files if f.name.endswith(".nq.gz"))
    return set(ox.parse(gzip.decompress(dump.path.read_bytes()), format=ox.RdfFormat.N_QUADS))


def test_nothing_waits_and_a_burst_of_writes_costs_one_build(tmp_path: Path) -> None:
    folder = build_ld_store(tmp_path / "store")
    store = ox.Store(str(folder))
    version = write(store, folder, 0)
    dumps = Dumps(store, store_path=folder, base_iri=BASE, debounce=2)

    # the first build is under way: no files yet, and nobody waits for them
    assert dumps.latest() is None
    assert dumps.pending() == read_state(folder)["modified"]
    first = dumps.wait(timeout=300)
    assert first is not None and first.key == "v" + version
    assert dumps.pending() is None and dumps.builds == 1
    assert first.stats["triples"] == len(set(q.triple for q in store))
    quads = nquads(dumps)
    assert quads == set(store) and len(quads) == len(store)

    # five writes in a row: the old build is answered at once, saying a newer one is coming
    for i in range(1, 6):
        version = write(store, folder, i)
    assert dumps.latest() is first
    assert dumps.pending() == read_state(folder)["modified"]
    second = dumps.wait(timeout=300)
    assert second is not None and second.key == "v" + version
    assert dumps.builds == 2  # one build for the burst
    assert ox.Quad(ox.NamedNode(f"{BASE}place/p5"), P, ox.Literal("place 5"), G) in nquads(dumps)
    assert second.stats["triples"] == first.stats["triples"] + 5
    # the set before stays for a client that just listed it; older ones go
    assert first.files[0].path.exists() and second.files[0].path.exists()


def test_a_restart_finds_the_build_of_its_version_on_disk(tmp_path: Path) -> None:
    folder = build_ld_store(tmp_path / "store")
    store = ox.Store(str(folder))
    write(store, folder, 0)
    built = Dumps(store, store_path=folder, base_iri=BASE, debounce=0.1).files()
    again = Dumps(store, store_path=folder, base_iri=BASE, debounce=3600)
    latest = again.latest()  # no build runs: the one on disk is this version's
    assert latest is not None and again.builds == 0
    assert [f.sha256 for f in latest.files] == [f.sha256 for f in built]
