"""A first visit loads only what the page needs: search arrives when someone opens it, and the colours a
reader chose are back before the theme's script runs (README.md, "Speed on a slow phone")."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, Request, Route

from .conftest import open_search

pytestmark = pytest.mark.browser

# Material's search index and worker, then Zensical's index.
SEARCH_FILES = re.compile(r"/search/search_index\.json$|/workers/search\.[0-9a-f]+\.min\.js$|/search\.json$")
THEME_SCRIPT = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")


def _is_material(context: BrowserContext, site_url: str) -> bool:
    page = context.new_page()
    page.goto(site_url)
    found = page.locator(".md-search__input").count() > 0
    page.close()
    return found


def test_a_first_visit_fetches_no_search_until_search_opens(context: BrowserContext, site_url: str) -> None:
    """When I open a page, nothing for search is downloaded; when I open search and type, it is, and results show."""
    if not _is_material(context, site_url):
        pytest.skip("Zensical's search loads with the page (README.md, 'The end of Material for MkDocs')")
    fetched: list[str] = []
    context.on("request", lambda request: fetched.append(request.url))
    page = context.new_page()
    page.goto(site_url, wait_until="networkidle")
    assert [url for url in fetched if SEARCH_FILES.search(url)] == [], "search must wait until someone opens it"
    open_search(page)
    page.keyboard.type(page.locator("article h1").inner_text().split()[0])
    page.wait_for_selector(".md-search-result__item")
    assert len([url for url in fetched if SEARCH_FILES.search(url)]) == 2, "opening search loads the index and the worker"


def test_search_opened_before_its_worker_has_started_still_finds_results(context: BrowserContext, site_url: str) -> None:
    """When I open search at once, on a phone still starting the page's search worker, results still come."""
    if not _is_material(context, site_url):
        pytest.skip("Zensical's search loads with the page (README.md, 'The end of Material for MkDocs')")
    worker = re.compile(r"/workers/search-on-open\.[0-9a-f]+\.js")
    held: list[Route] = []
    context.route(worker, lambda route: held.append(route))
    page = context.new_page()
    # The page must start the search worker as it loads; its script is requested, and held back.
    with page.expect_request(worker):
        page.goto(site_url)
    open_search(page)  # the page says search is open while its worker is not yet listening
    page.keyboard.type(page.locator("article h1").inner_text().split()[0])
    held[0].continue_()
    page.wait_for_selector(".md-search-result__item", timeout=10000)


def test_the_colours_a_reader_chose_are_back_before_the_themes_script(context: BrowserContext, site_url: str) -> None:
    """When I have switched to dark colours, the next page is dark from its first paint, even before the theme's script runs."""
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    page.click("label[for^='__palette']:not([hidden])")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    # Without the theme's script, only the page's own restoring script can make it dark.
    context.route(THEME_SCRIPT, lambda route: route.abort())
    page.goto(site_url, wait_until="load")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert page.evaluate("document.documentElement.classList.contains('js')")
