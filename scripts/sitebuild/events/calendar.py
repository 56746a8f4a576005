"""Calendar files: one .ics per event that has its times, and one feed of all of them.

Every VEVENT has a UID made from the event's id (so it never changes from build to build), a
DTSTAMP from the build date rather than the clock (so two builds of the same data on the same
date give identical bytes), DTSTART/DTEND in Europe/London backed by a VTIMEZONE, and a SEQUENCE.

Calendar apps take a changed entry for an event they hold only if its SEQUENCE is higher. The
build keeps no history of the events file, and a number officers must remember to raise is the
change that gets forgotten, so SEQUENCE comes from the build date: the days since 1 January 2020,
times 4, plus a rank that rises as an event is called off. Every build outranks every build of an
earlier day, whatever changed, and a cancellation published on the day the event was added still
outranks the first version. The same data on the same date gives the same number.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

import icalendar

from sitebuild.events.jsonld import ORGANIZER, event_page_url
from sitebuild.events.markup import plain_text
from sitebuild.events.model import Event
from sitebuild.writing import weekday_day_month_year

PRODID = f"-//{ORGANIZER}//Events//EN"
FEED_NAME = "all-events.ics"
# The name calendar apps show for the subscribed feed. Neutral on purpose: someone at risk may share
# a calendar, or have one that others can see, and "women's safety" there could put her in danger.
CALENDAR_NAME = "Community events, Hackney and Tower Hamlets"

# The calendar has no "postponed" status: a postponed event will not happen at that time, so
# calendars show it as cancelled, with "Postponed" in its title.
_STATUS = {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED", "moved online": "CONFIRMED",
           "cancelled": "CANCELLED", "postponed": "CANCELLED"}
_TITLE_PREFIX = {"cancelled": "Cancelled: ", "postponed": "Postponed: ", "moved online": "Online: "}
_SEQUENCE_FROM = date(2020, 1, 1)
_SEQUENCE_RANK = {"scheduled": 0, "rescheduled": 1, "moved online": 1, "postponed": 2, "cancelled": 3}


def sequence(event: Event, today: date) -> int:
    """The entry's SEQUENCE: higher on each later build date, and higher again once the event is called off."""
    return (today - _SEQUENCE_FROM).days * 4 + _SEQUENCE_RANK[event.status]


def uid(event: Event, site_url: str) -> str:
    """Unique and stable: the event's id at the site's host name."""
    return f"{event.id}@{urlsplit(site_url).hostname or 'localhost'}"


def _details(event: Event, site_url: str) -> str:
    """The calendar entry's notes: status note, description, who it is for, access and the page link."""
    details = [plain_text(event.description), f"Who it is for: {event.audience}"]
    if event.status_note:
        details.insert(0, event.status_note)
    if event.previous_date:
        details.insert(0, f"Moved from {weekday_day_month_year(event.previous_date)}.")
    if event.access:
        details.append(f"Access: {event.access}")
    details.append(f"Details and updates: {event_page_url(event, site_url)}")
    return "\n\n".join(details)


def _vevent(event: Event, site_url: str, stamp: datetime) -> icalendar.Event:
    """The calendar entry for one event that has its times."""
    venue = event.venue
    where = ", ".join(part for part in (venue.name, venue.address, venue.postcode) if part)
    vevent = icalendar.Event()
    vevent.add("uid", uid(event, site_url))
    vevent.add("dtstamp", stamp)
    vevent.add("sequence", sequence(event, stamp.date()))
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end)
    vevent.add("summary", _TITLE_PREFIX.get(event.status, "") + event.title)
    vevent.add("location", event.online_link if event.status == "moved online" else where)
    vevent.add("description", _details(event, site_url))
    vevent.add("url", event_page_url(event, site_url))
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
