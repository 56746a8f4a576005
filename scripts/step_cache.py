"""Lets a build hook skip a step whose inputs, code and outputs are exactly as when it last ran.

The facts and events hooks run before every MkDocs build and every `mkdocs serve` rebuild, and
most of their cost is loading their libraries (jsonschema, icalendar): about a tenth of a second
each, for output that has not changed. A step is skipped only when all of these are byte for byte
what they were after its last successful run:
- its inputs (the data file, mkdocs.yml, the names of the pages in docs/) and settings (the
  build date, the site's address);
- the code and templates that make its output (every .py file in scripts/, everything in
  overrides/ and data/);
- every file it wrote, and no other file in its output folders.
Anything else, a missing or unreadable record included, runs the step as before. A step that
fails writes no record, so it fails again on the next build. The plain scripts
(scripts/build_facts.py, scripts/build_events.py) never skip.

Records are kept in .build-cache/ beside mkdocs.yml, which git ignores, with the compiled
templates (scripts/hooks/template_cache.py) and the trimmed stylesheets (scripts/assets/site.py).
Deleting the folder only makes the next build take as long as a first one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CODE = (("scripts", "**/*.py"), ("overrides", "**/*"), ("data", "**/*"))


def digest(parts: Iterable[bytes]) -> str:
    """One SHA-256 of the parts, each prefixed with its length, so no two lists of parts share a digest."""
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(len(part).to_bytes(8, "big"))
        hashed.update(part)
    return hashed.hexdigest()


def recall(record: Path, key: str) -> Any:
    """What keep() stored in record under this key; None if nothing was, another key was, or it cannot be read."""
    try:
        kept = json.loads(record.read_text(encoding="utf-8"))
        return kept["value"] if kept["key"] == key else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def keep(record: Path, key: str, value: Any) -> None:
    """Stores value (anything JSON can hold) in record under key; one that cannot be written is only recomputed next time."""
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps({"key": key, "value": value}), encoding="utf-8")
    except OSError:
        pass


def _files(folders: Iterable[tuple[Path, str]]) -> list[Path]:
    return sorted(path for folder, pattern in folders for path in folder.glob(pattern)
                  if path.is_file() and "__pycache__" not in path.parts)


class StepRecord:
    """What one step read and wrote the last time it succeeded, under root/.build-cache/name.json."""

    def __init__(self, name: str, root: Path, outputs: Iterable[tuple[Path, str]]) -> None:
        self.path = Path(root) / ".build-cache" / f"{name}.json"
        self.outputs = list(outputs)

    def key(self, inputs: Iterable[Path], settings: Iterable[str]) -> str:
        """One digest of the inputs' bytes, the settings, and the code and templates of scripts/, overrides/ and data/."""
        code = _files((REPO / folder, pattern) for folder, pattern in CODE)
        files = [*code, *inputs]
        return digest([*(str(path).encode() for path in files),
                        *(path.read_bytes() if path.is_file() else b"(none)" for path in files),
                        *(setting.encode() for setting in settings)])

    def _written(self) -> dict[str, str]:
        return {str(path): digest([path.read_bytes()]) for path in _files(self.outputs)}

    def unchanged(self, key: str) -> bool:
        """Whether the step last succeeded with this key and its output folders hold exactly what it wrote."""
        kept = recall(self.path, key)
        return kept is not None and kept == self._written()

    def save(self, key: str) -> None:
        """Records a successful run; a record that cannot be written only means the next build runs the step."""
        keep(self.path, key, self._written())
