"""The site's mkdocs.yml read as plain data, for the steps that run without MkDocs.

Which pages exist and where each is published, which are in nav (with the line of each entry),
the hooks, and the site's address. Zensical reads the same file, so nothing here depends on the
builder; MkDocs' own config classes are not used.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pathspec
import yaml

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


@dataclass(frozen=True)
class NavEntry:
    """One page named in nav: its target as written, and the line of mkdocs.yml it is on."""

    target: str
    line: int


@dataclass(frozen=True)
class SiteConfig:
    """What the build steps need from mkdocs.yml."""

    path: Path
    docs_dir: Path
    site_url: str
    nav: tuple[NavEntry, ...] | None
    hooks: tuple[str, ...]
    exclude_docs: str
    not_in_nav: str
    # theme.custom_dir: the theme overrides, whose assets/ are the site's own static files.
    custom_dir: Path | None = None
    # nav as written, titles and all (the language marking reads each page's menu title from it).
    nav_tree: Any = None
    extra: dict[str, Any] = field(default_factory=dict)  # the site's own settings, under extra:

    @property
    def root(self) -> Path:
        return self.path.parent

    @property
    def url_path(self) -> str:
        """The path the site is published under, such as / or /repository-name/."""
        path = urlsplit(self.site_url).path or "/"
        return path if path.endswith("/") else path + "/"

    def pages(self) -> list[str]:
        """Every Markdown page the builders publish, as paths inside docs/, in a stable order."""
        excluded = _spec(self.exclude_docs)
        pages = []
        for path in sorted(self.docs_dir.rglob("*.md")):
            relative = path.relative_to(self.docs_dir).as_posix()
            # Both builders leave out dot-files and folders, and whatever exclude_docs names.
            if any(part.startswith(".") for part in relative.split("/")) or excluded.match_file(relative):
                continue
            pages.append(relative)
        return pages

    def excluded(self, relative: str) -> bool:
        """Whether exclude_docs keeps this file (a path inside docs/) out of the site."""
        return _spec(self.exclude_docs).match_file(relative)

    def allowed_outside_nav(self, relative: str) -> bool:
        """Whether not_in_nav lets this page stay out of nav."""
        return _spec(self.not_in_nav).match_file(relative)


def page_output(page: str) -> str:
    """Where a page (a path inside docs/) is written in the built site: get-help.md -> get-help/index.html."""
    stem, _ = posixpath.splitext(page)
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return posixpath.join(folder, "index.html")
    return posixpath.join(stem, "index.html")


def load(path: Path) -> SiteConfig:
    """Reads mkdocs.yml: !ENV values from the environment, as MkDocs and Zensical do."""
    path = Path(path).resolve()
    text = path.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_Loader) or {}
    nav_node = _mapping_value(yaml.compose(text, Loader=_Loader), "nav")
    return SiteConfig(
        path=path,
        docs_dir=(path.parent / (data.get("docs_dir") or "docs")).resolve(),
        site_url=data.get("site_url") or DEFAULT_SITE_URL,
        nav=tuple(_nav_entries(nav_node)) if nav_node is not None else None,
        hooks=tuple(data.get("hooks") or ()),
        exclude_docs=data.get("exclude_docs") or "",
        not_in_nav=data.get("not_in_nav") or "",
        custom_dir=_custom_dir(path.parent, data.get("theme")),
        nav_tree=data.get("nav"),
        extra=data.get("extra") or {},
    )


def _custom_dir(root: Path, theme: object) -> Path | None:
    if isinstance(theme, dict) and theme.get("custom_dir"):
        return (root / str(theme["custom_dir"])).resolve()
    return None


class _Loader(yaml.SafeLoader):
    """Safe YAML, plus MkDocs' !ENV tag; Python-object tags (used by some extensions) read as nothing."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        values = [loader.construct_object(child) for child in node.value]
        names, default = values[:-1], values[-1]
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!!python/", lambda loader, suffix, node: None)


def _mapping_value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if getattr(name, "value", None) == key), None)


def _nav_entries(node: yaml.Node):
    """Every page target in nav (a scalar that is not a section title), with its 1-based line."""
    if isinstance(node, yaml.ScalarNode):
        yield NavEntry(str(node.value), node.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _nav_entries(child)
    elif isinstance(node, yaml.MappingNode):
        for _title, value in node.value:
            yield from _nav_entries(value)


def _spec(patterns: str) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns.splitlines())
