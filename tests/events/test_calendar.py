"""Calendar files parse, and meet every point of site-requirements 21 and 22."""

from __future__ import annotations

from datetime import date, timedelta, timezone
from pathlib import Path

import icalendar
import pytest

from .helpers import EVENT, FIXTURES, TODAY, run, snapshot


@pytest.fixture(scope="module")
def calendars(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("calendar")
    run((FIXTURES / "good.yml").read_text(encoding="utf-8"), folder)
    return {name: content for name, content in snapshot(folder / "out" / "calendar").items()}


def test_one_file_per_timed_event_and_one_feed(calendars: dict[str, bytes]) -> None:
    assert sorted(calendars) == ["all-events.ics", "example-cancelled-event.ics", "example-clock-change-event.ics",
                                 "example-event-for-tests.ics", "example-postponed-event.ics"]


def test_lines_end_in_crlf_and_fold_at_75_octets(calendars: dict[str, bytes]) -> None:
    for content in calendars.values():
        assert content.endswith(b"\r\n")
        lines = content.split(b"\r\n")[:-1]
        assert all(b"\n" not in line and b"\r" not in line for line in lines)
        assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in calendars["all-events.ics"].split(b"\r\n"))


def test_every_calendar_has_version_prodid_and_a_london_vtimezone(calendars: dict[str, bytes]) -> None:
    for content in calendars.values():
        calendar = icalendar.Calendar.from_ical(content)
        assert calendar["VERSION"] == "2.0"
        assert calendar["PRODID"]
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_each_vevent_has_one_stable_uid_utc_dtstamp_and_london_times(calendars: dict[str, bytes]) -> None:
    feed = icalendar.Calendar.from_ical(calendars["all-events.ics"])
    events = feed.walk("VEVENT")
    uids = [str(event["UID"]) for event in events]
    assert uids == ["example-postponed-event@example.org", "example-event-for-tests@example.org",
                    "example-cancelled-event@example.org", "example-clock-change-event@example.org"]
    raw = calendars["all-events.ics"].decode()
    assert raw.count("\r\nUID:") == 4
    assert raw.count("\r\nDTSTAMP:20261125T000000Z\r\n") == 4
    assert raw.count("\r\nDTSTART;TZID=Europe/London:") == 4
    assert raw.count("\r\nDTEND;TZID=Europe/London:") == 4


@pytest.mark.parametrize("name, start_utc, offset_hours", [
    ("example-event-for-tests.ics", "2027-03-14 18:30:00+00:00", 0),       # GMT
    ("example-cancelled-event.ics", "2027-06-01 09:00:00+00:00", 1),       # BST
    ("example-clock-change-event.ics", "2027-10-31 02:00:00+00:00", 0),    # the night the clocks go back
])
def test_start_times_are_the_right_instant(calendars: dict[str, bytes], name: str, start_utc: str,
                                           offset_hours: int) -> None:
    event = icalendar.Calendar.from_ical(calendars[name]).walk("VEVENT")[0]
    start = event["DTSTART"].dt
    assert start.utcoffset() == timedelta(hours=offset_hours)
    assert str(start.astimezone(timezone.utc)) == start_utc


def test_cancelled_and_postponed_events_are_cancelled_in_calendars(calendars: dict[str, bytes]) -> None:
    statuses = {str(e["UID"]): (str(e["STATUS"]), str(e["SUMMARY"]))
                for e in icalendar.Calendar.from_ical(calendars["all-events.ics"]).walk("VEVENT")}
    assert statuses["example-cancelled-event@example.org"] == ("CANCELLED", "Cancelled: Example Cancelled Event")
    assert statuses["example-postponed-event@example.org"] == ("CANCELLED", "Postponed: Example Postponed Event")
    assert statuses["example-event-for-tests@example.org"] == ("CONFIRMED", "Example Event For Tests")


def test_two_builds_of_the_same_data_and_date_are_byte_identical(tmp_path: Path) -> None:
    text = (FIXTURES / "good.yml").read_text(encoding="utf-8")
    run(text, tmp_path / "one")
    run(text, tmp_path / "two")
    assert snapshot(tmp_path / "one" / "out") == snapshot(tmp_path / "two" / "out")


def test_the_feed_has_a_neutral_name(calendars: dict[str, bytes]) -> None:
    """Synced calendars show this name, and others may see someone's calendar: it says nothing about safety."""
    name = str(icalendar.Calendar.from_ical(calendars["all-events.ics"])["X-WR-CALNAME"])
    assert name == "Community events, Hackney and Tower Hamlets"
    assert not any(word in name.lower() for word in ("women", "safety", "police", "victim", "abuse"))


def _entry(folder: Path, event_id: str) -> icalendar.Event:
    content = (folder / "out" / "calendar" / f"{event_id}.ics").read_bytes()
    return icalendar.Calendar.from_ical(content).walk("VEVENT")[0]


def _sequence(text: str, today: date, folder: Path) -> int:
    run(text, folder, today=today)
    return int(_entry(folder, "example-event-for-tests")["SEQUENCE"])


def test_every_calendar_entry_has_a_sequence_that_rises_when_the_event_changes(tmp_path: Path) -> None:
    """Calendar apps take a changed entry only if its SEQUENCE is higher than the one they hold."""
    first = _sequence(EVENT, TODAY, tmp_path / "first")
    assert first >= 0
    # Any change published on a later day: the build date alone raises it.
    later = _sequence(EVENT.replace("title: Example Event For Tests", "title: Example Event, New Title"),
                      TODAY + timedelta(days=1), tmp_path / "later")
    assert later > first
    # Called off on the same day as the first version: still higher, and higher again once cancelled.
    called_off = [_sequence(EVENT.replace("status: scheduled", f"status: {status}\n    status_note: Sorry."), TODAY,
                            tmp_path / status.replace(" ", "-")) for status in ("rescheduled", "postponed", "cancelled")]
    assert first < called_off[0] < called_off[1] < called_off[2]
    # The same data on the same date: the same number (and the same bytes, test_calendar.py).
    assert _sequence(EVENT, TODAY, tmp_path / "again") == first
