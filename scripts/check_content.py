"""Checks the site's pages: front matter, review dates, sources, and plain English.

Usage: python scripts/check_content.py [--today YYYY-MM-DD] [PATH ...]

PATH is a page or a folder of pages (default: docs/). Each problem is printed as
`file:line: error: message` or `file:line: warning: message`, then a count. Errors exit with
status 1; warnings (plain English, pages due for review) do not. Under GitHub Actions the
messages are also shown beside the changed lines of the pull request.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import zoneinfo
from pathlib import Path

from content import Severity, check_pages, find_pages, load_settings
from content.findings import count_text

REPO = Path(__file__).resolve().parent.parent
LONDON = zoneinfo.ZoneInfo("Europe/London")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="pages or folders (default: docs/)")
    parser.add_argument(
        "--today", type=datetime.date.fromisoformat, metavar="YYYY-MM-DD",
        help="the date to check review dates against (default: today in London)",
    )
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    today = args.today or datetime.datetime.now(LONDON).date()
    targets = args.paths or [REPO / "docs"]
    missing = [target for target in targets if not target.exists()]
    if missing:
        for target in missing:
            print(f"error: {target}: no such page or folder", file=sys.stderr)
        return 1
    pages = [_shown(path) for path in find_pages(targets)]
    findings = check_pages(pages, load_settings(args.config), today)

    on_github = os.environ.get("GITHUB_ACTIONS") == "true"
    for finding in findings:
        print(finding.as_github_annotation() if on_github else finding.as_text())
    print(count_text(findings, len(pages)))
    return 1 if any(finding.severity is Severity.ERROR for finding in findings) else 0


def _shown(path: Path) -> Path:
    """The path as people see it in messages: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


if __name__ == "__main__":
    sys.exit(main())
