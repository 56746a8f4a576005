"""Builds the two sites to compare: ours, and the same docs/ under a plain Material configuration."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.utils.yaml import yaml_load

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "mkdocs.yml"
SITE_COMMAND = REPO / "scripts" / "website.py"

# What the baseline keeps from our mkdocs.yml: which pages exist and how their Markdown renders.
# Everything about the theme (overrides, features, palette, fonts), hooks and plugins stays at Material's defaults.
CONTENT_KEYS = (
    "site_name", "site_url", "site_description", "docs_dir", "nav", "use_directory_urls",
    "exclude_docs", "draft_docs", "not_in_nav", "markdown_extensions",
)


class SiteBuildFailed(Exception):
    """One of the two builds failed; the builder's own messages are printed before this one."""


def _env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def our_build_command(site_dir: Path, builder: str = "mkdocs") -> list[str]:
    """The full build (events, security and link check included), as a preview for 127.0.0.1 like the baseline's."""
    return [sys.executable, str(SITE_COMMAND), "build", "--preview", "--site-dir", str(site_dir), "--builder", builder]


def baseline_build_command(config: Path, site_dir: Path) -> list[str]:
    """A plain `mkdocs build` of the baseline configuration."""
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config), "--site-dir", str(site_dir)]


def baseline_config(our_config: dict) -> dict:
    """Our content settings under an untouched Material theme: default fonts, features, palette; no hooks."""
    config = {key: our_config[key] for key in CONTENT_KEYS if key in our_config}
    config["docs_dir"] = str((CONFIG.parent / our_config.get("docs_dir", "docs")).resolve())
    config["theme"] = {"name": "material"}
    return config


def write_baseline_config(folder: Path) -> Path:
    """Writes the baseline mkdocs.yml into folder and returns its path."""
    with CONFIG.open(encoding="utf-8") as file:
        ours = yaml_load(file)
    path = folder / "mkdocs.baseline.yml"
    path.write_text(yaml.safe_dump(baseline_config(ours), sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def run_build(command: list[str]) -> None:
    """Runs one build from the repository folder (snippets resolve paths from there)."""
    result = subprocess.run(command, cwd=REPO, env=_env(), capture_output=True, text=True)
    if result.returncode != 0:
        # The builder's own messages say what went wrong; the figures would mean nothing without them.
        print(result.stdout + result.stderr, file=sys.stderr)
        raise SiteBuildFailed(f"this build failed, so nothing was measured: {' '.join(command)}")


def page_paths(site_dir: Path) -> list[str]:
    """Every page the site publishes, as paths from its sitemap relative to the home page, home first."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ElementTree.parse(site_dir / "sitemap.xml")
    paths = [urlsplit(loc.text.strip()).path for loc in tree.iterfind("s:url/s:loc", namespace)]
    # The home page has the shortest path: site_url's own path, which may be /repository-name/ on a host.
    root = min(paths, key=len, default="/")
    return sorted({path.removeprefix(root) for path in paths}, key=lambda path: (path != "", path))
