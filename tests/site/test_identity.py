"""Who runs the site, said once in mkdocs.yml (extra.identity): a build for publication refuses to go ahead
without the organisation and the data controller, naming the setting and what to put in it; a preview says
it is not for publication; and once set, the about page, the privacy notice, the accessibility statement
and the footer say it. Made-up values on the tests' example site (tests/fixtures/sites/contact)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild import pipeline

from .conftest import read_page

PUBLISHED_AT = "https://www.example.org/"
IDENTITY = """\
  identity:
    organisation: Example Organisation For Tests
    controller: The Example Controller For Tests
    data_protection_officer: the Example Data Protection Officer, 1 Example Road, London E1 0AA
    privacy_notice: https://www.example.org/privacy-notice
    contact:
      email: feedback@example.org
    rights_holder: Example Organisation For Tests
    genuine_page: https://www.example.org/our-websites
"""
PAGE = """---
title: Example page that says who runs the site
description: A made-up page for the tests.
last_reviewed: 2026-11-01
review_interval: 6 months
---

# Example page that says who runs the site

--8<-- "facts/run-by.md"

--8<-- "facts/controller.md"

## Sources

- [Example source](https://www.example.org/example-about)
"""


def _site(fixture_site, folder: Path, identity: str | None = None) -> Path:
    config = fixture_site("contact", folder)
    (config.parent / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    if identity is not None:
        config.write_text(config.read_text().replace("  identity:\n    contact: {}\n", identity))
    return config


def test_a_build_for_publication_without_who_runs_the_site_fails_naming_each_setting(
        fixture_site, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    config = _site(fixture_site, tmp_path, "  identity:\n    organisation:\n    controller:\n")
    with pytest.raises(pipeline.BuildFailed):
        pipeline.build(config, tmp_path / "site", site_url=PUBLISHED_AT)
    errors = [line.replace(str(config), "mkdocs.yml") for line in capfd.readouterr().err.splitlines()]
    assert errors[1:] == [
        "mkdocs.yml:23:5: error: a website for publication must say who runs it: set extra.identity.organisation in "
        "mkdocs.yml to the organisation legally responsible for this website, as it names itself, like Metropolitan "
        "Police Service (a preview, scripts/build.sh --preview, builds without it)",
        "mkdocs.yml:24:5: error: a website for publication must say who runs it: set extra.identity.controller in "
        "mkdocs.yml to the data controller for this website, as the organisation's own privacy notice names it (a "
        "preview, scripts/build.sh --preview, builds without it)",
        "2 errors",
    ]
    assert not (tmp_path / "site").exists()


def test_a_preview_without_it_builds_and_says_it_is_not_for_publication(fixture_site, tmp_path: Path) -> None:
    config = _site(fixture_site, tmp_path)
    pipeline.build(config, tmp_path / "site")
    text = read_page(tmp_path / "site" / "index.html").text
    assert "Preview, not for publication: it does not say who runs it yet." in text
    assert ("This website does not yet say which organisation is legally responsible for it. Until it does, it is a "
            "preview, not for publication.") in text
    assert "This website does not yet name its data controller" in text
    assert "©" not in text


def test_once_set_the_pages_and_the_footer_say_who_runs_the_site(fixture_site, tmp_path: Path) -> None:
    config = _site(fixture_site, tmp_path, IDENTITY)
    pipeline.build(config, tmp_path / "site", site_url=PUBLISHED_AT)
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    text = read_page(tmp_path / "site" / "index.html").text
    assert "not for publication" not in text
    assert "This website is run by Example Organisation For Tests." in text
    assert "To check that this website is genuine, see its page on example.org" in text  # a link, then ", which links here."
    assert "The data controller for this website is The Example Controller For Tests." in text
    assert ("write to the Example Data Protection Officer, 1 Example Road, London E1 0AA."
            in text)
    assert "the privacy notice of Example Organisation For Tests" in text
    footer = re.search(r'<div class="md-copyright">.*?</div>\s*</div>', html, re.DOTALL).group(0)
    assert "© Example Organisation For Tests" in footer
    assert '<a href="https://www.example.org/our-websites">Check this website is genuine</a>' in footer
