"""Checks every link in a built site, whichever builder made it; and nav and the Markdown's links.

Pages, page parts written as raw HTML (the events), templates and stylesheets are all checked
the same way: each address on this site must lead to a file of the built site, and each #anchor
to an id on that page. Links to other sites are not checked (that needs the network). What the
built HTML cannot show is checked on the sources: nav in mkdocs.yml, and how Markdown links
are written.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from links import problems as rules
from links.html import Link, PageLinks, css_urls, read_page
from links.markdown import markdown_links
from links.problems import LinkProblem
from links.sources import Place, SourcePage, shown
from site_config import SiteConfig, page_output

# Schemes that never name a file of the site; web and calendar addresses are checked when they name this site.
_CHECKED_SCHEMES = {"", "http", "https", "webcal"}
# A fragment every browser understands without an element of that id.
_ALWAYS_THERE = {"", "top"}


def check_sources(config: SiteConfig) -> list[LinkProblem]:
    """The checks made on mkdocs.yml and the Markdown, which the built HTML cannot show."""
    return check_nav(config) + check_markdown(config)


def check_markdown(config: SiteConfig) -> list[LinkProblem]:
    """Links in Markdown to this site's pages name a file (get-help.md), and never start with /."""
    problems = []
    for page in config.pages():
        path = config.docs_dir / page
        for link in markdown_links(path.read_text(encoding="utf-8")):
            parts = urlsplit(link.target)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            if link.target.startswith("/"):
                problems.append(LinkProblem(shown(path), link.line, rules.absolute_link(link.target)))
            elif _names_no_file(parts.path) and not (path.parent / unquote(parts.path)).is_file():
                suggestion = _markdown_file_for(config, page, parts.path)
                if suggestion and parts.fragment:
                    suggestion += "#" + parts.fragment
                problems.append(LinkProblem(shown(path), link.line, rules.unrecognised_link(link.target, suggestion)))
    return problems


def check_nav(config: SiteConfig) -> list[LinkProblem]:
    """nav names only pages that exist, and every page is in nav (unless not_in_nav allows it)."""
    pages = config.pages()
    config_path = shown(config.path)
    problems = []
    listed = set()
    for entry in config.nav or ():
        parts = urlsplit(entry.target)
        if parts.scheme or parts.netloc:
            continue
        if entry.target.startswith("/"):
            problems.append(LinkProblem(config_path, entry.line, rules.nav_absolute(entry.target)))
            continue
        target = posixpath.normpath(unquote(parts.path))
        listed.add(target)
        if target not in pages:
            problems.append(LinkProblem(config_path, entry.line, rules.nav_missing_file(entry.target)))
    if config.nav is not None:
        problems += [
            LinkProblem(shown(config.docs_dir / page), 1, rules.page_not_in_nav(page))
            for page in pages if page not in listed and not config.allowed_outside_nav(page)
        ]
    return problems


def check_site(site_dir: Path, config: SiteConfig, shown_site: Path | None = None) -> list[LinkProblem]:
    """Every broken link in the built site; shown_site names the site in messages (default: site_dir)."""
    site = _BuiltSite(Path(site_dir), config, Path(shown_site or site_dir))
    return site.check()


