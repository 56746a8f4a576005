"""Packing static files: trimmed stylesheets, minified scripts, names with their content's hash, every reference updated (fixture files)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assets.css import UnreadableStylesheet, parse
from assets.names import carries_its_hash, content_hashed_files, hashed_name
from assets.purge import may_match, purge, words_in
from assets.references import rewrite
from assets.site import pack_site
from security.headers import IMMUTABLE


@pytest.mark.parametrize("selector, kept", [
    (".example-card", True),
    (".example-card .example-missing", False),
    ("#example-id > p", True),
    ("#missing-id", False),
    ("p:not(.example-missing)", True),  # arguments of :not() and the like are never required
    (".example-card:is(.example-missing, .other)", True),
    ("[data-example=shown]", True),
    ("[data-example=missing-value]", False),
    ("[data-missing-attribute]", False),
    ('a[href^="tel:"]', True),  # only = compares a whole value
    ("html", True),
    (".esc\\:aped", True),  # spelt differently in a page, so always kept
])
def test_a_selector_is_kept_only_when_the_site_has_everything_it_names(selector: str, kept: bool) -> None:
    words = words_in(['<div class="example-card" id="example-id" data-example="shown" data-href>', "href"])
    assert may_match(selector, words) is kept


def test_rules_and_custom_properties_nothing_uses_are_dropped() -> None:
    css = (
        ':root{--used:red;--chained:var(--used);--unused:url("data:image/svg+xml;charset=utf-8,<svg>{}</svg>")}'
        ".example-card{color:var(--chained)}"
        ".example-missing{color:var(--unused)}"
        "@media screen{.example-card{margin:0}.example-missing{margin:1px}}"
        "@media print{.example-missing{margin:1px}}"
        "@keyframes example{0%{opacity:0}to{opacity:1}}"
        '/* a comment with a } brace */.example-card::after{content:"} ;"}'
    )
    assert purge({"sheet": css}, words_in(['class="example-card"']))["sheet"] == (
        ":root{--used:red;--chained:var(--used)}"
        ".example-card{color:var(--chained)}"
        "@media screen{.example-card{margin:0}}"
        "@keyframes example{0%{opacity:0}to{opacity:1}}"
        '.example-card::after{content:"} ;"}'
    )


def test_a_property_one_stylesheet_defines_and_another_reads_is_kept() -> None:
    sheets = {"theme": ":root{--example-colour:red}.unused-theme-part{color:blue}", "ours": "p{color:var(--example-colour)}"}
    assert purge(sheets, words_in(["<p>"])) == {"theme": ":root{--example-colour:red}", "ours": "p{color:var(--example-colour)}"}


def test_an_unquoted_url_with_a_semicolon_stays_whole() -> None:
    rules = parse(".a{background:url(data:image/png;base64,AAAA);color:red}")
    assert rules[0].declarations == [("background", "url(data:image/png;base64,AAAA)"), ("color", "red")]


@pytest.mark.parametrize("css", [".a{color:red", ".a{color:red}}"])
def test_a_stylesheet_whose_braces_do_not_balance_is_refused(css: str) -> None:
    with pytest.raises(UnreadableStylesheet):
        parse(css)


def test_a_hashed_name_holds_the_start_of_the_contents_sha256() -> None:
    digest = hashlib.sha256(b"body{}").hexdigest()[:10]
    assert hashed_name("assets/stylesheets/site.css", b"body{}") == f"assets/stylesheets/site.{digest}.css"
    # The theme's own hash goes: the file is ours once we change it.
    assert hashed_name("assets/stylesheets/main.57a0d79d.min.css", b"body{}") == f"assets/stylesheets/main.{digest}.css"


@pytest.mark.parametrize("where, text, expected", [
    ("example/index.html", '<link href="../assets/site.css">', '<link href="../assets/site.0123456789.css">'),
    ("index.html", "<script src='assets/site.css' defer>", "<script src='assets/site.0123456789.css' defer>"),
    ("404.html", '<link href="/repository-name/assets/site.css">', '<link href="/repository-name/assets/site.0123456789.css">'),
    ("index.html", '{"search": "assets/site.css?example=1&b=2"}', '{"search": "assets/site.0123456789.css?example=1&b=2"}'),
    ("example/index.html", '<a href="assets/site.css">', '<a href="assets/site.css">'),  # example/assets/site.css: another file
    ("index.html", "<p>site.css is our stylesheet</p>", "<p>site.css is our stylesheet</p>"),
])
def test_references_to_a_renamed_file_follow_it(where: str, text: str, expected: str) -> None:
    assert rewrite(text, where, {"assets/site.css": "assets/site.0123456789.css"}) == expected


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    """A fixture site built from a fixture theme override: two pages, our stylesheet and script, and the theme's stylesheet."""
    own = tmp_path / "overrides" / "assets"
    (own / "stylesheets").mkdir(parents=True)
    (own / "stylesheets" / "site.css").write_text("/* Our fixture stylesheet. */\n.example-card {\n  color: red;\n}\n.example-unused { color: blue; }\n")
    (own / "javascripts").mkdir()
    (own / "javascripts" / "example.js").write_text("// Our fixture script.\nvar example = 1;\n")
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    for path in own.rglob("*.*"):
        target = site / "assets" / path.relative_to(own)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    (site / "assets" / "stylesheets" / "main.0123abcd.min.css").write_text(".md-example{margin:0}.md-unused{margin:1px}")
    (site / "assets" / "stylesheets" / "main.0123abcd.min.css.map").write_text("{}")
    head = ('<link rel="stylesheet" href="{root}assets/stylesheets/main.0123abcd.min.css">'
            '<link rel="stylesheet" href="{root}assets/stylesheets/site.css">'
            '<script src="{root}assets/javascripts/example.js" defer></script>')
    (site / "index.html").write_text(head.format(root="") + '<div class="example-card md-example">Fixture</div>')
    (site / "example").mkdir()
    (site / "example" / "index.html").write_text(head.format(root="../") + "<p>Fixture page</p>")
    return site, own


