"""Finishes a built site: folds each page's sources list so it stays one tap away.

Usage: python scripts/finish_site.py SITE_DIR

Runs after any builder and before scripts/secure_site.py. Running it twice gives the same files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from finish import finish_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="the built site, for example site/")
    args = parser.parse_args(argv)
    if not args.site_dir.is_dir():
        print(f"error: {args.site_dir}: the built site must be a folder; it does not exist", file=sys.stderr)
        return 1
    changed = finish_site(args.site_dir)
    print(f"Finished the pages in {args.site_dir} ({changed} files changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
