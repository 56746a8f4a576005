"""MkDocs hook: marks the language of links to translated pages, with the same code as scripts/mark_languages.py."""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by path, so make the scripts/ modules importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from page_languages import mark_site  # noqa: E402


def on_post_build(config) -> None:
    """Adds lang (and dir) where a link names a translated page in its own language."""
    mark_site(Path(config.site_dir), Path(config.docs_dir), config.nav, config.site_url)
