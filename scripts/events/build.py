"""One code path for the CLI and the MkDocs hook: load, validate, model, render, then write."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from events.calendar import FEED_NAME, render_calendars
from events import markup
from events.load import load
from events.model import events_from_data
from events.problems import EventsError, Problem
from events.render import render_fragments
from events.paths import DATA, OUT, london_today
from events.validate import validate
from events.write import write_all

# Where the feed is served, relative to the site URL.
CALENDAR_URL_PATH = "events/calendar/"
# A real events file holds a few hundred events at most, each well under 1,000 bytes: 1 MB is room for
# over a thousand. Anything bigger is a mistake (another file pasted or saved in its place), and is
# refused before it is read, so the check answers at once instead of parsing megabytes.
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class Outputs:
    """Where the generated files go."""

    fragments: Path
    calendars: Path

    @classmethod
    def under(cls, folder: Path) -> Outputs:
        """The standard layout under one folder."""
        return cls(fragments=folder / "generated", calendars=folder / "calendar")


@contextlib.contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Pauses Python's cycle collector, then restores it as it was.

    A build makes hundreds of thousands of objects that all live until it ends, and the collector
    kept re-scanning them (over a tenth of the time on 10,000 events). Peak memory stays the same,
    and any cycles made meanwhile are freed by the collector's next run.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def generate(text: str, today: date, site_url: str,
             placeholders: bool = False) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Page fragments and calendar files from the text; raises EventsError (placeholders: refuse the example's)."""
    with _cycle_collector_paused():
        return _generate(text, today, site_url, placeholders)


def _generate(text: str, today: date, site_url: str,
              placeholders: bool) -> tuple[dict[str, bytes], dict[str, bytes]]:
    document = load(text)
    problems = validate(document, today, placeholders)
    if problems:
        raise EventsError(problems)
    events = events_from_data(document.data)
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    feed_url = f"{site_url}{CALENDAR_URL_PATH}{FEED_NAME}"
    try:
        pages = render_fragments(events, today, site_url, feed_url)
        fragments = {name: html.encode("utf-8") for name, html in pages.items()}
        return fragments, render_calendars(events, site_url, today)
    finally:
        markup.forget()


def build_events(data: Path = DATA, out: Outputs | None = None, today: date | None = None,
                 site_url: str = "http://127.0.0.1:8000/", check: bool = False) -> list[Path]:
    """Checks the events file and (unless check) writes what changed; raises EventsError, writing nothing."""
    # Only the site's own data/events.yml is refused the example's placeholders: the fixtures use them.
    out = out or Outputs.under(OUT)
    fragments, calendars = generate(read(data), today or london_today(), site_url,
                                    placeholders=is_site_data(data))
    if check:
        return []
    files = {out.fragments / name: content for name, content in fragments.items()}
    files.update({out.calendars / name: content for name, content in calendars.items()})
    return write_all(files, {out.calendars: "*.ics"})


def is_site_data(data: Path) -> bool:
    """Whether this is the site's own events file, the one that is published."""
    return data.resolve() == DATA.resolve()


def read(data: Path) -> str:
    """The events file's text; raises EventsError if it is missing, far too big, or not UTF-8."""
    try:
        size = data.stat().st_size
    except FileNotFoundError:
        raise EventsError([Problem(1, 1, "the events file was not found at this path; "
                                         "check the path given with --data")]) from None
    if size > MAX_BYTES:
        raise EventsError([Problem(1, 1, (
            f"the events file is {size:,} bytes, more than the {MAX_BYTES:,} (1 MB) a real events file needs, "
            "so it was not read; check that nothing else was pasted or saved into it"))])
    raw = data.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EventsError([not_utf8(raw, error.start)]) from None


def not_utf8(raw: bytes, start: int) -> Problem:
    """Where the first byte that is not UTF-8 is, and how to fix the file."""
    line_start = raw.rfind(b"\n", 0, start) + 1
    line = raw.count(b"\n", 0, start) + 1
    column = len(raw[line_start:start].decode("utf-8", errors="replace")) + 1
    # Files saved in another encoding here are nearly always Windows' own: say which letter it meant.
    guess = raw[start:start + 1].decode("cp1252", errors="replace")
    perhaps = f" (perhaps {guess!r})" if guess.isprintable() and guess != "\ufffd" else ""
    return Problem(line, column, (
        f"the events file must be saved as UTF-8 text, but the character here{perhaps} is in another encoding; "
        "save the file as UTF-8 (in most editors: Save As, then choose UTF-8), or type the character again"))
