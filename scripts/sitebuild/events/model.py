"""Events as frozen dataclasses with Europe/London datetimes, built from data that passed validation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Any
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")

STATUSES = ("scheduled", "cancelled", "postponed", "rescheduled", "moved online")


@dataclass(frozen=True)
class Contact:
    """Ways to book or get in touch: any of a link, a phone number and an email address."""

    link: str | None = None
    phone: str | None = None
    email: str | None = None

    @property
    def phone_link(self) -> str | None:
        """The phone number as a tel: link, in international form."""
        if not self.phone:
            return None
        digits = self.phone.replace(" ", "")
        return "tel:" + ("+44" + digits[1:] if digits.startswith("0") else digits)


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

    @property
    def end_utc(self) -> datetime | None:
        """When the event ends, in UTC."""
        return self.end.astimezone(timezone.utc) if self.end else None


def london_time(day: date, wall_clock: str) -> datetime:
    """A validated HH:MM on a day, in London time (validation has ruled out clock-change gaps and repeats)."""
    return datetime.combine(day, time.fromisoformat(wall_clock), tzinfo=LONDON)


def _contact(data: Any) -> Contact | None:
    return Contact(link=data.get("link"), phone=data.get("phone"), email=data.get("email")) if isinstance(data, dict) else None


def event_from_data(data: dict[str, Any]) -> Event:
    """An Event from one validated mapping of strings."""
    day = date.fromisoformat(data["date"])
    venue = data["venue"]
    booking = data.get("booking")
    return Event(
        id=data["id"],
        title=data["title"],
        date=day,
        start=london_time(day, data["start"]) if "start" in data else None,
        end=london_time(day, data["end"]) if "end" in data else None,
        venue=Venue(name=venue["name"], borough=venue["borough"], address=venue.get("address"),
                    postcode=venue.get("postcode"), latitude=venue.get("latitude"),
                    longitude=venue.get("longitude")),
        audience=data["audience"],
        description=data["description"].strip(),
        status=data["status"],
        booking_needed=None if booking is None else booking != "not needed",
        booking=_contact(booking),
        cost=data.get("cost"),
        access=data.get("access"),
        status_note=data.get("status_note"),
        online_link=data.get("online_link"),
        languages=data.get("languages"),
        childcare=data.get("childcare"),
        refreshments=data.get("refreshments"),
        contact=_contact(data.get("contact")),
        not_recorded=frozenset(data.get("not_recorded", ())),
        previous_date=date.fromisoformat(data["previous_date"]) if "previous_date" in data else None,
    )


def events_from_data(data: dict[str, Any]) -> tuple[Event, ...]:
    """Every event in the validated file, in file order."""
    return tuple(event_from_data(item) for item in data["events"])
