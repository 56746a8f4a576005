"""The page fragments for the events page and the home page, from Jinja templates in overrides/events/.

Python only prepares plain values (display text, links); all HTML lives in the templates, where
autoescaping keeps any text from the events file from becoming markup.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import jinja2
import markupsafe

from sitebuild.writing import templates, weekday_day_month_year
from sitebuild.events.jsonld import event_json_ld, script_json
from sitebuild.events.markup import description_html
from sitebuild.events.model import Contact, Event, Venue

TEMPLATES = Path(__file__).resolve().parent / "templates"
# How many upcoming events the home page shows before pointing to the events page.
HOME_LIMIT = 3

_STATUS_LABELS = {"scheduled": "Going ahead", "cancelled": "Cancelled", "postponed": "Postponed",
                  "rescheduled": "Rescheduled", "moved online": "Moved online"}


def one_line(text: str | None) -> str | None:
    """Text on one line with single spaces: a line break in the data could start a Markdown block or snippet."""
    if not text:
        return text
    return " ".join(text.split())


def _article(html: markupsafe.Markup) -> markupsafe.Markup:
    """One rendered event on a single line, so no line inside it can be read as Markdown or a snippet."""
    return markupsafe.Markup(" ".join(str.split(html)))


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """HTML templates, autoescaped, so no text from the events file can become markup."""
    env = templates(TEMPLATES, autoescape=True)
    env.filters["article"] = _article
    return env


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


def _links(details: Contact | None) -> list[tuple[str, str, str]] | None:
    """A contact's ways to get in touch as (kind, href, text), in the order the page lists them."""
    if details is None:
        return None
    links = []
    if details.link:
        links.append(("link", one_line(details.link), one_line(details.link)))
    if details.phone:
        links.append(("phone", one_line(details.phone_link), one_line(details.phone)))
    if details.email:
        links.append(("email", one_line("mailto:" + details.email), one_line(details.email)))
    return links


def _place(venue: Venue) -> str:
    """Like Example Hall, 1 Example Road, E8 1AA (Hackney)."""
    parts = [one_line(venue.name)]
    parts.extend(one_line(part) for part in (venue.address, venue.postcode) if part)
    return f"{', '.join(parts)} ({one_line(venue.borough)})"


def _view(event: Event, calendar_base: str) -> SimpleNamespace:
    """What the templates show for one event: plain values, each on one line."""
    return SimpleNamespace(
        id=event.id,
        title=one_line(event.title),
        date=weekday_day_month_year(event.date),
        date_iso=event.date.isoformat(),
        previous_date=weekday_day_month_year(event.previous_date) if event.previous_date else None,
        times=f"{clock(event.start)} to {clock(event.end)}" if event.start and event.end else None,
        start_iso=event.start.isoformat() if event.start else None,
        end_utc=event.end_utc.strftime("%Y-%m-%dT%H:%M:%SZ") if event.end_utc else None,
        place=_place(event.venue),
        venue_name=one_line(event.venue.name),
        map=map_link(event),
        map_label=one_line(event.venue.postcode or event.venue.name),
        audience=one_line(event.audience),
        description=one_line(description_html(event.description)),
        status=event.status,
        status_label=_STATUS_LABELS[event.status],
        status_note=one_line(event.status_note),
        online_link=one_line(event.online_link),
        booking_needed=event.booking_needed,
        booking=_links(event.booking),
        cost="Free" if event.cost == "free" else one_line(event.cost),
        access=one_line(event.access),
        languages=one_line(event.languages),
        childcare=one_line(event.childcare),
        refreshments=one_line(event.refreshments),
        contact=_links(event.contact),
        ics=f"{calendar_base}{event.id}.ics" if event.start else None,
    )


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
    # One line each, like every other printed value (JSON escapes line breaks; this also evens out spaces).
    json_ld = [one_line(script_json(event_json_ld(event, site_url))) for event in upcoming]
    feed_url = one_line(feed_url)
    webcal_url = "webcal://" + feed_url.split("://", 1)[1]
    return {
        "upcoming.html": env.get_template("upcoming.html").render(
            events=page_views, json_ld=json_ld, script="../assets/javascripts/events.js",
            feed_anchor="#get-new-events-in-your-calendar"),
        "archive.html": env.get_template("archive.html").render(
            events=[_view(event, "calendar/") for event in past]),
        "feed.html": env.get_template("feed.html").render(
            feed_url=feed_url, webcal_url=webcal_url, timed_events=sum(1 for event in events if event.start)),
        "home.html": env.get_template("home.html").render(
            events=[_view(event, "events/calendar/") for event in upcoming[:HOME_LIMIT]],
            more=len(upcoming) > HOME_LIMIT, script="assets/javascripts/events.js", events_page="events/"),
    }
