"""The rules every page must follow: front matter, review dates, a final list of sources, plain English
(warnings only), and the rules for a page translated from an English page (docs/bn.md from docs/get-help.md).

source_version is a code for what a translation mirrors of its English page: the English page's headings
and the numbers and links both pages show (the first 12 hex digits of their SHA-256). A translation is
often a short version of its English page, so only a new, removed or renamed section, or a changed number
or link the translation shows, asks for the translation to be updated.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from dateutil.relativedelta import relativedelta

from sitebuild.checks import numbers, reader
from sitebuild.checks.reader import Block, Page, Reading, finding
from sitebuild.facts.sources import Domains, source_problem
from sitebuild.problems import ERROR, WARNING, Problem

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
# Front matter values the templates show; no page may bring a script or style in through them either.
SHOWN_FIELDS = ("title", "description", "notice_translated", "notice_not_checked", "notice_checked",
                "exit_label", "emergency_line")
# A translated page may write it in its own language, then "(Sources)": "Kaynaklar (Sources)".
_SOURCES = re.compile(r"^(?:Sources|.*\S\s+\(Sources\))$")
_ATTRIBUTES = re.compile(r"\{\s*[:.#][^{}]*\}\s*$")


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
            f"fits in {TAB_TITLE_LIMIT}; this title has {len(title.text)}"))
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
            f"this description has {len(description.text)}"))


def check_review(page: Page, today: datetime.date) -> Iterator[Problem]:
    """last_reviewed and review_interval are present and valid; a page past its review date is flagged."""
    reviewed = _review_date(page)
    if isinstance(reviewed, Problem):
        yield reviewed
        reviewed = None
    elif reviewed > today:
        yield finding(page.path, page.fields["last_reviewed"].line, (
            f"last_reviewed must not be in the future: it is {reviewed.isoformat()}, "
            f"and today is {today.isoformat()}"))
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
            "after last_reviewed): check every fact against its source, then set last_reviewed to today"), WARNING)


def _review_date(page: Page) -> datetime.date | Problem:
    field = page.fields.get("last_reviewed")
    if not field:
        return finding(page.path, 1, (
            "every page must have last_reviewed, the date its facts were last checked, like 2026-11-25"))
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
    """The page's '## Sources' heading, if it has one (an attribute list like {#sources} may follow its words)."""
    headings = [h for h in reading.headings if h.level == 2 and _SOURCES.match(_ATTRIBUTES.sub("", h.text).strip())]
    return headings[0] if headings else None


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
            "every page must end with a '## Sources' section that links to where its facts come from"))
        return
    later = [h for h in reading.headings if h.line > sources.line and h.level <= 2]
    if later:
        yield finding(page.path, later[0].line, (
            "the '## Sources' section must be the last section of the page; move this section above it"))
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
                f"each page must have its own title: '{title.text}' is also the title of {other}"))
        else:
            first_seen[key] = page


# -- Plain English ----------------------------------------------------------------------------------

