"""The home page ``/`` and the graph view of one resolution ``/diagram/{path}``.

``/`` says what the dataset is, lists its resolutions (title linked to the resolution's page,
place, year, number of recommendations), and draws charts: topics over time, recommendations by
addressee and by topic, resolutions by year and by place, and a map of the places that have
coordinates in the store (``geo:lat``/``geo:long`` or ``schema:latitude``/``longitude``). The
charts' data is also in server-rendered tables (and ``/?format=json``), so the page reads
without JavaScript; ``static/charts.js`` draws them with the vendored Vega-Lite.

Four queries: the named queries ``resolution-summary`` and ``topics-over-time``, the facet
counts of :mod:`.facets` over all recommendations, and the places with coordinates.

``/diagram/resolution/…`` draws one resolution as a graph (event, organisers, participant
cohorts, recommendations, addressees, topics), from one query; the nodes and links are also
listed in a table.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from resolutions_kg.endpoint import browse, facets, pages
from resolutions_kg.endpoint.bodies import is_iri
from resolutions_kg.endpoint.errors import HTTPError
from resolutions_kg.queries import named_query

#: Resolutions listed on the home page (the rest are counted).
MAX_RESOLUTIONS = 500
#: Bars per chart (the most frequent first).
MAX_BARS = 25

PLACES_QUERY = """
SELECT ?place (SAMPLE(?l) AS ?label) (SAMPLE(?lat0) AS ?lat) (SAMPLE(?long0) AS ?long)
       (COUNT(DISTINCT ?res) AS ?resolutions)
