"""An officer's correct pull request passes every check: the promise CONTRIBUTING.md makes.

A copy of the repository gets the edits an officer makes (OFFICER_EDITS), then every check a pull
request runs (read from .github/workflows/checks.yml), the build that publishes it after merging
(read from deploy.yml), and every test of the real site (those marked real_content, browser tests
aside) run against that copy. All must pass, and the built site must show each edit.

To cover another kind of edit, add one function to OFFICER_EDITS: it changes the copy as an
officer would, and returns what the built site must then show.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
import zoneinfo
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
LONDON = zoneinfo.ZoneInfo("Europe/London")

# What is never copied: tools, builds and test output, which a fresh clone does not have either.
_NOT_SOURCES = {".git", ".venv", "site", "node_modules", "test-results", "benchmark-results", ".pytest_cache",
                ".hypothesis", ".site.building", ".site.old", ".generated"}

# (built file, text it must contain), for each edit.
Shown = list[tuple[str, str]]


def _append_event(copy: Path, event: str) -> None:
    events = copy / "data" / "events.yml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text + ("" if text.endswith("\n") else "\n") + event, encoding="utf-8")


def add_upcoming_event(copy: Path, today: datetime.date) -> Shown:
    """An officer adds a correct event a month from today, in the copy's data/events.yml."""
    day = today + datetime.timedelta(days=30)
    event_id = f"{day.isoformat()}-pull-request-test-evening"
    # Made-up but valid values, none of them the example's placeholders (which the check refuses).
    event = f"""\
  - id: {event_id}
    title: Pull request test evening's talk
    date: {day.isoformat()}
    added: {today.isoformat()}
    start: "18:30"
    end: "20:00"
    venue:
      name: Test Fixture Hall
      address: 2 Fixture Street, London
      postcode: E8 1AA
      borough: Hackney
    audience: Women only
    description: |
      A made-up event that the tests add to a copy of the site, to show that a correct event passes every check.
    booking: not needed
    cost: free
    access: Step-free entrance.
    status: scheduled
"""
    _append_event(copy, event)
    return [("events/index.html", f'<h3 id="{event_id}-title">Pull request test evening&#39;s talk</h3>'),
            (f"events/calendar/{event_id}.ics", f"UID:{event_id}@"),
            ("index.html", f'id="{event_id}"')]


def record_a_past_event(copy: Path, today: datetime.date) -> Shown:
    """An officer records an event held yesterday, marking what the record does not say as not recorded."""
    day = today - datetime.timedelta(days=1)
    event_id = f"{day.isoformat()}-pull-request-test-afternoon"
    event = f"""\
  - id: {event_id}
    title: Pull request test afternoon
    date: {day.isoformat()}
    venue:
      name: Test Fixture Centre
      address: 3 Fixture Street, London
      borough: Tower Hamlets
    audience: Women only
    description: |
      A made-up past event that the tests add to a copy of the site, to show that a correct record passes every check.
    status: scheduled
    not_recorded: [times, postcode, booking, cost, access]
"""
    _append_event(copy, event)
    return [("events/index.html", f'<article class="event event--past" id="{event_id}"')]


def _published_event(event_id: str, day: datetime.date, added: datetime.date, change: str) -> str:
    """An event as it was published a while ago, with an officer's change at the end, as CONTRIBUTING.md says.

    Each is dated after add_upcoming_event's, whose event the home page (it lists the next three) must show.
    """
    return f"""\
  - id: {event_id}
    title: Pull request test {event_id.rsplit("-", 1)[-1]} event
    date: {day.isoformat()}
    added: {added.isoformat()}
    start: "10:00"
    end: "12:00"
    venue:
      name: Test Fixture Library
      address: 4 Fixture Street, London
      postcode: E2 9ZZ
      borough: Tower Hamlets
    audience: Everyone
    description: |
      A made-up event that the tests add to a copy of the site, then change as an officer would.
    booking: not needed
    cost: free
    access: Step-free entrance.
{change}"""


