"""Build the pages' per-version data in the background when a server process starts.

The faceted browser's and search's in-memory indexes (:mod:`.facet_index`, :mod:`.search_index`)
and the home page's data take seconds to build on a store of a million triples; a server process
builds them in a thread of its own as soon as it has opened the store, so that the first visitor
does not wait for them (a request that comes sooner waits for the build under way rather than
starting another: :class:`.browse.VersionCache`). After a write they are built again at first
use. A store without a recorded version (a remote one) has nothing to build.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from resolutions_kg.endpoint import home, search

logger = logging.getLogger("resolutions_kg.endpoint")


def build(ctx: Any) -> None:
    try:
        home.Home(ctx).data()  # the facet index too (the charts count facet values)
        finder = search.Search(ctx)
        finder.index()
        finder.labels()
    except Exception as exc:  # a failed build is retried at first use, where it shows
        logger.warning("could not prepare the pages' indexes in advance: %s", exc)


def start(ctx: Any) -> threading.Thread | None:
    if not getattr(ctx, "version", ""):
        return None
    thread = threading.Thread(target=build, args=(ctx,), name="reskg-warm", daemon=True)
    thread.start()
    return thread
