"""What each field of the events file is called in messages, what to write in it, and why a value breaks its rule.

data/events.schema.json says which values are allowed (editors check it as people type); this module says, in
the words of the person editing, what is wrong with a value the schema refused and what to write instead. Each
check names only the rule the value breaks, never one it already meets.

It also refuses the copy-me example's placeholder values (placeholder_problems()): officers copy the example at
the top of data/events.yml, and a detail left unchanged is still valid, so the schema alone would publish
"Example Community Hall" or a booking link to example.org. These can never be real: the example's id, venue and
address; its postcode and map position (in the City of London, never in Hackney or Tower Hamlets); example.org,
.com and .net, the .example, .invalid, .test and .localhost names (RFC 2606 and RFC 6761) and an address with no
name in it, like https://...; the 020 7946 0xxx numbers Ofcom keeps for drama; and a " # " note copied into a
description. Only the site's own data/events.yml is checked for them: the test fixtures use them on purpose.
"""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from sitebuild.problems import Problem, and_list, found
from sitebuild.yamlfile import Document, Path

# Every date and time in the events file is London's.
LONDON = ZoneInfo("Europe/London")
# The links a description may hold; any other becomes plain text.
ALLOWED_SCHEMES = ("https://", "mailto:", "tel:")

Reason = Callable[[str, str], str | None]  # (label, value the schema refused) -> the whole message


@dataclass(frozen=True)
class Field:
    """How one field is named in messages, and what to write in it."""

    label: str
    write: str
    check: Reason | None = None
    choices: tuple[str, ...] = ()
    add: str = ""  # what to do when it is missing, if "add <name>: with <write>" reads badly
    fill: str = ""  # what to do when it is empty, if "write <write> after <name>:" reads badly


# -- Why a text value breaks its field's rule ----------------------------------------------------

_LINE_BREAKS = "\n\r\x85\u2028\u2029"


def text(label: str, value: str, breaks_allowed: bool = True) -> str | None:
    """Text with no tabs or control characters, on one line unless breaks_allowed."""
    for index, character in enumerate(value):
        code = ord(character)
        if character in _LINE_BREAKS and not breaks_allowed:
            return f"{label} must be on one line; it has a line break after {found(value[:index] or character)}"
        if character == "\t":
            return f"{label} must not contain a tab; use a space instead (the tab is after {found(value[:index] or 'the start')})"
        if (code < 0x20 and character not in "\n\r") or code == 0x7F:
            return f"{label} must not contain the invisible control character U+{code:04X}; delete it"
    return None


def one_line(label: str, value: str) -> str | None:
    """Text on one line, with no tabs or control characters."""
    return text(label, value, breaks_allowed=False)


def event_id(label: str, value: str) -> str | None:
    """Lower-case letters, digits and single hyphens."""
    faults = []
    if any(character.isupper() for character in value):
        faults.append("capital letters")
    if any(character.isspace() for character in value):
        faults.append("spaces")
    others = sorted({character for character in value
                     if not (character.isascii() and character.isalnum()) and character != "-" and not character.isspace()})
    if others:
        faults.append("the character" + ("s " if len(others) > 1 else " ") + " ".join(others))
    if value.startswith("-") or value.endswith("-"):
        faults.append("a hyphen at the start or the end")
    if "--" in value:
        faults.append("two hyphens together")
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    suggestion = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    advice = f"; write it as {suggestion}" if suggestion else ""
    return (f"{label} must be lower-case letters, digits and single hyphens, like 2027-03-14-dalston-safety-evening; "
            f"{found(value)} has {and_list(faults)}{advice}")


