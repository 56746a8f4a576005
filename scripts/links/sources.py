"""Points a link found in a built page back to the line of Markdown where it was written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

# A pymdownx.snippets include line: --8<-- "docs/events/generated/upcoming.html"
_INCLUDE = re.compile(r"""^\s*-+8<-+\s+(["'])([^"']+)\1\s*$""")
# Where a link target sits in Markdown or HTML: after ( or <, in quotes, or after a reference label.
_CONTEXTS = ("({}", "(<{}", "\"{}", "'{}", "]: {}", "<{}")
# A link target runs until a closing bracket, quote or space.
_TARGET = re.compile(r"""[^)"'>\s]+""")


def shown(path: Path) -> str:
    """A path as people see it in messages: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class Place:
    """A file and 1-based line to point a person at."""

    path: str
    line: int


@dataclass
class SourcePage:
    """A Markdown page and the files it includes, read once."""

    page: str  # its path inside docs/, as both builders name it
    path: Path
    root: Path  # where included files are found from (the folder of mkdocs.yml)

    @cached_property
    def lines(self) -> list[str]:
        return self.path.read_text(encoding="utf-8").splitlines()

    @cached_property
    def includes(self) -> list[tuple[int, Path]]:
        """Each included file, with the line of the page that includes it."""
        found = []
        for number, line in enumerate(self.lines, start=1):
            match = _INCLUDE.match(line)
            if match and (self.root / match.group(2)).is_file():
                found.append((number, self.root / match.group(2)))
        return found

    def place_of(self, url: str) -> tuple[Place, str] | None:
        """Where the page (or a file it includes) writes this address, and how it is written there."""
        for spelling in _spellings(url):
            found = _find(self.lines, spelling)
            if found:
                return Place(shown(self.path), found[0]), found[1]
        for include_line, included in self.includes:
            lines = included.read_text(encoding="utf-8").splitlines()
            for spelling in _spellings(url):
                found = _find(lines, spelling)
                if found:
                    # The included file is generated: point at the line of the page that includes it.
                    return Place(shown(self.path), include_line), found[1]
        return None


def _spellings(url: str) -> list[str]:
    """The address as built, then as the Markdown may have written it before a builder rewrote it."""
    spellings = [url]
    bare = url
    while bare.startswith(("./", "../")):
        bare = bare.split("/", 1)[1]
    spellings.append(bare)
    parts = urlsplit(url)
    if parts.fragment:
        spellings.append("#" + parts.fragment)
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    if last not in ("", ".", ".."):
        spellings.append(last)
    return [spelling for spelling in dict.fromkeys(spellings) if spelling]


def _find(lines: list[str], spelling: str) -> tuple[int, str] | None:
    """The first line where a link target starts with this spelling, and the whole target as written.

    A spelling that is only an anchor (#heading) may sit anywhere in the target, as in page.md#heading.
    """
    for template in _CONTEXTS:
        opening = template.format("")
        for number, line in enumerate(lines, start=1):
            start = line.find(opening + spelling)
            if start >= 0:
                return number, _target_at(line, start + len(opening), spelling)
    if spelling.startswith("#"):
        for number, line in enumerate(lines, start=1):
            start = line.find(spelling)
            if start >= 0:
                begin = max(line.rfind(mark, 0, start) for mark in "(\"'< ") + 1
                return number, _target_at(line, begin, spelling)
    return None


def _target_at(line: str, start: int, fallback: str) -> str:
    target = _TARGET.match(line, start)
    return target.group(0) if target else fallback
