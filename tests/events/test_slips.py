"""Slips that break no rule get a warning, word for word, and never an error; correct files stay quiet on any day.

Also the fields that go with them: previous_date (a rescheduled event's old date) and added (the day
an event was added).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitebuild.problems import WARNING
from sitebuild.yamlfile import load
from sitebuild.events.validate import validate

from .helpers import EVENT, TODAY, run

# EVENT is on 2027-03-14; its id has no date in it. This one's id does, like a real event's.
DATED = EVENT.replace("id: example-event-for-tests", "id: 2027-03-14-example-event-for-tests")


def problems(text: str, today: date = TODAY) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.severity, p.message) for p in validate(load(text, "events.yml"), today)]


def warning(line: int, column: int, message: str) -> tuple[int, int, str, str]:
    return (line, column, WARNING, message)


SLIPS = [
    pytest.param(DATED.replace("date: 2027-03-14", "date: 2026-03-14"),
                 warning(4, 11, "date 2026-03-14 is not the date the id starts with, 2027-03-14; correct the one that "
                                "is wrong (if the event has moved to 2026-03-14, keep the id, set status: rescheduled "
                                "and add previous_date: 2027-03-14)"), id="december-slip"),
    pytest.param(EVENT.replace("date: 2027-03-14", "date: 2026-01-21\n    added: 2026-11-25"),
                 warning(4, 11, "date 2026-01-21 had already passed when the event was added (2026-11-25), so it is "
                                "listed under Past events; if the event is still to come, correct the date (is the year "
                                "right?); if it is a record of a past event, delete the added line"),
                 id="added-while-past"),
    pytest.param(EVENT.replace("status: scheduled", "status: cancelled"),
                 warning(17, 13, "a cancelled event should tell people why, or what happens next, in status_note, like "
                                 "status_note: The hall is closed that day."), id="cancelled-without-a-reason"),
    pytest.param(EVENT.replace("status: scheduled", "status: postponed"),
                 warning(17, 13, "a postponed event should tell people why, or what happens next, in status_note, like "
                                 "status_note: New date to follow."), id="postponed-without-a-reason"),
    pytest.param(EVENT.replace("date: 2027-03-14", "date: 2021-12-01").replace("status: scheduled", "status: cancelled"),
                 warning(17, 13, "this event's date has passed, so status: cancelled makes the archive say it did not "
                                 "take place; if it did take place, set status: scheduled; if it was cancelled, say so "
                                 "in status_note, like status_note: The hall was closed that day."),
                 id="a-past-event-rewritten-as-cancelled"),
    pytest.param(EVENT.replace("date: 2027-03-14", "date: 2021-12-01").replace("status: scheduled", "status: postponed"),
                 warning(17, 13, "this event's date has passed, so status: postponed makes the archive say it did not "
                                 "take place on that date; if it did take place, set status: scheduled; if it was "
                                 "postponed, say so in status_note, like status_note: It was moved to a later date."),
                 id="a-past-event-rewritten-as-postponed"),
    pytest.param(EVENT + EVENT.split("\n", 1)[1].replace("example-event-for-tests", "example-second-event")
                 .replace("name: Example Hall For Tests", "name: example  hall for tests"),
                 warning(21, 12, "this event has the same venue, date and start time as the event on line 2 (Example "
                                 "Event For Tests); if they are the same event, delete one; if not, check the date and "
                                 "start time"), id="same-venue-date-and-start"),
]


@pytest.mark.parametrize("text, expected", SLIPS)
def test_each_slip_gets_one_warning_and_no_error(text: str, expected: tuple[int, int, str, str]) -> None:
    assert problems(text) == [expected]


def test_a_warning_does_not_stop_the_build(tmp_path: Path) -> None:
    output = run(EVENT.replace("status: scheduled", "status: cancelled"), tmp_path)
    assert [problem.severity for problem in output.warnings] == [WARNING]
    assert (tmp_path / "out" / "calendar" / "example-event-for-tests.ics").is_file()


CORRECT = [
    pytest.param(DATED.replace("date: 2027-03-14", "date: 2027-03-14\n    added: 2026-11-25"), id="added-before-its-date"),
    pytest.param(DATED.replace("date: 2027-03-14", "date: 2021-12-01").replace("status: scheduled\n", "status: scheduled\n"
                 ).replace("id: 2027-03-14", "id: 2021-12-01"), id="a-record-of-a-past-event-has-no-added-line"),
    pytest.param(DATED.replace("date: 2027-03-14", "date: 2027-03-21\n    previous_date: 2027-03-14")
                 .replace("status: scheduled", "status: rescheduled"), id="rescheduled-keeps-its-id"),
    pytest.param(DATED.replace("date: 2027-03-14", "date: 2027-03-21\n    previous_date: 2027-03-14")
                 .replace("status: scheduled", "status: cancelled\n    status_note: The hall is closed."),
                 id="rescheduled-then-cancelled"),
    pytest.param(EVENT.replace("status: scheduled", "status: cancelled\n    status_note: The hall is closed that day."),
                 id="cancelled-with-a-reason"),
    pytest.param(EVENT + EVENT.split("\n", 1)[1].replace("example-event-for-tests", "example-second-event")
                 .replace('start: "18:30"', 'start: "19:00"'), id="same-venue-and-date-later-start"),
    pytest.param(EVENT.replace("status: scheduled", "status: cancelled\n    status_note: Moved to the evening.")
                 + EVENT.split("\n", 1)[1].replace("example-event-for-tests", "example-second-event"),
                 id="a-replacement-in-a-cancelled-event's-place"),
]


@pytest.mark.parametrize("text", CORRECT)
@pytest.mark.parametrize("today", [TODAY, date(2027, 3, 14), date(2027, 3, 15), date(2030, 1, 1)])
def test_correct_files_get_no_warning_on_any_day(text: str, today: date) -> None:
    """So the nightly rebuild and later pull requests stay quiet about events nobody has touched."""
    assert problems(text, today) == []


@pytest.mark.parametrize("old, new, expected", [
    ("date: 2027-03-14", "date: 2027-03-14\n    previous_date: 2027-03-14",
     (5, 20, "error", "previous_date is the date the event was moved from, so it cannot be its date too (2027-03-14); "
                      "if only the time changed, remove previous_date and say so in status_note")),
    ("date: 2027-03-14", "date: 2027-03-14\n    previous_date: 2027-03-07",
     (5, 20, "error", "an event with a previous_date has moved to a new date; set status: rescheduled, or remove "
                      "previous_date")),
    ("date: 2027-03-14", "date: 2027-03-14\n    previous_date: 7/3/2027",
     (5, 20, "error", "previous_date must be written YYYY-MM-DD, like 2027-03-14; found '7/3/2027'")),
    ("date: 2027-03-14", "date: 2027-03-14\n    added:",
     (5, 11, "error", "added is empty; after added: write today's date, written YYYY-MM-DD (for a record of a past "
                      "event, delete the added line instead)")),
    ("date: 2027-03-14", "date: 2027-03-14\n    added: 25/11/2026",
     (5, 12, "error", "added must be written YYYY-MM-DD, like 2027-03-14; found '25/11/2026'")),
])
def test_previous_date_and_added_are_checked(old: str, new: str, expected: tuple[int, int, str, str]) -> None:
    assert problems(EVENT.replace(old, new, 1)) == [expected]
