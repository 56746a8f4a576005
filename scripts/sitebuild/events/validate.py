"""Checks the loaded events against data/events.schema.json, then the rules a schema cannot express.

Every problem names the rule that was broken, quotes the value found, and sits at the line and column where
it was typed. All problems are collected in one run.

Slips that break no rule but are nearly always mistakes are warnings, which never stop a build (slip_problems()):
past events are legitimate (the archive is the programme's record). None starts warning by itself as days go by,
so the nightly rebuild and later pull requests stay quiet about a file nobody has touched:
- added while past: the date is before the day it was added (its `added` field, which a record of a past event
  leaves out; the build has no history of the file, so the event carries it).
- the date is not the one its id starts with (the December slip, 2026 for 2027), unless the event has moved.
- cancelled or postponed without saying why: in the archive, that says an event did not take place, so an old
  event cannot be quietly rewritten into one that never happened.
- two events at the same venue, date and start time (neither called off).
"""

from __future__ import annotations

import difflib
import functools
import re
from datetime import date, datetime, time, timezone
from typing import Any, Iterator

import jsonschema

from sitebuild.events import fields
from sitebuild.events.fields import (ALLOWED_SCHEMES, FIELDS, LONDON, NOT_RECORDABLE, NOT_RECORDABLE_ITEMS, Field,
                                     as_date, choice, placeholder_problems)
from sitebuild.problems import WARNING, Problem, and_list, found
from sitebuild.yamlfile import Document, Path, Shape, spaces, validator

# Reserved: the file name of the feed of all events sits beside each event's own .ics file.
RESERVED_IDS = {"all-events"}

_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][^>\n]{0,40}>?")
# The whole target of a Markdown link, [text](target), up to its closing bracket.
_LINK_TARGET = re.compile(r"\]\(([^)]*)\)")


@functools.lru_cache(maxsize=None)
def _allowed(key: tuple[str, ...]) -> tuple[str, ...]:
    """The field names allowed in the mapping at this schema key."""
    names: set[str] = set()
    schema = validator("events.schema.json").schema

    def walk(node: dict[str, Any], rest: tuple[str, ...]) -> None:
        if "$ref" in node:
            node = schema["definitions"][node["$ref"].rsplit("/", 1)[1]]
        if not rest:
            names.update(node.get("properties", {}))
        elif rest[0] == "*" and isinstance(node.get("items"), dict):
            walk(node["items"], rest[1:])
        elif rest[0] in node.get("properties", {}):
            walk(node["properties"][rest[0]], rest[1:])
        for branch in ("then", "else"):
            if branch in node and not rest:
                walk(node[branch], rest)

    walk(schema, key)
    return tuple(sorted(names))


# The events file's shape, for messages about a line YAML cannot read (sitebuild/yamlfile.py).
SHAPE = Shape(fields=_allowed, called=lambda path: "the event's other fields" if path == ("events", "*") else None)


def _key(path: Path) -> tuple[str, ...]:
    return tuple("*" if isinstance(part, int) else part for part in path)


def validate(document: Document, today: date, placeholders: bool = False) -> list[Problem]:
    """Every problem in the document, schema and rules, sorted; with placeholders, the example's values too."""
    problems = list(document.problems)
    # A value the reader already reported (one it could not take as written) is not reported again.
    read_badly = {(problem.line, problem.column) for problem in problems}
    problems += sorted({problem for problem in _Faults(document).problems()
                        if (problem.line, problem.column) not in read_badly})
    if isinstance(document.data, dict) and isinstance(document.data.get("events"), list):
        # not_recorded on an upcoming event is removed whole, so what it lists does not matter.
        listed = {document.position(path) for path in document.values
                  if len(path) == 4 and path[2] == "not_recorded" and _upcoming(document.data["events"], path[1], today)}
        problems = [problem for problem in problems if (problem.line, problem.column) not in listed]
        problems += _rule_problems(document, document.data["events"], today)
        if placeholders:
            left = list(placeholder_problems(document, document.data["events"]))
            # A placeholder is replaced whole, so any other rule its value breaks goes with it.
            where = {(problem.line, problem.column) for problem in left}
            problems = [problem for problem in problems if (problem.line, problem.column) not in where] + left
    return sorted(set(problems))


