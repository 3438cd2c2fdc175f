"""Figures about the store: triples per graph and resources per class."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from resolutions_kg.namespaces import PREFIXES
from resolutions_kg.store import graph_names


def compact(iri: str) -> str:
    """``reskg:Resolution`` for a known namespace, the IRI otherwise."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and iri != ns:
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _select(store: ox.Store, query: str) -> ox.QuerySolutions:
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    return solutions


def store_stats(store: ox.Store) -> dict[str, Any]:
    """``{"triples": n, "graphs": {iri: n}, "classes": {curie: n}}``, sorted."""
    graphs: dict[str, int] = dict.fromkeys(graph_names(store), 0)
    for row in _select(store, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"):
        graphs[row["g"].value] = int(row["n"].value)
    classes: dict[str, int] = {}
    rows = _select(
        store,
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s a ?c } } GROUP BY ?c ORDER BY ?c",
    )
    for row in rows:
        classes[compact(row["c"].value)] = int(row["n"].value)
    return {
        "triples": sum(graphs.values()),
        "graphs": graphs,
        "classes": dict(sorted(classes.items())),
    }
