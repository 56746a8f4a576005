"""MkDocs hook: regenerates the events fragments and calendar files before every build and serve rebuild.

It only calls scripts/events (the same code as scripts/build_events.py), so builders that ignore
MkDocs hooks can run that script first and get identical output. EVENTS_TODAY=YYYY-MM-DD sets the
build date for previews and tests; EVENTS_DATA=path builds from another events file (the tests'
example events), which, unlike data/events.yml, may use the example's placeholder values.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError

# scripts/ first, so `events` is the package there and not this file (MkDocs puts hooks/ on the path).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from events.build import DATA, build_events, london_today  # noqa: E402
from events.problems import EventsError  # noqa: E402


def on_pre_build(config) -> None:
    """Writes the events output, or stops the build with every problem in data/events.yml."""
    today_text = os.environ.get("EVENTS_TODAY")
    try:
        today = date.fromisoformat(today_text) if today_text else london_today()
    except ValueError:
        raise PluginError(f"EVENTS_TODAY must be a date written YYYY-MM-DD, like 2027-03-14; found {today_text!r}") from None
    data = Path(os.environ.get("EVENTS_DATA") or DATA)
    try:
        build_events(data, today=today, site_url=config["site_url"] or "http://127.0.0.1:8000/")
    except EventsError as error:
        shown = os.path.relpath(data)
        raise PluginError(f"{shown} breaks these rules, so the events were not updated:\n"
                          + error.report(shown, github=os.environ.get("GITHUB_ACTIONS") == "true")) from None
