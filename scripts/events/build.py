"""One code path for the CLI and the MkDocs hook: load, validate, model, render, then write."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from events.calendar import FEED_NAME, render_calendars
from events import markup
from events.load import load
from events.model import LONDON, events_from_data
from events.problems import EventsError, Problem
from events.render import render_fragments
from events.validate import validate
from events.write import write_all

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data" / "events.yml"
# Everything generated lives under docs/events/ and is gitignored: page fragments (kept out of
# the built pages by exclude_docs in mkdocs.yml) and calendar files (served at /events/calendar/).
OUT = REPO / "docs" / "events"
# Where the feed is served, relative to the site URL.
CALENDAR_URL_PATH = "events/calendar/"


def london_today() -> date:
    """Today's date in London, which is the date events are compared against."""
    return datetime.now(LONDON).date()


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


def generate(text: str, today: date, site_url: str) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Page fragments and calendar files from the events file's text; raises EventsError."""
    with _cycle_collector_paused():
        return _generate(text, today, site_url)


def _generate(text: str, today: date, site_url: str) -> tuple[dict[str, bytes], dict[str, bytes]]:
    document = load(text)
    problems = validate(document, today)
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
    out = out or Outputs.under(OUT)
    try:
        text = data.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EventsError([Problem(1, 1, "the events file was not found at this path; check the path given with --data")]) from None
    except UnicodeDecodeError as error:
        raise EventsError([Problem(1, 1, f"the events file must be saved as UTF-8 text; found a byte it cannot read ({error.reason})")]) from None
    fragments, calendars = generate(text, today or london_today(), site_url)
    if check:
        return []
    files = {out.fragments / name: content for name, content in fragments.items()}
    files.update({out.calendars / name: content for name, content in calendars.items()})
    return write_all(files, {out.calendars: "*.ics"})
