"""The catalogue of named SPARQL queries.

Each ``*.rq`` file in this folder is one named query (the file stem is its name). The file is
valid SPARQL on its own; its metadata sits in grlc-style ``#+`` comment lines at the top::

    #+ title: Recommendations
    #+ description: One row per recommendation, in document order.
    #+   Continuation lines are indented by at least two spaces.
    #+ param: resolution (iri, optional): Only this resolution's recommendations.
    #+ param: limit (integer, default 20): How many rows.
    #+ example: reskg query recommendations --store DIR --param topic=оцифровка

A parameter ``name`` is the query variable ``?name``; it is always projected by the query (so
that a bound value shows in the results). Parameters are typed (:data:`TYPES`) and are bound

- locally with pyoxigraph's ``substitutions=`` (:func:`run`), never pasted into the text;
- for a remote endpoint (:func:`run_remote`) with a ``VALUES`` block inserted right after the
  opening brace of the top-level ``WHERE`` group, each value written as an N-Triples term (so a
  value such as ``"} ; DROP ALL ; {"`` stays one harmless literal).

A query must therefore never ``BIND`` or project an expression ``AS ?param``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from resolutions_kg.errors import ParameterError, QueryError, UnknownQueryError
from resolutions_kg.settings import setting
from resolutions_kg.sparql_guard import check

XSD = "http://www.w3.org/2001/XMLSchema#"

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Results = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


# ---------------------------------------------------------------------------------------------
# Parameter types


def _typed(datatype: str, check: Callable[[str], object]) -> Callable[[str], ox.Literal]:
    def convert(value: str) -> ox.Literal:
        check(value)
        return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))

    return convert


def _iri(value: str) -> ox.NamedNode:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*", value):
        raise ValueError("not an absolute IRI")
    return ox.NamedNode(value)


def _integer(value: str) -> None:
    if not re.fullmatch(r"[+-]?\d+", value):
        raise ValueError("not an integer")


def _decimal(value: str) -> None:
    try:
        Decimal(value)
    except InvalidOperation as exc:
        raise ValueError("not a decimal number") from exc
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", value):
        raise ValueError("not a decimal number")


def _boolean(value: str) -> None:
    if value not in ("true", "false"):
        raise ValueError("not true or false")


def _year(value: str) -> None:
    if not re.fullmatch(r"-?\d{4}", value):
        raise ValueError("not a four-digit year")


def _langstring(value: str) -> ox.Literal:
    """``text`` (Russian assumed) or ``text@lang``."""
    match = re.fullmatch(r"(.*)@([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)", value, re.DOTALL)
    if match:
        return ox.Literal(match[1], language=match[2].lower())
    return ox.Literal(value, language="ru")


def _lemmas(value: str) -> ox.Literal:
    # Imported here: building the analyser costs a second, and only ``search`` needs it.
    from resolutions_kg.lemmas import lemmas

    found = lemmas(value)
    if not found:
        raise ValueError("no words in it")
    return ox.Literal(" ".join(found))


#: Parameter types: name → converter from the text a user typed to an RDF term.
TYPES: dict[str, Callable[[str], Term]] = {
    "iri": _iri,
    "string": ox.Literal,
    "langstring": _langstring,
    "integer": _typed("integer", _integer),
    "decimal": _typed("decimal", _decimal),
    "boolean": _typed("boolean", _boolean),
    "date": _typed("date", dt.date.fromisoformat),
    "year": _typed("gYear", _year),
    "lemmas": _lemmas,
}

#: What each type accepts, for help texts and error messages.
TYPE_HELP: dict[str, str] = {
    "iri": "an absolute IRI",
    "string": "any text",
    "langstring": "text, Russian unless it ends in @lang (e.g. @en)",
    "integer": "a whole number",
    "decimal": "a decimal number",
    "boolean": "true or false",
    "date": "an ISO date, YYYY-MM-DD",
    "year": "a year, YYYY",
    "lemmas": "words in any inflected form (lemmatised before binding)",
}


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    optional: bool = False
    default: str | None = None
    description: str = ""

    def convert(self, value: str | Term) -> Term:
        """The RDF term for ``value``; RDF terms pass through unchanged."""
        if not isinstance(value, str):
            return value
        try:
            return TYPES[self.type](value)
        except ValueError as exc:
            raise ParameterError(
                f"parameter {self.name!r}: {value!r} is not {TYPE_HELP[self.type]}"
            ) from exc


# ---------------------------------------------------------------------------------------------
# Named queries and their headers

_HEADER = re.compile(r"#\+ ?(?P<key>[a-z]+):\s*(?P<value>.*)")
_CONTINUATION = re.compile(r"#\+ {2,}(?P<value>\S.*)")
_PARAM = re.compile(
    r"(?P<name>[A-Za-z_]\w*)\s*\((?P<type>[a-z]+)(?:,\s*(?P<opts>[^)]*))?\)\s*:\s*(?P<desc>.*)"
)
_KEYS = ("title", "description", "param", "example")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    title: str = ""
    description: str = ""
    parameters: tuple[Parameter, ...] = ()
    examples: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)

    @property
    def parameter(self) -> dict[str, Parameter]:
        return {p.name: p for p in self.parameters}

    @property
    def body(self) -> str:
        """The query without its ``#+`` header lines (and the blank lines after them): what a
        person edits."""
        lines = self.text.splitlines(keepends=True)
        start = 0
        while start < len(lines) and (lines[start].strip().startswith("#+")
                                      or not lines[start].strip()):
            start += 1
        return "".join(lines[start:])

    def bindings(self, values: Mapping[str, str | Term] | None = None) -> dict[str, Term]:
        """Typed terms for ``values`` (plus defaults), checked against the declared parameters."""
        values = dict(values or {})
        declared = self.parameter
        for name in values:
            if name not in declared:
                known = ", ".join(declared) or "none"
                raise ParameterError(
                    f"query {self.name!r} has no parameter {name!r} (parameters: {known})"
                )
        bound: dict[str, Term] = {}
        for param in self.parameters:
            value = values.get(param.name, param.default)
            if value is None:
                if not param.optional:
                    raise ParameterError(
                        f"query {self.name!r} needs parameter {param.name!r} "
                        f"({TYPE_HELP[param.type]})"
                    )
                continue
            bound[param.name] = param.convert(value)
        return bound


def parse_query(text: str, *, name: str, path: Path | None = None) -> NamedQuery:
    """A :class:`NamedQuery` from the text of an ``.rq`` file (its ``#+`` header read)."""
    fields: dict[str, list[str]] = {key: [] for key in _KEYS}
    last: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("#+"):
            if stripped and not stripped.startswith("#"):
                break  # the header ends where the query starts
            continue
        where = f"{path or name}:{number}"
        continuation = _CONTINUATION.fullmatch(stripped)
        if continuation and last is not None:
            fields[last][-1] += " " + continuation["value"].strip()
            continue
        header = _HEADER.fullmatch(stripped)
        if header is None or header["key"] not in _KEYS:
            raise QueryError(f"{where}: cannot read header line {stripped!r}")
        last = header["key"]
        fields[last].append(header["value"].strip())
    params = tuple(_parse_param(value, f"{path or name}") for value in fields["param"])
    if len({p.name for p in params}) != len(params):
        raise QueryError(f"{path or name}: a parameter is declared twice")
    return NamedQuery(
        name=name,
        text=text,
        title=" ".join(fields["title"]),
        description=" ".join(fields["description"]),
        parameters=params,
        examples=tuple(fields["example"]),
        path=path,
    )


def _parse_param(value: str, where: str) -> Parameter:
    match = _PARAM.fullmatch(value)
    if match is None:
        raise QueryError(f"{where}: cannot read parameter {value!r} (want 'name (type, …): …')")
    if match["type"] not in TYPES:
        raise QueryError(f"{where}: parameter {match['name']!r} has unknown type {match['type']!r}")
    optional, default = False, None
    for option in filter(None, (o.strip() for o in (match["opts"] or "").split(","))):
        if option == "optional":
            optional = True
        elif option.startswith("default "):
            default = option.removeprefix("default ").strip()
        else:
            raise QueryError(f"{where}: parameter {match['name']!r}: unknown option {option!r}")
    return Parameter(match["name"], match["type"], optional, default, match["desc"].strip())


def load_query_file(path: str | Path) -> NamedQuery:
    """The named query in the file ``path`` (any ``.rq`` file, with or without a header)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read the query: {exc}") from exc
    return parse_query(text, name=path.stem, path=path)


@cache
def catalogue() -> dict[str, NamedQuery]:
    """Every named query shipped with the package, by name, sorted."""
    folder = resources.files(__name__)
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name.removesuffix(".rq")
            found[name] = parse_query(
                entry.read_text(encoding="utf-8"), name=name, path=Path(str(entry))
            )
    return found


def named_query(name: str) -> NamedQuery:
    """The named query ``name``; :class:`UnknownQueryError` listing the known names when
    unknown."""
    try:
        return catalogue()[name]
    except KeyError:
        raise UnknownQueryError(
            f"no named query {name!r} (known: {', '.join(catalogue())})"
        ) from None


# ---------------------------------------------------------------------------------------------
# Running


def run(
    query: NamedQuery, store: ox.Store, params: Mapping[str, str | Term] | None = None
) -> Results:
    """Run ``query`` on ``store`` (the union of its named graphs), binding ``params``.
    A query nested deeper, or with longer chains of operators, than the settings
    ``max_query_depth`` and ``max_query_chain`` allow is refused
    (:class:`~resolutions_kg.errors.QueryRefusedError`): Oxigraph would overflow the stack and
    take the process with it."""
    bound = query.bindings(params)
    check(query.text, max_depth=setting("max_query_depth").default,
          max_chain=setting("max_query_chain").default, service_allow=None)
    try:
        return store.query(
            query.text,
            use_default_graph_as_union=True,
            substitutions={ox.Variable(k): v for k, v in bound.items()},
        )
    except SyntaxError as exc:
        raise QueryError(f"{query.path or query.name}: invalid SPARQL: {exc}") from exc
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"query {query.name!r} failed: {exc}") from exc


def with_values(query: NamedQuery, bound: Mapping[str, Term]) -> str:
    """The query text with ``VALUES`` for ``bound`` opening its top-level ``WHERE`` group."""
    if not bound:
        return query.text
    names = " ".join(f"?{name}" for name in bound)
    terms = " ".join(str(term) for term in bound.values())  # N-Triples syntax, escaped
    position = _where_brace(query.text)
    block = f"\n  VALUES ({names}) {{ ({terms}) }}\n"
    return query.text[:position] + block + query.text[position:]


# Tokens the scanner must step over whole: comments, long and short strings, IRIs.
_SKIP = re.compile(
    r"""\#[^\n]*|'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\""""
    r"""|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>""",
    re.DOTALL,
)
# Variables and prefixed names are single tokens, so ``?where`` or ``ex:where`` is no keyword.
_WORD_OR_BRACE = re.compile(r"[?$]?[A-Za-z_][\w.-]*(?::[\w.-]*)?|:[\w.-]*|\{")


