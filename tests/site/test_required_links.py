"""Links every built page must carry, whatever it says (site requirements 1, 2, 7 and 16):

- both ways to leave at once, the header button and the plain link among the first Tab stops, to the
  same neutral site, with no referrer;
- in the footer, the page on staying safe online and the accessibility statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from sitebuild import config as site_config

from .conftest import built_pages, page_name

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Link:
    href: str
    classes: frozenset[str]
    rel: str
    quick_exit: bool
    in_footer: bool


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []
        self._footer_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "footer":
            self._footer_depth += 1
        elif tag == "a" and "href" in attributes:
            self.links.append(Link(attributes["href"], frozenset(attributes.get("class", "").split()),
                                   attributes.get("rel", ""), "data-quick-exit" in attributes, self._footer_depth > 0))

    def handle_endtag(self, tag: str) -> None:
        if tag == "footer" and self._footer_depth:
            self._footer_depth -= 1


def _links(path: Path) -> list[Link]:
    reader = _Links()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.links


def _exit_address() -> str:
    return site_config.load(REPO / "mkdocs.yml").extra["quick_exit_url"]


def _site_path(site: Path, page: Path, href: str) -> str:
    """Where a relative link on a built page leads, as a path inside the site ('' for the home page)."""
    base = "/" + page.relative_to(site).as_posix()
    return urlsplit(urljoin(base, href)).path.lstrip("/").removesuffix("index.html")


def test_every_page_has_the_exit_button_and_the_plain_exit_link_to_a_neutral_site(built_site: Path) -> None:
    neutral = _exit_address()
    assert urlsplit(neutral).scheme == "https", f"the exit address must be https, not {neutral!r}"
    problems = []
    for path in built_pages(built_site):
        exits = [link for link in _links(path) if link.quick_exit]
        name = page_name(built_site, path)
        if not any("quick-exit__button" in link.classes for link in exits):
            problems.append(f"{name}: no Exit this page button in the header")
        if not any("quick-exit__link" in link.classes for link in exits):
            problems.append(f"{name}: no plain Exit this page link among the first Tab stops")
        for link in exits:
            if link.href != neutral or link.rel.split() != ["nofollow", "noreferrer"]:
                problems.append(f"{name}: an exit link goes to {link.href!r} with rel={link.rel!r}; "
                                f"every exit link must go to {neutral} with rel=\"nofollow noreferrer\"")
    assert not problems, "\n".join(problems)


def test_every_page_footer_links_to_staying_safe_online_and_the_accessibility_statement(built_site: Path) -> None:
    problems = []
    for path in built_pages(built_site):
        footer = {_site_path(built_site, path, link.href) for link in _links(path) if link.in_footer}
        for target, name in (("staying-safe-online/", "Staying safe online"), ("accessibility/", "the accessibility statement")):
            if target not in footer:
                problems.append(f"{page_name(built_site, path)}: the footer has no link to {name} (/{target})")
    assert not problems, "\n".join(problems)
