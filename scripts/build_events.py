"""Checks data/events.yml and regenerates the events page fragments and calendar files.

Usage: python scripts/build_events.py [--today YYYY-MM-DD] [--check] [--data PATH] [--out DIR] [--site-url URL]

Exit status 0 when the events file is correct (and, without --check, the output is up to date),
1 when it breaks a rule: each problem is printed as path:line:column: message (the first 20, then
how many more), then a count, and nothing is written. Under GitHub Actions the problems are also
printed as ::error lines. The site's own data/events.yml is also checked for the copy-me example's
placeholder values; the test fixtures, elsewhere, may use them.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from events.build import DATA, OUT, Outputs, build_events, london_today
from events.problems import EventsError


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--today must be a date written YYYY-MM-DD, like 2027-03-14; found {text!r}") from None


def _shown_path(path: Path) -> str:
    """The data path as the person gave it, relative to here when possible (GitHub needs it relative)."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=_date, default=None,
                        help="the build date (default: today in London); for previews and tests")
    parser.add_argument("--check", action="store_true", help="only check the events file; write nothing")
    parser.add_argument("--data", type=Path, default=DATA, help="the events file (default: data/events.yml)")
    parser.add_argument("--out", type=Path, default=OUT,
                        help="folder for generated/ and calendar/ (default: docs/events)")
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL") or "http://127.0.0.1:8000/",
                        help="the site's address, for calendar links (default: $SITE_URL, as mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        changed = build_events(args.data, Outputs.under(args.out), args.today or london_today(),
                               args.site_url, check=args.check)
    except EventsError as error:
        print(error.report(_shown_path(args.data), github=os.environ.get("GITHUB_ACTIONS") == "true"),
              file=sys.stderr)
        return 1
    if args.check:
        print(f"{_shown_path(args.data)}: no problems found")
    else:
        print(f"{_shown_path(args.data)}: no problems found; {len(changed)} generated file(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
