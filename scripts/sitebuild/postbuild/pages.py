"""Every built page, read once with the standard library's HTML parser and changed by edits at its offsets:
languages marked, the Sources list folded, and the Content-Security-Policy and referrer policy added.

Each post-build step reads the page's tags (with their places in the text) and asks for edits: an
attribute added, a tag or its text replaced. Working on the built pages, every step serves any builder's
output, without copying Material's menu and footer templates.

Languages: a translated page (lang in its front matter, like docs/bn.md) is linked from the menu,
the footer's next and previous links, and other pages, with its name in its own language and
script: the menu title in mkdocs.yml ("বাংলা (Bengali)") or the page's own title. Where a link's
text is that name, the link gets lang (and dir); where the name is part of the text, the name is
wrapped in a span with lang, so "(Bengali)" and "Next" stay English. On the translated page itself,
its table of contents links get its lang too, and on a right-to-left page its phone links get
dir="ltr", so a number's groups of digits keep their order. English link text to a translated
page ("Get help in Turkish") is left alone; to mark other text, write {lang=tr} after the link.

Sources: pages are written with a plain '## Sources' list (the page check requires it); here the
list is put inside <details>, so sources stay one tap away without crowding the page.

The policy: each page gets a <meta> policy right after <meta charset>: default-src 'self', and
scripts only from this site or, inline, by the hash of a script written in the theme's templates
(overrides/ and the theme's own). A page that brings a script of its own, an inline event handler,
a style attribute or a javascript: link fails the build: the policy would block it, and it has no
place on this site. _headers: real HTTP headers for hosts that read it (Netlify, Cloudflare Pages);
GitHub Pages ignores it, and the <meta> tags still apply. Files named after a hash of their content
may be kept a year.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from sitebuild.checks.links import addresses
from sitebuild.checks.reader import load_page
from sitebuild.checks.rules import is_translation
from sitebuild.config import SiteConfig, page_url
from sitebuild.postbuild import assets


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
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", page.text)]
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


def point_at_new_names(page: Page, renames: dict[str, str]) -> None:
    """Asks for every address of a renamed file to name its new name: in tags, and in the theme's settings."""
    for tag in page.find("script"):
        if tag.get("type") == "application/json" and tag.closed_at is not None:
            settings = page.text[tag.end:tag.closed_at]
            if (changed := assets.rewrite(settings, page.path, renames)) != settings:
                page.replace(tag.end, tag.closed_at, changed)
    for tag in page.tags:
        written = page.text[tag.start:tag.end]
        changed = written
        for address in addresses(tag):
            if new := assets.renamed(address, page.path, renames):
                changed = changed.replace(f'"{address}"', f'"{new}"').replace(f"'{address}'", f"'{new}'")
        if changed != written:
            page.replace(tag.start, tag.end, changed)


# -- Languages --------------------------------------------------------------------------------------

_TAG = re.compile(r"(<[^>]+>)")
# The site's own parts of a page, in English on every page: the header and its search, the menus,
# the footer, the skip and exit links, the review date, the emergency line (when it is English).
_ENGLISH_PARTS = {("header", "md-header"), ("div", "md-sidebar"), ("footer", "md-footer"), ("nav", "quick-exit"),
                  ("a", "md-skip"), ("p", "page-reviewed"), ("aside", "emergency"), ("div", "quick-exit__overlay")}
# A menu title's English gloss in brackets at the end: "বাংলা (Bengali)" names the page "বাংলা".
_GLOSS = re.compile(r"\s*\([^()]*\)\s*$")
_BASE = "https://site.invalid/"


@dataclass(frozen=True)
class Language:
    """A translated page's language, direction and the names links may give it in that language."""

    code: str
    direction: str | None
    names: tuple[str, ...]

    def attributes(self) -> str:
        """ lang="bn" dir="rtl", as added to an element."""
        direction = f' dir="{html.escape(self.direction)}"' if self.direction else ""
        return f' lang="{html.escape(self.code)}"{direction}'


def translated_pages(config: SiteConfig) -> dict[str, Language]:
    """Every translated page by its published path ('bn/'), with the names it is linked by."""
    titles = config.nav_titles
    found: dict[str, Language] = {}
    for source in config.pages:
        page = load_page(config.docs_dir / source)
        lang, title, direction = (page.fields.get(name) for name in ("lang", "title", "dir"))
        if not lang or not lang.text or not is_translation(page):
            continue
        menu_title = _GLOSS.sub("", titles.get(source, "")).strip()
        names = {menu_title, title.text.strip() if title and title.text else ""} - {""}
        found[page_url(source)] = Language(
            lang.text.strip(), direction.text.strip() if direction and direction.text else None,
            tuple(sorted(names, key=len, reverse=True)))
    return found


