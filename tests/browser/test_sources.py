"""Sources stay one tap away: folded, they take at most a tenth of a page's height on a phone, and they print in full."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext

pytestmark = pytest.mark.browser

# The heading and the folded control, from the top of the heading to the bottom of the control.
SOURCES_HEIGHT = """() => {
  const fold = document.querySelector("details.sources");
  const heading = fold && fold.previousElementSibling;
  if (!heading || heading.tagName !== "H2") return null;
  const top = heading.getBoundingClientRect().top;
  const bottom = fold.getBoundingClientRect().bottom;
  return {share: (bottom - top) / document.documentElement.scrollHeight, px: bottom - top, height: document.documentElement.scrollHeight, open: fold.open};
}"""


# A short page, one screen tall, is still correct: there the heading and the folded control may take
# what they take on any page (52 px measured; 96 px where a translated heading wraps onto two lines).
FOLDED_MOST_PX = 100


def test_every_page_folds_its_sources_into_a_tenth_of_its_height_at_375px(
    context: BrowserContext, site_url: str, page_paths: list[str]
) -> None:
    page = context.new_page()
    problems = []
    for path in page_paths:
        page.goto(site_url + path)
        measured = page.evaluate(SOURCES_HEIGHT)
        if measured is None:
            problems.append(f"/{path}: no folded sources after the Sources heading")
        elif measured["open"] or (measured["share"] > 0.10 and measured["px"] > FOLDED_MOST_PX):
            problems.append(f"/{path}: sources take {measured['share']:.1%} of the page's height ({measured['px']:.0f} of {measured['height']} px)")
    assert not problems, "\n".join(problems)


def test_one_tap_opens_the_sources(context: BrowserContext, site_url: str) -> None:
    page = context.new_page()
    page.goto(site_url + "get-help/")
    links = page.locator("details.sources a")
    assert not links.first.is_visible()
    page.locator("details.sources > summary").click()
    assert links.first.is_visible()


def test_printing_shows_every_source_and_not_the_control(context: BrowserContext, site_url: str) -> None:
    page = context.new_page()
    page.goto(site_url + "get-help/")
    page.emulate_media(media="print")
    links = page.locator("details.sources a")
    assert links.count() > 0
    assert all(links.nth(index).is_visible() for index in range(links.count()))
    assert not page.locator("details.sources > summary").is_visible()
