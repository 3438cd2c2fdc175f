"""The HTML page of a described resource: its labels and types, the summary of a document or
part (:mod:`.documents`), its properties and incoming links (:mod:`.pages`), the evidence span
of the source text, and the other formats it can be had in.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from resolutions_kg.endpoint.documents import summary
from resolutions_kg.endpoint.labels import shorten
from resolutions_kg.endpoint.linkeddata import Description, pick_label
from resolutions_kg.endpoint.pages import Renderer, render
from resolutions_kg.endpoint.text import plain
from resolutions_kg.namespaces import RDF, RESKG


def _text_title(description: Description, length: int = 90) -> str | None:
    """For items without a label (recommendations…): the start of their ``reskg:text``."""
    for q in description.quads:
        if (q.subject == ox.NamedNode(description.iri) and q.predicate.value == str(RESKG.text)
                and isinstance(q.object, ox.Literal)):
            return shorten(plain(q.object.value), length)
    return None


def resource_page(
    description: Description,
    store: ox.Store,
    base_iri: str,
    *,
    alternates: list[tuple[str, str, str]],
    graph_triples: int | None = None,
    labels_from: ox.Store | None = None,
    releases: dict[str, Any] | None = None,
) -> str:
    """The HTML page of a described resource. ``alternates``: (label, href, media type);
    ``labels_from``: another store to look labels up in; ``releases``: in which releases the
    resource appears (:meth:`.releases.Releases.appearances`)."""
    r = Renderer(store, base_iri, page_iri=description.iri, labels_from=labels_from)
    titles = r.titles(description.iri)
    types = [
        r.link(q.object.value)
        for q in description.quads
        if q.subject == ox.NamedNode(description.iri)
        and q.predicate == ox.NamedNode(str(RDF.type))
        and isinstance(q.object, ox.NamedNode)
    ]
    highlight, evidence = r.evidence(description.iri)
    return render(
        "resource.html",
        summary=summary(store, r, description.iri),
        title=plain(pick_label(titles) or "") or _text_title(description)
        or r.name(description.iri),
        iri=description.iri,
        titles=titles,
        types=types,
        sections=r.sections(description),
        incoming=r.incoming(description),
        incoming_limited=len(description.incoming),
        highlight=highlight,
        evidence=evidence,
        alternates=alternates,
        graph=description.graph,
        graph_triples=graph_triples,
        releases=releases,
    )