def cancel_an_event(copy: Path, today: datetime.date) -> Shown:
    """An officer cancels an upcoming event, saying why."""
    day = today + datetime.timedelta(days=40)
    event_id = f"{day.isoformat()}-pull-request-test-cancelled"
    _append_event(copy, _published_event(event_id, day, today - datetime.timedelta(days=10),
                                         "    status: cancelled\n    status_note: The library is closed that day.\n"))
    return [("events/index.html", "<strong>Cancelled:</strong> this event will not take place. The library is closed that day."),
            ("events/index.html", f'<a href="calendar/{event_id}.ics" download>Update Pull request test cancelled event '
                                  "in your calendar (.ics file)</a>, to mark it cancelled."),
            (f"events/calendar/{event_id}.ics", "STATUS:CANCELLED")]


def postpone_an_event(copy: Path, today: datetime.date) -> Shown:
    """An officer postpones an upcoming event, with no new date yet."""
    day = today + datetime.timedelta(days=45)
    event_id = f"{day.isoformat()}-pull-request-test-postponed"
    _append_event(copy, _published_event(event_id, day, today - datetime.timedelta(days=10),
                                         "    status: postponed\n    status_note: New date to follow.\n"))
    return [("events/index.html", "<strong>Postponed:</strong> this event will not take place on the date shown. "
                                  "New date to follow."),
            (f"events/calendar/{event_id}.ics", "SUMMARY:Postponed: Pull request test postponed event")]


def reschedule_an_event(copy: Path, today: datetime.date) -> Shown:
    """An officer moves an upcoming event a week later: new date, same id, the old date kept."""
    old, new = today + datetime.timedelta(days=50), today + datetime.timedelta(days=57)
    event_id = f"{old.isoformat()}-pull-request-test-rescheduled"
    _append_event(copy, _published_event(event_id, new, today - datetime.timedelta(days=10),
                                         f"    status: rescheduled\n    previous_date: {old.isoformat()}\n"))
    weekday = old.strftime("%A")
    return [("events/index.html", f"<strong>Rescheduled:</strong> moved from {weekday} {old.day} "),
            (f"events/calendar/{event_id}.ics", f"DTSTART;TZID=Europe/London:{new:%Y%m%d}T100000")]


def add_page(copy: Path, today: datetime.date) -> Shown:
    """An officer adds a correct page, with its sources, and a link to it in the navigation."""
    (copy / "docs" / "pull-request-test.md").write_text(f"""\
---
title: Pull request test page
description: A made-up page that the tests add to a copy of the site, to show that a correct new page passes every check.
last_reviewed: {today.isoformat()}
review_interval: 6 months
---

# Pull request test page

The tests add this made-up page to a copy of the site. Then they run every check on it.

## Sources

- [GOV.UK style guide](https://www.gov.uk/guidance/style-guide)
""", encoding="utf-8")
    config = copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    navigation = re.search(r"(?m)^nav:\n(?:[ ]+.*\n)+", text)
    assert navigation, "mkdocs.yml has no nav: section to add the page to"
    entry = "  - Pull request test page: pull-request-test.md\n"
    config.write_text(text[:navigation.end()] + entry + text[navigation.end():], encoding="utf-8")
    return [("pull-request-test/index.html", "<title>Pull request test page"),
            ("index.html", 'href="pull-request-test/"')]


def change_a_register_entry(copy: Path, today: datetime.date) -> Shown:
    """An officer re-checks the first service in the facts register: a clearer description, confirmed today."""
    register = copy / "data" / "facts.yml"
    text = register.read_text(encoding="utf-8")
    entry = re.search(r"(?m)^  - id: .*\n(?:    .*\n|      .*\n)+", text)
    assert entry, "data/facts.yml has no entry to change"
    old = entry.group(0)
    described = re.search(r"(?m)^    for: (.*)$", old)
    assert described, "the first entry in data/facts.yml has no 'for:' line"
    purpose = described.group(1).rstrip() + " Re-checked in a pull request test."
    new = old.replace(described.group(0), f"    for: {purpose}")
    new = re.sub(r"(?m)^    last_confirmed: .*$", f"    last_confirmed: {today.isoformat()}", new)
    register.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [("phone-numbers/index.html", "Re-checked in a pull request test.")]


