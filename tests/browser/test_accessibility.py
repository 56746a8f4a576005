"""Point 13: axe-core finds no WCAG 2.2 AA or best-practice problem on any page, at two widths, in both schemes."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    # No rule is disabled.
    "rules": {},
}
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}


def _readable(path: str, violations: list[dict]) -> list[str]:
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"/{path}: {violation['id']} ({violation['help']}) at {node['target']}: {summary}")
    return lines


def _axe_problems(browser: Browser, site_url: str, paths: list[str], width: int, scheme: str) -> list[str]:
    """Every axe violation on the given pages, one readable line each."""
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    axe = Axe()
    problems = []
    try:
        for path in paths:
            page.goto(site_url + path)
            page.wait_for_load_state("load")
            assert page.evaluate("document.body.dataset.mdColorScheme") == MATERIAL_SCHEME[scheme]
            result = axe.run(page, options=AXE_OPTIONS)
            problems += _readable(path, result.response["violations"])
    finally:
        context.close()
    return problems


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_every_page_passes_axe(browser: Browser, site_url: str, page_paths: list[str], width: int, scheme: str) -> None:
    """When I open any page on a phone or a desktop, in light or dark colours, axe finds nothing wrong."""
    problems = _axe_problems(browser, site_url, page_paths, width, scheme)
    assert not problems, f"{len(problems)} accessibility problems at {width}px, {scheme}:\n" + "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_events_in_every_state_pass_axe(browser: Browser, example_events_site_url: str, width: int, scheme: str) -> None:
    """With upcoming, cancelled, postponed and past events listed, the events and home pages pass axe too."""
    problems = _axe_problems(browser, example_events_site_url, ["events/", ""], width, scheme)
    assert not problems, f"{len(problems)} accessibility problems at {width}px, {scheme}:\n" + "\n".join(problems)
