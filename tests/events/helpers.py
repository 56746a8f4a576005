"""Shared test data: one made-up event as YAML text, and a way to run the whole pipeline on text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sitebuild import events

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "events"
TODAY = date(2026, 11, 25)
SITE = "https://example.org/site/"

# Line numbers matter: tests point at them (1 events, 2 id, 3 title, 4 date, 5 start, 6 end,
# 7 venue, 8 name, 9 address, 10 postcode, 11 borough, 12 audience, 13 description, 14 booking,
# 15 cost, 16 access, 17 status).
EVENT = """\
events:
  - id: example-event-for-tests
    title: Example Event For Tests
    date: 2027-03-14
    start: "18:30"
    end: "20:30"
    venue:
      name: Example Hall For Tests
      address: 1 Example Road, Testville
      postcode: E8 1AA
      borough: Hackney
    audience: Women only
    description: A made-up event for tests.
    booking: not needed
    cost: free
    access: Step-free entrance.
    status: scheduled
"""


def run(text: str, tmp_path: Path, today: date = TODAY) -> events.Output:
    """Writes text as the events file, makes everything from it, and writes it under tmp_path/out:
    the page parts in generated/, the calendar files in calendar/ (as the built site has them)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    data = tmp_path / "events.yml"
    data.write_text(text, encoding="utf-8")
    output = events.build(data, str(data), today, SITE, placeholders=False)
    for name, part in output.parts.items():
        (tmp_path / "out" / "generated").mkdir(parents=True, exist_ok=True)
        (tmp_path / "out" / "generated" / name).write_text(part, encoding="utf-8")
    for name, content in output.files.items():
        (tmp_path / "out" / "calendar").mkdir(parents=True, exist_ok=True)
        (tmp_path / "out" / "calendar" / Path(name).name).write_bytes(content)
    return output


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder, by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
