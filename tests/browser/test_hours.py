"""A helpline's hours say "Open now" or "Closed now, opens …", worked out in the reader's browser in
London time, whatever her phone's own time zone, with nothing asked of any server; without JavaScript the
hours in words stand alone. Made-up lines from tests/fixtures/sites/hours (one day and night, one on
weekdays 10am to 4pm, one with unknown hours)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pytest
from playwright.sync_api import Browser

from sitebench.server import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hours_site_url(tmp_path_factory: pytest.TempPathFactory, fixture_site, build_with) -> Iterator[str]:
    config = fixture_site("hours", tmp_path_factory.mktemp("hours"))
    build_with(config, config.parent / "site")
    with serve(config.parent / "site") as url:
        yield url


def _shown(browser: Browser, url: str, moment: datetime, time_zone: str) -> list[str]:
    """What the two lines with known hours say at this moment, on a phone set to this time zone (the line
    whose hours are not known has no such place)."""
    context = browser.new_context(timezone_id=time_zone, viewport={"width": 375, "height": 667})
    try:
        page = context.new_page()
        page.clock.set_fixed_time(moment)
        page.goto(url)
        page.wait_for_function("document.querySelectorAll('.open-now:not([hidden])').length === 2")
        return page.locator(".open-now").evaluate_all("places => places.map(p => p.hidden ? null : p.textContent)")
    finally:
        context.close()


# London's local times, whatever the phone: (the moment in UTC, what it is in London).
@pytest.mark.parametrize("time_zone", ["Europe/London", "America/New_York", "Asia/Dhaka"])
@pytest.mark.parametrize(("moment", "expected"), [
    # 03:00 on Tuesday 8 December 2026 in London (GMT): the weekday line opens later that day.
    (datetime(2026, 12, 8, 3, 0, tzinfo=timezone.utc), ["Open now", "Closed now, opens 10am today"]),
    # Friday 4:30pm: closed until Monday.
    (datetime(2026, 12, 11, 16, 30, tzinfo=timezone.utc), ["Open now", "Closed now, opens 10am Monday"]),
    # Before the October clock change, 09:30 UTC is 10:30 in London (BST): open, though UTC says 09:30.
    (datetime(2026, 10, 20, 9, 30, tzinfo=timezone.utc), ["Open now", "Open now"]),
    # The night the clocks go back (Sunday 25 October 2026, 01:30 GMT): closed until Monday.
    (datetime(2026, 10, 25, 1, 30, tzinfo=timezone.utc), ["Open now", "Closed now, opens 10am tomorrow"]),
    # After it, 09:30 UTC is 09:30 in London (GMT): not open yet.
    (datetime(2026, 10, 27, 9, 30, tzinfo=timezone.utc), ["Open now", "Closed now, opens 10am today"]),
])
def test_each_line_says_whether_it_is_open_in_london_time(browser: Browser, hours_site_url: str, moment: datetime,
                                                          expected: list, time_zone: str) -> None:
    assert _shown(browser, hours_site_url, moment, time_zone) == expected


def test_without_javascript_the_hours_in_words_stand_alone(browser: Browser, hours_site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(hours_site_url)
        text = page.locator("article").inner_text()
        assert "Open 24 hours, every day." in text
        assert "Monday to Friday, 10am to 4pm." in text
        assert "Check its opening hours before you call." in text
        assert "Open now" not in text and "Closed now" not in text
    finally:
        context.close()


def test_working_out_the_hours_asks_nothing_of_anyone(browser: Browser, hours_site_url: str) -> None:
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(hours_site_url)
        page.wait_for_function("document.querySelector('.open-now:not([hidden])') !== null")
        assert all(url.startswith(hours_site_url) for url in requests)
    finally:
        context.close()
