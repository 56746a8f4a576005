"""The messages CONTRIBUTING.md quotes are the ones the checks really print, word for word.

Each quoted block is marked `<!-- tests/test_contributing.py checks this block: SOURCE -->`; this test
runs the check on the made-up files in tests/fixtures/contributing/ and compares.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

import website
from sitebuild.yamlfile import load
from sitebuild.problems import Failed, report
from sitebuild.events.validate import SHAPE, validate

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "contributing"
TODAY = datetime.date(2026, 11, 25)
BLOCK = re.compile(r"<!-- tests/test_contributing.py checks this block: (?P<source>[^>]+?) -->\n"
                   r"```text\n(?P<text>.*?)```", re.DOTALL)
PAGES = {
    "pages errors": ["docs/about.md", "docs/staying-safe.md", "docs/victim-care.md", "docs/events.md"],
    "pages warnings": ["docs/accessibility.md", "docs/staying-safe-online.md"],
}


def _quoted() -> dict[str, str]:
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return {match.group("source"): match.group("text") for match in BLOCK.finditer(guide)}


def _events_output(name: str) -> str:
    """What the check prints for the file as data/events.yml, the real file (placeholders refused)."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    try:
        problems = validate(load(text, "data/events.yml", shape=SHAPE), TODAY, placeholders=True)
    except Failed as error:
        problems = error.problems
    return report(problems, github=False) + "\n"


def _pages_output(pages: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(FIXTURES)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    website.main(["check", "--today", TODAY.isoformat(), *pages])
    return capsys.readouterr().out


def test_every_quoted_block_is_checked() -> None:
    assert set(_quoted()) == {"events events-mistakes.yml", "events events-layout.yml", "events events-slips.yml", *PAGES}


@pytest.mark.parametrize("name", ["events-mistakes.yml", "events-layout.yml", "events-slips.yml"])
def test_the_quoted_events_messages_are_real(name: str) -> None:
    assert _quoted()[f"events {name}"] == _events_output(name)


@pytest.mark.parametrize("source", sorted(PAGES))
def test_the_quoted_page_messages_are_real(source: str, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert _quoted()[source] == _pages_output(PAGES[source], capsys, monkeypatch)


def test_the_readme_starts_with_two_commands_and_says_what_to_install_first() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    before, block = re.search(r"\n([^\n]+)\n\n```sh\n(.*?)```", readme, re.DOTALL).groups()
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.split("#")[0].strip()]
    assert commands == ["scripts/serve.sh", "scripts/test.sh"]
    assert "Python 3.11" in before
