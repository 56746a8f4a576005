"""A broken link or anchor stops the build, and the theme is set up to make no third-party requests.

The fixture sites in tests/fixtures/sites/ are tiny example sites with one deliberate mistake each.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[2]
SITES = REPO / "tests" / "fixtures" / "sites"


def _strict_build(site: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict",
         "--config-file", str(site / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=site, capture_output=True, text=True, timeout=120,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.mark.parametrize(("site", "expected_message"), [
    ("broken-link",
     "Doc file 'broken-link.md' contains a link 'no-such-page.md', "
     "but the target is not found among documentation files."),
    ("broken-anchor",
     "Doc file 'broken-anchor.md' contains a link 'index.md#no-such-heading', "
     "but the doc 'index.md' does not contain an anchor '#no-such-heading'."),
])
def test_a_strict_build_fails_and_names_the_file(site: str, expected_message: str, tmp_path: Path) -> None:
    result = _strict_build(SITES / site, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the {site} example built, but it should have failed:\n{output}"
    assert expected_message in output, output


def _yaml(path: Path) -> dict:
    """The file as plain data; tags such as !ENV are read as their plain values."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


@pytest.mark.parametrize("site", sorted(path.name for path in SITES.iterdir() if (path / "mkdocs.yml").is_file()))
def test_the_example_sites_check_links_like_the_real_site(site: str) -> None:
    assert _yaml(SITES / site / "mkdocs.yml")["validation"] == _yaml(REPO / "mkdocs.yml")["validation"]


@pytest.fixture(scope="module")
def config():
    return load_config(config_file=str(REPO / "mkdocs.yml"))


def test_the_theme_loads_no_web_fonts(config) -> None:
    # With fonts on, Material links every page to Google Fonts.
    assert config.theme["font"] is False


def test_there_is_no_repository_link(config) -> None:
    # With repo_url, Material calls the GitHub API from every visitor's browser.
    assert config.repo_url is None


@pytest.mark.parametrize("feature", ["search.highlight", "search.share"])
def test_search_terms_stay_out_of_page_addresses(config, feature: str) -> None:
    # Both features put search terms into URLs, and so into browser history.
    assert feature not in config.theme["features"]