def day(label: str, value: str) -> str | None:
    """YYYY-MM-DD in the years 2000 to 2099, and a real date."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return f"{label} must be written YYYY-MM-DD, like 2027-03-14; found {found(value)}"
    if not value.startswith("20"):
        return f"{label} must be in the years 2000 to 2099; found {value}"
    if as_date(value) is None:
        return f"{label} {value} does not exist; check the day and the month"
    return None


def as_date(value: object) -> datetime.date | None:
    """A YYYY-MM-DD value as a date, or None if it is not a real one."""
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def clock_time(label: str, value: str) -> str | None:
    """A 24-hour time, HH:MM."""
    if re.fullmatch(r"[0-9]{2}:[0-9]{2}", value):
        return f"{label} must be a real time, from 00:00 to 23:59; found {found(value)}"
    if re.fullmatch(r"[0-9]:[0-5][0-9]", value):
        return f"{label} must have two digits for the hour; write it as 0{value}"
    return f"{label} must be a 24-hour time written HH:MM, like 18:30; found {found(value)}"


_POSTCODE = re.compile(r"(GIR 0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) "
                       r"[0-9][ABD-HJLNP-UW-Z]{2})")


def postcode(label: str, value: str) -> str | None:
    """A UK postcode in capitals, with one space before the last three characters."""
    squeezed = "".join(value.split()).upper()
    fixed = f"{squeezed[:-3]} {squeezed[-3:]}"
    if len(squeezed) > 3 and _POSTCODE.fullmatch(fixed):
        if value.upper() == fixed:
            rule = "in capitals"
        elif value == value.upper():
            rule = "written with one space before the last three characters"
        else:
            rule = "in capitals, with one space before the last three characters"
        return f"{label} must be {rule}; found {found(value)}; write it as {fixed}"
    return f"{label} must be a whole UK postcode, like E8 1AA; found {found(value)}"


def _coordinate(label: str, value: str, whole: str, where: str, example: str, other: str, other_whole: str) -> str | None:
    if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", value):
        return f"{label} must be a number, like {example}; found {found(value)}"
    integer = value.split(".")[0]
    if not re.fullmatch(whole, integer):
        swapped = f" ({label} and {other} may be the wrong way round)" if re.fullmatch(other_whole, integer) else ""
        return f"{label} must be in London, where it {where}, like {example}; found {found(value)}{swapped}"
    return f"{label} must have 3 to 7 decimals, like {example}; found {found(value)}"


def latitude(label: str, value: str) -> str | None:
    """A London latitude: 50 or 51 and 3 to 7 decimals."""
    return _coordinate(label, value, "5[01]", "starts 51.", "51.5461", "longitude", "-?0")


def longitude(label: str, value: str) -> str | None:
    """A London longitude: 0. or -0. and 3 to 7 decimals."""
    return _coordinate(label, value, "-?0", "starts 0. or -0.", "-0.0754", "latitude", "5[01]")


def cost(label: str, value: str) -> str | None:
    """free, or a price in pounds."""
    if value.strip().casefold() == "free":
        return f"{label} must be written free, in lower case; found {found(value)}"
    price = re.fullmatch(r"(£?)\s*([0-9]+)(?:\.([0-9]{1,2}))?", value.strip())
    if price:
        pence = price.group(3)
        written = f"£{price.group(2)}" + (f".{pence.ljust(2, '0')}" if pence else "")
        if not price.group(1):
            return f"{label} must start with £ when it is a price; write it as {written}"
        return f"{label} must give pence with two digits; write it as {written}"
    return (f"{label} must be free or a price in pounds, like £5 or £2.50; found {found(value)}; "
            "say anything more about the cost in description")


def _address_faults(value: str) -> list[str]:
    faults = []
    if any(character.isspace() for character in value):
        faults.append("not contain spaces")
    if any(character in '<>"' for character in value):
        faults.append('not contain < > or "')
    return faults


def link(label: str, value: str) -> str | None:
    """An https:// address, a mailto: address or a tel: number."""
    lower = value.lower()
    if lower.startswith("tel:"):
        return f"{label} must be tel: then + and digits only, with no spaces, like tel:+442079460000; found {found(value)}"
    if lower.startswith("mailto:"):
        faults = _address_faults(value)
        if "@" not in value:
            faults.append("have an email address after mailto:, like mailto:name@example.org")
        return f"{label} must {and_list(faults or ['be mailto: and an email address'])}; found {found(value)}"
    return _web_address(label, value, "must start with https://, mailto: or tel:")


def https(label: str, value: str) -> str | None:
    """An https:// address."""
    return _web_address(label, value, "must start with https://")


