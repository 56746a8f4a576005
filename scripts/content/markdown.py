"""Just enough Markdown reading for the checks: code fences, headings, sections and links."""

from __future__ import annotations

import re
from dataclasses import dataclass

Lines = list[tuple[int, str]]

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# Inline links [text](url), reference links [text][ref], autolinks <https://…> and HTML links.
_LINK = re.compile(r"\[[^\]]+\]\(\s*\S+?\s*\)|\[[^\]]+\]\[[^\]]*\]|<https?://[^>\s]+>|<a\s[^>]*href=")


@dataclass(frozen=True)
class Heading:
    """An ATX heading (`## Text`) outside code."""

    line: int
    level: int
    text: str


def outside_code(lines: Lines) -> Lines:
    """The lines that are not inside a fenced code block, fences included."""
    kept: Lines = []
    fence: str | None = None
    for number, text in lines:
        match = _FENCE.match(text)
        if match and fence is None:
            fence = match.group(1)
        elif match and match.group(1) == fence:
            fence = None
        elif fence is None:
            kept.append((number, text))
    return kept


def headings(lines: Lines) -> list[Heading]:
    """Every heading, in order."""
    found = []
    for number, text in outside_code(lines):
        match = _HEADING.match(text)
        if match:
            found.append(Heading(number, len(match.group(1)), match.group(2)))
    return found


def section(lines: Lines, heading: Heading) -> Lines:
    """The lines under a heading, up to the next heading of the same level or higher."""
    following = [h for h in headings(lines) if h.line > heading.line and h.level <= heading.level]
    end = following[0].line if following else float("inf")
    return [(number, text) for number, text in lines if heading.line < number < end]


def has_link(lines: Lines) -> bool:
    """True if any of the lines holds a link."""
    return any(_LINK.search(text) for _, text in outside_code(lines))
