"""Points 15 and 17: skip link first, focus never hidden, no sideways scrolling at 320 px, and printing."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


def test_skip_link_is_the_first_tab_stop_and_works(context: BrowserContext, site_url: str, page_paths: list[str]) -> None:
    """On every page, the first Tab reaches "Skip to main content", which moves focus to the content."""
    page = context.new_page()
    for path in page_paths:
        page.goto(site_url + path)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content", path
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Exit this page", path
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main-content", path


def test_no_page_scrolls_sideways_at_320px(browser: Browser, site_url: str, page_paths: list[str]) -> None:
    """On a 320 px wide screen, no page is wider than the screen."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    wide = []
    try:
        for path in page_paths:
            page.goto(site_url + path)
            width = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
            if width > 320:
                wide.append(f"/{path} is {width}px wide")
    finally:
        context.close()
    assert wide == []


def test_focus_is_never_hidden_under_the_sticky_header(context: BrowserContext, site_url: str) -> None:
    """Tabbing through a long page on a phone, every focused control is on screen, below the header."""
    page = context.new_page()
    page.goto(site_url + "get-help/")
    hidden = []
    for _ in range(40):
        page.keyboard.press("Tab")
        where = page.evaluate(
            """() => {
              const element = document.activeElement;
              const box = element.getBoundingClientRect();
              const header = document.querySelector('.md-header').getBoundingClientRect();
              const inHeader = element.closest('.md-header, .md-skip') !== null;
              const onScreen = box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
              const clear = inHeader || box.top >= header.bottom - 1;
              return [element.outerHTML.slice(0, 80), onScreen && clear, getComputedStyle(element).outlineStyle];
            }"""
        )
        if not where[1]:
            hidden.append(where[0])
        assert where[2] != "none", f"no focus ring on {where[0]}"
    assert hidden == []


def test_menu_opens_and_closes_from_the_keyboard(context: BrowserContext, site_url: str) -> None:
    """On a phone, I can open the menu with Enter, reach its links, and close it with Escape."""
    page = context.new_page()
    page.goto(site_url + "get-help/")
    page.focus("button[data-toggle='__drawer']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.dataset.toggle") == "__drawer"


def test_printing_gives_the_text_and_phone_numbers_only(context: BrowserContext, site_url: str) -> None:
    """A printed page has the content and the emergency numbers, and no navigation, buttons or overlays."""
    page = context.new_page()
    page.goto(site_url + "get-help/")
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-sidebar--primary", ".md-footer", ".quick-exit__button", ".md-skip", ".quick-exit__overlay"]:
        assert not page.locator(selector).first.is_visible(), f"{selector} must not print"
    assert page.locator("article h1").is_visible()
    assert "999 then press 55" in page.locator(".emergency").inner_text()


@pytest.mark.parametrize("path, name", [("", "home"), ("get-help/", "get-help"), ("events/", "events"),
                                        ("phone-numbers/", "phone-numbers")])
def test_screenshots_at_375px(browser: Browser, site_url: str, path: str, name: str) -> None:
    """Saves full-page phone screenshots for a person to look at (test-results/screenshots/)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 375, "height": 667})
    try:
        page = context.new_page()
        response = page.goto(site_url + path)
        assert response.status == 200
        page.screenshot(path=str(SCREENSHOTS / f"{name}-375.png"), full_page=True)
    finally:
        context.close()


def test_screenshot_of_example_events_at_375px(browser: Browser, example_events_site_url: str) -> None:
    """Saves the events page with an event of every status, for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 375, "height": 667})
    try:
        page = context.new_page()
        assert page.goto(example_events_site_url + "events/").status == 200
        assert page.get_by_text("Cancelled:").count() >= 1
        page.screenshot(path=str(SCREENSHOTS / "events-examples-375.png"), full_page=True)
    finally:
        context.close()
