"""Runs every content rule over a set of pages and collects the findings in file and line order."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path

from content import includes, plain_english, register as register_rules, rules, translation
from content.findings import Finding
from content.includes import Parts
from content.page import Page, load_page
from content.settings import SiteSettings
from facts.model import Register

# Written by scripts/build_events.py at build time; not pages that editors write.
GENERATED_DIRS = ("generated",)


def find_pages(targets: Iterable[Path]) -> list[Path]:
    """Every Markdown page in the given files and folders, in a stable order."""
    pages: set[Path] = set()
    for target in targets:
        if target.is_dir():
            pages.update(
                path for path in target.rglob("*.md")
                if not any(part in GENERATED_DIRS for part in path.relative_to(target).parts)
            )
        else:
            pages.add(target)
    return sorted(pages)


def check_pages(paths: list[Path], settings: SiteSettings, today: datetime.date,
                register: Register | None = None, parts: Parts | None = None) -> list[Finding]:
    """All findings for these pages; titles are compared across the whole set.

    register: also check every number shown against it. parts: the generated parts that pages
    include, checked as part of the page (see content/includes.py).
    """
    findings: list[Finding] = []
    pages = [load_page(path) for path in paths]
    english_pages: dict[Path, tuple[Page, Page] | None] = {}

    def english(path: Path) -> tuple[Page, Page] | None:
        """A translated page's English page and its full form, each read once."""
        if path not in english_pages:
            page = load_page(path) if path.is_file() else None
            english_pages[path] = (page, includes.expand(page, parts)[0]) if page else None
        return english_pages[path]

    for page in pages:
        findings.extend(page.problems)
        if page.problems and not page.fields:
            continue  # without front matter the other checks would only repeat the same problem
        full, include_problems, complete = includes.expand(page, parts)
        findings.extend(include_problems)
        findings.extend(rules.check_front_matter(page, settings))
        findings.extend(rules.check_review(page, today))
        if complete:  # otherwise the missing part would only add confusing findings
            findings.extend(rules.check_sources(full))
        if translation.is_translation(page):
            # The plain-English advice is about English words; a translation is checked against its English page.
            findings.extend(translation.check_translation(page, full, today, english))
        else:
            findings.extend(plain_english.check_plain_english(page))
        if register is not None and complete:
            findings.extend(register_rules.check_numbers(page.path, _shown_lines(full), register))
    findings.extend(rules.check_unique_titles(pages))
    return sorted(findings, key=lambda finding: (finding.path.as_posix(), finding.line, finding.message))


def _shown_lines(page: Page) -> list[tuple[int, str]]:
    """The page's text that visitors see: its title and description, then its body."""
    shown = [(page.fields[name].line, page.fields[name].text or "")
             for name in ("title", "description") if name in page.fields]
    return shown + page.body
