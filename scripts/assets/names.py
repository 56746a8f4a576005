"""Names that carry a hash of the file's content, so a browser may keep the file for a year: a change makes a new name."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath

HASH_LENGTH = 10
_HASHED = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{%d})(?P<suffix>\.[A-Za-z0-9]+)$" % HASH_LENGTH)
# The theme's own hash in its file names (main.57a0d79d.min.css), dropped from a file we change.
_THEME_HASH = re.compile(r"\.[0-9a-f]{8}(\.min)?$")


def content_hash(content: bytes) -> str:
    """The first characters of the content's SHA-256, in hex."""
    return hashlib.sha256(content).hexdigest()[:HASH_LENGTH]


def hashed_name(name: str, content: bytes) -> str:
    """site.css with this content becomes site.<hash>.css."""
    path = PurePosixPath(name)
    stem = _THEME_HASH.sub("", path.stem)
    return str(path.with_name(f"{stem}.{content_hash(content)}{path.suffix}"))


def carries_its_hash(path: Path) -> bool:
    """Whether the file's name holds the hash of the bytes it holds now."""
    match = _HASHED.match(path.name)
    return bool(match) and path.is_file() and content_hash(path.read_bytes()) == match.group("hash")


def content_hashed_files(site_dir: Path) -> list[str]:
    """Every file of the site whose name carries its content's hash, as paths from the site's root."""
    site_dir = Path(site_dir)
    return sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*")
        if _HASHED.match(path.name) and carries_its_hash(path)
    )
