"""The facts and events hooks skip their step only when nothing it reads or wrote has changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from step_cache import StepRecord

EXAMPLE_EVENTS = Path(__file__).resolve().parent.parent / "fixtures" / "events" / "good.yml"
TODAY = "2031-01-15"


@pytest.fixture
def step(tmp_path: Path) -> tuple[StepRecord, Path, Path]:
    """A record for a made-up step that reads example-input.txt and writes into example-output/."""
    source, out = tmp_path / "example-input.txt", tmp_path / "example-output"
    source.write_text("example input")
    out.mkdir()
    (out / "example-part.md").write_text("example output")
    return StepRecord("example", tmp_path, [(out, "*")]), source, out


def test_a_step_that_has_never_run_is_not_skipped(step) -> None:
    record, source, _ = step
    assert not record.unchanged(record.key([source], ["2031-01-15"]))


def test_a_step_is_skipped_when_its_inputs_settings_and_outputs_are_as_it_left_them(step) -> None:
    record, source, _ = step
    record.save(record.key([source], ["2031-01-15"]))
    assert record.unchanged(record.key([source], ["2031-01-15"]))


@pytest.mark.parametrize("change", [
    "an input's bytes", "a setting", "an output edited", "an output removed", "another file in an output folder",
    "an unreadable record",
])
def test_any_change_runs_the_step_again(step, change: str) -> None:
    record, source, out = step
    record.save(record.key([source], ["2031-01-15"]))
    setting = "2031-01-15"
    if change == "an input's bytes":
        source.write_text("example input, edited")
    elif change == "a setting":
        setting = "2031-01-16"
    elif change == "an output edited":
        (out / "example-part.md").write_text("example output, edited by hand")
    elif change == "an output removed":
        (out / "example-part.md").unlink()
    elif change == "another file in an output folder":
        (out / "example-left-over.md").write_text("left over")
    else:
        record.path.write_text("{not json")
    assert not record.unchanged(record.key([source], [setting]))


def test_a_change_to_the_code_that_makes_the_output_changes_the_key(step, monkeypatch) -> None:
    import step_cache

    record, source, out = step
    before = record.key([source], [])
    code = out.parent / "example-code"
    (code / "scripts").mkdir(parents=True)
    (code / "scripts" / "example.py").write_text("EXAMPLE = 1\n")
    monkeypatch.setattr(step_cache, "REPO", code)
    with_code = record.key([source], [])
    (code / "scripts" / "example.py").write_text("EXAMPLE = 2\n")
    assert len({before, with_code, record.key([source], [])}) == 3


def _build(site: Path, events: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EVENTS_DATA": str(events), "EVENTS_TODAY": TODAY}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
                          cwd=site, env=env, capture_output=True, text=True)


def test_after_a_good_build_a_broken_events_file_still_stops_the_next_one_and_a_lost_file_comes_back(site_copy, tmp_path: Path) -> None:
    site = site_copy("step-cache")
    events = tmp_path / "example-events.yml"
    events.write_bytes(EXAMPLE_EVENTS.read_bytes())
    assert _build(site, events).returncode == 0
    feed = site / "docs" / "events" / "calendar" / "all-events.ics"
    written = feed.read_bytes()

    feed.unlink()
    assert _build(site, events).returncode == 0
    assert feed.read_bytes() == written

    events.write_text(events.read_text() + "\nthis line: [is not closed\n")
    broken = _build(site, events)
    assert broken.returncode != 0
    assert "breaks these rules, so the events were not updated" in broken.stdout + broken.stderr


def test_the_facts_and_events_hooks_load_their_steps_without_help_from_other_hooks(site_copy, tmp_path: Path) -> None:
    """MkDocs takes scripts/ off the path once hooks are loaded: a step loaded later must still find its modules."""
    site = site_copy("only-the-steps")
    config = site / "mkdocs.yml"
    others = ("languages", "finish", "assets", "security", "template_cache")
    config.write_text("".join(line for line in config.read_text().splitlines(keepends=True)
                              if not any(f"scripts/hooks/{name}.py" in line for name in others)))
    built = _build(site, EXAMPLE_EVENTS)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (site / "docs" / "events" / "calendar" / "all-events.ics").is_file()
