"""Writes the generated events files, and removes calendar files for events that are gone."""

from __future__ import annotations

from pathlib import Path

from atomic_files import write_if_changed


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
