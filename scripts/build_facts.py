"""Checks data/facts.yml and the contact setting in mkdocs.yml, and regenerates the page parts made from them.

Usage: python scripts/build_facts.py [--check] [--data PATH] [--config PATH]

Writes docs/generated/: the phone book and its sources for docs/phone-numbers.md, and the contact
texts that docs/about.md, docs/accessibility.md and docs/privacy.md include. Exit status 0 when
both files are correct (and, without --check, the output is up to date), 1 when they break a rule:
each problem is printed as path:line:column: message, then a count, and nothing is written. Under
GitHub Actions the problems are also printed as ::error lines. Numbers due to be checked again are
listed by `python scripts/check_content.py --due`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from facts.build import CONFIG, DATA, build_facts, shown
from facts.problems import FactsError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the two files; write nothing")
    parser.add_argument("--data", type=Path, default=DATA, help="the facts register (default: data/facts.yml)")
    parser.add_argument("--config", type=Path, default=CONFIG, help="the site configuration (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        changed = build_facts(args.data, args.config, check=args.check)
    except FactsError as error:
        print(error.report(github=os.environ.get("GITHUB_ACTIONS") == "true"), file=sys.stderr)
        return 1
    summary = f"{shown(args.data)} and {shown(args.config)}: no problems found"
    print(summary if args.check else f"{summary}; {len(changed)} generated file(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
