"""`website.py check` on an events file, as an officer runs it: exit codes, messages, GitHub annotations."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import website

from .helpers import EVENT

REPO = Path(__file__).resolve().parents[2]
BROKEN = EVENT.replace("postcode: E8 1AA", "postcode: e81aa").replace("borough: Hackney", "borough: Islington")


def _check(tmp_path: Path, text: str) -> int:
    data = tmp_path / "events.yml"
    data.write_text(text, encoding="utf-8")
    return website.main(["check", str(data), "--today", "2026-11-25"])


def test_a_correct_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(tmp_path, EVENT) == 0
    assert capsys.readouterr().out == f"No problems found in {tmp_path / 'events.yml'}.\n"


def test_mistakes_exit_1_with_every_message_and_a_count(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert _check(tmp_path, BROKEN) == 1
    path = str(tmp_path / "events.yml")
    assert capsys.readouterr().out == (
        f"{path}:10:17: error: postcode must be in capitals, with one space before the last three characters; "
        "found 'e81aa'; write it as E8 1AA\n"
        f"{path}:11:16: error: borough must be Hackney or Tower Hamlets; found 'Islington'\n"
        "2 errors\n")


def test_under_github_actions_mistakes_are_also_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert _check(tmp_path, BROKEN) == 1
    lines = capsys.readouterr().out.splitlines()
    path = str(tmp_path / "events.yml").replace(":", "%3A").replace(",", "%2C")
    assert lines[2] == (f"::error file={path},line=10,col=17::postcode must be in capitals, with one space before "
                        "the last three characters; found 'e81aa'; write it as E8 1AA")
    assert lines[3] == f"::error file={path},line=11,col=16::borough must be Hackney or Tower Hamlets; found 'Islington'"
    assert lines[4] == "2 errors"


def test_a_bad_today_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        website.main(["check", "--today", "14/3/2027"])
    assert exit_info.value.code == 2
    assert "must be a date written YYYY-MM-DD, like 2027-03-14; found '14/3/2027'" in capsys.readouterr().err


@pytest.mark.real_content
def test_the_command_runs_on_its_own(tmp_path: Path) -> None:
    data = tmp_path / "events.yml"
    data.write_text(BROKEN, encoding="utf-8")
    result = subprocess.run([sys.executable, "scripts/website.py", "check", str(data)],
                            cwd=REPO, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert result.stdout.endswith("2 errors\n")
    real = subprocess.run([sys.executable, "scripts/website.py", "check", "data/events.yml"], cwd=REPO,
                          capture_output=True, text=True)
    assert real.returncode == 0, real.stdout


def _thirty_mistakes() -> str:
    body = EVENT.split("\n", 1)[1]
    # 30 events, each with one mistake (a postcode in lower case), each at its own venue.
    return "events:\n" + "".join(body.replace("example-event-for-tests", f"example-event-{n}").replace("E8 1AA", "e8 1aa")
                                 .replace("Example Hall For Tests", f"Example Hall {n}") for n in range(30))


def test_a_broken_file_prints_a_screenful_then_how_many_more(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert _check(tmp_path, _thirty_mistakes()) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 22
    assert all(": error: postcode must be in capitals; found 'e8 1aa'; write it as E8 1AA" in line for line in lines[:20])
    assert lines[20:] == [f"and 10 more in {tmp_path / 'events.yml'}; fix the ones above first, then check again",
                          "30 errors"]


def test_under_github_actions_only_the_screenful_becomes_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert _check(tmp_path, _thirty_mistakes()) == 1
    lines = capsys.readouterr().out.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 20
    assert lines[-1] == "30 errors"


def test_a_file_too_big_to_be_events_is_refused_without_being_read(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    data = tmp_path / "events.yml"
    with data.open("wb") as file:
        file.truncate(3_000_000_000)  # sparse: takes no time or disk to make
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))
    assert website.main(["check", str(data)]) == 1
    assert capsys.readouterr().out == (
        f"{data}:1:1: error: the events file is 3,000,000,000 bytes, more than the 1,000,000 (1 MB) a real events "
        "file needs, so it was not read; check that nothing else was pasted or saved into it\n1 error\n")


def test_a_file_in_another_encoding_points_at_the_first_character_to_fix(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    data = tmp_path / "events.yml"
    data.write_bytes(EVENT.replace("Women only", "Women only, caf\u00e9 upstairs").encode("cp1252"))
    assert website.main(["check", str(data)]) == 1
    assert capsys.readouterr().out == (
        f"{data}:12:30: error: the events file must be saved as UTF-8 text, but the character here (perhaps 'é') is "
        "in another encoding; save the file as UTF-8 (in most editors: Save As, then choose UTF-8), or type the "
        "character again\n1 error\n")
