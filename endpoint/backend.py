"""Where the server's data lives: the embedded Oxigraph store, or a remote SPARQL endpoint.

The routes reach the data through two objects on :class:`~.context.AppContext`:

- ``ctx.store``, for cheap, bounded reads (``quads_for_pattern``, ``named_graphs``,
  ``contains_named_graph``, ``len``, ``dump``, ``query`` of counts) — the pages, VoID, dumps and
  the Graph Store's ``GET``;
- ``ctx.pool``, which runs open-ended SPARQL (``run(QueryJob, timeout=)`` → ``QueryOutcome``) —
  ``/sparql``, the named queries and ``ctx.query``.

The **embedded** backend (the default) is a ``pyoxigraph.Store`` and the
:class:`~.executor.WorkerPool`. The **remote** backend (``reskg serve --backend URL``) is
:class:`RemoteStore` and :class:`RemotePool` over one SPARQL 1.1 Protocol endpoint, through one
``httpx.Client``; the routes do not know which one they talk to. It is read-only (write to the
remote store itself, e.g. with ``reskg push``).

How the remote backend keeps the embedded behaviour

- **Dataset.** Only our graphs count: those whose IRI starts with ``{base}graph/`` (Virtuoso's
  own graphs, for one, are not ours). A query with no dataset of its own is sent with every graph
  of ours as ``default-graph-uri`` and as ``named-graph-uri``, so its default graph is the union
  of our named graphs and ``GRAPH ?g`` ranges over them — as on the embedded store. A client's own
  ``default-graph-uri``/``named-graph-uri`` are passed on unchanged.
- **Formats.** The remote endpoint is asked for SPARQL JSON results (SELECT, ASK) or N-Triples
  (CONSTRUCT, DESCRIBE), which every store writes the same way; pyoxigraph then writes the format
  the client negotiated. The bytes are therefore those the embedded server writes for the same
  solutions (Virtuoso's own CSV, TSV or JSON-LD differ in details).
- **Parameters.** ``substitutions`` become a ``VALUES`` block at the top of the ``WHERE`` group
  (:func:`resolutions_kg.queries.with_values`); relative IRIs resolve against the base IRI
  through a ``BASE`` declaration.
- **Limits.** The time limit is the HTTP client's timeout (503 past it; the remote store may
  still finish the query: set its own limit too, e.g. Virtuoso's ``MaxQueryExecutionTime``).
  A Virtuoso "anytime" answer (partial results, ``X-SQL-State`` header) is a timeout too, never
  a silent partial answer. Syntax errors are the remote parser's (400); any other remote failure
  is a 502 naming the remote status.
- **Paging.** Pattern reads are paged (``ORDER BY``, ``LIMIT``/``OFFSET``); a store that caps
  result sizes (Virtuoso's ``ResultSetMaxRows``, announced in ``X-SPARQL-MaxRows``) is paged at
  its cap, so nothing is silently cut off.
- **Caching.** Pattern reads and the graph list are cached for ``cache_seconds`` (default 10 s):
  a page makes dozens of label look-ups.
- **Dumps** (``/dumps/``, Graph Store ``GET``) read every quad of our graphs into an in-memory
  Oxigraph store and write it from there: the same formats and the same bytes as the embedded
  server, fine for millions of triples; for much more, publish the remote store's own dumps.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

import httpx
import pyoxigraph as ox

from resolutions_kg.endpoint.executor import QueryJob, QueryOutcome
from resolutions_kg.errors import (
    NotAcceptableError,
    QueryError,
    QuerySyntaxError,
    QueryTimeoutError,
    RemoteStoreError,
    StoreError,
)

JSON_RESULTS = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
#: Rows asked for per page of a pattern read.
PAGE = 10_000
#: Longest remote error message passed on to clients, in characters.
MESSAGE_LIMIT = 2000

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Pattern = ox.NamedNode | ox.BlankNode | ox.Literal | None


class RemoteEndpoint:
    """One SPARQL 1.1 Protocol endpoint, queried by POST (form-encoded) through httpx."""

    def __init__(self, url: str, *, base_iri: str, timeout: float = 30.0,
                 connections: int = 10, cache_seconds: float = 10.0,
                 auth: httpx.Auth | None = None) -> None:
        self.url = url
        self.base_iri = base_iri
        self.graph_prefix = base_iri + "graph/"
        self.timeout = timeout
        self.cache_seconds = cache_seconds
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        self.client = httpx.Client(timeout=timeout, limits=limits, auth=auth)
        self._cache: dict[Any, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    # ------------------------------------------------------------ the wire

    def post(self, query: str, *, accept: str, timeout: float | None = None,
             dataset: tuple[Iterable[str], Iterable[str]] | None = None) -> httpx.Response:
        """POST ``query``; returns the 200 response or raises the matching error."""
        data: dict[str, str | list[str]] = {"query": query}
        if dataset is not None:  # repeated parameters
            data["default-graph-uri"] = list(dataset[0])
            data["named-graph-uri"] = list(dataset[1])
        limit = timeout or self.timeout
        try:
            response = self.client.post(self.url, data=data, headers={"Accept": accept},
                                        timeout=limit)
        except httpx.TimeoutException as exc:
            raise QueryTimeoutError(
                f"the SPARQL store did not answer within the time limit of {limit:g} s"
            ) from exc
        except httpx.HTTPError as exc:
            raise RemoteStoreError(f"The SPARQL store at {self.url} cannot be reached: "
                                   f"{exc}") from exc
        if response.status_code == 200 and "x-sql-state" in response.headers:
            # Virtuoso's "anytime" answer: partial results after its own time limit.
            raise QueryTimeoutError(
                "the SPARQL store stopped the query at its time limit "
                f"({response.headers.get('x-sql-message', response.headers['x-sql-state'])})"
            )
        if response.status_code == 200:
            return response
        message = response.text.strip()[:MESSAGE_LIMIT]
        if response.status_code == 400:
            raise QuerySyntaxError(message or "the SPARQL store refused the query")
        raise RemoteStoreError(f"The SPARQL store at {self.url} answered "
                               f"{response.status_code}: {message}")

    def solutions(self, query: str, **kwargs: Any) -> Any:
        """SELECT or ASK results as pyoxigraph ``QuerySolutions``/``QueryBoolean``."""
        body = self.post(query, accept=JSON_RESULTS, **kwargs).content
        try:
            return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        except SyntaxError as exc:
            raise RemoteStoreError(f"The SPARQL store sent unreadable results: {exc}") from exc

    def triples(self, query: str, **kwargs: Any) -> list[ox.Triple]:
        """CONSTRUCT or DESCRIBE results as pyoxigraph triples."""
        body = self.post(query, accept=N_TRIPLES, **kwargs).content
        try:
            return [q.triple for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)]
        except SyntaxError as exc:
            raise RemoteStoreError(f"The SPARQL store sent unreadable RDF: {exc}") from exc

    # ------------------------------------------------------------ cache

    def cached(self, key: Any, compute: Any) -> Any:
        now = time.monotonic()
        hit = self._cache.get(key)
        if hit is not None and now - hit[0] < self.cache_seconds:
            return hit[1]
        value = compute()
        with self._lock:
            if len(self._cache) > 20_000:
                self._cache.clear()
            self._cache[key] = (now, value)
        return value

    def our_graphs(self) -> list[str]:
        """IRIs of our named graphs in the remote store, sorted (cached)."""

        def fetch() -> list[str]:
            rows = self.solutions(
                "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                f"FILTER(STRSTARTS(STR(?g), {_string(self.graph_prefix)})) }}"
            )
            return sorted(row["g"].value for row in rows if isinstance(row["g"], ox.NamedNode))

        return list(self.cached("graphs", fetch))

    def union_dataset(self) -> tuple[list[str], list[str]]:
        graphs = self.our_graphs()
        return graphs, graphs


class RemoteStore:
    """The read API of ``pyoxigraph.Store`` that the routes use, over a :class:`RemoteEndpoint`.

    Sees our graphs only (``{base}graph/…``); read-only."""

    def __init__(self, endpoint: RemoteEndpoint) -> None:
        self.endpoint = endpoint

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        return iter([ox.NamedNode(g) for g in self.endpoint.our_graphs()])

    def contains_named_graph(self, graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> bool:
        return isinstance(graph, ox.NamedNode) and graph.value in self.endpoint.our_graphs()

    def __len__(self) -> int:
        def count() -> int:
            rows = self.endpoint.solutions(
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                f"FILTER(STRSTARTS(STR(?g), {_string(self.endpoint.graph_prefix)})) }}"
            )
            for row in rows:
                return int(row["n"].value)
            return 0

        return int(self.endpoint.cached("len", count))

    def quads_for_pattern(self, subject: Pattern = None, predicate: Pattern = None,
                          object: Pattern = None,  # noqa: A002 - pyoxigraph's name
                          graph_name: ox.NamedNode | ox.DefaultGraph | None = None,
                          ) -> Iterator[ox.Quad]:
        if isinstance(graph_name, ox.DefaultGraph):
            return iter(())  # nothing of ours lives in the default graph
        if graph_name is not None and not self.contains_named_graph(graph_name):
            return iter(())
        if subject is not None and (predicate is not None or object is not None
                                    or graph_name is not None):
            # Pages ask for one predicate of a subject at a time (labels, evidence …): fetch
            # all of the subject once (cached), and pick from it.
            return (q for q in self._cached(subject, None, None, None)
                    if _matches(q, predicate, object, graph_name))
        return iter(self._cached(subject, predicate, object, graph_name))

    def _cached(self, s: Pattern, p: Pattern, o: Pattern,
                g: ox.NamedNode | None) -> list[ox.Quad]:
        return self.endpoint.cached(  # type: ignore[no-any-return]
            ("quads", s, p, o, g), lambda: list(self._fetch(s, p, o, g)))

    def _fetch(self, s: Pattern, p: Pattern, o: Pattern,
               g: ox.NamedNode | None) -> Iterator[ox.Quad]:
        slots = {"s": s, "p": p, "o": o, "g": g}
        free = [name for name, term in slots.items() if term is None]
        text = {name: f"?{name}" if term is None else str(term) for name, term in slots.items()}
        where = f"GRAPH {text['g']} {{ {text['s']} {text['p']} {text['o']} }}"
        if g is None:
            where += f" FILTER(STRSTARTS(STR(?g), {_string(self.endpoint.graph_prefix)}))"
        if not free:
            ask = self.endpoint.solutions(f"ASK {{ {where} }}")
            if bool(ask):
                yield ox.Quad(s, p, o, g)  # type: ignore[arg-type]
            return
        order = " ".join(f"?{name}" for name in free)
        page, offset = PAGE, 0
        while True:
            query = (f"SELECT {order} WHERE {{ {where} }} ORDER BY {order} "
                     f"LIMIT {page} OFFSET {offset}")
            response = self.endpoint.post(query, accept=JSON_RESULTS)
            capped = response.headers.get("x-sparql-maxrows")
            parsed = ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
            assert isinstance(parsed, ox.QuerySolutions)
            rows = list(parsed)
            for row in rows:
                bound: dict[str, Any] = {name: row[name] if term is None else term
                                         for name, term in slots.items()}
                yield ox.Quad(bound["s"], bound["p"], bound["o"], bound["g"])
            if capped and capped.isdigit() and 0 < int(capped) < page:
                page = int(capped)  # the store cut the page short: page at its cap
            elif len(rows) < page:
                return
            offset += len(rows)

    def query(self, query: str, *, use_default_graph_as_union: bool = False,
              substitutions: Mapping[Any, Any] | None = None, base_iri: str | None = None,
              **_: Any) -> Any:
        """SELECT/ASK → ``QuerySolutions``/``QueryBoolean``; CONSTRUCT/DESCRIBE → triples."""
        text = remote_text(query, base_iri or self.endpoint.base_iri, substitutions)
        dataset = self.endpoint.union_dataset() if use_default_graph_as_union else None
        if _form(text) in ("CONSTRUCT", "DESCRIBE"):
            return self.endpoint.triples(text, dataset=dataset)
        return self.endpoint.solutions(text, dataset=dataset)

    def materialise(self) -> ox.Store:
        """An in-memory store holding every quad of our graphs."""
        store = ox.Store()
        store.extend(self.quads_for_pattern())
        return store

    def dump(self, output: IO[bytes] | None = None, format: ox.RdfFormat | None = None,  # noqa: A002
             *, from_graph: Any = None, prefixes: dict[str, str] | None = None) -> bytes | None:
        kwargs: dict[str, Any] = {"format": format, "prefixes": prefixes}
        if from_graph is not None:
            kwargs["from_graph"] = from_graph
        return self.materialise().dump(output, **kwargs)

    def flush(self) -> None:
        """Nothing to flush: the remote backend never writes."""

    def __getattr__(self, name: str) -> Any:
        if name in ("add", "extend", "remove", "update", "load", "clear", "clear_graph",
                    "add_graph", "remove_graph", "bulk_load", "backup"):
            raise StoreError("the remote SPARQL backend is read-only; write to the store itself")
        raise AttributeError(name)


class RemotePool:
    """Stands in for the :class:`~.executor.WorkerPool`: runs ``QueryJob`` on the endpoint."""

    def __init__(self, endpoint: RemoteEndpoint, *, size: int) -> None:
        self.endpoint = endpoint
        self._size = size

    @property
    def size(self) -> int:
        return self._size

    @property
    def store_path(self) -> str:
        return self.endpoint.url

    def start(self, *, timeout: float = 60.0) -> None:
        """Nothing to start; the endpoint is reached on the first query."""

    def use_store(self, path: str) -> list[str]:
        return []

    def close(self) -> None:
        self.endpoint.close()

    def run(self, job: QueryJob, *, timeout: float) -> QueryOutcome:
        text = remote_text(job.query, job.base_iri or self.endpoint.base_iri,
                           dict(job.substitutions))
        graph = _form(text) in ("CONSTRUCT", "DESCRIBE")
        kind = "graph" if graph else "results"
        name = job.graph_format if graph else job.results_format
        if name is None:
            raise NotAcceptableError(kind)
        dataset: tuple[Iterable[str], Iterable[str]] | None = None
        if job.default_graph is not None or job.named_graphs is not None:
            dataset = (job.default_graph or (), job.named_graphs or ())
        elif job.union_default_graph:
            dataset = self.endpoint.union_dataset()
        if graph:
            triples = self.endpoint.triples(text, timeout=timeout, dataset=dataset)
            body = ox.serialize(triples, format=getattr(ox.RdfFormat, name)) or b""
        else:
            results = self.endpoint.solutions(text, timeout=timeout, dataset=dataset)
            body = results.serialize(format=getattr(ox.QueryResultsFormat, name)) or b""
        return QueryOutcome(kind, name, len(body), iter((body,)))


def remote_text(query: str, base_iri: str | None,
                substitutions: Mapping[Any, Any] | None) -> str:
    """``query`` as sent to a remote endpoint: a ``BASE`` declaration for relative IRIs, and
    ``substitutions`` bound by a ``VALUES`` block (never pasted into the text as strings)."""
    from resolutions_kg.queries import NamedQuery, with_values

    bound = {(k.value if isinstance(k, ox.Variable) else str(k)): v
             for k, v in (substitutions or {}).items()}
    try:
        text = with_values(NamedQuery(name="query", text=query), bound)
    except QueryError as exc:
        raise QuerySyntaxError(str(exc)) from exc
    return f"BASE <{base_iri}>\n{text}" if base_iri else text


def _form(text: str) -> str:
    from resolutions_kg.queries import query_form

    try:
        return query_form(text)
    except QueryError as exc:
        raise QuerySyntaxError(str(exc)) from exc


def _matches(quad: ox.Quad, p: Pattern, o: Pattern, g: ox.NamedNode | None) -> bool:
    return ((p is None or quad.predicate == p) and (o is None or quad.object == o)
            and (g is None or quad.graph_name == g))


def _string(value: str) -> str:
    return str(ox.Literal(value))


def open_remote(url: str, *, base_iri: str, settings: Mapping[str, Any],
                ) -> tuple[RemoteStore, RemotePool]:
    """The store and pool of the remote backend at ``url`` (checked with one ``ASK``)."""
    timeout = float(settings.get("query_timeout") or 30.0)
    size = max(2, int(settings.get("workers") or 2))
    endpoint = RemoteEndpoint(url, base_iri=base_iri, timeout=timeout, connections=4 * size)
    try:
        endpoint.solutions("ASK { }")
    except (RemoteStoreError, QueryError) as exc:
        endpoint.close()
        raise StoreError(f"{url}: not a usable SPARQL endpoint: {exc}") from exc
    return RemoteStore(endpoint), RemotePool(endpoint, size=size)
