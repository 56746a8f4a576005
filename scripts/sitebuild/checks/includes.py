"""Puts the parts the facts step makes into the pages that include them, for the checks.

A page such as docs/phone-numbers.md ends its Sources section with --8<-- "facts/…": the
checks must see what will be published, so the parts are made in memory from data/facts.yml and
mkdocs.yml (the same code as the build), before any build has run. Each included line keeps the
line number of the include, so a message points at the line an editor can see.
"""

from __future__ import annotations

import difflib

import re
from dataclasses import dataclass, replace

from sitebuild.problems import Problem
from sitebuild.checks.page import Page, finding

# A pymdownx.snippets include line: --8<-- "facts/phone-book.md"
INCLUDE = re.compile(r"""^\s*-+8<-+\s+(["'])([^"']+)\1\s*$""")
# Parts from the facts step; the events parts (events/*.html) stay as they are.
_GENERATED = re.compile(r"^facts/([^/]+\.md)$")


@dataclass(frozen=True)
class Parts:
    """The generated parts by file name, or None when the files they are made from have problems."""

    texts: dict[str, str] | None
    made_from: str = "data/facts.yml and mkdocs.yml"


def include_lines(page: Page) -> set[int]:
    """The lines of the page that include a part: what is read there is the part's, not the page's own."""
    return {number for number, text in page.body if INCLUDE.match(text)}


def expand(page: Page, parts: Parts | None) -> tuple[Page, list[Problem], bool]:
    """The page with its generated parts in place, any problem with an include, and whether every part was found."""
    if parts is None:
        return page, [], True
    body: list[tuple[int, str]] = []
    problems: list[Problem] = []
    for number, text in page.body:
        match = INCLUDE.match(text)
        name = _GENERATED.search(match.group(2)) if match else None
        if not match or not name:
            body.append((number, text))
        elif parts.texts is None:
            problems.append(finding(page.path, number, (
                f"this page includes {match.group(2)}, which is made from {parts.made_from}; "
                "fix the problems reported in those files first")))
        elif name.group(1) not in parts.texts:
            near = difflib.get_close_matches(name.group(1), list(parts.texts), n=1)
            hint = (f"did you mean facts/{near[0]}?" if near
                    else f"the parts are: {', '.join(sorted(part for part in parts.texts if '/' not in part))}")
            problems.append(finding(page.path, number, (
                f"this page includes {match.group(2)}, but no part of that name is made; {hint}")))
        else:
            body.extend((number, line) for line in parts.texts[name.group(1)].splitlines())
    return replace(page, body=body), problems, not problems
