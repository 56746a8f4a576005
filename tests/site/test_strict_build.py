"""Plain `mkdocs build`, as a maintainer may run it, runs the same steps: a broken link stops it,
with the same message the site's own build prints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(("site", "expected_message"), [
    ("broken-link", "docs/broken-link.md:3: error: a link must go to a page or file that exists; "
                    "'no-such-page.md' does not"),
    ("broken-anchor", "docs/broken-anchor.md:3: error: a link to part of a page must name a heading or id it has; "
                      "'index.md' has no '#no-such-heading' (the link is 'index.md#no-such-heading')"),
])
def test_mkdocs_build_fails_and_names_the_file_and_line(site: str, expected_message: str, tmp_path: Path,
                                                        fixture_site) -> None:
    config = fixture_site(site, tmp_path)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
                            cwd=config.parent, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the {site} example built, but it should have failed:\n{output}"
    assert expected_message in output.splitlines(), output
