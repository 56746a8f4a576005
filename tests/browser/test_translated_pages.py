"""Translated pages in a real browser: axe finds nothing wrong with their languages or layout, in either
direction, and phone screenshots are saved for a person to look at. Made-up pages from the fixture site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

import build_site
from benchmark.server import serve

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "rules": {},  # No rule is disabled.
}


@pytest.fixture(scope="module")
def translated_site_url(tmp_path_factory: pytest.TempPathFactory, fixture_site) -> Iterator[str]:
    config = fixture_site("translated", tmp_path_factory.mktemp("translated-browser"))
    build_site.build(config.parent / "site", config=config)
    with serve(config.parent / "site") as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_translated_pages_pass_axe_on_a_phone(browser: Browser, translated_site_url: str, scheme: str) -> None:
    """When I open a translated page on a phone, left to right or right to left, axe finds nothing wrong."""
    context = browser.new_context(viewport={"width": 375, "height": 800}, color_scheme=scheme)
    problems = []
    try:
        page = context.new_page()
        for path in ("", "tr/", "ar/"):
            page.goto(translated_site_url + path)
            result = Axe().run(page, options=AXE_OPTIONS)
            problems += [f"/{path}: {v['id']} at {[n['target'] for n in v['nodes']]}"
                         for v in result.response["violations"]]
    finally:
        context.close()
    assert problems == []


@pytest.mark.browser
@pytest.mark.parametrize("path, name", [("tr/", "translated-example-tr"), ("ar/", "translated-example-ar")])
def test_screenshots_of_translated_pages_at_375px(browser: Browser, translated_site_url: str, path: str, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 375, "height": 667})
    try:
        page = context.new_page()
        assert page.goto(translated_site_url + path).status == 200
        assert page.locator(".translation-notice").is_visible()
        page.screenshot(path=str(SCREENSHOTS / f"{name}-375.png"), full_page=True)
    finally:
        context.close()