# A short list from the GOV.UK style guide's words to avoid, each with the plain word to use.
PLAINER_WORDS = {
    "in order to": "to",
    "prior to": "before",
    "in the event that": "if",
    "due to the fact that": "because",
    "with regard to": "about",
    "with regards to": "about",
    "utilise": "use", "utilises": "uses", "utilised": "used", "utilising": "using",
    "utilize": "use", "utilizes": "uses", "utilized": "used", "utilizing": "using",
    "commence": "start", "commences": "starts", "commenced": "started", "commencing": "starting",
    "assist": "help", "assists": "helps", "assisted": "helped", "assisting": "helping",
}
_PLAINER = re.compile(
    r"\b(" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(PLAINER_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(is|are|was|were)\s+being\b", re.IGNORECASE)

_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)")
_NOT_AN_END = {"e.g.", "i.e.", "dr.", "mr.", "mrs.", "ms.", "st."}
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def check_plain_english(page: Page, reading: Reading, included: set[int]) -> Iterator[Problem]:
    """Warns about sentences over the word limit, wordy phrases and 'is being' passives, parts included left out."""
    for block in prose_blocks(page, reading):
        if block.lines[0] in included:
            continue
        for start, sentence in sentences(block.text):
            words = _WORD.findall(sentence)
            if len(words) > SENTENCE_WORD_LIMIT:
                opening = " ".join(sentence.split()[:6])
                yield _warn(page, block.line_at(start), (
                    f"sentences should be at most {SENTENCE_WORD_LIMIT} words; this one has {len(words)} "
                    f"(it starts '{opening} …')"))
        for match in _PLAINER.finditer(block.text):
            found = " ".join(match.group(1).split())
            plain = PLAINER_WORDS[found.lower()]
            yield _warn(page, block.line_at(match.start()), f"write '{plain}' instead of '{found}'")
        for match in _PASSIVE.finditer(block.text):
            found = " ".join(match.group(0).split())
            yield _warn(page, block.line_at(match.start()), (
                f"use the active voice: say who does it, instead of '{found} …'"))


def _warn(page: Page, line: int, message: str) -> Problem:
    return finding(page.path, line, message, WARNING)


def prose_blocks(page: Page, reading: Reading | None = None) -> Iterator[Block]:
    """The running text of a page, outside code, tables, HTML and the Sources list, as paragraphs and list items."""
    reading = reading or reader.read(page.body)
    heading = sources_heading(reading)
    start, end = reading.section(heading) if heading else (float("inf"), float("inf"))
    for block in reading.blocks:
        if not start <= block.lines[0] < end:
            yield block


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """Each sentence with its offset; a full stop after e.g., Dr. or St. does not end one."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        # The abbreviations are short: only the last few characters need reading (a long text stays quick).
        window = text[max(0, match.end() - 8):match.end()].split()
        last_word = window[-1].lower() if window else ""
        if last_word in _NOT_AN_END:
            continue
        sentence = text[start:match.end()]
        if sentence.strip():
            yield start + len(sentence) - len(sentence.lstrip()), sentence.strip()
        start = match.end()
    rest = text[start:]
    if rest.strip():
        yield start + len(rest) - len(rest.lstrip()), rest.strip()


# -- Translated pages -------------------------------------------------------------------------------

VERSION_LENGTH = 12
# language[-Script][-REGION], as BCP 47 writes the tags a page needs: bn, tr, so, pa-Guru, pt-BR.
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")
_VERSION = re.compile(rf"^[0-9a-f]{{{VERSION_LENGTH}}}$")
VERSION_COMMAND = ".venv/bin/python scripts/website.py source-version"

# Each field a translated page needs, and what it is, for the message when it is missing.
REQUIRED = {
    "lang": "the code of its language, like bn, tr or so",
    "translated_from": "the English page it was translated from, like get-help.md",
    "translated_on": "the date it was translated, like 2026-11-25",
    "source_version": "the code of what it mirrors of the English page it was translated from",
    "native_speaker_checked": "yes if a native speaker has checked the translation, otherwise no",
    "notice_translated": "the sentence 'Translated from English on {date}.' in the page's language",
    "notice_not_checked": "the sentence 'A native speaker has not checked this translation yet.' in the page's language",
    "notice_checked": "the sentence 'A native speaker has checked this translation.' in the page's language",
    # The exit button and the emergency line are the first things a reader needs, so in her language too.
    "exit_label": "the words 'Exit this page' in the page's language, for the exit button",
    "emergency_line": "the sentence 'In an emergency, call 999.' in the page's language, with 999 in it",
}


def field_text(page: Page, name: str) -> str | None:
    """A front matter value's words, or None when it is missing, empty or not plain text."""
    field = page.fields.get(name)
    return field.text.strip() if field and field.text and field.text.strip() else None


def is_translation(page: Page) -> bool:
    """A page in another language, or one that says it was translated."""
    lang = field_text(page, "lang")
    return "translated_from" in page.fields or bool(lang and not lang.lower().startswith("en"))


def mirrored_version(english: Reading, translation: Reading) -> str:
    """The source_version for a translation: see the module's docstring for what is hashed."""
    headings = [" ".join(heading.text.split()) for heading in english.headings]
    shared_numbers = sorted(numbers.every_number(english) & numbers.every_number(translation))
    shared_links = sorted({url for _, url in numbers.external_links(english)}
                          & {url for _, url in numbers.external_links(translation)})
    text = "\n".join(["headings:", *headings, "numbers:", *shared_numbers, "links:", *shared_links])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:VERSION_LENGTH]


def check_translation(page: Page, reading: Reading, today: datetime.date,
                      load: Callable[[Path], tuple[Page, Reading] | None]) -> Iterator[Problem]:
    """Every rule for a translated page, with its parts included; load gives an English page and its full reading."""
    source_name = field_text(page, "translated_from")
    source_path = page.path.parent / source_name if source_name else None
    missing = [name for name in REQUIRED if not field_text(page, name)]
    for name in missing:
        line = page.fields[name].line if name in page.fields else 1
        how = f"; this prints it: {VERSION_COMMAND} {page.path.as_posix()}" if name == "source_version" and source_path else ""
        yield finding(page.path, line, f"a translated page must have {name}, {REQUIRED[name]}{how}")
    yield from _field_problems(page, today)
    yield from _sources_id(page, reading)
    if not source_name:
        return
    loaded = load(source_path) if source_name.endswith(".md") else None
    if loaded is None:
        yield finding(page.path, page.fields["translated_from"].line, (
            f"translated_from must be the file name of the English page, like get-help.md; there is no "
            f"page {source_path.as_posix()}"))
        return
    english, english_full = loaded
    if is_translation(english):
        yield finding(page.path, page.fields["translated_from"].line, (
            f"translated_from must be an English page; {source_name} is itself a translation"))
        return
    yield from _version_problems(page, source_path, mirrored_version(english_full, reading))
    yield from _same_numbers(page, reading, english_full, source_name)
    yield from _same_links(page, reading, english_full, source_name)


