"""MkDocs hook: regenerates the parts made from data/facts.yml and the contact setting before every build.

It only calls scripts/facts (the same code as scripts/build_facts.py), so builders that ignore
MkDocs hooks can run that script first and get identical output. The register and the generated
folder are found beside the mkdocs.yml being built, so a test site can bring its own.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# scripts/ first, so `facts` is the package there and not this file (MkDocs puts hooks/ on the path).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facts.build import build_facts  # noqa: E402
from facts.problems import FactsError  # noqa: E402


def on_pre_build(config) -> None:
    """Writes docs/generated/, or stops the build with every problem in data/facts.yml and mkdocs.yml."""
    config_file = Path(config.config_file_path)
    try:
        build_facts(config_file.parent / "data" / "facts.yml", config_file)
    except FactsError as error:
        raise PluginError("the phone numbers page and contact texts were not updated, because of these problems:\n"
                          + error.report(github=os.environ.get("GITHUB_ACTIONS") == "true")) from None
