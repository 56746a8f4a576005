"""The post-build pass: every built page read once, changed by each step, checked, then written once.

The steps, in order (each asks for edits to the pages it reads; none re-reads a page):
1. pages.mark_languages: lang on links to translated pages, and on a translated page its language
   on <html> and English on the site's own parts;
2. pages.fold_sources: each page's Sources list inside <details>;
3. assets.pack: static files minified, trimmed and named after their content; pages point at the new names;
4. the link check (sitebuild.checks.links): nav, the Markdown's links, and the pages as read, with the new names;
5. pages.secure: the policy and referrer tags in every page, and _headers.
If anything is wrong, nothing is written. To add a step: a function that takes a Page and asks for
edits (sitebuild/postbuild/pages.py), called from finish() below.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from sitebuild.checks import links
from sitebuild.config import SiteConfig, page_output
from sitebuild.postbuild import assets
from sitebuild.postbuild.pages import (HEADERS_FILE, Page, fold_sources, headers, mark_languages, page_policy,
                                       point_at_new_names, read, secure, theme_scripts, translated_pages, union)
from sitebuild.problems import Failed, Problem, shown


def finish(site_dir: Path, config: SiteConfig, theme_dirs: list[Path], shown_site: Path | None = None,
           serving: bool = False) -> None:
    """Finishes the built site in place; raises Failed (writing nothing) with every problem found.

    serving: for `mkdocs serve`, whose pages carry its live-reload script: files keep their readable
    names, no policy is added, and links are not checked (the build does all three).
    """
    shown_site = shown_site or site_dir
    pages = {path.relative_to(site_dir).as_posix(): read(path.relative_to(site_dir).as_posix(),
                                                             path.read_text(encoding="utf-8"))
             for path in sorted(site_dir.rglob("*.html"))}
    if not pages:
        raise Failed([Problem(shown(shown_site), 1, None, "a built site must contain HTML pages; found none")])
    languages = translated_pages(config)
    base_path = urlsplit(config.site_url).path.rstrip("/") + "/"
    for page in pages.values():
        mark_languages(page, languages, base_path)
        fold_sources(page)
    if serving:
        _write(site_dir, pages, {}, [])
        return
    packed = assets.Packed({}, {}, [])
    if config.custom_dir and (config.custom_dir / "assets").is_dir():
        try:
            packed = assets.pack(site_dir, config.custom_dir / "assets",
                                 {name: page.text for name, page in pages.items()}, _stylesheets(pages, site_dir))
        except assets.UnreadableStylesheet as error:
            raise Failed([Problem(shown(shown_site / error.name), error.line, None,
                                  f"a stylesheet must be whole CSS rules, so it can be trimmed; {error.reason}")]) from None
        for page in pages.values():
            point_at_new_names(page, packed.renames)
    problems = links.check_sources(config) + links.check_built(site_dir, config, pages, packed.renames, shown_site)
    allowed = theme_scripts(theme_dirs)
    policies = {}
    for name, page in pages.items():
        policies[name], found = page_policy(page, allowed)
        problems += [_at_source(config, shown_site, page, message) for message in found]
    if problems:
        raise Failed(problems)
    for name, page in pages.items():
        secure(page, policies[name])
    extra = {HEADERS_FILE: headers(union(list(policies.values())), sorted(packed.files)).encode("utf-8")}
    _write(site_dir, pages, {**packed.files, **extra}, packed.removed)


def _stylesheets(pages: dict[str, Page], site_dir: Path) -> list[str]:
    """The site's own stylesheets that pages load."""
    found: dict[str, None] = {}
    for name, page in pages.items():
        for tag in page.find("link"):
            if "stylesheet" in tag.get("rel").split():
                target = assets.resolve(tag.get("href"), name, lambda path: (site_dir / path).is_file())
                if target:
                    found[target] = None
    return list(found)


def _at_source(config: SiteConfig, shown_site: Path, page: Page, message: str) -> Problem:
    """A problem with a built page, at the line of its Markdown that brought it, if it came from one."""
    marker = {"a page must not carry": "<script", "inline event": " on", "style attributes": "style=",
              "javascript:": "javascript:"}
    source = next((config.docs_dir / page_name for page_name in config.pages if page_output(page_name) == page.path), None)
    if source is not None:
        text = next((marker[key] for key in marker if key in message), None)
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            if text and text in line:
                return Problem(shown(source), number, None, message)
    return Problem(shown(shown_site / page.path), 1, None, message)


def put_files(site_dir: Path, files: dict[str, bytes]) -> None:
    """Writes files (by their path in the site) into the built site: the calendars, the packed files."""
    for name, content in files.items():
        (site_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / name).write_bytes(content)


def _write(site_dir: Path, pages: dict[str, Page], files: dict[str, bytes], removed: list[str]) -> None:
    put_files(site_dir, files)
    for name in removed:
        (site_dir / name).unlink(missing_ok=True)
    for name, page in pages.items():
        if page.edits:
            (site_dir / name).write_text(page.edited(), encoding="utf-8")
