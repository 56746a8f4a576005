"""Translated pages: their front matter, the same numbers and links as their English page, and a
warning when the English page has changed since the translation was made. Exact messages."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import website
from sitebuild import config as site_config
from sitebuild.checks import check_pages, check_site, check_templates, settings
from sitebuild.checks.includes import Parts
from sitebuild.facts import load as load_facts
from sitebuild.facts import load_register

from sitebuild.checks.translation import source_version, text_version

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path("tests/fixtures/content/translation")  # relative, as the messages show them
CONFIG = REPO / "tests" / "fixtures" / "sites" / "translated" / "mkdocs.yml"
REGISTER = REPO / "tests" / "fixtures" / "facts" / "register.yml"
TODAY = datetime.date(2026, 11, 25)
ENGLISH_VERSION = "622c4b43cfc0"
COMMAND = ".venv/bin/python scripts/website.py source-version tests/fixtures/content/translation/english.md"


def facts_context(register: Path, config: Path, today=None):
    """The register, the generated parts pages include, and the problems in both files, as the check makes them."""
    loaded, texts, problems = load_facts(site_config.load(config), today, register)
    return loaded, Parts(texts), problems


@pytest.fixture(autouse=True)
def _from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def _messages(name: str) -> list[str]:
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
        "20: error: every number on a translated page must also be on its English page, english.md; 112 is not: "
        "copy the number exactly from the English page, or take it out",
    ],
    "extra-link.md": [
        "21: error: every link to another website on a translated page must also be on its English page, "
        "english.md; https://www.example.org/tr/ is not: use the same address as the English page, or take the link out",
    ],
    "source-changed.md": [
        "9: warning: the English page english.md has changed since this page was translated (source_version is "
        f"0123456789ab; the English page is now {ENGLISH_VERSION}): update the translation to match it, set "
        "native_speaker_checked to no until a native speaker has checked the changes, then set source_version "
        f"to {ENGLISH_VERSION} and translated_on to the day you finished",
    ],
    "missing-fields.md": [
        "1: error: a translated page must have native_speaker_checked, yes if a native speaker has checked the "
        "translation, otherwise no",
        "1: error: a translated page must have notice_checked, the sentence 'A native speaker has checked this "
        "translation.' in the page's language",
        "1: error: a translated page must have notice_not_checked, the sentence 'A native speaker has not checked "
        "this translation yet.' in the page's language",
        "1: error: a translated page must have notice_translated, the sentence 'Translated from English on {date}.' "
        "in the page's language",
        "1: error: a translated page must have source_version, the code of the English page's text it was "
        "translated from",
        "1: error: a translated page must have translated_from, the English page it was translated from, like get-help.md",
        "1: error: a translated page must have translated_on, the date it was translated, like 2026-11-25",
    ],
    "bad-fields.md": [
        "6: error: lang must be a language code like bn, tr or so (BCP 47); found 'Turkish'",
        "7: error: dir must be rtl (right to left) or ltr (left to right); found 'up'",
        "9: error: translated_on must be a real date written as YYYY-MM-DD, like 2026-11-25",
        f"10: error: source_version must be the 12-character code that this command prints for the English page: "
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
        "23: error: the Sources heading of a translated page must end with {#sources}, so links to a page's "
        "sources work in every language: write '## Kaynaklar (Sources) {#sources}'",
    ],
}


@pytest.mark.parametrize("name", EACH_RULE)
def test_each_translated_fixture_page_gets_exactly_its_messages(name: str) -> None:
    assert _messages(name) == EACH_RULE[name]


def test_every_translation_fixture_is_covered() -> None:
    assert {path.name for path in (REPO / FIXTURES).glob("*.md")} == set(EACH_RULE)


def test_a_number_that_differs_from_the_english_page_fails_even_when_it_is_registered(tmp_path: Path) -> None:
    """The English page shows 020 7946 0000; a translation showing the register's other number still fails."""
    page = (REPO / FIXTURES / "good.md").read_text().replace("80999'a mesaj", "020 7946 0123 numarasına mesaj")
    (tmp_path / "english.md").write_bytes((REPO / FIXTURES / "english.md").read_bytes())
    (tmp_path / "tr.md").write_text(page)
    register, parts, _ = facts_context(REGISTER, CONFIG, None)
    findings = check_pages([tmp_path / "tr.md"], settings(site_config.load(CONFIG)), TODAY, register=register, parts=parts)
    assert [(f.line, f.message) for f in findings] == [(20, (
        "every number on a translated page must also be on its English page, english.md; 020 7946 0123 is not: "
        "copy the number exactly from the English page, or take it out"))]


def test_the_command_prints_a_pages_source_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert website.main(["source-version", str(FIXTURES / "english.md")]) == 0
    assert capsys.readouterr().out == f"{ENGLISH_VERSION}\n"


def test_the_command_says_when_there_is_no_such_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert website.main(["source-version", "docs/no-such-page.md"]) == 1
    assert capsys.readouterr().err == "error: docs/no-such-page.md: no such page\n"


def test_the_source_version_ignores_front_matter_and_spacing_but_not_words() -> None:
    text = (REPO / FIXTURES / "english.md").read_text()
    assert source_version(REPO / FIXTURES / "english.md") == text_version(text) == ENGLISH_VERSION
    reviewed_again = text.replace("last_reviewed: 2026-11-01", "last_reviewed: 2027-05-01")
    retitled = text.replace("title: Fixture English page", "title: Another fixture title")
    respaced = text.replace("\n\n", "\n\n\n").replace("tests.", "tests.   ").replace("\n", "\r\n") + "\n\n"
    assert text_version(reviewed_again) == text_version(retitled) == text_version(respaced) == ENGLISH_VERSION
    assert text_version(text.replace("80999", "80998")) != ENGLISH_VERSION
    assert text_version(text.replace("24 hours", "24  hours")) != ENGLISH_VERSION  # a change inside a line counts
