"""The two builders the site can be built with, each behind the same small interface.

MkDocs (with Material for MkDocs) is the production default; Zensical, Material's successor,
builds the same mkdocs.yml and overrides/ (README.md says what still differs). Each runs in
strict mode, builds into the folder it is given, and prints its own link warnings in the link
check's words (scripts/links/problems.py).
"""

from __future__ import annotations

from builders import mkdocs_build, zensical_build
from builders.output import BuildResult

BUILDERS = {
    "mkdocs": mkdocs_build,
    "zensical": zensical_build,
}
DEFAULT = "mkdocs"

__all__ = ["BUILDERS", "DEFAULT", "BuildResult"]
