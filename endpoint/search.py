"""Search at ``/search?q=…``: the words in any inflected form, by their lemmas.

Oxigraph has no full-text index, so search goes by lemmas (:mod:`resolutions_kg.lemmas`, the
pymorphy3 analyser the mapper uses): «библиотекам» is «библиотека», and so is every form of it.

- Recommendations, proposals and statements carry ``reskg:lemmas``; an in-memory index of them
  (:mod:`.search_index`, lemma → postings, built once per store version) finds and ranks them,
  and one query fetches the texts of the hits shown. Without a recorded store version (a remote
  store), each search queries them instead: ``reskg:lemmas`` is space-padded, so a whole
  lemma is ``CONTAINS(?lemmas, " лемма ")``; they are matched and ranked as the named query
  ``search`` (``queries/search.rq``) does — by how many of the searched lemmas they contain —
  with one ``CONTAINS`` per lemma instead of its portable regular expression (faster on
  Oxigraph: docs/performance-notes.md), each lemma bound by ``substitutions=``.
- Resolutions, events, topics, addressees, organisations and places are found by their labels:
  one query lists those labels (cached per store version) and their words are lemmatised here.

Hits are ranked by how many of the searched lemmas they contain, then by kind; each shows its
kind, its label linked to our page and a snippet with the matched words marked (the template
escapes every character of the text; only the ``<mark>`` elements are ours). ``q`` is at most
:data:`MAX_QUERY` characters (longer is a 400 saying so); JSON by Accept or ``?format=json``.
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

from resolutions_kg.endpoint import browse, search_index
from resolutions_kg.endpoint.errors import HTTPError
from resolutions_kg.lemmas import lemma, lemmas

MAX_QUERY = 200
#: Distinct lemmas searched for (the first ones of ``q``).
MAX_LEMMAS = 12
PAGE_SIZE = 20
#: Hits considered at most (ranked, then paged).
MAX_HITS = 1000
#: Characters of context on each side of the first match in a snippet.
SNIPPET = 90

LABELS_QUERY = """
SELECT ?s ?kind (SAMPLE(?l) AS ?label) WHERE {
  {
    VALUES (?class ?kind) {
      (reskg:Resolution "resolution") (schema:Event "event") (schema:Place "place")
      (org:FormalOrganization "organisation") (dct:AgentClass "addressee")
    }
    ?s a ?class .
  }
  UNION { SELECT DISTINCT ?s ("topic" AS ?kind) WHERE { ?item dct:subject ?s } }
  ?s dct:title|schema:name|skos:prefLabel|rdfs:label ?l .
  FILTER(LANG(?l) = "ru" || LANG(?l) = "")
}
GROUP BY ?s ?kind
LIMIT 20000
"""
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
ITEMS_QUERY = """
SELECT ?resolution ?item ?kind ?position ?content ?matched {lemmas} WHERE {{
  VALUES (?class ?kind) {{
    (reskg:Recommendation "recommendation") (reskg:Proposal "proposal")
    (reskg:Statement "statement")
  }}
  ?item a ?class ; eli:is_part_of ?resolution ; reskg:lemmas ?lemmas .
  BIND(STR(?lemmas) AS ?own)
  BIND({matched} AS ?matched)
  FILTER(?matched > 0)
  ?item reskg:text ?content .
  OPTIONAL {{ ?item reskg:position ?position }}
}}
ORDER BY DESC(?matched) ?resolution ?kind ?position
LIMIT {limit}
"""
KIND_ORDER = ("resolution", "event", "recommendation", "proposal", "statement", "topic",
              "addressee", "organisation", "place")


@dataclass
class Hit:
    iri: str
    kind: str
    label: str
    text: str
    matched: int
    resolution: str | None = None
    #: found by the index: ``text`` is looked up when the hit is shown
    text_pending: bool = False

    def rank(self) -> tuple[int, int, str]:
        kind = KIND_ORDER.index(self.kind) if self.kind in KIND_ORDER else len(KIND_ORDER)
        return (-self.matched, kind, self.iri)


def snippet(text: str, wanted: set[str], width: int = SNIPPET) -> list[tuple[str, bool]]:
    """``text`` around its first word whose lemma is wanted, as (piece, marked) pairs: every
    word of the excerpt with a wanted lemma is marked."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)
             if lemma(m.group()) in wanted]
    if not spans:
        cut = text[: 2 * width]
        return [(cut + ("…" if len(text) > len(cut) else ""), False)]
    start = max(0, spans[0][0] - width)
    end = min(len(text), spans[0][1] + 2 * width)
    pieces: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    at = start
    for s, e in spans:
        if s < start or e > end:
            continue
        if s > at:
            pieces.append((text[at:s], False))
        pieces.append((text[s:e], True))
        at = e
    pieces.append((text[at:end] + ("…" if end < len(text) else ""), False))
    return pieces


