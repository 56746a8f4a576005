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
        # On a translated page the exit's words in its language come first: "… / Exit this page".
        assert page.evaluate("document.activeElement.textContent.trim()").endswith("Exit this page"), path
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
    """Tabbing through a long page on a phone, every focused control is on screen, below the header,
    until the last one: Tab then leaves the page, whatever number of links it has."""
    page = context.new_page()
    page.goto(site_url + "get-help/")
    hidden = []
    for tabbed in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body || document.activeElement === null"):
            break
        where = page.evaluate(
            """() => {
              const element = document.activeElement;
              const box = element.getBoundingClientRect();
              const header = document.querySelector('.md-header').getBoundingClientRect();
              const inHeader = element.closest('.md-header, .md-skip') !== null;
              const onScreen = box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
              const clear = inHeader || box.top >= header.bottom - 1;
              const style = getComputedStyle(element);
              // A ring a person can see: drawn, at least 2 px wide, in a colour that is not see-through.
              const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
                && !/rgba\\([^)]*,\\s*0\\)|transparent/.test(style.outlineColor);
              return [element.outerHTML.slice(0, 80), onScreen && clear, ring,
                      `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`];
            }"""
        )
        if not where[1]:
            hidden.append(where[0])
        assert where[2], f"no visible focus ring on {where[0]}: outline is {where[3]}"
    assert tabbed > 10, "the page must have controls to tab through"
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


PRINTED_NOT = [".md-header", ".md-sidebar--primary", ".md-footer", ".quick-exit__button", ".md-skip", ".quick-exit__overlay"]


def test_every_page_prints_its_text_and_numbers_without_navigation_or_buttons(
    context: BrowserContext, site_url: str, page_paths: list[str]
) -> None:
    page = context.new_page()
    page.emulate_media(media="print")
    problems = []
    for path in page_paths:
        page.goto(site_url + path)
        problems += [f"/{path}: {selector} prints" for selector in PRINTED_NOT
                     if any(element.is_visible() for element in page.locator(selector).all())]
        if not page.locator("article h1").is_visible():
            problems.append(f"/{path}: the heading does not print")
        problems += [f"/{path}: the number {link.inner_text()!r} does not print"
                     for link in page.locator("article a[href^='tel:']").all() if not link.is_visible()
                     and not link.evaluate("(a) => a.closest('details:not([open])') !== null")]
    assert not problems, "\n".join(problems)


def test_printing_gives_the_text_and_phone_numbers_only(context: BrowserContext, site_url: str) -> None:
    """A printed page has the content and the emergency numbers, and no navigation, buttons or overlays."""
    page = context.new_page()
    # The page for a missing address has the emergency line; get-help has "Get help now" cards instead.
    page.goto(site_url + "no-such-page/")
    page.emulate_media(media="print")
    assert "999 then press 55" in page.locator(".emergency").inner_text()
    page.goto(site_url + "get-help/")
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-sidebar--primary", ".md-footer", ".quick-exit__button", ".md-skip", ".quick-exit__overlay"]:
        assert not page.locator(selector).first.is_visible(), f"{selector} must not print"
    assert page.locator("article h1").is_visible()
    # Call buttons print as black text: a printer leaves out their green background.
    inks = page.evaluate(
        """() => [...document.querySelectorAll('.help-cards a[href^="tel:"]')].map((a) => {
             const style = getComputedStyle(a);
             return [a.textContent.trim(), style.color, style.backgroundColor];
           })"""
    )
    assert inks, "get-help must have call buttons in its Get help now cards"
    for text, colour, background in inks:
        assert colour == "rgb(0, 0, 0)" and background in ("rgba(0, 0, 0, 0)", "transparent"), (text, colour, background)


