"""Checks every link in a built site, and the nav in mkdocs.yml, whichever builder built the site.

Usage: python scripts/check_links.py [--config mkdocs.yml] SITE_DIR

Every address on this site (pages, raw HTML such as the events, templates, stylesheets and
calendar links) must lead to a file of the built site, and every #anchor to an id on that page.
nav must name only pages that exist, and list every page. Each problem is printed as
`file:line: message`, pointing at the line of Markdown that wrote the link where there is one,
else at the built file; then a count, and exit status 1. Under GitHub Actions the messages are
also shown beside the changed lines of the pull request. scripts/build_site.py runs this check
before it puts a new build in place.

Why not a link checker from PyPI: LinkChecker (the well-kept one) checks local files as file://
addresses, so a folder address like get-help/ is read as a folder listing rather than its
index.html, and anchors there go unchecked; it has no way to treat the site's own https:// and
webcal:// calendar addresses as local files; and its report names built files, not the Markdown
line an officer edits. The smaller offline checkers on PyPI are either unmaintained or crawl over
HTTP with the same gaps. What is needed here is small: the standard library's HTML parser and
the rules below.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import site_config
from links import check_sources, check_site, report
from site_argument import site_exists, site_parser

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = site_parser(__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml", help="the site's mkdocs.yml")
    args = parser.parse_args(argv)
    if not site_exists(args.site_dir):
        return 1
    config = site_config.load(args.config)
    problems = check_sources(config) + check_site(args.site_dir, config)
    if problems:
        print(report(problems, github=os.environ.get("GITHUB_ACTIONS") == "true"), file=sys.stderr)
        return 1
    print(f"{args.site_dir}: every link leads somewhere")
    return 0


if __name__ == "__main__":
    sys.exit(main())
