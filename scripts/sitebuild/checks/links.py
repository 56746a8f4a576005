"""Links: nav and the Markdown's links (checked before a build), and every link in the built site.

Pages, page parts written as raw HTML (the events), templates and stylesheets are all checked the
same way: each address on this site must lead to a file of the built site, and each #anchor to an
id on that page. Links to other sites are not checked here (that needs the network: a weekly
workflow does it). What the built HTML cannot show is checked on the sources: nav in mkdocs.yml,
and how Markdown links are written (to a page's Markdown file, never starting with /). Each
problem points at the line of Markdown that wrote the link where there is one.

Why not a link checker from PyPI: LinkChecker checks local files as file:// addresses, so a folder
address like get-help/ is read as a folder listing rather than its index.html, and anchors there go
unchecked; and its report names built files, not the Markdown line an officer edits.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from sitebuild.checks import includes, reader
from sitebuild.checks.page import load_page
from sitebuild.config import SiteConfig, page_output
from sitebuild.postbuild.html import Page, addresses
from sitebuild.problems import Problem, shown

_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""", re.IGNORECASE)


# The rules, in the words a person reads. `link` is the link as written in the page.

def missing_target(link: str, suggestion: str | None = None) -> str:
    return (f"a link must go to a page or file that exists; '{link}' does not"
            + (f" (did you mean '{suggestion}'?)" if suggestion else ""))


def missing_anchor(link: str, page: str | None = None) -> str:
    where = f"'{page}' has" if page else "this page has"
    anchor = link.partition("#")[2]
    return f"a link to part of a page must name a heading or id it has; {where} no '#{anchor}' (the link is '{link}')"


def absolute_link(link: str) -> str:
    return ("a link to a page of this site must be relative, like 'get-help.md', so it works wherever "
            f"the site is published; '{link}' starts with /")


def unrecognised_link(link: str, suggestion: str | None = None) -> str:
    return ("a link to a page of this site must name the page's Markdown file, like 'get-help.md'; "
            f"'{link}' does not" + (f" (did you mean '{suggestion}'?)" if suggestion else ""))


def nav_missing_file(entry: str) -> str:
    return f"every page in nav must be a file in the docs folder; '{entry}' is not"


def nav_absolute(entry: str) -> str:
    return f"a page in nav must be named by its Markdown file, like 'get-help.md'; '{entry}' starts with /"


def page_not_in_nav(page: str, title: str) -> str:
    return (f"every page must be listed in nav in mkdocs.yml, so visitors can find it; '{page}' is not: "
            f"add this line to nav in mkdocs.yml: `  - {_nav_key(title)}: {page}`")


def _nav_key(title: str) -> str:
    """A page title as a nav entry's name, in double quotes where YAML needs them."""
    plain = title and not any(mark in title for mark in (": ", " #", '"')) and title[0].isalnum()
    return title if plain else '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'



@dataclass(frozen=True)
class Place:
    """A file and 1-based line to point a person at."""

    path: str
    line: int


@dataclass
class SourcePage:
    """A Markdown page and the files it includes, read once, as the reader gets them."""

    page: str  # its path inside docs/, as both builders name it
    path: Path
    root: Path  # where included files are found from (the generated parts)

    @cached_property
    def links(self) -> list[reader.Link]:
        """Every link the page shows, each at its line; an included file's at the line that includes it."""
        body = []
        for number, line in load_page(self.path).body:
            match = includes.INCLUDE.match(line)
            included = self.root / match.group(2) if match else None
            lines = included.read_text(encoding="utf-8").splitlines() if included and included.is_file() else [line]
            body += [(number, text) for text in lines]
        return reader.read(body).links

    def place_of(self, url: str) -> tuple[Place, str] | None:
        """Where the page (or a file it includes) writes this address, and how it is written there."""
        for spelling in _spellings(url):
            for link in self.links:
                if link.target.startswith(spelling) or (spelling.startswith("#") and spelling in link.target):
                    return Place(shown(self.path), link.line), link.target
        return None