def test_the_header_fits_a_phone_and_cuts_nothing_off(new_context, site_url: str) -> None:
    """At 320, 360 and 375 px, every part of the header is whole: the site name, buttons and exit do not overlap or overflow."""
    problems = []
    for width in (320, 360, 375):
        page = new_context(viewport={"width": width, "height": 640}).new_page()
        page.goto(site_url)
        problems += page.evaluate(
            """(width) => {
              const header = document.querySelector('.md-header').getBoundingClientRect();
              const parts = [...document.querySelectorAll('.md-header__inner > *, .site-name > *')]
                .filter((e) => e.getClientRects().length && e.getBoundingClientRect().width);
              const problems = [];
              for (const part of parts) {
                const box = part.getBoundingClientRect();
                const name = `${width}px: ${part.className || part.tagName}`;
                if (box.left < 0 || box.right > width || box.top < header.top || box.bottom > header.bottom + 0.5)
                  problems.push(`${name} sticks out of the header`);
                if (part.scrollWidth > part.clientWidth + 1 || part.scrollHeight > part.clientHeight + 1)
                  problems.push(`${name} is cut off`);
              }
              const row = parts.filter((e) => e.parentElement.matches('.md-header__inner'));
              for (const [i, a] of row.entries())
                for (const b of row.slice(i + 1)) {
                  const p = a.getBoundingClientRect(), q = b.getBoundingClientRect();
                  if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom && q.top < p.bottom)
                    problems.push(`${width}px: ${a.className} overlaps ${b.className}`);
                }
              const names = [...document.querySelectorAll('.site-name > *')].filter((e) => e.getClientRects().length);
              if (names.length !== 1) problems.push(`${width}px: ${names.length} site names are shown`);
              return problems;
            }""",
            width,
        )
    assert problems == []


def test_the_page_heading_has_full_contrast(context: BrowserContext, site_url: str, page_paths: list[str]) -> None:
    """Every page's heading is in the same full-strength colour as its text, not light grey."""
    page = context.new_page()
    for path in page_paths:
        page.goto(site_url + path)
        heading, text = page.evaluate(
            "[getComputedStyle(document.querySelector('article h1')).color, getComputedStyle(document.querySelector('article')).color]"
        )
        assert heading == text, f"/{path}: the heading is {heading}, the text {text}"


# Links in the text of a page (help cards aside: each is a whole button with its own border).
LINKS_NOT_UNDERLINED = """() => [...document.querySelectorAll('article a[href]')]
  .filter((link) => link.closest('p, li, dd, td') && !link.closest('.help-cards') && !link.classList.contains('headerlink'))
  .filter((link) => !getComputedStyle(link).textDecorationLine.includes('underline'))
  .map((link) => link.outerHTML.slice(0, 100))"""


def test_links_in_the_text_are_underlined_not_told_apart_by_colour_alone(
    context: BrowserContext, site_url: str, page_paths: list[str]
) -> None:
    page = context.new_page()
    problems = []
    for path in page_paths:
        page.goto(site_url + path)
        problems += [f"/{path}: {link}" for link in page.evaluate(LINKS_NOT_UNDERLINED)]
    assert not problems, "links in text must be underlined (WCAG 1.4.1):\n" + "\n".join(problems)


def test_exit_and_every_call_link_are_at_least_44px(context: BrowserContext, site_url: str, page_paths: list[str]) -> None:
    """On a phone, the exit button and every phone link on every page measure at least 44 by 44 px."""
    page = context.new_page()
    small = []
    for path in page_paths:
        page.goto(site_url + path)
        small += page.evaluate(
            """(path) => [...document.querySelectorAll('.quick-exit__button, a[href^="tel:"]')]
                 .filter((e) => e.getClientRects().length)
                 .map((e) => [e.textContent.trim(), e.getBoundingClientRect()])
                 .filter(([, box]) => box.width < 44 || box.height < 44)
                 .map(([text, box]) => `/${path}: '${text}' is ${box.width.toFixed(1)} by ${box.height.toFixed(1)} px`)""",
            path,
        )
    assert small == []


@pytest.mark.parametrize("path", ["", "get-help/"])
def test_the_first_screen_offers_a_one_tap_999_call(context: BrowserContext, site_url: str, path: str) -> None:
    """On a 375x667 phone, the home and get-help pages show a 999 call button without scrolling."""
    page = context.new_page()
    page.goto(site_url + path)
    on_screen = page.evaluate(
        """() => [...document.querySelectorAll('a[href="tel:999"]')].some((a) => {
             const box = a.getBoundingClientRect();
             return box.height && box.top >= 0 && box.bottom <= innerHeight
               && document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === a;
           })"""
    )
    assert on_screen, f"the first screen of /{path} must offer a 999 call button"
