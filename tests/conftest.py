"""Fixtures shared by every test: the repository's paths and one built copy of the site."""

from __future__ import annotations

import os
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
