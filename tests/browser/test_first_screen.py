"""What a frightened reader meets first, on a small phone (375 px wide, 667 px high): the home page and
get-help offer a Call 999 button inside the first 548 px, and a call to a line that is open day and night
and is not the police within the first two screens. The lines come from the facts register, so the
test holds whatever the pages say."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

from sitebuild.facts import load_register

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
# A small phone's visible area below the browser's own bars.
FIRST_SCREEN_PX = 548
TWO_SCREENS_PX = 2 * 667


def _day_and_night_helplines() -> list[str]:
    """tel: links to the register's day-and-night lines that are not the police (its Helplines group)."""
    register = load_register(REPO / "data" / "facts.yml")
    links = [number.href for fact in register.current() if fact.group == "Helplines" and fact.hours and fact.hours.always
             for number in fact.numbers if number.href and number.href.startswith("tel:")]
    assert links, "the register lists no day-and-night helpline"
    return links


def _tops(context: BrowserContext, url: str, hrefs: list[str]) -> list[float]:
    page = context.new_page()
    page.goto(url)
    return page.evaluate("""hrefs => [...document.querySelectorAll('article a[href]')]
        .filter(a => hrefs.includes(a.getAttribute('href')) && a.getBoundingClientRect().height > 0)
        .map(a => a.getBoundingClientRect().top + scrollY)""", hrefs)


@pytest.mark.parametrize("path", ["", "get-help/"])
def test_a_call_999_button_is_inside_the_first_screen(context: BrowserContext, site_url: str, path: str) -> None:
    tops = _tops(context, site_url + path, ["tel:999"])
    assert tops and min(tops) < FIRST_SCREEN_PX, f"/{path}: the first Call 999 button starts at {tops} px"


@pytest.mark.parametrize("path", ["", "get-help/"])
def test_a_day_and_night_line_that_is_not_the_police_is_within_two_screens(context: BrowserContext, site_url: str,
                                                                          path: str) -> None:
    tops = _tops(context, site_url + path, _day_and_night_helplines())
    assert tops and min(tops) < TWO_SCREENS_PX, f"/{path}: the first such call link starts at {tops} px"