def test_packing_renames_minifies_trims_and_updates_every_page(site: tuple[Path, Path]) -> None:
    site_dir, own = site
    pack_site(site_dir, own)
    names = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())
    assert [name for name in names if name.endswith((".css", ".js", ".map"))] == content_hashed_files(site_dir)
    assert len(content_hashed_files(site_dir)) == 3  # the two stylesheets and the script; the stale map is gone
    page = (site_dir / "example" / "index.html").read_text()
    for name in content_hashed_files(site_dir):
        assert f'"../{name}"' in page
    ours = next(site_dir.glob("assets/stylesheets/site.*.css")).read_text()
    theme = next(site_dir.glob("assets/stylesheets/main.*.css")).read_text()
    assert (ours, theme) == (".example-card{color:red}", ".md-example{margin:0}")
    assert next(site_dir.glob("assets/javascripts/example.*.js")).read_text() == "var example=1;"


def test_packing_twice_changes_nothing_more(site: tuple[Path, Path]) -> None:
    site_dir, own = site
    pack_site(site_dir, own)
    before = {path: path.read_bytes() for path in site_dir.rglob("*") if path.is_file()}
    pack_site(site_dir, own)
    assert {path: path.read_bytes() for path in site_dir.rglob("*") if path.is_file()} == before


def test_a_file_whose_content_no_longer_matches_its_name_is_not_hashed(tmp_path: Path) -> None:
    path = tmp_path / hashed_name("site.css", b"body{}")
    path.write_bytes(b"body{}")
    assert carries_its_hash(path)
    path.write_bytes(b"body{color:red}")
    assert not carries_its_hash(path) and content_hashed_files(tmp_path) == []


def test_the_built_site_loads_only_hashed_files_of_its_own_and_says_they_may_be_kept(built_site: Path) -> None:
    """Every stylesheet, script and icon of ours a page loads has its content's hash in its name; _headers lets
    browsers keep exactly those files for a year, and nothing else."""
    hashed = set(content_hashed_files(built_site))
    own = Path(__file__).resolve().parents[2] / "overrides" / "assets"
    for path in own.rglob("*.*"):
        relative = path.relative_to(own)
        assert not (built_site / "assets" / relative).exists(), f"assets/{relative} was not given a hashed name"
        assert any(name.startswith(f"assets/{relative.parent.as_posix()}/{path.stem}.") for name in hashed), relative
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    kept = [line for line in headers.splitlines() if IMMUTABLE in line]
    assert len(kept) == len(hashed) and all(f"/{name}\n  Cache-Control: {IMMUTABLE}" in headers for name in hashed)


