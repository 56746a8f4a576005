"""The events step: data/events.yml -> the events page parts, calendar files and structured data.

load (sitebuild.yamlfile, every value with its position) -> validate (validate.py: the schema,
then the rules a schema cannot express) -> model (model.py: frozen dataclasses) -> render
(render.py: page parts from templates/, calendar.py: .ics files, jsonld.py: schema.org).
Nothing is written here: the pipeline puts the parts where pages include them and the calendar
files into the built site.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sitebuild.events.calendar import FEED_NAME, render_calendars
from sitebuild.events.model import LONDON, events_from_data
from sitebuild.events.render import render_fragments
from sitebuild.events.validate import SHAPE, validate
from sitebuild.problems import Failed, Problem
from sitebuild.yamlfile import load

# Where the calendar files are served, relative to the site's address.
CALENDAR_PATH = "events/calendar/"
# A real events file holds a few hundred events at most, each well under 1,000 bytes: 1 MB is room for
# over a thousand. Anything bigger is a mistake (another file pasted or saved in its place), and is
# refused before it is read, so the check answers at once instead of parsing megabytes.
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class Output:
    """What the events give the site: page parts by name, calendar files by their path in the site,
    and any warnings (advice that does not stop the build)."""

    parts: dict[str, str]
    files: dict[str, bytes]
    warnings: list[Problem]


def london_today() -> date:
    """Today's date in London, which is the date events are compared against."""
    return datetime.now(LONDON).date()


def build(data: Path, shown: str, today: date, site_url: str, placeholders: bool) -> Output:
    """Checks the events file and makes everything from it; raises Failed with every problem.

    placeholders: also refuse the copy-me example's values (the site's own file; test fixtures use them).
    """
    document = load(read(data, shown), shown, shape=SHAPE)
    problems = validate(document, today, placeholders)
    if any(problem.is_error for problem in problems):
        raise Failed(problems)
    events = events_from_data(document.data)
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    feed_url = f"{site_url}{CALENDAR_PATH}{FEED_NAME}"
    calendars = render_calendars(events, site_url, today)
    return Output(parts=render_fragments(events, today, site_url, feed_url),
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
        raise Failed([Problem(shown, 1, 1, (
            f"the events file is {size:,} bytes, more than the {MAX_BYTES:,} (1 MB) a real events file needs, "
            "so it was not read; check that nothing else was pasted or saved into it"))])
    raw = data.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Failed([_not_utf8(shown, raw, error.start)]) from None


def _not_utf8(shown: str, raw: bytes, start: int) -> Problem:
    """Where the first byte that is not UTF-8 is, and how to fix the file."""
    line_start = raw.rfind(b"\n", 0, start) + 1
    line = raw.count(b"\n", 0, start) + 1
    column = len(raw[line_start:start].decode("utf-8", errors="replace")) + 1
    # Files saved in another encoding here are nearly always Windows' own: say which letter it meant.
    guess = raw[start:start + 1].decode("cp1252", errors="replace")
    perhaps = f" (perhaps {guess!r})" if guess.isprintable() and guess != "\ufffd" else ""
    return Problem(shown, line, column, (
        f"the events file must be saved as UTF-8 text, but the character here{perhaps} is in another encoding; "
        "save the file as UTF-8 (in most editors: Save As, then choose UTF-8), or type the character again"))
