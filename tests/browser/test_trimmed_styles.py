"""Trimming the stylesheets (scripts/pack_assets.py) changes nothing a person sees: a page looks exactly
the same, pixel for pixel, with the trimmed stylesheets as with the theme's full ones and our
unminified one, in each state a visitor can put it in."""

from __future__ import annotations

import base64
import importlib.util
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from benchmark.server import serve

from .conftest import open_search, settled_search_results

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
OWN_ASSETS = REPO / "overrides" / "assets"
_STYLESHEET = re.compile(r"""<link rel="stylesheet" href="([^"]+)">""")

RESULTS = REPO / "test-results" / "trimmed-styles"


def _menu_open(page: Page) -> None:
    page.click("button[data-toggle='__drawer']")


def _dark_with_the_menu_closed(page: Page) -> None:
    page.keyboard.press("Escape")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")


def _search_with_results(page: Page) -> None:
    open_search(page)
    word = next(w for w in page.inner_text("h1").split() if len(w) >= 4 and w.isalpha())
    page.keyboard.type(word.lower())
    settled_search_results(page)


def _keyboard_on_a_link_in_the_page(page: Page) -> None:
    page.keyboard.press("Escape")
    page.locator("article a[href]").first.focus()  # where Tab would bring it; the theme marks it as keyboard focus
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    page.wait_for_timeout(500)  # focus may scroll the page: as below, the theme then updates its marks


def _scrolled_half_way(page: Page) -> None:
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    # The theme marks the contents entry being read, and the header's title, as the page scrolls.
    page.wait_for_timeout(500)


# One page of each layout: home (with its events list), help cards, events, tables, a translated
# page. On the home page, one state after another: each is photographed.
PAGES = ("", "get-help/", "events/", "phone-numbers/", "bn/")
HOME_STATES = {"menu open": _menu_open, "dark colours": _dark_with_the_menu_closed, "search with results": _search_with_results,
               "keyboard on a link": _keyboard_on_a_link_in_the_page, "scrolled half way": _scrolled_half_way}
WIDE_STATES = {"as loaded": lambda page: page.wait_for_timeout(500), "scrolled half way": _scrolled_half_way,
               "keyboard on a link": _keyboard_on_a_link_in_the_page}


def _theme_templates() -> list[Path]:
    found = []
    for name in ("material", "zensical"):
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            found.append(Path(next(iter(spec.submodule_search_locations))) / "templates")
    return found


def _original(site_dir: Path, name: str) -> Path:
    """The stylesheet a trimmed, renamed one was made from: the theme's, or ours in overrides/."""
    folder, stem = Path(name).parent, Path(name).name.split(".")[0]
    candidates = [OWN_ASSETS / folder.relative_to("assets") / f"{stem}.css"]
    candidates += [path for theme in _theme_templates() for path in sorted((theme / folder).glob(f"{stem}.*.css"))]
    original = next((path for path in candidates if path.is_file()), None)
    assert original is not None, f"no stylesheet {name} was made from"
    return original


