"""The check of a client's SPARQL text before the engine parses it (resolutions_kg.sparql_guard)."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolutions_kg.errors import QueryRefusedError
from resolutions_kg.settings import setting
from resolutions_kg.sparql_guard import chain_length, check, nesting_depth

QUERIES = Path(__file__).resolve().parents[1] / "queries"
DEPTH = setting("max_query_depth").default
CHAIN = setting("max_query_chain").default
BASE = "https://w3id.org/resolutions-kg/"


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", 1),
        ("SELECT * WHERE { { ?s ?p ?o } UNION { ?s ?p ?o } }", 2),
        ("SELECT * WHERE { FILTER((1 + (2)) > 0) }", 4),
        ("SELECT * WHERE { ?s <http://e/p> [ <http://e/q> ( 1 2 ) ] }", 3),
        ("SELECT * WHERE { FILTER(!!!true) }", 5),
        ("SELECT * WHERE { ?s ^<http://e/p> ?o }", 2),
        ("SELECT * WHERE { FILTER(?a != ?b) }", 2),
        ('SELECT * WHERE { FILTER(?s = "{{{(((") }', 2),
        ("SELECT * WHERE { FILTER(?s = '''{{{\n'''' ) }", 2),
        ('SELECT * WHERE { FILTER(?s = """a " "" {{{ """) }', 2),
        ("SELECT * WHERE { FILTER(?s = 'it\\'s {{{') }", 2),
        ("SELECT * # {{{{{{{{{\nWHERE { }", 1),
        ("PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:a\\#b ?o } # ((((", 1),
        ("SELECT * WHERE { ?s <http://e/Foo_(bar)> ?o }", 2),
        # a comparison a lexer would take for an IRI: counted all the same
        ("SELECT * WHERE { FILTER(1<((((1))))>0) }", 6),
        ("SELECT * WHERE { FILTER(?a<?b) }", 2),
        ("}}}{", 1),
        ("SELECT * WHERE { << ?s ?p << ?a ?b ?c >> >> ?p ?o }", 3),
        ("SELECT * WHERE { ?s ?p <<( ?a ?b ?c )>> }", 3),
        ("SELECT * WHERE {<<<http://a> <http://b> <http://c>>> ?p ?o}", 2),
        ("SELECT * WHERE { FILTER(?a > ?b && ?c < ?d) }", 2),
    ],
)
def test_nesting_depth(text: str, depth: int) -> None:
    assert nesting_depth(text) == depth


@pytest.mark.parametrize("opener", ["{", "(", "[", "!", "FILTER(1<(", "<< ?s ?p "])
def test_deep_nesting_is_refused_naming_the_setting(opener: str) -> None:
    text = "SELECT * WHERE { " + opener * 10_000
    with pytest.raises(QueryRefusedError, match="max_query_depth") as info:
        check(text, max_depth=DEPTH)
    assert info.value.setting == "max_query_depth"
    assert f"at most {DEPTH}" in str(info.value)


def test_nesting_up_to_the_limit_is_accepted() -> None:
    check("SELECT * WHERE " + "{" * DEPTH + "}" * DEPTH, max_depth=DEPTH)
    with pytest.raises(QueryRefusedError, match="line 2, column 67"):
        check("SELECT *\nWH" + "{" * (DEPTH + 1), max_depth=DEPTH)


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_every_named_query_passes(path: Path) -> None:
    check(path.read_text(encoding="utf-8"), max_depth=DEPTH, max_chain=CHAIN, base_iri=BASE)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:8080/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1:8080/> { ?s ?p ?o } }",
        "SELECT * WHERE { SeRvIcE\n# comment\n  SILENT\n<http://127.0.0.1/> { } }",
        "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
        "PREFIX local: <http://127.0.0.1:8080/> SELECT * WHERE { SERVICE local:sparql { } }",
        "BASE <http://127.0.0.1:8080/> SELECT * WHERE { SERVICE <sparql> { } }",
        "SELECT * WHERE { SERVICE <http:\\u002f/127.0.0.1/> { } }",
        "SELECT * WHERE { SERVICE <relative> { } }",
        "LOAD <http://127.0.0.1:8080/data.ttl>",
        "load silent <http://127.0.0.1:8080/data.ttl> INTO GRAPH <http://g>",
        "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1/> { ?s ?p ?o } }",
    ],
)
def test_service_and_load_are_refused_by_default(text: str) -> None:
    with pytest.raises(QueryRefusedError, match="service_allow") as info:
        check(text, max_depth=DEPTH, base_iri=BASE)
    assert info.value.setting == "service_allow"