def _web_address(label: str, value: str, rule: str) -> str:
    faults = _address_faults(value)
    lower = value.lower()
    if lower.startswith("http://"):
        faults.insert(0, "start with https://, not http://")
    elif lower.startswith("https://") and not value.startswith("https://"):
        faults.insert(0, "start with https:// in lower case")
    elif lower.startswith("www."):
        return f"{label} {rule}; write it as https://{value.strip()}"
    elif not lower.startswith("https://"):
        return f"{label} {rule}, like https://www.example.org/book; found {found(value)}"
    return f"{label} must {and_list(faults)}; found {found(value)}"


def email(label: str, value: str) -> str | None:
    """An email address."""
    if value.lower().startswith("mailto:"):
        return f"{label} must be the address alone, without mailto:; write it as {value[7:].strip()}"
    faults = _address_faults(value)
    if ":" in value:
        faults.append("not contain a colon")
    at_signs = value.count("@")
    if at_signs != 1:
        faults.append("have one @, like name@example.org")
    elif "." not in value.split("@")[1]:
        faults.append("have a whole domain after the @, like name@example.org")
    return f"{label} must {and_list(faults or ['look like name@example.org'])}; found {found(value)}"


def phone(label: str, value: str) -> str | None:
    """A UK phone number of digits and spaces."""
    others = sorted({character for character in value if not (character.isdigit() or character in " +")})
    if others:
        return (f"{label} must be written with digits and spaces only, like 020 7946 0000; "
                f"found {found(value)}, which has {' '.join(others)}")
    if not (value.startswith("0") or value.startswith("+44")):
        return f"{label} must be a UK number, starting 0 or +44; found {found(value)}"
    digits = re.sub(r"\D", "", value)
    digits = "0" + digits[2:] if value.startswith("+44") else digits
    if len(digits) not in (10, 11):
        return f"{label} must have 10 or 11 digits, like 020 7946 0000; found {found(value)}, which has {len(digits)}"
    return f"{label} must be digits with single spaces between groups, like 020 7946 0000; found {found(value)}"


def choice(label: str, value: str, choices: tuple[str, ...]) -> str:
    """A value that is not one of a field's choices: the choices, and the nearest one if there is one."""
    listed = " or ".join(choices) if len(choices) == 2 else "one of: " + ", ".join(choices)
    exact = [option for option in choices if option.casefold() == value.strip().casefold()]
    if exact:
        return f"{label} must be written exactly {exact[0]}; found {found(value)}"
    near = difflib.get_close_matches(value.strip().casefold(), [option.casefold() for option in choices], n=1, cutoff=0.75)
    hint = f"; did you mean {choices[[option.casefold() for option in choices].index(near[0])]}?" if near else ""
    return f"{label} must be {listed}; found {found(value)}{hint}"


# -- The fields ----------------------------------------------------------------------------------

_CONTACT_WAYS = "link:, phone: or email:"
_VENUE_LINES = "name:, address:, postcode: and borough: on the lines below it, each indented two more spaces than venue:"
_STATUSES = ("scheduled", "cancelled", "postponed", "rescheduled", "moved online")
# Fields a past event may leave out by listing them under not_recorded: field -> what to list.
NOT_RECORDABLE = {"start": "times", "end": "times", "address": "address", "postcode": "postcode",
                  "booking": "booking", "cost": "cost", "access": "access"}
NOT_RECORDABLE_ITEMS = tuple(dict.fromkeys(NOT_RECORDABLE.values()))


def _contact(owner: str) -> dict[tuple[str, ...], Field]:
    return {
        (owner, "link"): Field(f"{owner} link", "an https:// address", link),
        (owner, "phone"): Field(f"{owner} phone", "a UK phone number, like 020 7946 0000", phone),
        (owner, "email"): Field(f"{owner} email", "an email address", email),
    }


