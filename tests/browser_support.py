"""Chromium for the browser tests: Debian's build (``/usr/bin/chromium``, which ``.ci/run``
installs), headless, kept from the network, and a page that records every request leaving the
server under test and every script error."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def launch(playwright: Any) -> Any:
    """A headless Chromium (Playwright's ``Browser``)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)


def watched_page(browser: Any, url: str, outside: list[str], errors: list[str]) -> Any:
    """A 1400×1000 page that appends to ``outside`` each request not to ``url`` (nor data: or
    blob:) and to ``errors`` each uncaught script error."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith((url, "data:", "blob:")) else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return page


@contextmanager
def browsing(url: str) -> Iterator[tuple[Any, list[str], list[str]]]:
    """A :func:`watched_page` of a headless Chromium over ``url``, with the lists it fills:
    ``(page, outside, errors)``; the browser is closed after."""
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = launch(p)
        try:
            yield watched_page(browser, url, outside, errors), outside, errors
        finally:
            browser.close()