def test_a_stylesheet_names_the_new_name_of_a_file_it_uses_and_still_carries_its_own_hash(site: tuple[Path, Path]) -> None:
    site_dir, own = site
    (own / "images").mkdir()
    (own / "images" / "example.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (site_dir / "assets" / "images").mkdir()
    (site_dir / "assets" / "images" / "example.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (site_dir / "assets" / "stylesheets" / "site.css").write_text('.example-card{background:url("../images/example.svg")}')
    pack_site(site_dir, own)
    stylesheet = next(site_dir.glob("assets/stylesheets/site.*.css"))
    image = next(site_dir.glob("assets/images/example.*.svg"))
    assert stylesheet.read_text() == f'.example-card{{background:url("../images/{image.name}")}}'
    assert carries_its_hash(stylesheet) and carries_its_hash(image)


def test_a_stylesheet_whose_braces_do_not_pair_stops_the_step_and_changes_nothing(site: tuple[Path, Path], capsys) -> None:
    import pack_assets

    site_dir, own = site
    (site_dir / "assets" / "stylesheets" / "site.css").write_text(".example-card{color:red")
    before = {path: path.read_bytes() for path in site_dir.rglob("*") if path.is_file()}
    config = own.parent.parent / "mkdocs.yml"
    config.write_text("site_name: Example\ntheme:\n  name: material\n  custom_dir: overrides\n")
    assert pack_assets.main([str(site_dir), "--config", str(config)]) == 1
    assert capsys.readouterr().err == (
        f"error: {site_dir / 'assets' / 'stylesheets' / 'site.css'}: a stylesheet's braces must pair up; "
        "a block opened with { is never closed; no file was changed\n"
    )
    assert {path: path.read_bytes() for path in site_dir.rglob("*") if path.is_file()} == before


def _packed_files(site_dir: Path) -> dict[str, bytes]:
    return {path.relative_to(site_dir).as_posix(): path.read_bytes() for path in site_dir.rglob("*") if path.is_file()}


def test_kept_trimmed_stylesheets_give_the_same_site_and_a_page_that_uses_a_new_class_trims_afresh(site, tmp_path: Path) -> None:
    import shutil

    site_dir, own = site
    cache = tmp_path / "example-cache"
    unpacked = tmp_path / "unpacked"
    shutil.copytree(site_dir, unpacked)
    pack_site(site_dir, own)
    without_cache = _packed_files(site_dir)
    for _ in range(2):  # the first run keeps the trimmed stylesheets, the second uses them
        shutil.rmtree(site_dir)
        shutil.copytree(unpacked, site_dir)
        pack_site(site_dir, own, cache=cache)
        assert _packed_files(site_dir) == without_cache
    assert (cache / "trimmed-stylesheets.json").is_file()

    shutil.rmtree(site_dir)
    shutil.copytree(unpacked, site_dir)
    page = site_dir / "example" / "index.html"
    page.write_text(page.read_text().replace("<p>Fixture page</p>", '<p class="md-unused">Fixture page</p>'))
    pack_site(site_dir, own, cache=cache)
    theme = next(site_dir.glob("assets/stylesheets/main.*.css"))
    assert theme.read_text() == ".md-example{margin:0}.md-unused{margin:1px}"


def _theme_script_site(site: tuple[Path, Path], config: str = '{"features": []}') -> Path:
    """The fixture site with a theme script that names three components, and a theme stylesheet styling them."""
    site_dir, _ = site
    (site_dir / "assets" / "javascripts" / "bundle.example.js").write_text(
        'e.classList.add("md-example__part--active");e.classList.add("md-absent__part");'
        'e.classList.add("focus-visible");e.classList.add("example-outside")')
    (site_dir / "assets" / "stylesheets" / "main.0123abcd.min.css").write_text(
        ".md-example{margin:0}.md-example__part--active{margin:1px}.md-absent__part{margin:2px}"
        "a.focus-visible{outline:auto}.example-outside{margin:3px}")
    page = site_dir / "index.html"
    page.write_text(page.read_text() + f'<script id="__config" type="application/json">{config}</script>')
    return site_dir


def test_a_theme_script_counts_for_parts_of_components_on_the_page_and_the_names_it_sets_outside_its_namespace(site) -> None:
    site_dir = _theme_script_site(site)
    pack_site(site_dir, site[1])
    theme = next(site_dir.glob("assets/stylesheets/main.*.css"))
    assert theme.read_text() == ".md-example{margin:0}.md-example__part--active{margin:1px}a.focus-visible{outline:auto}"


def test_a_feature_whose_components_the_theme_script_builds_keeps_every_name_in_its_namespace(site) -> None:
    site_dir = _theme_script_site(site, '{"features": ["content.code.copy"]}')
    pack_site(site_dir, site[1])
    theme = next(site_dir.glob("assets/stylesheets/main.*.css"))
    assert theme.read_text() == (".md-example{margin:0}.md-example__part--active{margin:1px}.md-absent__part{margin:2px}"
                                 "a.focus-visible{outline:auto}")


def test_every_name_in_our_own_scripts_counts(site) -> None:
    site_dir, own = _theme_script_site(site), site[1]
    for folder in (own, site_dir / "assets"):
        (folder / "javascripts" / "example.js").write_text('e.classList.add("example-outside")')
    pack_site(site_dir, own)
    theme = next(site_dir.glob("assets/stylesheets/main.*.css"))
    assert ".example-outside{margin:3px}" in theme.read_text()
