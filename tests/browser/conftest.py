"""Fixtures for the browser tests: the built site served on 127.0.0.1, and Debian's Chromium."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# The same Debian Chromium, flags and static-host server as the benchmark: other hosts resolve to
# nothing, so no test can reach the network, and pages are served as GitHub Pages serves them.
from sitebench.browser import CHROMIUM, CHROMIUM_ARGS, snap_safe_temp_folder
from sitebench.server import serve
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

REPO = Path(__file__).resolve().parents[2]
EXIT_URL = "https://www.bbc.co.uk/weather"
STAND_IN_EXIT_PAGE = "<!doctype html><html lang=en><title>Stand-in exit page</title><p>Stand-in exit page</p>"

# Reports every Content-Security-Policy violation to the test (the csp_violations fixture), from
# before a page's first script runs. The browser reports a violation a moment after it happens, so
# each goes straight to the test: none is lost when the page then goes (an exit, a search result).
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline code"} in ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site, served for the whole test run."""
    with serve(built_site) as url:
        yield url


# The real events file has no upcoming event; this fixture has one of every status.
EXAMPLE_EVENTS = REPO / "tests" / "fixtures" / "events" / "good.yml"
EXAMPLE_EVENTS_TODAY = "2027-03-01"


@pytest.fixture(scope="session")
def example_events_site_url(site_copy, build_with) -> Iterator[str]:
    """A copy of the site built from the example events as of 1 March 2027, served for the test run."""
    copy = site_copy("example-events")
    build_with(copy / "mkdocs.yml", copy / "site", EVENTS_TODAY=EXAMPLE_EVENTS_TODAY, EVENTS_DATA=str(EXAMPLE_EVENTS))
    with serve(copy / "site") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """The system's Chromium, started once (Playwright's own browser download cannot work here)."""
    snap_safe_temp_folder(CHROMIUM)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def stand_in_for_exit_site(route: Route) -> None:
    """Answers for the neutral exit site locally, so no request ever leaves this machine."""
    route.fulfill(status=200, content_type="text/html", body=STAND_IN_EXIT_PAGE)


@pytest.fixture()
def csp_violations() -> list[str]:
    """Every Content-Security-Policy violation on any page of this test's browser contexts."""
    return []


def _set_up(ctx: BrowserContext, violations: list[str]) -> BrowserContext:
    """Reports policy violations into violations, and never lets a page reach the exit site."""
    ctx.expose_binding("__reportCspViolation", lambda source, violation: violations.append(violation))
    ctx.add_init_script(REPORT_VIOLATIONS)
    ctx.route(EXIT_URL + "**", stand_in_for_exit_site)
    return ctx


@pytest.fixture()
def context(browser: Browser, csp_violations: list[str]) -> Iterator[BrowserContext]:
    """A fresh phone-sized browser context that reports CSP violations and never reaches the exit site."""
    ctx = _set_up(browser.new_context(viewport={"width": 375, "height": 667}), csp_violations)
    yield ctx
    ctx.close()


@pytest.fixture()
def new_context(browser: Browser, csp_violations: list[str]) -> Iterator[Callable[..., BrowserContext]]:
    """Makes browser contexts with any options (size, zoom, touch), set up like `context`; closed after the test."""
    made: list[BrowserContext] = []

    def make(**options) -> BrowserContext:
        ctx = _set_up(browser.new_context(**options), csp_violations)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture(scope="session")
def page_paths(built_site: Path) -> list[str]:
    """Every HTML page of the built site, 404 included, as a path from the site's root ("" is the home page)."""
    return [
        file.relative_to(built_site).as_posix().removesuffix("index.html")
        for file in sorted(built_site.rglob("*.html"))
    ]


# Whether the search box has the keyboard, looking into Zensical's search dialog (a shadow root) too.
_SEARCH_BOX_HAS_FOCUS = """() => {
  let element = document.activeElement;
  while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement;
  return !!element && element.tagName === "INPUT" && element.type !== "checkbox";
}"""


def open_search(page: Page) -> None:
    """Opens search as a visitor would, under either builder, and waits until what is typed reaches the
    box: both builders open search a moment after the click, and keys pressed before then are lost."""
    if page.locator("button[data-toggle='__search']").is_visible():
        page.click("button[data-toggle='__search']")  # on a phone, under either builder
    elif page.locator(".md-search__input").count():
        page.click(".md-search__input")  # Material's box, always in the header on a wide screen
    else:
        page.click(".md-search__button")  # Zensical's button on a wide screen
    page.wait_for_function(_SEARCH_BOX_HAS_FOCUS)


def watch_for_leaving(page: Page) -> None:
    """Notes any move away from this page the moment it starts (the Navigation API's navigate event),
    so a test can tell that a key or click did nothing without waiting to see."""
    page.evaluate("navigation.addEventListener('navigate', (event) => { window.__leftFor = event.destination.url; })")


def left_for(page: Page) -> str | None:
    """Where the page started to go since watch_for_leaving, or None if it is still here."""
    return page.evaluate("window.__leftFor || null")


def scroll_to_the_end(page: Page) -> None:
    """Scrolls to the end of the page, and waits until it is there and the page has been drawn again."""
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_function("Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight")
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


_RESULT_LINKS = ".md-search-result a[href], [role='option'] a[href], a[role='option'][href]"


def settled_search_results(page: Page) -> list[str]:
    """The addresses of the results search shows once it has caught up with what was typed: both
    builders search again at each key, so the first results shown may be for the first letters only."""
    page.wait_for_selector(".md-search-result__item, [role='option']")
    shown: list[str] | None = None
    for _ in range(20):
        now = page.eval_on_selector_all(_RESULT_LINKS, "links => links.map(link => new URL(link.href).pathname)")
        if now == shown:
            break
        shown = now
        page.wait_for_timeout(250)
    return shown or []

