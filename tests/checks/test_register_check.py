"""Pages against the facts register: an unregistered or withdrawn number fails with its exact message;
a number past its confirm-by date is a warning, and --due lists what is due."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import website
from sitebuild import config as site_config
from sitebuild.checks import check_pages, check_templates, settings
from sitebuild.checks.reader import Parts
from sitebuild.facts import load_register


REPO = Path(__file__).resolve().parents[2]
PAGES = Path("tests/fixtures/content/numbers")  # relative, as the messages show them
REGISTER = Path("tests/fixtures/facts/register.yml")
# A fixture site's settings: no contact route, and no complaints page.
CONFIG = Path("tests/fixtures/sites/translated/mkdocs.yml")
TODAY = "2026-11-25"

UNREGISTERED = (
    "every phone number, text number and short code on a page must be in the register, "
    "tests/fixtures/facts/register.yml; 0808 157 0000 is not: check it against the service's own website "
    "or an official page, then add it to tests/fixtures/facts/register.yml with that source, or take it off the page"
)
DUE = (
    "tests/fixtures/facts/register.yml:60: warning: the number 020 7946 0123 for Example Due Line had to be "
    "confirmed by 2026-07-10 (6 months after last_confirmed): check it against its sources, then set "
    "last_confirmed to the day you checked; if it has changed, change it here and on every page that shows it"
)




def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    status = website.main(["check", "--today", TODAY, "--facts", str(REGISTER), "--config", str(CONFIG), *args])
    return status, capsys.readouterr().out.splitlines()


def test_a_page_with_an_unregistered_phone_number_fails_with_the_rule(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = _run(capsys, str(PAGES / "unregistered.md"))
    assert status == 1
    assert lines == [f"{PAGES}/unregistered.md:10: error: {UNREGISTERED}", DUE, "1 error, 1 warning"]


def test_a_page_with_a_withdrawn_number_fails_with_the_rule(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = _run(capsys, str(PAGES / "withdrawn.md"))
    assert status == 1
    assert lines[0] == (
        f"{PAGES}/withdrawn.md:10: error: a page must not show a withdrawn number: 0808 157 0999 is marked "
        "withdrawn in tests/fixtures/facts/register.yml (line 36, Example Old Line); take it off the page, or give "
        "the service's current number"
    )


def test_registered_numbers_in_every_form_pass_and_counts_times_and_years_are_not_numbers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _run(capsys, str(PAGES / "registered.md")) == (0, [DUE, "0 errors, 1 warning"])


WEEKDAY_LINE = """
  - id: example-weekday-line
    service: Example Weekday Line
    group: Example helplines
    for: A made-up line, open on weekdays, for the tests of opening times.
    numbers:
      - number: "020 7946 0456"
        kind: call
    hours:
      - days: Monday to Friday
        opens: "09:00"
        closes: "17:00"
    sources:
      - https://www.example.org/example-weekday-line
    last_confirmed: 2026-11-01
    confirm_every: 6 months
    status: current