_EVENT_FIELDS: dict[tuple[str, ...], Field] = {
    ("id",): Field("id", "the event's date and a few words, in lower case with hyphens, "
                         "like 2027-03-14-dalston-safety-evening", event_id),
    ("title",): Field("title", "the event's name, on one line", one_line),
    ("date",): Field("date", "the date, written YYYY-MM-DD, like 2027-03-14", day),
    ("previous_date",): Field("previous_date", "the date the event was moved from, written YYYY-MM-DD", day),
    ("added",): Field("added", "the day you add the event, written YYYY-MM-DD", day,
                      fill="after added: write today's date, written YYYY-MM-DD (for a record of a past event, "
                           "delete the added line instead)"),
    ("start",): Field("start", 'the start time, in London, written HH:MM in quotes, like "18:30"', clock_time),
    ("end",): Field("end", 'the end time, in London, written HH:MM in quotes, like "20:30"', clock_time),
    ("venue",): Field("venue", "a set of fields: name:, address:, postcode: and borough: on the lines below it",
                      add=f"add venue: with {_VENUE_LINES}", fill=f"add {_VENUE_LINES}"),
    ("venue", "name"): Field("venue name", "the venue's name", one_line),
    ("venue", "address"): Field("venue address", "the street address, without the postcode", one_line),
    ("venue", "postcode"): Field("postcode", "the postcode, in capitals with one space, like E8 1AA", postcode),
    ("venue", "borough"): Field("borough", "Hackney or Tower Hamlets", choices=("Hackney", "Tower Hamlets")),
    ("venue", "latitude"): Field("latitude", "the latitude, like 51.5461", latitude),
    ("venue", "longitude"): Field("longitude", "the longitude, like -0.0754", longitude),
    ("audience",): Field("audience", "who the event is for, on one line, like Women only", one_line),
    ("description",): Field("description", "a few words about the event", text),
    ("booking",): Field("booking", f"not needed, or {_CONTACT_WAYS} on the lines below it",
                        add=f"add booking: not needed, or booking: with {_CONTACT_WAYS} on the lines below it",
                        fill=f"write not needed after booking:, or add {_CONTACT_WAYS} on the lines below it"),
    **_contact("booking"),
    ("cost",): Field("cost", "free, or a price in pounds, like £5 or £2.50", cost,
                     add="add cost: free, or a price in pounds, like cost: £5",
                     fill="write free after cost:, or a price in pounds, like £5"),
    ("access",): Field("access", "how people get in, like Step-free entrance and an accessible toilet", text),
    ("status",): Field("status", "scheduled (or cancelled, postponed, rescheduled or moved online)", choices=_STATUSES,
                       add="add status: scheduled (or cancelled, postponed, rescheduled or moved online)"),
    ("status_note",): Field("status_note", "one line shown with the status, like New date to follow", one_line),
    ("online_link",): Field("online_link", "the online meeting's https:// address", https),
    ("languages",): Field("languages", "one line, like British Sign Language interpreter", one_line),
    ("childcare",): Field("childcare", "one line, like Free creche for under-5s", one_line),
    ("refreshments",): Field("refreshments", "one line, like Tea, coffee and snacks", one_line),
    ("contact",): Field("contact", f"{_CONTACT_WAYS} on the lines below it",
                        fill=f"add {_CONTACT_WAYS} on the lines below it, or remove contact:"),
    **_contact("contact"),
    ("not_recorded",): Field("not_recorded", "a list of what the records do not give, like [times, postcode]",
                             fill="list what the records do not give, like not_recorded: [times, postcode], "
                                  "or remove not_recorded"),
    ("not_recorded", "*"): Field("not_recorded", "", choices=NOT_RECORDABLE_ITEMS),
}

FIELDS: dict[tuple[str, ...], Field] = {
    (): Field("the file", "events: followed by the events"),
    ("events",): Field("events", "the events on the lines below it, each starting with - id:",
                       add="start the file with events: and put the events on the lines below it, each starting with - id:",
                       fill="add the events on the lines below it, each starting with - id:, "
                            "or write events: [] if there are none yet"),
    ("events", "*"): Field("event", "its fields, starting with - id:"),
    **{("events", "*", *key): field for key, field in _EVENT_FIELDS.items()},
}


