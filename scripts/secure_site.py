"""Adds a strict Content-Security-Policy and referrer policy to every page of a built site.

Usage: python scripts/secure_site.py SITE_DIR

Runs after any builder: it reads the built HTML, allows each page's inline scripts (and any style
its script files write into it) by their hash, puts the policy right after <meta charset>, and
writes _headers for hosts that send HTTP headers.
Running it twice gives the same files. If any page holds code the policy would block, it changes
nothing and exits with status 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from security import SecurityCheckFailed, secure_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="the built site, for example site/")
    args = parser.parse_args(argv)
    if not args.site_dir.is_dir():
        print(f"error: {args.site_dir}: the built site must be a folder; it does not exist", file=sys.stderr)
        return 1
    try:
        result = secure_site(args.site_dir)
    except SecurityCheckFailed as failure:
        for problem in failure.problems:
            print(f"{args.site_dir.as_posix().rstrip('/')}/{problem}", file=sys.stderr)
        count = len(failure.problems)
        print(f"{count} error{'s' if count != 1 else ''}; no file was changed", file=sys.stderr)
        return 1
    print(
        f"Secured {result.pages} pages in {args.site_dir} "
        f"({result.script_hashes} inline scripts allowed by hash, {result.changed_files} files changed)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
