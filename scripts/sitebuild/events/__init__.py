"""The events step: data/events.yml -> the events page parts, calendar files and structured data.

load (sitebuild.yamlfile, every value with its position) -> validate (validate.py: the schema, in
the words of fields.py, then the rules a schema cannot express) -> model and render (render.py:
frozen dataclasses, then page parts from templates/, .ics files and schema.org data).
Nothing is written here: the pipeline puts the parts where pages include them and the calendar
files into the built site.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sitebuild.events.fields import LONDON
from sitebuild.events.render import FEED_NAME, events_from_data, render_calendars, render_fragments
from sitebuild.events.validate import SHAPE, validate
from sitebuild.problems import Failed, Problem
from sitebuild.yamlfile import MAX_BYTES, load, not_utf8, too_big

# Where the calendar files are served, relative to the site's address.
CALENDAR_PATH = "events/calendar/"


@dataclass(frozen=True)
class Output:
    """What the events give the site: page parts by name, calendar files by their path in the site, and warnings."""

    parts: dict[str, str]
    files: dict[str, bytes]
    warnings: list[Problem]


def london_today() -> date:
    """Today's date in London, which is the date events are compared against."""
    return datetime.now(LONDON).date()


def build(data: Path, shown: str, today: date, site_url: str, placeholders: bool) -> Output:
    """Checks the events file and makes everything from it; raises Failed with every problem.

    placeholders: also refuse the copy-me example's values (the site's own file; test fixtures use them)."""
    document = load(read(data, shown), shown, shape=SHAPE)
    problems = validate(document, today, placeholders)
    if any(problem.is_error for problem in problems):
        raise Failed(problems)
    events = events_from_data(document.data)
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    calendars = render_calendars(events, site_url, today)
    return Output(parts=render_fragments(events, today, site_url, f"{site_url}{CALENDAR_PATH}{FEED_NAME}"),
                  files={CALENDAR_PATH + name: content for name, content in calendars.items()},
                  warnings=problems)


def read(data: Path, shown: str) -> str:
    """The events file's text; raises Failed if it is missing, far too big, or not UTF-8."""
    try:
        size = data.stat().st_size
    except FileNotFoundError:
        raise Failed([Problem(shown, 1, 1, "the events file was not found at this path; check the path, or "
                                           "that the file has not been moved or renamed")]) from None
    if size > MAX_BYTES:
        raise Failed([Problem(shown, 1, 1, too_big("the events file", size))])
    raw = data.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column, perhaps = not_utf8(raw, error.start)
        raise Failed([Problem(shown, line, column, (
            f"the events file must be saved as UTF-8 text, but the character here{perhaps} is in another encoding; "
            "save the file as UTF-8 (in most editors: Save As, then choose UTF-8), or type the character again"))]) from None
