"""Marks the language of every link to a translated page, in the built site, so screen readers read it right.

A translated page (lang in its front matter, like docs/bn.md) is linked from the menu, the footer's
next and previous links, and other pages, with its name in its own language and script: the menu
title in mkdocs.yml ("বাংলা (Bengali)") or the page's own title. Where a link's text is that name,
the link gets lang (and dir); where the name is part of the text, the name is wrapped in a span
with lang, so "(Bengali)" and "Next" stay English. On the translated page itself, its table of
contents links (its own headings) get its lang too, and on a right-to-left page its phone links get
dir="ltr", so a number's groups of digits keep their order. English link text to a translated page
("Get help in Turkish") is left alone; to mark other text, write {lang=tr} after the link in Markdown.

This runs on the built HTML rather than in Material's menu templates, so it works the same in any
builder (MkDocs runs it through scripts/hooks/languages.py; others run scripts/mark_languages.py
after building) and without copying Material's 200-line menu and footer partials.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from atomic_files import write_if_changed
from content.page import load_page
from content.translation import is_translation

_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL | re.IGNORECASE)
_TOC_LABEL = re.compile(r"""(<label\b[^>]*\bfor=["']__toc["'][^>]*>)(.*?)(</label>)""", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"(<[^>]+>)")
_ATTRIBUTE = re.compile(r"""\b([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
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


def page_url(source: str) -> str:
    """Where MkDocs (and Zensical) publish a page: 'bn.md' at 'bn/', 'index.md' at ''."""
    path = PurePosixPath(source)
    if path.stem == "index":
        parent = path.parent.as_posix()
        return "" if parent == "." else parent + "/"
    return path.with_suffix("").as_posix() + "/"


def _nav_titles(nav: Any, titles: dict[str, str]) -> dict[str, str]:
    """Each page's menu title from mkdocs.yml's nav, by source path."""
    items = nav if isinstance(nav, list) else []
    for item in items:
        if isinstance(item, dict):
            for title, target in item.items():
                if isinstance(target, str):
                    titles[target] = str(title)
                else:
                    _nav_titles(target, titles)
    return titles


def translated_pages(docs_dir: Path, nav: Any) -> dict[str, Language]:
    """Every translated page by its published path ('bn/'), with the names it is linked by."""
    titles = _nav_titles(nav, {})
    found: dict[str, Language] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        source = path.relative_to(docs_dir).as_posix()
        if "generated" in PurePosixPath(source).parts:
            continue
        page = load_page(path)
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


def _text(inner: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", inner)).split())


def _mark_link(attributes: str, inner: str, language: Language) -> tuple[str, str]:
    """The link's attributes and content, with its language marked where its text names the page."""
    text = _text(inner)
    if text in language.names:
        return attributes + language.attributes(), inner
    # Material's footer links keep their English aria-label ("Next: …"): at phone widths the footer
    # hides the visible title, so the label is the link's only name there.
    return attributes, _wrap_names(inner, language)


def mark_page(source: str, here: str, languages: dict[str, Language], base_path: str = "/") -> str:
    """One built page with every link to a translated page marked; here is its published path."""
    own = languages.get(here)
    # The last part of each translated page's path ('bn' for bn/): a link without one of them cannot
    # lead there, and needs no address resolved (most of the time spent). None when one is the home page.
    needles = {key.rstrip("/").rsplit("/", 1)[-1] for key in languages}
    needles = None if "" in needles else tuple(needles)

    def link(match: re.Match[str]) -> str:
        attributes, inner = match.group(1), match.group(2)
        if re.search(r"\blang\s*=", attributes) or re.search(r"\blang\s*=", inner):
            return match.group(0)  # already marked: by the page's author, or by an earlier run
        href = dict((m.group(1), m.group(2) or m.group(3) or "") for m in _ATTRIBUTE.finditer(attributes)).get("href")
        if href is None:
            return match.group(0)
        if own and href.startswith("#") and "md-nav__link" in attributes:
            return f"<a{attributes}{own.attributes()}>{inner}</a>"  # this page's own headings, in the menu
        if own and own.direction == "rtl" and href.lower().startswith(("tel:", "sms:")) and not re.search(r"\bdir\s*=", attributes):
            # Right to left, the groups of '020 7946 0000' would be shown in reverse order.
            return f'<a{attributes} dir="ltr">{inner}</a>'
        if needles is not None and not any(needle in unquote(html.unescape(href)) for needle in needles):
            return match.group(0)
        language = languages.get(_target(href, here, base_path) or "\0")
        if language is None:
            return match.group(0)
        attributes, inner = _mark_link(attributes, inner, language)
        return f"<a{attributes}>{inner}</a>"

    marked = _LINK.sub(link, source)
    if own:
        marked = _TOC_LABEL.sub(
            lambda m: m.group(0) if "lang=" in m.group(2) else m.group(1) + _wrap_names(m.group(2), own) + m.group(3),
            marked)
    return marked


def mark_site(site_dir: Path, docs_dir: Path, nav: Any, site_url: str | None = None) -> list[Path]:
    """Marks every built page; returns the files that changed (none when the site has no translated page)."""
    base_path = urlsplit(site_url or "/").path or "/"
    base_path = base_path if base_path.endswith("/") else base_path + "/"
    languages = translated_pages(docs_dir, nav)
    if not languages:
        return []
    changed = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        here = relative[: -len("index.html")] if relative.endswith("index.html") else relative
        source = path.read_text(encoding="utf-8")
        marked = mark_page(source, here, languages, base_path)
        if marked != source and write_if_changed(path, marked.encode("utf-8")):
            changed.append(path)
    return changed
