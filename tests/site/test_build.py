"""The build succeeds, produces every page, never half-replaces a good site, and knows its address."""

import os
import subprocess
from pathlib import Path

import pytest

import website as site_command
from sitebuild import pipeline


def test_the_site_builds_with_every_page(built_site: Path) -> None:
    assert (built_site / "index.html").is_file()
    assert (built_site / "404.html").is_file()
    assert (built_site / "get-help" / "index.html").is_file()


@pytest.mark.parametrize("fixture", ["broken-link", "broken-anchor"])
def test_a_broken_site_fails_the_build_and_leaves_the_last_good_site(
    fixture: str, tmp_path: Path, capfd: pytest.CaptureFixture[str], fixture_site
) -> None:
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("the last good build")

    config = fixture_site(fixture, tmp_path / "copy")
    with pytest.raises(pipeline.BuildFailed):
        pipeline.build(config, site_dir)

    assert f"{fixture}.md" in capfd.readouterr().err
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text() == "the last good build"
    assert not list(tmp_path.glob(".site.*")), "no staging folder is left behind"


REPO = Path(__file__).resolve().parents[2]
NO_ADDRESS = (
    "error: SITE_URL is not set, so the site does not know the address it will be published at (the sitemap and "
    "the calendar links are made from it). Set SITE_URL to that address, starting with https:// (for GitHub Pages, "
    "the one under the repository's Settings, Pages), or build a preview to look at on this machine with "
    "scripts/build.sh --preview\n"
)
# An address no test reaches (tests use no network), not one kept for examples: those are refused.
PUBLISHED = "https://www.womens-safety-test-site.org.uk/"


def _not_real(address: str) -> str:
    return (f"error: SITE_URL must be the site's real address, but {address!r} is a placeholder or an example "
            "address, which leads nowhere; set SITE_URL to the address the site is published at (for GitHub Pages, "
            "the one under the repository's Settings, Pages)\n")


def test_building_for_publication_without_an_address_fails_saying_how_to_set_it(tmp_path: Path) -> None:
    """From the command line, as a maintainer would: scripts/build.sh with no SITE_URL."""
    env = {name: value for name, value in os.environ.items() if name != "SITE_URL"}
    result = subprocess.run(["bash", "scripts/build.sh", "--site-dir", str(tmp_path / "site")], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert result.stderr.endswith(NO_ADDRESS)
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("address, message", [
    ("", NO_ADDRESS),
    ("http://www.gov.uk/", "error: SITE_URL must be the site's whole address, starting with https://; "
                           "found 'http://www.gov.uk/'\n"),
    ("www.gov.uk", "error: SITE_URL must be the site's whole address, starting with https://; found 'www.gov.uk'\n"),
    ("https://127.0.0.1:8000/", "error: SITE_URL must be the address the site is published at, not this machine's; "
                                "found 'https://127.0.0.1:8000/' (to look at the site here, build with --preview)\n"),
    # The README's placeholder, and names kept for examples and tests (RFC 2606, RFC 6761).
    ("https://the-sites-address/", _not_real("https://the-sites-address/")),
    ("https://www.example.org/", _not_real("https://www.example.org/")),
    ("https://events.example.com/site/", _not_real("https://events.example.com/site/")),
    ("https://safety.example/", _not_real("https://safety.example/")),
    ("https://site.test/", _not_real("https://site.test/")),
    ("https://<owner>.github.io/<repository>/", _not_real("https://<owner>.github.io/<repository>/")),
])
def test_a_publication_address_must_be_a_public_https_one(address: str, message: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", address)
    assert site_command.main(["build", "--site-dir", str(tmp_path / "site")]) == 1
    assert capsys.readouterr().err == message
    assert not (tmp_path / "site").exists()


def with_made_up_identity(copy: Path) -> Path:
    """A copy of the site that says who runs it, with made-up values, as a team publishing it would."""
    config = copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("    organisation:\n", "    organisation: Example Organisation For Tests\n", 1)
    config.write_text(text.replace("    controller:\n", "    controller: The Example Controller For Tests\n", 1), encoding="utf-8")
    return config


def test_a_publication_build_uses_its_address_everywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         site_copy) -> None:
    monkeypatch.setenv("SITE_URL", PUBLISHED)
    config = with_made_up_identity(site_copy("publication"))
    assert site_command.main(["build", "--config", str(config), "--site-dir", str(tmp_path / "site")]) == 0
    site = tmp_path / "site"
    assert f"<loc>{PUBLISHED}</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'href="webcal://www.womens-safety-test-site.org.uk/events/calendar/all-events.ics"' in (
        site / "events" / "index.html").read_text(encoding="utf-8")
    local = [path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()
             and path.suffix in (".html", ".xml", ".ics") and "127.0.0.1" in path.read_text(encoding="utf-8")]
    assert local == []


def test_a_preview_is_built_for_this_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SITE_URL", PUBLISHED)  # a preview is for here, whatever is set
    assert site_command.main(["build", "--preview", "--site-dir", str(tmp_path / "site")]) == 0
    assert "<loc>http://127.0.0.1:8000/</loc>" in (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    site = tmp_path / "site"
    assert capsys.readouterr().out == (f"Built a preview into {site}. To look at it: python3 -m http.server 8000 "
                                       f"--directory {site}, then open http://127.0.0.1:8000/\n")


def test_two_builds_of_the_same_sources_give_the_same_site(tmp_path: Path) -> None:
    """Nothing in a build depends on when or where it ran: the same files, byte for byte."""
    first, second = tmp_path / "first", tmp_path / "second"
    for site in (first, second):
        pipeline.build(REPO / "mkdocs.yml", site)
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    assert [name for name in files if (first / name).read_bytes() != (second / name).read_bytes()] == []
