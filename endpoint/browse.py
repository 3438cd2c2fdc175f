"""What the browsing pages share: running a bounded SELECT in the query workers, reading its
terms, answering in the negotiated format, and turning IRIs into our own paths.

The pages themselves live in :mod:`.home` (``/`` and ``/diagram/…``), :mod:`.facets`
(``/recommendations``) and :mod:`.search` (``/search``). Each runs one or a few SPARQL queries
through ``ctx.query`` (the server's time-limited workers, parameters bound by ``substitutions=``,
never pasted into the text) and renders a server-side page that reads without JavaScript.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from resolutions_kg.endpoint import negotiation, pages
from resolutions_kg.endpoint.errors import HTTPError
from resolutions_kg.errors import QueryTimeoutError, WorkerError

logger = logging.getLogger("resolutions_kg.endpoint")

HTML = "text/html"
JSON = "application/json"
CSV = "text/csv"
PREFIXES = """\
PREFIX reskg: <https://w3id.org/resolutions-kg/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
"""

Row = dict[str, Any]


class VersionCache:
    """Values computed once per store version: a write (or a reload of a newer store) changes
    the version, and the next request computes afresh. A store without a recorded version
    (one no write of ours made) is never cached."""

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self._values: dict[str, tuple[str, Any]] = {}
        self._lock = threading.Lock()
        #: one lock per key: concurrent first requests compute a value once, not each
        self._computing: dict[str, threading.Lock] = {}

    def get(self, key: str, compute: Callable[[], Any]) -> Any:
        # The version is read before computing: the server advances it only once the queries
        # see the data of that version (AppContext.write), so a value is never older than
        # the version it is kept under.
        version = str(getattr(self.ctx, "version", "") or "")
        hit = self._values.get(key)
        if version and hit is not None and hit[0] == version:
            return hit[1]
        if not version:
            return compute()
        with self._lock:
            lock = self._computing.setdefault(key, threading.Lock())
        with lock:
            hit = self._values.get(key)
            if hit is not None and hit[0] == version:
                return hit[1]
            value = compute()
            self._values[key] = (version, value)
        return value


_SHARED_LOCK = threading.Lock()


def shared_cache(ctx: Any) -> VersionCache:
    """The one :class:`VersionCache` of the pages of ``ctx``'s server (the faceted browser's and
    search's indexes, the home page's data), which :func:`.warm.start` fills in advance."""
    with _SHARED_LOCK:
        cache = getattr(ctx, "page_cache", None)
        if cache is None:
            cache = ctx.page_cache = VersionCache(ctx)
    return cache


def select(ctx: Any, sparql: str, substitutions: Mapping[str, Any] | None = None) -> list[Row]:
    """The solutions of a SELECT as dicts of variable name → term (None when unbound).

    Runs in the server's query workers under its time limit; a query that runs too long or
    answers too much raises QueryTimeoutError or ResultTooLargeError (503, never a 500)."""
    subs = {ox.Variable(k): v for k, v in (substitutions or {}).items()}
    results = ctx.query(PREFIXES + sparql, substitutions=subs)
    names = [v.value for v in results.variables]
    return [{n: solution[n] for n in names} for solution in results]


def built(build: Callable[[], Any], what: str) -> Any:
    """``build()``, or None when its queries ran past the time limit or failed (logged): the
    page then queries the store each time, as without an index."""
    try:
        return build()
    except (QueryTimeoutError, WorkerError) as exc:
        logger.warning("cannot build the %s (the pages query the store instead): %s", what, exc)
        return None


def table(ctx: Any, sparql: str) -> list[list[str]]:
    """The solutions of a SELECT as rows of SPARQL TSV cells (``<iri>``, ``"text"@ru``, ``12``;
    ``""`` when unbound): for the indexes built from whole-store results (tens of MB), which
    read this faster than :func:`select` (docs/performance-notes.md) and are not bounded by the
    setting ``max_result_bytes`` (it bounds what clients get). Raises as ``ctx.run`` does."""
    from resolutions_kg.endpoint.executor import QueryJob

    job = QueryJob(PREFIXES + sparql, results_format="TSV", graph_format=None,
                   base_iri=ctx.base_iri, union_default_graph=True, max_bytes=0)
    body = ctx.run(job).read().decode("utf-8")
    return [line.split("\t") for line in body.split("\n")[1:] if line]


def iri(cell: str) -> str:
    """The IRI of a TSV cell ``<…>``."""
    return cell[1:-1]


def terms(cells: Sequence[str]) -> list[Any]:
    """The terms of TSV cells (None for ``""``), parsed together."""
    given = [c for c in cells if c]
    parsed = iter(q.object for q in ox.parse(
        "".join(f"<x:s> <x:p> {c} .\n" for c in given).encode(), format=ox.RdfFormat.TURTLE))
    return [next(parsed) if c else None for c in cells]


def text(term: Any) -> str:
    """A term's lexical value ('' for None)."""
    return "" if term is None else str(term.value)


