"""Any text at all gives either output or clean messages: never a traceback, never a half-written file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.build import Outputs, build_events
from events.problems import EventsError

from .helpers import EVENT, TODAY, snapshot

# Edits to a correct file reach the validator's rules; arbitrary text mostly tests the YAML parser.
_edited = st.tuples(st.integers(0, len(EVENT)), st.integers(0, 8),
                    st.text(alphabet=st.sampled_from(list(":-'\"[]{}#&*!|>\n \t0123456789ayn<")), max_size=6)
                    ).map(lambda edit: EVENT[:edit[0]] + edit[2] + EVENT[edit[0] + edit[1]:])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=200), _edited))
def test_any_text_builds_or_fails_cleanly_leaving_output_unchanged(text: str, tmp_path: Path) -> None:
    out = Outputs.under(tmp_path / "out")
    data = tmp_path / "events.yml"
    data.write_text(EVENT, encoding="utf-8")
    build_events(data, out, TODAY, "https://example.org/")
    before = snapshot(tmp_path / "out")
    data.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        build_events(data, out, TODAY, "https://example.org/")
    except EventsError as error:
        assert error.problems and all(p.line >= 1 and p.column >= 1 and p.message for p in error.problems)
        assert snapshot(tmp_path / "out") == before


@pytest.mark.parametrize("text", ["events:\n" + "  " * 0 + "[" * 500 + "]" * 500, "a: &a [x]\nb: [*a, *a]\n",
                                  "\ufeffevents: []\n", "events: !!python/object:os.system [ls]\n"])
def test_awkward_yaml_gives_clean_messages(text: str, tmp_path: Path) -> None:
    data = tmp_path / "events.yml"
    data.write_text(text, encoding="utf-8")
    try:
        build_events(data, Outputs.under(tmp_path / "out"), TODAY, "https://example.org/", check=True)
    except EventsError as error:
        assert error.problems