class _Faults:
    """jsonschema's errors as one message per mistake: missing fields, fields not allowed, values breaking a rule."""

    def __init__(self, document: Document) -> None:
        self.document = document
        # Field names by the mapping they are about: dicts with no values, so each name is kept once, in order.
        self.missing: dict[Path, dict[str, None]] = {}
        self.unknown: dict[Path, dict[str, None]] = {}
        self.values: dict[Path, list[jsonschema.ValidationError]] = {}
        for error in validator("events.schema.json").iter_errors(document.data):
            self.add(tuple(error.absolute_path), error)

    def add(self, path: Path, error: jsonschema.ValidationError) -> None:
        if error.validator == "required":
            for name in error.validator_value:
                if isinstance(error.instance, dict) and name not in error.instance:
                    self.missing.setdefault(path, {})[name] = None
        elif error.validator == "additionalProperties":
            allowed = _allowed(_key(path))
            for name in error.instance:
                if name not in allowed:
                    self.unknown.setdefault(path, {})[name] = None
        elif error.validator != "if":  # an `if` reports through its then/else branch
            self.values.setdefault(path, []).append(error)

    def problems(self) -> Iterator[Problem]:
        yield from self._moved()
        for path, names in self.unknown.items():
            for name in names:
                yield self._unknown(path, name)
        for path, names in self.missing.items():
            for name in names:
                yield self._missing(path, name)
        yield from self._swapped_coordinates()
        for path, errors in self.values.items():
            yield from _value_problems(self.document, path, errors)

    def _swapped_coordinates(self) -> Iterator[Problem]:
        """Latitude and longitude typed the wrong way round: one mistake, one message."""
        for path in [path for path in self.values if path[-1:] == ("latitude",)]:
            other = path[:-1] + ("longitude",)
            venue = _at(self.document.data, path[:-1])
            if other not in self.values or not isinstance(venue, dict):
                continue
            if re.fullmatch(r"-?0\.[0-9]+", str(venue["latitude"])) and re.fullmatch(r"5[01]\.[0-9]+", str(venue["longitude"])):
                yield self.document.problem(path, "latitude and longitude are the wrong way round: swap their values "
                                                  "(in London, latitude starts 51. and longitude starts 0. or -0.)")
                del self.values[path], self.values[other]

    # -- A field at the wrong indentation: one message where it was typed, not one per rule it then breaks --

    def _moved(self) -> Iterator[Problem]:
        for path in list(self.unknown):
            data = _at(self.document.data, path)
            if not isinstance(data, dict):
                continue
            if path and isinstance(path[-1], int):
                yield from self._moved_out_of_sets(path, data)
            elif len(path) >= 3 and isinstance(path[-2], int):
                yield from self._moved_into_a_set(path)

    def _moved_out_of_sets(self, event: Path, data: dict[str, Any]) -> Iterator[Problem]:
        """Fields of venue:, booking: or contact: typed in line with the event's own fields."""
        owners: dict[str, list[str]] = {}
        for name in self.unknown.get(event, {}):
            if name in _allowed(_key(event + ("venue",))):
                owners.setdefault("venue", []).append(name)
            elif name in _allowed(_key(event + ("booking",))):
                # link, phone and email belong to booking or contact: booking unless it is already complete.
                booking = data.get("booking")
                open_booking = isinstance(booking, dict) or booking in ("", None)
                owners.setdefault("booking" if open_booking else "contact", []).append(name)
        for owner, belongs in owners.items():
            value = data.get(owner)
            names = and_list([name + ":" for name in belongs])
            if isinstance(value, dict) and value:
                indent = self.document.position(event + (owner, next(iter(value))), key=True)[1] - 1
                for name in belongs:
                    line, column = self.document.position(event + (name,), key=True)
                    yield Problem(self.document.path, line, column, f"{name}: is indented by {spaces(column - 1)}; indent "
                                                f"it by {spaces(indent)}, like the other lines under {owner}:")
            elif owner in data and value in ("", None):
                line, column = self.document.position(event + (owner,), key=True)
                verb = "is" if len(belongs) == 1 else "are"
                yield Problem(self.document.path, line, column,
                              f"the lines under {owner}: must be indented by {spaces(column + 1)}, two more than "
                              f"{owner}:; {names} {verb} in line with {owner}: instead")
                self.values.pop(event + (owner,), None)
            elif owner not in data:
                line, column = self.document.position(event + (belongs[0],), key=True)
                yield Problem(self.document.path, line, column,
                              f"this event has no {owner}: line; add {owner}: above {belongs[0]}:, "
                              f"and indent {names} two more spaces than {owner}:")
                self.missing.get(event, {}).pop(owner, None)
            else:
                continue  # it has a value of its own, so these fields were not meant for it
            # Reported where it was typed: not also as a field not allowed here, or missing from its set.
            for name in belongs:
                del self.unknown[event][name]
                self.missing.get(event + (owner,), {}).pop(name, None)

    def _moved_into_a_set(self, owner_path: Path) -> Iterator[Problem]:
        """The event's own fields typed further in, under venue:, booking: or contact:."""
        event = owner_path[:-1]
        event_data = _at(self.document.data, event)
        for name in list(self.unknown.get(owner_path, {})):
            if name not in _allowed(_key(event)) or (isinstance(event_data, dict) and name in event_data):
                continue
            indent = self.document.position(event, key=False)[1] - 1
            line, column = self.document.position(owner_path + (name,), key=True)
            yield Problem(self.document.path, line, column, f"{name}: is indented by {spaces(column - 1)}; indent it "
                                        f"by {spaces(indent)}, like the event's other fields")
            del self.unknown[owner_path][name]
            self.missing.get(event, {}).pop(name, None)

    # -- Field names ------------------------------------------------------------------------------

    def _unknown(self, path: Path, name: str) -> Problem:
        line, column = self.document.position(path + (name,), key=True)
        allowed = _allowed(_key(path))
        suggestion = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        missing = self.missing.get(path, {})
        if not suggestion and len(missing) == 1 and len(self.unknown.get(path, {})) == 1:
            suggestion = list(missing)  # One field missing, one not allowed: most likely the same field, mistyped.
        if suggestion:
            # A misspelt field is one mistake: it is not also reported as missing.
            missing.pop(suggestion[0], None)
            hint = f"did you mean '{suggestion[0]}'?"
        else:
            hint = f"the fields allowed here are: {', '.join(allowed)}"
        where = ("at the top of the file" if not path else
                 "in an event" if isinstance(path[-1], int) else f"under {path[-1]}")
        return Problem(self.document.path, line, column, f"'{name}' is not a field allowed {where}; {hint}")

    def _missing(self, path: Path, name: str) -> Problem:
        field = FIELDS.get(_key(path + (name,)))
        where = "the file" if not path else ("this event" if isinstance(path[-1], int) else f"the {path[-1]}")
        add = (field.add or f"add {name}: with {field.write}") if field else f"add {name}:"
        text = f"{where} has no {name}; {add}"
        if name in NOT_RECORDABLE and path:
            text += (f" (for a past event where it was never recorded, list {NOT_RECORDABLE[name]} "
                     "under not_recorded instead)")
        return self.document.problem(path, text)


