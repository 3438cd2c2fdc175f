"""The linked-data routes of the server: every IRI under the base IRI dereferences here.

``create_app`` adds ``routes(ctx)`` after its own (``/sparql``, ``/store``, ``/health``); the last
route is a catch-all for resource paths that never matches those reserved first segments, so the
order cannot shadow them.

===========================  ============================================================
``/``                        the home page: the dataset, its resolutions, charts (:mod:`.home`)
``/search?q=``               search by lemmas, results highlighted (:mod:`.search`)
``/recommendations``         the faceted browser of recommendations (:mod:`.facets`)
``/diagram/{path}``          a resolution as a graph: event, organisers, … (:mod:`.home`)
``/query``                   the query UI (YASGUI, :mod:`.ui`)
``/static/…``                stylesheet, icons and the vendored YASGUI build
``/favicon.ico``             the site's icon (``static/favicon.ico``)
``/.well-known/void``        VoID + DCAT of the dataset (same as ``/dataset``)
``/dumps/``, ``/dumps/F``    dump listing (HTML/JSON) and the gzipped dumps (:mod:`.dumps`)
``/queries``, ``/queries/N`` the named-query catalogue and runs (:mod:`.named_queries`)
``/releases/``, ``/releases/V/``, ``/releases/V/F``  releases, one release, its files
                             (:mod:`.releases`)
``/review/``, ``/review/D``  how the loader read each document, how to correct it (:mod:`.review`)
``/{path}``                  the resource ``{base}{path}``: HTML or RDF by content negotiation,
                             a format suffix (``.ttl``, ``.jsonld``, ``.nt``, ``.rdf``,
                             ``.trig``, ``.nq``, ``.html``) or ``?format=``
===========================  ============================================================

A trailing slash redirects (301) to the path without it, percent-encoded. Unknown IRIs are 404s,
answered in the negotiated error shape of :mod:`.errors`.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Match, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from resolutions_kg.endpoint import negotiation, pages
from resolutions_kg.endpoint.bodies import is_iri
from resolutions_kg.endpoint.dumps import BY_NAME, Dumps, http_date
from resolutions_kg.endpoint.errors import HTTPError
from resolutions_kg.endpoint.linkeddata import (
    RDF_MEDIA_TYPES,
    SUFFIXES,
    Description,
    describe,
    exists,
    rdf_bytes,
)
from resolutions_kg.endpoint.negotiation import by_name
from resolutions_kg.endpoint.releases import Releases
from resolutions_kg.endpoint.resource import resource_page
from resolutions_kg.endpoint.void import void_triples
from resolutions_kg.formats import RdfFormat
from resolutions_kg.namespaces import ONTOLOGY_IRI

STATIC = Path(__file__).parent / "static"
#: First path segments that belong to the protocol routes, never to resources.
RESERVED = frozenset({"sparql", "store", "health", "static", "dumps", "queries", "query",
                      ".well-known", "releases", "favicon.ico", "review", "search",
                      "recommendations", "diagram"})
HTML = "text/html"
#: Retry-After (seconds) while the dumps are being built for the first time
RETRY = "10"
#: What a resource can be answered in, in order of preference when the client does not care.
OFFERS: tuple[str, ...] = (HTML, *RDF_MEDIA_TYPES)
#: Alternate formats linked from every page.
ALTERNATES = (("Turtle", "ttl"), ("JSON-LD", "jsonld"), ("N-Triples", "nt"), ("RDF/XML", "rdf"),
              ("TriG", "trig"))


class ResourceRoute(Route):
    """``/{path:path}`` for resources; never matches a reserved first segment."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http":
            path = scope["path"].lstrip("/")
            first = path.split("/", 1)[0]
            # skolem IRIs ({base}.well-known/genid/…) are resources like any other
            if first in RESERVED and not path.startswith(".well-known/genid/"):
                return Match.NONE, {}
        return super().matches(scope)


#: The other media types clients ask for an RDF format by (``text/n3``, ``application/json``,
#: ``text/plain``, ``application/xml`` …; :mod:`resolutions_kg.formats`), answered with its own.
def negotiate_media_type(accept: str | None, offers: tuple[str, ...] = OFFERS) -> str | None:
    """:func:`.negotiation.negotiate_media_type`, offering what a resource can be answered in
    unless told otherwise."""
    return negotiation.negotiate_media_type(accept, offers)


def media_type_named(name: str) -> str | None:
    """The media type a ``format=`` value or a suffix names (``ttl``, ``html``, a media type)."""
    key = name.strip().lower()
    if key in SUFFIXES:
        return SUFFIXES[key]
    if key in (HTML, "html"):
        return HTML
    fmt = by_name(key, RdfFormat)
    return fmt.media_type if fmt is not None else None


