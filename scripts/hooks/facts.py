"""MkDocs hook: regenerates the parts made from data/facts.yml and the contact setting before every build.

It only calls scripts/facts (the same code as scripts/build_facts.py), so builders that ignore
MkDocs hooks can run that script first and get identical output. The register and the generated
folder are found beside the mkdocs.yml being built, so a test site can bring its own.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError

# scripts/ first, so `facts` is the package there and not this file (MkDocs puts hooks/ on the path).
SCRIPTS = str(Path(__file__).resolve().parent.parent)
sys.path.insert(0, SCRIPTS)

from step_cache import StepRecord  # noqa: E402


def on_pre_build(config) -> None:
    """Writes docs/generated/, or stops the build with every problem in data/facts.yml and mkdocs.yml."""
    config_file = Path(config.config_file_path)
    data, docs = config_file.parent / "data" / "facts.yml", Path(config["docs_dir"])
    # What the parts are made from: the register, mkdocs.yml, and which pages exist (a part links
    # the complaints page only when there is one).
    pages = sorted(str(page.relative_to(docs)) for page in docs.rglob("*.md") if "generated" not in page.parts)
    record = StepRecord("facts", config_file.parent, [(docs / "generated", "*")])
    key = record.key([data, config_file], [str(date.today()), *pages])
    if record.unchanged(key):
        return
    # Loaded only when the step runs (jsonschema alone takes about 30 ms to load). MkDocs takes
    # scripts/ off the path once hooks are loaded, and these modules import others from there.
    if SCRIPTS not in sys.path:
        sys.path.insert(0, SCRIPTS)
    from facts.build import build_facts
    from facts.problems import FactsError

    try:
        build_facts(data, config_file)
    except FactsError as error:
        raise PluginError("the phone numbers page and contact texts were not updated, because of these problems:\n"
                          + error.report(github=os.environ.get("GITHUB_ACTIONS") == "true")) from None
    record.save(key)