WHERE {
  ?res a reskg:Resolution ; prov:wasGeneratedBy/schema:location ?place .
  { ?place geo:lat ?lat0 ; geo:long ?long0 }
  UNION { ?place schema:latitude ?lat0 ; schema:longitude ?long0 }
  UNION { ?place schema:geo ?geo . ?geo schema:latitude ?lat0 ; schema:longitude ?long0 }
  OPTIONAL { ?place skos:prefLabel ?l FILTER(LANG(?l) = "ru") }
}
GROUP BY ?place
LIMIT 1000
"""

GRAPH_QUERY = """
SELECT ?resolution ?kind ?node ?from (SAMPLE(?l) AS ?label) (SAMPLE(?pos) AS ?position)
WHERE {
  { ?resolution a reskg:Resolution BIND(?resolution AS ?node) BIND("resolution" AS ?kind) }
  UNION { ?resolution prov:wasGeneratedBy ?node BIND(?resolution AS ?from)
          BIND("event" AS ?kind) }
  UNION { ?resolution prov:wasGeneratedBy ?from . ?from schema:organizer ?node
          BIND("organiser" AS ?kind) }
  UNION { ?resolution prov:wasGeneratedBy ?from .
          ?from prov:qualifiedAssociation/prov:agent ?node BIND("participants" AS ?kind) }
  UNION { ?node a reskg:Recommendation ; eli:is_part_of ?resolution ; reskg:position ?pos
          BIND(?resolution AS ?from) BIND("recommendation" AS ?kind) }
  UNION { ?from a reskg:Recommendation ; eli:is_part_of ?resolution ; dct:audience ?node
          BIND("addressee" AS ?kind) }
  UNION { ?from a reskg:Recommendation ; eli:is_part_of ?resolution ; dct:subject ?node
          BIND("topic" AS ?kind) }
  OPTIONAL { ?node skos:prefLabel|rdfs:label|schema:name|dct:title ?l
             FILTER(LANG(?l) = "ru" || LANG(?l) = "") }
}
GROUP BY ?resolution ?kind ?node ?from
LIMIT 3000
"""


def _year(row: dict[str, Any]) -> str:
    for key in ("startDate", "adopted"):
        value = browse.text(row.get(key))
        if value[:4].isdigit():
            return value[:4]
    return ""


class Home:
    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self.cache = browse.shared_cache(ctx)

    def resolutions(self) -> list[dict[str, Any]]:
        summary = named_query("resolution-summary").text
        out = []
        for row in browse.select(self.ctx, summary)[:MAX_RESOLUTIONS]:
            iri = browse.text(row["resolution"])
            out.append({
                "resolution": iri,
                "href": browse.href(iri, self.ctx.base_iri),
                "title": browse.text(row["title"]) or browse.text(row["heading"]) or iri,
                "place": browse.text(row["place"]) or None,
                "year": _year(row) or None,
                "date": browse.text(row["startDate"]) or browse.text(row["adopted"]) or None,
                "recommendations": browse.number(row["recommendations"]),
            })
        return out

    def charts(self, resolutions: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        over_time = [
            {"year": browse.text(r["year"]), "topic": browse.text(r["topic"]),
             "recommendations": browse.number(r["recommendations"])}
            for r in browse.select(self.ctx, named_query("topics-over-time").text)
            if r["year"] is not None
        ]
        _total, counts = facets.facet_counts(self.ctx, {})

        def bars(name: str) -> list[dict[str, Any]]:
            return [{"label": v["label"], "count": v["count"],
                     "url": f"/recommendations?{name}={v['value']}"}
                    for v in counts[name][:MAX_BARS]]

        by_year = Counter(r["year"] for r in resolutions if r["year"])
        by_place = Counter(r["place"] for r in resolutions if r["place"])
        places = [
            {"place": browse.text(r["place"]), "label": browse.text(r["label"]),
             "lat": float(browse.text(r["lat"])), "long": float(browse.text(r["long"])),
             "resolutions": browse.number(r["resolutions"])}
            for r in browse.select(self.ctx, PLACES_QUERY)
            if _is_number(browse.text(r["lat"])) and _is_number(browse.text(r["long"]))
        ]
        return {
            "topicsOverTime": over_time,
            "byAddressee": bars("addressee"),
            "byTopic": bars("topic"),
            "resolutionsByYear": [{"label": y, "count": n} for y, n in sorted(by_year.items())],
            "resolutionsByPlace": [{"label": p, "count": n} for p, n in by_place.most_common()],
            "places": places,
            # every topic with a recommendation, not only the bars drawn
            "topics": [{"label": v["label"], "count": v["count"]} for v in counts["topic"]],
        }

    def page(self, request: Request) -> Response:
        browse.check_params(request, ("format",))
        media = browse.chosen_format(request, (browse.HTML, browse.JSON))
        if media == browse.JSON:
            # four queries over the whole store: run once per store version
            resolutions, charts = self.data()
            return browse.json_response({"resolutions": resolutions, "charts": charts})
        # the page depends on the data alone: rendered once per store version too (from data
        # of that version or newer: data() reads the version after this get does)
        body = self.cache.get("home-html", lambda: self._render(*self.data()))
        return Response(body, media_type="text/html; charset=utf-8", headers={"Vary": "Accept"})

    def _render(self, resolutions: list[dict[str, Any]],
                charts: dict[str, list[dict[str, Any]]]) -> str:
        totals = {
            "resolutions": len(resolutions),
            "recommendations": sum(r["recommendations"] for r in resolutions),
            "places": len(charts["resolutionsByPlace"]),
            "topics": len(charts["topics"]),
        }
        return pages.render(
            "home.html", title="Resolutions of library conferences", resolutions=resolutions,
            charts=charts, totals=totals, data=browse.json_block(charts),
        )

    def data(self) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
        """The resolutions and the charts' data of the store version served (cached)."""
        return self.cache.get("home", self._data)  # type: ignore[no-any-return]

    def _data(self) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
        resolutions = self.resolutions()
        return resolutions, self.charts(resolutions)

    # ------------------------------------------------------------------ diagram

    def diagram(self, request: Request) -> Response:
        browse.check_params(request, ("format",))
        media = browse.chosen_format(request, (browse.HTML, browse.JSON))
        path = request.path_params["path"]
        iri = self.ctx.base_iri + path
        if not is_iri(iri):
            raise HTTPError(404, f"No resolution {iri!r}")
        rows = browse.select(self.ctx, GRAPH_QUERY, {"resolution": ox.NamedNode(iri)})
        if not rows:
            raise HTTPError(404, f"No resolution {iri}")
        graph = self.graph(rows)
        if media == browse.JSON:
            return browse.json_response({"resolution": iri, **graph})
        title = next((n["label"] for n in graph["nodes"] if n["kind"] == "resolution"), iri)
        return browse.html_response(
            "diagram.html", title=f"Graph of {title}", heading=title,
            href=browse.href(iri, self.ctx.base_iri), graph=graph,
            data=browse.json_block(graph),
        )

    def graph(self, rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        nodes: dict[str, dict[str, Any]] = {}
        links: list[dict[str, Any]] = []
        order = ("resolution", "event", "organiser", "participants", "recommendation",
                 "addressee", "topic")
        rows = sorted(rows, key=lambda r: (order.index(browse.text(r["kind"])),
                                           browse.number(r["position"])))
        for row in rows:
            iri, kind = browse.text(row["node"]), browse.text(row["kind"])
            if iri not in nodes:
                label = browse.text(row["label"])
                if kind == "recommendation":
                    label = f"Recommendation {browse.number(row['position'])}"
                nodes[iri] = {"id": len(nodes), "iri": iri, "kind": kind,
                              "label": label or iri.rsplit("/", 1)[-1],
                              "href": browse.href(iri, self.ctx.base_iri)}
        for row in rows:
            source = browse.text(row["from"])
            if source in nodes:
                links.append({"source": nodes[source]["id"],
                              "target": nodes[browse.text(row["node"])]["id"],
                              "sourceLabel": nodes[source]["label"],
                              "targetLabel": nodes[browse.text(row["node"])]["label"]})
        return {"nodes": list(nodes.values()), "links": links}


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def routes(ctx: Any) -> list[BaseRoute]:
    home = Home(ctx)
    return [
        Route("/", home.page),
        Route("/diagram/{path:path}", home.diagram),
    ]
