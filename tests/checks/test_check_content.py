"""The content checks: each fixture page breaks one rule and gets the exact message an editor reads."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import website
from sitebuild.events import london_today
from sitebuild import config as site_config
from sitebuild.checks import check_pages, check_site, settings
from sitebuild.checks.rules import SiteSettings
from sitebuild.facts.sources import load_domains


REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path("tests/fixtures/content")  # relative, as the messages show it
TODAY = datetime.date(2026, 11, 25)
SETTINGS = settings(site_config.load(REPO / "mkdocs.yml"))




# The made-up reviewed source sites beside the made-up register.
DOMAINS = load_domains(REPO / "tests" / "fixtures" / "facts" / "register.yml")


def _messages(*names: str) -> list[str]:
    findings = check_pages([FIXTURES / name for name in names], SETTINGS, TODAY, domains=DOMAINS)
    return [finding.as_text() for finding in findings]


ONE_FAULT_EACH = {
    "no-front-matter.md": [
        "1: error: a page must start with front matter: a '---' line, then title, description, "
        "last_reviewed and review_interval, each on its own line, then another '---' line",
    ],
    "unclosed-front-matter.md": [
        "1: error: the front matter must end with a '---' line before the page text starts",
    ],
    "invalid-yaml.md": [
        '2: error: a value with a colon and a space in it must be in double quotes; write it as '
        'title: "Fixture: a colon without quotes"',
    ],
    "repeated-key.md": ["3: error: 'title' appears twice in the front matter (first on line 2); keep one and delete the other"],
    "missing-title.md": ["1: error: every page must have a title: add a title: line to the front matter"],
    "empty-description.md": [
        "3: error: the description is empty; write the summary shown in search results after description:, "
        "on the same line",
    ],
    "long-title.md": [
        "2: error: the title must be at most 36 characters, so the browser tab title fits in 65; "
        "this title has 50",
    ],
    "long-description.md": [
        "3: error: the description must be at most 160 characters; this description has 180",
    ],
    "missing-last-reviewed.md": [
        "1: error: every page must have last_reviewed, the date its facts were last checked, like 2026-11-25",
    ],
    "bad-last-reviewed.md": [
        "4: error: last_reviewed must be written YYYY-MM-DD, like 2026-11-25; found '25/11/2026'",
    ],
    "future-last-reviewed.md": [
        "4: error: last_reviewed must not be in the future: it is 2026-12-25, and today is 2026-11-25",
    ],
    "missing-review-interval.md": [
        "1: error: every page must have review_interval, how often it is checked, like '6 months'",
    ],
    "bad-review-interval.md": [
        "5: error: review_interval must be a whole number of months, like '6 months'; found 'six months'",
    ],
    "overdue-review.md": [
        "4: warning: this page was due for review on 2026-07-10 (6 months after last_reviewed): "
        "check every fact against its source, then set last_reviewed to today",
    ],
    "missing-sources.md": [
        "1: error: every page must end with a '## Sources' section that links to where its facts come from",
    ],
    "sources-without-link.md": ["10: error: the '## Sources' section must list at least one link"],
    "weak-sources.md": [
        "15: error: a source must not be on is.gd (short-link): it is a short link, which hides where it leads and "
        "can be changed; open it and give the full address it leads to",
        "16: error: a source must not be on dailymail.co.uk (tabloid): it is a tabloid newspaper; cite the service's "
        "own website or an official page instead",
        "17: error: a source must be a page's real address, without a template placeholder in braces; "
        "found 'https://www.example.org/Alerts/A/1/{MESSAGE-SETTINGS}'",
        "18: error: a source must not be on mirror.example (mirror): it is a copy of another site's page; cite the "
        "original page instead",
        "19: error: a source must not be on gone.example (defunct): the site has closed, so its pages are gone or "
        "out of date; cite the page that replaced it",
        "20: error: a source must be a secure web address starting https://; found 'http://www.example.org/old'",
        "21: error: a source's site name must not end with a dot; found 'www.example.org.': remove the last dot",
        "22: error: a source must be on a site the project has reviewed; unknown.example is not listed in "
        "tests/fixtures/facts/sources.yml: if it is a trustworthy site, add a line under domains: there, like "
        "'  unknown.example: charity', with the kind of site it is: government (a UK government department or "
        "agency); legislation (the text of the law); parliament (Parliament's own record); regulator (an "
        "inspectorate, ombudsman or regulator); police (a police force, police and crime commissioner or national "
        "police body); council (a local council, or a partnership it runs); nhs (the NHS, an NHS trust, or a fire or "
        "ambulance service); service (the service's own website); charity (a charity's own website); research (a "
        "university or research institute's own report); technical (a standards body or a software maker's own "
        "documentation); business (a business on what it does itself); press-record (a newspaper or broadcaster, as "
        "a dated record of what it reported); otherwise cite a better source",
        "23: error: a news report is cited only as a dated record of what it reported: its link text must start with "
        "'Example News' and give the month and year it was published, like 'Example News: what it found (March "
        "2023)'; found 'A news report without its date'",
    ],
    "sources-not-last.md": [
        "14: error: the '## Sources' section must be the last section of the page; move this section above it",
    ],
    "long-sentence.md": [
        "11: warning: sentences should be at most 25 words; this one has 34 "
        "(it starts 'If you want to come along …')",
    ],
    "wordy-phrases.md": [
        "10: warning: write 'to' instead of 'in order to'",
        "11: warning: write 'before' instead of 'prior to'",
        "12: warning: write 'help' instead of 'assist'",
        "12: warning: write 'use' instead of 'utilise'",
    ],
    "passive-voice.md": ["10: warning: use the active voice: say who does it, instead of 'is being …'"],
    "good-page.md": [],
    "not-prose.md": [],
}


@pytest.mark.parametrize("name", ONE_FAULT_EACH)
def test_each_fixture_page_gets_exactly_its_message(name: str) -> None:
    assert _messages(name) == [f"{FIXTURES / name}:{expected}" for expected in ONE_FAULT_EACH[name]]


def test_every_fixture_page_is_covered() -> None:
    on_disk = {path.name for path in (REPO / FIXTURES).glob("*.md")} - {"README.md"}
    assert on_disk == set(ONE_FAULT_EACH) | {"duplicate-title-a.md", "duplicate-title-b.md"}


def test_two_pages_with_the_same_title_are_reported_at_the_second() -> None:
    assert _messages("duplicate-title-a.md", "duplicate-title-b.md") == [
        f"{FIXTURES}/duplicate-title-b.md:2: error: each page must have its own title: "
        f"'Fixture Twin' is also the title of {FIXTURES}/duplicate-title-a.md",
    ]


def test_a_page_is_due_for_review_only_after_its_interval() -> None:
    page = [FIXTURES / "overdue-review.md"]  # last reviewed 2026-01-10, every 6 months
    assert check_pages(page, SETTINGS, datetime.date(2026, 7, 10)) == []
    assert len(check_pages(page, SETTINGS, datetime.date(2026, 7, 11))) == 1


def test_the_title_limit_follows_the_short_name_in_mkdocs_yml() -> None:
    assert SETTINGS.title_limit == 65 - len(" – ") - len(SETTINGS.short_name)
    assert SiteSettings(short_name="Fixture Short Name").title_limit == 44


def test_the_command_prints_each_problem_then_a_count_and_fails_on_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status = website.main(["check", "--today", "2026-11-25", str(FIXTURES / "missing-title.md"),
                                 str(FIXTURES / "passive-voice.md")])
    assert status == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{FIXTURES}/missing-title.md:1: error: every page must have a title: add a title: line to the front matter",
        f"{FIXTURES}/passive-voice.md:10: warning: use the active voice: say who does it, instead of 'is being …'",
        "1 error, 1 warning",
    ]


def test_warnings_alone_do_not_fail(capsys: pytest.CaptureFixture[str]) -> None:
    assert website.main(["check", "--today", "2026-11-25", str(FIXTURES / "overdue-review.md")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 errors, 1 warning"


def test_a_clean_page_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert website.main(["check", "--today", "2026-11-25", str(FIXTURES / "good-page.md")]) == 0
    assert capsys.readouterr().out == "No problems found in 1 page and the register.\n"


def test_under_github_actions_problems_become_annotations(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    website.main(["check", "--today", "2026-11-25", str(FIXTURES / "repeated-key.md")])
    assert capsys.readouterr().out.splitlines()[1] == (
        f"::error file={FIXTURES}/repeated-key.md,line=3::'title' appears twice in the front matter (first on line 2); "
        "keep one and delete the other"
    )


def test_a_missing_path_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert website.main(["check", str(FIXTURES / "no-such-page.md")]) == 1
    assert capsys.readouterr().err == f"error: {FIXTURES}/no-such-page.md: no such page, folder or file\n"


def test_a_page_not_saved_as_utf8_is_reported_at_the_line(tmp_path: Path) -> None:
    page = tmp_path / "fixture.md"
    page.write_bytes(b"---\ntitle: Fixture\n---\nCaf\xe9 in Latin-1\n")
    assert [f.as_text() for f in check_pages([page], SETTINGS, TODAY)] == [
        f"{page.as_posix()}:4: error: a page must be saved as UTF-8 text, but a character on this line (perhaps 'é') "
        "is in another encoding; save the file as UTF-8 (in most editors: Save As, then choose UTF-8), "
        "or type the character again",
    ]


@pytest.mark.real_content
def test_the_real_pages_have_no_errors() -> None:
    """Warnings (plain English, reviews falling due) are advice; errors would fail every pull request."""
    problems = check_site(site_config.load(REPO / "mkdocs.yml"), london_today())
    assert [problem.as_text() for problem in problems if problem.is_error] == []



FRONT_MATTER = "title: Fixture page\ndescription: A made-up page for the tests.\nlast_reviewed: 2026-11-01\nreview_interval: 6 months\n"


@pytest.mark.parametrize("old, new, expected", [
    ("title: Fixture page", 'title: "Fixture page',
     '2: error: this value opens a quote mark (") but does not close it; add " at the end of the value, '
     "or remove the opening one"),
    ("title: Fixture page", "title Fixture page",
     "2: error: this line needs a colon and a space after title, like title: Fixture page"),
    ("title: Fixture page", "title:Fixture page", "2: error: put a space after the colon, like title: Fixture page"),
    ("description: A made-up page for the tests.", "  description: A made-up page for the tests.",
     "3: error: this line is indented by 2 spaces, further in than title: above it; indent it by 0 spaces, "
     "to line up with title:"),
    ("title: Fixture page", "title: @fixture",
     '2: error: a value cannot start with @ unless the whole value is in double quotes; write it as title: "@fixture"'),
    ("title: Fixture page", "title: 'Women's page'",
     "2: error: a value in single quotes cannot contain an apostrophe as it is; put the value in double quotes "
     'instead, like title: "Women\'s page"'),
    ("title: Fixture page", "title: [Draft] Fixture page",
     '2: error: a value cannot start with [ unless the whole value is in double quotes; write it as '
     'title: "[Draft] Fixture page"'),
    ("title: Fixture page", "- title: Fixture page",
     "3: error: description: is in line with the - on the line above, so it does not belong to that item; indent it "
     "by 2 spaces, to line up with title:, or, if there should be no list here, remove the - from the line above"),
    ("review_interval: 6 months\n", "review_interval: 6 months\n- a list\n",
     "6: error: a - at the start of a line begins an item in a list, and no list belongs here; remove the -, "
     "or line it up with the - of the other items"),
    ("title: Fixture page", "\ttitle: Fixture page", "2: error: this line is indented with a tab; indent it with spaces instead"),
    ("last_reviewed: 2026-11-01", "last_reviewed: 2026-02-30",
     "4: error: last_reviewed 2026-02-30 does not exist; check the day and the month"),
    ("review_interval: 6 months", "review_interval: 0 months", "5: error: review_interval must be at least 1 month; found '0 months'"),
    ("title: Fixture page", "title:", "2: error: the title is empty; write the page's name after title:, on the same line"),
])
def test_front_matter_mistakes_say_what_to_change(old: str, new: str, expected: str, tmp_path: Path) -> None:
    page = tmp_path / "fixture.md"
    assert old in FRONT_MATTER
    page.write_text(f"---\n{FRONT_MATTER.replace(old, new)}---\n\n# Fixture page\n\n## Sources\n\n"
                    "- [Example source](https://example.org/fixture-source)\n", encoding="utf-8")
    messages = [finding.as_text() for finding in check_pages([page], SETTINGS, TODAY)]
    assert messages == [f"{page.as_posix()}:{expected}"]


def test_front_matter_that_is_not_fields_says_what_it_must_be(tmp_path: Path) -> None:
    page = tmp_path / "fixture.md"
    page.write_text("---\nJust a sentence.\n---\n\n# Fixture page\n", encoding="utf-8")
    assert [finding.as_text() for finding in check_pages([page], SETTINGS, TODAY)][0] == (
        f"{page.as_posix()}:2: error: the lines between the two '---' lines must each be a field name, a colon and "
        "a space, then the value, like title: Get help and report")
