"""The review pages: how the loader read each published document, and how to correct it.

===============================  ==========================================================
``/review/``                     every published document, linking to its review
``/review/{document}``           the document's source text with every fact's span
                                 highlighted by kind, uncertain facts first, the corrections
                                 applied, and the ``.corrections.yaml`` snippet for each fact
===============================  ==========================================================

``{document}`` is the document's slug (its graph is ``{base}graph/{document}``). The page is
built from the store by :func:`resolutions_kg.review.review_from_store`, the same facts
``reskg review FILE`` prints (``--html OUT`` writes this page to a file,
:func:`standalone_page`); every text on it is escaped by the templates.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from resolutions_kg.endpoint import pages
from resolutions_kg.endpoint.errors import HTTPError
from resolutions_kg.iris import Minter
from resolutions_kg.review import ALL_KINDS, Review, documents, review_from_store

#: What a document slug looks like (``iris.document_slug``); anything else is no document.
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,299}")
HTML = "text/html; charset=utf-8"


class ReviewPages:
    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self.minter = Minter(ctx.base_iri)

    def index(self, request: Request) -> Response:
        graph_prefix = self.minter.graph("")
        docs = [{"slug": g[len(graph_prefix):], "name": name}
                for g, name in documents(self.ctx.store) if g.startswith(graph_prefix)]
        return Response(pages.render("review_index.html", title="Review", documents=docs),
                        media_type=HTML)

    def page(self, request: Request) -> Response:
        slug: str = request.path_params["document"]
        review = (review_from_store(self.ctx.store, self.minter.graph(slug))
                  if SLUG.fullmatch(slug) else None)
        if review is None:
            shown = slug if len(slug) <= 80 else slug[:80] + "…"
            raise HTTPError(404, f"No published document {shown!r}: see /review/ for the list")
        body = pages.render("review.html", **view(review, self.minter, slug))
        return Response(body, media_type=HTML)


def view(review: Review, minter: Minter, slug: str) -> dict[str, Any]:
    """The template's view model: only plain strings and numbers, escaped by the template."""
    facts = review.facts
    segments = []
    for seg in review.segments():
        covering = [facts[i] for i in seg.facts]
        segments.append({
            "text": seg.text,
            "kind": seg.kind,
            "title": "; ".join(f"{f.key or f.predicate}: {f.value[:80]}"
                               f" ({f.confidence:.2f})" for f in covering),
        })
    ordered = review.ordered()
    return {
        "title": f"Review: {review.name}",
        "review": review,
        "resolution": pages.server_path(minter.resolution(slug), minter.base_iri),
        "kinds": ALL_KINDS,
        "segments": segments,
        "uncertain": [f for f in ordered if f.uncertain],
        "facts": ordered,
    }


def standalone_page(review: Review, base_iri: str) -> str:
    """The review page as one self-contained HTML file (``reskg review --html``)."""
    minter = Minter(base_iri)
    slug = review.graph.removeprefix(minter.graph(""))
    stylesheet = (Path(__file__).parent / "static" / "review.css").read_text(encoding="utf-8")
    model = {**view(review, minter, slug), "resolution": None}  # no server to link to
    return pages.render("review_file.html", stylesheet=stylesheet, **model)


def routes(ctx: Any) -> list[BaseRoute]:
    review = ReviewPages(ctx)
    return [
        Route("/review", lambda request: RedirectResponse("/review/", status_code=301)),
        Route("/review/", review.index),
        Route("/review/{document}", review.page),
    ]
