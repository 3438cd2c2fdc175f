"""Running a named query: on a local store with its parameters bound by ``substitutions=``, or
on a remote SPARQL endpoint with them in a ``VALUES`` block (:func:`with_values`)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import pyoxigraph as ox

from resolutions_kg.errors import QueryError
from resolutions_kg.queries.named import NamedQuery
from resolutions_kg.queries.params import Term
from resolutions_kg.queries.results import Results
from resolutions_kg.settings import setting
from resolutions_kg.sparql_guard import check


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
