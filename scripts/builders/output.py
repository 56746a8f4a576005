"""What a builder run printed, sorted into lines to pass on and link problems to report in our words."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from links.problems import LinkProblem
from links.sources import SourcePage, shown
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only named in annotations: loading it takes a while (yaml, pathspec)
    from site_config import SiteConfig


@dataclass
class BuildResult:
    """Whether the builder succeeded; its other output lines; its link warnings, reworded."""

    ok: bool
    lines: list[str] = field(default_factory=list)
    problems: list[LinkProblem] = field(default_factory=list)


def doc_problem(config: SiteConfig, page: str, link: str, message: str) -> LinkProblem:
    """A problem with a link in a page (a path inside docs/), at the line that writes the link."""
    path = config.docs_dir / page
    if not path.is_file():
        return LinkProblem(shown(path), 1, message)
    found = SourcePage(page, path, config.root).place_of(link)
    return LinkProblem(shown(path), found[0].line if found else 1, message)


def nav_problem(config: SiteConfig, entry: str, message: str) -> LinkProblem:
    """A problem with a nav entry, at its line of mkdocs.yml."""
    line = next((item.line for item in config.nav or () if item.target == entry), 1)
    return LinkProblem(shown(config.path), line, message)


def linked_page(page: str, link: str) -> str | None:
    """The page (inside docs/) a link in a page points at, or None for a link within the same page."""
    path = link.partition("#")[0]
    if not path:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def plain(text: str) -> str:
    """Terminal colours removed."""
    return _ANSI.sub("", text)


def tail_of_traceback(lines: list[str]) -> list[str]:
    """Lines with any Python traceback cut down to its last line, which says what went wrong."""
    kept, in_traceback = [], False
    for line in lines:
        if line.startswith("Traceback (most recent call last):"):
            in_traceback = True
            continue
        if in_traceback and (line.startswith(" ") or not line.strip()):
            continue
        in_traceback = False
        kept.append(line)
    return kept


def read_source_line(config: SiteConfig, page: str, line: int) -> str:
    path: Path = config.docs_dir / page
    try:
        return path.read_text(encoding="utf-8").splitlines()[line - 1]
    except (OSError, IndexError):
        return ""