def _at(data: Any, path: Path) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _value_problems(document: Document, path: Path, errors: list[jsonschema.ValidationError]) -> Iterator[Problem]:
    """One message for a value, naming the one rule it breaks first."""
    if any(error.validator == "dependencies" for error in errors):
        yield document.problem(path, "latitude and longitude must be given together; add the missing one, "
                                     "or remove both to link the map by postcode")
        errors = [error for error in errors if error.validator != "dependencies"]
    if not errors:
        return
    key = _key(path)
    field = FIELDS.get(key)
    name = next((part for part in reversed(path) if isinstance(part, str)), "")
    label = field.label if field else name or "the file"
    value = errors[0].instance
    kinds = {error.validator for error in errors}
    if not path:
        message = _whole_file(value)
    elif key == ("events", "*") and not isinstance(value, dict):
        message = ("a - here starts an event with no fields; delete it, or add the event's fields after it"
                   if value in ("", None) else
                   f"each event must be a set of fields starting with - id:; found {found(value)}")
    elif value in ("", None):
        message = f"{label} is empty; " + (field.fill if field and field.fill else
                                          f"after {name}: write {field.write if field else 'its value'}")
    elif "type" in kinds:
        message = _wrong_type(label, name, value, field)
    elif kinds & {"enum", "const"} and field and field.choices:
        message = (f"{label} can list only {and_list(field.choices)}; found {found(value)}" if key[-1] == "*"
                   else choice(label, value, field.choices))
    elif "enum" in kinds and key[-1] == "booking":
        message = _booking_text(value)
    elif "minProperties" in kinds:
        message = f"{label} has nothing in it; {field.fill if field and field.fill else 'remove it'}"
    elif "minItems" in kinds:
        message = f"{label} is empty; list what the records do not give, like [times, postcode], or remove {name}"
    elif "uniqueItems" in kinds:
        repeated = next(item for item in value if value.count(item) > 1)
        message = f"{label} lists {repeated} twice; list each one once"
    elif kinds & {"pattern", "format"} and field and field.check and field.check(label, value):
        message = field.check(label, value)
    elif "maxLength" in kinds:
        limit = min(error.validator_value for error in errors if error.validator == "maxLength")
        message = f"{label} must be at most {limit} characters; this one has {len(value)}"
    else:
        message = f"{label} is not written the way the example at the top of the file shows; found {found(value)}"
    yield document.problem(path, message)


