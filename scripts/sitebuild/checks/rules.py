"""The rules every page must follow: front matter, review dates and a final list of sources."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from dateutil.relativedelta import relativedelta

from sitebuild.checks import reader
from sitebuild.checks.reader import Reading
from sitebuild.problems import WARNING, Problem
from sitebuild.checks.page import Page, finding
from sitebuild.sources import Domains, source_problem

# A browser tab or search result shows about this many characters of a <title>.
TAB_TITLE_LIMIT = 65
# overrides/main.html writes "<page title> – <short name>" into <title>.
TITLE_SEPARATOR = " – "
DESCRIPTION_LIMIT = 160
SENTENCE_WORD_LIMIT = 25


@dataclass(frozen=True)
class SiteSettings:
    """The names from mkdocs.yml that page titles are measured against."""

    short_name: str

    @property
    def title_limit(self) -> int:
        """The longest page title whose <title> still fits in a browser tab."""
        return TAB_TITLE_LIMIT - len(TITLE_SEPARATOR) - len(self.short_name)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTERVAL = re.compile(r"^(\d+) months?$")
SOURCES_HEADING = "Sources"
# Front matter values the templates show; no page may bring a script or style in through them either.
SHOWN_FIELDS = ("title", "description", "notice_translated", "notice_not_checked", "notice_checked",
                "exit_label", "emergency_line")
# A translated page may write it in its own language, then "(Sources)": "Kaynaklar (Sources)".
_SOURCES = re.compile(r"^(?:Sources|.*\S\s+\(Sources\))$")
_ATTRIBUTES = re.compile(r"\{\s*[:.#][^{}]*\}\s*$")


def is_sources_heading(text: str) -> bool:
    """'Sources', or words in another language then '(Sources)'; an attribute list like {#sources} may follow."""
    return bool(_SOURCES.match(_ATTRIBUTES.sub("", text).strip()))


def check_front_matter(page: Page, settings: SiteSettings) -> Iterator[Problem]:
    """Title and description are present and short enough for browser tabs and search results."""
    title = page.fields.get("title")
    if not title:
        yield finding(page.path, 1, "every page must have a title: add a title: line to the front matter")
    elif not (title.text or "").strip():
        yield finding(page.path, title.line, "the title is empty; write the page's name after title:, on the same line")
    elif len(title.text) > settings.title_limit:
        yield finding(page.path, title.line, (
            f"the title must be at most {settings.title_limit} characters, so the browser tab title "
            f"fits in {TAB_TITLE_LIMIT}; this title has {len(title.text)}"
        ))
    description = page.fields.get("description")
    if not description:
        yield finding(page.path, 1, (
            "every page must have a description, the summary shown in search results: "
            "add a description: line to the front matter"))
    elif not (description.text or "").strip():
        yield finding(page.path, description.line, (
            "the description is empty; write the summary shown in search results after description:, on the same line"))
    elif len(description.text) > DESCRIPTION_LIMIT:
        yield finding(page.path, description.line, (
            f"the description must be at most {DESCRIPTION_LIMIT} characters; "
            f"this description has {len(description.text)}"
        ))


def check_review(page: Page, today: datetime.date) -> Iterator[Problem]:
    """last_reviewed and review_interval are present and valid; a page past its review date is flagged."""
    reviewed = _review_date(page)
    if isinstance(reviewed, Problem):
        yield reviewed
        reviewed = None
    elif reviewed > today:
        yield finding(page.path, page.fields["last_reviewed"].line, (
            f"last_reviewed must not be in the future: it is {reviewed.isoformat()}, "
            f"and today is {today.isoformat()}"
        ))
        reviewed = None
    months = _review_months(page)
    if isinstance(months, Problem):
        yield months
        return
    if reviewed is None:
        return
    due = reviewed + relativedelta(months=months)
    if due < today:
        yield finding(page.path, page.fields["last_reviewed"].line, (
            f"this page was due for review on {due.isoformat()} ({page.fields['review_interval'].text} "
            "after last_reviewed): check every fact against its source, then set last_reviewed to today"
        ), WARNING)


def _review_date(page: Page) -> datetime.date | Problem:
    field = page.fields.get("last_reviewed")
    if not field:
        return finding(page.path, 1, (
            "every page must have last_reviewed, the date its facts were last checked, like 2026-11-25"
        ))
    if not _DATE.match(field.text or ""):
        return finding(page.path, field.line, (
            f"last_reviewed must be written YYYY-MM-DD, like 2026-11-25; found {_found(field.text)}"))
    try:
        return datetime.date.fromisoformat(field.text)
    except ValueError:
        return finding(page.path, field.line, f"last_reviewed {field.text} does not exist; check the day and the month")


def _review_months(page: Page) -> int | Problem:
    field = page.fields.get("review_interval")
    if not field:
        return finding(page.path, 1, "every page must have review_interval, how often it is checked, like '6 months'")
    match = _INTERVAL.match((field.text or "").strip())
    if not match:
        return finding(page.path, field.line, (
            f"review_interval must be a whole number of months, like '6 months'; found {_found(field.text)}"))
    if int(match.group(1)) < 1:
        return finding(page.path, field.line, f"review_interval must be at least 1 month; found {_found(field.text)}")
    return int(match.group(1))


def _found(text: str | None) -> str:
    """A value as typed, quoted back in a message."""
    return repr(text) if text else "nothing"


def sources_heading(reading: Reading) -> reader.Heading | None:
    """The page's '## Sources' heading, if it has one."""
    return next((h for h in reading.headings if h.level == 2 and is_sources_heading(h.text)), None)


def cited(reading: Reading) -> list[reader.Link]:
    """The links under the Sources heading: what the page cites."""
    heading = sources_heading(reading)
    if heading is None:
        return []
    start, end = reading.section(heading)
    return [link for link in reading.links if start < link.line < end and not link.image]


def check_sources(page: Page, reading: Reading, domains: Domains | None = None) -> Iterator[Problem]:
    """The page ends with a '## Sources' section that holds at least one link, each to a citable source."""
    sources = sources_heading(reading)
    if sources is None:
        yield finding(page.path, 1, (
            "every page must end with a '## Sources' section that links to where its facts come from"
        ))
        return
    later = [h for h in reading.headings if h.line > sources.line and h.level <= 2]
    if later:
        yield finding(page.path, later[0].line, (
            "the '## Sources' section must be the last section of the page; move this section above it"
        ))
    links = cited(reading)
    if not links:
        yield finding(page.path, sources.line, "the '## Sources' section must list at least one link")
    for link in links:
        if not urlsplit(link.target).scheme and not link.target.startswith("//"):
            continue  # a page of this site (its own Sources, say): the link check follows it
        rule = source_problem(link.target, link.text, domains)
        if rule:
            yield finding(page.path, link.line, rule)


def check_shown_fields(page: Page) -> Iterator[Problem]:
    """No script, form, embed or style in the front matter values the templates show."""
    for name in SHOWN_FIELDS:
        field = page.fields.get(name)
        if field and field.text:
            for line, message in reader.read_html(field.text, field.line).unsafe:
                yield finding(page.path, line, message)


def check_unique_titles(pages: list[Page]) -> Iterator[Problem]:
    """No two pages share a title, so every browser tab and search result can be told apart."""
    first_seen: dict[str, Page] = {}
    for page in pages:
        title = page.fields.get("title")
        if not title or not title.text:
            continue
        key = " ".join(title.text.split()).casefold()
        if key in first_seen:
            other = first_seen[key].path.as_posix()
            yield finding(page.path, title.line, (
                f"each page must have its own title: '{title.text}' is also the title of {other}"
            ))
        else:
            first_seen[key] = page
