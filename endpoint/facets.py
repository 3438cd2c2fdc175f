"""The faceted browser of recommendations at ``/recommendations``.

Facets: ``year`` (of the event, else of adoption), ``place`` (of the event), ``type`` (document
type), ``addressee`` (the class of addressees, ``dct:audience``), ``topic`` (``dct:subject``) and
``action`` (the verb that opens the recommendation). A facet value in the query string narrows the
selection; facets combine with AND (``/recommendations?year=2012&addressee=audience/…``). IRI
values are given as paths under the base IRI (``topic/digitisation``) or as whole IRIs.

The counts and the page's rows come from an in-memory index of the store version served
(:mod:`.facet_index`: a bitset of the recommendations per facet value, built at first use or in
the background at start); one query, bound to those rows, describes the page. A store without a
recorded version (a remote one) is queried each time instead: one query counts every facet's
values over the selection (and its size), one lists a page of the matching recommendations, the
values bound by ``substitutions=``.
The page is HTML (server-rendered tables and links, no script needed), or JSON/CSV of the rows
shown (``?format=json|csv`` or Accept). An unknown parameter, a facet given twice or a bad value
is a 400 naming the parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from resolutions_kg.endpoint import browse, facet_index
from resolutions_kg.endpoint.bodies import is_iri
from resolutions_kg.endpoint.errors import HTTPError

PAGE_SIZE = 50
#: Values shown per facet (the most frequent first); the rest are counted, not listed.
FACET_VALUES = 40
MAX_VALUE = 500
_YEAR = re.compile(r"^[0-9]{4}$")


@dataclass(frozen=True)
class Facet:
    name: str
    title: str
    #: binds ``?{v}`` from ``?rec`` (the recommendation) and ``?res`` (its resolution)
    pattern: str
    #: "iri", "year" or "text" (a language-tagged literal compared by its string)
    kind: str

    def bind(self, var: str) -> str:
        return self.pattern.replace("?{v}", f"?{var}")


FACETS: tuple[Facet, ...] = (
    Facet("year", "Year",
          "OPTIONAL { ?res prov:wasGeneratedBy/schema:startDate ?{v}_start } "
          "OPTIONAL { ?res eli:date_document ?{v}_adopted } "
          "BIND(YEAR(COALESCE(?{v}_start, ?{v}_adopted)) AS ?{v})", "year"),
    Facet("place", "Place", "?res prov:wasGeneratedBy/schema:location ?{v} .", "iri"),
    Facet("type", "Document type", "?res reskg:documentType ?{v} .", "iri"),
    Facet("addressee", "Addressee", "?rec dct:audience ?{v} .", "iri"),
    Facet("topic", "Topic", "?rec dct:subject ?{v} .", "iri"),
    Facet("action", "Action", "?rec reskg:action ?{v} .", "text"),
)
BY_NAME = {f.name: f for f in FACETS}
PARAMETERS = (*BY_NAME, "page", "format")
BASE = "?rec a reskg:Recommendation ; eli:is_part_of ?res .\n"
COLUMNS = ("number", "text", "addressee", "action", "topics", "resolution", "resolutionTitle",
           "recommendation")


def selection(request: Request, base_iri: str) -> dict[str, ox.NamedNode | ox.Literal]:
    """The facet values of the query string, checked (400s name the parameter)."""
    browse.check_params(request, PARAMETERS)
    chosen: dict[str, ox.NamedNode | ox.Literal] = {}
    for facet in FACETS:
        raw = browse.one_param(request, facet.name, max_length=MAX_VALUE)
        if raw is None or raw.strip() == "":
            continue
        raw = raw.strip()
        if facet.kind == "year":
            if not _YEAR.match(raw):
                raise HTTPError(400, f"parameter 'year' must be a year of four digits, "
                                     f"not {raw[:40]!r}")
            chosen[facet.name] = ox.Literal(raw, datatype=ox.NamedNode(
                "http://www.w3.org/2001/XMLSchema#integer"))
        elif facet.kind == "iri":
            iri = raw if raw.lower().startswith(("http://", "https://")) else base_iri + raw
            if not is_iri(iri):
                raise HTTPError(400, f"parameter {facet.name!r} is not an IRI or a path under "
                                     f"{base_iri}: {raw[:80]!r}")
            chosen[facet.name] = ox.NamedNode(iri)
        else:
            chosen[facet.name] = ox.Literal(raw)
    return chosen


def _where(chosen: dict[str, Any]) -> str:
    """The selection's graph pattern: the base, then each chosen facet's filter."""
    parts = [BASE]
    for name in chosen:
        facet = BY_NAME[name]
        if facet.kind == "iri":  # the bound value in the pattern itself: an index look-up
            parts.append(facet.bind(f"sel_{name}"))
            continue
        parts.append(facet.bind(f"f_{name}"))
        compared = f"STR(?f_{name})" if facet.kind == "text" else f"?f_{name}"
        parts.append(f"FILTER({compared} = ?sel_{name})\n")
    return "\n".join(parts)


def _projected(chosen: dict[str, Any]) -> str:
    # substituted variables must be projected (pyoxigraph); constant, so grouping by them is free
    return " ".join(f"?sel_{name}" for name in chosen)


def counts_query(chosen: dict[str, Any]) -> str:
    # Each branch holds the whole selection: one join of the selection with a union of the
    # facets' patterns is far slower in Oxigraph (docs/performance-notes.md).
    where = _where(chosen)
    branches = " UNION ".join(
        [f'{{ {where} BIND("" AS ?facet) BIND("" AS ?value) }}']
        + [f'{{ {where} {f.bind("value")} BIND("{f.name}" AS ?facet) }}' for f in FACETS]
    )
    sel = _projected(chosen)
    # Labels are looked up for the counted values only, after grouping (a label join before
    # the grouping is a join with every label of the store).
    return f"""
