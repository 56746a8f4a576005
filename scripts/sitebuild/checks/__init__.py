"""The page checks: every rule a page (and the register, and nav) must keep, before anything is built.

Each rule is a function in a module here that yields Problems: front matter and sources (rules.py),
plain English (plain_english.py), numbers against the facts register (register.py, numbers.py),
translations (translation.py) and links in Markdown and nav (links.py). To add a rule: write it in
the module it belongs to, call it from check_pages() below, and test its exact message.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from sitebuild import facts
from sitebuild.checks import includes, links, plain_english, register as register_rules, rules, translation
from sitebuild.checks.includes import Parts
from sitebuild.checks.numbers import template_lines
from sitebuild.checks.page import Page, load_page
from sitebuild.checks.rules import SiteSettings
from sitebuild.config import SiteConfig
from sitebuild.facts.model import Register
from sitebuild.problems import Problem, shown


def check_site(config: SiteConfig, today: datetime.date, paths: list[Path] | None = None,
               register_file: Path | None = None) -> list[Problem]:
    """Every problem in the pages (all of them, or those given), the register and nav; warnings included."""
    whole_site = paths is None
    # The register's own rules that depend on the date, and its advice, when it is checked itself.
    register, texts, problems = facts.load(config, today if whole_site or register_file else None, register_file)
    parts = Parts(texts)
    if register is not None and (whole_site or register_file):  # the register's own advice: not for one page
        problems += register_rules.check_due(register, today)
        if config.custom_dir and config.custom_dir.is_relative_to(config.root):  # the site's own theme
            problems += check_templates(register, config.custom_dir)
    pages = [config.docs_dir / page for page in config.pages] if whole_site else paths
    problems += check_pages([Path(shown(page)) for page in pages], settings(config), today, register, parts)
    if whole_site:
        problems += links.check_sources(config)
    return problems


def settings(config: SiteConfig) -> SiteSettings:
    """The names in mkdocs.yml that page titles are measured against."""
    return SiteSettings(short_name=str(config.extra.get("short_name") or ""))


def check_templates(register: Register, folder: Path) -> list[Problem]:
    """The numbers the theme's templates show (the 404 page, the emergency line) must be registered too."""
    problems: list[Problem] = []
    for template in sorted(folder.rglob("*.html")):
        lines = template_lines(template.read_text(encoding="utf-8"))
        problems += register_rules.check_numbers(Path(shown(template)), lines, register)
    return problems


def check_pages(paths: list[Path], settings: SiteSettings, today: datetime.date,
                register: Register | None = None, parts: Parts | None = None) -> list[Problem]:
    """All findings for these pages; titles are compared across the whole set.

    register: also check every number shown against it. parts: the generated parts that pages
    include, checked as part of the page (see includes.py).
    """
    findings: list[Problem] = []
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
    return sorted(findings)


def _shown_lines(page: Page) -> list[tuple[int, str]]:
    """The page's text that visitors see: its title and description, then its body."""
    shown = [(page.fields[name].line, page.fields[name].text or "")
             for name in ("title", "description") if name in page.fields]
    return shown + page.body