def _field_problems(page: Page, today: datetime.date) -> Iterator[Problem]:
    lang = field_text(page, "lang")
    if lang and not _LANG.match(lang):
        yield _at(page, "lang", f"lang must be a language code like bn, tr or so (BCP 47); found '{lang}'")
    elif lang and lang.lower().startswith("en"):
        yield _at(page, "lang", f"lang must be the language of the translation, not English; found '{lang}'")
    direction = field_text(page, "dir")
    if "dir" in page.fields and direction not in ("rtl", "ltr"):
        yield _at(page, "dir", f"dir must be rtl (right to left) or ltr (left to right); found '{direction or ''}'")
    translated_on = field_text(page, "translated_on")
    if translated_on:
        try:
            if not _DATE.match(translated_on):
                raise ValueError
            day = datetime.date.fromisoformat(translated_on)
        except ValueError:
            yield _at(page, "translated_on", "translated_on must be a real date written as YYYY-MM-DD, like 2026-11-25")
        else:
            if day > today:
                yield _at(page, "translated_on", (
                    f"translated_on must not be in the future: it is {translated_on}, and today is {today.isoformat()}"))
    checked = field_text(page, "native_speaker_checked")
    if checked and checked not in ("yes", "no"):
        yield _at(page, "native_speaker_checked", f"native_speaker_checked must be yes or no; found '{checked}'")
    notice = field_text(page, "notice_translated")
    if notice and "{date}" not in notice:
        yield _at(page, "notice_translated", (
            "notice_translated must contain {date}, where the page shows the date it was translated"))


# The attribute list that gives a heading the id "sources", as attr_list reads it: {#sources}, { #sources }.
_SOURCES_ID = re.compile(r"\{\s*:?\s*#sources\s*\}$")


def _sources_id(page: Page, reading: Reading) -> Iterator[Problem]:
    """A Sources heading in another language keeps the id 'sources', which English headings get by themselves."""
    heading = sources_heading(reading)
    if heading:
        text = heading.text.strip()
        if text != "Sources" and not _SOURCES_ID.search(text):
            yield finding(page.path, heading.line, (
                "the Sources heading of a translated page must end with {#sources}, so links to a page's "
                f"sources work in every language: write '## {text} {{#sources}}'"))


def _version_problems(page: Page, source_path: Path, current: str) -> Iterator[Problem]:
    written = field_text(page, "source_version")
    if written is None:
        return  # reported as missing
    if not _VERSION.match(written):
        yield _at(page, "source_version", (
            f"source_version must be the {VERSION_LENGTH}-character code that this command prints for this page: "
            f"{VERSION_COMMAND} {page.path.as_posix()}; found '{written}'"))
    elif written != current:
        yield _at(page, "source_version", (
            f"what this page mirrors of the English page {source_path.name} has changed since it was translated "
            f"(its headings, or a number or link both pages show; source_version is {written}, and is now "
            f"{current}): update the translation to match it, set native_speaker_checked to no until a native "
            f"speaker has checked the changes, then set source_version to {current} and translated_on to the day "
            "you finished"), WARNING)


def _same_numbers(page: Page, reading: Reading, english: Reading, source_name: str) -> Iterator[Problem]:
    on_english = numbers.every_number(english)
    for shown in numbers.find_numbers(reading, any_language=True):
        if shown.digits not in on_english:
            yield finding(page.path, shown.line, (
                f"every number on a translated page must also be on its English page, {source_name}; "
                f"{shown.text} is not: copy the number exactly from the English page, or take it out"))


def _same_links(page: Page, reading: Reading, english: Reading, source_name: str) -> Iterator[Problem]:
    on_english = {url for _, url in numbers.external_links(english)}
    for line, url in numbers.external_links(reading):
        if url not in on_english:
            yield finding(page.path, line, (
                f"every link to another website on a translated page must also be on its English page, "
                f"{source_name}; {url} is not: use the same address as the English page, or take the link out"))


def _at(page: Page, name: str, message: str, severity: str = ERROR) -> Problem:
    return finding(page.path, page.fields[name].line, message, severity)
