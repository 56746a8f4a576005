"""The page fragments for the events page and the home page, from Jinja templates in overrides/events/.

Python only prepares plain values (display text, links); all HTML lives in the templates, where
autoescaping keeps any text from the events file from becoming markup.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
import markupsafe

from events.jsonld import event_json_ld, script_json
from events.markup import description_html
from events.model import Event

TEMPLATES = Path(__file__).resolve().parents[2] / "overrides" / "events"
# How many upcoming events the home page shows before pointing to the events page.
HOME_LIMIT = 3

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def _one_line(value: Any) -> Any:
    """Every printed value on one line: a line break in the data could start a Markdown block or snippet."""
    if isinstance(value, str):
        # str.split, not Markup.split, which makes a Markup of every word: the same text, much faster.
        collapsed = " ".join(str.split(value))
        return markupsafe.Markup(collapsed) if isinstance(value, markupsafe.Markup) else collapsed
    return value


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Templates with autoescaping always on, values kept to one line, undefined names failing loudly."""
    return jinja2.Environment(
        finalize=_one_line,
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def long_date(day: date) -> str:
    """Like Sunday 14 March 2027 (not locale-dependent)."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def clock(moment: datetime) -> str:
    """Like 6:30pm, 6pm, midday or midnight, the GOV.UK way."""
    if moment.hour == 12 and moment.minute == 0:
        return "midday"
    if moment.hour == 0 and moment.minute == 0:
        return "midnight"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def map_link(event: Event) -> str | None:
    """An openstreetmap.org link: a pin if coordinates are given, otherwise a postcode search."""
    venue = event.venue
    if venue.latitude and venue.longitude:
        return (f"https://www.openstreetmap.org/?mlat={venue.latitude}&mlon={venue.longitude}"
                f"#map=17/{venue.latitude}/{venue.longitude}")
    if venue.postcode:
        return f"https://www.openstreetmap.org/search?query={quote(venue.postcode)}"
    return None


def _view(event: Event, calendar_base: str) -> dict[str, Any]:
    """What the templates show for one event, as plain values."""
    return {
        "id": event.id,
        "title": event.title,
        "date": long_date(event.date),
        "date_iso": event.date.isoformat(),
        "times": f"{clock(event.start)} to {clock(event.end)}" if event.start and event.end else None,
        "start_iso": event.start.isoformat() if event.start else None,
        "end_utc": event.end_utc.strftime("%Y-%m-%dT%H:%M:%SZ") if event.end_utc else None,
        "venue": event.venue,
        "map": map_link(event),
        "audience": event.audience,
        "description": description_html(event.description),
        "status": event.status,
        "status_note": event.status_note,
        "online_link": event.online_link,
        "booking_needed": event.booking_needed,
        "booking": event.booking,
        "cost": "Free" if event.cost == "free" else event.cost,
        "access": event.access,
        "languages": event.languages,
        "childcare": event.childcare,
        "refreshments": event.refreshments,
        "contact": event.contact,
        "not_recorded": event.not_recorded,
        "ics": f"{calendar_base}{event.id}.ics" if event.start else None,
    }


def split(events: tuple[Event, ...], today: date) -> tuple[list[Event], list[Event]]:
    """Upcoming events soonest first, and past events newest first."""
    upcoming = sorted((e for e in events if e.is_upcoming(today)), key=lambda e: (e.start or e.date, e.id))
    past = sorted((e for e in events if not e.is_upcoming(today)),
                  key=lambda e: (e.date, e.start.time() if e.start else time.min, e.id), reverse=True)
    return upcoming, past


def render_fragments(events: tuple[Event, ...], today: date, site_url: str, feed_url: str) -> dict[str, str]:
    """Every page fragment, by file name: events page parts and the home page list."""
    upcoming, past = split(events, today)
    env = environment()
    page_views = [_view(event, "calendar/") for event in upcoming]
    json_ld = [script_json(event_json_ld(event, site_url)) for event in upcoming]
    webcal_url = "webcal://" + feed_url.split("://", 1)[1]
    return {
        "upcoming.html": env.get_template("upcoming.html").render(
            events=page_views, json_ld=json_ld, script="../assets/javascripts/events.js",
            feed_anchor="#get-new-events-in-your-calendar"),
        "archive.html": env.get_template("archive.html").render(
            events=[_view(event, "calendar/") for event in past]),
        "feed.html": env.get_template("feed.html").render(feed_url=feed_url, webcal_url=webcal_url),
        "home.html": env.get_template("home.html").render(
            events=[_view(event, "events/calendar/") for event in upcoming[:HOME_LIMIT]],
            more=len(upcoming) > HOME_LIMIT, script="assets/javascripts/events.js", events_page="events/"),
    }
