"""Reads one built page: every address it links to or loads, with its line, and every id it has."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# Attributes that hold one address, by element ("*" for any element).
_URL_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",), "base": ("href",),
    "script": ("src",), "img": ("src",), "iframe": ("src",), "embed": ("src",),
    "audio": ("src",), "video": ("src", "poster"), "source": ("src",), "track": ("src",),
    "input": ("src",), "form": ("action",), "button": ("formaction",), "object": ("data",),
    "use": ("href", "xlink:href"), "image": ("href", "xlink:href"),
}
# Attributes that hold a list of "address width" pairs.
_SRCSET_ATTRIBUTES = ("srcset", "imagesrcset")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    """One address in a page, where it is, and whether it is in the page's own content."""

    url: str
    line: int
    in_content: bool


@dataclass
class PageLinks:
    """What the link check needs from one built page."""

    links: list[Link] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


# The parts of a page, as the HTML standard's tokenizer splits them (and html.parser does): comments
# and declarations, end tags, and start tags with their attributes (quoted values may hold ">").
_MARKUP = re.compile(
    r"""<!--.*?(?:-->|\Z)|<[!?][^>]*>?|</\s*([a-zA-Z][^\t\n\r\f />\x00]*)[^>]*>?"""
    r"""|<([a-zA-Z][^\t\n\r\f />\x00]*)((?:[^>"']++|"[^"]*+"|'[^']*+')*+)>""",
    re.DOTALL,
)
# One attribute, as html.parser reads it (its attrfind_tolerant).
_ATTRIBUTE = re.compile(
    r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*"""
)
# An attribute the check reads on any element: id, srcset or imagesrcset (a quick test before reading them all).
_MAY_MATTER = re.compile(r"\b(?:id|srcset|imagesrcset)\s*=", re.IGNORECASE)
# Elements whose text is never markup.
_RAW_TEXT = ("script", "style")


def read_page(text: str) -> PageLinks:
    """Every address and id in one page's HTML.

    A regular expression finds the tags and attributes exactly as the standard library's
    html.parser does (tests/links/test_page_reader.py holds it to that on every built page), at a
    fraction of the time: this runs on every page of every build.
    """
    page = PageLinks()
    lowered = text.lower()
    content_depth = 0  # inside the page's own content: the <article> both builders put it in
    line, counted = 1, 0
    position = 0
    while (match := _MARKUP.search(text, position)) is not None:
        position = match.end()
        name = match.group(2)
        if match.group(1) is not None:
            if match.group(1).lower() == "article" and content_depth:
                content_depth -= 1
            continue
        if name is None:
            continue
        tag, written = name.lower(), match.group(3)
        closed = written.rstrip().endswith("/")
        if tag in _RAW_TEXT and not closed:  # its text is never markup: go on from its end tag
            end = lowered.find("</" + tag, position)
            position = len(text) if end < 0 else end
        # Most tags hold no address or id (only a class, say): their attributes need no reading.
        if tag not in _URL_ATTRIBUTES and tag != "article" and not _MAY_MATTER.search(written):
            continue
        line += text.count("\n", counted, match.start())
        counted = match.start()
        attributes = [
            (found.group(1).lower(), _value(found.group(3)) if found.group(2) else None)
            for found in _ATTRIBUTE.finditer(written)
        ]
        _start(page, tag, attributes, line, content_depth > 0)
        if tag == "article" and not closed:
            classes = (dict(attributes).get("class") or "").split()
            if content_depth or "md-content__inner" in classes:
                content_depth += 1
    return page


def _value(written: str) -> str:
    if written[:1] == written[-1:] and written[:1] in ("'", '"') and len(written) > 1:
        written = written[1:-1]
    return html.unescape(written) if "&" in written else written


def _start(page: PageLinks, tag: str, attributes: list[tuple[str, str | None]], line: int, in_content: bool) -> None:
    for name, value in attributes:
        if value is None:
            continue
        if name == "id" or (tag == "a" and name == "name"):
            page.ids.add(value)
        elif name in _URL_ATTRIBUTES.get(tag, ()):
            _add(page, value.strip(), line, in_content)
        elif name in _SRCSET_ATTRIBUTES:
            for candidate in value.split(","):
                if candidate.split():
                    _add(page, candidate.split()[0], line, in_content)


def _add(page: PageLinks, url: str, line: int, in_content: bool) -> None:
    if url:
        page.links.append(Link(url, line, in_content))


def css_urls(text: str) -> list[Link]:
    """Every url(...) in a stylesheet, with its line."""
    return [
        Link(match.group(2).strip(), text.count("\n", 0, match.start()) + 1, False)
        for match in _CSS_URL.finditer(text)
    ]
