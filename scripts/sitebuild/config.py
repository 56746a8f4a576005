"""The site's mkdocs.yml, read once, with the line of every setting, for the steps and checks; and the
site's way of writing what it generates: dates the GOV.UK way, and the templates generated parts come from.

Which pages exist and where each is published, nav (with the line of each entry), the site's
address and its own settings under extra:. MkDocs reads the file again for itself when it builds;
Zensical reads it too, so nothing here depends on the builder.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date, time
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import pathspec

from sitebuild.problems import shown
from sitebuild.yamlfile import Document, read

PREVIEW_URL = "http://127.0.0.1:8000/"
# Where generated page parts go, beside mkdocs.yml and out of docs/: pages include them by name.
GENERATED = ".generated"


@dataclass(frozen=True)
class NavEntry:
    """One page named in nav: its target as written, and the line of mkdocs.yml it is on."""

    target: str
    line: int


@dataclass(frozen=True)
class SiteConfig:
    """mkdocs.yml as data, with positions."""

    path: Path
    document: Document

    @property
    def root(self) -> Path:
        return self.path.parent

    @property
    def data(self) -> dict[str, Any]:
        return self.document.data if isinstance(self.document.data, dict) else {}

    @property
    def extra(self) -> dict[str, Any]:
        extra = self.data.get("extra")
        return extra if isinstance(extra, dict) else {}

    @property
    def docs_dir(self) -> Path:
        return (self.root / (self.data.get("docs_dir") or "docs")).resolve()

    @property
    def generated(self) -> Path:
        """The folder of generated page parts."""
        return self.root / GENERATED

    @property
    def site_url(self) -> str:
        return self.data.get("site_url") or PREVIEW_URL

    @property
    def url_path(self) -> str:
        """The path the site is published under, such as / or /repository-name/."""
        path = urlsplit(self.site_url).path or "/"
        return path if path.endswith("/") else path + "/"

    @property
    def custom_dir(self) -> Path | None:
        """theme.custom_dir: the theme overrides, whose assets/ are the site's own static files."""
        theme = self.data.get("theme")
        folder = theme.get("custom_dir") if isinstance(theme, dict) else None
        return (self.root / folder).resolve() if isinstance(folder, str) and folder else None

    @property
    def nav_titles(self) -> dict[str, str]:
        """Each page's menu title in nav, by the page it names."""
        return {target: str(path[-1]) for path, target in _nav_targets(self.data.get("nav"), ()) if isinstance(path[-1], str)}

    @cached_property
    def nav(self) -> tuple[NavEntry, ...] | None:
        """Every page target in nav, with its line; None when there is no nav."""
        if "nav" not in self.data:
            return None
        return tuple(NavEntry(target, self.document.position(path)[0])
                     for path, target in _nav_targets(self.data["nav"], ("nav",)))

    @cached_property
    def pages(self) -> list[str]:
        """Every Markdown page the builders publish, as paths inside docs/, in a stable order."""
        found = [path.relative_to(self.docs_dir).as_posix() for path in sorted(self.docs_dir.rglob("*.md"))]
        # Both builders leave out pages in hidden folders, and hidden pages.
        return [page for page in found if not any(part.startswith(".") for part in page.split("/"))]

    def allowed_outside_nav(self, page: str) -> bool:
        """Whether not_in_nav lets this page stay out of nav."""
        return pathspec.GitIgnoreSpec.from_lines(str(self.data.get("not_in_nav") or "").splitlines()).match_file(page)


def load(path: Path) -> SiteConfig:
    """Reads mkdocs.yml (!ENV values from the environment, as MkDocs does); raises Failed if it cannot be read."""
    path = Path(path).resolve()
    return SiteConfig(path, read(path, shown(path), "mkdocs.yml", env_tag=True))


def page_output(page: str) -> str:
    """Where a page (a path inside docs/) is written in the built site: get-help.md -> get-help/index.html."""
    stem, _ = posixpath.splitext(page)
    folder, name = posixpath.split(stem)
    return posixpath.join(folder if name in ("index", "README") else stem, "index.html")


def page_url(page: str) -> str:
    """Where a page is published, from the site's root: 'bn.md' at 'bn/', 'index.md' at ''."""
    return page_output(page).removesuffix("index.html")


def _nav_targets(node: Any, path: tuple):
    """Every page target in nav (a value that is not a section), with its path in the file."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _nav_targets(item, path + (index,))
    elif isinstance(node, dict):
        for title, value in node.items():
            yield from _nav_targets(value, path + (title,))


# -- How generated text is written ------------------------------------------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def day_month_year(day: date) -> str:
    """Like 25 November 2026, whatever the machine's locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_day_month_year(day: date) -> str:
    """Like Sunday 14 March 2027."""
    return f"{WEEKDAYS[day.weekday()]} {day_month_year(day)}"


def clock(moment: time) -> str:
    """Like 6:30pm, 6pm, midday or midnight, the GOV.UK way."""
    if (moment.hour, moment.minute) == (12, 0):
        return "midday"
    if (moment.hour, moment.minute) == (0, 0):
        return "midnight"
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{moment.hour % 12 or 12}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def templates(folder: Path, **settings: Any) -> jinja2.Environment:
    """Templates from a folder: an undefined name fails loudly, and block tags leave no stray lines."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, **settings)
