"""Applies the finishing touches to every page of a built site."""

from __future__ import annotations

from pathlib import Path

from atomic_files import write_if_changed
from finish.sources import fold_sources


def finish_site(site_dir: Path) -> int:
    """Finishes every HTML page under site_dir; returns how many files changed. Safe to run again."""
    changed = 0
    for path in sorted(Path(site_dir).rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        changed += write_if_changed(path, fold_sources(text).encode("utf-8"))
    return changed
