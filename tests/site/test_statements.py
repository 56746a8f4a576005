"""Two pages the site must always have, checked for what they must say, however they are worded
(site requirements 7 and 16): staying safe online, and the accessibility statement."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from .conftest import PageFacts

_DATE = r"(\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4})"

# The sections of the GOV.UK sample accessibility statement (its headings, in our words where they differ).
STATEMENT_SECTIONS = ("Feedback and contact", "Enforcement procedure", "Compliance status", "Non-accessible content",
                      "How we tested", "Preparation of this statement")


def _page(pages: dict[str, PageFacts], name: str) -> PageFacts:
    if name not in pages:
        pytest.fail(f"the site must have the page {name}")
    return pages[name]


def _headings(built_site: Path, name: str) -> list[str]:
    html = (built_site / name).read_text(encoding="utf-8")
    return [" ".join(re.sub(r"<[^>]+>", "", text).split()) for text in re.findall(r"<h[2-4][^>]*>(.*?)</h[2-4]>", html, re.S)]


def _day(text: str) -> datetime.date:
    return datetime.datetime.strptime(text, "%d %B %Y").date()


def test_staying_safe_online_says_exiting_does_not_erase_history_and_how_to_clear_it(pages: dict[str, PageFacts]) -> None:
    text = _page(pages, "staying-safe-online/index.html").text
    problems = []
    if not re.search(r"\b(?:does not|doesn't|cannot|can't|will not|won't)\b[^.]{0,40}\b(?:delete|erase|clear|remove)\b[^.]{0,40}\bhistory\b", text):
        problems.append("it must say plainly that leaving with Exit this page does not delete the browsing history")
    if not re.search(r"\b(?:delete|clear|remove)\b[^.]{0,80}\bhistory\b|\bhistory\b[^.]{0,80}\b(?:delete|clear|remove)\b", text, re.I):
        problems.append("it must say how to delete pages from the browser's history")
    if not re.search(r"\bprivate (?:browsing|window)|\bincognito\b", text, re.I):
        problems.append("it must explain private browsing")
    assert not problems, "staying-safe-online: " + "; ".join(problems)


def test_the_accessibility_statement_has_every_section_of_the_gov_uk_sample(built_site: Path, pages: dict[str, PageFacts]) -> None:
    _page(pages, "accessibility/index.html")
    headings = _headings(built_site, "accessibility/index.html")
    missing = [section for section in STATEMENT_SECTIONS if not any(h.startswith(section) for h in headings)]
    assert not missing, f"the accessibility statement has no section headed {missing}; its headings are {headings}"


def test_the_accessibility_statement_names_the_enforcement_body_and_links_to_the_advisory_service(
    built_site: Path, pages: dict[str, PageFacts]
) -> None:
    text = _page(pages, "accessibility/index.html").text
    html = (built_site / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "Equality and Human Rights Commission" in text, "the statement must name the EHRC as the enforcement body"
    assert 'href="https://www.equalityadvisoryservice.com/' in html, "the statement must link to the Equality Advisory and Support Service"


def test_the_accessibility_statement_says_when_it_was_tested_and_is_due_for_review_within_a_year(
    pages: dict[str, PageFacts]
) -> None:
    text = _page(pages, "accessibility/index.html").text
    tested = re.search(r"last tested on " + _DATE, text)
    reviewed = re.search(r"last reviewed on " + _DATE, text)
    due = re.search(r"due to be reviewed by " + _DATE, text)
    assert tested and reviewed and due, ("the statement must say 'last tested on <date>', 'last reviewed on <date>' "
                                         "and 'due to be reviewed by <date>', dates written like 25 November 2026")
    gap = _day(due.group(1)) - _day(reviewed.group(1))
    assert datetime.timedelta(0) < gap <= datetime.timedelta(days=366), (
        f"the next review ({due.group(1)}) must be within a year of the last ({reviewed.group(1)})")
