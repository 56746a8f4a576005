"""The pages for a reader at the hardest moment are easy to reach: from the first screen of home and
get-help on a phone, and through search; and every page is photographed at phone width for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from .conftest import open_search, settled_search_results

pytestmark = pytest.mark.browser

PHONE_HEIGHT = 667

# The page for a reader whose abuser is in the police, and the pages in other languages, linked in
# their own languages from the first screen.
FIRST_SCREEN_LINKS = {
    "police-perpetrator/": None,
    "bn/": "bn",
    "tr/": "tr",
    "so/": "so",
    "interpreters/": None,
}

# What a reader types, and the page search must offer.
SEARCHES = {
    "police officer": "police-perpetrator/",
    "complaint": "police-perpetrator/",
    "interpreter": "interpreters/",
    "Bengali": "bn/",
    "Turkish": "tr/",
    "Somali": "so/",
    "friend": "worried-about-someone/",
}


@pytest.mark.parametrize("path", ["", "get-help/"])
def test_the_first_screen_leads_to_the_police_page_and_the_languages(context: BrowserContext, site_url: str, path: str) -> None:
    page = context.new_page()
    page.goto(site_url + path)
    for target, lang in FIRST_SCREEN_LINKS.items():
        link = page.locator(f"article a[href$='{target}']").first
        box = link.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE_HEIGHT, f"/{path}: the link to /{target} is below the first screen"
        assert link.get_attribute("lang") == lang, f"/{path}: the link to /{target} must be marked lang={lang}"


def _search(page: Page, site_url: str, words: str) -> list[str]:
    """The addresses of the results search shows for these words, under either builder."""
    page.goto(site_url)
    open_search(page)
    page.keyboard.type(words)
    return settled_search_results(page)


@pytest.mark.parametrize("words, target", SEARCHES.items())
def test_search_finds_the_page_for(context: BrowserContext, site_url: str, words: str, target: str) -> None:
    page = context.new_page()
    found = _search(page, site_url, words)
    assert any(address.endswith("/" + target) for address in found), f"search for {words!r} found {found}"
