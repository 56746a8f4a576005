"""Fixtures shared by every test: the repository's paths and one built copy of the site."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import build_site

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with the production build script."""
    site_dir = tmp_path_factory.mktemp("built") / "site"
    build_site.build(site_dir)
    return site_dir


@pytest.fixture(scope="session")
def site_copy(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Makes a copy of the site's sources (no generated files), optionally with another events file."""

    def make(name: str, events_file: Path | None = None) -> Path:
        copy = tmp_path_factory.mktemp(name)
        generated = shutil.ignore_patterns("generated", "calendar", "__pycache__")
        for folder in ("docs", "overrides", "scripts", "data"):
            shutil.copytree(REPO / folder, copy / folder, ignore=generated)
        shutil.copy(REPO / "mkdocs.yml", copy / "mkdocs.yml")
        if events_file is not None:
            shutil.copy(events_file, copy / "data" / "events.yml")
        return copy

    return make


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
                        ignore=shutil.ignore_patterns("generated", "site"))
        register = target / "data" / "facts.yml"
        if not register.exists():
            register.parent.mkdir(exist_ok=True)
            shutil.copy(repo / "tests" / "fixtures" / "facts" / "register.yml", register)
        config = target / "mkdocs.yml"
        config.write_text(config.read_text().replace("../../../../", f"{repo.as_posix()}/"))
        return config

    return copy
