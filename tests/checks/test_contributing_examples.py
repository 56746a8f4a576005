"""The messages CONTRIBUTING.md quotes for the facts register and translated pages are the real ones.

tests/fixtures/sites/contributing-examples holds made-up pages that produce them; each quoted line
in those two sections must be exactly what the checks print for those pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import website

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "tests" / "fixtures" / "sites" / "contributing-examples"
SECTIONS = ("## Phone numbers: the facts register", "## Adding a translated page or a new language")


def _quoted_messages() -> list[str]:
    """Lines of ```text blocks in the two sections that look like check messages."""
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    quoted = []
    for heading in SECTIONS:
        section = text.split(heading, 1)[1].split("\n## ", 1)[0]
        for block in re.findall(r"```text\n(.*?)```", section, re.DOTALL):
            quoted += [line for line in block.splitlines() if line.strip()]
    return quoted


def _printed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> set[str]:
    common = ["--today", "2026-11-25", "--facts", "data/facts.yml"]
    website.main(["check", *common, "--config", "mkdocs.yml", "docs"])
    website.main(["due", *common, "--config", "mkdocs.yml"])
    printed = capsys.readouterr().out.splitlines()
    broken = tmp_path / "facts.yml"
    broken.write_text((EXAMPLES / "data" / "facts.yml").read_text().replace("kind: call", "kind: phone", 1))
    website.main(["check", "--today", "2026-11-25", "--facts", str(broken), "--config", "mkdocs.yml", str(broken)])
    printed += [line.replace(broken.as_posix(), "data/facts.yml") for line in capsys.readouterr().out.splitlines()]
    return set(printed)


def test_contributing_quotes_the_real_messages(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    monkeypatch.chdir(EXAMPLES)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    quoted = _quoted_messages()
    assert len(quoted) >= 8
    printed = _printed(capsys, tmp_path)
    assert [line for line in quoted if line not in printed] == []
