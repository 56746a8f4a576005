"""The events page and home page: upcoming, cancelled, postponed, archive and nothing-upcoming states."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import icalendar
import markdown
import pytest

from sitebuild.events.render import description_html

from .helpers import EVENT, FIXTURES, run


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("pages")
    run((FIXTURES / "good.yml").read_text(encoding="utf-8"), folder)
    return {p.name: p.read_text(encoding="utf-8") for p in (folder / "out" / "generated").iterdir()}


def _titles(html: str) -> list[str]:
    return re.findall(r'<h3 id="[^"]+">([^<]+)</h3>', html)


def test_upcoming_events_are_listed_soonest_first_with_every_detail(pages: dict[str, str]) -> None:
    html = pages["upcoming.html"]
    assert _titles(html) == ["Example Postponed Event", "Example Event For Tests", "Example Cancelled Event",
                             "Example Clock Change Event"]
    assert '<time datetime="2027-03-14T18:30:00+00:00">Sunday 14 March 2027</time>, 6:30pm to 8:30pm' in html
    assert "Example Hall For Tests, 1 Example Road, Testville, E8 1AA (Hackney)" in html
    assert 'href="https://www.openstreetmap.org/search?query=E8%201AA"' in html
    assert 'href="https://www.openstreetmap.org/?mlat=51.5291&amp;mlon=-0.0601#map=17/51.5291/-0.0601"' in html
    assert "<dt>Who it is for</dt> <dd>Women and girls aged 16 and over</dd>" in html
    assert "<dd>No need to book</dd>" in html
    assert ('Please book: <a href="https://www.example.org/book">https://www.example.org/book</a>, '
            'phone <a href="tel:+442079460000">020 7946 0000</a>') in html
    assert "<dt>Access</dt> <dd>Lift to the first floor.</dd>" in html
    assert '<a href="calendar/example-event-for-tests.ics" download>' in html
    assert 'data-end="2027-03-14T20:30:00Z"' in html
    assert '<script src="../assets/javascripts/events.js" defer></script>' in html
    assert "data-events-none hidden>" in html


def test_cancelled_and_postponed_events_stay_listed_and_say_so(pages: dict[str, str]) -> None:
    html = pages["upcoming.html"]
    assert ("<strong>Cancelled:</strong> this event will not take place. Sorry for any trouble.</p>") in html
    assert "<strong>Postponed:</strong> this event will not take place on the date shown. New date to follow.</p>" in html


def test_past_events_are_in_the_archive_with_what_is_not_recorded(pages: dict[str, str]) -> None:
    html = pages["archive.html"]
    assert _titles(html) == ["Example Past Event"]
    assert '<time datetime="2025-05-05">Monday 5 May 2025</time>, times not recorded' in html
    assert ".ics" not in html


def test_nothing_upcoming_says_how_to_hear_about_new_events(tmp_path: Path) -> None:
    run(EVENT, tmp_path, today=date(2027, 3, 15))
    html = (tmp_path / "out" / "generated" / "upcoming.html").read_text(encoding="utf-8")
    assert "<article" not in html and "application/ld+json" not in html
    assert ('<p class="events-none" data-events-none>There are no upcoming events on this website at the moment. '
            'When one is added, it appears here and in the events calendar: <a href="#get-new-events-in-your-calendar">'
            'add the calendar to your phone or computer</a> to see it there.</p>') in html
    # The home page keeps its space for help: no heading, no "nothing on" line, no script.
    assert (tmp_path / "out" / "generated" / "home.html").read_text(encoding="utf-8").strip() == ""


def test_the_home_page_lists_upcoming_events_under_their_own_heading(tmp_path: Path) -> None:
    run(EVENT, tmp_path, today=date(2027, 3, 1))
    home = (tmp_path / "out" / "generated" / "home.html").read_text(encoding="utf-8")
    assert '<h2 id="upcoming-events">Upcoming events</h2>' in home
    assert '<a href="events/">See the events page</a>' in home


def test_an_event_today_is_still_upcoming(tmp_path: Path) -> None:
    run(EVENT, tmp_path, today=date(2027, 3, 14))
    assert _titles((tmp_path / "out" / "generated" / "upcoming.html").read_text(encoding="utf-8")) == [
        "Example Event For Tests"]


def test_home_shows_the_next_three_with_links_to_the_events_page(pages: dict[str, str]) -> None:
    html = pages["home.html"]
    assert _titles(html) == ["Example Postponed Event", "Example Event For Tests", "Example Cancelled Event"]
    assert '<a href="events/#example-event-for-tests">More about Example Event For Tests</a>' in html
    assert '<a href="events/calendar/example-event-for-tests.ics" download>' in html
    assert '<a href="events/">See all upcoming events</a>' in html
    assert '<script src="assets/javascripts/events.js" defer></script>' in html


def test_feed_links_are_https_and_webcal_with_the_sync_warning(pages: dict[str, str]) -> None:
    html = pages["feed.html"]
    assert 'href="webcal://example.org/site/events/calendar/all-events.ics"' in html
    assert 'href="https://example.org/site/events/calendar/all-events.ics"' in html
    assert "calendar entries can sync to your other devices and accounts" in html


def test_the_download_link_says_what_the_file_holds(pages: dict[str, str]) -> None:
    """The feed holds every event with times, past and upcoming: four of the five example events."""
    assert ('<a href="https://example.org/site/events/calendar/all-events.ics" download>Download a calendar file of all '
            'events with times, upcoming and past</a> (4 events)') in pages["feed.html"]


def test_addresses_are_links_never_text(pages: dict[str, str]) -> None:
    """A preview's address is a local one, so no address is ever shown as text."""
    text = re.sub(r"<[^>]+>", " ", pages["feed.html"])
    assert "example.org" not in text and "://" not in text


