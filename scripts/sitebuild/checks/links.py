"""Links: nav and the Markdown's links (checked before a build), every link in the built site, and every
web address the site cites as a source (for the weekly check of links to other sites).

Every address on this site in the built pages and stylesheets must lead to a file of the built site, and
each #anchor to an id on that page; each problem points at the line of Markdown that wrote the link where
there is one. Links to other sites need the network: a weekly workflow checks cited_sources() with
LinkChecker, and dead_report() writes its issue.

Why not a link checker from PyPI: LinkChecker checks local files as file:// addresses, so a folder
address like get-help/ is read as a folder listing rather than its index.html, and anchors there go
unchecked; and its report names built files, not the Markdown line an officer edits.
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from sitebuild import facts
from sitebuild.checks import reader
from sitebuild.checks.reader import INCLUDE, Parts, expand, load_page
from sitebuild.checks.rules import cited, field_text
from sitebuild.config import SiteConfig, page_output
from sitebuild.problems import Problem, shown
from sitebuild.yamlfile import read

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
# LinkChecker's words for a redirect that a site says is for good (301, 308): the page has moved.
_MOVED = re.compile(r"status: 30[18]\b")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""", re.IGNORECASE)


# The rules, in the words a person reads. `link` is the link as written in the page.

def missing_target(link: str) -> str:
    return f"a link must go to a page or file that exists; '{link}' does not"


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
            match = INCLUDE.match(line)
            included = self.root / match.group(2) if match else None
            lines = included.read_text(encoding="utf-8").splitlines() if included and included.is_file() else [line]
            body += [(number, text) for text in lines]
        return reader.read(body).links

    def place_of(self, url: str) -> tuple[str, int, str] | None:
        """Where the page (or a file it includes) writes this address (file, line), and how it is written there."""
        for spelling in _spellings(url):
            for link in self.links:
                if link.target.startswith(spelling) or (spelling.startswith("#") and spelling in link.target):
                    return shown(self.path), link.line, link.target
        return None


def _spellings(url: str) -> list[str]:
    """The address as built, then as the Markdown may have written it before a builder rewrote it."""
    spellings = [url, re.sub(r"^(?:\.\.?/)+", "", url)]  # then without its leading ./ and ../
    parts = urlsplit(url)
    if parts.fragment:
        spellings.append("#" + parts.fragment)
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    if last not in ("", ".", ".."):
        spellings.append(last)
    return [spelling for spelling in dict.fromkeys(spellings) if spelling]


def markdown_links(text: str) -> list[reader.Link]:
    """Every link and image target written in Markdown's syntax (which the builder rewrites; raw HTML it
    leaves alone), outside front matter and code, with its line."""
    lines = list(enumerate(text.splitlines(), start=1))
    if text.startswith("---\n"):
        end = next((number for number, line in lines[1:] if line.strip() in ("---", "...")), len(lines))
        lines = lines[end:]
    return [link for link in reader.read(lines).links if link.markdown]


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


def check_built(site_dir: Path, config: SiteConfig, pages: dict, renames: dict[str, str],
                shown_site: Path) -> list[Problem]:
    """Every broken link in the built site, read from sitebuild.postbuild's parsed pages; renames gives the
    packed files' new names, not yet written, and shown_site names the site in messages."""
    return _BuiltSite(site_dir, config, pages, renames, shown_site).check()


class _BuiltSite:
    def __init__(self, site_dir: Path, config: SiteConfig, pages: dict, renames: dict[str, str],
                 shown_site: Path) -> None:
        self.site_dir = site_dir
        self.config = config
        self.shown_site = shown_site
        self.files = {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()}
        self.files |= set(renames.values())
        self.pages = pages
        self.sources = {page_output(page): SourcePage(page, config.docs_dir / page, config.generated)
                        for page in config.pages}
        self.host = urlsplit(config.site_url).netloc
        self.missing_nav = {entry.target for entry in config.nav or ()
                            if not urlsplit(entry.target).scheme and entry.target not in config.pages}

    def check(self) -> list[Problem]:
        problems = []
        for name, page in self.pages.items():
            for tag in page.tags:
                for url in addresses(tag):
                    if not tag.in_content and self._names_missing_nav_entry(url):
                        continue  # the nav check reports the entry itself, at its line of mkdocs.yml
                    message = self._problem(name, url, tag.in_content)
                    if message:
                        problems.append(self._report(name, url, tag.line, message))
        for name in sorted(self.files):
            if name.endswith(".css") and (self.site_dir / name).is_file():
                text = (self.site_dir / name).read_text(encoding="utf-8")
                for match in _CSS_URL.finditer(text):
                    url = match.group(2).strip()
                    if self._problem(name, url, in_content=False, stylesheet=True):
                        line = text.count("\n", 0, match.start()) + 1
                        problems.append(Problem(shown(self.shown_site / name), line, None, missing_target(url)))
        return problems

    def _names_missing_nav_entry(self, url: str) -> bool:
        path = unquote(urlsplit(url).path)
        return any(path == entry or path.endswith("/" + entry) for entry in self.missing_nav)

    def _problem(self, name: str, url: str, in_content: bool, stylesheet: bool = False):
        """What is wrong with one link, as a function of how it was written, or None."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in _CHECKED_SCHEMES or (parts.netloc and parts.netloc != self.host):
            return None
        source = None if stylesheet else self.sources.get(name)
        relative = not scheme and not parts.netloc
        if source and in_content and relative and url.startswith("/") and not url.startswith("//"):
            return absolute_link
        if relative and not parts.path:
            return self._anchor_problem(name, parts.fragment, same_page=True)
        base = "https://site.invalid" + self.config.url_path + name
        target = urlsplit(urljoin(base, url) if relative else url.replace(scheme + ":", "https:", 1))
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
        if anchor in _ALWAYS_THERE or target not in self.pages or anchor in self.pages[target].ids:
            return None
        if same_page:
            return missing_anchor
        source = self.sources.get(target)
        named = source.page if source else target
        return lambda written: missing_anchor(written, named)

    def _file(self, path: str) -> str | None:
        """The built file an address leads to, as a static host serves it (folder/ -> folder/index.html)."""
        path = posixpath.normpath(path) if path else ""
        path = "" if path == "." else path
        candidates = [path] if path and not path.endswith("/") else []
        candidates.append(posixpath.join(path, "index.html"))
        return next((candidate for candidate in candidates if candidate in self.files), None)

    def _report(self, name: str, url: str, line: int, message) -> Problem:
        """The problem, pointed at the Markdown line that wrote the link when there is one."""
        source = self.sources.get(name)
        found = source.place_of(url) if source else None
        path, line, written = found or (shown(self.shown_site / name), line, url)
        return Problem(path, line, None, message(written))


def _title(path: Path) -> str:
    """A page's title from its front matter, or its file name when it has none."""
    return field_text(load_page(path), "title") or path.stem.replace("-", " ").capitalize()


