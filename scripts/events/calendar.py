"""Calendar files: one .ics per event that has its times, and one feed of all of them.

Every VEVENT has a UID made from the event's id (so it never changes from build to build), a
DTSTAMP from the build date rather than the clock (so two builds of the same data on the same
date give identical bytes), and DTSTART/DTEND in Europe/London backed by a VTIMEZONE.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

import icalendar
from icalendar import vDatetime, vText, vUri
from icalendar.parser import Contentline

from events.jsonld import ORGANIZER, event_page_url
from events.markup import plain_text
from events.model import Event

PRODID = f"-//{ORGANIZER}//Events//EN"
FEED_NAME = "all-events.ics"
# The name calendar apps show for the subscribed feed. Neutral on purpose: someone at risk may share
# a calendar, or have one that others can see, and "women's safety" there could put her in danger.
CALENDAR_NAME = "Community events, Hackney and Tower Hamlets"

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


def _details(event: Event, site_url: str) -> str:
    """The calendar entry's notes: status note, description, who it is for, access and the page link."""
    details = [plain_text(event.description), f"Who it is for: {event.audience}"]
    if event.status_note:
        details.insert(0, event.status_note)
    if event.access:
        details.append(f"Access: {event.access}")
    details.append(f"Details and updates: {event_page_url(event, site_url)}")
    return "\n\n".join(details)


def _vevent(event: Event, site_url: str, stamp: datetime) -> icalendar.Event:
    """The VEVENT as icalendar builds it; the reference that _Writer.vevent must match byte for byte."""
    venue = event.venue
    where = ", ".join(part for part in (venue.name, venue.address, venue.postcode) if part)
    vevent = icalendar.Event()
    vevent.add("uid", uid(event, site_url))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end)
    vevent.add("summary", _TITLE_PREFIX.get(event.status, "") + event.title)
    vevent.add("location", event.online_link if event.status == "moved online" else where)
    vevent.add("description", _details(event, site_url))
    vevent.add("url", event_page_url(event, site_url))
    vevent.add("status", _STATUS[event.status])
    return vevent


class _Writer:
    """Writes VEVENTs line by line from icalendar's typed values, without add()'s type guessing.

    Each value is still serialised by icalendar (vText, vDatetime, vUri); only the fixed
    NAME;PARAMETERS: prefix and the property order are written here, in the order icalendar
    uses. tests/events/test_speed.py checks the bytes against _vevent(...).to_ical().
    """

    def __init__(self, site_url: str, stamp: datetime) -> None:
        self.site_url = site_url
        self.stamp = vDatetime(stamp).to_ical().decode("ascii")
        # Many events share a start or end time: each is serialised once per build.
        self.times: dict[datetime, str] = {}

    def _time(self, moment: datetime) -> str:
        if moment not in self.times:
            # The model keeps every time in Europe/London, so TZID is always that (see model.LONDON).
            self.times[moment] = vDatetime(moment).to_ical().decode("ascii")
        return self.times[moment]

    def vevent(self, event: Event) -> bytes:
        """The same bytes as _vevent(event, ...).to_ical()."""
        venue = event.venue
        where = ", ".join(part for part in (venue.name, venue.address, venue.postcode) if part)
        page = event_page_url(event, self.site_url)
        lines = (
            "BEGIN:VEVENT",
            "SUMMARY:" + _text(_TITLE_PREFIX.get(event.status, "") + event.title),
            "DTSTART;TZID=Europe/London:" + self._time(event.start),
            "DTEND;TZID=Europe/London:" + self._time(event.end),
            "DTSTAMP:" + self.stamp,
            "UID:" + _text(uid(event, self.site_url)),
            "DESCRIPTION:" + _text(_details(event, self.site_url)),
            "LOCATION:" + _text(event.online_link if event.status == "moved online" else where),
            "STATUS:" + _text(_STATUS[event.status]),
            "URL:" + vUri(page).to_ical().decode("utf-8"),
            "END:VEVENT",
        )
        return b"\r\n".join(_folded(line) for line in lines) + b"\r\n"


def _text(value: str) -> str:
    """A TEXT value escaped by icalendar."""
    return vText(value).to_ical().decode("utf-8")


def _folded(line: str) -> bytes:
    """One content line folded exactly as icalendar folds it, with a quick way for ASCII lines.

    icalendar folds character by character, which was most of the time spent on calendars. For
    ASCII every character is one octet, so lines are cut every 74 characters, except that a cut is
    moved one character earlier rather than leave a \\ or ^ escape at the end of a line (as icalendar does).
    """
    if not line.isascii():
        return Contentline(line).to_ical()
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

    Each VEVENT is written once, then shared by its own file and the feed.
    """
    writer = _Writer(site_url, datetime(today.year, today.month, today.day, tzinfo=timezone.utc))
    timed = sorted((event for event in events if event.start), key=lambda e: (e.start, e.id))
    vevents = [writer.vevent(event) for event in timed]
    head, tail = _calendar_parts(timed, None)
    files = {f"{event.id}.ics": head + vevent + tail for event, vevent in zip(timed, vevents)}
    feed_head, feed_tail = _calendar_parts(timed, CALENDAR_NAME)
    files[FEED_NAME] = feed_head + b"".join(vevents) + feed_tail
    return files
