"""The real site, built by the production build, carries every event in data/events.yml.

These tests read the events from the data file rather than naming them, so an officer who adds,
changes or cancels a correct event never sees them fail.
"""

from __future__ import annotations

import html as html_text
import re
from pathlib import Path

import pytest

from sitebuild.yamlfile import load
from sitebuild.events import london_today
from sitebuild.events.render import Event, events_from_data

DATA = Path(__file__).resolve().parents[2] / "data" / "events.yml"

# The events script, deferred, under the name the build gives it (with a hash of its content).
EVENTS_SCRIPT = re.compile(r'<script src="(?P<src>(?P<prefix>(?:\.\./)*)assets/javascripts/events\.[0-9a-f]{10}\.js)" defer></script>')


@pytest.fixture(scope="module")
def real_events() -> tuple[Event, ...]:
    """The events as they stand in data/events.yml (the build has already checked the file)."""
    return events_from_data(load(DATA.read_text(encoding="utf-8"), "data/events.yml").data)


def test_every_event_in_the_data_is_on_the_events_page_once(built_site: Path, real_events: tuple[Event, ...]) -> None:
    html = (built_site / "events" / "index.html").read_text(encoding="utf-8")
    assert html.count('<article class="event') == len(real_events)
    for event in real_events:
        assert html.count(f'id="{event.id}"') == 1, event.id
        # The title as a reader sees it, whichever characters the page escapes (Women's is Women&#39;s).
        shown = re.findall(rf'<h3 id="{re.escape(event.id)}-title">([^<]*)</h3>', html)
        assert [html_text.unescape(title) for title in shown] == [event.title], event.id


def test_the_events_page_has_the_feed_its_warning_and_sources(built_site: Path) -> None:
    html = (built_site / "events" / "index.html").read_text(encoding="utf-8")
    assert "/events/calendar/all-events.ics" in html and 'href="webcal://' in html
    assert "calendar entries can sync to your other devices" in html
    assert EVENTS_SCRIPT.search(html).group("prefix") == "../"
    assert 'id="sources"' in html


def test_the_home_page_shows_events_only_when_one_is_upcoming(built_site: Path, real_events: tuple[Event, ...]) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    upcoming = [event for event in real_events if event.is_upcoming(london_today())]
    assert ("data-events-upcoming" in html) == bool(upcoming)
    if upcoming:
        assert EVENTS_SCRIPT.search(html).group("prefix") == ""


def test_calendar_files_and_the_script_are_served_and_fragments_are_not(built_site: Path, real_events: tuple[Event, ...]) -> None:
    calendars = built_site / "events" / "calendar"
    assert (calendars / "all-events.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    for event in (event for event in real_events if event.start):  # an event without times has no calendar entry
        assert (calendars / f"{event.id}.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n"), event.id
    script = EVENTS_SCRIPT.search((built_site / "events" / "index.html").read_text(encoding="utf-8"))
    assert (built_site / "events" / script.group("src")).resolve().is_file()
    assert not (built_site / "events" / "generated").exists()
    assert not (built_site / "events" / "macros.html").exists()
