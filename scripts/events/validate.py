"""Checks the loaded events against data/events.schema.json, then the rules a schema cannot express.

Every problem is phrased as the rule that was broken, quotes the value found, and sits at the
line and column where it was typed. All problems are collected in one run.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path as FilePath
from typing import Any, Callable, Iterator

import jsonschema

from events.load import Document, Path
from events.model import LONDON
from events.problems import Problem, found

SCHEMA_PATH = FilePath(__file__).resolve().parents[2] / "data" / "events.schema.json"

# Reserved: the file name of the feed of all events sits beside each event's own .ics file.
RESERVED_IDS = {"all-events"}

# Fields a past event may leave out by listing them under not_recorded: field -> what to list.
NOT_RECORDABLE = {"start": "times", "end": "times", "booking": "booking", "cost": "cost",
                  "access": "access", "address": "address", "postcode": "postcode"}

_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][^>\n]{0,40}>?")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
ALLOWED_SCHEMES = ("https://", "mailto:", "tel:")


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The events JSON Schema: the one definition of fields shared with editors."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(schema(), format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


@functools.lru_cache(maxsize=1)
def _event_validator() -> jsonschema.Draft7Validator:
    """The same validator aimed at one event; it still resolves $refs against the whole schema."""
    return _validator().evolve(schema=schema()["definitions"]["event"])


@functools.lru_cache(maxsize=1)
def _event_is_valid() -> Callable[[Any], bool]:
    """A compiled yes/no check of one event, many times faster than jsonschema.

    It only decides which events need jsonschema's detailed errors, so every message still comes
    from jsonschema. It must never pass an event jsonschema would fail: its formats are
    jsonschema's own checks, and its patterns are if anything stricter ($ matches only at the end).
    """
    import fastjsonschema  # only here: compiling it costs more than it saves on a short events file

    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    formats = {name: functools.partial(checker.conforms, format=name) for name in ("date", "email")}
    event = {"definitions": schema()["definitions"], "$ref": "#/definitions/event"}
    compiled = fastjsonschema.compile(event, formats=formats)

    def is_valid(value: Any) -> bool:
        try:
            compiled(value)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return is_valid


@functools.lru_cache(maxsize=1)
def _messages() -> dict[tuple[str, ...], str]:
    """Each field's errorMessage from the schema, keyed by its path with '*' for list items."""
    root = schema()
    table: dict[tuple[str, ...], str] = {}

    def walk(node: dict[str, Any], key: tuple[str, ...]) -> None:
        if "$ref" in node:
            node = root["definitions"][node["$ref"].rsplit("/", 1)[1]]
        if "errorMessage" in node:
            table.setdefault(key, node["errorMessage"])
        for name, sub in node.get("properties", {}).items():
            walk(sub, key + (name,))
        if isinstance(node.get("items"), dict):
            walk(node["items"], key + ("*",))
        for sub in node.get("allOf", []):
            walk(sub, key)
        for branch in ("then", "else"):
            if branch in node:
                walk(node[branch], key)

    walk(root, ())
    return table


@functools.lru_cache(maxsize=None)
def _allowed(key: tuple[str, ...]) -> tuple[str, ...]:
    """The field names allowed in the mapping at this schema key."""
    names: set[str] = set()

    def walk(node: dict[str, Any], rest: tuple[str, ...]) -> None:
        if "$ref" in node:
            node = schema()["definitions"][node["$ref"].rsplit("/", 1)[1]]
        if not rest:
            names.update(node.get("properties", {}))
        elif rest[0] == "*" and isinstance(node.get("items"), dict):
            walk(node["items"], rest[1:])
        elif rest[0] in node.get("properties", {}):
            walk(node["properties"][rest[0]], rest[1:])
        for branch in ("then", "else"):
            if branch in node and not rest:
                walk(node[branch], rest)

    walk(schema(), key)
    return tuple(sorted(names))


def _key(path: Path) -> tuple[str, ...]:
    return tuple("*" if isinstance(part, int) else part for part in path)


def _label(path: Path) -> str:
    names = [part for part in path if isinstance(part, str)]
    return names[-1] if names else "the file"


def _where(path: Path) -> str:
    """How a mapping is named in a message: the top of the file, an event, or a field."""
    if not path:
        return "at the top of the file"
    if isinstance(path[-1], int):
        return "in an event"
    return f"under {path[-1]}"


def validate(document: Document, today: date) -> list[Problem]:
    """Every problem in the document, schema and rules, sorted by position."""
    problems = list(document.problems)
    seen: set[tuple[int, int, str]] = set()
    for problem in _schema_problems(document):
        # Two schema keywords (say pattern and format) can fail on one value with one message.
        if (problem.line, problem.column, problem.message) not in seen:
            seen.add((problem.line, problem.column, problem.message))
            problems.append(problem)
    if isinstance(document.data, dict) and isinstance(document.data.get("events"), list):
        problems += _rule_problems(document, document.data["events"], today)
    return sorted(set(problems))


# Below this many events, compiling the quick check takes longer than checking every event in detail.
QUICK_CHECK_FROM = 100


def _schema_errors(data: Any) -> Iterator[tuple[Path, jsonschema.ValidationError]]:
    """jsonschema's errors with their paths; only events the quick check fails are checked in detail."""
    events = data.get("events") if isinstance(data, dict) else None
    if not isinstance(events, list):
        for error in _validator().iter_errors(data):
            yield tuple(error.absolute_path), error
        return
    # The top of the file on its own: events' type and items are then checked event by event.
    for error in _validator().iter_errors({**data, "events": []}):
        yield tuple(error.absolute_path), error
    quick = _event_is_valid() if len(events) >= QUICK_CHECK_FROM else None
    for index, event in enumerate(events):
        if quick is not None and quick(event):
            continue
        for error in _event_validator().iter_errors(event):
            yield ("events", index, *error.absolute_path), error


