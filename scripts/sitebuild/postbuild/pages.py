"""Marks the language of every link to a translated page, and folds each page's Sources list.

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

Both work on the built pages, so any builder's output gets them, without copying Material's menu
and footer templates.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from sitebuild.checks.page import load_page
from sitebuild.checks.translation import is_translation
from sitebuild.config import page_url
from sitebuild.postbuild.html import Page

_TAG = re.compile(r"(<[^>]+>)")
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


def _nav_titles(nav: Any, titles: dict[str, str]) -> dict[str, str]:
    """Each page's menu title from mkdocs.yml's nav, by source path."""
    for item in nav if isinstance(nav, list) else []:
        if isinstance(item, dict):
            for title, target in item.items():
                if isinstance(target, str):
                    titles[target] = str(title)
                else:
                    _nav_titles(target, titles)
    return titles


def translated_pages(docs_dir: Path, pages: list[str], nav: Any) -> dict[str, Language]:
    """Every translated page by its published path ('bn/'), with the names it is linked by."""
    titles = _nav_titles(nav, {})
    found: dict[str, Language] = {}
    for source in pages:
        page = load_page(docs_dir / source)
        lang = page.fields.get("lang")
        if not lang or not lang.text or not is_translation(page):
            continue
        names = []
        if source in titles:
            names.append(_GLOSS.sub("", titles[source]).strip())
        title = page.fields.get("title")
        if title and title.text:
            names.append(title.text.strip())
        direction = page.fields.get("dir")
        found[page_url(source)] = Language(
            lang.text.strip(), direction.text.strip() if direction and direction.text else None,
            tuple(sorted({name for name in names if name}, key=len, reverse=True)))
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
    path = parts.path.lstrip("/")
    return path[: -len("index.html")] if path.endswith("index.html") else path


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
    """Asks for lang (and dir) on every link to a translated page, and on a translated page's own links."""
    here = page.path[: -len("index.html")] if page.path.endswith("index.html") else page.path
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
    if own:
        for label in page.find("label"):
            if label.get("for") == "__toc" and label.closed_at is not None:
                inner = page.text[label.end:label.closed_at]
                if "lang=" not in inner and (wrapped := _wrap_names(inner, own)) != inner:
                    page.replace(label.end, label.closed_at, wrapped)


# The site's own parts of a page, in English on every page: the header and its search, the menus,
# the footer, the skip and exit links, the review date, the emergency line (when it is English).
_ENGLISH_PARTS = {("header", "md-header"), ("div", "md-sidebar"), ("footer", "md-footer"), ("nav", "quick-exit"),
                  ("a", "md-skip"), ("p", "page-reviewed"), ("aside", "emergency"), ("div", "quick-exit__overlay")}


def mark_page_language(page: Page, languages: dict[str, Language]) -> None:
    """On a translated page, <html> gets its language (and direction), and the site's own English parts say they are English."""
    here = page.path[: -len("index.html")] if page.path.endswith("index.html") else page.path
    own = languages.get(here)
    if own is None:
        return
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
        start = after + len(page.text[after:]) - len(page.text[after:].lstrip())
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
