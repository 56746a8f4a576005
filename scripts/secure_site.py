"""Adds a strict Content-Security-Policy and referrer policy to every page of a built site.

Usage: python scripts/secure_site.py SITE_DIR

Runs after any builder: it reads the built HTML, allows each page's inline scripts (and any style
its script files write into it) by their hash, puts the policy right after <meta charset>, and
writes _headers for hosts that send HTTP headers.
Running it twice gives the same files. If any page holds code the policy would block, it changes
nothing and exits with status 1.
"""

from __future__ import annotations

import sys

from security import SecurityCheckFailed, secure_site
from site_argument import site_exists, site_parser


def main(argv: list[str] | None = None) -> int:
    parser = site_parser(__doc__.splitlines()[0])
    args = parser.parse_args(argv)
    if not site_exists(args.site_dir):
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