@pytest.fixture(scope="module")
def sites(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The built site, and a copy of it whose stylesheets are the untrimmed originals, both served."""
    untrimmed = tmp_path_factory.mktemp("untrimmed") / "site"
    shutil.copytree(built_site, untrimmed)
    for href in set(_STYLESHEET.findall((built_site / "index.html").read_text(encoding="utf-8"))):
        name = href.split("?")[0]
        shutil.copyfile(_original(built_site, name), untrimmed / name)
    with serve(built_site) as trimmed_url, serve(untrimmed) as untrimmed_url:
        yield trimmed_url, untrimmed_url


@pytest.mark.parametrize("path", PAGES)
def test_a_page_looks_the_same_with_trimmed_stylesheets(browser: Browser, sites: tuple[str, str], built_site: Path, path: str) -> None:
    states = {"as loaded": lambda page: None, **(HOME_STATES if path == "" else {})}
    _compare(browser, sites, built_site, path, states, {"width": 375, "height": 667})


@pytest.mark.parametrize("path", ("get-help/", "phone-numbers/"))
def test_a_page_on_a_wide_screen_looks_the_same_with_trimmed_stylesheets(browser: Browser, sites: tuple[str, str],
                                                                         built_site: Path, path: str) -> None:
    """With the menu and the page's contents beside it, as read and scrolled, and with keyboard focus."""
    _compare(browser, sites, built_site, path, WIDE_STATES, {"width": 1280, "height": 800}, "wide")


@pytest.mark.parametrize("lost", ("links lose their colour", "keyboard focus loses its outline"))
def test_a_lost_rule_counts_as_a_difference_and_not_as_noise(browser: Browser, sites: tuple[str, str], lost: str) -> None:
    """The allowance for edge noise (below) must not hide what trimming could break: one rule lost,
    here imitated by overriding it, is a difference."""
    rules = {"links lose their colour": ".md-typeset a { color: inherit !important; }",
             "keyboard focus loses its outline": "html :focus-visible { outline: none !important; }"}
    # The site's policy forbids inline styles; this test adds one on purpose.
    context = browser.new_context(viewport={"width": 375, "height": 667}, reduced_motion="reduce", bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(sites[0] + "get-help/", wait_until="networkidle")
        _keyboard_on_a_link_in_the_page(page)
        before = page.screenshot(full_page=True)
        page.add_style_tag(content=rules[lost])
        page.wait_for_timeout(100)
        after = page.screenshot(full_page=True)
    finally:
        context.close()
    assert not _visible_difference(browser, before, before)
    assert _visible_difference(browser, before, after)


# A lost rule looks different on every load; the theme's script, which sizes the menu and contents as
# a page settles, now and then leaves one load a pixel apart from another (measured: 1 shot in about 40).
# So a page is loaded again, up to ATTEMPTS times in all, and fails only if it differs every time.
ATTEMPTS = 3


def _compare(browser: Browser, sites: tuple[str, str], built_site: Path, path: str, states: dict,
             viewport: dict, label: str = "") -> None:
    if not (built_site / path / "index.html").is_file():
        pytest.skip(f"the site has no page /{path}")
    for _ in range(ATTEMPTS):
        difference = _first_difference(browser, sites, path, states, viewport)
        if difference is None:
            return
    state, trimmed, full = difference
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = "-".join(part for part in (path.strip("/") or "home", label, state.replace(" ", "-")) if part)
    (RESULTS / f"{name}-trimmed.png").write_bytes(trimmed)
    (RESULTS / f"{name}-full.png").write_bytes(full)
    pytest.fail(f"/{path}, {state}: the page looks different with the trimmed stylesheets; "
                f"compare {RESULTS.relative_to(REPO)}/{name}-trimmed.png with {name}-full.png")


def _first_difference(browser: Browser, sites: tuple[str, str], path: str, states: dict,
                      viewport: dict) -> tuple[str, bytes, bytes] | None:
    """The first state in which the trimmed and the full stylesheets look different, with both shots."""
    shots: dict[str, list[bytes]] = {state: [] for state in states}
    for url in sites:
        # Reduced motion: the theme then turns transitions off, so nothing is caught half-way.
        context = browser.new_context(viewport=viewport, reduced_motion="reduce")
        try:
            page = context.new_page()
            page.goto(url + path, wait_until="networkidle")
            for state, action in states.items():
                action(page)
                # The theme's script marks the header, menu and contents as the page settles: wait for it.
                page.wait_for_timeout(300)
                shots[state].append(page.screenshot(full_page=True))
        finally:
            context.close()
    for state, (trimmed, full) in shots.items():
        if trimmed != full and _visible_difference(browser, trimmed, full):
            return state, trimmed, full
    return None


# Zensical's build, loaded twice with the same stylesheets, now and then draws the edge of a header
# icon a few levels lighter or darker (measured: 1 full-page shot in 12, 43 pixels, at most 18 levels
# of 255). A rule lost in trimming shows as more than that: a missing colour, outline or spacing
# moves whole edges of text and boxes.
NOISE_LEVELS = 24
NOISE_PIXELS = 200


def _visible_difference(browser: Browser, first: bytes, second: bytes) -> bool:
    """Whether two screenshots differ by more than the edge noise above, compared in a blank page."""
    page = browser.new_page()
    try:
        changed, largest = page.evaluate(
            """async ([first, second]) => {
                const load = data => new Promise((done, fail) => {
                    const image = new Image(); image.onload = () => done(image); image.onerror = fail;
                    image.src = "data:image/png;base64," + data;
                });
                const pixels = image => {
                    const canvas = document.createElement("canvas");
                    canvas.width = image.width; canvas.height = image.height;
                    const context = canvas.getContext("2d");
                    context.drawImage(image, 0, 0);
                    return context.getImageData(0, 0, image.width, image.height).data;
                };
                const [a, b] = await Promise.all([load(first), load(second)]);
                if (a.width !== b.width || a.height !== b.height) return [a.width * a.height, 255];
                const [pa, pb] = [pixels(a), pixels(b)];
                let changed = 0, largest = 0;
                for (let i = 0; i < pa.length; i += 4) {
                    const d = Math.max(Math.abs(pa[i] - pb[i]), Math.abs(pa[i + 1] - pb[i + 1]), Math.abs(pa[i + 2] - pb[i + 2]));
                    if (d) { changed++; largest = Math.max(largest, d); }
                }
                return [changed, largest];
            }""",
            [base64.b64encode(first).decode(), base64.b64encode(second).decode()],
        )
    finally:
        page.close()
    return changed > NOISE_PIXELS or largest > NOISE_LEVELS
