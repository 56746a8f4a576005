"""Packing static files: trimmed stylesheets, minified scripts, names with their content's hash, every reference updated (fixture files)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from sitebuild.postbuild import assets
from sitebuild.postbuild.pages import IMMUTABLE


def _kept(selector: str, page: str) -> bool:
    """Whether a rule with this selector survives trimming against a page."""
    return assets.trim({"sheet": selector + "{color:red}"}, assets.words([page]))["sheet"] != ""


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
    (".example-missing, .example-card", True),  # one selector of the list is enough
])
def test_a_selector_is_kept_only_when_the_site_has_everything_it_names(selector: str, kept: bool) -> None:
    assert _kept(selector, '<div class="example-card" id="example-id" data-example="shown" data-href>href') is kept


def test_only_the_selectors_of_a_list_the_site_can_match_are_kept() -> None:
    trimmed = assets.trim({"sheet": ".example-missing,.example-card{color:red}"}, {"example-card"})
    assert trimmed["sheet"] == ".example-card{color:red}"


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
    trimmed = assets.trim({"sheet": css}, assets.words(['class="example-card"']))["sheet"]
    assert assets.minify(trimmed, ".css") == (
        ":root{--used:red;--chained:var(--used)}"
        ".example-card{color:var(--chained)}"
        "@media screen{.example-card{margin:0}}"
        "@keyframes example{0%{opacity:0}to{opacity:1}}"
        '.example-card::after{content:"} ;"}'
    )


def test_a_property_one_stylesheet_defines_and_another_reads_is_kept() -> None:
    sheets = {"theme": ":root{--example-colour:red}.unused-theme-part{color:blue}", "ours": "p{color:var(--example-colour)}"}
    assert assets.trim(sheets, assets.words(["<p>"])) == {"theme": ":root{--example-colour:red}",
                                                         "ours": "p{color:var(--example-colour)}"}


def test_an_unquoted_url_with_a_semicolon_stays_whole() -> None:
    css = ".a{background:url(data:image/png;base64,AAAA);color:red}"
    assert assets.trim({"sheet": css}, {"a"})["sheet"] == css


@pytest.mark.parametrize("css", [".a{color:red}}", ".a{color:red}\n.b"])
def test_a_stylesheet_with_text_outside_any_rule_is_refused_naming_its_line(css: str) -> None:
    """A browser would drop what it cannot place; trimming stops instead, so the mistake is seen and fixed."""
    with pytest.raises(assets.UnreadableStylesheet, match=r"^site.css: line \d+: EOF reached before \{\} block"):
        assets.trim({"site.css": css}, {"a"})


def test_a_hashed_name_holds_the_start_of_the_contents_sha256() -> None:
    digest = hashlib.sha256(b"body{}").hexdigest()[:10]
    assert assets.hashed_name("assets/stylesheets/site.css", b"body{}") == f"assets/stylesheets/site.{digest}.css"
    # The theme's own hash goes: the file is ours once we change it.
    assert assets.hashed_name("assets/stylesheets/main.57a0d79d.min.css", b"body{}") == f"assets/stylesheets/main.{digest}.css"


@pytest.mark.parametrize("where, text, expected", [
    ("example/index.html", '<link href="../assets/site.css">', '<link href="../assets/site.0123456789.css">'),
    ("index.html", "<script src='assets/site.css' defer>", "<script src='assets/site.0123456789.css' defer>"),
    ("404.html", '<link href="/repository-name/assets/site.css">', '<link href="/repository-name/assets/site.0123456789.css">'),
    ("index.html", '{"search": "assets/site.css?example=1&b=2"}', '{"search": "assets/site.0123456789.css?example=1&b=2"}'),
    ("example/index.html", '<a href="assets/site.css">', '<a href="assets/site.css">'),  # example/assets/site.css: another file
    ("index.html", "<p>site.css is our stylesheet</p>", "<p>site.css is our stylesheet</p>"),
])
def test_references_to_a_renamed_file_follow_it(where: str, text: str, expected: str) -> None:
    assert assets.rewrite(text, where, {"assets/site.css": "assets/site.0123456789.css"}) == expected


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


def _pack(site_dir: Path, own: Path) -> assets.Packed:
    """Packs the fixture site as the post-build pass does: the new files written, the old ones gone, pages updated."""
    pages = {path.relative_to(site_dir).as_posix(): path.read_text() for path in site_dir.rglob("*.html")}
    packed = assets.pack(site_dir, own, pages, ["assets/stylesheets/main.0123abcd.min.css", "assets/stylesheets/site.css"])
    for name, content in packed.files.items():
        (site_dir / name).write_bytes(content)
    for name in packed.removed:
        (site_dir / name).unlink(missing_ok=True)
    for name, text in pages.items():
        (site_dir / name).write_text(assets.rewrite(text, name, packed.renames))
    return packed


def test_packing_renames_minifies_trims_and_updates_every_page(site: tuple[Path, Path]) -> None:
    site_dir, own = site
    _pack(site_dir, own)
    names = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())
    assert [name for name in names if name.endswith((".css", ".js", ".map"))] == assets.content_hashed_files(site_dir)
    assert len(assets.content_hashed_files(site_dir)) == 3  # the two stylesheets and the script; the stale map is gone
    page = (site_dir / "example" / "index.html").read_text()
    for name in assets.content_hashed_files(site_dir):
        assert f'"../{name}"' in page
    ours = next(site_dir.glob("assets/stylesheets/site.*.css")).read_text()
    theme = next(site_dir.glob("assets/stylesheets/main.*.css")).read_text()
    assert (ours, theme) == (".example-card{color:red}", ".md-example{margin:0}")
    assert next(site_dir.glob("assets/javascripts/example.*.js")).read_text() == "var example=1;"


def test_the_built_site_loads_only_hashed_files_of_its_own_and_says_they_may_be_kept(built_site: Path) -> None:
    """Every stylesheet, script and icon of ours a page loads has its content's hash in its name; _headers lets
    browsers keep exactly those files for a year, and nothing else."""
    hashed = set(assets.content_hashed_files(built_site))
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
    _pack(site_dir, own)
    stylesheet = next(site_dir.glob("assets/stylesheets/site.*.css"))
    image = next(site_dir.glob("assets/images/example.*.svg"))
    assert stylesheet.read_text() == f'.example-card{{background:url("../images/{image.name}")}}'
    assert {stylesheet.relative_to(site_dir).as_posix(), image.relative_to(site_dir).as_posix()} <= \
        set(assets.content_hashed_files(site_dir))


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
    _pack(site_dir, site[1])
    theme = next(site_dir.glob("assets/stylesheets/main.*.css"))
    assert theme.read_text() == ".md-example{margin:0}.md-example__part--active{margin:1px}a.focus-visible{outline:auto}"


def test_a_feature_whose_components_the_theme_script_builds_keeps_every_name_in_its_namespace(site) -> None:
    site_dir = _theme_script_site(site, '{"features": ["content.code.copy"]}')
    _pack(site_dir, site[1])
    theme = next(site_dir.glob("assets/stylesheets/main.*.css"))
    assert theme.read_text() == (".md-example{margin:0}.md-example__part--active{margin:1px}.md-absent__part{margin:2px}"
                                 "a.focus-visible{outline:auto}")


def test_every_name_in_our_own_scripts_counts(site) -> None:
    site_dir, own = _theme_script_site(site), site[1]
    for folder in (own, site_dir / "assets"):
        (folder / "javascripts" / "example.js").write_text('e.classList.add("example-outside")')
    _pack(site_dir, own)
    theme = next(site_dir.glob("assets/stylesheets/main.*.css"))
    assert ".example-outside{margin:3px}" in theme.read_text()