def _whole_file(value: Any) -> str:
    if value in ("", None):
        return ("the events file is empty; it must start with events: followed by the events "
                "(write events: [] if there are none yet)")
    if isinstance(value, list):
        return "the file must start with an events: line, with the events indented below it; found a list without one"
    return f"the file must start with events: followed by the events; found {found(value)}"


def _wrong_type(label: str, name: str, value: Any, field: Field | None) -> str:
    if name == "events" and isinstance(value, dict):
        return ("each event must start with - before its first field, like - id: 2027-03-14-dalston-safety-evening; "
                "the lines under events: have no -")
    if name == "not_recorded" and isinstance(value, str):
        fix = f"; write it as [{value}]" if value in NOT_RECORDABLE_ITEMS else ""
        return f"not_recorded must be a list in square brackets, like [times, postcode]; found {found(value)}{fix}"
    if isinstance(value, dict):
        return (f"{label} must be written after {name}: on the same line; the lines below it are indented further in, "
                f"so they were read as part of {name}")
    if isinstance(value, list):
        return f"{label} must be written after {name}: on the same line, not as a list; found a list"
    return f"{label} must be {field.write if field else 'a set of fields'}; found {found(value)}"


def _booking_text(value: str) -> str:
    if value.strip().casefold() == "not needed":
        return f"booking must be written not needed, in lower case; found {found(value)}"
    way = ("link" if value.lower().startswith(("http", "www.")) else "email" if "@" in value
           else "phone" if re.fullmatch(r"[0-9 +()-]{7,}", value) else None)
    if way:
        return (f"booking must be not needed, or have {way}: on the line below it; move {found(value)} there, "
                f"as {way}: {value}, indented two more spaces than booking:")
    return f"booking must be not needed, or link:, phone: or email: on the lines below it; found {found(value)}"


