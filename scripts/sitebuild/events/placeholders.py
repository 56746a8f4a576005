"""Refuses the copy-me example's placeholder values in the real events file, so none can be published.

Officers add an event by copying the commented example at the top of data/events.yml and changing
its details. A detail left unchanged is still a valid value, so the schema alone would publish
"Example Community Hall" or a booking link to example.org. These values can never be real: the
example's own id, venue and address; its postcode and map position, which are in the City of London,
so never a venue's in Hackney or Tower Hamlets (the only boroughs allowed); example.org, example.com
and example.net and the .example, .invalid, .test and .localhost names (kept for examples and tests
by RFC 2606 and RFC 6761), and an address with no name in it, like the example's https://...; the
020 7946 0xxx numbers Ofcom keeps for TV and radio drama; and a " # " note copied into a description.

Only the site's own data/events.yml is checked for them (events/build.py decides): the test
fixtures use the same values on purpose, and are never published.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from sitebuild.yamlfile import Document, Path
from sitebuild.problems import Problem, found

EXAMPLE_ID = "2027-03-14-example-safety-evening"
EXAMPLE_VENUE = "example community hall"
EXAMPLE_ROAD = "example road"
# In the City of London: no venue in Hackney or Tower Hamlets can have them.
EXAMPLE_POSTCODE = "EC1A 1BB"
EXAMPLE_POSITION = (51.514, -0.099)
_EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")
_RESERVED_TOP_LEVEL = ("example", "invalid", "test", "localhost")
# Ofcom's numbers for drama in London: 020 7946 0000 to 020 7946 0999.
_DRAMA_NUMBER = re.compile(r"02079460[0-9]{3}")
# A note left in a description: " # " after text, as the example's notes were written.
_NOTE = re.compile(r"\s#\s.*")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")


def placeholder_problems(document: Document, events: list[Any]) -> Iterator[Problem]:
    """Every placeholder value left in the events, at the line where it was typed."""
    for index, event in enumerate(events):
        if isinstance(event, dict):
            yield from _event_problems(document, ("events", index), event)


def _event_problems(document: Document, path: Path, event: dict[str, Any]) -> Iterator[Problem]:
    def at(*parts: str | int) -> tuple[int, int]:
        return document.position(path + parts)

    if event.get("id") == EXAMPLE_ID:
        yield Problem(document.path, *at("id"), f"id is still the example's {EXAMPLE_ID}; replace it with this event's date "
                                 "and a few words about it, in lower case with hyphens")
    venue = event.get("venue") if isinstance(event.get("venue"), dict) else {}
    name = venue.get("name")
    if isinstance(name, str) and " ".join(name.split()).casefold() == EXAMPLE_VENUE:
        yield Problem(document.path, *at("venue", "name"), f"venue name is still the example's {found(name)}; "
                                            "replace it with the real venue's name")
    address = venue.get("address")
    if isinstance(address, str) and EXAMPLE_ROAD in " ".join(address.split()).casefold():
        yield Problem(document.path, *at("venue", "address"), f"venue address {found(address)} is the example's, not a real "
                                               "address; replace it with the venue's street address")
    if venue.get("postcode") == EXAMPLE_POSTCODE:
        yield Problem(document.path, *at("venue", "postcode"), f"postcode is still the example's {EXAMPLE_POSTCODE}, "
                                                "which is not in Hackney or Tower Hamlets; replace it with the venue's postcode")
    if _number(venue.get("latitude")) == EXAMPLE_POSITION[0] and _number(venue.get("longitude")) == EXAMPLE_POSITION[1]:
        yield Problem(document.path, *at("venue", "latitude"), "latitude and longitude are still the example's, which "
                                                "are not in Hackney or Tower Hamlets; replace them with the venue's own, "
                                                "or remove both to link the map by postcode")
    for owner in ("booking", "contact"):
        details = event.get(owner)
        if not isinstance(details, dict):
            continue
        for kind in ("link", "phone", "email"):
            value = details.get(kind)
            if isinstance(value, str) and _placeholder(kind, value):
                yield Problem(document.path, *at(owner, kind), _message(f"{owner} {kind}", kind, value))
    online = event.get("online_link")
    if isinstance(online, str) and _placeholder("link", online):
        yield Problem(document.path, *at("online_link"), _message("online_link", "link", online))
    description = event.get("description")
    if isinstance(description, str):
        yield from _description_problems(document, path + ("description",), description)


def _placeholder(kind: str, value: str) -> bool:
    """Whether a link, phone number or email address is one that can never be real."""
    if kind == "phone" or value.lower().startswith("tel:"):
        number = re.sub(r"[^0-9+]", "", value.removeprefix("tel:"))
        number = "0" + number[3:] if number.startswith("+44") else number
        return bool(_DRAMA_NUMBER.fullmatch(number))
    if kind == "email" or value.lower().startswith("mailto:"):
        host = value.rsplit("@", 1)[-1]
    else:
        host = urlsplit(value).hostname or ""
    return is_example_host(host)


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _message(label: str, kind: str, value: str) -> str:
    if kind == "phone" or value.lower().startswith("tel:"):
        return (f"{label} {found(value)} is a made-up number (020 7946 0000 to 0999 are kept for TV and radio "
                "drama); replace it with the real number")
    return (f"{label} {found(value)} is an example address, which leads nowhere; "
            "replace it with the real one")


def is_example_host(host: str) -> bool:
    """Whether a host name can never be a real site's: an example or test name, or no name at all."""
    host = host.lower().rstrip(".")
    # A real address names a host, like www.gov.uk: the example's https://... names none.
    return (not re.search(r"[a-z0-9]\.[a-z]", host) or host in _EXAMPLE_DOMAINS
            or host.endswith(tuple("." + domain for domain in _EXAMPLE_DOMAINS))
            or host.rsplit(".", 1)[-1] in _RESERVED_TOP_LEVEL)


def _description_problems(document: Document, path: Path, description: str) -> Iterator[Problem]:
    start_line, start_column = document.position(path)
    for text_line in description.splitlines():
        note = _NOTE.search(text_line)
        if note:
            line, column = _find(document, text_line.strip(), start_line)
            line, column = (line, column + text_line.strip().index(note.group(0).strip())) if line else (start_line, start_column)
            yield Problem(document.path, line, column, f"description still has a note from the example: {found(note.group(0).strip())}; "
                                        "delete it (in a description, text after # is published, not hidden)")
    # A link inside a note goes with the note.
    for target in _LINK_TARGET.findall(_NOTE.sub("", description)):
        if _placeholder("link", target):
            yield Problem(document.path, start_line, start_column, _message("a link in description", "link", target))


def _find(document: Document, text: str, from_line: int) -> tuple[int, int]:
    """The line and column where text was typed, searching down from a line; (0, 0) if not found."""
    lines = document.text.splitlines()
    for number in range(from_line - 1, len(lines)):
        column = lines[number].find(text)
        if column >= 0:
            return number + 1, column + 1
    return 0, 0