SELECT ?facet ?value (SAMPLE(?l) AS ?label) ?n {sel}
WHERE {{
  {{
    SELECT ?facet ?value (COUNT(DISTINCT ?rec) AS ?n) {sel}
    WHERE {{ {branches} }}
    GROUP BY ?facet ?value {sel}
  }}
  OPTIONAL {{ ?value skos:prefLabel|rdfs:label ?l FILTER(LANG(?l) = "ru") }}
}}
GROUP BY ?facet ?value ?n {sel}
"""


def rows_query(chosen: dict[str, Any], page: int) -> str:
    sel = _projected(chosen)
    # The page is chosen first (ordered by date, resolution, position), then described.
    return f"""
SELECT ?rec ?res ?position ?text ?date (SAMPLE(?act) AS ?action)
       (COALESCE(SAMPLE(?eventName), SAMPLE(?heading)) AS ?resolutionTitle)
       (GROUP_CONCAT(DISTINCT ?aLabel; separator=" | ") AS ?addressee)
       (GROUP_CONCAT(DISTINCT ?tLabel; separator=" | ") AS ?topics) {sel}
WHERE {{
  {{
    SELECT ?rec ?res ?position ?date {sel}
    WHERE {{
      {_where(chosen)}
      ?rec reskg:position ?position .
      OPTIONAL {{ ?res prov:wasGeneratedBy/schema:startDate ?start }}
      OPTIONAL {{ ?res eli:date_document ?adopted }}
      BIND(COALESCE(?start, ?adopted) AS ?date)
    }}
    ORDER BY ?date ?res ?position
    LIMIT {PAGE_SIZE} OFFSET {(page - 1) * PAGE_SIZE}
  }}
  ?rec reskg:text ?text .
  OPTIONAL {{ ?rec reskg:action ?act }}
  OPTIONAL {{ ?res prov:wasGeneratedBy/schema:name ?eventName }}
  OPTIONAL {{ ?res dct:title ?heading }}
  OPTIONAL {{ ?rec dct:audience/skos:prefLabel ?aLabel FILTER(LANG(?aLabel) = "ru") }}
  OPTIONAL {{ ?rec dct:subject/skos:prefLabel ?tLabel FILTER(LANG(?tLabel) = "ru") }}
}}
GROUP BY ?rec ?res ?position ?text ?date {sel}
ORDER BY ?date ?res ?position
"""


def described_query(listed: list[tuple[str, str, Any, Any]]) -> str:
    """:func:`rows_query`'s description of a page of rows chosen by the index."""
    values = " ".join(f"(<{rec}> <{res}> {position} {'UNDEF' if date is None else date})"
                      for rec, res, position, date in listed)
    inner = f"VALUES (?rec ?res ?position ?date) {{ {values} }}"
    query = rows_query({}, 1)
    start = query.index("  {\n    SELECT ?rec ?res ?position ?date")
    end = query.index("  ?rec reskg:text ?text")
    return query[:start] + "  " + inner + "\n" + query[end:]


def short_value(term: Any, base_iri: str) -> str:
    """A facet value as it appears in our URLs: a path under the base IRI, else the term."""
    value = browse.text(term)
    if isinstance(term, ox.NamedNode) and value.startswith(base_iri):
        return value[len(base_iri):]
    return value


def index(ctx: Any) -> facet_index.FacetIndex | None:
    """The in-memory index of the store version ``ctx`` serves (built at first use); None for
    a store without a recorded version (a remote one) or one whose index could not be built in
    the time limit, which is queried each time."""
    if not getattr(ctx, "version", ""):
        return None
    built: facet_index.FacetIndex | None = browse.shared_cache(ctx).get(
        "facet-index", lambda: browse.built(lambda: facet_index.build(ctx, FACETS, BASE),
                                            "facet index"))
    return built


def _mask(found: facet_index.FacetIndex, chosen: dict[str, Any]) -> int:
    mask = found.everything
    for name, value in chosen.items():
        mask &= found.selected(BY_NAME[name].kind, name, value)
    return mask


