"""Writes generated files atomically, and only when their bytes change.

Unchanged files are left alone, so `mkdocs serve` (which watches docs/) does not rebuild in a loop,
and a reader never sees a half-written file: each one is written beside its target, then renamed.
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


def write_all(files: dict[Path, bytes], stale_pattern: dict[Path, str]) -> list[Path]:
    """Writes every file, then removes files matching a folder's pattern that were not written.

    Returns the paths that changed (written or removed).
    """
    changed = [path for path, content in files.items() if write_if_changed(path, content)]
    for folder, pattern in stale_pattern.items():
        for old in sorted(folder.glob(pattern)):
            if old not in files:
                old.unlink(missing_ok=True)
                changed.append(old)
    return changed
