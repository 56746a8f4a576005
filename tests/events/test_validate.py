"""Mistakes an officer might make in data/events.yml get the exact message, line and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from events.load import load
from events.problems import EventsError
from events.validate import validate

from .helpers import EVENT, FIXTURES, TODAY


def problems(text: str, today: date = TODAY) -> list[tuple[int, int, str]]:
    """(line, column, message) for every problem in text."""
    try:
        document = load(text)
    except EventsError as error:
        return [(p.line, p.column, p.message) for p in error.problems]
    return [(p.line, p.column, p.message) for p in validate(document, today)]


def test_the_example_event_is_valid() -> None:
    assert problems(EVENT) == []


def test_the_real_events_file_is_valid() -> None:
    text = (Path(__file__).resolve().parents[2] / "data" / "events.yml").read_text(encoding="utf-8")
    assert problems(text) == []


def test_the_good_fixture_is_valid() -> None:
    assert problems((FIXTURES / "good.yml").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("old, new", [
    ('start: "18:30"', "start: 18:30"),          # YAML 1.1 would make this the number 1110
    ('start: "18:30"', "start: '09:05'"),
    ("booking: not needed", "booking:\n      phone: 020 7946 0000\n      email: events@example.org"),
    ("cost: free", "cost: £5"),
    ('date: 2027-03-14\n    start: "18:30"\n    end: "20:30"', 'date: 2027-10-31\n    start: "02:00"\n    end: "03:00"'),
    ("description: A made-up event for tests.",
     "description: |\n      Read [the guide](https://www.example.org) or **call** [us](tel:+442079460000)."),
])
def test_good_variations_are_valid(old: str, new: str) -> None:
    assert problems(EVENT.replace(old, new, 1)) == []


BAD = [
    pytest.param("date: 2027-03-14", "date: 14/3/2027",
                 [(4, 11, "date must be written YYYY-MM-DD, like 2027-03-14, in the years 2000 to 2099; found '14/3/2027'")],
                 id="date-format"),
    pytest.param("date: 2027-03-14", "date: 2027-02-30",
                 [(4, 11, "date 2027-02-30 does not exist; check the day and the month")], id="date-does-not-exist"),
    pytest.param('start: "18:30"', "start: 6.30pm",
                 [(5, 12, "start must be a 24-hour time written HH:MM, like 18:30; found '6.30pm'")], id="time-format"),
    pytest.param('end: "20:30"', 'end: "17:00"',
                 [(6, 10, "end must be after start, on the same day; found start 18:30 and end 17:00")],
                 id="end-before-start"),
    pytest.param('date: 2027-03-14\n    start: "18:30"', 'date: 2027-03-28\n    start: "01:30"',
                 [(5, 12, "start 01:30 does not exist on 2027-03-28: the clocks go forward an hour that night; "
                          "choose a time from 02:00 onwards")], id="time-in-the-spring-gap"),
    pytest.param('date: 2027-03-14\n    start: "18:30"', 'date: 2027-10-31\n    start: "01:30"',
                 [(5, 12, "start 01:30 happens twice on 2027-10-31: the clocks go back an hour that night; "
                          "choose a time before 01:00 or from 02:00 onwards")], id="time-in-the-autumn-repeat"),
    pytest.param("postcode: E8 1AA", "postcode: e81aa",
                 [(10, 17, "postcode must be a UK postcode in capitals with one space, like E8 1AA; found 'e81aa'")],
                 id="postcode"),
    pytest.param("borough: Hackney", "borough: Islington",
                 [(11, 16, "borough must be Hackney or Tower Hamlets; found 'Islington'")], id="borough"),
    pytest.param("    title:", "    titel:",
                 [(2, 5, "this event has no title; add it: title must be one line of text, at most 120 characters"),
                  (3, 5, "'titel' is not a field allowed in an event; did you mean 'title'?")], id="misspelt-field"),
    pytest.param("      postcode:", "      postocde:",
                 [(8, 7, "the venue has no postcode; add it: postcode must be a UK postcode in capitals with one space, "
                         "like E8 1AA (for a past event where it was never recorded, list postcode under not_recorded)"),
                  (10, 7, "'postocde' is not a field allowed under venue; did you mean 'postcode'?")], id="misspelt-venue-field"),
    pytest.param("    audience: Women only", "    audience: Women only\n    audience: Everyone",
                 [(13, 5, "the field 'audience' appears twice here (first on line 12); keep one and delete the other")],
                 id="duplicate-key"),
    pytest.param("status: scheduled", "status: no",
                 [(17, 13, "status must be one of: scheduled, cancelled, postponed, rescheduled, moved online; found 'no'")],
                 id="yaml-boolean-trap"),
    pytest.param("booking: not needed", "booking: yes",
                 [(14, 14, "booking must be 'not needed', or give a link, phone or email under it; found 'yes'")],
                 id="booking-yes"),
    pytest.param("booking: not needed", "booking:\n      link: http://www.example.org/book",
                 [(15, 13, "a link must start with https://, mailto: or tel:, like https://www.example.org/book; "
                           "found 'http://www.example.org/book'")], id="booking-link-not-https"),
    pytest.param("description: A made-up event for tests.", "description: See [this](javascript:alert(1)).",
                 [(13, 18, "a link in description must start with https://, mailto: or tel:; found 'javascript:alert(1'")],
                 id="description-link"),
    pytest.param("description: A made-up event for tests.", "description: Hello <b>there</b>",
                 [(13, 18, "description must not contain HTML; found '<b>'; use Markdown instead, "
                           "like **bold** or [text](https://www.example.org)")], id="description-html"),
    pytest.param("id: example-event-for-tests", "id: Example Event",
                 [(2, 9, "id must be lower-case letters, digits and single hyphens, like "
                         "2027-03-14-dalston-safety-evening; found 'Example Event'")], id="id-format"),
    pytest.param("id: example-event-for-tests", "id: all-events",
                 [(2, 9, "id 'all-events' is kept for the calendar of all events; choose another id")], id="reserved-id"),
    pytest.param("    status: scheduled\n", "    status: scheduled\n    not_recorded: [access]\n",
                 [(18, 5, "not_recorded is only for past events; this event is on 2027-03-14, so give every detail "
                          "and remove not_recorded"),
                  (18, 5, "not_recorded lists access, but this event gives access; remove access from not_recorded "
                          "or remove access")], id="not-recorded-upcoming"),
    pytest.param("    access: Step-free entrance.\n", "",
                 [(2, 5, "this event has no access; add it: access must be text of at most 500 characters, like "
                         "Step-free entrance and an accessible toilet (for a past event where it was never recorded, "
                         "list access under not_recorded)")], id="missing-field"),
    pytest.param('title: Example Event For Tests', 'title: "Example Event For Tests',
                 [(5, 13, "the file is not valid YAML: did not find expected key while parsing a block mapping; "
                          "check the indentation, colons and quotes on this line and the one above")],
                 id="yaml-syntax"),
    pytest.param("    title:", "\ttitle:",
                 [(3, 1, "YAML does not allow tabs here; indent with spaces instead")], id="tab"),
    pytest.param("name: Example Hall For Tests\n      address: 1 Example Road, Testville",
                 "name: &hall Example Hall For Tests\n      address: *hall",
                 # libyaml gives an alias the anchored value's own node, so the anchor is what is marked.
                 [(8, 13, "anchors and aliases (& and *) are not allowed in the events file; write each value out in full")],
                 id="alias"),
]


@pytest.mark.parametrize("old, new, expected", BAD)
def test_each_mistake_has_its_message_line_and_column(old: str, new: str, expected: list[tuple[int, int, str]]) -> None:
    text = EVENT.replace(old, new, 1)
    assert text != EVENT
    assert problems(text) == expected


def test_duplicate_ids_point_at_the_second_event() -> None:
    text = EVENT + EVENT.split("\n", 1)[1]
    assert problems(text) == [(18, 9, "id 'example-event-for-tests' is already used by the event on line 2; "
                                      "each event needs its own id")]


@pytest.mark.parametrize("text, expected", [
    ("", [(1, 1, "the file must start with 'events:' followed by a list of events; found nothing")]),
    ("- id: x\n", [(1, 1, "the file must start with 'events:' followed by a list of events; found a list")]),
    ("event:\n  - id: x\n", [(1, 1, "'event' is not a field allowed at the top of the file; did you mean 'events'?"),
                            (1, 1, "the file has no events; add it: events must be a list, each event starting with '- id:'")]),
    ("events: []\n", []),
])
def test_whole_file_mistakes(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert problems(text) == expected
