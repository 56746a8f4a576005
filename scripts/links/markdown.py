"""Finds the links written in Markdown in each page, with their lines, for the checks made on the source.

Two rules need the link as written, not as built: links to this site's pages name the Markdown
file (get-help.md), and never start with /. MkDocs checks both; Zensical checks neither, and
rewrites such links as it builds, so they cannot be told apart in the built HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from content.markdown import outside_code

# [text](target "title"), ![alt](target), and reference definitions: [label]: target
_INLINE = re.compile(r"""\]\(\s*(<[^>\n]*>|[^)\s]+)""")
_REFERENCE = re.compile(r"""^\s{0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)""")
_CODE_SPAN = re.compile(r"(`+).+?\1")


@dataclass(frozen=True)
class MarkdownLink:
    """A link target as written in a page, and its 1-based line."""

    target: str
    line: int


def markdown_links(text: str) -> Iterator[MarkdownLink]:
    """Every Markdown link and image target in the text, outside front matter and code, with its line."""
    lines = list(enumerate(text.splitlines(), start=1))
    if text.startswith("---\n"):
        end = next((number for number, line in lines[1:] if line.strip() in ("---", "...")), len(lines))
        lines = lines[end:]
    for number, line in outside_code(lines):
        line = _CODE_SPAN.sub("", line)
        targets = [match.group(1) for match in _INLINE.finditer(line)]
        reference = _REFERENCE.match(line)
        if reference:
            targets.append(reference.group(1))
        for target in targets:
            yield MarkdownLink(target[1:-1] if target.startswith("<") else target, number)
