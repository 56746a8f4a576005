"""Writes a build's files atomically, and only when their bytes change.

Unchanged files are left alone, so `mkdocs serve` (which watches docs/) does not rebuild in a loop,
and a reader never sees a half-written file: each one is written beside its target, then renamed.
Used by every build step that writes files: the events (scripts/events) and the security tags
(scripts/security).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_if_changed(path: Path, content: bytes) -> bool:
    """Replaces path with content in one rename; returns whether anything changed."""
    try:
        if path.read_bytes() == content:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    # A dot-name keeps a temporary file out of the built site if the process is stopped mid-write.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True
