"""Mistakes an officer might make in data/events.yml get the exact message, line and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitebuild.yamlfile import load
from sitebuild.events import london_today
from sitebuild.problems import Failed
from sitebuild.events.validate import validate

from .helpers import EVENT, FIXTURES, TODAY


def problems(text: str, today: date = TODAY) -> list[tuple[int, int, str]]:
    """(line, column, message) for every problem in text."""
    try:
        document = load(text, "events.yml")
    except Failed as error:
        return [(p.line, p.column, p.message) for p in error.problems]
    return [(p.line, p.column, p.message) for p in validate(document, today)]


def test_the_example_event_is_valid() -> None:
    assert problems(EVENT) == []


@pytest.mark.real_content
def test_the_real_events_file_is_valid() -> None:
    """On today's date in London, as the pull request's check and the nightly build judge it: which
    events are past (and so may leave details out) depends on the day, not on when this test was written.
    Warnings (slip_problems() in validate.py) are advice, as for pages: errors would fail every pull request."""
    text = (Path(__file__).resolve().parents[2] / "data" / "events.yml").read_text(encoding="utf-8")
    found = validate(load(text, "data/events.yml"), london_today(), placeholders=True)
    assert [problem.as_text() for problem in found if problem.is_error] == []


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


# One mistake, one message, at the line and column where it was made, saying the rule broken and
# what to write instead. Each message names only the rule the value breaks, never one it meets.
BAD = [
    # Dates and times
    pytest.param("date: 2027-03-14", "date: 14/3/2027",
                 [(4, 11, "date must be written YYYY-MM-DD, like 2027-03-14; found '14/3/2027'")], id="date-format"),
    pytest.param("date: 2027-03-14", "date: 1999-03-14",
                 [(4, 11, "date must be in the years 2000 to 2099; found 1999-03-14")], id="date-year"),
    pytest.param("date: 2027-03-14", "date: 2027-02-30",
                 [(4, 11, "date 2027-02-30 does not exist; check the day and the month")], id="date-does-not-exist"),
    pytest.param('start: "18:30"', "start: 6.30pm",
                 [(5, 12, "start must be a 24-hour time written HH:MM, like 18:30; found '6.30pm'")], id="time-format"),
    pytest.param('start: "18:30"', 'start: "24:00"',
                 [(5, 12, "start must be a real time, from 00:00 to 23:59; found '24:00'")], id="time-not-real"),
    pytest.param('start: "18:30"', "start: 9:30",
                 [(5, 12, "start must have two digits for the hour; write it as 09:30")], id="time-one-digit-hour"),
    pytest.param('end: "20:30"', "end:",
                 [(6, 9, 'end is empty; after end: write the end time, in London, written HH:MM in quotes, '
                         'like "20:30"')], id="time-empty"),
    pytest.param('end: "20:30"', 'end: "17:00"',
                 [(6, 10, "end must be after start, on the same day; found start 18:30 and end 17:00")],
                 id="end-before-start"),
    pytest.param('date: 2027-03-14\n    start: "18:30"', 'date: 2027-03-28\n    start: "01:30"',
                 [(5, 12, "start 01:30 does not exist on 2027-03-28: the clocks go forward an hour that night; "
                          "choose a time from 02:00 onwards")], id="time-in-the-spring-gap"),
    pytest.param('date: 2027-03-14\n    start: "18:30"', 'date: 2027-10-31\n    start: "01:30"',
                 [(5, 12, "start 01:30 happens twice on 2027-10-31: the clocks go back an hour that night; "
                          "choose a time before 01:00 or from 02:00 onwards")], id="time-in-the-autumn-repeat"),
    # Text
    pytest.param("title: Example Event For Tests", "title: " + "A" * 130,
                 [(3, 12, "title must be at most 120 characters; this one has 130")], id="too-long"),
    pytest.param("title: Example Event For Tests", "title: |\n      Two\n      lines",
                 [(3, 12, "title must be on one line; it has a line break after 'Two'")], id="line-break"),
    pytest.param("title: Example Event For Tests", 'title: "A\\tB"',
                 [(3, 12, "title must not contain a tab; use a space instead (the tab is after 'A')")], id="tab-in-text"),
    pytest.param("title: Example Event For Tests", "title:",
                 [(3, 11, "title is empty; after title: write the event's name, on one line")], id="empty"),
    pytest.param("description: A made-up event for tests.", "description: " + "x" * 2100,
                 [(13, 18, "description must be at most 2000 characters; this one has 2100")], id="description-too-long"),
    # Venue
    pytest.param("postcode: E8 1AA", "postcode: e8 1aa",
                 [(10, 17, "postcode must be in capitals; found 'e8 1aa'; write it as E8 1AA")], id="postcode-capitals"),
    pytest.param("postcode: E8 1AA", "postcode: E81AA",
                 [(10, 17, "postcode must be written with one space before the last three characters; found 'E81AA'; "
                           "write it as E8 1AA")], id="postcode-space"),
    pytest.param("postcode: E8 1AA", "postcode: e81aa",
                 [(10, 17, "postcode must be in capitals, with one space before the last three characters; "
                           "found 'e81aa'; write it as E8 1AA")], id="postcode"),
    pytest.param("postcode: E8 1AA", "postcode: E8",
                 [(10, 17, "postcode must be a whole UK postcode, like E8 1AA; found 'E8'")], id="postcode-part"),
    pytest.param("borough: Hackney", "borough: Islington",
                 [(11, 16, "borough must be Hackney or Tower Hamlets; found 'Islington'")], id="borough"),
    pytest.param("borough: Hackney", "borough: hackney",
                 [(11, 16, "borough must be written exactly Hackney; found 'hackney'")], id="borough-case"),
    pytest.param("      borough: Hackney\n", "      borough: Hackney\n      latitude: 51.5461\n",
                 [(8, 7, "latitude and longitude must be given together; add the missing one, or remove both to link "
                         "the map by postcode")], id="latitude-alone"),
    pytest.param("      borough: Hackney\n", "      borough: Hackney\n      latitude: 51.5\n      longitude: -0.0754\n",
                 [(12, 17, "latitude must have 3 to 7 decimals, like 51.5461; found '51.5'")], id="latitude-decimals"),
    pytest.param("      borough: Hackney\n", "      borough: Hackney\n      latitude: -0.0754\n      longitude: 51.5461\n",
                 [(12, 17, "latitude and longitude are the wrong way round: swap their values (in London, latitude "
                           "starts 51. and longitude starts 0. or -0.)")], id="coordinates-swapped"),
    # Choices
    pytest.param("status: scheduled", "status: no",
                 [(17, 13, "status must be one of: scheduled, cancelled, postponed, rescheduled, moved online; "
                           "found 'no'")], id="yaml-boolean-trap"),
    pytest.param("status: scheduled", "status: canceled",
                 [(17, 13, "status must be one of: scheduled, cancelled, postponed, rescheduled, moved online; "
                           "found 'canceled'; did you mean cancelled?")], id="status-spelling"),
    pytest.param("status: scheduled", "status: Cancelled",
                 [(17, 13, "status must be written exactly cancelled; found 'Cancelled'")], id="status-case"),
    pytest.param("cost: free", "cost: Free", [(15, 11, "cost must be written free, in lower case; found 'Free'")],
                 id="cost-case"),
    pytest.param("cost: free", "cost: 5", [(15, 11, "cost must start with £ when it is a price; write it as £5")],
                 id="cost-pound-sign"),
    pytest.param("cost: free", "cost: £2.5", [(15, 11, "cost must give pence with two digits; write it as £2.50")],
                 id="cost-pence"),
    pytest.param("cost: free", "cost: donations welcome",
                 [(15, 11, "cost must be free or a price in pounds, like £5 or £2.50; found 'donations welcome'; "
                           "say anything more about the cost in description")], id="cost-words"),
    # Booking, links, phone numbers and email addresses
    pytest.param("booking: not needed", "booking: yes",
                 [(14, 14, "booking must be not needed, or link:, phone: or email: on the lines below it; "
                           "found 'yes'")], id="booking-yes"),
    pytest.param("booking: not needed", "booking: Not needed",
                 [(14, 14, "booking must be written not needed, in lower case; found 'Not needed'")], id="booking-case"),
    pytest.param("booking: not needed", "booking: https://www.example.org/book",
                 [(14, 14, "booking must be not needed, or have link: on the line below it; move "
                           "'https://www.example.org/book' there, as link: https://www.example.org/book, indented two "
                           "more spaces than booking:")], id="booking-link-on-the-same-line"),
    pytest.param("booking: not needed", "booking:",
                 [(14, 13, "booking is empty; write not needed after booking:, or add link:, phone: or email: on the "
                           "lines below it")], id="booking-empty"),
    pytest.param("booking: not needed", "booking: {}",
                 [(14, 14, "booking has nothing in it; write not needed after booking:, or add link:, phone: or "
                           "email: on the lines below it")], id="booking-nothing-in-it"),
    pytest.param("booking: not needed", "booking:\n      link: http://www.example.org/book",
                 [(15, 13, "booking link must start with https://, not http://; found 'http://www.example.org/book'")],
                 id="booking-link-not-https"),
    pytest.param("booking: not needed", "booking:\n      link: https://www.exa mple.org/book",
                 [(15, 13, "booking link must not contain spaces; found 'https://www.exa mple.org/book'")],
                 id="link-with-a-space"),
    pytest.param("booking: not needed", "booking:\n      link: www.example.org/book",
                 [(15, 13, "booking link must start with https://, mailto: or tel:; write it as "
                           "https://www.example.org/book")], id="link-without-https"),
    pytest.param("booking: not needed", "booking:\n      link: ftp://files.example.org/book",
                 [(15, 13, "booking link must start with https://, mailto: or tel:, like https://www.example.org/book; "
                           "found 'ftp://files.example.org/book'")], id="link-wrong-scheme"),
    pytest.param("booking: not needed", "booking:\n      link: tel:020 7946 0000",
                 [(15, 13, "booking link must be tel: then + and digits only, with no spaces, like tel:+442079460000; "
                           "found 'tel:020 7946 0000'")], id="tel-link"),
    pytest.param("booking: not needed", "booking:\n      phone: 020-7946-0000",
                 [(15, 14, "booking phone must be written with digits and spaces only, like 020 7946 0000; "
                           "found '020-7946-0000', which has -")], id="phone-hyphens"),
    pytest.param("booking: not needed", "booking:\n      phone: 020 794",
                 [(15, 14, "booking phone must have 10 or 11 digits, like 020 7946 0000; found '020 794', which has 6")],
                 id="phone-short"),
    pytest.param("booking: not needed", "booking:\n      email: events example.org",
                 [(15, 14, "booking email must not contain spaces and have one @, like name@example.org; "
                           "found 'events example.org'")], id="email-no-at"),
    pytest.param("booking: not needed", "booking:\n      email: mailto:events@example.org",
                 [(15, 14, "booking email must be the address alone, without mailto:; write it as events@example.org")],
                 id="email-with-mailto"),
    pytest.param("booking: not needed", "booking:\n      email: events@example",
                 [(15, 14, "booking email must have a whole domain after the @, like name@example.org; "
                           "found 'events@example'")], id="email-domain"),
    pytest.param("    status: scheduled\n", "    status: moved online\n    online_link: http://meet.example.org/x\n",
                 [(18, 18, "online_link must start with https://, not http://; found 'http://meet.example.org/x'")],
                 id="online-link-not-https"),
    pytest.param("    status: scheduled\n", "    status: moved online\n",
                 [(2, 5, "this event has no online_link; add online_link: with the online meeting's https:// address")],
                 id="moved-online-without-link"),
    pytest.param("description: A made-up event for tests.", "description: See [this](javascript:alert(1)).",
                 [(13, 18, "a link in description must start with https://, mailto: or tel:, like "
                           "https://www.example.org/book; found 'javascript:alert(1'")], id="description-link"),
    pytest.param("description: A made-up event for tests.", "description: See [us](https://www.example.org/a b).",
                 [(13, 18, "a link in description must not contain spaces; found 'https://www.example.org/a b'")],
                 id="description-link-with-a-space"),
    pytest.param("description: A made-up event for tests.", "description: See [us](http://www.example.org).",
                 [(13, 18, "a link in description must start with https://, not http://; found 'http://www.example.org'")],
                 id="description-link-not-https"),
    pytest.param("description: A made-up event for tests.", "description: Hello <b>there</b>",
                 [(13, 18, "description must not contain HTML; found '<b>'; use Markdown instead, "
                           "like **bold** or [text](https://www.example.org)")], id="description-html"),
    # Ids
    pytest.param("id: example-event-for-tests", "id: Example Event",
                 [(2, 9, "id must be lower-case letters, digits and single hyphens, like 2027-03-14-dalston-safety-evening; "
                         "'Example Event' has capital letters and spaces; write it as example-event")], id="id-format"),
    pytest.param("id: example-event-for-tests", "id: " + "a" * 90,
                 [(2, 9, "id must be at most 80 characters; this one has 90")], id="id-too-long"),
    pytest.param("id: example-event-for-tests", "id: all-events",
                 [(2, 9, "id 'all-events' is kept for the calendar of all events; choose another id")], id="reserved-id"),
    # Fields missing, misspelt or at the wrong indentation: one message each, where it was typed
    pytest.param("    audience: Women only\n", "",
                 [(2, 5, "this event has no audience; add audience: with who the event is for, on one line, like Women only")],
                 id="missing"),
    pytest.param("    access: Step-free entrance.\n", "",
                 [(2, 5, "this event has no access; add access: with how people get in, like Step-free entrance and an "
                         "accessible toilet (for a past event where it was never recorded, list access under "
                         "not_recorded instead)")], id="missing-field"),
    pytest.param("    title:", "    titel:",
                 [(3, 5, "'titel' is not a field allowed in an event; did you mean 'title'?")], id="misspelt-field"),
    pytest.param("      postcode:", "      postocde:",
                 [(10, 7, "'postocde' is not a field allowed under venue; did you mean 'postcode'?")],
                 id="misspelt-venue-field"),
    pytest.param("booking: not needed", "booking:\n      website: https://www.example.org",
                 [(15, 7, "'website' is not a field allowed under booking; the fields allowed here are: email, link, phone")],
                 id="unknown-field"),
    pytest.param("    venue:\n      name: Example Hall For Tests\n      address: 1 Example Road, Testville\n      postcode: E8 1AA\n      borough: Hackney\n", "    venue:\n    name: Example Hall For Tests\n    address: 1 Example Road, Testville\n"
                          "    postcode: E8 1AA\n    borough: Hackney\n",
                 [(7, 5, "the lines under venue: must be indented by 6 spaces, two more than venue:; name:, address:, "
                         "postcode: and borough: are in line with venue: instead")], id="set-not-indented"),
    pytest.param("    venue:\n      name: Example Hall For Tests\n      address: 1 Example Road, Testville\n      postcode: E8 1AA\n      borough: Hackney\n", "    name: Example Hall For Tests\n    address: 1 Example Road, Testville\n"
                          "    postcode: E8 1AA\n    borough: Hackney\n",
                 [(7, 5, "this event has no venue: line; add venue: above name:, and indent name:, address:, postcode: "
                         "and borough: two more spaces than venue:")], id="set-line-missing"),
    pytest.param("booking: not needed", "booking:\n      link: https://www.example.org/book\n    phone: 020 7946 0000",
                 [(16, 5, "phone: is indented by 4 spaces; indent it by 6 spaces, like the other lines under booking:")],
                 id="field-out-of-its-set"),
    pytest.param("    audience: Women only\n", "      audience: Women only\n",
                 [(12, 7, "audience: is indented by 6 spaces; indent it by 4 spaces, like the event's other fields")],
                 id="field-into-a-set"),
    pytest.param("    audience: Women only\n", "    audience: Women only\n    audience: Everyone\n",
                 [(13, 5, "the field 'audience' appears twice here (first on line 12); keep one and delete the other")],
                 id="duplicate-key"),
    # not_recorded
    pytest.param("    status: scheduled\n", "    status: scheduled\n    not_recorded: [access]\n",
                 [(18, 5, "not_recorded is only for past events; this event is on 2027-03-14, so give every detail "
                          "and remove not_recorded")], id="not-recorded-upcoming"),
    pytest.param("    status: scheduled\n", "    status: scheduled\n    not_recorded: [venue]\n",
                 [(18, 5, "not_recorded is only for past events; this event is on 2027-03-14, so give every detail "
                          "and remove not_recorded")], id="not-recorded-upcoming-listing-anything"),
    pytest.param("    status: scheduled\n", "    status: scheduled\n    not_recorded: times\n",
                 [(18, 19, "not_recorded must be a list in square brackets, like [times, postcode]; found 'times'; "
                           "write it as [times]")], id="not-recorded-not-a-list"),
    # YAML that cannot be read: what to change, where the mistake is
    pytest.param('title: Example Event For Tests', 'title: "Example Event For Tests',
                 [(3, 12, 'this value opens a quote mark (") but does not close it; add " at the end of the value, '
                          'or remove the opening one')], id="yaml-syntax"),
    pytest.param("    title:", "\ttitle:",
                 [(3, 1, "this line is indented with a tab; indent it with spaces instead")], id="tab"),
    pytest.param("name: Example Hall For Tests\n      address: 1 Example Road, Testville",
                 "name: &hall Example Hall For Tests\n      address: *hall",
                 # libyaml gives an alias the anchored value's own node, so the anchor is what is marked.
                 [(8, 13, 'a value cannot start with & unless the whole value is in double quotes; write it as '
                          'name: "&hall Example Hall For Tests"')], id="alias"),
    pytest.param("title: Example Event For Tests", "title: !Important",
                 [(3, 12, 'a value cannot start with ! unless the whole value is in double quotes; write it as '
                          'title: "!Important"')], id="tag"),
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


def test_a_second_event_without_its_dash_is_one_message() -> None:
    second = EVENT.split("\n", 1)[1].replace("  - id: example-event-for-tests", "    id: second-event")
    assert problems(EVENT + second) == [(18, 5, "a new item in the list starts here, so it needs a - before id:, "
                                                "lined up with the - of the others, like - id:")]


@pytest.mark.parametrize("text, expected", [
    ("", [(1, 1, "the events file is empty; it must start with events: followed by the events "
                 "(write events: [] if there are none yet)")]),
    ("- id: x\n", [(1, 1, "the file must start with an events: line, with the events indented below it; "
                          "found a list without one")]),
    ("event:\n  - id: x\n", [(1, 1, "'event' is not a field allowed at the top of the file; did you mean 'events'?")]),
    ("events:\n", [(1, 8, "events is empty; add the events on the lines below it, each starting with - id:, "
                          "or write events: [] if there are none yet")]),
    ("events:\n  id: x\n", [(2, 3, "each event must start with - before its first field, like - id: "
                                    "2027-03-14-dalston-safety-evening; the lines under events: have no -")]),
    ("events:\n  -\n", [(2, 4, "a - here starts an event with no fields; delete it, or add the event's fields after it")]),
    ("events: []\n", []),
])
def test_whole_file_mistakes(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert problems(text) == expected