def _target(href: str, here: str, base_path: str) -> str | None:
    """The published path a link leads to ('bn/'), or None for a link within this page or off the site.

    base_path: the site's path on its host ('/' or '/repository/'), which absolute links (on the 404 page) start with.
    """
    href = html.unescape(href)
    if href.startswith("#"):
        return None
    if href.startswith("/") and not href.startswith("//"):
        if not href.startswith(base_path):
            return None
        href = "/" + href[len(base_path):]
    parts = urlsplit(urljoin(_BASE + here, href))
    if parts.scheme + "://" + parts.netloc + "/" != _BASE:
        return None
    return parts.path.lstrip("/").removesuffix("index.html")


def _wrap_names(inner: str, language: Language) -> str:
    """The names in the text (never inside tags) wrapped in a span with the language."""
    if not language.names:
        return inner
    names = re.compile("|".join(re.escape(html.escape(name, quote=False)) for name in language.names))
    pieces = _TAG.split(inner)
    for index in range(0, len(pieces), 2):  # even pieces are text, odd ones are tags
        pieces[index] = names.sub(lambda match: f"<span{language.attributes()}>{match.group(0)}</span>", pieces[index])
    return "".join(pieces)


def mark_languages(page: Page, languages: dict[str, Language], base_path: str = "/") -> None:
    """Asks for lang (and dir) on every link to a translated page; on a translated page itself, its language on
    <html> and its own links, and English on the site's own parts."""
    here = page.path.removesuffix("index.html")
    own = languages.get(here)
    for link in page.find("a"):
        href = link.attributes.get("href")
        inner = page.text[link.end:link.closed_at] if link.closed_at is not None else ""
        if href is None or "lang" in link.attributes or re.search(r"\blang\s*=", inner):
            continue  # already marked, by the page's author
        if own and href.startswith("#") and "md-nav__link" in link.get("class"):
            page.add_attributes(link, own.attributes())  # this page's own headings, in the menu
        elif own and own.direction == "rtl" and href.lower().startswith(("tel:", "sms:")) and "dir" not in link.attributes:
            page.add_attributes(link, ' dir="ltr"')  # right to left, a number's groups would be reversed
        else:
            language = languages.get(_target(href, here, base_path) or "\0")
            if language is None or link.closed_at is None:
                continue
            if " ".join(link.text.split()) in language.names:
                page.add_attributes(link, language.attributes())
            elif (wrapped := _wrap_names(inner, language)) != inner:
                # Material's footer links keep their English aria-label ("Next: …"): at phone widths
                # the footer hides the visible title, so the label is the link's only name there.
                page.replace(link.end, link.closed_at, wrapped)
    if own is None:
        return
    for label in page.find("label"):
        if label.get("for") == "__toc" and label.closed_at is not None:
            inner = page.text[label.end:label.closed_at]
            if "lang=" not in inner and (wrapped := _wrap_names(inner, own)) != inner:
                page.replace(label.end, label.closed_at, wrapped)
    for tag in page.tags:
        if tag.name == "html":
            written = page.text[tag.start:tag.end]
            marked = re.sub(r'\slang="[^"]*"', "", written).replace("<html", "<html" + own.attributes(), 1)
            page.replace(tag.start, tag.end, marked)
        elif "lang" not in tag.attributes and any(tag.name == name and css in tag.get("class").split()
                                                  for name, css in _ENGLISH_PARTS):
            page.add_attributes(tag, ' lang="en"')


def fold_sources(page: Page) -> None:
    """Asks for the list after the page's Sources heading to be put inside <details>."""
    for heading in page.find("h2"):
        # "Sources", or a translated page's heading that ends "(Sources)".
        if heading.closed_at is None or not re.fullmatch(r"(?:.*\()?Sources\)?", " ".join(heading.text.split())):
            continue
        after = page.text.find(">", heading.closed_at) + 1
        start = len(page.text) - len(page.text[after:].lstrip())
        listing = next((tag for tag in page.find("ul") if tag.start == start), None)
        if listing is None or listing.closed_at is None:
            return
        end = listing.closed_at + len("</ul>")
        items = sum(1 for tag in page.find("li") if listing.start < tag.start < listing.closed_at)
        noun = "source" if items == 1 else "sources"
        # The summary is English on every page: the source titles it reveals are English too.
        page.insert(start, f'<details class="sources">\n<summary lang="en">Show the {items} {noun}</summary>\n')
        page.insert(end, "\n</details>")
        return


# -- The policy -------------------------------------------------------------------------------------

# Material's stylesheet draws its icons as data: SVG images (CSS mask-image), which img-src governs.
# Search runs in a same-origin worker that fetches a same-origin index: default-src 'self' covers
# worker-src and connect-src. The search form is only ever handled by script, and form-action
# 'none' stops it submitting as a plain form, which would put the search terms into the URL.
_FIXED_DIRECTIVES = "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'"

