"""Any text at all gives either output or clean messages: never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitebuild import events
from sitebuild.problems import Failed

from .helpers import EVENT, TODAY

# Edits to a correct file reach the validator's rules; arbitrary text mostly tests the YAML parser.
_edited = st.tuples(st.integers(0, len(EVENT)), st.integers(0, 8),
                    st.text(alphabet=st.sampled_from(list(":-'\"[]{}#&*!|>\n \t0123456789ayn<")), max_size=6)
                    ).map(lambda edit: EVENT[:edit[0]] + edit[2] + EVENT[edit[0] + edit[1]:])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=200), _edited))
def test_any_text_builds_or_fails_cleanly(text: str, tmp_path: Path) -> None:
    data = tmp_path / "events.yml"
    data.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        events.build(data, "events.yml", TODAY, "https://example.org/", placeholders=False)
    except Failed as error:
        assert error.problems and all(p.line >= 1 and p.column >= 1 and p.message for p in error.problems)


@pytest.mark.parametrize("text", ["events:\n" + "  " * 0 + "[" * 500 + "]" * 500, "a: &a [x]\nb: [*a, *a]\n",
                                  "\ufeffevents: []\n", "events: !!python/object:os.system [ls]\n"])
def test_awkward_yaml_gives_clean_messages(text: str, tmp_path: Path) -> None:
    data = tmp_path / "events.yml"
    data.write_text(text, encoding="utf-8")
    try:
        events.build(data, "events.yml", TODAY, "https://example.org/", placeholders=False)
    except Failed as error:
        assert error.problems