OFFICER_EDITS: list[Callable[[Path, datetime.date], Shown]] = [add_upcoming_event, record_a_past_event,
                                                                 cancel_an_event, postpone_an_event, reschedule_an_event,
                                                                 add_page, change_a_register_entry]


def _copy_sources(destination: Path) -> Path:
    def skipped(folder: str, names: list[str]) -> set[str]:
        relative = Path(folder).relative_to(REPO)
        return {name for name in names
                if name == "__pycache__" or (relative == Path(".") and name in _NOT_SOURCES)}

    shutil.copytree(REPO, destination, ignore=skipped)
    return destination


def _python_steps(workflow: str, job: str) -> list[tuple[str, dict[str, str]]]:
    """The workflow job's own Python commands (not set-up), with any environment they set."""
    steps = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))["jobs"][job]["steps"]
    return [(step["run"], step.get("env", {})) for step in steps
            if step.get("run", "").startswith(".venv/bin/python ")]


def _run(copy: Path, command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {name: value for name, value in os.environ.items()
             if name not in ("GITHUB_ACTIONS", "SITE_URL", "EVENTS_DATA", "EVENTS_TODAY")}
    return subprocess.run(command, cwd=copy, env={**clean, "NO_MKDOCS_2_WARNING": "1", **env},
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def officer_copy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Shown]:
    """A copy of the repository with every officer edit made."""
    copy = _copy_sources(tmp_path_factory.mktemp("officer") / "repository")
    today = datetime.datetime.now(LONDON).date()
    shown: Shown = []
    for edit in OFFICER_EDITS:
        shown += edit(copy, today)
    return copy, shown


def test_the_pull_request_checks_are_the_ones_this_test_runs() -> None:
    """If the pull request gains a check, this test must run it too."""
    assert [command for command, _ in _python_steps("checks.yml", "checks")] == [
        ".venv/bin/python scripts/website.py check",
        ".venv/bin/python scripts/website.py build --preview",
    ]


def test_every_pull_request_check_and_the_publishing_build_pass(officer_copy: tuple[Path, Shown]) -> None:
    copy, shown = officer_copy
    steps = _python_steps("checks.yml", "checks")
    # After merging, the Deploy workflow checks again and builds for publication at the site's address.
    steps += [(command, {**env, "SITE_URL": "https://www.womens-safety-test-site.org.uk/"}) for command, env in
              _python_steps("deploy.yml", "build") if "SITE_URL" in env]
    for command, env in steps:
        if "SITE_URL" in env:  # publishing needs the organisation, which the team sets once confirmed
            config = copy / "mkdocs.yml"
            config.write_text(config.read_text(encoding="utf-8").replace(
                "    organisation:\n", "    organisation: Example Organisation For Tests\n", 1), encoding="utf-8")
        arguments = command.split()
        result = _run(copy, [sys.executable, *arguments[1:]], {name: str(value) for name, value in env.items()
                                                                if "${{" not in str(value)})
        assert result.returncode == 0, f"{command} failed:\n{result.stdout}{result.stderr}"
        # Correct events get no warning either: warnings are for slips (sitebuild/events/validate.py).
        assert "data/events.yml:" not in result.stdout + result.stderr, result.stdout + result.stderr
    site = copy / "site"
    for built, text in shown:
        assert text in (site / built).read_text(encoding="utf-8"), f"{built} does not show {text!r}"


def test_every_test_of_the_real_site_passes_on_the_changed_copy(officer_copy: tuple[Path, Shown]) -> None:
    copy, _ = officer_copy
    result = _run(copy, [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m",
                         "real_content and not browser"], {})
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    passed = re.search(r"(\d+) passed", result.stdout)
    assert passed and int(passed.group(1)) >= 20, result.stdout[-2000:]