def _spellings(url: str) -> list[str]:
    """The address as built, then as the Markdown may have written it before a builder rewrote it."""
    spellings = [url]
    bare = url
    while bare.startswith(("./", "../")):
        bare = bare.split("/", 1)[1]
    spellings.append(bare)
    parts = urlsplit(url)
    if parts.fragment:
        spellings.append("#" + parts.fragment)
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    if last not in ("", ".", ".."):
        spellings.append(last)
    return [spelling for spelling in dict.fromkeys(spellings) if spelling]


@dataclass(frozen=True)
class MarkdownLink:
    """A link target as written in a page, and its 1-based line."""

    target: str
    line: int


def markdown_links(text: str) -> list[MarkdownLink]:
    """Every link and image target written in Markdown's syntax (which the builder rewrites; raw HTML it
    leaves alone), outside front matter and code, with its line."""
    lines = list(enumerate(text.splitlines(), start=1))
    if text.startswith("---\n"):
        end = next((number for number, line in lines[1:] if line.strip() in ("---", "...")), len(lines))
        lines = lines[end:]
    return [MarkdownLink(link.target, link.line) for link in reader.read(lines).links if link.markdown]


# Schemes that never name a file of the site; web and calendar addresses are checked when they name this site.
_CHECKED_SCHEMES = {"", "http", "https", "webcal"}
# A fragment every browser understands without an element of that id.
_ALWAYS_THERE = {"", "top"}


def check_sources(config: SiteConfig) -> list[Problem]:
    """The checks made on mkdocs.yml and the Markdown, which the built HTML cannot show."""
    return check_nav(config) + check_markdown(config)


def check_markdown(config: SiteConfig) -> list[Problem]:
    """Links in Markdown to this site's pages name a file (get-help.md), and never start with /."""
    problems = []
    for page in config.pages:
        path = config.docs_dir / page
        for link in markdown_links(path.read_text(encoding="utf-8")):
            parts = urlsplit(link.target)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            if link.target.startswith("/"):
                problems.append(Problem(shown(path), link.line, None, absolute_link(link.target)))
            elif _names_no_file(parts.path) and not (path.parent / unquote(parts.path)).is_file():
                suggestion = _markdown_file_for(config, page, parts.path)
                if suggestion and parts.fragment:
                    suggestion += "#" + parts.fragment
                problems.append(Problem(shown(path), link.line, None, unrecognised_link(link.target, suggestion)))
    return problems


def check_nav(config: SiteConfig) -> list[Problem]:
    """nav names only pages that exist, and every page is in nav (unless not_in_nav allows it)."""
    pages = config.pages
    config_path = shown(config.path)
    problems = []
    listed = set()
    for entry in config.nav or ():
        parts = urlsplit(entry.target)
        if parts.scheme or parts.netloc:
            continue
        if entry.target.startswith("/"):
            problems.append(Problem(config_path, entry.line, None, nav_absolute(entry.target)))
            continue
        target = posixpath.normpath(unquote(parts.path))
        listed.add(target)
        if target not in pages:
            problems.append(Problem(config_path, entry.line, None, nav_missing_file(entry.target)))
    if config.nav is not None:
        problems += [
            Problem(shown(config.docs_dir / page), 1, None, page_not_in_nav(page, _title(config.docs_dir / page)))
            for page in pages if page not in listed and not config.allowed_outside_nav(page)
        ]
    return problems


@dataclass(frozen=True)
class Link:
    """One address in a built page or stylesheet, its line, and whether it is in the page's own content."""

    url: str
    line: int
    in_content: bool


def check_built(site_dir: Path, config: SiteConfig, pages: dict[str, Page], renames: dict[str, str],
                shown_site: Path) -> list[Problem]:
    """Every broken link in the built site, read from its pages as parsed once (before the packed files'
    new names were written: renames gives them). shown_site names the site in messages."""
    return _BuiltSite(site_dir, config, pages, renames, shown_site).check()


