"""The site's one MkDocs hook: runs the build's steps (sitebuild.pipeline, which lists them) inside
`mkdocs build` and `mkdocs serve`: generate() before the build, the calendar files and finish() after it.

Any problem stops the build with every message, and the site is left as it was; except while
serving, where a mistake in data/ must not stop the preview: the pages keep the parts that last
worked, and each shows the messages, so the browser says what to fix and reloads once it is fixed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# MkDocs loads hooks by path: make scripts/ importable.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitebuild import config as site_config  # noqa: E402
from sitebuild.pipeline import generate  # noqa: E402
from sitebuild.postbuild import finish, put_files  # noqa: E402
from sitebuild.problems import Failed, report  # noqa: E402

_state: dict = {"serving": False, "files": {}, "problems": []}


def on_startup(command: str, dirty: bool) -> None:
    """Remembers whether this is `mkdocs serve`."""
    _state["serving"] = command == "serve"


def on_config(config):
    """Points the snippets extension at the generated folder beside this mkdocs.yml."""
    generated = str(Path(config.config_file_path).parent / site_config.GENERATED)
    config.mdx_configs.setdefault("pymdownx.snippets", {})["base_path"] = [generated]
    return config


def on_pre_build(config) -> None:
    """Makes the page parts, or stops the build with every problem in data/ and mkdocs.yml (while serving, shows them)."""
    try:
        _state["files"], problems = generate(site_config.load(Path(config.config_file_path)),
                                             config.site_url or site_config.PREVIEW_URL, serving=_state["serving"])
    except Failed as error:
        raise PluginError("the site's data has problems, so nothing was built:\n" + report(error.problems)) from None
    _state["problems"] = problems
    if any(problem.is_error for problem in problems):
        # A part never made yet is left out of the page, instead of stopping the preview.
        config.mdx_configs.setdefault("pymdownx.snippets", {})["check_paths"] = False
    if problems:
        print(report(problems), file=sys.stderr)


def on_page_context(context: dict, page, config, nav) -> dict:
    """While serving, the data's problems for the box at the top of every page (partials/data-problems.html)."""
    problems = _state["problems"] if _state["serving"] else []
    context["data_problems"] = {"failed": any(problem.is_error for problem in problems),
                                "messages": [problem.as_text() for problem in problems]} if problems else None
    return context


def on_post_build(config) -> None:
    """Puts the calendar files in the site and finishes every page; a problem fails the build."""
    site_dir = Path(config.site_dir)
    put_files(site_dir, _state["files"])
    shown_site = Path(os.environ.get("SITE_DIR_SHOWN") or site_dir)
    try:
        finish(site_dir, site_config.load(Path(config.config_file_path)), [Path(path) for path in config.theme.dirs],
               shown_site=shown_site, serving=_state["serving"])
    except Failed as error:
        raise PluginError("the built site has problems, so it was not put in place:\n" + report(error.problems)) from None