"""


def _run_with_hours(tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str) -> tuple[int, list[str]]:
    """The fixture register with a line that has opening times."""
    register = tmp_path / "register.yml"
    register.write_text((REPO / REGISTER).read_text(encoding="utf-8").rstrip("\n") + "\n" + WEEKDAY_LINE, encoding="utf-8")
    status = website.main(["check", "--today", TODAY, "--facts", str(register), "--config", str(CONFIG), page])
    return status, [line for line in capsys.readouterr().out.splitlines() if "Example Due Line" not in line]


def test_opening_times_typed_beside_a_registered_line_fail_and_say_which_line_to_include(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    assert _run_with_hours(tmp_path, capsys, str(PAGES / "typed-hours.md")) == (1, [
        f"{PAGES}/typed-hours.md:11: error: opening times come from the register, not typed by hand: 'Monday to "
        "Friday' is typed beside 020 7946 0456 (Example Weekday Line); take it out and put this line on its own "
        'below the number: --8<-- "facts/hours/example-weekday-line.md"',
        "1 error, 1 warning",
    ])


def test_opening_times_from_the_register_and_times_away_from_a_line_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    assert _run_with_hours(tmp_path, capsys, str(PAGES / "hours-from-register.md")) == (0, ["0 errors, 1 warning"])


def test_a_page_built_from_the_register_is_checked_as_it_will_be_published(capsys: pytest.CaptureFixture[str]) -> None:
    """Its list and Sources come from generated parts: the check makes them, before any build has run."""
    assert _run(capsys, str(PAGES / "phone-book.md")) == (0, [DUE, "0 errors, 1 warning"])


def test_a_mistyped_generated_part_is_named_with_the_parts_there_are(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = _run(capsys, str(PAGES / "unknown-part.md"))
    assert status == 1
    assert lines[0] == (
        f"{PAGES}/unknown-part.md:10: error: this page includes facts/phone-bok.md, but no part of that "
        "name is made; did you mean facts/phone-book.md?"
    )


def test_when_the_register_is_broken_its_problems_are_reported_and_pages_that_need_it_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    broken = tmp_path / "facts.yml"
    broken.write_text((REPO / REGISTER).read_text().replace("kind: call", "kind: phone", 1))
    status = website.main(["check", "--today", TODAY, "--facts", str(broken), "--config", str(CONFIG),
                                 str(PAGES / "phone-book.md")])
    assert status == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{broken.as_posix()}:11:15: error: kind must be one of: call, text, press; found 'phone'",
        f"{PAGES}/phone-book.md:10: error: this page includes facts/phone-book.md, which is made from "
        "data/facts.yml and mkdocs.yml; fix the problems reported in those files first",
        "2 errors",
    ]


def test_a_number_is_due_only_after_its_interval() -> None:
    from sitebuild.checks.numbers import check_due

    register = load_register(REPO / REGISTER)
    assert list(check_due(register, datetime.date(2026, 7, 10))) == []
    assert [f.as_text() for f in check_due(register, datetime.date(2026, 7, 11))] == [
        DUE,
    ]


def test_a_withdrawn_number_is_never_due() -> None:
    from sitebuild.checks.numbers import check_due

    register = load_register(REPO / REGISTER)
    due = [finding.message for finding in check_due(register, datetime.date(2030, 1, 1))]
    assert len(due) == 3 and not any("Example Old Line" in message for message in due)


def test_due_lists_what_to_confirm_and_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    assert website.main(["due", "--today", TODAY, "--facts", str(REGISTER), "--config", str(CONFIG)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "tests/fixtures/facts/register.yml:60: Example Due Line, 020 7946 0123: confirm by 2026-07-10 "
        "(last confirmed 2026-01-10, every 6 months)",
        "1 fact due to be confirmed on 2026-11-25: check each against its sources, then set last_confirmed in "
        "tests/fixtures/facts/register.yml.",
    ]


def test_due_can_look_ahead(capsys: pytest.CaptureFixture[str]) -> None:
    status = website.main(["due", "--today", "2027-05-02", "--facts", str(REGISTER)])
    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    assert lines[1:] == [
        "tests/fixtures/facts/register.yml:17: Example Helpline, 020 7946 0000 and 80999: confirm by 2027-05-01 "
        "(last confirmed 2026-11-01, every 6 months)",
        "tests/fixtures/facts/register.yml:32: Example Short Code, 10999 and 77: confirm by 2027-05-01 "
        "(last confirmed 2026-11-01, every 6 months)",
        "3 facts due to be confirmed on 2027-05-02: check each against its sources, then set last_confirmed in "
        "tests/fixtures/facts/register.yml.",
    ]


def test_when_nothing_is_due_it_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert website.main(["due", "--today", "2026-07-01", "--facts", str(REGISTER)]) == 0
    assert capsys.readouterr().out == "No facts are due to be confirmed on 2026-07-01.\n"


def test_a_template_showing_an_unregistered_number_fails_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "example.html").write_text(
        '{#- A made-up template. -#}\n<p>\n  Call <a href="tel:08081570000">0808 157 0000</a>, or {{ config.extra.x }}.\n</p>\n')
    register = load_register(REPO / REGISTER)
    findings = check_templates(register, tmp_path)
    assert [f.message for f in findings] == [UNREGISTERED]
    assert [f.line for f in findings] == [3]


def test_the_sites_templates_and_pages_show_only_registered_numbers() -> None:
    """The 404 page and the emergency line are checked as pages are (the real-pages test covers the pages)."""
    register = load_register(REPO / "data" / "facts.yml")
    assert check_templates(register, REPO / "overrides") == []


def test_without_a_register_pages_are_checked_as_before() -> None:
    findings = check_pages([PAGES / "unregistered.md"], settings(site_config.load(REPO / "mkdocs.yml")),
                           datetime.date(2026, 11, 25))
    assert findings == []


def test_the_parts_a_page_includes_are_the_ones_the_build_writes(tmp_path: Path, facts_context) -> None:
    register, parts, problems = facts_context(REPO / REGISTER, REPO / CONFIG, None)
    assert problems == [] and register is not None and isinstance(parts, Parts)
    assert parts.texts is not None and "Call [020 7946 0000](tel:02079460000)" in parts.texts["phone-book.md"]


def test_a_number_in_the_description_is_checked_at_its_line(tmp_path: Path) -> None:
    """Search results show the description, so its numbers must be registered too."""
    page = (REPO / PAGES / "registered.md").read_text().replace(
        "description: A made-up page", "description: Call 0808 157 0000. A made-up page")
    (tmp_path / "page.md").write_text(page)
    register = load_register(REPO / REGISTER)
    findings = check_pages([tmp_path / "page.md"], settings(site_config.load(REPO / CONFIG)), datetime.date(2026, 11, 25),
                           register=register)
    assert [(finding.line, finding.message) for finding in findings] == [(3, UNREGISTERED)]


def test_a_call_link_to_a_text_only_number_and_a_text_link_to_a_call_only_number_fail(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Tapping a tel: link starts a voice call: to a number that only takes texts, it reaches no one."""
    status, lines = _run(capsys, str(PAGES / "wrong-link-kind.md"))
    assert status == 1
    assert lines[:2] == [
        f"{PAGES}/wrong-link-kind.md:10: error: a tel: link must go to a number that takes calls: "
        "tests/fixtures/facts/register.yml lists 80999 (Example Helpline) as text only, so tapping this link "
        "would not reach it; link it as sms:80999, or check the number's kind in tests/fixtures/facts/register.yml",
        f"{PAGES}/wrong-link-kind.md:12: error: an sms: link must go to a number that takes texts: "
        "tests/fixtures/facts/register.yml lists 020 7946 0000 (Example Helpline) as call only, so tapping this "
        "link would not reach it; link it as tel:02079460000, or check the number's kind in "
        "tests/fixtures/facts/register.yml",
    ]
