"""One built page, read once with the standard library's HTML parser, and changed by edits at its offsets.

Each post-build step reads what it needs from the page's tags (with their places in the text) and
asks for edits: an attribute added, a tag or its text replaced. The page is then written once, with
every edit applied; nothing re-parses it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Attributes that hold one address, by element.
URL_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",), "base": ("href",),
    "script": ("src",), "img": ("src",), "iframe": ("src",), "embed": ("src",),
    "audio": ("src",), "video": ("src", "poster"), "source": ("src",), "track": ("src",),
    "input": ("src",), "form": ("action",), "button": ("formaction",), "object": ("data",),
    "use": ("href", "xlink:href"), "image": ("href", "xlink:href"),
}
# Attributes that hold a list of "address width" pairs.
SRCSET_ATTRIBUTES = ("srcset", "imagesrcset")


@dataclass
class Tag:
    """A start tag, its attributes (values unescaped) and where it is: offsets of the tag, and its line."""

    name: str
    attributes: dict[str, str | None]
    start: int
    end: int
    line: int
    in_content: bool  # inside the page's own content: the <article> both builders put it in
    closed_at: int | None = None  # where its end tag starts, for elements the steps read to the end
    text: str = ""  # the text inside it (tags left out), for links, headings and inline scripts

    def get(self, name: str) -> str:
        return self.attributes.get(name) or ""


@dataclass
class Page:
    """A built page: its text, its start tags in order, and the edits the steps ask for."""

    path: str  # inside the built site, like get-help/index.html
    text: str
    tags: list[Tag] = field(default_factory=list)
    edits: list[tuple[int, int, str]] = field(default_factory=list)

    def find(self, name: str) -> list[Tag]:
        return [tag for tag in self.tags if tag.name == name]

    @property
    def ids(self) -> set[str]:
        return {tag.attributes["id"] or "" for tag in self.tags if "id" in tag.attributes} | \
            {tag.get("name") for tag in self.find("a") if tag.get("name")}

    def add_attributes(self, tag: Tag, written: str) -> None:
        """Adds attributes (written like ' lang="bn"') to the end of a start tag."""
        at = tag.end - (2 if self.text[tag.end - 2:tag.end] == "/>" else 1)
        self.edits.append((at, at, written))

    def insert(self, at: int, text: str) -> None:
        self.edits.append((at, at, text))

    def replace(self, start: int, end: int, text: str) -> None:
        self.edits.append((start, end, text))

    def edited(self) -> str:
        """The text with every edit applied; several at one place keep their order. Two steps that
        change the same text would undo each other, so that is a mistake in the build's code."""
        pieces, position = [], 0
        for start, end, text in sorted(self.edits, key=lambda edit: (edit[0], edit[1])):
            if start < position:
                raise ValueError(f"{self.path}: two steps change the same text, at offset {start}")
            pieces += [self.text[position:start], text]
            position = end
        return "".join(pieces) + self.text[position:]


# Elements whose text the steps read whole: links, labels and headings, and inline scripts and styles.
_READ_TO_END = {"a", "label", "h2", "script", "style", "ul", "article", "summary", "details"}


class _Reader(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=False)
        self.page = page
        self.line_starts = [0]
        for index, character in enumerate(page.text):
            if character == "\n":
                self.line_starts.append(index + 1)
        self.open: list[Tag] = []
        self.content_depth = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, name: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        written = self.get_starttag_text() or ""
        tag = Tag(name, {key: value for key, value in attrs}, start, start + len(written), self.getpos()[0],
                  self.content_depth > 0)
        self.page.tags.append(tag)
        if name == "article" and (self.content_depth or "md-content__inner" in tag.get("class").split()):
            self.content_depth += 1
        if name in _READ_TO_END and not written.endswith("/>"):
            self.open.append(tag)

    def handle_endtag(self, name: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].name == name:
                self.open[index].closed_at = self._offset()
                del self.open[index:]
                break
        if name == "article" and self.content_depth:
            self.content_depth -= 1

    def handle_data(self, data: str) -> None:
        for tag in self.open:
            tag.text += data

    def handle_entityref(self, name: str) -> None:
        self.handle_data(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.handle_data(html.unescape(f"&#{name};"))


def read(path: str, text: str) -> Page:
    """The page with its tags, each with its place and (for the elements the steps read) its text."""
    page = Page(path, text)
    reader = _Reader(page)
    reader.feed(text)
    reader.close()
    return page


def addresses(tag: Tag) -> list[str]:
    """Every address a tag holds (href, src, srcset and the like)."""
    found = [tag.get(name).strip() for name in URL_ATTRIBUTES.get(tag.name, ()) if tag.get(name).strip()]
    for name in SRCSET_ATTRIBUTES:
        found += [candidate.split()[0] for candidate in tag.get(name).split(",") if candidate.split()]
    return found
