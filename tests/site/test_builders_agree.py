"""Both builders give a visitor the same pages: the same titles, landmarks, headings, exit links,
footer and security tags. (Only the theme's own scripts and search box differ: README.md.)

The policies differ only in their hashes, which scripts/secure_site.py computes from each build's
own inline code (Zensical's search dialog adds a style).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import build_site

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
_LANDMARK_TAGS = {"header", "nav", "main", "footer", "aside", "form", "section"}
_LANDMARK_ROLES = {"banner", "navigation", "main", "contentinfo", "complementary", "search", "region", "dialog", "alert"}
_HASH = re.compile(r" 'sha256-[A-Za-z0-9+/=]+'")
# Parts each builder's theme draws its own way: the search box, and the theme's skip link, which
# site.css hides because ours comes first.
_THEMES_OWN = {"search", "skip"}


class _Facts(HTMLParser):
    """What a visitor meets on a page, leaving out the parts each builder's theme draws its own way."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts: list[tuple] = []
        self._text_of: str | None = None
        self._text: list[str] = []
        self._search_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if self._search_depth or a.get("data-md-component") in _THEMES_OWN:
            self._search_depth += tag not in ("input", "img", "br", "meta", "link")
            return
        if tag == "html":
            self.facts.append(("lang", a.get("lang")))
        elif tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.facts.append(("policy", _HASH.sub("", a.get("content", ""))))
        elif tag == "meta" and a.get("name") in ("referrer", "description"):
            self.facts.append((a["name"], a.get("content")))
        elif tag in _LANDMARK_TAGS or a.get("role") in _LANDMARK_ROLES:
            self.facts.append(("landmark", tag, a.get("role"), a.get("aria-label")))
        elif tag in ("h1", "h2", "h3"):
            self.facts.append((tag, a.get("id")))
        elif tag == "a" and ("data-quick-exit" in a or "md-skip" in a.get("class", "")):
            self.facts.append(("link", a.get("class"), a.get("href"), a.get("rel")))
        if tag in ("title", "time") or "page-reviewed" in a.get("class", "") or tag == "h1":
            self._text_of, self._text = tag, []

    def handle_endtag(self, tag: str) -> None:
        if self._search_depth:
            self._search_depth -= 1
            return
        if tag == self._text_of or (self._text_of == "p" and tag == "p"):
            self.facts.append((f"{tag} text", " ".join("".join(self._text).split())))
            self._text_of = None

    def handle_data(self, data: str) -> None:
        if self._text_of and not self._search_depth:
            self._text.append(data)


def _facts(path: Path) -> list[tuple]:
    reader = _Facts()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.facts


@pytest.fixture(scope="module")
def both_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    built = {}
    for builder in ("mkdocs", "zensical"):
        site = tmp_path_factory.mktemp(builder) / "site"
        build_site.build(site, builder=builder)
        built[builder] = site
    return built


def test_both_builders_publish_the_same_pages(both_builds) -> None:
    def pages(site: Path) -> list[str]:
        return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))

    assert pages(both_builds["zensical"]) == pages(both_builds["mkdocs"])


def test_every_page_reads_the_same_under_both_builders(both_builds) -> None:
    different = []
    for page in sorted(both_builds["mkdocs"].rglob("*.html")):
        name = page.relative_to(both_builds["mkdocs"]).as_posix()
        ours, theirs = _facts(page), _facts(both_builds["zensical"] / name)
        if ours != theirs:
            extra = [fact for fact in theirs if fact not in ours]
            missing = [fact for fact in ours if fact not in theirs]
            different.append(f"{name}: Zensical adds {extra} and leaves out {missing}")
    assert not different, "\n".join(different)


def test_calendar_files_and_search_index_are_published_by_both(both_builds) -> None:
    for builder, site in both_builds.items():
        assert (site / "events" / "calendar" / "all-events.ics").is_file(), builder
        assert (site / "_headers").is_file(), builder


@pytest.mark.parametrize("builder", ["mkdocs", "zensical"])
def test_every_add_to_calendar_link_leads_to_its_calendar_file(site_copy, builder: str) -> None:
    """The events parts are raw HTML: Zensical reads their links from the events page's own folder,
    MkDocs from its address; the page lives at docs/events/index.md, so both read the same."""
    copy = site_copy(f"example-events-{builder}")
    build_site.build(copy / "site", config=copy / "mkdocs.yml",
                     extra_env={"EVENTS_TODAY": "2027-03-01", "EVENTS_DATA": str(FIXTURES / "events" / "good.yml")},
                     builder=builder)
    events = copy / "site" / "events"
    links = re.findall(r'<a href="([^"]+\.ics)" download>Add ', (events / "index.html").read_text(encoding="utf-8"))
    assert links, "the example events have calendar files to add"
    for link in links:
        assert link.startswith("calendar/") and (events / link).is_file(), link
