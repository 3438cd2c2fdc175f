"""Releases on the server: ``/releases/`` lists them, ``/releases/V/`` shows one, and
``/releases/V/FILE`` serves its files.

The releases are the folders ``reskg release`` writes (:mod:`resolutions_kg.release`) in the
``releases`` setting's folder (by default ``releases`` beside the store folder). A release never
changes, so its files are served with their sha256 as ETag. Only what a release's
``release.json`` lists is served, under a version that is a valid release version: no path a
client writes reaches any other file.

A resource page asks :meth:`Releases.appearances` in which releases its IRI is a subject, and in
which its triples last changed, from each release's ``resources.tsv`` (read once per release).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from resolutions_kg.endpoint import negotiation, pages
from resolutions_kg.endpoint.errors import HTTPError
from resolutions_kg.release import (
    INDEX,
    MANIFEST,
    MAX_VERSION_LENGTH,
    VERSION_PATTERN,
    ReleaseInfo,
    list_releases,
    read_index,
    read_release,
    release_iri,
)
from resolutions_kg.settings import releases_folder

HTML = "text/html"
JSON = "application/json"


class Releases:
    """The releases in one folder (None: no releases)."""

    def __init__(self, folder: Path | None, base_iri: str) -> None:
        self.folder = folder
        self.base_iri = base_iri
        self._indexes: dict[tuple[str, str], dict[str, str]] = {}
        self._lock = threading.Lock()

    @classmethod
    def of(cls, ctx: Any) -> Releases:
        settings = getattr(ctx, "settings", {}) or {}
        folder = releases_folder(settings.get("releases"), getattr(ctx, "store_path", None)
                                 or None)
        return cls(Path(folder) if folder else None, ctx.base_iri)

    def all(self) -> list[ReleaseInfo]:
        return list_releases(self.folder) if self.folder is not None else []

    def one(self, version: str) -> ReleaseInfo | None:
        if (self.folder is None or len(version) > MAX_VERSION_LENGTH
                or not VERSION_PATTERN.match(version)):
            return None
        return read_release(self.folder / version)

    def key(self) -> str:
        """Changes when a release is added (for caches of what lists them)."""
        return ",".join(r.version for r in self.all())

    def _index(self, release: ReleaseInfo) -> dict[str, str]:
        entry = release.file(INDEX)
        if entry is None:
            return {}
        key = (release.version, entry.sha256)
        with self._lock:
            if key not in self._indexes:
                self._indexes[key] = read_index(release.folder / INDEX)
            return self._indexes[key]

    def appearances(self, iri: str) -> dict[str, Any] | None:
        """In which releases ``iri`` is a subject, and the release its triples last changed in
        (None when there are no releases)."""
        releases = self.all()
        if not releases:
            return None
        rows: list[dict[str, str]] = []
        last: ReleaseInfo | None = None
        digest_before: str | None = None
        for release in releases:
            digest = self._index(release).get(iri)
            changed = digest is not None and digest != digest_before
            if changed:
                last = release
            rows.append({"version": release.version, "date": release.date,
                         "url": f"/releases/{release.version}/",
                         "status": "absent" if digest is None
                         else ("added" if digest_before is None
                               else ("changed" if changed else "unchanged"))})
            digest_before = digest
        return {"rows": rows, "last_changed": last.version if last else None,
                "last_changed_date": last.date if last else None,
                "present": [r["version"] for r in rows if r["status"] != "absent"]}

    # ------------------------------------------------------------------------- HTTP

    def entry(self, release: ReleaseInfo) -> dict[str, Any]:
        url = f"/releases/{release.version}/"
        return {**release.as_json(), "url": url,
                "iri": release_iri(self.base_iri, release.version),
                "files": [{**f.__dict__, "url": url + f.name} for f in release.files]}

    def listing(self, request: Request) -> Response:
        entries = [self.entry(r) for r in reversed(self.all())]
        if _wants_json(request):
            return JSONResponse({"dataset": self.base_iri + "dataset", "releases": entries},
                                headers={"Vary": "Accept"})
        body = pages.render("releases.html", title="Releases", releases=entries, single=False)
        return Response(body, media_type="text/html; charset=utf-8", headers={"Vary": "Accept"})

    def release_page(self, request: Request) -> Response:
        release = self._release(request)
        entry = self.entry(release)
        if _wants_json(request):
            return JSONResponse(entry, headers={"Vary": "Accept"})
        body = pages.render("releases.html", title=f"Release {release.version}",
                            releases=[entry], single=True)
        return Response(body, media_type="text/html; charset=utf-8", headers={"Vary": "Accept"})

    def file(self, request: Request) -> Response:
        release = self._release(request)
        name = request.path_params["name"]
        entry = release.file(name)
        if entry is None and name != MANIFEST:
            raise HTTPError(404, f"No file {name[:100]!r} in release {release.version}; see "
                                 f"/releases/{release.version}/")
        path = release.folder / name
        if entry is None:
            return FileResponse(path, media_type=JSON)
        etag = f'"{entry.sha256}"'
        headers = {"ETag": etag, "Cache-Control": "public, max-age=86400"}
        match = request.headers.get("if-none-match")
        if match is not None and (etag in (t.strip() for t in match.split(","))
                                  or match.strip() == "*"):
            return Response(status_code=304, headers=headers)
        if name.endswith(".gz"):
            return FileResponse(path, media_type="application/gzip", filename=name,
                                headers=headers)
        media = entry.media_type + ("; charset=utf-8" if not entry.media_type.endswith("gzip")
                                    else "")
        return FileResponse(path, media_type=media, headers=headers)

    def redirect(self, request: Request) -> Response:
        return RedirectResponse(f"/releases/{self._release(request).version}/", status_code=301)

    def _release(self, request: Request) -> ReleaseInfo:
        version = request.path_params["version"]
        release = self.one(version)
        if release is None:
            raise HTTPError(404, f"No release {version[:MAX_VERSION_LENGTH]!r}; see /releases/")
        return release


def _wants_json(request: Request) -> bool:
    fmt = request.query_params.get("format")
    if fmt is not None:
        if fmt not in ("json", "html"):
            raise HTTPError(400, f"format: {fmt[:40]!r} is not json or html")
        return fmt == "json"

    return negotiation.negotiate_media_type(request.headers.get("accept"), (HTML, JSON)) == JSON


def routes(releases: Releases) -> list[BaseRoute]:
    return [
        Route("/releases", lambda request: RedirectResponse("/releases/", status_code=301)),
        Route("/releases/", releases.listing),
        Route("/releases/{version}", releases.redirect),
        Route("/releases/{version}/", releases.release_page),
        Route("/releases/{version}/{name}", releases.file),
    ]
