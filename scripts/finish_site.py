"""Finishes a built site: folds each page's sources list so it stays one tap away.

Usage: python scripts/finish_site.py SITE_DIR

Runs after any builder and before scripts/secure_site.py. Running it twice gives the same files.
"""

from __future__ import annotations

import sys

from finish import finish_site
from site_argument import site_exists, site_parser


def main(argv: list[str] | None = None) -> int:
    parser = site_parser(__doc__.splitlines()[0])
    args = parser.parse_args(argv)
    if not site_exists(args.site_dir):
        return 1
    changed = finish_site(args.site_dir)
    print(f"Finished the pages in {args.site_dir} ({changed} files changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