# Features no page uses, switched off so nothing embedded could ask for them.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"


@dataclass(frozen=True)
class Policy:
    """A policy that allows our own files plus exactly these inline scripts and styles."""

    script_hashes: tuple[str, ...] = ()
    style_hashes: tuple[str, ...] = ()

    def for_meta(self) -> str:
        """The policy for a page's <meta http-equiv> tag."""
        scripts, styles = (" ".join(["'self'", *hashes]) for hashes in (self.script_hashes, self.style_hashes))
        return f"default-src 'self'; script-src {scripts}; style-src {styles}; {_FIXED_DIRECTIVES}"

    def for_header(self) -> str:
        """The policy for an HTTP header, which may also forbid framing (browsers ignore that in a <meta> policy)."""
        return self.for_meta() + "; frame-ancestors 'none'"


def union(policies: list[Policy]) -> Policy:
    """One policy allowing every inline script and style that any of the pages needs."""
    scripts = sorted({h for policy in policies for h in policy.script_hashes})
    styles = sorted({h for policy in policies for h in policy.style_hashes})
    return Policy(tuple(scripts), tuple(styles))


REFERRER_POLICY = "no-referrer"
HEADERS_FILE = "_headers"
# A year, the longest browsers honour; immutable: not even checked again on reload.
IMMUTABLE = "public, max-age=31536000, immutable"
# Script types a browser runs; any other type (JSON, JSON-LD) is data and needs no hash.
_RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def digest(text: str) -> str:
    """The policy's hash source for a script or style text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def theme_scripts(dirs: list[Path]) -> set[str]:
    """The hash of every inline script written in the theme's templates as plain text (no template code in it)."""
    return {digest(body) for folder in dirs for template in sorted(Path(folder).rglob("*.html"))
            for body in _INLINE_SCRIPT.findall(template.read_text(encoding="utf-8"))
            if "{{" not in body and "{%" not in body}


def page_policy(page: Page, allowed_scripts: set[str]) -> tuple[Policy, list[str]]:
    """The page's policy (its inline scripts and styles by hash), and what in it the policy would block."""
    problems = []
    scripts = [digest(tag.text) for tag in page.find("script")
               if "src" not in tag.attributes and tag.get("type").lower() in _RUNNABLE_TYPES]
    if any(script not in allowed_scripts for script in scripts):
        problems.append("a page must not carry a script of its own: an inline <script> that is not one of the "
                        "theme's is never allowed by the policy; take it out of the page")
    if not any(tag.get("charset").lower() == "utf-8" for tag in page.find("meta")):
        problems.append('a page must declare <meta charset="utf-8">, so the policy can follow it')
    for tag in page.tags:
        for name in tag.attributes:
            if name.startswith("on"):
                problems.append(f"inline event handlers ({name}=) are blocked by the policy: use a script file")
            elif name == "style":
                problems.append("style attributes are blocked by the policy: use a class and the stylesheet")
            elif name in ("href", "src", "action") and tag.get(name).strip().lower().startswith("javascript:"):
                problems.append("javascript: links are blocked by the policy: use a script file")
    styles = [digest(tag.text) for tag in page.find("style")]
    return Policy(tuple(dict.fromkeys(scripts)), tuple(dict.fromkeys(styles))), list(dict.fromkeys(problems))


def secure(page: Page, policy: Policy) -> None:
    """Asks for the policy and referrer tags right after <meta charset>, each on its own line."""
    charset = next(tag for tag in page.find("meta") if tag.get("charset").lower() == "utf-8")
    line_start = page.text.rfind("\n", 0, charset.start) + 1
    indent = page.text[line_start:charset.start] if not page.text[line_start:charset.start].strip() else ""
    page.insert(charset.end, f'\n{indent}<meta http-equiv="Content-Security-Policy" '
                             f'content="{html.escape(policy.for_meta(), quote=False)}">'
                             f'\n{indent}<meta name="referrer" content="{REFERRER_POLICY}">')


def headers(policy: Policy, hashed_files: list[str]) -> str:
    """The text of _headers: one rule for every path on the site, then one for each file named after its content's hash."""
    lines = ["# Written after each build (scripts/sitebuild/postbuild/pages.py); edit that, not this file.", "/*",
             f"  Content-Security-Policy: {policy.for_header()}", f"  Referrer-Policy: {REFERRER_POLICY}",
             "  X-Content-Type-Options: nosniff", f"  Permissions-Policy: {PERMISSIONS_POLICY}"]
    if hashed_files:
        lines.append("# Named after a hash of their content, so they never change: browsers may keep them a year.")
    for path in hashed_files:
        lines += [f"/{path}", f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"
