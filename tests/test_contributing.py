"""The messages CONTRIBUTING.md quotes are the ones the checks really print, word for word.

Each quoted block is marked `<!-- tests/test_contributing.py checks this block: SOURCE -->`; this test
runs the check on the made-up files in tests/fixtures/contributing/ and compares.
"""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import website
from sitebuild.facts import load_register
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
    "pages sources": ["docs/charter.md"],
    "pages code": ["docs/cards.md"],
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


def _add_a_page_example() -> tuple[str, str, str]:
    """The page, a file name for it and its menu line, as "Add a page" shows them (indented in the guide's list)."""
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Add a page\n"):guide.index("\n## ", guide.index("## Add a page\n") + 1)]
    page, entry = ("".join(line[3:] + "\n" for line in re.search(rf"```{kind}\n(.*?)```", section, re.DOTALL)
                           .group(1).splitlines()) for kind in ("markdown", "yaml"))
    # Under a name and title no page of the site has (the site may well have the guide's page by now).
    name = entry.split(": ")[1].strip()
    page = re.sub(r"(?m)^(title|description): (.*)$", r"\1: \2 (example)", page.replace("\n\n\n", "\n\n"), count=2)
    # The officer gives the page they used in place of the example's address, which the check refuses.
    used = load_register(REPO / "data" / "facts.yml").facts[0].sources[0]
    page = re.sub(r"\(https://www\.example\.org/[^)]*\)", f"({used})", page)
    return page, f"guide-example-{name}", entry.replace(name, f"guide-example-{name}")


def test_a_page_added_as_the_guide_says_passes_the_check_and_one_not_in_the_menu_does_not(
        site_copy: Callable[[str], Path]) -> None:
    page, name, entry = _add_a_page_example()
    copy = site_copy("add-a-page")
    (copy / "docs" / name).write_text(page, encoding="utf-8")

    def check() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "scripts/website.py", "check"], cwd=copy, capture_output=True,
                              text=True, env={"PATH": "/usr/bin:/bin"})

    missing = check()
    assert missing.returncode == 1
    assert [line for line in missing.stdout.splitlines() if ": error: " in line] == [
        line for line in missing.stdout.splitlines() if line.startswith(f"docs/{name}:1: error: ") and "nav in mkdocs.yml" in line]
    config = copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    navigation = re.search(r"(?m)^nav:\n(?:[ ]+.*\n)+", text)
    config.write_text(text[:navigation.end()] + entry + text[navigation.end():], encoding="utf-8")
    added = check()
    assert added.returncode == 0, added.stdout
    assert name not in added.stdout


@pytest.mark.parametrize("spaces", [0, 1, 3, 4, 5, 7])
def test_a_menu_line_out_of_line_gets_the_indentation_it_needs(site_copy: Callable[[str], Path], spaces: int) -> None:
    """Right the first time: the message for the guide's menu line, typed with too few or too many spaces."""
    page, name, entry = _add_a_page_example()
    copy = site_copy("menu-line")
    (copy / "docs" / name).write_text(page, encoding="utf-8")
    config = copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    navigation = re.search(r"(?m)^nav:\n(?:[ ]+.*\n)+", text)
    line = text[:navigation.end()].count("\n") + 1
    config.write_text(text[:navigation.end()] + " " * spaces + entry.lstrip(" ") + text[navigation.end():], encoding="utf-8")
    result = subprocess.run([sys.executable, "scripts/website.py", "check"], cwd=copy, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin"})
    assert result.stdout == (f"mkdocs.yml:{line}:{spaces + 1}: error: the - of this line must line up with the - of the "
                             f"items around it, 2 spaces in; this one is {spaces} space{'' if spaces == 1 else 's'} in\n"
                             "1 error\n")
