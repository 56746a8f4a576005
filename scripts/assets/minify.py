"""Minifies our own stylesheets and scripts: the sources in overrides/ stay readable, with their comments.

rcssmin and rjsmin: small, long-maintained minifiers with no dependencies, written in C with a
Python fallback. They only drop comments and whitespace, so nothing that runs changes.
"""

from __future__ import annotations

import rcssmin
import rjsmin


def minify(text: str, suffix: str) -> str:
    """The text of a .css or .js file without comments or needless whitespace; any other file unchanged."""
    if suffix == ".css":
        return rcssmin.cssmin(text)
    if suffix == ".js":
        return rjsmin.jsmin(text)
    return text
