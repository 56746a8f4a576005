"""Calendar files: one .ics per event that has its times, and one feed of all of them.

Every VEVENT has a UID made from the event's id (so it never changes from build to build), a
DTSTAMP from the build date rather than the clock (so two builds of the same data on the same
date give identical bytes), and DTSTART/DTEND in Europe/London backed by a VTIMEZONE.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

import icalendar
from icalendar.parser import Contentline

from events.jsonld import ORGANIZER, event_page_url
from events.markup import plain_text
from events.model import Event

PRODID = f"-//{ORGANIZER}//Events//EN"
FEED_NAME = "all-events.ics"
CALENDAR_NAME = "Women's safety events in Hackney and Tower Hamlets"

# The calendar has no "postponed" status: a postponed event will not happen at that time, so
# calendars show it as cancelled, with "Postponed" in its title.
_STATUS = {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED", "moved online": "CONFIRMED",
           "cancelled": "CANCELLED", "postponed": "CANCELLED"}
# Octets in a folded line, before its CRLF: icalendar keeps lines under 75.
_FOLD_AT = 74
_TITLE_PREFIX = {"cancelled": "Cancelled: ", "postponed": "Postponed: ", "moved online": "Online: "}


def uid(event: Event, site_url: str) -> str:
    """Unique and stable: the event's id at the site's host name."""
    return f"{event.id}@{urlsplit(site_url).hostname or 'localhost'}"


def _vevent(event: Event, site_url: str, stamp: datetime) -> icalendar.Event:
    venue = event.venue
    where = ", ".join(part for part in (venue.name, venue.address, venue.postcode) if part)
    details = [plain_text(event.description), f"Who it is for: {event.audience}"]
    if event.status_note:
        details.insert(0, event.status_note)
    if event.access:
        details.append(f"Access: {event.access}")
    details.append(f"Details and updates: {event_page_url(event, site_url)}")
    vevent = icalendar.Event()
    vevent.add("uid", uid(event, site_url))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end)
    vevent.add("summary", _TITLE_PREFIX.get(event.status, "") + event.title)
    vevent.add("location", event.online_link if event.status == "moved online" else where)
    vevent.add("description", "\n\n".join(details))
    vevent.add("url", event_page_url(event, site_url))
    vevent.add("status", _STATUS[event.status])
    return vevent


def _folded(line: Contentline) -> bytes:
    """One content line folded exactly as icalendar folds it, with a quick way for ASCII lines.

    icalendar folds character by character, which was most of the time spent on calendars. For
    ASCII every character is one octet, so lines are cut every 74 characters, except that a cut is
    moved one character earlier rather than leave a \\ or ^ escape at the end of a line (as icalendar does).
    """
    if not line.isascii():
        return line.to_ical()
    pieces = []
    start = 0
    while len(line) - start > _FOLD_AT:
        end = start + _FOLD_AT
        if line[end - 1] in "\\^":
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return "\r\n ".join(pieces).encode("ascii")


def vevent_bytes(vevent: icalendar.Event) -> bytes:
    """The same bytes as vevent.to_ical(), folded the quicker way."""
    return b"\r\n".join(_folded(line) for line in vevent.content_lines() if line) + b"\r\n"


def _calendar_parts(events: list[Event], name: str | None) -> tuple[bytes, bytes]:
    """The bytes before and after the VEVENTs: properties and the Europe/London VTIMEZONE."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    if events:
        # Only the transitions these events need, so the VTIMEZONE is small and the same every build.
        probe = icalendar.Event()
        probe.add("dtstart", events[0].start)
        calendar.add_component(probe)
        first = min(event.date for event in events) - timedelta(days=366)
        last = max(event.date for event in events) + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
        calendar.subcomponents.remove(probe)
    head, tail = calendar.to_ical().rsplit(b"END:VCALENDAR\r\n", 1)
    return head, b"END:VCALENDAR\r\n" + tail


def render_calendars(events: tuple[Event, ...], site_url: str, today: date) -> dict[str, bytes]:
    """Each event's .ics by file name, plus the feed of all events.

    Each VEVENT is made and folded by icalendar once, then shared by its own file and the feed.
    """
    stamp = datetime(today.year, today.month, today.day, tzinfo=timezone.utc)
    timed = sorted((event for event in events if event.start), key=lambda e: (e.start, e.id))
    vevents = [vevent_bytes(_vevent(event, site_url, stamp)) for event in timed]
    head, tail = _calendar_parts(timed, None)
    files = {f"{event.id}.ics": head + vevent + tail for event, vevent in zip(timed, vevents)}
    feed_head, feed_tail = _calendar_parts(timed, CALENDAR_NAME)
    files[FEED_NAME] = feed_head + b"".join(vevents) + feed_tail
    return files
