"""A broken link never reaches the public site, whichever builder builds it, and the officer who
wrote it reads one plain message naming the page and line, the same from either builder.

The fixture sites in tests/fixtures/sites/ are tiny example sites with one deliberate mistake each.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import build_site

SITES = Path(__file__).resolve().parents[1] / "fixtures" / "sites"
BUILDERS = ["mkdocs", "zensical"]

EXPECTED = {
    "broken-link": "docs/broken-link.md:3: a link must go to a page or file that exists; 'no-such-page.md' does not",
    "broken-anchor": ("docs/broken-anchor.md:3: a link to part of a page must name a heading or id it has; "
                      "'index.md' has no '#no-such-heading' (the link is 'index.md#no-such-heading')"),
    # Neither builder checks links in raw HTML; the link check over the built site does.
    "broken-raw-html": "docs/broken-raw-html.md:5: a link must go to a page or file that exists; 'no-such-page/' does not",
    # The rest are checks that MkDocs makes and Zensical does not; the link check makes them for Zensical.
    "absolute-link": ("docs/absolute-link.md:3: a link to a page of this site must be relative, like 'get-help.md', "
                      "so it works wherever the site is published; '/' starts with /"),
    "unrecognised-link": ("docs/unrecognised-link.md:3: a link to a page of this site must name the page's Markdown "
                          "file, like 'get-help.md'; '../' does not (did you mean 'index.md'?)"),
    "nav-missing-file": "mkdocs.yml:19: every page in nav must be a file in the docs folder; 'no-such-page.md' is not",
    "page-not-in-nav": ("docs/page-not-in-nav.md:1: every page must be listed in nav in mkdocs.yml, so visitors can "
                        "find it; 'page-not-in-nav.md' is not"),
}


@pytest.fixture()
def fixture_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Copies a fixture site into its own folder and works from there, as an officer's checkout would."""

    def copy(name: str) -> Path:
        site = tmp_path / name
        shutil.copytree(SITES / name, site)
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


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_a_broken_link_stops_the_build_with_one_plain_message(
    fixture: str, builder: str, fixture_site, capfd: pytest.CaptureFixture[str]
) -> None:
    site = fixture_site(fixture)
    with pytest.raises(build_site.BuildFailed):
        build_site.build(site / "site", config=site / "mkdocs.yml", builder=builder)
    errors = capfd.readouterr().err.splitlines()
    assert EXPECTED[fixture] in errors
    assert "1 broken link" in errors
    _assert_left_as_it_was(site)


@pytest.mark.parametrize("builder", BUILDERS)
def test_on_github_the_message_is_shown_beside_the_line(
    builder: str, fixture_site, capfd: pytest.CaptureFixture[str]
) -> None:
    site = fixture_site("broken-link")
    with pytest.raises(build_site.BuildFailed):
        build_site.build(site / "site", config=site / "mkdocs.yml", builder=builder,
                         extra_env={"GITHUB_ACTIONS": "true"})
    assert ("::error file=docs/broken-link.md,line=3,title=Link check::a link must go to a page or file "
            "that exists; 'no-such-page.md' does not") in capfd.readouterr().err.splitlines()


def test_a_hook_without_a_plain_script_stops_a_build_that_ignores_hooks(fixture_site) -> None:
    """Zensical ignores hooks: a hook it would silently skip stops the build instead."""
    site = fixture_site("broken-link")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text() + "hooks:\n  - scripts/hooks/example.py\n")
    with pytest.raises(build_site.BuildFailed, match="lists the hook scripts/hooks/example.py, which has no plain "
                                                      "script for builders that ignore hooks"):
        build_site.build(site / "site", config=config, builder="zensical")
    _assert_left_as_it_was(site)


def test_every_hook_of_the_site_has_a_plain_script() -> None:
    import site_config

    hooks = site_config.load(build_site.CONFIG).hooks
    assert hooks and set(hooks) <= set(build_site.HOOK_SCRIPTS)
    for step in build_site.HOOK_SCRIPTS.values():
        assert step is None or (build_site.REPO / step.script).is_file()

