"""A valid events file as the model (frozen dataclasses), and everything the site makes of it.

- The page parts for the events page and the home page, from the Jinja templates in templates/. Python only
  prepares plain values; all HTML lives in the templates, where autoescaping keeps event text from becoming markup.
- Each description's Markdown as safe HTML: paragraphs, lists, links and emphasis only.
- One schema.org Event per upcoming event, as JSON that cannot end its <script> element early.
- Calendar files: one .ics per event that has its times, and one feed of all of them. Every VEVENT has a UID from
  the event's id (the same in every build), a DTSTAMP from the build date rather than the clock (the same data on
  the same date gives identical bytes), DTSTART/DTEND in Europe/London backed by a VTIMEZONE, and a SEQUENCE.

Calendar apps take a changed entry only if its SEQUENCE is higher. The build keeps no history of the events file,
and a number officers must remember to raise is the change that gets forgotten, so SEQUENCE comes from the build
date: the days since 1 January 2020, times 4, plus a rank that rises as an event is called off. Every build
outranks every build of an earlier day, and a cancellation published on the day the event was added still
outranks the first version.
"""

from __future__ import annotations

import functools
import html
import json
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote, urlsplit

import icalendar
import markdown
import markupsafe
from markdown.treeprocessors import Treeprocessor

from sitebuild.config import clock, templates, weekday_day_month_year
from sitebuild.events.fields import ALLOWED_SCHEMES, LONDON

TEMPLATES = Path(__file__).resolve().parent / "templates"
# How many upcoming events the home page shows before pointing to the events page.
HOME_LIMIT = 3
ORGANIZER = "Hackney and Tower Hamlets police youth engagement team"
PRODID = f"-//{ORGANIZER}//Events//EN"
FEED_NAME = "all-events.ics"
# The name calendar apps show for the subscribed feed. Neutral on purpose: someone at risk may share
# a calendar, or have one that others can see, and "women's safety" there could put her in danger.
CALENDAR_NAME = "Community events, Hackney and Tower Hamlets"

_STATUS_LABELS = {"scheduled": "Going ahead", "cancelled": "Cancelled", "postponed": "Postponed",
                  "rescheduled": "Rescheduled", "moved online": "Moved online"}
# The calendar has no "postponed" status: a postponed event will not happen at that time, so
# calendars show it as cancelled, with "Postponed" in its title.
_STATUS = {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED", "moved online": "CONFIRMED",
           "cancelled": "CANCELLED", "postponed": "CANCELLED"}
_TITLE_PREFIX = {"cancelled": "Cancelled: ", "postponed": "Postponed: ", "moved online": "Online: "}
_SEQUENCE_FROM = date(2020, 1, 1)
_SEQUENCE_RANK = {"scheduled": 0, "rescheduled": 1, "moved online": 1, "postponed": 2, "cancelled": 3}


# -- The model ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Contact:
    """Ways to book or get in touch: any of a link, a phone number and an email address."""

    link: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Venue:
    """Where an event happens; address and postcode are None only when never recorded."""

    name: str
    borough: str
    address: str | None = None
    postcode: str | None = None
    latitude: str | None = None
    longitude: str | None = None


@dataclass(frozen=True)
class Event:
    """One event. start and end are None only for a past event whose times were never recorded."""

    id: str
    title: str
    date: date
    start: datetime | None
    end: datetime | None
    venue: Venue
    audience: str
    description: str
    status: str
    booking_needed: bool | None = None
    booking: Contact | None = None
    cost: str | None = None
    access: str | None = None
    status_note: str | None = None
    online_link: str | None = None
    languages: str | None = None
    childcare: str | None = None
    refreshments: str | None = None
    contact: Contact | None = None
    not_recorded: frozenset[str] = frozenset()
    previous_date: date | None = None  # a rescheduled event's old date

    def is_upcoming(self, today: date) -> bool:
        """Upcoming means on or after the build date; the page's script hides it once it has ended."""
        return self.date >= today


