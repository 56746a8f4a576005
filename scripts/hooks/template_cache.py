"""MkDocs hook: keeps the theme's compiled templates between builds.

Compiling the theme's Jinja templates is the largest single cost of a build of this site (about a
third of plain `mkdocs build`). Jinja's own bytecode cache keeps each compiled template, keyed by
the template's file and checked against a checksum of its source, so an edited template (ours or a
new theme version's) is always compiled afresh: nothing stale is ever used. The cache lives in
.build-cache/templates/ beside mkdocs.yml (ignored by git), so a fresh clone's first build
compiles everything, as before.

Speed only: a builder that ignores hooks (Zensical) needs nothing in its place.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import jinja2
import mkdocs
from jinja2 import FileSystemBytecodeCache


def on_env(env, config, files):
    """Hands the theme's template environment a cache before its first template loads."""
    # Jinja checks each template's source, not the settings it was compiled with: one folder per
    # Jinja and MkDocs version and per set of those settings, so a change of either starts afresh.
    settings = repr((jinja2.__version__, mkdocs.__version__, sorted(env.extensions), env.autoescape,
                     env.block_start_string, env.variable_start_string, env.comment_start_string,
                     env.line_statement_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                     env.keep_trailing_newline, env.optimized))
    folder = (Path(config.config_file_path).parent / ".build-cache" / "templates"
              / hashlib.sha256(settings.encode()).hexdigest()[:16])
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env  # nowhere to keep them: compile every template, as without this hook
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
