"""Publishing a store to an external SPARQL store: ``reskg push``.

:func:`push` sends every named graph of a local store to a SPARQL 1.1 **Graph Store Protocol**
endpoint — ``PUT ?graph=IRI`` with the graph's first chunk as N-Triples, then ``POST`` (append)
for the following chunks, so that a large graph goes in bounded requests (``chunk`` triples,
``max_bytes`` bytes) and its progress can be shown — and then checks, graph by graph, that the
store holds as many triples as we sent
(``SELECT (COUNT(*) …) { GRAPH <g> { … } }`` at the **query endpoint**).

Where the store has no Graph Store Protocol (its GSP URL answers 404, 405 or 501), or when asked
(``protocol="update"``), graphs go by **SPARQL Update** instead: ``DROP SILENT GRAPH <g>``, then
``INSERT DATA`` in chunks.

Every request is retried with exponential backoff on a connection error, a timeout or a 5xx
answer. A graph that still fails, or whose count does not match, is pushed again from the start
(up to ``graph_attempts`` times) and, if it never succeeds, reported as failed — never skipped.

Where things are
    ``to`` is the GSP URL (Virtuoso: ``/sparql-graph-crud``, or ``/sparql-graph-crud-auth`` with
    digest auth; Fuseki: ``/ds/data``; our own server: ``/store``). The query endpoint defaults
    to the one beside it (:func:`default_query_endpoint`); SPARQL Update goes to the query
    endpoint unless ``update_endpoint`` is given (Fuseki: ``/ds/update``).

Credentials: a bearer ``token``, or ``user``/``password`` (HTTP Basic or Digest, whichever the
server asks for). A 401 or 403 stops the whole push (:class:`PushAuthError`): no graph could go.
Library code: raises :class:`PushError`, never prints.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from resolutions_kg.errors import PushAuthError, PushError
from resolutions_kg.store import count_quads, graph_names, open_store

N_TRIPLES = "application/n-triples"
JSON_RESULTS = "application/sparql-results+json"
#: Most triples per request.
CHUNK = 5000
#: Most bytes of N-Triples per request (stores limit request sizes: our server's default
#: ``max_query_length`` is 100 000 characters for an update).
MAX_BYTES = 90_000
#: Status codes that mean "this URL speaks no Graph Store Protocol" (never retried).
NO_GSP = frozenset({404, 405, 501})


@dataclass
class GraphResult:
    """What happened to one graph."""

    graph: str
    triples: int
    status: str = "pending"  # "pushed", "failed"
    protocol: str = ""  # "gsp" or "update"
    remote_triples: int | None = None
    attempts: int = 0
    error: str | None = None


@dataclass
class PushReport:
    graphs: list[GraphResult] = field(default_factory=list)

    @property
    def failed(self) -> list[GraphResult]:
        return [g for g in self.graphs if g.status != "pushed"]

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)


#: ``on_progress(graph, done, total)``: triples of ``graph`` sent so far (0 when it starts over).
Progress = Callable[[str, int, int], None]


def default_query_endpoint(gsp_url: str) -> str:
    """The SPARQL query endpoint beside a Graph Store URL: Virtuoso's ``/sparql-graph-crud``
    (``-auth``) → ``/sparql``, Fuseki's ``/ds/data`` → ``/ds/sparql``, ``/store`` → ``/sparql``
    (our server); any other URL is taken to answer queries itself (Fuseki's ``/ds``)."""
    parts = urlsplit(gsp_url)
    path = parts.path.rstrip("/")
    head, _, last = path.rpartition("/")
    if last in ("sparql-graph-crud", "sparql-graph-crud-auth", "data", "store"):
        path = f"{head}/sparql"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class ChallengeAuth(httpx.Auth):
    """HTTP Basic or Digest, whichever the server's first 401 asks for (then remembered)."""

    requires_request_body = True

    def __init__(self, user: str, password: str) -> None:
        self._schemes: dict[str, httpx.Auth] = {
            "basic": httpx.BasicAuth(user, password),
            "digest": httpx.DigestAuth(user, password),
        }
        self._chosen: httpx.Auth | None = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._chosen is not None:
            yield from self._chosen.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        scheme = response.headers.get("www-authenticate", "").split(" ", 1)[0].lower()
        if scheme not in self._schemes:
            return
        self._chosen = self._schemes[scheme]
        yield from self._chosen.auth_flow(request)


class BearerAuth(httpx.Auth):
    def __init__(self, token: str) -> None:
        self._header = f"Bearer {token}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request


class _Retryable(Exception):
    """A request failed in a way worth trying again."""


class Pusher:
    """Pushes graphs to one store; :func:`push` is the usual way in."""

    def __init__(self, to: str, *, query_endpoint: str | None = None,
                 update_endpoint: str | None = None, protocol: str = "auto",
                 token: str | None = None, user: str | None = None,
                 password: str | None = None, retries: int = 4, backoff: float = 0.5,
                 timeout: float = 120.0, chunk: int = CHUNK,
                 max_bytes: int = MAX_BYTES) -> None:
        if protocol not in ("auto", "gsp", "update"):
            raise PushError(f"unknown protocol {protocol!r} (auto, gsp or update)")
        if (user is None) != (password is None):
            raise PushError("give both a user and a password, or neither")
        if token and user:
            raise PushError("give a token or a user and password, not both")
        self.to = to
        self.query_endpoint = query_endpoint or default_query_endpoint(to)
        self.update_endpoint = update_endpoint or self.query_endpoint
        self.protocol = protocol
        self.retries, self.backoff, self.chunk = retries, backoff, max(1, chunk)
        self.max_bytes = max_bytes
        self._sizes: list[int] = []
        auth: httpx.Auth | None = None
        if token:
            auth = BearerAuth(token)
        elif user is not None and password is not None:
            auth = ChallengeAuth(user, password)
        self.client = httpx.Client(timeout=timeout, auth=auth)

    def close(self) -> None:
        self.client.close()

    # ----------------------------------------------------------------- requests

    def _send(self, method: str, url: str, **kwargs: object) -> httpx.Response:
        """One request, retried with exponential backoff on 5xx and transport errors."""
        for attempt in range(self.retries + 1):
            try:
                response = self.client.request(method, url, **kwargs)  # type: ignore[arg-type]
                if response.status_code < 500 or response.status_code in NO_GSP:
                    return response
                problem = f"{response.status_code} {_brief(response.text)}"
            except httpx.TransportError as exc:
                problem = f"{type(exc).__name__}: {exc}"
            if attempt < self.retries:
                time.sleep(self.backoff * 2**attempt)
        raise _Retryable(f"{method} {url}: {problem}")

    def _expect_ok(self, response: httpx.Response, what: str) -> None:
        if response.status_code in (401, 403):
            raise PushAuthError(f"{what}: {response.status_code} — the store refused our "
                            f"credentials (give --token, or --user and --password)")
        if not 200 <= response.status_code < 300:
            raise PushError(f"{what}: {response.status_code} {_brief(response.text)}")

    # ----------------------------------------------------------------- protocols

    def _gsp(self, graph: str, chunks: Sequence[bytes]) -> Iterator[int]:
        for n, body in enumerate(chunks):
            response = self._send("PUT" if n == 0 else "POST", self.to, params={"graph": graph},
                                  content=body, headers={"Content-Type": N_TRIPLES})
            if n == 0 and response.status_code in NO_GSP and self.protocol == "auto":
                raise _NoGraphStore(f"{self.to} answered {response.status_code}")
            self._expect_ok(response, f"{'PUT' if n == 0 else 'POST'} <{graph}>")
            yield n

    def _update(self, graph: str, chunks: Sequence[bytes]) -> Iterator[int]:
        self._run_update(f"DROP SILENT GRAPH <{graph}>", graph)
        for n, body in enumerate(chunks):
            self._run_update(f"INSERT DATA {{ GRAPH <{graph}> {{\n{body.decode()}}} }}", graph)
            yield n

    def _run_update(self, update: str, graph: str) -> None:
        response = self._send("POST", self.update_endpoint, data={"update": update})
        self._expect_ok(response, f"SPARQL Update of <{graph}> at {self.update_endpoint}")

    def remote_count(self, graph: str) -> int:
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        response = self._send("POST", self.query_endpoint, data={"query": query},
                              headers={"Accept": JSON_RESULTS})
        self._expect_ok(response, f"counting <{graph}> at {self.query_endpoint}")
        try:
            results = ox.parse_query_results(response.content,
                                             format=ox.QueryResultsFormat.JSON)
            for row in results:  # type: ignore[union-attr]
                return int(row["n"].value)
        except (SyntaxError, ValueError, TypeError) as exc:
            raise PushError(f"{self.query_endpoint}: unreadable count: {exc}") from exc
        return 0

    # ----------------------------------------------------------------- one graph

    def push_graph(self, result: GraphResult, triples: list[ox.Triple],
                   on_progress: Progress | None = None) -> None:
        """Send one graph and check its count; sets ``result``'s status, never raises for a
        failure of this graph alone."""
        chunks = self.chunks(triples)
        result.attempts += 1
        if on_progress:
            on_progress(result.graph, 0, result.triples)
        try:
            use_update = self.protocol == "update"
            if not use_update:
                try:
                    self._advance(result, self._gsp(result.graph, chunks), on_progress)
                    result.protocol = "gsp"
                except _NoGraphStore:
                    self.protocol = use_update = "update"  # type: ignore[assignment]
            if use_update:
                self._advance(result, self._update(result.graph, chunks), on_progress)
                result.protocol = "update"
            result.remote_triples = self.remote_count(result.graph)
        except PushAuthError as exc:
            result.status, result.error = "failed", str(exc)
            raise
        except (PushError, _Retryable) as exc:
            result.status, result.error = "failed", str(exc)
            return
        if result.remote_triples != result.triples:
            result.status = "failed"
            result.error = (f"the store holds {result.remote_triples} triples in <{result.graph}>, "
                            f"we sent {result.triples}")
            return
        result.status, result.error = "pushed", None

    def chunks(self, triples: list[ox.Triple]) -> list[bytes]:
        """N-Triples bodies of at most ``chunk`` triples and ``max_bytes`` bytes each (a
        triple longer than that goes alone); one empty body for an empty graph."""
        bodies: list[bytes] = []
        lines: list[bytes] = []
        size = 0
        for triple in triples:
            line = ox.serialize([triple], format=ox.RdfFormat.N_TRIPLES) or b""
            if lines and (len(lines) >= self.chunk or size + len(line) > self.max_bytes):
                bodies.append(b"".join(lines))
                lines, size = [], 0
            lines.append(line)
            size += len(line)
        bodies.append(b"".join(lines))
        self._sizes = [body.count(b"\n") for body in bodies]
        return bodies

    def _advance(self, result: GraphResult, steps: Iterator[int],
                 on_progress: Progress | None) -> None:
        done = 0
        for n in steps:
            done += self._sizes[n]
            if on_progress:
                on_progress(result.graph, min(done, result.triples), result.triples)


class _NoGraphStore(Exception):
    """The GSP URL speaks no Graph Store Protocol: switch to SPARQL Update."""


def push(
    store_path: str | os.PathLike[str],
    to: str,
    *,
    graphs: Sequence[str] | None = None,
    graph_attempts: int = 3,
    on_graph: Callable[[GraphResult], None] | None = None,
    on_progress: Progress | None = None,
    **options: object,
) -> PushReport:
    """Push every named graph of the store at ``store_path`` (or only ``graphs``) to the Graph
    Store at ``to``; ``options`` are those of :class:`Pusher`. Failed graphs are pushed again
    after the others, up to ``graph_attempts`` times in all. ``on_graph`` is called with each
    graph's final result."""
    store = open_store(store_path, read_only=True)
    names = list(graphs) if graphs is not None else graph_names(store)
    missing = [g for g in names if not store.contains_named_graph(ox.NamedNode(g))]
    if missing:
        raise PushError(f"no graph <{missing[0]}> in {store_path}")
    report = PushReport([GraphResult(g, count_quads(store, g)) for g in names])
    pusher = Pusher(to, **options)  # type: ignore[arg-type]
    try:
        for round_ in range(max(1, graph_attempts)):
            pending = [r for r in report.graphs if r.status != "pushed"]
            if not pending:
                break
            for result in pending:
                triples = [q.triple for q in store.quads_for_pattern(
                    None, None, None, ox.NamedNode(result.graph))]
                pusher.push_graph(result, triples, on_progress)
                if on_graph and (result.status == "pushed" or round_ == graph_attempts - 1):
                    on_graph(result)
    finally:
        pusher.close()
    return report


def _brief(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
