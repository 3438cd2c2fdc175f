"""The store and the comparison servers of the endpoint benchmark (bench/endpoint_bench.py).

- :func:`generate_nquads`: synthetic resolutions following docs/model.md's shapes (deterministic
  seed) — resolutions in their own named graphs, recommendations with reskg:text, dct:audience,
  reskg:lemmas, events with dates and places — and :data:`QUERIES`, the query mix;
- :func:`serve_bare`: the HTTP floor, ~30 lines of Starlette calling ``store.query`` and
  serialising;
- :func:`serve_rdflib`: the peer, rdflib-endpoint over an rdflib Dataset of the same quads.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

BASE = "https://w3id.org/resolutions-kg/"
RESKG = "https://w3id.org/resolutions-kg/ontology#"
PREFIXES = f"""PREFIX reskg: <{RESKG}>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""
AUDIENCES = ["biblioteki", "muzei", "organy-vlasti", "uchrezhdeniya-kultury", "arkhivy",
             "shkoly", "universitety", "izdatelstva", "soobshchestva", "ministerstvo"]
WORDS = ["библиотека", "развитие", "поддержка", "чтение", "фонд", "культура", "музей",
         "сотрудничество", "программа", "цифровой", "ресурс", "услуга", "проект", "регион",
         "молодёжь", "наследие", "доступ", "электронный", "информация", "специалист"]
RARE = "краеведение"
RECS_PER_RESOLUTION = 10
TRIPLES_PER_RESOLUTION = 8 + 6 + RECS_PER_RESOLUTION * 8

QUERIES = {
    "point lookup": f"SELECT ?p ?o WHERE {{ <{BASE}resolution/doc-42> ?p ?o }}",
    "count by addressee": PREFIXES + "SELECT ?a (COUNT(?r) AS ?n) "
                                     "WHERE { ?r dct:audience ?a } GROUP BY ?a",
    "text search": PREFIXES + "SELECT ?r ?text WHERE { ?r reskg:lemmas ?l ; reskg:text ?text "
                              f'FILTER(CONTAINS(?l, "{RARE}")) }} LIMIT 50',
    "describe": f"DESCRIBE <{BASE}resolution/doc-42>",
    "two-hop join": PREFIXES + "SELECT ?rec WHERE { "
                               f"?ev schema:location <{BASE}place/p-3> . "
                               "?res prov:wasGeneratedBy ?ev . ?rec eli:is_part_of ?res }",
    "group by year": PREFIXES + "SELECT ?year (COUNT(?res) AS ?n) WHERE { "
                                "?res eli:date_document ?d } GROUP BY (YEAR(?d) AS ?year)",
}


# ----------------------------------------------------------------------------- data


