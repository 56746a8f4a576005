"""Rules for a page translated from an English page (docs/bn.md from docs/get-help.md, for example).

- its front matter says what it is: lang, translated_from, translated_on, source_version,
  native_speaker_checked, and the three notices in its own language (the template shows them);
- every number on it is on its English page, and so is every link to another website;
- a warning when the English page has changed since the translation was made.

What source_version hashes: the English page's text after its front matter, with line endings made
\\n, spaces at line ends removed, runs of blank lines made one, and blank lines at the start and end
removed; the first 12 hex digits of its SHA-256. So changing last_reviewed or a title, or tidying
spaces, does not count as a change to translate; any change to the words, numbers or links does.
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
    "source_version": "the code of the English page's text it was translated from",
    "native_speaker_checked": "yes if a native speaker has checked the translation, otherwise no",
    "notice_translated": "the sentence 'Translated from English on {date}.' in the page's language",
    "notice_not_checked": "the sentence 'A native speaker has not checked this translation yet.' in the page's language",
    "notice_checked": "the sentence 'A native speaker has checked this translation.' in the page's language",
}


def _text(page: Page, name: str) -> str | None:
    field = page.fields.get(name)
    return field.text.strip() if field and field.text and field.text.strip() else None


def language(page: Page) -> str | None:
    """The page's lang, if it declares one."""
    return _text(page, "lang")


def is_translation(page: Page) -> bool:
    """A page in another language, or one that says it was translated."""
    lang = language(page)
    return "translated_from" in page.fields or bool(lang and not lang.lower().startswith("en"))


def text_version(text: str) -> str:
    """The source_version of a page's text (see the module's docstring for exactly what is hashed)."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].rstrip() == "---":
        closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
        if closing is not None:
            lines = lines[closing + 1:]
    kept: list[str] = []
    for line in (line.rstrip() for line in lines):
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return hashlib.sha256("\n".join(kept).encode("utf-8")).hexdigest()[:VERSION_LENGTH]


def source_version(path: Path) -> str:
    """The source_version of a page file, as --source-version prints it."""
    return text_version(path.read_text(encoding="utf-8-sig"))


def check_translation(page: Page, reading: Reading, today: datetime.date,
                      load: Callable[[Path], tuple[Page, Reading] | None]) -> Iterator[Problem]:
    """Every rule for a translated page. reading is the page with its generated parts included;
    load gives an English page and the reading of its full form (None if there is no such page)."""
    source_name = _text(page, "translated_from")
    source_path = page.path.parent / source_name if source_name else None
    missing = [name for name in REQUIRED if not _text(page, name)]
    for name in missing:
        line = page.fields[name].line if name in page.fields else 1
        how = f"; this prints it: {VERSION_COMMAND} {source_path.as_posix()}" if name == "source_version" and source_path else ""
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
    yield from _version_problems(page, source_path, missing)
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


def _version_problems(page: Page, source_path: Path, missing: list[str]) -> Iterator[Problem]:
    current = source_version(source_path)
    written = _text(page, "source_version")
    command = f"{VERSION_COMMAND} {source_path.as_posix()}"
    if "source_version" in missing:
        return
    if not _VERSION.match(written or ""):
        yield _at(page, "source_version", (
            f"source_version must be the {VERSION_LENGTH}-character code that this command prints for the "
            f"English page: {command}; found '{written}'"))
    elif written != current:
        yield _at(page, "source_version", (
            f"the English page {source_path.name} has changed since this page was translated (source_version "
            f"is {written}; the English page is now {current}): update the translation to match it, set "
            f"native_speaker_checked to no until a native speaker has checked the changes, then set "
            f"source_version to {current} and translated_on to the day you finished"), WARNING)


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
