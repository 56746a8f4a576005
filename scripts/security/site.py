"""Secures every page of a built site, all or nothing, and writes the _headers file for hosts that use it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assets.names import content_hashed_files
from atomic_files import write_if_changed
from security.headers import render_headers
from security.pages import read_page, secure_page, style_hashes
from security.policy import Policy, union
from security.scripts import UnreadableStyle, injected_styles, script_files, theme_scripts

HEADERS_FILE = "_headers"


class SecurityCheckFailed(Exception):
    """Some pages hold code the policy would block; nothing was written."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class SecuredSite:
    """What was secured: how many pages, and how many distinct inline scripts are allowed."""

    pages: int
    script_hashes: int
    changed_files: int


def secure_site(site_dir: Path, theme_dirs: list[Path] | None = None) -> SecuredSite:
    """Adds the policy to every HTML page under site_dir; safe to run again on the same site.

    theme_dirs: the template folders the pages were built from (the overrides first). Only the
    inline scripts written in them are allowed: a script a page brings is never hashed.
    """
    site_dir = Path(site_dir)
    paths = sorted(site_dir.rglob("*.html"))
    texts = {path: path.read_text(encoding="utf-8") for path in paths}
    pages = {path: read_page(text) for path, text in texts.items()}
    allowed = theme_scripts(theme_dirs)

    problems = [
        f"{path.relative_to(site_dir).as_posix()}: {problem}"
        for path, page in pages.items()
        for problem in page.problems
    ]
    problems += [
        f"{path.relative_to(site_dir).as_posix()}: a page must not carry a script of its own: an inline "
        "<script> that is not one of the theme's is never allowed by the policy; take it out of the page"
        for path, page in pages.items()
        if any(script not in allowed for script in page.policy.script_hashes)
    ]
    # Styles the page's own script files write into it as they run are allowed by hash too.
    script_styles: dict[Path, tuple[str, ...]] = {}
    policies = {}
    for path, page in pages.items():
        extra: list[str] = []
        for script in script_files(texts[path], path.relative_to(site_dir).as_posix(), site_dir):
            if script not in script_styles:
                try:
                    script_styles[script] = style_hashes(injected_styles(script.read_text(encoding="utf-8")))
                except UnreadableStyle as error:
                    script_styles[script] = ()
                    problems.append(f"{script.relative_to(site_dir).as_posix()}: {error}, so the policy cannot allow it")
            extra += script_styles[script]
        policies[path] = Policy(page.policy.script_hashes, tuple(dict.fromkeys(page.policy.style_hashes + tuple(extra))))
    if not paths:
        problems.append(f"{site_dir}: a built site must contain HTML pages; found none")
    if problems:
        raise SecurityCheckFailed(problems)

    outputs = {path: secure_page(texts[path], policies[path]) for path in pages}
    site_policy = union(list(policies.values()))
    outputs[site_dir / HEADERS_FILE] = render_headers(site_policy, content_hashed_files(site_dir))

    changed = sum(write_if_changed(path, text.encode("utf-8")) for path, text in outputs.items())
    return SecuredSite(len(paths), len(site_policy.script_hashes), changed)