def _tokens(text: str) -> Iterator[re.Match[str]]:
    """Keywords, names and ``{`` of ``text``, outside comments, strings and IRIs."""
    position = 0
    while position < len(text):
        skip = _SKIP.match(text, position)
        if skip:
            position = skip.end()
            continue
        token = _WORD_OR_BRACE.match(text, position)
        if token is None:
            position += 1
            continue
        yield token
        position = token.end()


def query_form(text: str) -> str:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``: the form of the query ``text``."""
    for token in _tokens(text):
        if token[0].upper() in _FORMS:
            return token[0].upper()
    raise QueryError("not a SPARQL query (no SELECT, ASK, CONSTRUCT or DESCRIBE)")


_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


def _where_brace(text: str) -> int:
    """Offset just after the ``{`` opening the top-level ``WHERE`` group of ``text``."""
    form = None
    for token in _tokens(text):
        word = token[0].upper()
        if form is None and word in _FORMS:
            form = word
        if word == "WHERE" or (word == "{" and form in ("SELECT", "ASK", "DESCRIBE")):
            brace = text.find("{", token.end()) if word == "WHERE" else token.start()
            if brace >= 0:
                return brace + 1
    raise QueryError("cannot find the WHERE clause to bind parameters in")


def run_remote(
    query: NamedQuery,
    endpoint: str,
    params: Mapping[str, str | Term] | None = None,
    *,
    timeout: float | None = None,
) -> Results:
    """Run ``query`` on the SPARQL endpoint at ``endpoint`` through SPARQLWrapper."""
    from SPARQLWrapper import JSON, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    text = with_values(query, query.bindings(params))
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setQuery(text)
    # SPARQLWrapper guesses the form with a regex that words in comments (e.g. "address") can
    # fool into sending an update; the form is known, so say it.
    client.queryType = query_form(text)
    if client.queryType not in ("SELECT", "ASK"):
        raise QueryError(f"query {query.name!r}: only SELECT and ASK run against an endpoint")
    client.setReturnFormat(JSON)
    if timeout is not None:
        client.setTimeout(int(timeout) or 1)
    try:
        response = client.query().response
        try:
            body = response.read()
        finally:
            response.close()  # its socket: never left for the garbage collector to close
    except (SPARQLWrapperException, OSError) as exc:
        raise QueryError(f"{endpoint}: query {query.name!r} failed: {exc}") from exc
    try:
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    except SyntaxError as exc:
        raise QueryError(f"{endpoint}: unreadable query results: {exc}") from exc


# ---------------------------------------------------------------------------------------------
# Results


class Format(enum.Enum):
    """Output formats of ``reskg query``."""

    TABLE = ("table", "text/plain")
    CSV = ("csv", "text/csv")
    TSV = ("tsv", "text/tab-separated-values")
    JSON = ("json", "application/sparql-results+json")

    def __init__(self, label: str, media_type: str) -> None:
        self.label = label
        self.media_type = media_type

    @classmethod
    def from_name(cls, name: str) -> Format:
        for member in cls:
            if member.label == name:
                return member
        raise QueryError(f"unknown format {name!r} (formats: {', '.join(m.label for m in cls)})")


_RESULTS_FORMATS = {
    Format.CSV: ox.QueryResultsFormat.CSV,
    Format.TSV: ox.QueryResultsFormat.TSV,
    Format.JSON: ox.QueryResultsFormat.JSON,
}


def serialize(results: Results, format: Format) -> bytes:
    """``results`` as CSV, TSV or SPARQL JSON (graph results as N-Triples, whatever the format)."""
    if isinstance(results, ox.QueryTriples):
        return results.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
    if format is Format.TABLE:
        raise QueryError("a table is rendered by the command line, not serialised")
    return results.serialize(format=_RESULTS_FORMATS[format]) or b""


def rows(results: ox.QuerySolutions) -> Iterator[dict[str, Term | None]]:
    """Each solution as a dict from variable name to term (None when unbound)."""
    names = [v.value for v in results.variables]
    for solution in results:
        yield {name: solution[name] for name in names}


def plain(term: Term | None) -> str | int | bool | None:
    """A term as a plain Python value: IRIs and strings as text, integers as int, booleans as
    bool."""
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value == XSD + "integer":
        return int(term.value)
    if isinstance(term, ox.Literal) and term.datatype.value == XSD + "boolean":
        return term.value in ("true", "1")
    return term.value if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode) else str(term)


def plain_rows(results: ox.QuerySolutions) -> list[dict[str, str | int | bool | None]]:
    """:func:`rows` with :func:`plain` values: handy in tests and scripts."""
    return [{k: plain(v) for k, v in row.items()} for row in rows(results)]
