"""The link check's page reader finds exactly what the standard library's HTML parser finds: every address
with its line and whether it is in the page's content, and every id (fixture markup and every built page)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from links.html import _SRCSET_ATTRIBUTES, _URL_ATTRIBUTES, read_page


class _Reference(HTMLParser):
    """html.parser's reading, the reference: what the reader did before it was made faster."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, int, bool]] = []
        self.ids: set[str] = set()
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_startendtag(tag, attrs)
        if tag == "article" and (self.depth or "md-content__inner" in (dict(attrs).get("class") or "").split()):
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            urls = []
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in _URL_ATTRIBUTES.get(tag, ()):
                urls = [value.strip()]
            elif name in _SRCSET_ATTRIBUTES:
                urls = [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
            self.links += [(url, self.getpos()[0], self.depth > 0) for url in urls if url]

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1


def _both(text: str) -> tuple[tuple, tuple]:
    reference = _Reference()
    reference.feed(text)
    reference.close()
    page = read_page(text)
    return ([(link.url, link.line, link.in_content) for link in page.links], page.ids), (reference.links, reference.ids)


@pytest.mark.parametrize("markup", [
    '<p>\n<script>if (a<b && c>d) { x = "<a href=\'not-a-link\'>"; }</script>\n<a href="real">x</a>',
    '<style>p>a{}</style><!-- <a href="commented-out"> --><a id=unquoted href=also-unquoted>',
    '<a href="x" id="q"><br/><img srcset="a.png 1x, b.png 2x" src="c.png">',
    '<article class="md-content__inner"><article><a href="in">in</a></article><a href="still-in"></article><a href="out">',
    '<a href="?a=1&amp;b=2" title="x > y">entities and > in a value</a><A HREF="UPPER">',
])
def test_the_reader_finds_what_the_standard_parser_finds(markup: str) -> None:
    ours, reference = _both(markup)
    assert ours == reference


def test_every_built_page_is_read_as_the_standard_parser_reads_it(built_site: Path) -> None:
    for path in sorted(built_site.rglob("*.html")):
        ours, reference = _both(path.read_text(encoding="utf-8"))
        assert ours == reference, path.relative_to(built_site).as_posix()
