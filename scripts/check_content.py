"""Checks the site's pages: front matter, review dates, sources, plain English, phone numbers and translations.

Usage: python scripts/check_content.py [--today YYYY-MM-DD] [PATH ...]
       python scripts/check_content.py --due [--today YYYY-MM-DD]
       python scripts/check_content.py --source-version PAGE

PATH is a page or a folder of pages (default: docs/). Each problem is printed as
`file:line: error: message` or `file:line: warning: message`, then a count. Errors exit with
status 1; warnings (plain English, pages due for review, numbers due to be confirmed, English
pages changed since their translation) do not. Under GitHub Actions the messages are also shown
beside the changed lines of the pull request.

Every phone number, text number and short code a page shows must be in the facts register,
data/facts.yml. A run over the whole site (no PATH) also checks the register itself and the
templates in overrides/ that show numbers. --due lists the register's numbers that are due to be
checked against their sources again; --source-version prints the code a translated page's
source_version must hold for the English page given.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import zoneinfo
from pathlib import Path

from content import Severity, check_pages, find_pages, load_settings
from content.findings import Finding, count_text
from content.includes import Parts
from content.numbers import template_lines
from content.register import check_due, check_numbers, due_report, problems_as_findings
from content.translation import source_version
from facts.build import generate, load_config, load_register
from facts.model import Register
from facts.problems import FactsError

REPO = Path(__file__).resolve().parent.parent
LONDON = zoneinfo.ZoneInfo("Europe/London")
# Templates that show text to visitors; their numbers must be registered too (404 page, emergency line).
TEMPLATES = REPO / "overrides"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="pages or folders (default: docs/)")
    parser.add_argument(
        "--today", type=datetime.date.fromisoformat, metavar="YYYY-MM-DD",
        help="the date to check review and confirm-by dates against (default: today in London)",
    )
    parser.add_argument("--due", action="store_true",
                        help="list the numbers in data/facts.yml that are due to be checked against their sources")
    parser.add_argument("--source-version", type=Path, metavar="PAGE",
                        help="print the code for a translated page's source_version, for this English page")
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml", help=argparse.SUPPRESS)
    parser.add_argument("--facts", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    today = args.today or datetime.datetime.now(LONDON).date()
    if args.source_version:
        return _print_source_version(args.source_version)
    whole_site = not args.paths
    facts = args.facts or REPO / "data" / "facts.yml"
    if args.due:
        return _print_due(facts, today)
    targets = args.paths or [REPO / "docs"]
    missing = [target for target in targets if not target.exists()]
    if missing:
        for target in missing:
            print(f"error: {target}: no such page or folder", file=sys.stderr)
        return 1
    pages = [_shown(path) for path in find_pages(targets)]
    # The register's own checks (future dates, due dates) run over the whole site, or when --facts is given.
    register_checked = whole_site or args.facts is not None
    register, parts, findings = facts_context(facts, args.config, today if register_checked else None)
    if register is not None and register_checked:
        findings += check_due(register, today)
    if register is not None and whole_site:
        findings += check_templates(register)
    findings += check_pages(pages, load_settings(args.config), today, register=register, parts=parts)

    on_github = os.environ.get("GITHUB_ACTIONS") == "true"
    for finding in sorted(findings, key=lambda f: (f.path.as_posix(), f.line, f.message)):
        print(finding.as_github_annotation() if on_github else finding.as_text())
    print(count_text(findings, len(pages)))
    return 1 if any(finding.severity is Severity.ERROR for finding in findings) else 0


def facts_context(facts: Path, config: Path, today: datetime.date | None) -> tuple[Register | None, Parts, list[Finding]]:
    """The register, the generated parts pages include, and any problem in data/facts.yml or mkdocs.yml.

    today: also refuse dates after it in the register (left out when the register is only used to look numbers up).
    """
    problems: list[Finding] = []
    register = site = None
    try:
        register = load_register(facts, today)
    except FactsError as error:
        problems += problems_as_findings(error)
    try:
        site = load_config(config)
    except FactsError as error:
        problems += problems_as_findings(error)
    texts = generate(register, site) if register is not None and site is not None else None
    return register, Parts(texts), problems


def check_templates(register: Register, folder: Path = TEMPLATES) -> list[Finding]:
    """The numbers the theme's templates show (the 404 page, the emergency line) must be registered too."""
    findings: list[Finding] = []
    for template in sorted(folder.rglob("*.html")):
        lines = template_lines(template.read_text(encoding="utf-8"))
        findings += check_numbers(_shown(template), lines, register)
    return findings


def _print_due(facts: Path, today: datetime.date) -> int:
    try:
        register = load_register(facts)
    except FactsError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print("\n".join(due_report(register, today)))
    return 0


def _print_source_version(page: Path) -> int:
    if not page.is_file():
        print(f"error: {page}: no such page", file=sys.stderr)
        return 1
    print(source_version(page))
    return 0


def _shown(path: Path) -> Path:
    """The path as people see it in messages: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


if __name__ == "__main__":
    sys.exit(main())
