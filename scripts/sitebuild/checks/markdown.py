"""Just enough Markdown reading for the checks: code fences, headings, sections and links."""

from __future__ import annotations

import re
from dataclasses import dataclass

Lines = list[tuple[int, str]]

# Indented any amount, so a fence inside a list item counts too.
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
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
    """The lines outside fenced code blocks, without the fence lines themselves. As in CommonMark, a
    fence closes only with the same character, at least as many times (```` can hold ```)."""
    kept: Lines = []
    fence: str | None = None
    for number, text in lines:
        match = _FENCE.match(text)
        if fence is None and match:
            fence = match.group(1)
        elif fence is None:
            kept.append((number, text))
        elif match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
            fence = None
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