def event_page(event: Event, site_url: str) -> str:
    """The event's place on the events page."""
    return f"{site_url.rstrip('/')}/events/#{event.id}"


def _london_time(day: date, wall_clock: str) -> datetime:
    """A validated HH:MM on a day, in London time (validation has ruled out clock-change gaps and repeats)."""
    return datetime.combine(day, time.fromisoformat(wall_clock), tzinfo=LONDON)


def _contact(data: Any) -> Contact | None:
    return Contact(link=data.get("link"), phone=data.get("phone"), email=data.get("email")) if isinstance(data, dict) else None


def events_from_data(data: dict[str, Any]) -> tuple[Event, ...]:
    """Every event in the validated file, in file order."""
    return tuple(_event(item) for item in data["events"])


def _event(data: dict[str, Any]) -> Event:
    day = date.fromisoformat(data["date"])
    venue = data["venue"]
    booking = data.get("booking")
    return Event(
        id=data["id"], title=data["title"], date=day,
        start=_london_time(day, data["start"]) if "start" in data else None,
        end=_london_time(day, data["end"]) if "end" in data else None,
        venue=Venue(name=venue["name"], borough=venue["borough"], address=venue.get("address"),
                    postcode=venue.get("postcode"), latitude=venue.get("latitude"), longitude=venue.get("longitude")),
        audience=data["audience"], description=data["description"].strip(), status=data["status"],
        booking_needed=None if booking is None else booking != "not needed", booking=_contact(booking),
        cost=data.get("cost"), access=data.get("access"), status_note=data.get("status_note"),
        online_link=data.get("online_link"), languages=data.get("languages"), childcare=data.get("childcare"),
        refreshments=data.get("refreshments"), contact=_contact(data.get("contact")),
        not_recorded=frozenset(data.get("not_recorded", ())),
        previous_date=date.fromisoformat(data["previous_date"]) if "previous_date" in data else None,
    )


# -- Descriptions: Markdown as safe HTML -------------------------------------------------------------

# Python-Markdown parts that would let a description add headings, quotes, code, images, rules,
# line breaks or raw HTML. Without them that text stays ordinary, escaped text.
_BLOCK_PROCESSORS_OFF = ("code", "hashheader", "setextheader", "hr", "quote", "reference")
_INLINE_PATTERNS_OFF = ("backtick", "reference", "image_link", "image_reference", "short_reference",
                        "short_image_ref", "autolink", "automail", "linebreak", "html", "entity")


class _SafeLinks(Treeprocessor):
    """Keeps https:, mailto: and tel: links (opening nothing new); other links become plain text."""

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            link.attrib.clear()
            if href.lower().startswith(ALLOWED_SCHEMES):
                link.set("href", href)
            else:
                link.tag = "span"


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")
    for name in _BLOCK_PROCESSORS_OFF:
        md.parser.blockprocessors.deregister(name)
    for name in _INLINE_PATTERNS_OFF:
        md.inlinePatterns.deregister(name)
    md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)
    return md


_MD = _markdown()


def description_html(text: str) -> str:
    """The description as HTML on one line, so no line of it can be read as Markdown or a snippet."""
    _MD.reset()
    # Raw HTML never reaches the parser: it is escaped first, and the parser's HTML handling is off.
    converted = _MD.convert(text.replace("<", "&lt;").replace(">", "&gt;"))
    return converted.replace("\n", " ")


