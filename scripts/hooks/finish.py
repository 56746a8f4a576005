"""MkDocs hook: finishes the built pages with the same code as scripts/finish_site.py."""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by path, so make the scripts/ packages importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from finish import finish_site  # noqa: E402


def on_post_build(config) -> None:
    """Folds every page's sources list; runs before the security hook, which hashes the final HTML."""
    finish_site(Path(config.site_dir))
