"""Nothing the site ships makes a visitor's browser ask another host for anything.

Visitors may be watched, so no font, script, style, image, map or API call comes from a third party.
Ordinary <a href> links to other services are fine: the visitor chooses to follow them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[2]

# Attributes that make the browser fetch something as the page loads (<a href> is left out on purpose).
_FETCHING_ATTRIBUTES = {"src", "srcset", "poster", "data", "action", "formaction", "background"}
_FETCHING_HREF_TAGS = {"link", "use", "image", "base"}
# Script types that run as code; JSON and JSON-LD only describe things.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

# A URL in a quoted string: scheme-relative ones must have a dotted host, so "//" comments do not count.
_QUOTED_URL = re.compile(
    r"""["'`]((?:https?|wss?)://[^"'`\s]+|//(?:[\w-]+\.)+[a-z]{2,}[^"'`\s]*)""", re.IGNORECASE)
# The start of a CSS url(...) or @import value that names another host; data: URIs never match.
_CSS_EXTERNAL = re.compile(
    r"""(?:url\(\s*|@import\s+(?:url\(\s*)?)["']?\s*((?:https?:)?//[^"')\s]+)""", re.IGNORECASE)

# Absolute URLs allowed in shipped scripts, each with why it never becomes a request on this site.
_ALLOWED_SCRIPT_URLS = {
    "https://api.github.com/":
        "Material's repository facts: only run when mkdocs.yml sets repo_url, which it must not",
    "https://${e}/api/v4/projects/":
        "Material's GitLab repository facts: also only run when mkdocs.yml sets repo_url",
    "https://unpkg.com/mermaid@":
        "Material loads Mermaid only on a page with a diagram; no page has one (checked below)",
    "https://unpkg.com/resize-observer-polyfill":
        "loaded only by browsers without ResizeObserver, which every current browser has",
    # Zensical's bundle (SITE_BUILDER=zensical):
    "http://www.w3.org/":
        "XML namespace names (SVG, MathML, XHTML) that say what kind of element to make; never fetched",
    "https://unpkg.com/pyodide@": "Zensical runs Python in the page only for a .pyodide block; no page has one (checked below)",
    "https://cdn.jsdelivr.net/pyodide/": "the same: only for a .pyodide block",
    "https://unpkg.com/ace-builds@": "Zensical's code editor, also only for a .pyodide block",
    "https://unpkg.com/glightbox@": "Zensical's image lightbox, only for a .glightbox image; no page has one (checked below)",
}


def _site_config():
    return load_config(config_file=str(REPO / "mkdocs.yml"))


def _own_host() -> str:
    return urlsplit(_site_config().site_url or "").netloc


def _is_external(url: str, own_host: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) and parts.netloc != own_host


class _FetchFinder(HTMLParser):
    """Collects what a page would fetch: URLs in fetching attributes, inline scripts and inline styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._capture: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        for name, value in attributes.items():
            if name in _FETCHING_ATTRIBUTES:
                # srcset lists "url width, url width"
                self.urls.extend(part.split()[0] for part in value.split(",") if part.split())
            elif name in ("href", "xlink:href") and tag in _FETCHING_HREF_TAGS:
                self.urls.append(value)
            elif name == "style":
                self.styles.append(value)
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            self.urls.append(attributes.get("content", "").partition("url=")[2])
        if tag == "script" and "src" not in attributes and attributes.get("type", "") in _SCRIPT_TYPES:
            self._capture = "script"
        elif tag == "style":
            self._capture = "style"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._capture = None

    def handle_data(self, data: str) -> None:
        if self._capture == "script":
            self.scripts.append(data)
        elif self._capture == "style":
            self.styles.append(data)


def _script_problems(where: str, code: str, allowed: dict[str, str]) -> list[str]:
    problems = []
    for match in _QUOTED_URL.finditer(code):
        url = match.group(1)
        if not any(url.startswith(prefix) for prefix in allowed):
            problems.append(f"{where}: script names another host: {url[:100]}")
    return problems


def _style_problems(where: str, css: str) -> list[str]:
    return [f"{where}: stylesheet loads from another host: {match.group(1)[:100]}"
            for match in _CSS_EXTERNAL.finditer(css)]


def _allowed_script_urls() -> dict[str, str]:
    allowed = dict(_ALLOWED_SCRIPT_URLS)
    exit_url = _site_config().extra.get("quick_exit_url")
    if exit_url:
        # The quick exit leaves for this page with location.replace: a navigation, not a fetch.
        allowed[exit_url] = "where Exit this page goes"
    return allowed


def test_pages_fetch_nothing_from_another_host(built_site: Path) -> None:
    own_host = _own_host()
    allowed = _allowed_script_urls()
    problems = []
    for path in sorted(built_site.rglob("*.html")):
        where = path.relative_to(built_site).as_posix()
        finder = _FetchFinder()
        finder.feed(path.read_text(encoding="utf-8"))
        problems += [f"{where}: loads from another host: {url}"
                     for url in finder.urls if _is_external(url, own_host)]
        for script in finder.scripts:
            problems += _script_problems(where, script, allowed)
        for style in finder.styles:
            problems += _style_problems(where, style)
    assert not problems, "\n".join(problems)


def test_stylesheets_load_nothing_from_another_host(built_site: Path) -> None:
    problems = []
    for path in sorted(built_site.rglob("*.css")):
        problems += _style_problems(path.relative_to(built_site).as_posix(), path.read_text(encoding="utf-8"))
    assert not problems, "\n".join(problems)


def test_scripts_fetch_nothing_from_another_host(built_site: Path) -> None:
    allowed = _allowed_script_urls()
    problems = []
    for path in sorted(built_site.rglob("*.js")):
        problems += _script_problems(path.relative_to(built_site).as_posix(),
                                     path.read_text(encoding="utf-8"), allowed)
    assert not problems, "\n".join(problems)


def test_no_page_has_a_diagram_that_would_load_mermaid(built_site: Path) -> None:
    """Keeps the Mermaid allowance above true: Material fetches Mermaid only for a .mermaid block."""
    with_diagrams = [path.relative_to(built_site).as_posix() for path in sorted(built_site.rglob("*.html"))
                     if re.search(r"""class=["'][^"']*\bmermaid\b""", path.read_text(encoding="utf-8"))]
    assert not with_diagrams, f"these pages would load Mermaid from unpkg.com: {with_diagrams}"


def test_no_page_has_a_block_that_would_load_code_from_another_host(built_site: Path) -> None:
    """Keeps the Zensical allowances above true: it fetches Pyodide, Ace or GLightbox only for these blocks."""
    with_blocks = [path.relative_to(built_site).as_posix() for path in sorted(built_site.rglob("*.html"))
                   if re.search(r"""class=["'][^"']*\b(?:pyodide|glightbox)\b""", path.read_text(encoding="utf-8"))]
    assert not with_blocks, f"these pages would load code from unpkg.com or jsdelivr.net: {with_blocks}"


def test_the_checks_catch_third_party_requests() -> None:
    """The finders themselves: each kind of third-party request is caught, ordinary links are not."""
    finder = _FetchFinder()
    finder.feed('<link rel="stylesheet" href="https://fonts.example.invalid/a.css">'
                '<img src="//cdn.example.invalid/x.png"><a href="https://www.example.invalid/">ok</a>'
                '<script>fetch("https://api.example.invalid/v1")</script>')
    assert finder.urls == ["https://fonts.example.invalid/a.css", "//cdn.example.invalid/x.png"]
    assert _script_problems("page", finder.scripts[0], {}) == [
        "page: script names another host: https://api.example.invalid/v1"]
    assert _style_problems("a.css", '@import "https://fonts.example.invalid/f.css";'
                                    'b{background:url(data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>)}') == [
        "a.css: stylesheet loads from another host: https://fonts.example.invalid/f.css"]
    assert _script_problems("a.js", 'x="\\u2003"//nbsp and emsp', {}) == []
