"""Reads a stylesheet into its rules: just enough CSS to trim it, and fast.

Why not a full CSS parser: tinycss2, the well-kept one, tokenizes in pure Python and takes about
a fifth of a second on the theme's 137 KB stylesheet, which alone would use most of the time a
build may add to plain `mkdocs build` (benchmark/budget.yml). Trimming needs only the block
structure, selector lists and declarations, and only three things in CSS can hide a brace, a
semicolon or a comma: strings, comments and unquoted url(...). One regular expression finds them,
so this reads the stylesheet at the speed of the `re` module. Anything it cannot place (an
unbalanced brace) stops the build, rather than guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(
    r"""
      "(?:[^"\\\n]|\\.)*"            # a string
    | '(?:[^'\\\n]|\\.)*'
    | /\*.*?\*/                       # a comment
    | url\(\s*[^"'()\s]*\s*\)         # an unquoted url(...), which may hold ; or ,
    | [{};]
    """,
    re.DOTALL | re.IGNORECASE | re.VERBOSE,
)
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


class UnreadableStylesheet(Exception):
    """A stylesheet whose braces do not balance."""


@dataclass
class Rule:
    """A style rule: its selector list, and its declarations as (name, value), the value with any !important."""

    selectors: list[str]
    declarations: list[tuple[str, str]]


@dataclass
class AtRule:
    """An at-rule: its prelude ("@media screen"), and the rules inside when it has a block of rules."""

    prelude: str
    children: list | None = None
    body: str | None = None  # a block kept as written (@font-face, @keyframes), or None for a statement

    @property
    def groups_rules(self) -> bool:
        return self.children is not None


# At-rules whose block holds rules; every other block is kept as written.
GROUPING = ("@media", "@supports", "@container", "@layer", "@document", "@-moz-document")


def parse(text: str) -> list:
    """The stylesheet's rules and at-rules, comments left out."""
    root: list = []
    open_groups: list[list] = [root]
    start = position = 0
    while (token := _TOKEN.search(text, position)) is not None:
        value, position = token.group(0), token.end()
        if value == ";":
            _statement(text[start:token.start()], open_groups[-1])
        elif value == "}":
            _statement(text[start:token.start()], open_groups[-1])
            if len(open_groups) == 1:
                raise UnreadableStylesheet(f"a stylesheet's braces must pair up; the }} at character {token.start()} closes nothing")
            open_groups.pop()
        elif value == "{":
            prelude = _clean(text[start:token.start()])
            if prelude.lower().startswith(GROUPING):
                group = AtRule(prelude, children=[])
                open_groups[-1].append(group)
                open_groups.append(group.children)
            else:
                position = _block_end(text, position)
                body = text[token.end():position - 1]
                if prelude.startswith("@"):
                    open_groups[-1].append(AtRule(prelude, body=_clean(body)))
                else:
                    open_groups[-1].append(Rule(split_selectors(prelude), declarations(body)))
        else:
            continue  # a string, comment or url(...) inside a prelude
        start = position
    if len(open_groups) > 1:
        raise UnreadableStylesheet(f"a stylesheet's braces must pair up; the block of {open_groups[-2][-1].prelude} is never closed")
    _statement(text[start:], root)
    return root


def _block_end(text: str, position: int) -> int:
    """The position just after the } that closes the block whose content starts at position."""
    depth = 1
    while (token := _TOKEN.search(text, position)) is not None:
        position = token.end()
        value = token.group(0)
        if value == "{":
            depth += 1
        elif value == "}":
            depth -= 1
            if depth == 0:
                return position
    raise UnreadableStylesheet("a stylesheet's braces must pair up; a block opened with { is never closed")


def _statement(text: str, nodes: list) -> None:
    statement = _clean(text)
    if statement.startswith("@"):
        nodes.append(AtRule(statement))


def _clean(text: str) -> str:
    return (_COMMENT.sub("", text) if "/*" in text else text).strip()


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside brackets, parentheses or strings)."""
    if not any(character in prelude for character in "([\"'"):
        return [selector.strip() for selector in prelude.split(",") if selector.strip()]
    selectors, depth, start, quote = [], 0, 0, ""
    for index, character in enumerate(prelude):
        if quote:
            if character == quote and prelude[index - 1] != "\\":
                quote = ""
        elif character in "\"'":
            quote = character
        elif character in "([":
            depth += 1
        elif character in ")]":
            depth -= 1
        elif character == "," and depth == 0:
            selectors.append(prelude[start:index].strip())
            start = index + 1
    selectors.append(prelude[start:].strip())
    return [selector for selector in selectors if selector]


def declarations(body: str) -> list[tuple[str, str]]:
    """A block's declarations as (name, value), the value with any !important; comments left out."""
    found, start = [], 0
    body = _COMMENT.sub("", body) if "/*" in body else body
    for token in _TOKEN.finditer(body):
        if token.group(0) == ";":
            _declaration(body[start:token.start()], found)
            start = token.end()
    _declaration(body[start:], found)
    return found


def _declaration(text: str, found: list) -> None:
    name, colon, value = text.partition(":")
    if colon and name.strip():
        found.append((name.strip(), value.strip()))