def _rule_problems(document: Document, events: list[Any], today: date) -> Iterator[Problem]:
    first_use: dict[str, int] = {}
    for index, event in enumerate(events):
        if not isinstance(event, dict):
            continue
        path: Path = ("events", index)
        yield from _id_problems(document, path, event, first_use)
        day = as_date(event.get("date"))
        yield from _time_problems(document, path, event, day)
        yield from _not_recorded_problems(document, path, event, day, today)
        description = event.get("description")
        if isinstance(description, str):
            yield from _description_problems(document, path + ("description",), description)
        yield from _previous_date_problems(document, path, event, day)
    yield from slip_problems(document, events, today)


def _previous_date_problems(document: Document, path: Path, event: dict[str, Any], day: date | None) -> Iterator[Problem]:
    previous = as_date(event.get("previous_date"))
    if previous is None:
        return
    path += ("previous_date",)
    if previous == day:
        yield document.problem(path, f"previous_date is the date the event was moved from, so it cannot "
                                     f"be its date too ({day.isoformat()}); if only the time changed, "
                                     "remove previous_date and say so in status_note")
    elif event.get("status") == "scheduled":
        yield document.problem(path, "an event with a previous_date has moved to a new date; "
                                     "set status: rescheduled, or remove previous_date")


def _id_problems(document: Document, path: Path, event: dict[str, Any], first_use: dict[str, int]) -> Iterator[Problem]:
    event_id = event.get("id")
    if not isinstance(event_id, str):
        return
    line, column = document.position(path + ("id",))
    if event_id in RESERVED_IDS:
        yield Problem(document.path, line, column, f"id '{event_id}' is kept for the calendar of all events; choose another id")
    if event_id in first_use:
        yield Problem(document.path, line, column, f"id '{event_id}' is already used by the event on line {first_use[event_id]}; "
                                    "each event needs its own id")
    else:
        first_use[event_id] = line


def _upcoming(events: list[Any], index: Any, today: date) -> bool:
    event = events[index] if isinstance(index, int) and index < len(events) else None
    day = as_date(event.get("date")) if isinstance(event, dict) else None
    return day is not None and day >= today


def _time(value: Any) -> time | None:
    if isinstance(value, str) and re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", value):
        return time.fromisoformat(value)
    return None


def _time_problems(document: Document, path: Path, event: dict[str, Any], day: date | None) -> Iterator[Problem]:
    start, end = _time(event.get("start")), _time(event.get("end"))
    if start and end and end <= start:
        yield document.problem(path + ("end",), f"end must be after start, on the same day; "
                                                f"found start {event['start']} and end {event['end']}")
    for name, moment in (("start", start), ("end", end)):
        problem = clock_change_problem(day, moment) if day and moment else None
        if problem:
            yield document.problem(path + (name,), f"{name} {moment:%H:%M} {problem}")


def clock_change_problem(day: date, moment: time) -> str | None:
    """Why a London wall-clock time cannot be used on this day, or None if it can."""
    naive = datetime.combine(day, moment)
    local = naive.replace(tzinfo=LONDON)
    if local.astimezone(timezone.utc).astimezone(LONDON).replace(tzinfo=None) != naive:
        return (f"does not exist on {day.isoformat()}: the clocks go forward an hour that night; "
                "choose a time from 02:00 onwards")
    if local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset():
        return (f"happens twice on {day.isoformat()}: the clocks go back an hour that night; "
                "choose a time before 01:00 or from 02:00 onwards")
    return None


def _not_recorded_problems(document: Document, path: Path, event: dict[str, Any], day: date | None,
                           today: date) -> Iterator[Problem]:
    listed = event.get("not_recorded")
    if not isinstance(listed, list) or not listed:
        return
    line, column = document.position(path + ("not_recorded",), key=True)
    if day is not None and day >= today:
        yield Problem(document.path, line, column, f"not_recorded is only for past events; this event is on {day.isoformat()}, "
                                    "so give every detail and remove not_recorded")
        return  # Whatever it lists, the fix is the same: remove it.
    venue = event.get("venue") if isinstance(event.get("venue"), dict) else {}
    for reason in listed:
        given = [name for name, stands_for in NOT_RECORDABLE.items()
                 if stands_for == reason and name in (venue if reason in ("address", "postcode") else event)]
        if given:
            yield Problem(document.path, line, column, f"not_recorded lists {reason}, but this event gives {given[0]}; "
                                        f"remove {reason} from not_recorded or remove {given[0]}")