class _BuiltSite:
    def __init__(self, site_dir: Path, config: SiteConfig, shown_site: Path) -> None:
        self.site_dir = site_dir
        self.config = config
        self.shown_site = shown_site
        self.files = {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()}
        self.pages: dict[str, PageLinks] = {
            name: read_page((site_dir / name).read_text(encoding="utf-8"))
            for name in sorted(self.files) if name.endswith(".html")
        }
        self.sources = {
            page_output(page): SourcePage(page, config.docs_dir / page, config.root) for page in config.pages()
        }
        self.host = urlsplit(config.site_url).netloc
        pages = config.pages()
        self.missing_nav = {entry.target for entry in config.nav or ()
                            if not urlsplit(entry.target).scheme and entry.target not in pages}

    def check(self) -> list[LinkProblem]:
        problems = []
        for name, page in self.pages.items():
            for link in page.links:
                if not link.in_content and self._names_missing_nav_entry(link.url):
                    continue  # the nav check reports the entry itself, at its line of mkdocs.yml
                message = self._problem(name, link)
                if message:
                    problems.append(self._report(name, link, message))
        for name in sorted(self.files):
            if name.endswith(".css"):
                text = (self.site_dir / name).read_text(encoding="utf-8")
                for link in css_urls(text):
                    if self._problem(name, link, stylesheet=True):
                        path = shown(self.shown_site / name)
                        problems.append(LinkProblem(path, link.line, rules.missing_target(link.url)))
        return problems

    def _names_missing_nav_entry(self, url: str) -> bool:
        path = unquote(urlsplit(url).path)
        return any(path == entry or path.endswith("/" + entry) for entry in self.missing_nav)

    def _problem(self, name: str, link: Link, stylesheet: bool = False):
        """What is wrong with one link, as a function of how it was written, or None."""
        parts = urlsplit(link.url)
        scheme = parts.scheme.lower()
        if scheme not in _CHECKED_SCHEMES or (parts.netloc and parts.netloc != self.host):
            return None
        source = None if stylesheet else self.sources.get(name)
        relative = not scheme and not parts.netloc
        if source and link.in_content and relative and link.url.startswith("/") and not link.url.startswith("//"):
            return rules.absolute_link
        if relative and not parts.path:
            return self._anchor_problem(name, parts.fragment, same_page=True)
        base = "https://site.invalid" + self.config.url_path + name
        target = urlsplit(urljoin(base, link.url) if relative else link.url.replace(scheme + ":", "https:", 1))
        if not target.path.startswith(self.config.url_path):
            return rules.missing_target
        found = self._file(unquote(target.path[len(self.config.url_path):]))
        if found is None:
            return rules.missing_target
        if found.endswith(".html") and not stylesheet:
            return self._anchor_problem(found, parts.fragment, same_page=found == name)
        return None

    def _anchor_problem(self, target: str, fragment: str, same_page: bool):
        anchor = unquote(fragment)
        if anchor in _ALWAYS_THERE or target not in self.pages or anchor in self.pages[target].ids:
            return None
        if same_page:
            return rules.missing_anchor
        source = self.sources.get(target)
        named = source.page if source else target
        return lambda written: rules.missing_anchor(written, named)

    def _file(self, path: str) -> str | None:
        """The built file an address leads to, as a static host serves it (folder/ -> folder/index.html)."""
        path = posixpath.normpath(path) if path else ""
        if path in ("", "."):
            path = ""
        candidates = [path] if path and not path.endswith("/") else []
        candidates.append(posixpath.join(path, "index.html") if path else "index.html")
        return next((candidate for candidate in candidates if candidate in self.files), None)

    def _report(self, name: str, link: Link, message) -> LinkProblem:
        """The problem, pointed at the Markdown line that wrote the link when there is one."""
        source = self.sources.get(name)
        found = source.place_of(link.url) if source else None
        place, written = found if found else (Place(shown(self.shown_site / name), link.line), link.url)
        return LinkProblem(place.path, place.line, message(written))


def _markdown_file_for(config: SiteConfig, page: str, path: str) -> str | None:
    """The page an address without a file name seems to mean, written relative to the linking page.

    The address is read both ways a person may have meant it: from the page's web address (as a
    browser would) and from its Markdown file.
    """
    pages = config.pages()
    here = posixpath.dirname(page)
    for base in (posixpath.dirname(page_output(page)), here):
        folder = posixpath.normpath(posixpath.join(base, unquote(path)))
        folder = "" if folder == "." else folder
        for candidate in ([folder + ".md"] if folder else []) + [posixpath.join(folder, "index.md")]:
            if candidate in pages:
                return posixpath.relpath(candidate, here or ".")
    return None


def _names_no_file(path: str) -> bool:
    """A path whose last part has no file extension, like get-help/ or ../privacy (MkDocs' test)."""
    return bool(path) and not posixpath.splitext(path.rstrip("/"))[1]
