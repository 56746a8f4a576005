"""Points 1-6: "Exit this page" by click, keyboard and Shift, with and without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from .conftest import left_for, open_search, scroll_to_the_end, watch_for_leaving

EXIT_URL = "https://www.bbc.co.uk/weather"
STAND_IN = "<!doctype html><html lang=en><title>Stand-in exit page</title><p>Stand-in exit page</p>"

pytestmark = pytest.mark.browser


def _open(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    return page


def _wait_for_exit(page: Page) -> None:
    page.wait_for_url(EXIT_URL, timeout=5000)
    assert page.title() == "Stand-in exit page"


def test_every_exit_link_goes_to_a_neutral_site_without_a_referrer(context: BrowserContext, site_url: str) -> None:
    """Every page offers the button and the plain link, both to BBC Weather, both nofollow noreferrer."""
    page = _open(context, site_url)
    links = page.locator("a[data-quick-exit]")
    assert links.count() == 2
    for index in range(2):
        link = links.nth(index)
        assert link.get_attribute("href") == EXIT_URL
        assert link.get_attribute("rel") == "nofollow noreferrer"
        assert link.inner_text().strip() == "Exit this page"
    assert page.locator(".quick-exit__button").is_visible()


def test_clicking_exit_leaves_and_back_does_not_return(context: BrowserContext, site_url: str) -> None:
    """When I click "Exit this page", I land on the neutral site, and Back skips the page I was on."""
    page = _open(context, site_url)
    page.goto(site_url + "get-help/")
    page.click(".quick-exit__button")
    _wait_for_exit(page)
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url == site_url, "Back must not return to the page that was open"


def test_exit_hides_the_page_at_once_and_shows_an_alert(context: BrowserContext, site_url: str) -> None:
    """In the same moment I click exit, the page is hidden and an alert says it is exiting."""
    page = _open(context, site_url + "get-help/")
    # One script both clicks and looks, before the browser has started to leave the page.
    state = page.evaluate(
        """() => {
          document.querySelector('.quick-exit__button').click();
          const overlay = document.querySelector('.quick-exit__overlay');
          const shown = (selector) => getComputedStyle(document.querySelector(selector)).visibility === 'visible';
          return {
            overlay: [overlay.getAttribute('role'), overlay.hidden, overlay.textContent, shown('.quick-exit__overlay')],
            article: shown('article'),
            header: shown('.md-header'),
          };
        }"""
    )
    assert state == {"overlay": ["alert", False, "Exiting this page", True], "article": False, "header": False}
    _wait_for_exit(page)


def test_keyboard_tab_then_enter_exits(context: BrowserContext, site_url: str) -> None:
    """When I press Tab twice and then Enter, I leave the site."""
    page = _open(context, site_url + "staying-safe/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Exit this page"
    page.keyboard.press("Enter")
    _wait_for_exit(page)


def test_pressing_shift_three_times_exits(context: BrowserContext, site_url: str) -> None:
    """When I press Shift on its own three times, I leave the site."""
    page = _open(context, site_url + "get-help/")
    for _ in range(3):
        page.keyboard.press("Shift")
    _wait_for_exit(page)


def test_typing_capital_letters_does_not_exit(context: BrowserContext, site_url: str) -> None:
    """When I type capital letters in search (Shift held with a letter), I stay on the page."""
    page = _open(context, site_url + "get-help/")
    open_search(page)
    watch_for_leaving(page)
    for key in ["Shift+H", "Shift+A", "Shift+C", "Shift+K", "Shift+N"]:
        page.keyboard.press(key)
    # Two lone presses, then typing, then one more: the count starts again after the typing.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("e")
    page.keyboard.press("Shift")
    assert left_for(page) is None
    assert page.input_value(".md-search__input, [role='combobox']") == "HACKNe"  # Material's box, or Zensical's


def test_shift_clicks_to_select_text_do_not_exit(context: BrowserContext, site_url: str) -> None:
    """Holding Shift while clicking, to select text, three times over, does not leave the site."""
    page = _open(context, site_url + "get-help/")
    watch_for_leaving(page)
    for _ in range(3):
        page.locator("article p").first.click(modifiers=["Shift"])
    assert left_for(page) is None


def test_shift_presses_just_under_five_seconds_apart_still_exit(context: BrowserContext, site_url: str) -> None:
    """Someone who cannot press quickly has up to 5 seconds between presses."""
    page = _open(context, site_url)
    page.clock.install()
    page.reload()
    for press in range(3):
        if press:
            page.clock.fast_forward(4900)
        page.keyboard.press("Shift")
    _wait_for_exit(page)


def test_shift_presses_more_than_five_seconds_apart_do_not_exit(context: BrowserContext, site_url: str) -> None:
    """Presses spread out over more than 5 seconds each do not add up to an exit."""
    page = _open(context, site_url)
    page.clock.install()
    page.reload()
    watch_for_leaving(page)
    for _ in range(3):
        page.keyboard.press("Shift")
        page.clock.fast_forward(5100)
    assert left_for(page) is None


def test_exit_works_as_a_plain_link_without_javascript(browser: Browser, site_url: str) -> None:
    """With JavaScript turned off, the exit button and the plain exit link still leave the site."""
    context = browser.new_context(viewport={"width": 375, "height": 667}, java_script_enabled=False)
    context.route(EXIT_URL + "**", lambda route: route.fulfill(status=200, content_type="text/html", body=STAND_IN))
    try:
        page = _open(context, site_url + "get-help/")
        page.click(".quick-exit__button")
        _wait_for_exit(page)
        page.goto(site_url + "get-help/")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        _wait_for_exit(page)
    finally:
        context.close()


def test_exit_button_stays_in_view_while_scrolling_and_covers_nothing(context: BrowserContext, site_url: str) -> None:
    """On a 375x667 phone, after scrolling to the end, the button is still on screen, big enough, and on top."""
    page = _open(context, site_url + "get-help/")
    scroll_to_the_end(page)
    assert page.evaluate("window.scrollY") > 300, "the test page must be long enough to scroll"
    box = page.locator(".quick-exit__button").bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    assert 0 <= box["y"] and box["y"] + box["height"] <= 667 and box["x"] + box["width"] <= 375
    centre = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.quick-exit__button') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert centre, "something is drawn over the exit button"
    # It lives in the header's own row, so it overlaps none of the other header controls.
    overlaps = page.evaluate(
        """() => {
          const button = document.querySelector('.quick-exit__button').getBoundingClientRect();
          return [...document.querySelectorAll('.md-header__inner > *')]
            .filter(e => !e.classList.contains('quick-exit__button') && e.getClientRects().length)
            .map(e => [e.className, e.getBoundingClientRect()])
            .filter(([, r]) => r.width && r.right > button.left && r.left < button.right)
            .map(([name]) => name);
        }"""
    )
    assert overlaps == []
