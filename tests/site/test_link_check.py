"""A broken link never reaches the public site, whichever builder builds it, and the officer who
wrote it reads one plain message naming the page and line, the same from either builder.

The fixture sites in tests/fixtures/sites/ are tiny example sites with one deliberate mistake each.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import pipeline


EXPECTED = {
    "broken-link": "docs/broken-link.md:3: error: a link must go to a page or file that exists; 'no-such-page.md' does not",
    "broken-anchor": ("docs/broken-anchor.md:3: error: a link to part of a page must name a heading or id it has; "
                      "'index.md' has no '#no-such-heading' (the link is 'index.md#no-such-heading')"),
    "broken-raw-html": ("docs/broken-raw-html.md:5: error: a link must go to a page or file that exists; "
                        "'no-such-page/' does not"),
    "absolute-link": ("docs/absolute-link.md:3: error: a link to a page of this site must be relative, like "
                      "'get-help.md', so it works wherever the site is published; '/' starts with /"),
    "unrecognised-link": ("docs/unrecognised-link.md:3: error: a link to a page of this site must name the page's "
                          "Markdown file, like 'get-help.md'; '../' does not (did you mean 'index.md'?)"),
    "nav-missing-file": ("mkdocs.yml:24: error: every page in nav must be a file in the docs folder; "
                         "'no-such-page.md' is not"),
    "page-not-in-nav": ("docs/page-not-in-nav.md:1: error: every page must be listed in nav in mkdocs.yml, so "
                        "visitors can find it; 'page-not-in-nav.md' is not: add this line to nav in mkdocs.yml: "
                        "`  - Page not in nav: page-not-in-nav.md`"),
}


@pytest.fixture()
def broken_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fixture_site):
    """Copies a fixture site into its own folder and works from there, as an officer's checkout would."""

    def copy(name: str) -> Path:
        site = fixture_site(name, tmp_path).parent
        monkeypatch.chdir(site)
        previous = site / "site"
        previous.mkdir()
        (previous / "index.html").write_text("the last good build")
        return site

    return copy


def _assert_left_as_it_was(site: Path) -> None:
    assert [path.name for path in (site / "site").iterdir()] == ["index.html"]
    assert (site / "site" / "index.html").read_text() == "the last good build"
    leftovers = [path.name for path in site.iterdir() if path.name.startswith((".site.", ".zensical-"))]
    assert not leftovers, "no staging folder or build config is left behind"


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_a_broken_link_stops_the_build_with_one_plain_message(
    fixture: str, broken_site, capfd: pytest.CaptureFixture[str]
) -> None:
    site = broken_site(fixture)
    with pytest.raises(pipeline.BuildFailed):
        pipeline.build(site / "mkdocs.yml", site / "site")
    errors = capfd.readouterr().err.splitlines()
    assert EXPECTED[fixture] in errors
    assert "1 error" in errors
    _assert_left_as_it_was(site)


def test_on_github_the_message_is_shown_beside_the_line(broken_site, capfd: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    site = broken_site("broken-link")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    with pytest.raises(pipeline.BuildFailed):
        pipeline.build(site / "mkdocs.yml", site / "site")
    assert ("::error file=docs/broken-link.md,line=3::a link must go to a page or file "
            "that exists; 'no-such-page.md' does not") in capfd.readouterr().err.splitlines()