def plain_text(text: str) -> str:
    """The description without Markdown or HTML, for calendar files and structured data."""
    without_tags = re.sub(r"<[^>]*>", " ", description_html(text).replace("</p>", "\n\n").replace("</li>", "\n"))
    lines = (" ".join(line.split()) for line in html.unescape(without_tags).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# -- The page parts ----------------------------------------------------------------------------------

def one_line(text: str | None) -> str | None:
    """Text on one line with single spaces: a line break in the data could start a Markdown block or snippet."""
    return " ".join(text.split()) if text else text


@functools.lru_cache(maxsize=1)
def environment():
    """HTML templates, autoescaped, so no text from the events file can become markup."""
    # The `article` filter puts one rendered event on a single line, so no line inside it can be read as Markdown.
    env = templates(TEMPLATES, autoescape=True)
    env.filters["article"] = lambda rendered: markupsafe.Markup(" ".join(str.split(rendered)))
    return env


def map_link(venue: Venue) -> str | None:
    """An openstreetmap.org link: a pin if coordinates are given, otherwise a postcode search."""
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
    # Phone links in international form: tel:+44 and the number without its first 0.
    digits = (details.phone or "").replace(" ", "")
    phone_link = "tel:" + ("+44" + digits[1:] if digits.startswith("0") else digits)
    ways = [("link", details.link, details.link), ("phone", phone_link, details.phone),
            ("email", f"mailto:{details.email}", details.email)]
    return [(kind, one_line(href), one_line(text)) for kind, href, text in ways if text]


def _view(event: Event, calendar_base: str) -> SimpleNamespace:
    """What the templates show for one event: plain values, each on one line."""
    venue = event.venue
    place = ", ".join(one_line(part) for part in (venue.name, venue.address, venue.postcode) if part)
    return SimpleNamespace(
        id=event.id,
        title=one_line(event.title),
        date=weekday_day_month_year(event.date),
        date_iso=event.date.isoformat(),
        previous_date=weekday_day_month_year(event.previous_date) if event.previous_date else None,
        times=f"{clock(event.start)} to {clock(event.end)}" if event.start and event.end else None,
        start_iso=event.start.isoformat() if event.start else None,
        end_utc=event.end.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if event.end else None,
        place=f"{place} ({one_line(venue.borough)})",  # like Example Hall, 1 Example Road, E8 1AA (Hackney)
        venue_name=one_line(venue.name),
        map=map_link(venue),
        map_label=one_line(venue.postcode or venue.name),
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


def render_fragments(events: tuple[Event, ...], today: date, site_url: str, feed_url: str) -> dict[str, str]:
    """Every page fragment, by file name: events page parts and the home page list."""
    upcoming = sorted((e for e in events if e.is_upcoming(today)), key=lambda e: (e.start or e.date, e.id))
    past = sorted((e for e in events if not e.is_upcoming(today)),
                  key=lambda e: (e.date, e.start.time() if e.start else time.min, e.id), reverse=True)
    env = environment()
    # One line each, like every other printed value (JSON escapes line breaks; this also evens out spaces).
    json_ld = [one_line(script_json(event_json_ld(event, site_url))) for event in upcoming]
    feed_url = one_line(feed_url)
    return {
        "upcoming.html": env.get_template("upcoming.html").render(
            events=[_view(event, "calendar/") for event in upcoming], json_ld=json_ld,
            script="../assets/javascripts/events.js", feed_anchor="#get-new-events-in-your-calendar"),
        "archive.html": env.get_template("archive.html").render(events=[_view(event, "calendar/") for event in past]),
        "feed.html": env.get_template("feed.html").render(
            feed_url=feed_url, webcal_url="webcal://" + feed_url.split("://", 1)[1],
            timed_events=sum(1 for event in events if event.start)),
        "home.html": env.get_template("home.html").render(
            events=[_view(event, "events/calendar/") for event in upcoming[:HOME_LIMIT]],
            more=len(upcoming) > HOME_LIMIT, script="assets/javascripts/events.js", events_page="events/"),
    }


# -- Structured data (schema.org) --------------------------------------------------------------------

def event_json_ld(event: Event, site_url: str) -> dict[str, Any]:
    """The schema.org Event for an upcoming event (which always has its times, venue and cost)."""
    venue = event.venue
    place: dict[str, Any] = {
        "@type": "Place",
        "name": venue.name,
        "address": {"@type": "PostalAddress", "streetAddress": venue.address, "addressLocality": "London",
                    "addressRegion": venue.borough, "postalCode": venue.postcode, "addressCountry": "GB"},
    }
    if venue.latitude and venue.longitude:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": venue.latitude, "longitude": venue.longitude}
    online = event.status == "moved online"
    page = event_page(event, site_url)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": page,
        "name": event.title,
        "url": page,
        "startDate": event.start.isoformat() if event.start else event.date.isoformat(),
        "endDate": event.end.isoformat() if event.end else event.date.isoformat(),
        # schema.org's names for the statuses: EventScheduled, EventCancelled, ... EventMovedOnline.
        "eventStatus": "https://schema.org/Event" + event.status.title().replace(" ", ""),
        "eventAttendanceMode": "https://schema.org/"
                               + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
        "location": {"@type": "VirtualPlace", "url": event.online_link} if online else place,
        "description": plain_text(event.description),
        "audience": {"@type": "PeopleAudience", "audienceType": event.audience},
        "organizer": {"@type": "Organization", "name": ORGANIZER, "url": site_url},
    }
    if event.previous_date:
        data["previousStartDate"] = event.previous_date.isoformat()
    if event.cost:
        booking = event.booking.link if event.booking and event.booking.link else ""
        data["isAccessibleForFree"] = event.cost == "free"
        data["offers"] = {"@type": "Offer", "price": "0" if event.cost == "free" else event.cost.lstrip("£"),
                          "priceCurrency": "GBP", "url": booking if booking.startswith("https://") else page}
    return data


def script_json(data: dict[str, Any]) -> str:
    """JSON for inside <script type="application/ld+json">: <, > and & escaped so text can never close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# -- Calendar files ----------------------------------------------------------------------------------

def _vevent(event: Event, site_url: str, stamp: datetime) -> icalendar.Event:
    """The calendar entry for one event that has its times."""
    venue = event.venue
    page = event_page(event, site_url)
    # The notes: status note, description, who it is for, access and the page link.
    details = [plain_text(event.description), f"Who it is for: {event.audience}"]
    if event.status_note:
        details.insert(0, event.status_note)
    if event.previous_date:
        details.insert(0, f"Moved from {weekday_day_month_year(event.previous_date)}.")
    if event.access:
        details.append(f"Access: {event.access}")
    details.append(f"Details and updates: {page}")
    vevent = icalendar.Event()
    # Unique and stable: the event's id at the site's host name.
    vevent.add("uid", f"{event.id}@{urlsplit(site_url).hostname or 'localhost'}")
    vevent.add("dtstamp", stamp)
    # Higher on each later build date, and higher again once the event is called off.
    vevent.add("sequence", (stamp.date() - _SEQUENCE_FROM).days * 4 + _SEQUENCE_RANK[event.status])
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end)
    vevent.add("summary", _TITLE_PREFIX.get(event.status, "") + event.title)
    vevent.add("location", event.online_link if event.status == "moved online" else
               ", ".join(part for part in (venue.name, venue.address, venue.postcode) if part))
    vevent.add("description", "\n\n".join(details))
    vevent.add("url", page)
    vevent.add("status", _STATUS[event.status])
    return vevent


def _calendar(events: list[Event], site_url: str, stamp: datetime, name: str | None) -> bytes:
    """A calendar of these events (in order), with the Europe/London VTIMEZONE they need."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    for event in events:
        calendar.add_component(_vevent(event, site_url, stamp))
    if events:
        # Only the transitions these events need, so the VTIMEZONE is small and the same every build.
        first = min(event.date for event in events) - timedelta(days=366)
        last = max(event.date for event in events) + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def render_calendars(events: tuple[Event, ...], site_url: str, today: date) -> dict[str, bytes]:
    """Each event's .ics by file name, plus the feed of all events."""
    stamp = datetime(today.year, today.month, today.day, tzinfo=timezone.utc)
    timed = sorted((event for event in events if event.start), key=lambda e: (e.start, e.id))
    files = {f"{event.id}.ics": _calendar([event], site_url, stamp, None) for event in timed}
    files[FEED_NAME] = _calendar(timed, site_url, stamp, CALENDAR_NAME)
    return files
