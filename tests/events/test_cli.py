"""scripts/build_events.py: exit codes, messages, GitHub annotations, and nothing written on error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import build_events

from .helpers import EVENT, snapshot

REPO = Path(__file__).resolve().parents[2]
BROKEN = EVENT.replace("postcode: E8 1AA", "postcode: e81aa").replace("borough: Hackney", "borough: Islington")


def _main(tmp_path: Path, text: str, *extra: str) -> int:
    data = tmp_path / "events.yml"
    data.write_text(text, encoding="utf-8")
    return build_events.main(["--data", str(data), "--out", str(tmp_path / "out"), "--today", "2026-11-25",
                              "--site-url", "https://example.org/", *extra])


def test_a_correct_file_exits_0_and_writes_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _main(tmp_path, EVENT) == 0
    assert (tmp_path / "out" / "calendar" / "example-event-for-tests.ics").is_file()
    assert (tmp_path / "out" / "generated" / "upcoming.html").is_file()
    assert capsys.readouterr().out.endswith("no problems found; 6 generated file(s) changed\n")


def test_check_writes_nothing(tmp_path: Path) -> None:
    assert _main(tmp_path, EVENT, "--check") == 0
    assert not (tmp_path / "out").exists()


def test_mistakes_exit_1_with_every_message_and_a_count(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert _main(tmp_path, BROKEN) == 1
    path = str(tmp_path / "events.yml")
    assert capsys.readouterr().err == (
        f"{path}:10:17: postcode must be a UK postcode in capitals with one space, like E8 1AA; found 'e81aa'\n"
        f"{path}:11:16: borough must be Hackney or Tower Hamlets; found 'Islington'\n"
        "2 errors\n")


def test_under_github_actions_mistakes_are_also_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert _main(tmp_path, BROKEN) == 1
    lines = capsys.readouterr().err.splitlines()
    path = str(tmp_path / "events.yml").replace(":", "%3A").replace(",", "%2C")
    assert lines[2] == (f"::error file={path},line=10,col=17::postcode must be a UK postcode in capitals "
                        "with one space, like E8 1AA; found 'e81aa'")
    assert lines[3] == f"::error file={path},line=11,col=16::borough must be Hackney or Tower Hamlets; found 'Islington'"
    assert lines[4] == "2 errors"


def test_on_a_mistake_the_previous_output_stays_exactly_as_it_was(tmp_path: Path) -> None:
    assert _main(tmp_path, EVENT) == 0
    before = snapshot(tmp_path / "out")
    assert _main(tmp_path, BROKEN) == 1
    assert snapshot(tmp_path / "out") == before


def test_a_bad_today_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_events.main(["--check", "--today", "14/3/2027"])
    assert exit_info.value.code == 2
    assert "--today must be a date written YYYY-MM-DD, like 2027-03-14; found '14/3/2027'" in capsys.readouterr().err


def test_the_script_runs_on_its_own(tmp_path: Path) -> None:
    data = tmp_path / "events.yml"
    data.write_text(BROKEN, encoding="utf-8")
    result = subprocess.run([sys.executable, "scripts/build_events.py", "--check", "--data", str(data)],
                            cwd=REPO, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert result.stderr.endswith("2 errors\n")
    real = subprocess.run([sys.executable, "scripts/build_events.py", "--check"], cwd=REPO, capture_output=True,
                          text=True)
    assert real.returncode == 0, real.stderr
