"""The facts register: every rule gets its exact message at the line and column where it was typed."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from sitebuild.facts import load_register
from sitebuild.problems import Failed

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "facts" / "register.yml"
TODAY = datetime.date(2026, 11, 25)

# One made-up service, correct in every field; each case below changes one thing.
GOOD = """\
facts:
  - id: example-helpline
    service: Example Helpline
    group: Example helplines
    for: A made-up helpline for the tests.
    numbers:
      - number: "020 7946 0000"
        kind: call
    web: https://www.example.org/
    sources:
      - https://www.example.org/example-helpline
    last_confirmed: 2026-11-01
    confirm_every: 6 months
    status: current
"""


def _problems(tmp_path: Path, text: str, today: datetime.date | None = TODAY) -> list[str]:
    path = tmp_path / "facts.yml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "sources.yml").write_bytes((FIXTURE.parent / "sources.yml").read_bytes())
    try:
        load_register(path, today)
    except Failed as error:
        return [f"facts.yml:{problem.line}:{problem.column}: {problem.message}" for problem in error.problems]
    return []


def test_the_good_example_has_no_problems(tmp_path: Path) -> None:
    assert _problems(tmp_path, GOOD) == []


def test_the_fixture_register_has_no_problems() -> None:
    register = load_register(FIXTURE, TODAY)
    assert [fact.id for fact in register.facts] == [
        "example-helpline", "example-short-code", "example-old-line", "example-due-line",
    ]


def test_the_sites_register_follows_every_rule() -> None:
    """data/facts.yml loads and passes every rule (an officer's mistake in it is caught here too)."""
    today = datetime.date.today() + datetime.timedelta(days=2)  # the register's dates are London dates
    assert load_register(REPO / "data" / "facts.yml", today).facts


CASES = {
    "a missing field": (
        ("    group: Example helplines\n", ""),
        ["facts.yml:2:5: this service has no group; add it: group must be a short heading on one line, "
         "at most 60 characters, like Helplines"],
    ),
    "a misspelt field": (
        ("    web: https", "    wbe: https"),
        ["facts.yml:9:5: 'wbe' is not a field allowed in this service; did you mean 'web'?"],
    ),
    "a number with other characters": (
        ('"020 7946 0000"', '"020 7946 0000 (free)"'),
        ['facts.yml:7:17: number must be written as the pages show it, digits and single spaces, like '
         '"0808 2000 247" or "999" (with +44 first for a number to dial from abroad); found \'020 7946 0000 (free)\''],
    ),
    "an unknown kind": (
        ("kind: call", "kind: phone"),
        ["facts.yml:8:15: kind must be one of: call, text, press; found 'phone'"],
    ),
    "neither numbers nor web": (
        ('    numbers:\n      - number: "020 7946 0000"\n        kind: call\n    web: https://www.example.org/\n', ""),
        ["facts.yml:2:5: each service needs its numbers, its website (web), or both; add numbers: or web:"],
    ),
    "a web address without https": (
        ("web: https://www.example.org/", "web: http://www.example.org/"),
        ["facts.yml:9:10: web must be the service's website address, starting https://, like "
         "https://www.example.org/; found 'http://www.example.org/'"],
    ),
    "a date written another way": (
        ("last_confirmed: 2026-11-01", "last_confirmed: 01/11/2026"),
        ["facts.yml:12:21: last_confirmed must be a date written YYYY-MM-DD, like 2026-11-25; found '01/11/2026'"],
    ),
    "a date that does not exist": (
        ("last_confirmed: 2026-11-01", "last_confirmed: 2026-02-30"),
        ["facts.yml:12:21: last_confirmed 2026-02-30 does not exist; check the day and the month"],
    ),
    "a date in the future": (
        ("last_confirmed: 2026-11-01", "last_confirmed: 2026-12-01"),
        ["facts.yml:12:21: last_confirmed must not be in the future: it is 2026-12-01, and today is 2026-11-25"],
    ),
    "an interval in weeks": (
        ("confirm_every: 6 months", "confirm_every: 6 weeks"),
        ["facts.yml:13:20: confirm_every must be a whole number of months, like 6 months; found '6 weeks'"],
    ),
    "an unknown status": (
        ("status: current", "status: closed"),
        ["facts.yml:14:13: status must be current or withdrawn; found 'closed'"],
    ),
    "a tabloid source": (
        ("https://www.example.org/example-helpline", "https://www.the-sun.com/news/example"),
        ["facts.yml:11:9: a source must not be on the-sun.com (tabloid): it is a tabloid newspaper; cite the "
         "service's own website or an official page instead"],
    ),
    "a short link source": (
        ("https://www.example.org/example-helpline", "https://is.gd/example"),
        ["facts.yml:11:9: a source must not be on is.gd (short-link): it is a short link, which hides where it "
         "leads and can be changed; open it and give the full address it leads to"],
    ),
    "an insecure source": (
        ("https://www.example.org/example-helpline", "http://www.example.org/example-helpline"),
        ["facts.yml:11:9: a source must be a secure web address starting https://; found "
         "'http://www.example.org/example-helpline'"],
    ),
    "a news report as a register source": (
        ("https://www.example.org/example-helpline", "https://news.example/helpline"),
        ["facts.yml:11:9: the register's sources must be official pages or the service's own; news.example is a "
         "newspaper or broadcaster: cite the page it reported on"],
    ),
    "a source with a placeholder": (
        ("https://www.example.org/example-helpline", "https://www.example.org/Alerts/A/1/{MESSAGE-SETTINGS}"),
        ["facts.yml:11:9: a source must be a page's real address, without a template placeholder in braces; "
         "found 'https://www.example.org/Alerts/A/1/{MESSAGE-SETTINGS}'"],
    ),
    "a repeated field": (
        ("    status: current\n", "    status: current\n    status: withdrawn\n"),
        ["facts.yml:15:5: the field 'status' appears twice here (first on line 14); keep one and delete the other"],
    ),
    "a tab": (
        ("    status: current\n", "\tstatus: current\n"),
        ["facts.yml:14:1: this line is indented with a tab; indent it with spaces instead"],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_each_broken_rule_gets_its_message(tmp_path: Path, case: str) -> None:
    (old, new), expected = CASES[case]
    assert old in GOOD
    assert _problems(tmp_path, GOOD.replace(old, new, 1)) == expected


def _second(**changes: str) -> str:
    entry = GOOD.split("\n", 1)[1].replace("example-helpline", "example-second").replace("Example Helpline", "Example Second")
    for old, new in changes.items():
        entry = entry.replace(old, new)
    return GOOD + entry


def test_two_services_cannot_share_an_id(tmp_path: Path) -> None:
    text = _second(**{"id: example-second": "id: example-helpline", '"020 7946 0000"': '"020 7946 0001"'})
    assert _problems(tmp_path, text) == [
        "facts.yml:15:9: id 'example-helpline' is already used by the service on line 2; each service needs its own id",
    ]


def test_a_current_number_is_registered_under_one_service(tmp_path: Path) -> None:
    assert _problems(tmp_path, _second()) == [
        "facts.yml:20:17: 020 7946 0000 (call) is already registered for Example Helpline on line 7; "
        "register each number once, under the service that runs it",
    ]


def test_a_withdrawn_service_may_have_had_the_number_a_current_one_uses(tmp_path: Path) -> None:
    assert _problems(tmp_path, _second(**{"status: current": "status: withdrawn"})) == []


def test_the_same_number_to_call_and_to_text_is_two_numbers(tmp_path: Path) -> None:
    assert _problems(tmp_path, _second(**{"kind: call": "kind: text"})) == []


def test_a_file_that_is_not_a_list_of_services_says_how_it_starts(tmp_path: Path) -> None:
    assert _problems(tmp_path, "services: []\n") == [
        "facts.yml:1:1: 'services' is not a field allowed in the file; the fields allowed here are: facts",
        "facts.yml:1:1: the file has no facts; add it: facts must be a list of services, each starting with '- id:'",
    ]


def test_an_empty_list_says_what_it_must_hold(tmp_path: Path) -> None:
    assert _problems(tmp_path, "facts: []\n") == ["facts.yml:1:8: facts must list at least one service; add one"]
    no_sources = GOOD.replace("    sources:\n      - https://www.example.org/example-helpline\n", "    sources: []\n")
    assert _problems(tmp_path, no_sources) == ["facts.yml:10:14: sources must list at least one web address; add one"]


def test_without_a_date_to_compare_only_the_date_independent_rules_apply(tmp_path: Path) -> None:
    future = GOOD.replace("last_confirmed: 2026-11-01", "last_confirmed: 2030-01-01")
    assert _problems(tmp_path, future, today=None) == []


def test_a_source_on_a_site_nobody_has_reviewed_says_how_to_add_it(tmp_path: Path) -> None:
    """The whole message, with every kind, is tested word for word for pages (tests/checks/test_check_content.py)."""
    problems = _problems(tmp_path, GOOD.replace("https://www.example.org/example-helpline", "https://unknown.example/a"))
    assert len(problems) == 1 and problems[0].startswith(
        "facts.yml:11:9: a source must be on a site the project has reviewed; unknown.example is not listed in "
        f"{(tmp_path / 'sources.yml').as_posix()}: if it is a trustworthy site, add a line under domains: there, "
        "like '  unknown.example: charity'")