# -- The copy-me example's placeholders ------------------------------------------------------------

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
    def at(parts: tuple[str, ...], message: str) -> Problem:
        return document.problem(path + parts, message)

    if event.get("id") == EXAMPLE_ID:
        yield at(("id",), f"id is still the example's {EXAMPLE_ID}; replace it with this event's date "
                          "and a few words about it, in lower case with hyphens")
    venue = event.get("venue") if isinstance(event.get("venue"), dict) else {}
    name = venue.get("name")
    if isinstance(name, str) and " ".join(name.split()).casefold() == EXAMPLE_VENUE:
        yield at(("venue", "name"), f"venue name is still the example's {found(name)}; "
                                    "replace it with the real venue's name")
    address = venue.get("address")
    if isinstance(address, str) and EXAMPLE_ROAD in " ".join(address.split()).casefold():
        yield at(("venue", "address"), f"venue address {found(address)} is the example's, not a real "
                                       "address; replace it with the venue's street address")
    if venue.get("postcode") == EXAMPLE_POSTCODE:
        yield at(("venue", "postcode"), f"postcode is still the example's {EXAMPLE_POSTCODE}, which is not in "
                                        "Hackney or Tower Hamlets; replace it with the venue's postcode")
    if _number(venue.get("latitude")) == EXAMPLE_POSITION[0] and _number(venue.get("longitude")) == EXAMPLE_POSITION[1]:
        yield at(("venue", "latitude"), "latitude and longitude are still the example's, which are not in "
                                        "Hackney or Tower Hamlets; replace them with the venue's own, "
                                        "or remove both to link the map by postcode")
    for owner in ("booking", "contact"):
        details = event.get(owner) if isinstance(event.get(owner), dict) else {}
        for kind in ("link", "phone", "email"):
            message = _placeholder(f"{owner} {kind}", kind, details.get(kind))
            if message:
                yield at((owner, kind), message)
    message = _placeholder("online_link", "link", event.get("online_link"))
    if message:
        yield at(("online_link",), message)
    description = event.get("description")
    if isinstance(description, str):
        yield from _description_problems(document, path + ("description",), description)


def _placeholder(label: str, kind: str, value: Any) -> str | None:
    """Why a link, phone number or email address can never be real, or None if it could be."""
    if not isinstance(value, str):
        return None
    if kind == "phone" or value.lower().startswith("tel:"):
        number = re.sub(r"[^0-9+]", "", value.removeprefix("tel:"))
        number = "0" + number[3:] if number.startswith("+44") else number
        if _DRAMA_NUMBER.fullmatch(number):
            return (f"{label} {found(value)} is a made-up number (020 7946 0000 to 0999 are kept for TV and radio "
                    "drama); replace it with the real number")
        return None
    if kind == "email" or value.lower().startswith("mailto:"):
        host = value.rsplit("@", 1)[-1]
    else:
        host = urlsplit(value).hostname or ""
    if is_example_host(host):
        return f"{label} {found(value)} is an example address, which leads nowhere; replace it with the real one"
    return None


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def is_example_host(host: str) -> bool:
    """Whether a host name can never be a real site's: an example or test name, or no name at all."""
    host = host.lower().rstrip(".")
    # A real address names a host, like www.gov.uk: the example's https://... names none.
    return (not re.search(r"[a-z0-9]\.[a-z]", host) or host in _EXAMPLE_DOMAINS
            or host.endswith(tuple("." + domain for domain in _EXAMPLE_DOMAINS))
            or host.rsplit(".", 1)[-1] in _RESERVED_TOP_LEVEL)


def _description_problems(document: Document, path: Path, description: str) -> Iterator[Problem]:
    start_line, start_column = document.position(path)
    lines = document.text.splitlines()
    for text_line in description.splitlines():
        note = _NOTE.search(text_line)
        if not note:
            continue
        typed, note_text = text_line.strip(), note.group(0).strip()
        # At the note itself: on the first line of the file, from the description down, that holds this text.
        line, column = start_line, start_column
        for number in range(start_line - 1, len(lines)):
            if typed in lines[number]:
                line, column = number + 1, lines[number].find(typed) + 1 + typed.index(note_text)
                break
        yield Problem(document.path, line, column, f"description still has a note from the example: "
                                                   f"{found(note_text)}; delete it (in a description, text after # "
                                                   "is published, not hidden)")
    # A link inside a note goes with the note.
    for target in _LINK_TARGET.findall(_NOTE.sub("", description)):
        message = _placeholder("a link in description", "link", target)
        if message:
            yield Problem(document.path, start_line, start_column, message)
