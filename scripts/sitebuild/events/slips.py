"""Slips that break no rule but are nearly always mistakes: warnings, which never stop a build.

Past events are legitimate (the archive is the programme's record), so none of these is an error.
Each holds for any correct file, and none starts warning by itself as days go by, so the nightly
rebuild and later pull requests stay quiet about a file nobody has touched:

- added while past: an event's date is before the day it was added (its `added` field, which a
  record of a past event leaves out). The build has no history of the file, so the event carries it.
- its date is not the date its id starts with (the classic December slip, 2026 for 2027), unless
  the event has moved (status: rescheduled, or a previous_date).
- a cancelled or postponed event that does not say why: in the archive, that says an event did
  not take place, so an old event cannot be quietly rewritten into one that never happened.
- two events at the same venue, on the same date, at the same start time (neither called off).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from sitebuild.events.fields import as_date
from sitebuild.problems import WARNING, Problem
from sitebuild.yamlfile import Document, Path

_ID_DATE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:-|$)")
_CALLED_OFF = ("cancelled", "postponed")
_EXAMPLE_NOTE = {"cancelled": ("The hall is closed that day.", "The hall was closed that day."),
                 "postponed": ("New date to follow.", "It was moved to a later date.")}


def slip_problems(document: Document, events: list[Any], today: date) -> Iterator[Problem]:
    """A warning for each slip, at the value to look at."""
    slots: dict[tuple[str, date, str], tuple[int, str, Any]] = {}

    def warn(path: Path, message: str) -> Problem:
        line, column = document.position(path)
        return Problem(document.path, line, column, message, WARNING)

    for index, event in enumerate(events):
        day = as_date(event.get("date")) if isinstance(event, dict) else None
        if day is None:
            continue
        path: Path = ("events", index)
        status = event.get("status")
        named = _ID_DATE.match(str(event.get("id", "")))
        in_id = as_date(named.group(1)) if named else None
        added = as_date(event.get("added"))
        if in_id and in_id != day and status != "rescheduled" and "previous_date" not in event:
            yield warn(path + ("date",), (
                f"date {day} is not the date the id starts with, {in_id}; correct the one that is wrong (if the "
                f"event has moved to {day}, keep the id, set status: rescheduled and add previous_date: {in_id})"))
        elif added and day < added and day < today:
            yield warn(path + ("date",), (
                f"date {day} had already passed when the event was added ({added}), so it is listed under Past "
                "events; if the event is still to come, correct the date (is the year right?); if it is a record "
                "of a past event, delete the added line"))
        if status in _CALLED_OFF and not event.get("status_note"):
            upcoming, past = _EXAMPLE_NOTE[status]
            yield warn(path + ("status",), (
                f"this event's date has passed, so status: {status} makes the archive say it did not take place"
                f"{' on that date' if status == 'postponed' else ''}; if it did take place, set status: scheduled; "
                f"if it was {status}, say so in status_note, like status_note: {past}") if day < today else (
                f"a {status} event should tell people why, or what happens next, in status_note, like "
                f"status_note: {upcoming}"))
        venue = event.get("venue")
        start = event.get("start")
        if status in _CALLED_OFF or not isinstance(venue, dict) or not isinstance(start, str):
            continue
        slot = (" ".join(str(venue.get("name", "")).split()).casefold(), day, start)
        if slot in slots and slots[slot][2] != event.get("id"):  # the same id twice is already an error
            line, title, _ = slots[slot]
            yield warn(path + ("start",), (
                f"this event has the same venue, date and start time as the event on line {line} ({title}); if they "
                "are the same event, delete one; if not, check the date and start time"))
        elif slot not in slots:
            slots[slot] = (document.position(path + ("id",))[0], str(event.get("title", "")), event.get("id"))