def _schema_problems(document: Document) -> Iterator[Problem]:
    messages = _messages()
    for path, error in _schema_errors(document.data):
        rule = messages.get(_key(path))
        if error.validator == "required":
            for name in error.validator_value:
                if isinstance(error.instance, dict) and name not in error.instance:
                    yield _missing(document, path, name)
        elif error.validator == "additionalProperties":
            allowed = _allowed(_key(path))
            for name in sorted(set(error.instance) - set(allowed)):
                yield _unknown(document, path, name, allowed)
        elif error.validator == "dependencies":
            line, column = document.position(path)
            yield Problem(line, column, "latitude and longitude must be given together; add the missing one, "
                                        "or remove both to link the map by postcode")
        elif error.validator == "format" and error.validator_value == "date":
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", str(error.instance)):
                continue  # The pattern's message already says how to write a date.
            line, column = document.position(path)
            yield Problem(line, column, f"date {error.instance} does not exist; check the day and the month")
        elif error.validator == "uniqueItems":
            line, column = document.position(path)
            yield Problem(line, column, f"{_label(path)} lists the same thing twice; list each one once")
        elif error.validator == "if":
            continue  # Its then/else branches report the actual problem.
        else:
            line, column = document.position(path)
            if rule is None and isinstance(path[-1:][0] if path else None, int):
                rule = messages.get(_key(path[:-1]))
            text = rule or error.message
            yield Problem(line, column, f"{text}; found {found(error.instance)}")


def _missing(document: Document, path: Path, name: str) -> Problem:
    line, column = document.position(path)
    rule = _messages().get(_key(path + (name,)))
    hint = f": {rule}" if rule else ""
    where = "this event" if path and isinstance(path[-1], int) else ("the venue" if path[-1:] == ("venue",) else "the file")
    text = f"{where} has no {name}; add it{hint}"
    if name in NOT_RECORDABLE and where != "the file":
        text += f" (for a past event where it was never recorded, list {NOT_RECORDABLE[name]} under not_recorded)"
    return Problem(line, column, text)


def _unknown(document: Document, path: Path, name: str, allowed: tuple[str, ...]) -> Problem:
    line, column = document.position(path + (name,), key=True)
    suggestion = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    if suggestion:
        hint = f"did you mean '{suggestion[0]}'?"
    else:
        hint = f"the fields allowed here are: {', '.join(allowed)}"
    return Problem(line, column, f"'{name}' is not a field allowed {_where(path)}; {hint}")


def _rule_problems(document: Document, events: list[Any], today: date) -> Iterator[Problem]:
    first_use: dict[str, int] = {}
    for index, event in enumerate(events):
        if not isinstance(event, dict):
            continue
        path: Path = ("events", index)
        yield from _id_problems(document, path, event, first_use)
        day = _date(event.get("date"))
        yield from _time_problems(document, path, event, day)
        yield from _not_recorded_problems(document, path, event, day, today)
        description = event.get("description")
        if isinstance(description, str):
            yield from _description_problems(document, path + ("description",), description)


def _id_problems(document: Document, path: Path, event: dict[str, Any], first_use: dict[str, int]) -> Iterator[Problem]:
    event_id = event.get("id")
    if not isinstance(event_id, str):
        return
    line, column = document.position(path + ("id",))
    if event_id in RESERVED_IDS:
        yield Problem(line, column, f"id '{event_id}' is kept for the calendar of all events; choose another id")
    if event_id in first_use:
        yield Problem(line, column, f"id '{event_id}' is already used by the event on line {first_use[event_id]}; "
                                    "each event needs its own id")
    else:
        first_use[event_id] = line


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _time(value: Any) -> time | None:
    if isinstance(value, str) and re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", value):
        return time.fromisoformat(value)
    return None


def _time_problems(document: Document, path: Path, event: dict[str, Any], day: date | None) -> Iterator[Problem]:
    start, end = _time(event.get("start")), _time(event.get("end"))
    if start and end and end <= start:
        line, column = document.position(path + ("end",))
        yield Problem(line, column, f"end must be after start, on the same day; found start {event['start']} "
                                    f"and end {event['end']}")
    if day is None:
        return
    for name, moment in (("start", start), ("end", end)):
        if moment is None:
            continue
        line, column = document.position(path + (name,))
        problem = clock_change_problem(day, moment)
        if problem:
            yield Problem(line, column, f"{name} {moment:%H:%M} {problem}")


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
        yield Problem(line, column, f"not_recorded is only for past events; this event is on {day.isoformat()}, "
                                    "so give every detail and remove not_recorded")
    venue = event.get("venue") if isinstance(event.get("venue"), dict) else {}
    for reason in listed:
        given = [name for name, stands_for in NOT_RECORDABLE.items()
                 if stands_for == reason and name in (venue if reason in ("address", "postcode") else event)]
        if given:
            yield Problem(line, column, f"not_recorded lists {reason}, but this event gives {given[0]}; "
                                        f"remove {reason} from not_recorded or remove {given[0]}")


def _description_problems(document: Document, path: Path, text: str) -> Iterator[Problem]:
    line, column = document.position(path)
    html = _HTML.search(text)
    if html:
        yield Problem(line, column, f"description must not contain HTML; found {found(html.group(0))}; "
                                    "use Markdown instead, like **bold** or [text](https://www.example.org)")
    for target in _LINK_TARGET.findall(text):
        if not target.lower().startswith(ALLOWED_SCHEMES):
            yield Problem(line, column, f"a link in description must start with https://, mailto: or tel:; "
                                        f"found {found(target)}")