class Search:
    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self.cache = browse.shared_cache(ctx)

    def labels(self) -> list[tuple[str, str, str, frozenset[str]]]:
        """(iri, kind, label, lemmas of the label) of every labelled resource searched by name;
        cached until the store changes."""
        return self.cache.get("search-labels", lambda: [  # type: ignore[no-any-return]
            (browse.text(r["s"]), browse.text(r["kind"]), browse.text(r["label"]),
             frozenset(lemmas(browse.text(r["label"]))))
            for r in browse.select(self.ctx, LABELS_QUERY)
        ])

    def hits(self, q: str) -> tuple[list[str], list[Hit]]:
        wanted = lemmas(q)[:MAX_LEMMAS]
        if not wanted:
            return [], []
        found: dict[str, Hit] = {}
        index = self.index()
        if index is None:
            found = self.queried(wanted)
        else:
            for row, matched in index.ranked(wanted, MAX_HITS):
                label = f"{row.kind.capitalize()} {row.position}".strip()
                # the text is looked up for the hits shown (page())
                found.setdefault(row.item, Hit(row.item, row.kind, label, "", matched,
                                               row.resolution or None, text_pending=True))
        wanted_set = set(wanted)
        for iri, kind, label, label_lemmas in self.labels():
            matched = len(wanted_set & label_lemmas)
            if matched and iri not in found:
                found[iri] = Hit(iri, kind, label, label, matched)
        return wanted, sorted(found.values(), key=Hit.rank)[:MAX_HITS]

    def index(self) -> search_index.SearchIndex | None:
        """The lemma index of the store version served (built at first use); None for a store
        without a recorded version (a remote one), which is queried each time."""
        if not getattr(self.ctx, "version", ""):
            return None
        built: search_index.SearchIndex | None = self.cache.get(
            "search-index", lambda: browse.built(lambda: search_index.build(self.ctx),
                                                 "search index"))
        return built

    def queried(self, wanted: list[str]) -> dict[str, Hit]:
        names = [f"lemma{i}" for i in range(len(wanted))]
        query = ITEMS_QUERY.format(
            lemmas=" ".join(f"?{n}" for n in names), limit=MAX_HITS,
            matched=" + ".join(f'IF(CONTAINS(?own, CONCAT(" ", ?{n}, " ")), 1, 0)'
                               for n in names))
        rows = browse.select(self.ctx, query, {n: ox.Literal(w) for n, w in zip(names, wanted,
                                                                                strict=True)})
        found: dict[str, Hit] = {}
        for row in rows[:MAX_HITS]:
            iri, kind = browse.text(row["item"]), browse.text(row["kind"])
            position = browse.text(row["position"])
            label = f"{kind.capitalize()} {position}".strip()
            found.setdefault(iri, Hit(iri, kind, label, browse.text(row["content"]),
                                      browse.number(row["matched"]),
                                      browse.text(row["resolution"]) or None))
        return found

    def page(self, request: Request) -> Response:
        browse.check_params(request, ("q", "page", "format"))
        raw = request.query_params.getlist("q")
        if len(raw) > 1:
            raise HTTPError(400, "parameter 'q' is given more than once; give it once")
        q = (raw[0] if raw else "").strip()
        if len(q) > MAX_QUERY:
            raise HTTPError(400, f"parameter 'q' is {len(q)} characters long; search for at "
                                 f"most {MAX_QUERY} characters")
        page = browse.page_number(request)
        media = browse.chosen_format(request, (browse.HTML, browse.JSON))
        wanted, hits = self.hits(q) if q else ([], [])
        shown = hits[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        pending = [h.iri for h in shown if h.text_pending]
        if pending:
            texts = search_index.texts(self.ctx, pending)
            for h in shown:
                if h.text_pending:
                    h.text, h.text_pending = texts.get(h.iri, ""), False
        base_iri = self.ctx.base_iri
        if media == browse.JSON:
            return browse.json_response({
                "q": q, "lemmas": wanted, "total": len(hits), "page": page,
                "pageSize": PAGE_SIZE,
                "hits": [{"iri": h.iri, "kind": h.kind, "label": h.label, "text": h.text,
                          "matched": h.matched, "resolution": h.resolution,
                          "href": browse.href(h.iri, base_iri)} for h in shown],
            })
        wanted_set = set(wanted)
        results = [{"kind": h.kind, "label": h.label, "iri": h.iri,
                    "href": browse.href(h.iri, base_iri),
                    "resolutionHref": browse.href(h.resolution, base_iri)
                    if h.resolution else None,
                    "snippet": snippet(h.text, wanted_set), "matched": h.matched}
                   for h in shown]
        pages = max(1, -(-len(hits) // PAGE_SIZE))

        def url(n: int) -> str:
            return "/search?" + urlencode({"q": q, "page": n})

        return browse.html_response(
            "search.html", title=f"Search: {q}" if q else "Search", search_q=q, q=q,
            lemmas=wanted, results=results, total=len(hits), page=page, pages=pages,
            page_size=PAGE_SIZE,
            previous=url(page - 1) if page > 1 else None,
            next=url(page + 1) if page < pages else None,
            as_json="/search?" + urlencode({"q": q, "format": "json", "page": page}),
        )


def routes(ctx: Any) -> list[BaseRoute]:
    return [Route("/search", Search(ctx).page)]
