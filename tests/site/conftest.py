"""Site-test fixtures: every built HTML page, read into the few facts the tests check."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

# Elements whose text a reader never sees.
_INVISIBLE = {"script", "style", "template", "title"}


@dataclass
class PageFacts:
    """What one built page says about itself."""

    lang: str | None = None
    title: str | None = None
    description: str | None = None
    h1_count: int = 0
    ids: set[str] = field(default_factory=set)
    tel_links: list[tuple[str, str]] = field(default_factory=list)  # (href, link text)
    text: str = ""


class _PageReader(HTMLParser):
    """Collects PageFacts while the stdlib parser walks the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._invisible_depth = 0
        self._in_title = False
        self._title_parts: list[str] = []
        self._text_parts: list[str] = []
        self._tel_href: str | None = None
        self._tel_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.facts.lang = attributes.get("lang")
        elif tag == "h1":
            self.facts.h1_count += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and attributes.get("name") == "description":
            self.facts.description = attributes.get("content", "")
        elif tag == "a" and attributes.get("href", "").startswith("tel:"):
            self._tel_href = attributes["href"]
            self._tel_text = []
        if "id" in attributes:
            self.facts.ids.add(attributes["id"])
        if tag in _INVISIBLE:
            self._invisible_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE:
            self._invisible_depth = max(0, self._invisible_depth - 1)
        if tag == "title":
            self._in_title = False
        elif tag == "a" and self._tel_href is not None:
            self.facts.tel_links.append((self._tel_href, "".join(self._tel_text).strip()))
            self._tel_href = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
        if self._invisible_depth:
            return
        self._text_parts.append(data)
        if self._tel_href is not None:
            self._tel_text.append(data)

    def close(self) -> None:
        super().close()
        if self._title_parts:
            self.facts.title = " ".join("".join(self._title_parts).split())
        self.facts.text = " ".join(" ".join(self._text_parts).split())


def read_page(path: Path) -> PageFacts:
    """The facts of one built HTML file."""
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.facts


def built_pages(site: Path) -> list[Path]:
    """Every HTML page in the built site, 404 included, in a stable order."""
    return sorted(site.rglob("*.html"))


def page_name(site: Path, path: Path) -> str:
    """How a failure message names a page: its path inside the built site."""
    return path.relative_to(site).as_posix()


@pytest.fixture(scope="session")
def pages(built_site: Path) -> dict[str, PageFacts]:
    """Every built page's facts, keyed by its path inside the site (for example 'get-help/index.html')."""
    return {page_name(built_site, path): read_page(path) for path in built_pages(built_site)}
