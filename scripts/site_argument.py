"""The argument every step on a built site takes: the site's folder, which must already exist.

Shared by scripts/finish_site.py, scripts/pack_assets.py, scripts/secure_site.py and
scripts/check_links.py, so each says the same thing when the folder is missing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def site_parser(description: str) -> argparse.ArgumentParser:
    """A parser whose first argument is the built site's folder, as args.site_dir."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("site_dir", type=Path, help="the built site, for example site/")
    return parser


def site_exists(site_dir: Path) -> bool:
    """True if site_dir is a folder; otherwise says so on stderr."""
    if site_dir.is_dir():
        return True
    print(f"error: {site_dir}: the built site must be a folder; it does not exist", file=sys.stderr)
    return False
