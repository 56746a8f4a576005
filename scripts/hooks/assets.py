"""MkDocs hook: packs the built site's own static files with the same code as scripts/pack_assets.py."""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by path, so make the scripts/ packages importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assets.css import UnreadableStylesheet  # noqa: E402
from assets.site import pack_site  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    """Remembers whether this is `mkdocs serve`."""
    global _serving
    _serving = command == "serve"


def on_post_build(config) -> None:
    """Minifies, trims and renames; runs before the security hook, which reads the final pages."""
    if _serving or not config.theme.custom_dir:
        return  # while editing, files keep their readable names and contents
    try:
        # Trimmed stylesheets are kept in .build-cache/ beside mkdocs.yml for the next build of the same pages.
        pack_site(Path(config.site_dir), Path(config.theme.custom_dir) / "assets",
                  cache=Path(config.config_file_path).parent / ".build-cache")
    except UnreadableStylesheet as error:
        raise PluginError(f"the static files were not packed: {error}") from None