class Site:
    """The handlers, bound to one application context."""

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self.base_iri: str = ctx.base_iri
        path = getattr(ctx, "store_path", None)
        self.store_path = Path(path) if path else None
        self.dumps = Dumps(lambda: self.ctx.store, store_path=self.store_path,
                           state=lambda: getattr(self.ctx, "state", {}),
                           base_iri=self.base_iri, lock=getattr(ctx, "_write_lock", None))
        self.releases = Releases.of(ctx)
        self._void: tuple[str, ox.Store] | None = None
        self._void_lock = threading.Lock()
        # the first build starts now, in the background — and so does finding out which data
        # it is for, which on a store no write of ours recorded means counting its quads
        threading.Thread(target=self.dumps.latest, name="dumps-first", daemon=True).start()
        ctx.closing.append(self.dumps.close)

    @property
    def store(self) -> ox.Store:
        """The context's store handle (a server that accepts writes reopens it after a failed
        write), read at each use."""
        return self.ctx.store  # type: ignore[no-any-return]

    # --------------------------------------------------------------- resources

    def resource(self, request: Request) -> Response:
        path: str = request.path_params["path"]
        if path.endswith("/") and path.strip("/"):
            target = "/" + quote(path.rstrip("/"), safe=pages.PATH_SAFE)
            if request.url.query:
                target += "?" + request.url.query
            return RedirectResponse(target, status_code=301)
        media_type = None
        if request.query_params.get("format"):
            media_type = media_type_named(request.query_params["format"])
            if media_type is None:
                raise HTTPError(400, f"unknown format {request.query_params['format']!r}")
        path, suffix_type = self._strip_suffix(path)
        media_type = media_type or suffix_type
        found = self._find(path)
        if found is None:
            raise HTTPError(404, f"No resource {self.base_iri}{path}")
        description, store = found
        if media_type is None:
            media_type = negotiate_media_type(request.headers.get("accept"))
            if media_type is None:
                raise HTTPError(406, "acceptable here: " + ", ".join(OFFERS))
        headers = {"Vary": "Accept", "Link": self._link_header(request.url.path)}
        if media_type == HTML and path == "dataset":
            from resolutions_kg.endpoint.dataset_page import dataset_page

            build = self.dumps.latest()
            body = dataset_page(store, self.store, self.base_iri,
                                alternates=self._alternates(request.url.path),
                                described=build.modified if build is not None else None,
                                pending=self.dumps.pending())
            return Response(body, media_type="text/html; charset=utf-8", headers=headers)
        if media_type == HTML:
            body = resource_page(
                description, store, self.base_iri,
                alternates=self._alternates(request.url.path),
                graph_triples=len(description.graph_quads) if description.graph else None,
                labels_from=self.store,
                # the releases a resource of the data appears in (not /dataset, which links them)
                releases=self.releases.appearances(description.iri) if store is self.store
                else None,
            )
            return Response(body, media_type="text/html; charset=utf-8", headers=headers)
        data = rdf_bytes(description, media_type)
        return Response(data, media_type=f"{media_type}; charset=utf-8", headers=headers)

    def _strip_suffix(self, path: str) -> tuple[str, str | None]:
        stem, dot, ext = path.rpartition(".")
        if dot and "/" not in ext and ext.lower() in SUFFIXES and stem:
            iri = self.base_iri + path
            if not is_iri(iri) or not exists(self.store, iri):
                return stem, SUFFIXES[ext.lower()]
        return path, None

    def _find(self, path: str) -> tuple[Description, ox.Store] | None:
        if path == "dataset":
            store = self.void_store()
            found = describe(store, self.base_iri + "dataset")
            return (found, store) if found else None
        ontology_graph = self.base_iri + "graph/ontology"
        for iri in self._candidates(path):
            found = describe(self.store, iri, ontology_graph=ontology_graph)
            if found is not None:
                return found, self.store
        return None

    def _candidates(self, path: str) -> list[str]:
        iris = [self.base_iri + path]
        encoded = quote(path, safe=pages.PATH_SAFE)
        if encoded != path:
            iris.append(self.base_iri + encoded)
        if path == "ontology" or path.startswith("ontology/"):
            iris.append(str(ONTOLOGY_IRI) + path.removeprefix("ontology"))
        return [iri for iri in iris if is_iri(iri)]

    def _alternates(self, url_path: str) -> list[tuple[str, str, str]]:
        stem = quote(url_path.rstrip("/"), safe=pages.PATH_SAFE)
        for ext in SUFFIXES:
            if stem.endswith("." + ext):
                stem = stem[: -len(ext) - 1]
                break
        return [(label, f"{stem}.{ext}", SUFFIXES[ext]) for label, ext in ALTERNATES]

    def _link_header(self, url_path: str) -> str:
        return ", ".join(
            f'<{href}>; rel="alternate"; type="{media}"'
            for _label, href, media in self._alternates(url_path)
        )

    # ------------------------------------------------------------ VoID + DCAT

    def void_store(self) -> ox.Store:
        """An in-memory store holding the VoID + DCAT description: the statistics and dumps of
        the last completed build (:class:`.dumps.Dumps`, never waited for; none before the
        first), ``dct:modified`` of the data served now. Cached per build, data version and
        releases."""
        build = self.dumps.latest()
        state = self.dumps.state()
        key = "|".join((build.key if build is not None else "-", self.dumps.key(),
                        self.releases.key()))
        cached = self._void
        if cached is not None and cached[0] == key:
            return cached[1]
        with self._void_lock:
            modified = state.get("modified") or (build.modified if build is not None else None)
            triples = void_triples(
                self.store, self.base_iri, dumps=build.files if build is not None else (),
                created=state.get("created"), modified=modified,
                releases=[(r.version, r.date) for r in self.releases.all()],
                stats=build.stats if build is not None else {},
            )
            store = ox.Store()
            store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
            self._void = (key, store)
            return store

    def well_known_void(self, request: Request) -> Response:
        request.path_params["path"] = "dataset"
        return self.resource(request)

    # ------------------------------------------------------------------ dumps

    def dumps_listing(self, request: Request) -> Response:
        """The files of the last completed build, with the version and date of the data they
        hold, and the date of the data a newer build is under way for; 503 with Retry-After
        until the first build after a start is done."""
        build = self.dumps.latest()
        pending, failure = self.dumps.pending(), self.dumps.stuck()
        media = negotiate_media_type(request.headers.get("accept"), (HTML, "application/json"))
        if request.query_params.get("format") in ("json", "html"):
            media = "application/json" if request.query_params["format"] == "json" else HTML
        files = build.files if build is not None else []
        entries = [{**f.as_json(), "url": f"/dumps/{f.name}"} for f in files]
        status = 200 if build is not None else 503
        headers = {"Vary": "Accept"} | ({} if build is not None else {"Retry-After": RETRY})
        if media == "application/json":
            return JSONResponse({"dataset": self.base_iri + "dataset",
                                 # the store version (/health's) the files hold
                                 "version": build.key.removeprefix("v") if build else None,
                                 "modified": build.modified if build is not None else None,
                                 "rebuilding": pending, "files": entries,
                                 **({"failure": failure} if failure else {})},
                                status_code=status, headers=headers)
        body = pages.render("dumps.html", title="Dumps", files=entries, pending=pending,
                            built=build is not None, failure=failure)
        return Response(body, status_code=status, media_type="text/html; charset=utf-8",
                        headers=headers)

    def dump_file(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in BY_NAME:
            raise HTTPError(404, f"No dump {name!r}; see /dumps/")
        build = self.dumps.latest()
        dump = next((f for f in build.files if f.name == name), None) if build else None
        if dump is None or not dump.path.is_file():
            raise HTTPError(503, f"The dump {name!r} is being built; see /dumps/",
                            headers={"Retry-After": RETRY})
        headers = {
            "ETag": dump.etag,
            "Last-Modified": http_date(dump.modified),
            "Cache-Control": "no-cache",
        }
        match = request.headers.get("if-none-match")
        if match is not None:
            if dump.etag in (t.strip() for t in match.split(",")) or match.strip() == "*":
                return Response(status_code=304, headers=headers)
        elif request.headers.get("if-modified-since") == headers["Last-Modified"]:
            return Response(status_code=304, headers=headers)
        return FileResponse(dump.path, media_type="application/gzip", filename=dump.name,
                            headers=headers)


def routes(ctx: Any) -> list[BaseRoute]:
    """The linked-data routes, for ``create_app`` to add after its own."""
    from resolutions_kg.endpoint import (
        facets,
        home,
        named_queries,
        releases,
        review,
        search,
        ui,
        warm,
    )

    site = Site(ctx)
    warm.start(ctx)  # the home page's data and the indexes of search and facets, in the background
    return [
        *ui.routes(ctx),
        *home.routes(ctx),
        *search.routes(ctx),
        *facets.routes(ctx),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
        Route("/favicon.ico", lambda request: FileResponse(
            STATIC / "favicon.ico", media_type="image/vnd.microsoft.icon",
            headers={"Cache-Control": "public, max-age=86400"})),
        Route("/.well-known/void", site.well_known_void),
        Route("/dumps", lambda request: RedirectResponse("/dumps/", status_code=301)),
        Route("/dumps/", site.dumps_listing),
        Route("/dumps/{name}", site.dump_file),
        *named_queries.routes(ctx),
        *releases.routes(site.releases),
        *review.routes(ctx),
        ResourceRoute("/{path:path}", site.resource),
    ]
