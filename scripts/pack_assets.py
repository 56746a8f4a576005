"""Packs the built site's own static files: minified, stylesheets trimmed to what the site uses, names that carry their content's hash.

Usage: python scripts/pack_assets.py SITE_DIR [--config mkdocs.yml]

Runs after any builder and before scripts/secure_site.py, which lets browsers keep files with
such names for a year (_headers). The site's own files are those in the theme overrides' assets/
(theme.custom_dir in mkdocs.yml); every stylesheet a page loads is trimmed. Running it twice
gives the same files.
"""

from __future__ import annotations

import sys
from pathlib import Path

import site_config
from assets.css import UnreadableStylesheet
from assets.site import pack_site
from site_argument import site_exists, site_parser

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = site_parser(__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml", help="the site configuration")
    args = parser.parse_args(argv)
    if not site_exists(args.site_dir):
        return 1
    settings = site_config.load(args.config)
    own = (settings.custom_dir or settings.root / "overrides") / "assets"
    try:
        packed = pack_site(args.site_dir, own)
    except UnreadableStylesheet as error:
        print(f"error: {error}; no file was changed", file=sys.stderr)
        return 1
    print(f"Packed {packed.files} files in {args.site_dir} ({packed.bytes_before} bytes before, {packed.bytes_after} after)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
