"""Runs every content rule over a set of pages and collects the findings in file and line order."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path

from content import plain_english, rules
from content.findings import Finding
from content.page import load_page
from content.settings import SiteSettings

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


def check_pages(paths: list[Path], settings: SiteSettings, today: datetime.date) -> list[Finding]:
    """All findings for these pages; titles are compared across the whole set."""
    findings: list[Finding] = []
    pages = [load_page(path) for path in paths]
    for page in pages:
        findings.extend(page.problems)
        if page.problems and not page.fields:
            continue  # without front matter the other checks would only repeat the same problem
        findings.extend(rules.check_front_matter(page, settings))
        findings.extend(rules.check_review(page, today))
        findings.extend(rules.check_sources(page))
        findings.extend(plain_english.check_plain_english(page))
    findings.extend(rules.check_unique_titles(pages))
    return sorted(findings, key=lambda finding: (finding.path.as_posix(), finding.line, finding.message))
