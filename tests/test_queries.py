"""The named query catalogue: headers, parameters, binding, and the ``reskg query`` commands.

The queries' answers on real data are checked in ``test_queries_tver.py``.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib.plugins.sparql import prepareQuery

from resolutions_kg.cli import main
from resolutions_kg.errors import ParameterError, QueryError
from resolutions_kg.queries import (
    Format,
    NamedQuery,
    catalogue,
    load_query_file,
    named_query,
    parse_query,
    plain_rows,
    run,
    serialize,
    with_values,
)

DATA = Path(__file__).parent / "data"
FIXTURE = DATA / "tver-mini.trig"
BASE = "https://w3id.org/resolutions-kg/"
DOC = "tver-2012-biblioteki-i-obshchestvo-vektor-razvitiya"
RESOLUTION = f"{BASE}resolution/{DOC}"

#: Names and result columns other tools depend on.
REQUIRED_COLUMNS = {
    "resolution-summary": ["resolution", "title", "documentType", "eventType", "place",
                           "startDate", "endDate", "adopted", "participants", "recommendations"],
    "recommendations": ["resolution", "position", "addressee", "text", "action", "topics"],
    "proposals": ["resolution", "addressee", "text", "plannedEvent", "plannedYear"],
    "addressees": ["addressee", "resolutions", "recommendations"],
    "participants": ["resolution", "participant", "count", "unit", "mode"],
    "organisations": ["organisation", "label", "kind", "city", "wikidata", "resolutions"],
    "topics-over-time": ["year", "topic", "recommendations"],
    "search": ["resolution", "item", "position", "matched"],
    "links": ["resource", "label", "target"],
    "provenance": ["resource", "document", "start", "end", "quote"],
}  # fmt: skip

#: A value that would break out of a query pasted together as text.
NASTY = '"} ; DROP ALL ; {" \\ \n <x> ?resolution'

ALL = sorted(catalogue())


@pytest.fixture(scope="module")
def store() -> ox.Store:
    """An in-memory store with the hand-written Tver fixture (follows docs/model.md)."""
    s = ox.Store()
    s.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return s


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("queries") / "store"
    s = ox.Store(str(folder))
    s.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    s.flush()
    del s
    return folder


def columns(query: NamedQuery) -> list[str]:
    results = ox.Store().query(query.text, use_default_graph_as_union=True)
    assert isinstance(results, ox.QuerySolutions)
    return [v.value for v in results.variables]


# --- the files ----------------------------------------------------------------------------


def test_the_catalogue_has_every_required_query() -> None:
    assert set(REQUIRED_COLUMNS) <= set(catalogue())


@pytest.mark.parametrize("name", sorted(REQUIRED_COLUMNS))
def test_required_columns_come_first_in_order(name: str) -> None:
    got = columns(named_query(name))
    required = REQUIRED_COLUMNS[name]
    assert [c for c in got if c in required] == required


@pytest.mark.parametrize("name", ALL)
def test_every_file_parses_with_pyoxigraph_and_rdflib(name: str) -> None:
    query = named_query(name)
    ox.Store().query(query.text)  # raises SyntaxError when invalid
    prepareQuery(query.text)


@pytest.mark.parametrize("name", ALL)
def test_every_query_is_documented(name: str) -> None:
    query = named_query(name)
    assert query.title and len(query.description) > 40
    assert query.examples and all(e.startswith(f"reskg query {name} ") for e in query.examples)
    for param in query.parameters:
        assert param.description, param.name
        assert any(f"{param.name}=" in e for e in query.examples) or param.optional


@pytest.mark.parametrize("name", ALL)
def test_declared_parameters_are_projected_variables(name: str) -> None:
    query = named_query(name)
    body = "\n".join(line for line in query.text.splitlines() if not line.startswith("#"))
    for param in query.parameters:
        assert re.search(rf"\?{param.name}\b", body), param.name
        assert param.name in columns(query), f"?{param.name} must be projected"
        assert not re.search(rf"AS\s+\?{param.name}\b", body), f"never bind ?{param.name}"


@pytest.mark.parametrize("name", ALL)
def test_values_block_keeps_every_query_valid(name: str) -> None:
    query = named_query(name)
    bound = {p.name: ox.Literal(NASTY) for p in query.parameters}
    text = with_values(query, bound)
    ox.Store().query(text)
    prepareQuery(text)


# --- headers ------------------------------------------------------------------------------

HEADER = """#+ title: Things
#+ description: First line
#+   and its continuation.
#+ param: thing (iri, optional): The thing.
#+ param: limit (integer, default 5): How many.
#+ param: since (date): From when.
#+ example: reskg query things --param since=2012-01-01
SELECT ?thing ?limit ?since WHERE { ?thing ?p ?since }
"""


def test_header_is_read() -> None:
    q = parse_query(HEADER, name="things")
    assert q.title == "Things"
    assert q.description == "First line and its continuation."
    assert [(p.name, p.type, p.optional, p.default) for p in q.parameters] == [
        ("thing", "iri", True, None),
        ("limit", "integer", False, "5"),
        ("since", "date", False, None),
    ]
    assert q.examples == ("reskg query things --param since=2012-01-01",)


def test_body_is_the_query_without_its_header() -> None:
    q = parse_query("#+ title: Things\n#+ description: Some\n#+   more.\n\n"
                    "# a plain comment stays\nSELECT * {}\n", name="things")
    assert q.body == "# a plain comment stays\nSELECT * {}\n"


@pytest.mark.parametrize("name", ALL)
def test_every_body_is_the_same_query_without_header_lines(name: str) -> None:
    query = named_query(name)
    assert not any(line.lstrip().startswith("#+") for line in query.body.splitlines())
    assert query.text.endswith(query.body)
    ox.Store().query(query.body)


@pytest.mark.parametrize(
    "line",
    [
        "#+ titel: typo",
        "#+ param: x (colour): unknown type",
        "#+ param: x (iri, sometimes): unknown option",
        "#+ param: no parentheses",
    ],
)
def test_bad_header_lines_are_query_errors(line: str) -> None:
    with pytest.raises(QueryError):
        parse_query(line + "\nSELECT * {}", name="bad")


def test_a_file_without_header_is_a_query_without_parameters(tmp_path: Path) -> None:
    path = tmp_path / "plain.rq"
    path.write_text("SELECT (1 AS ?one) {}", encoding="utf-8")
    q = load_query_file(path)
    assert (q.name, q.parameters) == ("plain", ())


def test_unknown_named_query_lists_the_known_ones() -> None:
    with pytest.raises(QueryError, match="resolution-summary"):
        named_query("no-such-query")


# --- parameters ---------------------------------------------------------------------------

GOOD = [
    ("iri", "https://example.org/x", ox.NamedNode("https://example.org/x")),
    ("string", "библиотека", ox.Literal("библиотека")),
    ("langstring", "библиотека", ox.Literal("библиотека", language="ru")),
    ("langstring", "library@en", ox.Literal("library", language="en")),
    ("integer", "12", ox.Literal("12", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    ("decimal", "1.5", ox.Literal("1.5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))),
    ("boolean", "true", ox.Literal(True)),
    ("date", "2012-10-26", ox.Literal("2012-10-26", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))),
    ("year", "2014", ox.Literal("2014", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear"))),
    ("lemmas", "Библиотекам и библиотек", ox.Literal("библиотека и")),
]  # fmt: skip

BAD = [
    ("iri", "not an iri"),
    ("iri", "relative/path"),
    ("integer", "12.5"),
    ("decimal", "1,5"),
    ("boolean", "yes"),
    ("date", "26.10.2012"),
    ("year", "14"),
    ("lemmas", "123 !!"),
]


def _query_with(ptype: str) -> NamedQuery:
    return parse_query(
        f"#+ param: value ({ptype}): A value.\nSELECT ?value {{ ?s ?p ?value }}", name="typed"
    )


@pytest.mark.parametrize(("ptype", "text", "term"), GOOD)
def test_parameters_are_typed_terms(ptype: str, text: str, term: ox.Literal) -> None:
    assert _query_with(ptype).bindings({"value": text}) == {"value": term}


@pytest.mark.parametrize(("ptype", "text"), BAD)
def test_a_wrongly_typed_value_names_the_parameter(ptype: str, text: str) -> None:
    with pytest.raises(ParameterError, match="'value'"):
        _query_with(ptype).bindings({"value": text})


def test_a_missing_required_parameter_is_named() -> None:
    with pytest.raises(ParameterError, match="'resource'"):
        named_query("provenance").bindings({})


def test_an_unknown_parameter_is_named() -> None:
    with pytest.raises(ParameterError, match="'colour'"):
        named_query("recommendations").bindings({"colour": "red"})


def test_defaults_apply_when_a_parameter_is_not_given() -> None:
    q = parse_query(HEADER, name="things")
    assert q.bindings({"since": "2012-01-01"})["limit"] == ox.Literal(5)


# --- binding is never pasting -------------------------------------------------------------


def test_a_nasty_value_stays_a_literal_locally(store: ox.Store) -> None:
    before = len(store)
    q = named_query("recommendations")
    assert plain_rows(run(q, store, {"addressee": NASTY})) == []
    assert len(store) == before
    found = plain_rows(run(named_query("provenance"), store, {"resource": "urn:x:%22%7D"}))
    assert found == []


def test_a_nasty_value_is_one_escaped_term_in_the_values_block() -> None:
    q = named_query("recommendations")
    text = with_values(q, {"addressee": ox.Literal(NASTY, language="ru")})
    assert text.count("DROP ALL") == 1
    # Running the rewritten text on a store binds exactly that literal, nothing else.
    results = ox.Store().query(text + "\n", use_default_graph_as_union=True)
    assert isinstance(results, ox.QuerySolutions)
    assert [v.value for v in results.variables][:3] == ["resolution", "position", "addressee"]
    values_line = next(line for line in text.splitlines() if "VALUES" in line)
    parsed = prepareQuery(f"SELECT * {{ {values_line.strip()} }}")
    assert parsed is not None


def test_values_go_into_the_top_level_where_not_a_subquery() -> None:
    q = parse_query(
        "#+ param: x (integer): X.\n"
        "PREFIX where: <http://example.org/where#>\n"
        "SELECT ?x ?where # WHERE { in a comment\n"
        "WHERE { { SELECT ?where WHERE { ?where ?p '{ WHERE' } } }",
        name="tricky",
    )
    text = with_values(q, {"x": ox.Literal(1)})
    assert "WHERE {\n  VALUES (?x)" in text
    assert text.index("VALUES") < text.index("SELECT ?where WHERE")
    ox.Store().query(text)


# --- reskg query / reskg queries ----------------------------------------------------------


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_queries_lists_every_named_query() -> None:
    from resolutions_kg.cli.queries_list import command

    result = CliRunner().invoke(command, [])
    assert result.exit_code == 0
    for name, query in catalogue().items():
        assert f"{name} — {query.title}" in result.stdout
    assert "--param text=" in result.stdout
    code, out, _ = invoke("query", "--list")
    assert code == 0 and out == result.stdout


def test_query_writes_csv_when_not_on_a_terminal(store_dir: Path) -> None:
    code, out, _ = invoke("query", "addressees", "--store", str(store_dir))
    assert code == 0
    assert out.splitlines() == [
        "addressee,resolutions,recommendations",
        "библиотеки муниципальных образований,1,6",
        "органы местного самоуправления,1,6",
    ]


def test_a_query_file_nested_too_deep_is_an_error_not_a_crash(store_dir: Path,
                                                              tmp_path: Path) -> None:
    deep = tmp_path / "deep.rq"
    deep.write_text("SELECT * WHERE " + "{" * 5000 + "}" * 5000, encoding="utf-8")
    code, _, err = invoke("query", "--file", str(deep), "--store", str(store_dir))
    assert code == 1
    assert "max_query_depth" in err


def test_query_tsv(store_dir: Path) -> None:
    code, out, _ = invoke("query", "addressees", "--store", str(store_dir), "--format", "tsv")
    assert code == 0
    assert out.splitlines()[0] == "?addressee\t?resolutions\t?recommendations"
    assert '"органы местного самоуправления"@ru\t1\t6' in out.splitlines()


def test_query_json_is_sparql_results_json(store_dir: Path) -> None:
    code, out, _ = invoke(
        "query", "proposals", "--store", str(store_dir), "-f", "json",
        "--param", f"resolution={RESOLUTION}",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["head"]["vars"] == REQUIRED_COLUMNS["proposals"]
    (row,) = data["results"]["bindings"]
    assert row["plannedYear"] == {
        "type": "literal", "value": "2014",
        "datatype": "http://www.w3.org/2001/XMLSchema#gYear",
    }  # fmt: skip
    assert row["addressee"]["xml:lang"] == "ru"


def test_query_table_is_readable(store_dir: Path) -> None:
    code, out, _ = invoke("query", "resolution-summary", "--store", str(store_dir), "-f", "table")
    assert code == 0
    assert "Библиотеки и общество: вектор развития" in out
    assert f"<resolution/{DOC}>" in out  # IRIs under the base are shortened
    assert "1 row" in out


def test_query_file_runs_any_query(store_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "count.rq"
    path.write_text(
        "#+ param: cls (iri): A class.\n"
        "SELECT ?cls (COUNT(?s) AS ?n) WHERE { ?s a ?cls } GROUP BY ?cls",
        encoding="utf-8",
    )
    code, out, _ = invoke(
        "query", "--file", str(path), "--store", str(store_dir),
        "-p", "cls=https://w3id.org/resolutions-kg/ontology#Recommendation",
    )  # fmt: skip
    assert code == 0
    assert out.splitlines()[1] == "https://w3id.org/resolutions-kg/ontology#Recommendation,12"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["provenance"], "needs parameter 'resource'"),
        (["provenance", "-p", "resource=nope"], "parameter 'resource'"),
        (["recommendations", "-p", "colour=red"], "no parameter 'colour'"),
        (["recommendations", "-p", "colour"], "NAME=VALUE"),
        (["no-such-query"], "no named query 'no-such-query'"),
    ],
)
def test_query_errors_are_one_line(store_dir: Path, args: list[str], message: str) -> None:
    code, out, err = invoke("query", *args, "--store", str(store_dir))
    assert code == 1
    assert err.startswith("reskg: error: ") and message in err
    assert "Traceback" not in err


def test_query_needs_a_name_or_a_file(store_dir: Path) -> None:
    code, _, err = invoke("query", "--store", str(store_dir))
    assert code == 2 and "either a query NAME or --file" in err


def test_serialize_formats_know_their_media_types(store: ox.Store) -> None:
    assert Format.JSON.media_type == "application/sparql-results+json"
    results = run(named_query("addressees"), store)
    assert serialize(results, Format.CSV).startswith(b"addressee,resolutions,recommendations")


# --- README: "Questions you can ask" --------------------------------------------------------

README = Path(__file__).resolve().parents[1] / "README.md"
_CONSOLE = re.compile(r"```console\n\$ (?P<command>[^\n]+)\n(?P<output>.*?)```", re.DOTALL)


def _documented_calls() -> list[tuple[str, str]]:
    """The ``reskg query`` examples of the README's section "Questions you can ask"."""
    text = README.read_text("utf-8")
    section = text[text.index("## Questions you can ask"):]
    section = section[: section.index("\n## ", 3)]
    return [(m["command"], m["output"]) for m in _CONSOLE.finditer(section)]


def test_questions_ask_five_things_with_named_queries() -> None:
    calls = _documented_calls()
    assert len(calls) >= 5
    for command, _ in calls:
        assert command.split()[:2] == ["reskg", "query"]
        assert command.split()[2] in catalogue()


@pytest.mark.parametrize("call", _documented_calls(), ids=lambda c: c[0].split()[2])
def test_questions_show_the_real_output(call: tuple[str, str], tver_store: Path) -> None:
    command, output = call
    args = [tver_store.as_posix() if a == "var/store" else a for a in shlex.split(command)[1:]]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.replace("\r\n", "\n") == output