def number(term: Any) -> int:
    try:
        return int(text(term) or 0)
    except ValueError:
        return 0


def href(iri: str, base_iri: str) -> str | None:
    """Our own page for an IRI, or the IRI itself when it is http(s); None otherwise."""
    path = pages.server_path(iri, base_iri)
    if path is not None:
        return path
    return iri if iri.lower().startswith(pages.LINK_SCHEMES) else None


def chosen_format(request: Request, offers: Sequence[str]) -> str:
    """``?format=html|json|csv`` (when offered) or the Accept header; a bad name is a 400."""
    names = {"html": HTML, "json": JSON, "csv": CSV}
    name = request.query_params.get("format")
    if name is not None:
        media = names.get(name.strip().lower())
        if media is None or media not in offers:
            allowed = ", ".join(k for k, v in names.items() if v in offers)
            raise HTTPError(400, f"parameter 'format': unknown format {name[:40]!r} "
                                 f"(formats: {allowed})")
        return media
    negotiated = negotiation.negotiate_media_type(request.headers.get("accept"), tuple(offers))
    if negotiated is None:
        raise HTTPError(406, "acceptable here: " + ", ".join(offers))
    return negotiated


def html_response(template: str, **context: Any) -> Response:
    return Response(pages.render(template, **context), media_type="text/html; charset=utf-8",
                    headers={"Vary": "Accept"})


def json_response(data: Any) -> Response:
    return JSONResponse(data, headers={"Vary": "Accept"})


def csv_response(columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> Response:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row[c] for c in columns])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Vary": "Accept"})


def json_block(data: Any) -> str:
    """JSON for a ``<script type="application/json">`` block: no ``</`` can close it early."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def one_param(request: Request, name: str, *, max_length: int) -> str | None:
    """A parameter given at most once, at most ``max_length`` characters (400s otherwise)."""
    values = request.query_params.getlist(name)
    if not values:
        return None
    if len(values) > 1:
        raise HTTPError(400, f"parameter {name!r} is given {len(values)} times; give it once")
    value = values[0]
    if len(value) > max_length:
        raise HTTPError(400, f"parameter {name!r} is {len(value)} characters long; at most "
                             f"{max_length} are accepted")
    return value


def page_number(request: Request, *, last: int = 10_000) -> int:
    """``?page=N`` (1 by default); not a whole number from 1 to ``last`` is a 400."""
    raw = one_param(request, "page", max_length=6)
    if raw is None or raw == "":
        return 1
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= last:
        raise HTTPError(400, f"parameter 'page' must be a whole number from 1 to {last}, "
                             f"not {raw!r}")
    return int(raw)


def check_params(request: Request, allowed: Sequence[str]) -> None:
    """A 400 naming the first parameter this page does not know."""
    for name in request.query_params:
        if name not in allowed:
            raise HTTPError(400, f"unknown parameter {name[:60]!r} (known here: "
                                 f"{', '.join(allowed)})")