def test_with_no_event_with_times_there_is_nothing_to_download_and_the_page_says_so(tmp_path: Path) -> None:
    good = (FIXTURES / "good.yml").read_text(encoding="utf-8")
    untimed_only = "events:\n" + good[good.index("  - id: example-past-event"):]
    run(untimed_only, tmp_path)
    html = (tmp_path / "out" / "generated" / "feed.html").read_text(encoding="utf-8")
    assert "download" not in html.split("There is nothing")[0].split("Subscribe in your calendar app")[1]
    assert ("<li>There is nothing to download yet: the calendar holds only events with a date and times, and there "
            "are none. Subscribe instead, and events will appear in your calendar as they are added.</li>") in html
    assert 'href="webcal://example.org/site/events/calendar/all-events.ics"' in html


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("hostile")
    run((FIXTURES / "hostile.yml").read_text(encoding="utf-8"), folder)
    return {p.name: p.read_text(encoding="utf-8") for p in (folder / "out" / "generated").iterdir()}


def test_text_from_the_data_never_becomes_markup(hostile: dict[str, str]) -> None:
    html = hostile["upcoming.html"]
    assert "<script>" not in html and "<b>" not in html and "</dd></dl>" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; # Heading *em*" in html
    assert html.count("<script") == 2  # The JSON-LD data block and the page's own script file.


def test_no_line_of_a_fragment_can_be_read_as_markdown(hostile: dict[str, str]) -> None:
    for html in hostile.values():
        for line in html.splitlines():
            assert not line.strip() or line.lstrip().startswith("<"), line


def test_the_fragment_passes_through_the_site_markdown_unchanged(hostile: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "upcoming.html").write_text(hostile["upcoming.html"], encoding="utf-8")
    page = f'# Events\n\n## Upcoming events\n\n--8<-- "upcoming.html"\n\n## Sources\n'
    md = markdown.Markdown(extensions=["toc", "attr_list", "md_in_html", "tables", "admonition", "def_list",
                                       "pymdownx.snippets"],
                           extension_configs={"pymdownx.snippets": {"check_paths": True, "base_path": [str(tmp_path)]}})
    output = md.convert(page)
    assert output.count("<h1") == 1 and output.count("<h2") == 2
    assert "<h3" in output and "<em>" not in output.split("event-description")[0]
    assert "site_name" not in output  # The --8<-- lines in the data included nothing.
    assert 'class="x"' not in output
    assert "<blockquote>" not in output and "<pre>" not in output and "<img" not in output


def test_json_ld_cannot_close_its_script_element(hostile: dict[str, str]) -> None:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', hostile["upcoming.html"])
    assert len(blocks) == 1
    assert "<" not in blocks[0] and ">" not in blocks[0] and "&" not in blocks[0]
    assert json.loads(blocks[0])["name"].startswith("</script><script>alert(1)</script>")


@pytest.mark.parametrize("text, expected", [
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ("[x](javascript:alert(1))", "<p><span>x</span></p>"),
    ("[x](https://www.example.org) [y](mailto:a@example.org) [z](tel:+442079460000)",
     '<p><a href="https://www.example.org">x</a> <a href="mailto:a@example.org">y</a> '
     '<a href="tel:+442079460000">z</a></p>'),
    ("# Heading\n\n> quote", "<p># Heading</p> <p>&gt; quote</p>"),
    ("*em* and **strong**\n\n1. one\n2. two", "<p><em>em</em> and <strong>strong</strong></p> <ol> <li>one</li> <li>two</li> </ol>"),
    ("![img](https://www.example.org/x.png)", "<p>![img](https://www.example.org/x.png)</p>"),
])
def test_descriptions_allow_only_paragraphs_lists_links_and_emphasis(text: str, expected: str) -> None:
    assert description_html(text) == expected