def _markdown_file_for(config: SiteConfig, page: str, path: str) -> str | None:
    """The page an address without a file name seems to mean, relative to the linking page: read from the
    page's web address (as a browser would), then from its Markdown file."""
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


def addresses(tag) -> list[str]:
    """Every address a built page's tag holds (href, src, srcset and the like)."""
    found = [tag.get(name).strip() for name in URL_ATTRIBUTES.get(tag.name, ()) if tag.get(name).strip()]
    for name in SRCSET_ATTRIBUTES:
        found += [candidate.split()[0] for candidate in tag.get(name).split(",") if candidate.split()]
    return found


# -- Sources cited, for the weekly check ------------------------------------------------------------

@dataclass(frozen=True, order=True)
class Citation:
    """A source address, and the file and line that cite it."""

    address: str
    path: str
    line: int
    what: str  # the link's words on a page, or the register entry's id


def cited_sources(config: SiteConfig, register_file: Path | None = None) -> list[Citation]:
    """Every external source address the pages and the register cite, in address order."""
    register = register_file or facts.register_path(config)
    found: list[Citation] = []
    parts = Parts(facts.load(config, None, register_file)[1])
    for page in config.pages:
        loaded = load_page(config.docs_dir / page)
        if loaded.problems and not loaded.fields:
            continue
        for link in cited(reader.read(expand(loaded, parts)[0].body)):
            if link.target.lower().startswith(("http:", "https:")):
                found.append(Citation(link.target, shown(config.docs_dir / page), link.line, link.text))
    document = read(register, shown(register), "the facts register")
    entries = document.data.get("facts") if isinstance(document.data, dict) else None
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        sources = entry.get("sources") if isinstance(entry, dict) else None
        for position, address in enumerate(sources if isinstance(sources, list) else []):
            if isinstance(address, str):
                line = document.position(("facts", index, "sources", position))[0]
                found.append(Citation(address, document.path, line, str(entry.get("id", ""))))
    return sorted(found)


def dead_report(citations: list[Citation], linkchecker_csv: str) -> str:
    """The weekly issue's text: each source that no longer opens, or has moved for good, with where it is
    cited and what to do; empty when every source opens where it always did."""
    dead: dict[str, str] = {}
    moved: dict[str, str] = {}
    rows = csv.DictReader(io.StringIO("\n".join(line for line in linkchecker_csv.splitlines()
                                                 if not line.startswith("#"))), delimiter=";")
    for row in rows:
        address = row.get("urlname") or ""
        if row.get("valid") == "False":
            dead[address] = row.get("result") or "no answer"
        elif _MOVED.search(row.get("warningstring") or "") and row.get("url") and row.get("url") != address:
            moved[address] = row["url"]
    if not dead and not moved:
        return ""
    lines = ["Some sources the site cites no longer open, or have moved. Each one is listed with the page or "
             "register entry that cites it. A source that has gone can no longer back up what the page says.", ""]
    if dead:
        lines += ["## Sources that no longer open", "",
                  "Open the link. If the page has gone, find the same fact on the service's own website or an "
                  "official page, check the page still says it, and replace the link (add the new site to "
                  "`data/sources.yml` if the check asks you to). If the fact cannot be found any more, change "
                  "or remove it.", ""]
        lines += _listed(citations, dead, lambda answer: f"the site answered: {answer}")
    if moved:
        lines += ["## Sources that have moved", "",
                  "The site now sends readers to a new address. Open the new address, check it still says what "
                  "the page says, then replace the old address with the new one.", ""]
        lines += _listed(citations, moved, lambda new: f"now at {new}")
    lines += ["This issue is updated each week by the Sources workflow (.github/workflows/sources.yml). "
              "It closes by itself once every source opens where it should."]
    return "\n".join(lines) + "\n"


def _listed(citations: list[Citation], found: dict[str, str], say) -> list[str]:
    lines = []
    for address in sorted(found):
        places = [citation for citation in citations if citation.address == address]
        lines.append(f"- {address} ({say(found[address])})")
        lines += [f"  - cited in `{place.path}`, line {place.line}: {place.what}" for place in places]
    return lines + [""]