def _lit(text: str, lang: str | None = None, dtype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{escaped}"@{lang}'
    if dtype:
        return f'"{escaped}"^^<http://www.w3.org/2001/XMLSchema#{dtype}>'
    return f'"{escaped}"'


def generate_nquads(path: Path, triples: int, *, seed: int = 20121026) -> int:
    rng = random.Random(seed)
    n_res = max(1, -(-triples // TRIPLES_PER_RESOLUTION))
    count = 0
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    with path.open("w", encoding="utf-8") as out:
        for i in range(n_res):
            doc = f"doc-{i}"
            g = f"<{BASE}graph/{doc}>"
            res, ev = f"<{BASE}resolution/{doc}>", f"<{BASE}event/{doc}>"
            year = 2005 + i % 20
            date = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            lines = [
                (res, rdf_type, f"<{RESKG}Resolution>"),
                (res, "<http://purl.org/dc/terms/title>", _lit(f"Резолюция {i}", "ru")),
                (res, "<http://data.europa.eu/eli/ontology#date_document>",
                 _lit(date, dtype="date")),
                (res, "<http://www.w3.org/ns/prov#wasGeneratedBy>", ev),
                (res, "<http://purl.org/dc/terms/source>", f"<{BASE}source/{doc}>"),
                (res, f"<{RESKG}documentType>", f"<{BASE}document-type/rezolyutsiya>"),
                (res, f"<{RESKG}isDraft>", _lit("false", dtype="boolean")),
                (ev, rdf_type, "<https://schema.org/Event>"),
                (ev, "<https://schema.org/name>", _lit(f"Конференция {i}", "ru")),
                (ev, "<https://schema.org/startDate>", _lit(date, dtype="date")),
                (ev, "<https://schema.org/location>", f"<{BASE}place/p-{i % 50}>"),
                (ev, "<http://www.w3.org/ns/prov#generated>", res),
                (ev, f"<{RESKG}participantCount>", _lit(str(50 + i % 300), dtype="integer")),
            ]
            for n in range(1, RECS_PER_RESOLUTION + 1):
                rec = f"<{BASE}resolution/{doc}/recommendation/{n}>"
                words = rng.sample(WORDS, 6)
                if rng.random() < 0.01:
                    words[rng.randrange(6)] = RARE
                text = "Рекомендовать " + " ".join(words) + "."
                lines += [
                    (rec, rdf_type, f"<{RESKG}Recommendation>"),
                    (rec, "<http://data.europa.eu/eli/ontology#is_part_of>", res),
                    (rec, f"<{RESKG}position>", _lit(str(n), dtype="integer")),
                    (rec, f"<{RESKG}text>", _lit(text, "ru")),
                    (rec, "<http://purl.org/dc/terms/audience>",
                     f"<{BASE}audience/{rng.choice(AUDIENCES)}>"),
                    (rec, f"<{RESKG}lemmas>", _lit("рекомендовать " + " ".join(words))),
                    (rec, f"<{RESKG}action>", _lit("рекомендовать", "ru")),
                    (res, "<http://data.europa.eu/eli/ontology#has_part>", rec),
                ]
            out.writelines(f"{s} {p} {o} {g} .\n" for s, p, o in lines)
            count += len(lines)
    return count


# --------------------------------------------------------------------- comparison apps


def build_store(store_path: Path, triples: int) -> int:
    """A fresh on-disk store of about ``triples`` synthetic triples (bulk-loaded and compacted);
    returns how many were written."""
    import pyoxigraph as ox

    nq = store_path.with_name(store_path.name + ".nq")
    count = generate_nquads(nq, triples)
    store = ox.Store(str(store_path))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.optimize()
    store.flush()
    del store
    nq.unlink()
    return count


def serve_bare(store_path: str, port: int, *, memory: bool = False) -> None:
    """The bare app: ~30 lines of Starlette calling store.query and serialising (over an
    in-memory copy of the store with ``memory``, as our server queries one)."""
    import pyoxigraph as ox
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    store = ox.Store.read_only(store_path)
    if memory:
        copy = ox.Store()
        copy.bulk_extend(store)
        store = copy

    def sparql(request: Request) -> Response:
        result = store.query(request.query_params["query"], use_default_graph_as_union=True)
        if isinstance(result, ox.QueryTriples):
            return Response(result.serialize(format=ox.RdfFormat.N_TRIPLES),
                            media_type="application/n-triples")
        return Response(result.serialize(format=ox.QueryResultsFormat.JSON),
                        media_type="application/sparql-results+json")

    app = Starlette(routes=[Route("/sparql", sparql)])
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def serve_rdflib(nquads: str, port: int) -> None:
    """rdflib-endpoint over an rdflib Dataset holding the same quads (read with pyoxigraph's
    parser, which is much faster than rdflib's N-Quads parser; the store is rdflib's own)."""
    import pyoxigraph as ox
    import uvicorn
    from rdflib import Dataset, Literal, URIRef
    from rdflib_endpoint import SparqlEndpoint

    ds = Dataset(default_union=True)
    iris: dict[str, URIRef] = {}
    graphs: dict[str, Any] = {}

    def term(t: Any) -> Any:
        if isinstance(t, ox.NamedNode):
            node = iris.get(t.value)
            if node is None:
                node = iris[t.value] = URIRef(t.value)
            return node
        if t.language:
            return Literal(t.value, lang=t.language)
        return Literal(t.value, datatype=term(t.datatype))

    def quads() -> Any:
        for q in ox.parse(path=nquads, format=ox.RdfFormat.N_QUADS):
            g = graphs.get(q.graph_name.value)
            if g is None:
                g = graphs[q.graph_name.value] = ds.graph(URIRef(q.graph_name.value))
            yield term(q.subject), term(q.predicate), term(q.object), g

    ds.addN(quads())
    app = SparqlEndpoint(graph=ds, path="/sparql")
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")
