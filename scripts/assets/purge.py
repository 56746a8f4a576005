"""Trims stylesheets to the rules that can match something on the site.

The theme's stylesheet styles every feature the theme has (code blocks, tabs, blog, versions, and
so on): about 23 KB compressed, on every first visit. A selector is kept when every class, id and
attribute it names occurs somewhere in the site: in a built page, in one of our scripts, or among
the names the theme's script can put on these pages as it runs (theme_words.py). Otherwise nothing
on the site can match it. Custom properties
that nothing left reads go too (the theme keeps its icons in them). It runs on the built site,
like PurgeCSS, so a page that starts to use a feature has its styles from that build on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assets.css import AtRule, Rule, UnreadableStylesheet, parse

# Words as a page or script could spell a class, id or attribute: "md-nav__link--active".
WORD = re.compile(r"[A-Za-z0-9_-]+")
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
_STRING = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'""")
_ARGUMENTS = re.compile(r"\([^()]*\)")
_ATTRIBUTE = re.compile(r"""\[\s*([\w-]+)\s*(?:([~|^$*]?=)\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\]\s]+)\s*(?:[iIsS]\s*)?)?\]""")
_CLASS_OR_ID = re.compile(r"([.#])((?:[\w-]|\\.)+)")


def words_in(texts: Iterable[str]) -> set[str]:
    """Every word in the texts that could name a class, id or attribute."""
    words: set[str] = set()
    for text in texts:
        words.update(WORD.findall(text))
    return words


def purge(sheets: dict, words: set[str]) -> dict:
    """Each stylesheet (any key: its text) with only what can match the site. Read together, as one sheet's properties serve another."""
    trimmed = {}
    for key, text in sheets.items():
        try:
            trimmed[key] = _trim(parse(text), words)
        except UnreadableStylesheet as error:
            raise UnreadableStylesheet(f"{key}: {error}") from None
    used = _used_properties(list(trimmed.values()), words)
    return {key: "".join(_write(node, used) for node in nodes) for key, nodes in trimmed.items()}


def may_match(selector: str, words: set[str]) -> bool:
    """False when the selector names a class, id or attribute that nothing on the site has."""
    # Arguments of :not(), :is(), :has() and the like are not required: the selector may match without them.
    previous = None
    while "(" in selector and previous != selector:
        previous, selector = selector, _ARGUMENTS.sub("()", selector)
    if "[" in selector:
        for name, operator, value in _ATTRIBUTE.findall(selector):
            if name not in words:
                return False
            # [name=value]: the value too, when it is a plain word; other operators match parts of values.
            value = value[1:-1] if value[:1] in "\"'" else value
            if operator == "=" and WORD.fullmatch(value) and value not in words:
                return False
        selector = _ATTRIBUTE.sub("", _STRING.sub("", selector))
    # A name with an escaped character (\:) is kept: it is spelt differently in a page.
    return all(name in words or "\\" in name for _, name in _CLASS_OR_ID.findall(selector))


def _trim(nodes: list, words: set[str]) -> list:
    kept: list = []
    for node in nodes:
        if isinstance(node, Rule):
            selectors = [selector for selector in node.selectors if may_match(selector, words)]
            if selectors:
                kept.append(Rule(selectors, node.declarations))
        elif node.groups_rules:
            children = _trim(node.children, words)
            if children:
                kept.append(AtRule(node.prelude, children=children))
        else:
            kept.append(node)
    return kept


def _used_properties(sheets: list[list], words: set[str]) -> set[str]:
    """Custom properties read by a kept declaration (through any chain of others), or named by the site's scripts."""
    definitions: dict[str, list[str]] = {}
    roots = {word for word in words if word.startswith("--")}
    for node in _walk(sheets):
        if isinstance(node, AtRule):
            roots.update(_VAR.findall(node.prelude + (node.body or "")))
            continue
        for name, value in node.declarations:
            if name.startswith("--"):
                definitions.setdefault(name, []).append(value)
            elif "var(" in value:
                roots.update(_VAR.findall(value))
    used: set[str] = set()
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name not in used:
            used.add(name)
            for value in definitions.get(name, ()):
                if "var(" in value:
                    pending.extend(_VAR.findall(value))
    return used


def _walk(nodes: Iterable) -> Iterable:
    for node in nodes:
        if isinstance(node, list):
            yield from _walk(node)
        elif isinstance(node, AtRule) and node.groups_rules:
            yield from _walk(node.children)
        else:
            yield node


def _write(node, used: set[str]) -> str:
    if isinstance(node, Rule):
        kept = [f"{name}:{value}" for name, value in node.declarations if not name.startswith("--") or name in used]
        return f"{','.join(node.selectors)}{{{';'.join(kept)}}}" if kept else ""
    if node.groups_rules:
        inner = "".join(_write(child, used) for child in node.children)
        return f"{node.prelude}{{{inner}}}" if inner else ""
    return f"{node.prelude}{{{node.body}}}" if node.body is not None else f"{node.prelude};"
