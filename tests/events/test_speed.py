"""The quick ways through the pipeline give exactly what the full ways give."""

from __future__ import annotations

import gc
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar.parser import Contentline
from icalendar.parser.string import _foldline

from events import load as load_module
from events import validate as validate_module
from events.build import generate
from events.calendar import _folded, _vevent, _Writer
from events.load import load
from events.model import Event, events_from_data
from events.problems import EventsError

from .helpers import EVENT, FIXTURES, SITE, TODAY

# Edits to a correct file, as in test_property.py, plus characters that reach more schema rules.
_edited = st.tuples(st.integers(0, len(EVENT)), st.integers(0, 8),
                    st.text(alphabet=st.sampled_from(list(":-'\"[]{}#&*!|>\n \t0123456789ayn<@/.hxtps£")), max_size=6)
                    ).map(lambda edit: EVENT[:edit[0]] + edit[2] + EVENT[edit[0] + edit[1]:])


@settings(max_examples=300, deadline=None)
@given(line=st.text(alphabet=st.sampled_from(list("ab \\^;,:é€😀")), max_size=320))
def test_calendar_lines_fold_exactly_as_icalendar_folds_them(line: str) -> None:
    assert _folded(Contentline(line)) == _foldline(line).encode("utf-8")


_STAMP = datetime(2026, 11, 25, tzinfo=timezone.utc)
_FIXTURE_EVENTS = [event for name in ("good.yml", "hostile.yml")
                   for event in events_from_data(load((FIXTURES / name).read_text(encoding="utf-8")).data) if event.start]


@pytest.mark.parametrize("event", _FIXTURE_EVENTS, ids=lambda event: event.id)
def test_calendar_events_are_the_bytes_icalendar_writes(event: Event) -> None:
    assert _Writer(SITE, _STAMP).vevent(event) == _vevent(event, SITE, _STAMP).to_ical()


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab ,;:\\^\"\n\té€😀")), min_size=1, max_size=120),
       status=st.sampled_from(["scheduled", "cancelled", "postponed", "moved online"]))
def test_calendar_events_match_icalendar_for_any_text(text: str, status: str) -> None:
    event = replace(_FIXTURE_EVENTS[0], title=text, status=status, access=text, online_link="https://x.example/" + text,
                    venue=replace(_FIXTURE_EVENTS[0].venue, name=text))
    assert _Writer(SITE, _STAMP).vevent(event) == _vevent(event, SITE, _STAMP).to_ical()


def _full_load(text: str) -> load_module.Document:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load_module, "_quick_load", lambda text: None)
        return load_module.load(text)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(_edited, st.text(max_size=80)))
def test_the_quick_load_gives_the_same_document_or_leaves_it_to_the_full_load(text: str) -> None:
    quick = load_module._quick_load(text)
    if quick is None:
        return
    full = _full_load(text)
    assert (quick.data, quick.values, quick.keys, quick.problems) == (full.data, full.values, full.keys, [])


@pytest.mark.parametrize("text", ["a: b\na: c\n", "k: &x v\nj: *x\n", "a: !t b\n", "a: b\n---\nc: d\n", "? [a]\n: b\n",
                                  "a: [b\n", "[" * 20 + "]" * 20])
def test_anything_unusual_is_left_to_the_full_load(text: str) -> None:
    assert load_module._quick_load(text) is None


@settings(max_examples=300, deadline=None)
@given(text=_edited)
def test_the_quick_schema_check_never_passes_an_event_that_jsonschema_fails(text: str) -> None:
    document = load_module.load(text) if _parses(text) else None
    events = document.data.get("events") if document and isinstance(document.data, dict) else None
    for event in events if isinstance(events, list) else []:
        if not validate_module._event_is_valid()(event):
            continue
        assert list(validate_module._event_validator().iter_errors(event)) == []


def _parses(text: str) -> bool:
    try:
        load_module.load(text)
    except EventsError:
        return False
    return True


def test_a_build_leaves_the_cycle_collector_as_it_found_it() -> None:
    assert gc.isenabled()
    generate(EVENT, TODAY, SITE)
    assert gc.isenabled()
    with pytest.raises(EventsError):
        generate("events: [", TODAY, SITE)
    assert gc.isenabled()
