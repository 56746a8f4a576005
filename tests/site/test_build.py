"""The production build succeeds, produces every page, and never half-replaces a good site."""

from pathlib import Path

import pytest

import build_site

FIXTURE_SITES = Path(__file__).resolve().parent.parent / "fixtures" / "sites"


def test_the_site_builds_with_every_page(built_site: Path) -> None:
    assert (built_site / "index.html").is_file()
    assert (built_site / "404.html").is_file()
    assert (built_site / "get-help" / "index.html").is_file()


@pytest.mark.parametrize("fixture", ["broken-link", "broken-anchor"])
def test_a_broken_site_fails_the_build_and_leaves_the_last_good_site(
    fixture: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("the last good build")

    with pytest.raises(build_site.BuildFailed):
        build_site.build(site_dir, config=FIXTURE_SITES / fixture / "mkdocs.yml")

    assert f"{fixture}.md" in capfd.readouterr().err
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text() == "the last good build"
    assert not list(tmp_path.glob(".site.*")), "no staging folder is left behind"
