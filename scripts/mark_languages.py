"""Marks the language of links to translated pages in a built site (lang and dir), for builders without hooks.

Usage: python scripts/mark_languages.py SITE_DIR [--config mkdocs.yml]

Run it after the builder and before scripts/secure_site.py. A link whose text is a translated
page's name in its own language (its menu title in mkdocs.yml, or its title) gets that page's
lang; see scripts/page_languages.py. Pages are rewritten atomically, only when they change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import site_config
from page_languages import mark_site

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site's folder, such as site/")
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml", help="the site configuration")
    args = parser.parse_args(argv)
    settings = site_config.load(args.config)  # !ENV values read as MkDocs reads them
    changed = mark_site(args.site, settings.docs_dir, settings.nav_tree, settings.site_url)
    print(f"Marked the language of links to translated pages: {len(changed)} page(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
