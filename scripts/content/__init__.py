"""Content checks for the site's pages: front matter, review dates, sources and plain English.

Run them with `python scripts/check_content.py`. Each check reads a page, reports problems as
findings with a file and line, and never changes a file.
"""

from __future__ import annotations

import importlib

# Each name is imported only when asked for, so a build step that needs one module (the language
# marking reads pages with content.page) does not load every check.
_EXPORTS = {
    "Finding": "content.findings", "Severity": "content.findings", "SiteSettings": "content.settings",
    "check_pages": "content.check", "find_pages": "content.check", "load_settings": "content.settings",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'content' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
