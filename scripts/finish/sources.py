"""Folds each page's list of sources into a <details> element, so sources stay one tap away without crowding the page.

Pages are written in Markdown with a plain '## Sources' list (the content check requires it), and
this runs on the built HTML, so editors write nothing special and any builder's output is folded.
"""

from __future__ import annotations

import re

# The Sources heading as both builders write it: an h2 whose text is "Sources", or ends "(Sources)"
# on a translated page. Attributes other than id may follow (a builder may add a class).
_HEADING = re.compile(
    r'<h2 id="[^"]*"[^>]*>(?:[^<]*\()?Sources\)?(?:<a [^>]*>[^<]*</a>)?</h2>\s*',
)
_LIST_TAG = re.compile(r"<(/?)ul\b[^>]*>")


def fold_sources(html: str) -> str:
    """The page with the list after its Sources heading inside <details>; unchanged if there is none or it is folded already."""
    heading = _HEADING.search(html)
    if not heading or not html.startswith("<ul", heading.end()):
        return html
    end = _list_end(html, heading.end())
    if end is None:
        return html
    items = html.count("<li", heading.end(), end)
    noun = "source" if items == 1 else "sources"
    # The summary is English on every page: the source titles it reveals are English too.
    summary = f'<summary lang="en">Show the {items} {noun}</summary>\n'
    return (
        html[: heading.end()]
        + '<details class="sources">\n' + summary + html[heading.end() : end] + "\n</details>"
        + html[end:]
    )


def _list_end(html: str, start: int) -> int | None:
    """The offset just after the </ul> that closes the list opening at start (nested lists included)."""
    depth = 0
    for tag in _LIST_TAG.finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return None
