"""Finds the site's files that pages and stylesheets refer to, and points those references at new names."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Container
from urllib.parse import urlsplit

# A quoted address (an attribute, or a string in a page's settings) or a stylesheet's url(...).
_ADDRESS = re.compile(r"""(?<=["'(])[^"'()<>\s]+(?=["')])""")


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
    names = {posixpath.basename(old) for old in renames}

    def replace(match: re.Match[str]) -> str:
        address = match.group(0)
        path = re.split(r"[?#]", address, maxsplit=1)[0]
        name = posixpath.basename(path)
        target = resolve(address, where, renames) if name in names else None
        if target is None:
            return address
        return address[: len(path) - len(name)] + posixpath.basename(renames[target]) + address[len(path):]

    return _ADDRESS.sub(replace, text) if renames else text
