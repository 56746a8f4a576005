"""Marks the language of links to translated pages in a built site (lang and dir), for builders without hooks.

Usage: python scripts/mark_languages.py SITE_DIR [--config mkdocs.yml]

Run it after the builder and before scripts/secure_site.py. A link whose text is a translated
page's name in its own language (its menu title in mkdocs.yml, or its title) gets that page's
lang; see scripts/page_languages.py. Pages are rewritten atomically, only when they change.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from events.load import load
from page_languages import mark_site

REPO = Path(__file__).resolve().parent.parent


def _site_url(value: object) -> str | None:
    """site_url as MkDocs reads it, including the !ENV [NAME, default] form."""
    if isinstance(value, list) and value:
        return os.environ.get(str(value[0])) or (str(value[-1]) if len(value) > 1 else None)
    return value if isinstance(value, str) else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site's folder, such as site/")
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml", help="the site configuration")
    args = parser.parse_args(argv)
    config = load(args.config.read_text(encoding="utf-8"), name=str(args.config)).data or {}
    docs_dir = args.config.parent / str(config.get("docs_dir") or "docs")
    changed = mark_site(args.site, docs_dir, config.get("nav"), _site_url(config.get("site_url")))
    print(f"Marked the language of links to translated pages: {len(changed)} page(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
