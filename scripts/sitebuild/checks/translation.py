"""Rules for a page translated from an English page (docs/bn.md from docs/get-help.md, for example).

- its front matter says what it is: lang, translated_from, translated_on, source_version,
  native_speaker_checked, and the three notices in its own language (the template shows them);
- every number on it is on its English page, and so is every link to another website;
- a warning when the English page has changed since the translation was made.

What source_version holds: a code for what the translation mirrors of its English page, the English
page's headings and the numbers and links both pages show (the first 12 hex digits of their SHA-256).
A translation is often a short version of its English page, so a change to a sentence, or to a number
or link it does not show, does not ask for the translation to be updated; a new, removed or renamed
section, or a changed number or link the translation shows, does. (A changed number it shows is also
an error: every number on a translated page must be on the English page.)
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from sitebuild.checks import numbers
from sitebuild.checks.reader import Reading
from sitebuild.problems import ERROR, WARNING, Problem
from sitebuild.checks.page import Page, finding
from sitebuild.checks.rules import sources_heading

VERSION_LENGTH = 12
# language[-Script][-REGION], as BCP 47 writes the tags a page needs: bn, tr, so, pa-Guru, pt-BR.
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
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


def _text(page: Page, name: str) -> str | None:
    field = page.fields.get(name)
    return field.text.strip() if field and field.text and field.text.strip() else None


def language(page: Page) -> str | None:
    """The page's lang, if it declares one."""
    return _text(page, "lang")


def source_name(page: Page) -> str | None:
    """The English page a translation names in translated_from, if it names one."""
    return _text(page, "translated_from")


def is_translation(page: Page) -> bool:
    """A page in another language, or one that says it was translated."""
    lang = language(page)
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
    """Every rule for a translated page. reading is the page with its generated parts included;
    load gives an English page and the reading of its full form (None if there is no such page)."""
    source_name = _text(page, "translated_from")
    source_path = page.path.parent / source_name if source_name else None
    missing = [name for name in REQUIRED if not _text(page, name)]
    for name in missing:
        line = page.fields[name].line if name in page.fields else 1
        how = f"; this prints it: {VERSION_COMMAND} {page.path.as_posix()}" if name == "source_version" and source_path else ""
        yield finding(page.path, line, f"a translated page must have {name}, {REQUIRED[name]}{how}")
    yield from _field_problems(page, today)
    yield from _sources_id(page, reading)
    if not source_name or source_path is None:
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
    yield from _version_problems(page, source_path, mirrored_version(english_full, reading), missing)
    yield from _same_numbers(page, reading, english_full, source_name)
    yield from _same_links(page, reading, english_full, source_name)


def _field_problems(page: Page, today: datetime.date) -> Iterator[Problem]:
    lang = _text(page, "lang")
    if lang and not _LANG.match(lang):
        yield _at(page, "lang", f"lang must be a language code like bn, tr or so (BCP 47); found '{lang}'")
    elif lang and lang.lower().startswith("en"):
        yield _at(page, "lang", f"lang must be the language of the translation, not English; found '{lang}'")
    direction = _text(page, "dir")
    if "dir" in page.fields and direction not in ("rtl", "ltr"):
        yield _at(page, "dir", f"dir must be rtl (right to left) or ltr (left to right); found '{direction or ''}'")
    translated_on = _text(page, "translated_on")
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
    checked = _text(page, "native_speaker_checked")
    if checked and checked not in ("yes", "no"):
        yield _at(page, "native_speaker_checked", f"native_speaker_checked must be yes or no; found '{checked}'")
    notice = _text(page, "notice_translated")
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


def _version_problems(page: Page, source_path: Path, current: str, missing: list[str]) -> Iterator[Problem]:
    written = _text(page, "source_version")
    command = f"{VERSION_COMMAND} {page.path.as_posix()}"
    if "source_version" in missing:
        return
    if not _VERSION.match(written or ""):
        yield _at(page, "source_version", (
            f"source_version must be the {VERSION_LENGTH}-character code that this command prints for this page: "
            f"{command}; found '{written}'"))
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