def facet_counts(ctx: Any, chosen: dict[str, Any]) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    """The selection's size and, per facet, its values with counts (most frequent first)."""
    found = index(ctx)
    if found is None:
        return _queried_counts(ctx, chosen)
    mask = _mask(found, chosen)
    values: dict[str, list[dict[str, Any]]] = {}
    for facet in FACETS:
        listed: list[dict[str, Any]] = []
        for value in found.values[facet.name]:
            count = (mask & value.mask).bit_count()
            if count:
                term = value.term
                listed.append({
                    "value": short_value(term, ctx.base_iri),
                    "iri": term.value if isinstance(term, ox.NamedNode) else None,
                    "label": value.label, "count": count,
                })
        listed.sort(key=lambda v: (-v["count"], v["label"]))
        values[facet.name] = listed
    return mask.bit_count(), values


def _queried_counts(ctx: Any, chosen: dict[str, Any]
                    ) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    subs = {f"sel_{k}": v for k, v in chosen.items()}
    total = 0
    found: dict[str, list[dict[str, Any]]] = {f.name: [] for f in FACETS}
    for row in browse.select(ctx, counts_query(chosen), subs):
        facet, count = browse.text(row["facet"]), browse.number(row["n"])
        if facet == "":
            total = count
        elif row["value"] is not None and facet in found:
            value = row["value"]
            found[facet].append({
                "value": short_value(value, ctx.base_iri),
                "iri": value.value if isinstance(value, ox.NamedNode) else None,
                "label": browse.text(row["label"]) or browse.text(value),
                "count": count,
            })
    for values in found.values():
        values.sort(key=lambda v: (-v["count"], v["label"]))
    return total, found


class Facets:
    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self.cache = browse.shared_cache(ctx)

    def page(self, request: Request) -> Response:
        base_iri = self.ctx.base_iri
        chosen = selection(request, base_iri)
        page = browse.page_number(request)
        media = browse.chosen_format(request, (browse.HTML, browse.JSON, browse.CSV))
        rows = self.rows(chosen, page)
        if media == browse.CSV:
            return browse.csv_response(COLUMNS, rows)
        if chosen:
            total, values = facet_counts(self.ctx, chosen)
        else:  # the landing page: the same counts until the store changes
            total, values = self.cache.get("facets-all", lambda: facet_counts(self.ctx, {}))
        given = {k: short_value(v, base_iri) for k, v in chosen.items()}
        if media == browse.JSON:
            return browse.json_response({
                "selection": given, "total": total, "page": page, "pageSize": PAGE_SIZE,
                "recommendations": rows, "facets": values,
            })
        facets = []
        for facet in FACETS:
            shown = values[facet.name]
            facets.append({
                "name": facet.name, "title": facet.title, "chosen": given.get(facet.name),
                "options": [{**v, "url": _url(given, facet.name, v["value"])}
                           for v in shown[:FACET_VALUES]],
                "more": max(0, len(shown) - FACET_VALUES),
                "clear_url": _url(given, facet.name, None),
            })
        for row in rows:
            row["href"] = browse.href(row["recommendation"], base_iri)
            row["resolutionHref"] = browse.href(row["resolution"], base_iri)
        pages_total = max(1, -(-total // PAGE_SIZE))
        return browse.html_response(
            "facets.html", title="Recommendations", facets=facets, rows=rows, total=total,
            page=page, pages=pages_total, given=given,
            previous=_url(given, "page", str(page - 1)) if page > 1 else None,
            next=_url(given, "page", str(page + 1)) if page < pages_total else None,
            as_json=_url(given, "format", "json") + (f"&page={page}" if page > 1 else ""),
            as_csv=_url(given, "format", "csv") + (f"&page={page}" if page > 1 else ""),
        )

    def rows(self, chosen: dict[str, Any], page: int) -> list[dict[str, Any]]:
        found = index(self.ctx)
        if found is None:
            subs = {f"sel_{k}": v for k, v in chosen.items()}
            solutions = browse.select(self.ctx, rows_query(chosen, page), subs)
        else:
            listed = found.page(_mask(found, chosen), (page - 1) * PAGE_SIZE, PAGE_SIZE)
            solutions = browse.select(self.ctx, described_query(listed)) if listed else []
        out = []
        for row in solutions:
            out.append({
                "recommendation": browse.text(row["rec"]),
                "number": browse.number(row["position"]),
                "text": browse.text(row["text"]),
                "addressee": browse.text(row["addressee"]) or None,
                "action": browse.text(row["action"]) or None,
                "topics": browse.text(row["topics"]) or None,
                "resolution": browse.text(row["res"]),
                "resolutionTitle": browse.text(row["resolutionTitle"]) or None,
            })
        return out


def _url(given: dict[str, str], name: str, value: str | None) -> str:
    """``/recommendations`` with ``name`` set to ``value`` (or removed) and paging reset."""
    params = {k: v for k, v in given.items() if k != name}
    if value is not None:
        params[name] = value
    query = urlencode(params)
    return "/recommendations" + ("?" + query if query else "")


def routes(ctx: Any) -> list[BaseRoute]:
    return [Route("/recommendations", Facets(ctx).page)]