class _BuiltSite:
    def __init__(self, site_dir: Path, config: SiteConfig, pages: dict[str, Page], renames: dict[str, str],
                 shown_site: Path) -> None:
        self.site_dir = site_dir
        self.config = config
        self.shown_site = shown_site
        self.files = {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()}
        self.files |= set(renames.values())
        self.pages = pages
        self.ids = {name: page.ids for name, page in pages.items()}
        self.sources = {page_output(page): SourcePage(page, config.docs_dir / page, config.generated)
                        for page in config.pages}
        self.host = urlsplit(config.site_url).netloc
        self.missing_nav = {entry.target for entry in config.nav or ()
                            if not urlsplit(entry.target).scheme and entry.target not in config.pages}

    def check(self) -> list[Problem]:
        problems = []
        for name, page in self.pages.items():
            links = [Link(url, tag.line, tag.in_content) for tag in page.tags for url in addresses(tag)]
            for link in links:
                if not link.in_content and self._names_missing_nav_entry(link.url):
                    continue  # the nav check reports the entry itself, at its line of mkdocs.yml
                message = self._problem(name, link)
                if message:
                    problems.append(self._report(name, link, message))
        for name in sorted(self.files):
            if name.endswith(".css") and (self.site_dir / name).is_file():
                text = (self.site_dir / name).read_text(encoding="utf-8")
                for match in _CSS_URL.finditer(text):
                    link = Link(match.group(2).strip(), text.count("\n", 0, match.start()) + 1, False)
                    if self._problem(name, link, stylesheet=True):
                        problems.append(Problem(shown(self.shown_site / name), link.line, None,
                                                missing_target(link.url)))
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
            return absolute_link
        if relative and not parts.path:
            return self._anchor_problem(name, parts.fragment, same_page=True)
        base = "https://site.invalid" + self.config.url_path + name
        target = urlsplit(urljoin(base, link.url) if relative else link.url.replace(scheme + ":", "https:", 1))
        if not target.path.startswith(self.config.url_path):
            return missing_target
        found = self._file(unquote(target.path[len(self.config.url_path):]))
        if found is None:
            return missing_target
        if found.endswith(".html") and not stylesheet:
            return self._anchor_problem(found, parts.fragment, same_page=found == name)
        return None

    def _anchor_problem(self, target: str, fragment: str, same_page: bool):
        anchor = unquote(fragment)
        if anchor in _ALWAYS_THERE or target not in self.ids or anchor in self.ids[target]:
            return None
        if same_page:
            return missing_anchor
        source = self.sources.get(target)
        named = source.page if source else target
        return lambda written: missing_anchor(written, named)

    def _file(self, path: str) -> str | None:
        """The built file an address leads to, as a static host serves it (folder/ -> folder/index.html)."""
        path = posixpath.normpath(path) if path else ""
        if path in ("", "."):
            path = ""
        candidates = [path] if path and not path.endswith("/") else []
        candidates.append(posixpath.join(path, "index.html") if path else "index.html")
        return next((candidate for candidate in candidates if candidate in self.files), None)

    def _report(self, name: str, link: Link, message) -> Problem:
        """The problem, pointed at the Markdown line that wrote the link when there is one."""
        source = self.sources.get(name)
        found = source.place_of(link.url) if source else None
        place, written = found if found else (Place(shown(self.shown_site / name), link.line), link.url)
        return Problem(place.path, place.line, None, message(written))


def _title(path: Path) -> str:
    """A page's title from its front matter, or its file name when it has none."""
    title = load_page(path).fields.get("title")
    return (title.text or "").strip() if title and (title.text or "").strip() else path.stem.replace("-", " ").capitalize()


def _markdown_file_for(config: SiteConfig, page: str, path: str) -> str | None:
    """The page an address without a file name seems to mean, written relative to the linking page.

    The address is read both ways a person may have meant it: from the page's web address (as a
    browser would) and from its Markdown file.
    """
    pages = config.pages
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
