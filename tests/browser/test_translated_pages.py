"""Translated pages in a real browser: axe finds nothing wrong with their languages or layout, in either
direction, and each says when it was translated. Made-up pages from the fixture site."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from sitebench.server import serve
from sitebuild import pipeline
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "rules": {},  # No rule is disabled.
}


@pytest.fixture(scope="module")
def translated_site_url(tmp_path_factory: pytest.TempPathFactory, fixture_site) -> Iterator[str]:
    config = fixture_site("translated", tmp_path_factory.mktemp("translated-browser"))
    pipeline.build(config, config.parent / "site")
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
@pytest.mark.parametrize("path", ["tr/", "ar/"])
def test_a_translated_page_says_when_it_was_translated(browser: Browser, translated_site_url: str, path: str) -> None:
    """When I open a translated page on a phone, the notice of when it was translated is on the first screen."""
    context = browser.new_context(viewport={"width": 375, "height": 667})
    try:
        page = context.new_page()
        page.goto(translated_site_url + path)
        notice = page.locator(".translation-notice")
        assert notice.is_visible() and notice.bounding_box()["y"] < 667
    finally:
        context.close()
