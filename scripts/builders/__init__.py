"""The two builders the site can be built with, each behind the same small interface.

MkDocs (with Material for MkDocs) is the production default; Zensical, Material's successor,
builds the same mkdocs.yml and overrides/ (README.md says what still differs). Each runs in
strict mode, builds into the folder it is given, and prints its own link warnings in the link
check's words (scripts/links/problems.py). A builder that runs the hooks itself (RUNS_HOOKS, MkDocs)
is started with start() and waited for with finish(), so scripts/build_site.py can work while it
builds; one that does not (Zensical) has build(), run between the plain scripts of the hooks.
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
