"""Finds the site's files that pages and stylesheets refer to, and points those references at new names."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Container
from urllib.parse import urlsplit

def resolve(address: str, where: str, exists: Callable[[str], bool] | Container[str]) -> str | None:
    """The path from the site's root of the file an address in the file at `where` leads to, if it exists."""
    found = exists if callable(exists) else exists.__contains__
    path = re.split(r"[?#]", address, maxsplit=1)[0]
    parts = urlsplit(path)
    if parts.scheme or parts.netloc or path.startswith("/"):
        if parts.scheme not in ("", "http", "https"):
            return None
        # From the site's root, which may sit under a path such as /repository-name/: the file is
        # the one whose path ends the address.
        segments = parts.path.strip("/").split("/")
        return next(("/".join(segments[start:]) for start in range(len(segments)) if found("/".join(segments[start:]))), None)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(where), path))
    return resolved if found(resolved) else None


def rewrite(text: str, where: str, renames: dict[str, str]) -> str:
    """The text of the file at `where`, its references to renamed files (old path: new path) updated."""
    if not renames:
        return text
    # Only addresses that end in one of the old names, with any ?query or #fragment.
    names = "|".join(sorted({re.escape(posixpath.basename(old)) for old in renames}, key=len, reverse=True))
    candidates = re.compile(rf"""(?<=["'(/])((?:[^"'()<>\s]*/)?)({names})([?#][^"'()<>\s]*)?(?=["')])""")

    def replace(match: re.Match[str]) -> str:
        address = match.group(0)
        target = resolve(address, where, renames)
        if target is None:
            return address
        return match.group(1) + posixpath.basename(renames[target]) + (match.group(3) or "")

    return candidates.sub(replace, text)
