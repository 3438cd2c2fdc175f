"""Two different documents whose place, year and title give the same name are both kept.

Found with the labelled set of session 14: two collegium decisions of Syktyvkar in 2019 on «О
состоянии и перспективах развития …» (and two Kotlas seminars of 2015 with one title) gave one
resolution IRI, so the second load replaced the first document's graph — a document already
stored was lost without a word. The second is now published under «…-2» and the load says so.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

from resolutions_kg.store import open_store

RESKG = str(Path(sys.executable).with_name("reskg"))
HEADER = ("РЕЗОЛЮЦИЯ\nсеминара «Сельская библиотека: новые формы работы»\n\n"
          "Котлас, {day} 2015 г.\n\n")


def write(path: Path, day: str, *items: str) -> Path:
    path.write_text(HEADER.format(day=day) + "Участники семинара рекомендуют:\n\n"
                    + "".join(f"{k}. {item}\n" for k, item in enumerate(items, start=1)),
                    encoding="utf-8")
    return path


def load(store: Path, *paths: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([RESKG, "load", *map(str, paths), "--store", str(store)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done


def resolutions(store: Path) -> dict[str, tuple[str, int]]:
    """File name → (resolution IRI, its number of recommendations)."""
    opened = open_store(store, read_only=True)
    rows = opened.query("""
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?name ?r (COUNT(?rec) AS ?n) WHERE {
            ?r <http://purl.org/dc/terms/source>/rdfs:label ?name .
            OPTIONAL { ?rec <http://data.europa.eu/eli/ontology#is_part_of> ?r ;
                            a <https://w3id.org/resolutions-kg/ontology#Recommendation> }
        } GROUP BY ?name ?r""", use_default_graph_as_union=True)
    assert isinstance(rows, ox.QuerySolutions)
    out = {row["name"].value: (row["r"].value, int(row["n"].value))  # type: ignore[union-attr]
           for row in rows}
    del opened
    return out


def test_a_second_document_with_the_same_name_is_kept_beside_the_first(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = write(tmp_path / "kotlas-a.txt", "12 мая", "Сохранить фонды.", "Открыть клуб.")
    second = write(tmp_path / "kotlas-b.txt", "14 октября", "Провести конкурс.")
    load(store, first)
    before = resolutions(store)
    said = load(store, second)
    after = resolutions(store)
    assert after["kotlas-a.txt"] == before["kotlas-a.txt"]  # the first is untouched
    iri, count = after["kotlas-b.txt"]
    assert iri == before["kotlas-a.txt"][0] + "-2" and count == 1
    assert "published as" in said.stdout + said.stderr
    # loaded again (changed), the second keeps its name and leaves nothing behind
    write(second, "14 октября", "Провести конкурс.", "Издать сборник.")
    load(store, second)
    again = resolutions(store)
    assert again["kotlas-b.txt"] == (iri, 2) and again["kotlas-a.txt"] == before["kotlas-a.txt"]
    assert len(again) == 2
