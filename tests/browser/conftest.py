"""Fixtures for the browser tests: the built site served on 127.0.0.1, and Debian's Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import build_site
from playwright.sync_api import Browser, BrowserContext, Route, sync_playwright

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EXIT_URL = "https://www.bbc.co.uk/weather"
STAND_IN_EXIT_PAGE = "<!doctype html><html lang=en><title>Stand-in exit page</title><p>Stand-in exit page</p>"

# Records every Content-Security-Policy violation, from before a page's first script runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline code"} in ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to the terminal."""

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the name http.server uses
        pass


@contextlib.contextmanager
def _served(directory: Path) -> Iterator[str]:
    """Serves a folder on 127.0.0.1 on a free port, and yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site, served for the whole test run."""
    with _served(built_site) as url:
        yield url


# The real events file has no upcoming event; this fixture has one of every status.
EXAMPLE_EVENTS = REPO / "tests" / "fixtures" / "events" / "good.yml"
EXAMPLE_EVENTS_TODAY = "2027-03-01"


@pytest.fixture(scope="session")
def example_events_site_url(site_copy) -> Iterator[str]:
    """A copy of the site built from the example events as of 1 March 2027, served for the test run."""
    copy = site_copy("example-events", EXAMPLE_EVENTS)
    build_site.build(copy / "site", config=copy / "mkdocs.yml", extra_env={"EVENTS_TODAY": EXAMPLE_EVENTS_TODAY})
    with _served(copy / "site") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, started once (Playwright's own browser download cannot work here)."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def stand_in_for_exit_site(route: Route) -> None:
    """Answers for the neutral exit site locally, so no request ever leaves this machine."""
    route.fulfill(status=200, content_type="text/html", body=STAND_IN_EXIT_PAGE)


@pytest.fixture()
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh phone-sized browser context that records CSP violations and never reaches the exit site."""
    ctx = browser.new_context(viewport={"width": 375, "height": 667})
    ctx.add_init_script(RECORD_VIOLATIONS)
    ctx.route(EXIT_URL + "**", stand_in_for_exit_site)
    yield ctx
    ctx.close()



@pytest.fixture(scope="session")
def page_paths(built_site: Path) -> list[str]:
    """Every HTML page of the built site, 404 included, as a path from the site's root ("" is the home page)."""
    return [
        file.relative_to(built_site).as_posix().removesuffix("index.html")
        for file in sorted(built_site.rglob("*.html"))
    ]