def test_json_ld_has_one_event_per_upcoming_event_with_gmt_or_bst_offsets(pages: dict[str, str]) -> None:
    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>',
                                                pages["upcoming.html"])]
    by_name = {b["name"]: b for b in blocks}
    assert len(blocks) == 4 and all(b["@type"] == "Event" and b["@context"] == "https://schema.org" for b in blocks)
    assert by_name["Example Event For Tests"]["startDate"] == "2027-03-14T18:30:00+00:00"
    assert by_name["Example Cancelled Event"]["startDate"] == "2027-06-01T10:00:00+01:00"
    assert by_name["Example Cancelled Event"]["endDate"] == "2027-06-01T12:00:00+01:00"
    assert by_name["Example Clock Change Event"]["startDate"] == "2027-10-31T02:00:00+00:00"
    assert by_name["Example Event For Tests"]["eventStatus"] == "https://schema.org/EventScheduled"
    assert by_name["Example Cancelled Event"]["eventStatus"] == "https://schema.org/EventCancelled"
    assert by_name["Example Postponed Event"]["eventStatus"] == "https://schema.org/EventPostponed"
    event = by_name["Example Event For Tests"]
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"] == {"@type": "Place", "name": "Example Hall For Tests", "address": {
        "@type": "PostalAddress", "streetAddress": "1 Example Road, Testville", "addressLocality": "London",
        "addressRegion": "Hackney", "postalCode": "E8 1AA", "addressCountry": "GB"}}
    assert event["organizer"]["@type"] == "Organization"
    assert event["description"] == "A made-up event for tests.\n\none\ntwo"
    assert event["isAccessibleForFree"] is True and event["offers"]["price"] == "0"
    assert by_name["Example Cancelled Event"]["isAccessibleForFree"] is False
    assert by_name["Example Cancelled Event"]["offers"]["price"] == "2.50"


@pytest.mark.parametrize("status, notice, schema_status, attendance", [
    ("rescheduled", "<strong>Rescheduled:</strong> the date or time has changed; the details below are the new ones.",
     "EventRescheduled", "OfflineEventAttendanceMode"),
    ("moved online", "<strong>Moved online:</strong> this event now takes place online, not at the venue.",
     "EventMovedOnline", "OnlineEventAttendanceMode"),
])
def test_a_rescheduled_or_moved_online_event_says_so_on_the_page_and_in_its_structured_data(
    tmp_path: Path, status: str, notice: str, schema_status: str, attendance: str
) -> None:
    text = EVENT.replace("    status: scheduled\n", f"    status: {status}\n")
    if status == "moved online":
        text += "    online_link: https://www.example.org/online-room\n"
    run(text, tmp_path)
    html = (tmp_path / "out" / "generated" / "upcoming.html").read_text(encoding="utf-8")
    assert notice in html
    (data,) = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)]
    assert data["eventStatus"] == f"https://schema.org/{schema_status}"
    assert data["eventAttendanceMode"] == f"https://schema.org/{attendance}"
    if status == "moved online":
        assert ('Online: <a href="https://www.example.org/online-room">https://www.example.org/online-room</a> '
                "(not at Example Hall For Tests)") in html
        assert data["location"] == {"@type": "VirtualPlace", "url": "https://www.example.org/online-room"}


RESCHEDULED = (EVENT.replace("date: 2027-03-14", "date: 2027-03-21\n    previous_date: 2027-03-14")
               .replace("status: scheduled", "status: rescheduled"))


def test_a_rescheduled_event_shows_its_old_date_on_the_page_in_calendars_and_to_search_engines(tmp_path: Path) -> None:
    run(RESCHEDULED, tmp_path)
    page = (tmp_path / "out" / "generated" / "upcoming.html").read_text(encoding="utf-8")
    assert ("<strong>Rescheduled:</strong> moved from Sunday 14 March 2027; the details below are the new ones.</p>"
            in page)
    assert '"previousStartDate":"2027-03-14"' in page
    entry = _entry(tmp_path, "example-event-for-tests")
    assert str(entry["DESCRIPTION"]).startswith("Moved from Sunday 14 March 2027.\n\n")


def test_a_cancelled_event_offers_to_update_calendars_not_to_add_it(tmp_path: Path) -> None:
    run(EVENT.replace("status: scheduled", "status: cancelled\n    status_note: The hall is closed that day."), tmp_path)
    page = (tmp_path / "out" / "generated" / "upcoming.html").read_text(encoding="utf-8")
    assert ('<p>Added it to your calendar? <a href="calendar/example-event-for-tests.ics" download>Update Example Event '
            'For Tests in your calendar (.ics file)</a>, to mark it cancelled.</p>') in page
    assert "to your calendar (.ics file)" not in page
    assert str(_entry(tmp_path, "example-event-for-tests")["STATUS"]) == "CANCELLED"


def _entry(folder: Path, event_id: str) -> icalendar.Event:
    content = (folder / "out" / "calendar" / f"{event_id}.ics").read_bytes()
    return icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
