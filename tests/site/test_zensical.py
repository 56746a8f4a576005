"""The weekly smoke build with Zensical, Material for MkDocs' successor (README.md, "The second builder").

Not part of the pull request's tests: the weekly workflow runs it with `pytest -m zensical`. It builds
the real site with Zensical, through the same steps (the link check among them), and every page has
the exit links, the policy and no referrer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import pipeline
from sitebuild.postbuild import pages as html

REPO = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.zensical, pytest.mark.real_content]


def test_zensical_builds_every_page_with_the_exit_and_the_policy(tmp_path: Path) -> None:
    site = tmp_path / "site"
    pipeline.build(REPO / "mkdocs.yml", site, builder="zensical")  # raises BuildFailed on any broken link
    problems = []
    for path in sorted(site.rglob("*.html")):
        page = html.read(path.relative_to(site).as_posix(), path.read_text(encoding="utf-8"))
        metas = {tag.get("http-equiv") or tag.get("name"): tag.get("content") for tag in page.find("meta")}
        exits = [tag for tag in page.find("a") if "data-quick-exit" in tag.attributes]
        if "default-src 'self'" not in (metas.get("Content-Security-Policy") or ""):
            problems.append(f"{page.path}: no Content-Security-Policy")
        if metas.get("referrer") != "no-referrer":
            problems.append(f"{page.path}: no no-referrer")
        if len(exits) < 2:
            problems.append(f"{page.path}: {len(exits)} exit links, not 2")
    assert problems == []
