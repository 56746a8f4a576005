"""Translated pages: their front matter, the same numbers and links as their English page, and a
warning when the English page has changed since the translation was made. Exact messages."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import website
from sitebuild import config as site_config
from sitebuild.checks import check_pages, settings, translation_version


REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path("tests/fixtures/content/translation")  # relative, as the messages show them
CONFIG = REPO / "tests" / "fixtures" / "sites" / "translated" / "mkdocs.yml"
REGISTER = REPO / "tests" / "fixtures" / "facts" / "register.yml"
TODAY = datetime.date(2026, 11, 25)
# What good.md and most fixtures mirror of english.md: its headings, and the numbers and links both show.
MIRRORED_VERSION = "5d32174cb480"
COMMAND = ".venv/bin/python scripts/website.py source-version tests/fixtures/content/translation/bad-fields.md"




def _messages(name: str, facts_context) -> list[str]:
    register, parts, problems = facts_context(REGISTER, CONFIG, None)
    assert problems == []
    findings = check_pages([FIXTURES / name], settings(site_config.load(CONFIG)), TODAY, register=register, parts=parts)
    return [finding.as_text().removeprefix(f"{FIXTURES}/{name}:") for finding in findings]


EACH_RULE = {
    "english.md": [],
    # A good translation: its Sources heading is in Turkish then "(Sources)", and its long Turkish
    # sentence gets no plain-English advice, which is about English words.
    "good.md": [],
    "extra-number.md": [
        "22: error: every number on a translated page must also be on its English page, english.md; 112 is not: "
        "copy the number exactly from the English page, or take it out",
    ],
    "extra-link.md": [
        "23: error: every link to another website on a translated page must also be on its English page, "
        "english.md; https://www.example.org/tr/ is not: use the same address as the English page, or take the link out",
    ],
    "source-changed.md": [
        "9: warning: what this page mirrors of the English page english.md has changed since it was translated (its "
        f"headings, or a number or link both pages show; source_version is 0123456789ab, and is now "
        f"{MIRRORED_VERSION}): update the translation to match it, set native_speaker_checked to no until a native "
        f"speaker has checked the changes, then set source_version to {MIRRORED_VERSION} and translated_on to the "
        "day you finished",
    ],
    "missing-fields.md": [
        "1: error: a translated page must have emergency_line, the sentence 'In an emergency, call 999.' in the "
        "page's language, with 999 in it",
        "1: error: a translated page must have exit_label, the words 'Exit this page' in the page's language, for "
        "the exit button",
        "1: error: a translated page must have native_speaker_checked, yes if a native speaker has checked the "
        "translation, otherwise no",
        "1: error: a translated page must have notice_checked, the sentence 'A native speaker has checked this "
        "translation.' in the page's language",
        "1: error: a translated page must have notice_not_checked, the sentence 'A native speaker has not checked "
        "this translation yet.' in the page's language",
        "1: error: a translated page must have notice_translated, the sentence 'Translated from English on {date}.' "
        "in the page's language",
        "1: error: a translated page must have source_version, the code of what it mirrors of the English page it "
        "was translated from",
        "1: error: a translated page must have translated_from, the English page it was translated from, like get-help.md",
        "1: error: a translated page must have translated_on, the date it was translated, like 2026-11-25",
    ],
    "bad-fields.md": [
        "6: error: lang must be a language code like bn, tr or so (BCP 47); found 'Turkish'",
        "7: error: dir must be rtl (right to left) or ltr (left to right); found 'up'",
        "9: error: translated_on must be a real date written as YYYY-MM-DD, like 2026-11-25",
        f"10: error: source_version must be the 12-character code that this command prints for this page: "
        f"{COMMAND}; found 'abc'",
        "11: error: native_speaker_checked must be yes or no; found 'maybe'",
        "12: error: notice_translated must contain {date}, where the page shows the date it was translated",
    ],
    "future-date.md": [
        "8: error: translated_on must not be in the future: it is 2026-12-01, and today is 2026-11-25",
    ],
    "wrong-source.md": [
        "7: error: translated_from must be the file name of the English page, like get-help.md; there is no page "
        "tests/fixtures/content/translation/no-such-page.md",
    ],
    "from-translation.md": ["7: error: translated_from must be an English page; good.md is itself a translation"],
    "english-lang.md": ["6: error: lang must be the language of the translation, not English; found 'en-GB'"],
    "sources-without-id.md": [
        "25: error: the Sources heading of a translated page must end with {#sources}, so links to a page's "
        "sources work in every language: write '## Kaynaklar (Sources) {#sources}'",
    ],
}


@pytest.mark.parametrize("name", EACH_RULE)
def test_each_translated_fixture_page_gets_exactly_its_messages(name: str, facts_context) -> None:
    assert _messages(name, facts_context) == EACH_RULE[name]


def test_every_translation_fixture_is_covered() -> None:
    assert {path.name for path in (REPO / FIXTURES).glob("*.md")} == set(EACH_RULE)


def test_a_number_that_differs_from_the_english_page_fails_even_when_it_is_registered(tmp_path: Path,
                                                                                    facts_context) -> None:
    """The English page shows 020 7946 0000; a translation showing the register's other number still fails."""
    page = (REPO / FIXTURES / "good.md").read_text().replace("80999'a mesaj", "020 7946 0123 numarasına mesaj")
    (tmp_path / "english.md").write_bytes((REPO / FIXTURES / "english.md").read_bytes())
    (tmp_path / "tr.md").write_text(page)
    register, parts, _ = facts_context(REGISTER, CONFIG, None)
    findings = check_pages([tmp_path / "tr.md"], settings(site_config.load(CONFIG)), TODAY, register=register, parts=parts)
    assert [(f.line, f.message) for f in findings if f.is_error] == [(22, (
        "every number on a translated page must also be on its English page, english.md; 020 7946 0123 is not: "
        "copy the number exactly from the English page, or take it out"))]


