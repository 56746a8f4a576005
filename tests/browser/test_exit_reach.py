"""The exit button is on top and takes the tap in every state a visitor can put the page in:
search open (with and without results), the menu open, the colour scheme switched, a message box
shown, scrolled to the end; on a phone, a narrow phone, a phone on its side, a phone zoomed to 200%,
and a desktop."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page

from .conftest import open_search, scroll_to_the_end

pytestmark = pytest.mark.browser

EXIT_URL = "https://www.bbc.co.uk/weather"

# Browser zoom at 200% halves the page's width and height in CSS pixels and doubles the pixel ratio.
SCREENS = {
    "phone 375x667": {"viewport": {"width": 375, "height": 667}, "has_touch": True},
    "narrow phone 320x568": {"viewport": {"width": 320, "height": 568}, "has_touch": True},
    "phone on its side 667x375": {"viewport": {"width": 667, "height": 375}, "has_touch": True},
    "phone 375x667 zoomed to 200%": {"viewport": {"width": 188, "height": 334}, "device_scale_factor": 2, "has_touch": True},
    "desktop 1280x800": {"viewport": {"width": 1280, "height": 800}},
}


def _as_loaded(page: Page) -> None:
    pass


def _scrolled_to_the_end(page: Page) -> None:
    scroll_to_the_end(page)


def _search_open(page: Page) -> None:
    open_search(page)
    if page.locator(".md-search__inner").count():
        # Until Material's opening animation has finished (Zensical opens its own search dialog).
        page.wait_for_function("() => getComputedStyle(document.querySelector('.md-search__inner')).opacity === '1'")


def _search_open_with_results(page: Page) -> None:
    _search_open(page)
    # The page's own heading always finds at least this page, whatever the pages say.
    page.keyboard.type(page.locator("article h1").inner_text())
    page.locator(".md-search-result__item, [role='option']").first.wait_for()


def _menu_open(page: Page) -> None:
    menu = page.locator("button[data-toggle='__drawer']")
    if not menu.is_visible():
        pytest.skip("on a wide screen the menu is always shown beside the page")
    menu.click()
    # Until Material's sliding animation has finished.
    page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")


def _colour_scheme_switched(page: Page) -> None:
    before = page.evaluate("document.body.dataset.mdColorScheme")
    page.click("label[for^='__palette']:not([hidden])")
    page.wait_for_function(f"() => document.body.dataset.mdColorScheme !== {before!r}")


def _message_box_shown(page: Page) -> None:
    # Material's own message box (it says "Copied to clipboard" and the like), as it shows one.
    page.evaluate(
        """() => {
          const dialog = document.querySelector('[data-md-component=dialog]');
          dialog.querySelector('.md-dialog__inner').textContent = 'Copied to clipboard';
          dialog.classList.add('md-dialog--active');
        }"""
    )


STATES: dict[str, Callable[[Page], None]] = {
    "as loaded": _as_loaded,
    "scrolled to the end": _scrolled_to_the_end,
    "search open, nothing typed": _search_open,
    "search open with results": _search_open_with_results,
    "menu open": _menu_open,
    "colour scheme switched": _colour_scheme_switched,
    "message box shown": _message_box_shown,
}

# What the exit button looks like from where a finger or pointer lands.
EXIT_BUTTON_FACTS = """() => {
  const button = document.querySelector('.quick-exit__button');
  const box = button.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const hit = document.elementFromPoint(x, y);
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const panels = [...document.querySelectorAll('.md-sidebar--primary, .md-search__inner')]
    .filter((panel) => getComputedStyle(panel).position === 'fixed' && getComputedStyle(panel).visibility === 'visible')
    .map((panel) => panel.getBoundingClientRect())
    .filter((panel) => panel.width && panel.height);
  return {
    x, y,
    box: [box.left, box.top, box.right, box.bottom],
    screen: [innerWidth, innerHeight],
    hit: hit === button ? 'the exit button' : (hit ? hit.outerHTML.slice(0, 120) : 'nothing'),
    panelsBelowHeader: panels.every((panel) => panel.top >= header.bottom - 1),
  };
}"""


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("screen", SCREENS)
def test_one_tap_on_exit_leaves_in_every_state(new_context, site_url: str, screen: str, state: str,
                                               request: pytest.FixtureRequest) -> None:
    """Whatever I have opened or switched, the exit button is on screen, on top, and one tap leaves."""
    context: BrowserContext = new_context(**SCREENS[screen])
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_load_state("load")
    if state.startswith("search") and page.locator(".md-search__inner").count() == 0:
        # Known difference of the second builder (README.md, "The end of Material for MkDocs"): Zensical
        # opens search as a modal dialog, which the browser puts above every other element and makes
        # the rest of the page inert, so the button is covered until search closes (Shift three times
        # still exits). Strict: this test fails the day a Zensical change lets the tap through.
        request.applymarker(pytest.mark.xfail(strict=True, reason="Zensical's modal search dialog covers the exit button"))
    STATES[state](page)

    facts = page.evaluate(EXIT_BUTTON_FACTS)
    left, top, right, bottom = facts["box"]
    width, height = facts["screen"]
    assert 0 <= left and right <= width and 0 <= top and bottom <= height, f"the exit button is off screen: {facts}"
    assert facts["hit"] == "the exit button", f"a tap on the exit button would land on {facts['hit']}"
    assert facts["panelsBelowHeader"], "the menu and search must open below the header, never over it"

    if SCREENS[screen].get("has_touch"):
        page.touchscreen.tap(facts["x"], facts["y"])
    else:
        page.mouse.click(facts["x"], facts["y"])
    page.wait_for_url(EXIT_URL, timeout=5000)
    assert page.title() == "Stand-in exit page"
