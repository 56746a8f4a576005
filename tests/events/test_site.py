"""The real site, built by the production build, carries the events from data/events.yml."""

from __future__ import annotations

from pathlib import Path


def test_the_events_page_has_the_archive_the_feed_and_no_invented_events(built_site: Path) -> None:
    html = (built_site / "events" / "index.html").read_text(encoding="utf-8")
    assert '<h3 id="2021-12-01-de-beauvoir-women-only-event-title">First women-only engagement event</h3>' in html
    assert "Wednesday 1 December 2021</time>, times not recorded" in html
    assert "/events/calendar/all-events.ics" in html and 'href="webcal://' in html
    assert "calendar entries can sync to your other devices" in html
    assert html.count("<article class=\"event") == 1
    assert '<script src="../assets/javascripts/events.js" defer></script>' in html
    assert 'id="sources"' in html


def test_the_home_page_shows_the_events_list(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "data-events-upcoming" in html and "UPCOMING-EVENTS" not in html
    assert '<script src="assets/javascripts/events.js" defer></script>' in html


def test_calendar_files_and_the_script_are_served_and_fragments_are_not(built_site: Path) -> None:
    assert (built_site / "events" / "calendar" / "all-events.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert (built_site / "assets" / "javascripts" / "events.js").is_file()
    assert not (built_site / "events" / "generated").exists()
    assert not (built_site / "events" / "macros.html").exists()
