"""Secures every page of a built site, all or nothing, and writes the _headers file for hosts that use it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from atomic_files import write_if_changed
from security.headers import render_headers
from security.pages import read_page, secure_page
from security.policy import union

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


def secure_site(site_dir: Path) -> SecuredSite:
    """Adds the policy to every HTML page under site_dir; safe to run again on the same site."""
    site_dir = Path(site_dir)
    paths = sorted(site_dir.rglob("*.html"))
    texts = {path: path.read_text(encoding="utf-8") for path in paths}
    pages = {path: read_page(text) for path, text in texts.items()}

    problems = [
        f"{path.relative_to(site_dir).as_posix()}: {problem}"
        for path, page in pages.items()
        for problem in page.problems
    ]
    if not paths:
        problems.append(f"{site_dir}: a built site must contain HTML pages; found none")
    if problems:
        raise SecurityCheckFailed(problems)

    outputs = {path: secure_page(texts[path], page.policy) for path, page in pages.items()}
    site_policy = union([page.policy for page in pages.values()])
    outputs[site_dir / HEADERS_FILE] = render_headers(site_policy)

    changed = sum(write_if_changed(path, text.encode("utf-8")) for path, text in outputs.items())
    return SecuredSite(len(paths), len(site_policy.script_hashes), changed)
