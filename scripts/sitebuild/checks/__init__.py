"""The page checks: every rule a page (and the register, and nav) must keep, before anything is built.

Each rule is a function that yields Problems, in the module it belongs to: front matter, sources,
plain English and translations (rules.py), numbers against the facts register (numbers.py), and
links in Markdown and nav (links.py); every rule reads pages through reader.py. To add a rule: write
it in the module it belongs to, call it from check_pages() below, and test its exact message.
"""

from __future__ import annotations

import datetime
import functools
import html
from collections.abc import Iterator
from pathlib import Path

from sitebuild import facts
from sitebuild.checks import links, numbers, reader, rules
from sitebuild.checks.reader import Page, Parts, Reading, expand, finding, include_lines, load_page
from sitebuild.config import SiteConfig
from sitebuild.facts.model import Register
from sitebuild.facts.sources import Domains, load_domains
from sitebuild.problems import Failed, Problem, shown
from sitebuild.yamlfile import MAX_BYTES, load as load_yaml


def check_site(config: SiteConfig, today: datetime.date, paths: list[Path] | None = None,
               register_file: Path | None = None, events_file: Path | None = None) -> list[Problem]:
    """Every problem in the pages (all, or those given), the register and nav, and events_file's numbers and links."""
    whole_site = paths is None
    # The register's own rules that depend on the date, and its advice, when it is checked itself.
    register, texts, problems = facts.load(config, today if whole_site or register_file else None, register_file)
    parts = Parts(texts)
    if register is not None and (whole_site or register_file):  # the register's own advice: not for one page
        problems += numbers.check_due(register, today)
        if config.custom_dir and config.custom_dir.is_relative_to(config.root):  # the site's own theme
            problems += check_templates(register, config.custom_dir)
    pages = [config.docs_dir / page for page in config.pages] if whole_site else paths
    domains = None
    try:
        domains = load_domains(register_file or facts.register_path(config))
    except Failed as error:
        problems += error.problems
    problems += check_pages([Path(shown(page)) for page in pages], settings(config), today, register, parts, domains)
    if whole_site:
        problems += links.check_sources(config)
    if register is not None and events_file is not None:
        problems += check_event_texts(events_file, register)
    return problems


# Fields of an event that say when it is or what state it is in: never a number to call.
_EVENT_DATA_FIELDS = {"id", "date", "start", "end", "status", "not_recorded", "latitude", "longitude", "postcode"}


def check_event_texts(path: Path, register: Register) -> list[Problem]:
    """The numbers and phone links the events page shows, at the line of the events file where each was typed."""
    shown_path = shown(path)
    try:
        text = path.read_bytes().decode("utf-8") if path.stat().st_size <= MAX_BYTES else ""
        document = load_yaml(text, shown_path)
    except (OSError, UnicodeDecodeError, Failed):
        return []  # the events check reports what is wrong with the file itself
    reading = Reading()
    for key, text in _strings(document.data, ()):
        if key[-1] in _EVENT_DATA_FIELDS:
            continue
        line = document.position(key)[0]
        lines = text.splitlines() or [""]
        if key[-1] == "description":  # Markdown, in a block that starts on the line after 'description: |'
            first = line + 1 if document.text.splitlines()[line - 1].rstrip().endswith(("|", ">", "|-", ">-")) else line
            # The events step escapes < and > before reading a description: no HTML reaches the page.
            part = reader.read([(first + index, html.escape(piece, quote=False)) for index, piece in enumerate(lines)])
        else:
            part = reader.read_html(html.escape(text), line)
        reading.texts += part.texts
        reading.links += part.links
    return list(numbers.check_numbers(Path(shown_path), reading, register))


def _strings(value: object, key: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _strings(item, key + (name,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, key + (index,))
    elif isinstance(value, str) and key and isinstance(key[-1], str):
        yield key, value


def settings(config: SiteConfig) -> rules.SiteSettings:
    """The names in mkdocs.yml that page titles are measured against."""
    return rules.SiteSettings(short_name=str(config.extra.get("short_name") or ""))


def check_templates(register: Register, folder: Path) -> list[Problem]:
    """The numbers the theme's templates show (the 404 page, the emergency line) must be registered too."""
    problems: list[Problem] = []
    for template in sorted(folder.rglob("*.html")):
        reading = reader.read_html(numbers.template_text(template.read_text(encoding="utf-8")))
        problems += numbers.check_numbers(Path(shown(template)), reading, register)
    return problems


def check_pages(paths: list[Path], settings: rules.SiteSettings, today: datetime.date,
                register: Register | None = None, parts: Parts | None = None,
                domains: Domains | None = None) -> list[Problem]:
    """All findings for these pages, titles compared across them; numbers too when there is a register."""
    findings: list[Problem] = []
    pages = [load_page(path) for path in paths]

    @functools.cache
    def english(path: Path) -> tuple[Page, Reading] | None:
        """A translated page's English page and the reading of its full form, each made once."""
        page = load_page(path) if path.is_file() else None
        return (page, reader.read(expand(page, parts)[0].body)) if page else None

    for page in pages:
        findings.extend(page.problems)
        if page.problems and not page.fields:
            continue  # without front matter the other checks would only repeat the same problem
        full, include_problems, complete = expand(page, parts)
        reading = reader.read(full.body)
        findings.extend(include_problems)
        findings.extend(finding(page.path, line, message) for line, message in reading.unsafe)
        findings.extend(rules.check_shown_fields(page))
        findings.extend(rules.check_front_matter(page, settings))
        findings.extend(rules.check_review(page, today))
        if complete:  # otherwise the missing part would only add confusing findings
            findings.extend(rules.check_sources(full, reading, domains))
        if rules.is_translation(page):
            # The plain-English advice is about English words; a translation is checked against its English page.
            findings.extend(rules.check_translation(page, reading, today, english))
        else:
            findings.extend(rules.check_plain_english(page, reading, include_lines(page)))
        if register is not None and complete:
            findings.extend(numbers.check_numbers(page.path, _shown(page, reading), register))
            if not rules.is_translation(page):  # the hours phrases it knows are English ones
                findings.extend(numbers.check_typed_hours(page.path, reader.read(page.body), register))
    findings.extend(rules.check_unique_titles(pages))
    return sorted(findings)


def translation_version(config: SiteConfig, path: Path) -> str:
    """The source_version a translated page must hold now; raises ValueError, in words, if it is not a translation."""
    page = load_page(path)
    source = rules.field_text(page, "translated_from")
    if not source or not (path.parent / source).is_file():
        raise ValueError(f"{path.as_posix()} is not a translated page with translated_from naming its English page; "
                         "give the translated page, like docs/tr.md")
    parts = Parts(facts.load(config)[1])
    english = load_page(path.parent / source)
    return rules.mirrored_version(reader.read(expand(english, parts)[0].body),
                                  reader.read(expand(page, parts)[0].body))


# Front matter the templates show: the tab title and search summary, and a translation's emergency line.
_SHOWN_NUMBERS = ("title", "description", "emergency_line")


def _shown(page: Page, reading: Reading) -> Reading:
    """The page as visitors see it: the front matter shown with it, then its body."""
    texts = [piece for name in _SHOWN_NUMBERS if name in page.fields and page.fields[name].text
             for piece in reader.read_html(page.fields[name].text, page.fields[name].line).texts]
    return Reading(texts=texts + reading.texts, links=reading.links)