def test_the_command_prints_a_translated_pages_source_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert website.main(["source-version", "--config", str(CONFIG), str(FIXTURES / "good.md")]) == 0
    assert capsys.readouterr().out == f"{MIRRORED_VERSION}\n"


def test_the_command_says_when_there_is_no_such_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert website.main(["source-version", "docs/no-such-page.md"]) == 1
    assert capsys.readouterr().err == "error: docs/no-such-page.md: no such page\n"


def test_the_command_asks_for_the_translated_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert website.main(["source-version", "--config", str(CONFIG), str(FIXTURES / "english.md")]) == 1
    assert capsys.readouterr().err == (
        "error: tests/fixtures/content/translation/english.md is not a translated page with translated_from naming "
        "its English page; give the translated page, like docs/tr.md\n")


def _version_after(tmp_path: Path, old: str, new: str) -> str:
    """The code good.md must hold once its English page has had this edit."""
    (tmp_path / "english.md").write_text((REPO / FIXTURES / "english.md").read_text().replace(old, new))
    (tmp_path / "tr.md").write_bytes((REPO / FIXTURES / "good.md").read_bytes())
    return translation_version(site_config.load(CONFIG), tmp_path / "tr.md")


@pytest.mark.parametrize("old, new", [
    ("last_reviewed: 2026-11-01", "last_reviewed: 2027-05-01"),
    ("title: Fixture English page", "title: Another fixture title"),
    ("24 hours", "24 hours a day, every day"),  # a sentence the short translation does not mirror
    ("\n\n", "\n\n\n"),
])
def test_an_english_edit_the_translation_does_not_mirror_asks_for_no_update(tmp_path: Path, old: str, new: str) -> None:
    assert old in (REPO / FIXTURES / "english.md").read_text()
    assert _version_after(tmp_path, old, new) == MIRRORED_VERSION


@pytest.mark.parametrize("old, new", [
    ("80999", "80998"),  # a number both pages show
    ("https://www.example.org/)", "https://www.example.org/new)"),  # a link both pages show
    ("## Sources", "## A new section\n\nNew advice.\n\n## Sources"),  # a new section
])
def test_an_english_edit_to_what_the_translation_mirrors_asks_for_an_update(tmp_path: Path, old: str, new: str) -> None:
    assert old in (REPO / FIXTURES / "english.md").read_text()
    assert _version_after(tmp_path, old, new) != MIRRORED_VERSION
