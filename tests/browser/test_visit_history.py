"""With JavaScript, a whole visit is one entry in the browser's Back list, so after exiting, Back goes
to the page before the site, never to a page of it. Without JavaScript, links are plain links.

Each visit starts on a neutral page that is not part of the site (served by the test) and moves
around by the site's own menu, footer, search and in-page links, whatever the pages are."""

from __future__ import annotations

from urllib.parse import urldefrag

import pytest
from playwright.sync_api import BrowserContext, Page, Route

from .conftest import left_for, open_search, watch_for_leaving

pytestmark = pytest.mark.browser

EXIT_URL = "https://www.bbc.co.uk/weather"
START_URL = "https://start.example.org/"
OTHER_SITE_URL = "https://other-site.example.org/"
PHONE = {"viewport": {"width": 375, "height": 667}, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PAGES_IN_A_VISIT = 5


def _serve_neutral_pages(context: BrowserContext, site_url: str) -> None:
    """The page a visitor was on before the site (it links to the site), and another site."""
    start = f"<!doctype html><html lang=en><title>Start page</title><a href='{site_url}'>To the site</a>"
    other = "<!doctype html><html lang=en><title>Another site</title><p>Another site"

    def answer(body: str):
        def fulfil(route: Route) -> None:
            route.fulfill(status=200, content_type="text/html", body=body)
        return fulfil

    context.route(START_URL, answer(start))
    context.route(OTHER_SITE_URL + "**", answer(other))


def _entries(page: Page) -> int:
    return page.evaluate("history.length")


def _page_address(page: Page) -> str:
    return urldefrag(page.url).url


def _tap_or_click(page: Page, selector: str, touch: bool) -> None:
    with page.expect_navigation():
        if touch:
            page.locator(selector).first.tap()
        else:
            page.locator(selector).first.click()
    page.wait_for_load_state("load")


def _other_site_page(page: Page, site_url: str, where: str, in_open_menu: bool = False) -> str:
    """A selector for the first link in `where` to another page of the site, whatever the pages hold;
    in_open_menu: one a reader can tap now, not inside a closed section of the menu."""
    here = _page_address(page)
    index = page.evaluate(
        """([where, site, here, inMenu]) => [...document.querySelectorAll(where)].findIndex((a) => {
             const url = new URL(a.href, location.href);
             url.hash = '';
             if (!url.href.startsWith(site) || url.href === here || /\\.[a-z]+$/.test(url.pathname)) return false;
             if (!inMenu) return true;
             a.scrollIntoView({block: "center"});
             const box = a.getBoundingClientRect();
             const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
             return box.width > 0 && hit !== null && a.contains(hit);
           })""",
        [where, site_url, here, in_open_menu],
    )
    assert index >= 0, f"no link to another page in {where} on {here}"
    return f"{where} >> nth={index}"


# Material's result links, or Zensical's (inside its search dialog's shadow root, which Playwright's
# selectors look into; document.querySelectorAll does not).
SEARCH_RESULT_LINKS = ".md-search-result__link, [role='option'] a[href], a[role='option'][href]"


def _search_result_on_another_page(page: Page, site_url: str) -> str:
    """A selector for the first search result that leads to another page of the site."""
    results = page.locator(SEARCH_RESULT_LINKS)
    results.first.wait_for()
    here = _page_address(page)
    for index in range(results.count()):
        href = urldefrag(results.nth(index).evaluate("(link) => link.href")).url
        if href.startswith(site_url) and href != here:
            return f"{SEARCH_RESULT_LINKS} >> nth={index}"
    raise AssertionError(f"no search result leads to another page than {here}")


def _visit(page: Page, site_url: str, touch: bool) -> int:
    """Starts on the neutral page, then moves through the site by its own links; returns the Back list's length."""
    page.goto(START_URL)
    before_the_site = _entries(page)
    _tap_or_click(page, "a", touch)
    seen = [_page_address(page)]
    # Arriving from another page adds the visit's one entry; its Back goes to the page before the site.
    visit = before_the_site + 1
    assert _entries(page) == visit

    def moved() -> None:
        seen.append(_page_address(page))
        assert _entries(page) == visit, f"moving to {page.url} added an entry to the Back list"

    # 1. The menu.
    menu = page.locator("button[data-toggle='__drawer']")
    if menu.is_visible():
        menu.click()
        page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    _tap_or_click(page, _other_site_page(page, site_url, ".md-sidebar--primary a.md-nav__link", in_open_menu=True), touch)
    moved()

    # 2. The footer's previous or next page.
    _tap_or_click(page, _other_site_page(page, site_url, ".md-footer a"), touch)
    moved()

    # 3. Search, for the title of the last page in the menu; then a result on another page.
    title = " ".join(page.locator(".md-sidebar--primary .md-nav__link").last.text_content().split())
    open_search(page)
    page.keyboard.type(title)
    _tap_or_click(page, _search_result_on_another_page(page, site_url), touch)
    moved()

    # 4. A heading in the page's contents list, then the footer again.
    headings = page.locator(".md-sidebar--secondary a.md-nav__link")
    if headings.count() and headings.first.is_visible():
        headings.first.click()
        assert _entries(page) == visit, "a link to a heading added an entry to the Back list"
    _tap_or_click(page, _other_site_page(page, site_url, ".md-footer a"), touch)
    moved()

    # 5. The skip link, a link to a place on the same page. It comes last: Material closes its menu
    # 125 ms after the address changes, which would close a menu opened next.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    assert _entries(page) == visit, "a link within the page added an entry to the Back list"

    assert len(seen) >= PAGES_IN_A_VISIT
    assert all(address.startswith(site_url) for address in seen)
    return visit


def _back_goes_to_the_page_before_the_site(page: Page, visit: int) -> None:
    page.wait_for_url(EXIT_URL, timeout=5000)
    assert _entries(page) == visit, "exiting added an entry to the Back list"
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url == START_URL, f"Back after exiting showed {page.url}, not the page before the site"
    assert page.title() == "Start page"


def test_after_a_visit_of_five_pages_exit_then_back_goes_to_the_page_before_the_site(new_context, site_url: str) -> None:
    """On a phone, I visit five pages by the menu, footer, search and in-page links, tap exit, then Back."""
    context = new_context(**PHONE)
    _serve_neutral_pages(context, site_url)
    page = context.new_page()
    visit = _visit(page, site_url, touch=True)
    page.locator(".quick-exit__button").tap()
    _back_goes_to_the_page_before_the_site(page, visit)


def test_after_a_visit_shift_three_times_then_back_goes_to_the_page_before_the_site(new_context, site_url: str) -> None:
    """On a desktop, I visit five pages, press Shift three times, then Back."""
    context = new_context(**DESKTOP)
    _serve_neutral_pages(context, site_url)
    page = context.new_page()
    visit = _visit(page, site_url, touch=False)
    for _ in range(3):
        page.keyboard.press("Shift")
    _back_goes_to_the_page_before_the_site(page, visit)


# Links the browser must handle as usual: it is only moves within the site that replace the entry.
LEFT_TO_THE_BROWSER = {
    "another site": (f"<a href='{OTHER_SITE_URL}'>x</a>", []),
    "a file to download": ("<a href='assets/images/favicon.svg' download>x</a>", []),
    "a calendar file": ("<a href='calendar/example.ics'>x</a>", []),
    "a new tab": ("<a href='./' target='_blank'>x</a>", []),
    "a page, with Ctrl": ("<a href='./'>x</a>", ["Control"]),
    "a page, with Shift": ("<a href='./'>x</a>", ["Shift"]),
    "a page, with Alt": ("<a href='./'>x</a>", ["Alt"]),
    "a phone number": ("<a href='tel:999'>x</a>", []),
    "an email address": ("<a href='mailto:help@example.org'>x</a>", []),
}


@pytest.mark.parametrize("kind", LEFT_TO_THE_BROWSER)
def test_other_links_are_left_to_the_browser(context: BrowserContext, site_url: str, kind: str) -> None:
    """Links to other sites, files, new tabs and phone numbers are not touched by the site's script."""
    markup, modifiers = LEFT_TO_THE_BROWSER[kind]
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_load_state("load")
    # Added after the site's own listeners, this one sees whether they took the click; then it
    # cancels the click itself, so the test never opens anything.
    page.evaluate(
        """(markup) => {
          const holder = document.createElement('p');
          holder.id = 'test-link';
          holder.innerHTML = markup;
          document.querySelector('article').prepend(holder);
          window.__taken = null;
          window.addEventListener('click', (event) => { window.__taken = event.defaultPrevented; event.preventDefault(); });
        }""",
        markup,
    )
    page.locator("#test-link a").click(modifiers=modifiers)
    assert page.evaluate("window.__taken") is False, f"the site's script took a click on {kind}"
    assert page.url == site_url


def test_a_link_to_another_site_adds_an_entry_as_usual(new_context, site_url: str) -> None:
    """Following a link to another site works as usual: Back comes back to the page I left."""
    context = new_context(**PHONE)
    _serve_neutral_pages(context, site_url)
    page = context.new_page()
    page.goto(site_url)
    page.evaluate(f"document.querySelector('article').insertAdjacentHTML('afterbegin', \"<p><a id=other href='{OTHER_SITE_URL}'>x</a>\")")
    _tap_or_click(page, "#other", touch=True)
    assert page.title() == "Another site"
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url == site_url


def test_without_javascript_links_are_plain_links(new_context, site_url: str) -> None:
    """With JavaScript off, moving through the site works, and each page adds an entry, as on any site."""
    context = new_context(java_script_enabled=False, **PHONE)
    _serve_neutral_pages(context, site_url)
    page = context.new_page()
    page.goto(START_URL)
    _tap_or_click(page, "a", touch=True)
    arrived = _entries(page)
    _tap_or_click(page, _other_site_page(page, site_url, ".md-footer a"), touch=True)
    assert _entries(page) == arrived + 1
    page.go_back()
    assert page.url == site_url


@pytest.mark.parametrize("key", ["n", "p", ",", ".", "s", "f", "/"])
def test_single_key_shortcuts_do_nothing(context: BrowserContext, site_url: str, key: str) -> None:
    """WCAG 2.1.4: a single key pressed by accident (or by speech input) neither opens search nor changes page."""
    page = context.new_page()
    page.goto(site_url + "get-help/")
    watch_for_leaving(page)
    page.keyboard.press(key)
    assert left_for(page) is None, f"{key!r} left the page"
    assert not page.evaluate("document.getElementById('__search').checked"), f"{key!r} opened search"
