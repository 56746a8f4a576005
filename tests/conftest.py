"""Fixtures shared by every test: the repository's paths and one built copy of the site."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sitebuild import pipeline
from sitebuild.config import PREVIEW_URL

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# Fixtures that hand a test the real site. A test that uses one checks the real content, so it must
# hold for any correct content; tests/test_officer_pull_request.py runs them all on changed content.
REAL_SITE_FIXTURES = {"built_site", "pages", "site_url", "page_paths", "real_events"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks every test that reads the real site as real_content (others mark themselves)."""
    for item in items:
        if REAL_SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.real_content)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with the production build script.

    SITE_BUILDER=zensical builds it with Zensical instead of MkDocs, so every test of the built
    site, the browser tests included, checks that build.
    """
    site_dir = tmp_path_factory.mktemp("built") / "site"
    pipeline.build(REPO / "mkdocs.yml", site_dir, builder=os.environ.get("SITE_BUILDER") or "mkdocs")
    return site_dir


@pytest.fixture(scope="session")
def build_with() -> Callable[..., None]:
    """Builds a site (mkdocs.yml, site folder) with these environment variables set for the build only,
    such as EVENTS_TODAY and EVENTS_DATA; raises pipeline.BuildFailed as the build does."""

    def build(config: Path, site_dir: Path, builder: str = "mkdocs", site_url: str = PREVIEW_URL, **env: str) -> None:
        saved = {name: os.environ.get(name) for name in env}
        os.environ.update(env)
        try:
            pipeline.build(config, site_dir, builder=builder, site_url=site_url)
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value

    return build


@pytest.fixture(scope="session")
def site_copy(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Makes a copy of the site's sources (no generated files).

    To build a copy from other events, pass EVENTS_DATA (and EVENTS_TODAY) to the build: an events
    file outside data/ may use the example's placeholder values, as the test fixtures do.
    """

    def make(name: str) -> Path:
        copy = tmp_path_factory.mktemp(name)
        generated = shutil.ignore_patterns("__pycache__")
        for folder in ("docs", "overrides", "scripts", "data"):
            shutil.copytree(REPO / folder, copy / folder, ignore=generated)
        shutil.copy(REPO / "mkdocs.yml", copy / "mkdocs.yml")
        return copy

    return make


THEME_PAGES = FIXTURES / "theme-pages"


def _with_theme_pages(config: str, docs: Path) -> str:
    """Adds the stand-in pages the theme's templates link to, and lists them at the end of nav."""
    added = []
    for page in sorted(THEME_PAGES.glob("*.md")):
        if not (docs / page.name).exists():
            shutil.copy(page, docs / page.name)
            added.append(page.name)
    lines = "".join(f"  - {name}\n" for name in added)
    return re.sub(r"(?m)^(nav:\n(?:  .*\n)+)", lambda match: match.group(1) + lines, config, count=1)


@pytest.fixture(scope="session")
def fixture_site():
    """Copies a fixture site from tests/fixtures/sites/ into a folder, its theme and hooks pointing here.

    Returns the copy's mkdocs.yml; the fixture's ../../../../ paths are made to lead to this repository,
    and its data/facts.yml is the made-up register in tests/fixtures/facts/ unless it brings its own.
    """
    repo = REPO

    def copy(name: str, folder: Path) -> Path:
        target = folder / name
        shutil.copytree(repo / "tests" / "fixtures" / "sites" / name, target,
                        ignore=shutil.ignore_patterns(".generated", "site"))
        register = target / "data" / "facts.yml"
        if not register.exists():
            register.parent.mkdir(exist_ok=True)
            shutil.copy(repo / "tests" / "fixtures" / "facts" / "register.yml", register)
        config = target / "mkdocs.yml"
        text = config.read_text().replace("../../../../", f"{repo.as_posix()}/")
        if "custom_dir:" in text:
            text = _with_theme_pages(text, target / "docs")
        config.write_text(text)
        return config

    return copy