@pytest.mark.parametrize(
    "text",
    [
        'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1/>" }',
        "SELECT * WHERE { ?s <http://e/SERVICE> ?o } # SERVICE <http://127.0.0.1/>",
        "PREFIX : <http://e/> SELECT ?service ?load WHERE { ?s :service ?o ; :load ?load }",
        'SELECT * WHERE { ?s ?p "x"@service }',
        "PREFIX service: <http://e/> SELECT * WHERE { ?s service:load ?o }",
    ],
)
def test_the_words_elsewhere_are_not_keywords(text: str) -> None:
    check(text, max_depth=DEPTH, base_iri=BASE)


def test_an_allowed_prefix_lets_service_through() -> None:
    allow = ["https://query.wikidata.org/"]
    check("SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { } }",
          service_allow=allow)
    check("PREFIX wd: <https://query.wikidata.org/> SELECT * WHERE { SERVICE wd:sparql { } }",
          service_allow=allow)
    with pytest.raises(QueryRefusedError, match="start with https://query.wikidata.org/"):
        check("SELECT * WHERE { SERVICE <https://query.wikidata.org.evil/> { } }",
              service_allow=allow)
    with pytest.raises(QueryRefusedError, match="variable"):
        check("SELECT * WHERE { SERVICE ?x { } }", service_allow=allow)


@pytest.mark.parametrize(
    "text",
    [
        "'" + "\\'" * 20_000,
        '"' + '\\"' * 20_000,
        "<" + "a" * 60_000,
        "'''" + "''a" * 30_000,
        "a." * 40_000,
        "a:" * 40_000,
        "?" * 90_000,
    ],
    ids=["escaped-quotes", "escaped-double-quotes", "open-iri", "long-string", "dotted-name",
         "colons", "question-marks"],
)
def test_pathological_text_is_lexed_in_one_pass(text: str) -> None:
    """Text where a backtracking lexer goes quadratic (minutes for 100 kB) is one pass here.
    After an unterminated string nothing counts: the engine stops there too."""
    check("SELECT * WHERE { " + text + " } # service", max_depth=DEPTH)


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { ?s ?p true.SERVICE <http://127.0.0.1/> { } }",
    "SELECT * WHERE { ?s ?p ?o.SERVICE<http://127.0.0.1/>{} }",
])
def test_service_after_a_dot_is_found(text: str) -> None:
    with pytest.raises(QueryRefusedError, match="service_allow"):
        check(text, max_depth=DEPTH)


def test_remote_calls_go_unchecked_when_asked() -> None:
    check("SELECT * WHERE { SERVICE <http://127.0.0.1/> { } }", max_depth=DEPTH,
          service_allow=None)
    with pytest.raises(QueryRefusedError, match="max_query_depth"):
        check("SELECT * WHERE { SERVICE <http://127.0.0.1/> " + "{" * 100, max_depth=DEPTH,
              service_allow=None)


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        ("SELECT ?s WHERE { ?s ?p ?o }", 0),
        ("SELECT ?s WHERE { FILTER(1 + 2 + 3 > 0) }", 3),
        ("SELECT ?s WHERE { FILTER(?a || (?b && ?c)) FILTER(?d) }", 3),
        ("SELECT ?s WHERE { BIND(1 AS ?a) BIND(2 AS ?b) OPTIONAL { ?s ?p ?o } }", 3),
        ("SELECT ?s WHERE { { BIND(1 AS ?a) } { BIND(2 AS ?b) } }", 1),
        ("SELECT ?s WHERE { ?s <urn:a>/<urn:b>|<urn:c> ?o }", 2),
        ("INSERT DATA { <urn:s> <urn:p> -1, -2, -3, +4 }", 0),
        ("SELECT ?s WHERE { VALUES (?x ?y) { (-1 -2) (-3 -4) } FILTER(?x - 1) }", 3),
        ('SELECT ?s WHERE { ?s ?p "a + b || c" } # + + +', 0),
    ],
)
def test_chain_length(text: str, chain: int) -> None:
    assert chain_length(text) == chain


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { FILTER(" + "+".join(["1"] * 8000) + " > 0) }",
        "SELECT * WHERE { FILTER(" + "&&".join(["true"] * 16000) + ") }",
        "SELECT * WHERE { " + " ".join(f"BIND({i} AS ?v{i})" for i in range(3000)) + " }",
        "SELECT * WHERE { ?s " + "/".join(["<urn:p>"] * 1000) + " ?o }",
        "SELECT * WHERE { FILTER(" + "(1+1+1+1+1+" * 60 + "1" + ")" * 60 + ") }",
    ],
    ids=["plus", "and", "bind", "path", "nested"],
)
def test_long_chains_are_refused_naming_the_setting(text: str) -> None:
    with pytest.raises(QueryRefusedError, match="max_query_chain") as info:
        check(text, max_depth=DEPTH, max_chain=CHAIN)
    assert info.value.setting == "max_query_chain"


def test_a_large_data_block_is_no_chain() -> None:
    check("INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> " + ", ".join(["-1"] * 20_000)
          + " } }", max_depth=DEPTH, max_chain=CHAIN)