def _description_problems(document: Document, path: Path, text: str) -> Iterator[Problem]:
    html = _HTML.search(text)
    if html:
        yield document.problem(path, f"description must not contain HTML; found {found(html.group(0))}; "
                                     "use Markdown instead, like **bold** or [text](https://www.example.org)")
    for target in _LINK_TARGET.findall(text):
        # [text](address "a title") is allowed: the title is not part of the address.
        target = re.sub(r"""\s+("[^"]*"|'[^']*')\s*$""", "", target.strip()).strip("<>")
        if not target.lower().startswith(ALLOWED_SCHEMES) or any(character.isspace() for character in target):
            yield document.problem(path, fields.link("a link in description", target))


# -- Slips: warnings ------------------------------------------------------------------------------

_ID_DATE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:-|$)")
_CALLED_OFF = ("cancelled", "postponed")
_EXAMPLE_NOTE = {"cancelled": ("The hall is closed that day.", "The hall was closed that day."),
                 "postponed": ("New date to follow.", "It was moved to a later date.")}


def slip_problems(document: Document, events: list[Any], today: date) -> Iterator[Problem]:
    """A warning for each slip, at the value to look at."""
    slots: dict[tuple[str, date, str], tuple[int, str, Any]] = {}

    def warn(path: Path, message: str) -> Problem:
        return document.problem(path, message, WARNING)

    for index, event in enumerate(events):
        day = as_date(event.get("date")) if isinstance(event, dict) else None
        if day is None:
            continue
        path: Path = ("events", index)
        status = event.get("status")
        named = _ID_DATE.match(str(event.get("id", "")))
        in_id = as_date(named.group(1)) if named else None
        added = as_date(event.get("added"))
        if in_id and in_id != day and status != "rescheduled" and "previous_date" not in event:
            yield warn(path + ("date",), (
                f"date {day} is not the date the id starts with, {in_id}; correct the one that is wrong (if the "
                f"event has moved to {day}, keep the id, set status: rescheduled and add previous_date: {in_id})"))
        elif added and day < added and day < today:
            yield warn(path + ("date",), (
                f"date {day} had already passed when the event was added ({added}), so it is listed under Past "
                "events; if the event is still to come, correct the date (is the year right?); if it is a record "
                "of a past event, delete the added line"))
        if status in _CALLED_OFF and not event.get("status_note"):
            upcoming, past = _EXAMPLE_NOTE[status]
            yield warn(path + ("status",), (
                f"this event's date has passed, so status: {status} makes the archive say it did not take place"
                f"{' on that date' if status == 'postponed' else ''}; if it did take place, set status: scheduled; "
                f"if it was {status}, say so in status_note, like status_note: {past}") if day < today else (
                f"a {status} event should tell people why, or what happens next, in status_note, like "
                f"status_note: {upcoming}"))
        venue = event.get("venue")
        start = event.get("start")
        if status in _CALLED_OFF or not isinstance(venue, dict) or not isinstance(start, str):
            continue
        slot = (" ".join(str(venue.get("name", "")).split()).casefold(), day, start)
        if slot in slots and slots[slot][2] != event.get("id"):  # the same id twice is already an error
            line, title, _ = slots[slot]
            yield warn(path + ("start",), (
                f"this event has the same venue, date and start time as the event on line {line} ({title}); if they "
                "are the same event, delete one; if not, check the date and start time"))
        elif slot not in slots:
            slots[slot] = (document.position(path + ("id",))[0], str(event.get("title", "")), event.get("id"))
