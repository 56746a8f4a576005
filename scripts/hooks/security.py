"""MkDocs hook: secures the built site with the same code as scripts/secure_site.py."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# MkDocs loads hooks by path, so make the scripts/ packages importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from security import SecurityCheckFailed, secure_site  # noqa: E402

log = logging.getLogger("mkdocs.hooks.security")
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    """Remembers whether this is `mkdocs serve`."""
    global _serving
    _serving = command == "serve"


def on_post_build(config) -> None:
    """Adds the policy to every built page; a page the policy would break fails the build."""
    if _serving:
        # `mkdocs serve` injects an inline live-reload script that the policy would block.
        log.info("Content-Security-Policy not added while serving (live reload is an inline script)")
        return
    try:
        secure_site(Path(config.site_dir), [Path(folder) for folder in config.theme.dirs])
    except SecurityCheckFailed as failure:
        raise PluginError("Content-Security-Policy check failed:\n" + str(failure)) from failure
