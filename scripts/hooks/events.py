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
SCRIPTS = str(Path(__file__).resolve().parent.parent)
sys.path.insert(0, SCRIPTS)

from events.paths import DATA, OUT, london_today  # noqa: E402
from step_cache import StepRecord  # noqa: E402


def on_pre_build(config) -> None:
    """Writes the events output, or stops the build with every problem in data/events.yml."""
    today_text = os.environ.get("EVENTS_TODAY")
    try:
        today = date.fromisoformat(today_text) if today_text else london_today()
    except ValueError:
        raise PluginError(f"EVENTS_TODAY must be a date written YYYY-MM-DD, like 2027-03-14; found {today_text!r}") from None
    data = Path(os.environ.get("EVENTS_DATA") or DATA)
    site_url = config["site_url"] or "http://127.0.0.1:8000/"
    record = StepRecord("events", Path(config.config_file_path).parent, [(OUT / "generated", "*"), (OUT / "calendar", "*")])
    key = record.key([data], [str(today), site_url])
    if record.unchanged(key):
        return
    # Loaded only when the step runs (icalendar and jsonschema take about 70 ms to load). MkDocs
    # takes scripts/ off the path once hooks are loaded, and these modules import others from there.
    if SCRIPTS not in sys.path:
        sys.path.insert(0, SCRIPTS)
    from events.build import build_events
    from events.problems import EventsError

    try:
        build_events(data, today=today, site_url=site_url)
    except EventsError as error:
        shown = os.path.relpath(data)
        raise PluginError(f"{shown} breaks these rules, so the events were not updated:\n"
                          + error.report(shown, github=os.environ.get("GITHUB_ACTIONS") == "true")) from None
    record.save(key)
