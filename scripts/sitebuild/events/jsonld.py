"""One schema.org Event object per upcoming event, as JSON that cannot end its <script> element early."""

from __future__ import annotations

import json
from typing import Any

from sitebuild.events.markup import plain_text
from sitebuild.events.model import Event

ORGANIZER = "Hackney and Tower Hamlets police youth engagement team"

_EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "rescheduled": "EventRescheduled",
    "moved online": "EventMovedOnline",
}


def event_page_url(event: Event, site_url: str) -> str:
    """The event's place on the events page."""
    return f"{site_url.rstrip('/')}/events/#{event.id}"


def event_json_ld(event: Event, site_url: str) -> dict[str, Any]:
    """The schema.org Event for an upcoming event (which always has its times, venue and cost)."""
    venue = event.venue
    place: dict[str, Any] = {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.address,
            "addressLocality": "London",
            "addressRegion": venue.borough,
            "postalCode": venue.postcode,
            "addressCountry": "GB",
        },
    }
    if venue.latitude and venue.longitude:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": venue.latitude, "longitude": venue.longitude}
    online = event.status == "moved online"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": event_page_url(event, site_url),
        "name": event.title,
        "url": event_page_url(event, site_url),
        "startDate": event.start.isoformat() if event.start else event.date.isoformat(),
        "endDate": event.end.isoformat() if event.end else event.date.isoformat(),
        "eventStatus": f"https://schema.org/{_EVENT_STATUS[event.status]}",
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
        price = "0" if event.cost == "free" else event.cost.lstrip("£")
        data["isAccessibleForFree"] = event.cost == "free"
        data["offers"] = {"@type": "Offer", "price": price, "priceCurrency": "GBP",
                          "url": (event.booking.link if event.booking and event.booking.link
                                  and event.booking.link.startswith("https://") else event_page_url(event, site_url))}
    return data


def script_json(data: dict[str, Any]) -> str:
    """JSON for inside <script type="application/ld+json">: <, > and & escaped so text can never close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
