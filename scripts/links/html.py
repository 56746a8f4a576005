"""Reads one built page: every address it links to or loads, with its line, and every id it has."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

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


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageLinks()
        # The page's own content is the <article> both builders put it in; templates are the rest.
        self._content_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)
        if tag == "article":
            classes = (dict(attrs).get("class") or "").split()
            if self._content_depth or "md-content__inner" in classes:
                self._content_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._content_depth:
            self._content_depth -= 1

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.page.ids.add(value)
            elif name in _URL_ATTRIBUTES.get(tag, ()):
                self._add(value.strip(), line)
            elif name in _SRCSET_ATTRIBUTES:
                for candidate in value.split(","):
                    if candidate.split():
                        self._add(candidate.split()[0], line)

    def _add(self, url: str, line: int) -> None:
        if url:
            self.page.links.append(Link(url, line, self._content_depth > 0))


def read_page(text: str) -> PageLinks:
    """Every address and id in one page's HTML."""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.page


def css_urls(text: str) -> list[Link]:
    """Every url(...) in a stylesheet, with its line."""
    return [
        Link(match.group(2).strip(), text.count("\n", 0, match.start()) + 1, False)
        for match in _CSS_URL.finditer(text)
    ]
