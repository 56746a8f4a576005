"""Points 8-11: a visit asks nothing of any other origin, sets no cookie, keeps search terms out of
URLs, and breaks no rule of the Content-Security-Policy."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext

from .conftest import EXIT_URL, open_search

pytestmark = pytest.mark.browser

SEARCH_TERM = "Hackney"
# The one thing the site may keep, and only once the reader uses the light and dark switch.
# The privacy page names this; change both together.
EXPECTED_LOCAL_STORAGE = ["/.__palette"]


def test_a_visit_with_search_stays_on_this_site(context: BrowserContext, site_url: str, page_paths: list[str],
                                                csp_violations: list[str]) -> None:
    """When I open every page, switch colours and search, every request goes to this site only."""
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    for path in page_paths:
        page.goto(site_url + path)
        page.wait_for_load_state("load")

    page.goto(site_url)
    open_search(page)
    page.keyboard.type(SEARCH_TERM)
    page.wait_for_selector(".md-search-result__item, [role='option']")  # Material's results, or Zensical's
    assert SEARCH_TERM.lower() not in page.url.lower()
    with page.expect_navigation():
        page.keyboard.press("Enter")  # Material opens the best result
    page.wait_for_load_state("load")
    # The result's address is the page (and heading) found, with no query: the terms stay out of history.
    result = urlsplit(page.url)
    assert page.url != site_url and result.query == "", "search terms must never reach the address bar"
    if result.fragment:
        assert page.locator(f"[id='{result.fragment}']").count() == 1, "only a heading's own anchor is allowed"

    origins = {f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" for url in requests}
    assert origins == {site_url.rstrip("/")}
    assert csp_violations == []
    assert context.cookies() == []
    assert _stored(page) == {"local": [], "session": [], "indexedDB": [], "caches": []}, \
        "visiting, searching and leaving must store nothing on the phone"


def test_only_the_switch_stores_anything_and_only_its_choice(context: BrowserContext, site_url: str) -> None:
    """When I use the light and dark switch, exactly the one key the privacy notice names is kept."""
    page = context.new_page()
    page.goto(site_url + "get-help/")
    assert _stored(page)["local"] == []
    page.click("label[for^='__palette']:not([hidden])")
    page.wait_for_function("Object.keys(localStorage).length > 0")
    page.goto(site_url + "about/")
    assert _stored(page) == {"local": EXPECTED_LOCAL_STORAGE, "session": [], "indexedDB": [], "caches": []}
    assert context.cookies() == []


def _stored(page) -> dict[str, list[str]]:
    """What this site has stored in the browser: local and session storage, IndexedDB and Cache Storage."""
    return page.evaluate("""async () => ({
        local: Object.keys(localStorage).sort(),
        session: Object.keys(sessionStorage).sort(),
        indexedDB: indexedDB.databases ? (await indexedDB.databases()).map(d => d.name).sort() : [],
        caches: (await caches.keys()).sort(),
    })""")


def test_exiting_breaks_no_policy_rule(context: BrowserContext, site_url: str, csp_violations: list[str]) -> None:
    """Clicking exit reports no Content-Security-Policy violation before it leaves: a violation is reported
    a moment after it happens, and reaches the test before the page it came from is replaced."""
    page = context.new_page()
    page.goto(site_url + "get-help/")
    page.click(".quick-exit__button")
    page.wait_for_url(EXIT_URL + "**")
    assert csp_violations == []


def test_the_privacy_page_names_everything_kept_in_the_browser() -> None:
    """Point 9: whatever the site keeps in local storage is named on the privacy notice."""
    from pathlib import Path

    privacy = (Path(__file__).resolve().parents[2] / "docs" / "privacy.md").read_text(encoding="utf-8")
    for key in EXPECTED_LOCAL_STORAGE:
        assert f"`{key.rsplit('/', 1)[-1]}`" in privacy or f"`{key}`" in privacy, f"docs/privacy.md must name {key}"
