"""Folding a page's sources: the list after the Sources heading goes inside <details>, nothing else changes."""

from __future__ import annotations

from pathlib import Path

from finish import finish_site, fold_sources

PAGE = (
    '<article><h1 id="a">Fixture page</h1><p>Text.</p>'
    '<h2 id="sources">Sources</h2>\n<ul>\n<li><a href="https://www.example.org/one">One</a></li>\n'
    '<li><a href="https://www.example.org/two">Two</a></li>\n</ul>\n<p class="page-reviewed">Reviewed</p></article>'
)


def test_the_sources_list_is_folded_with_a_count() -> None:
    folded = fold_sources(PAGE)
    assert folded == (
        '<article><h1 id="a">Fixture page</h1><p>Text.</p>'
        '<h2 id="sources">Sources</h2>\n<details class="sources">\n'
        '<summary lang="en">Show the 2 sources</summary>\n'
        '<ul>\n<li><a href="https://www.example.org/one">One</a></li>\n'
        '<li><a href="https://www.example.org/two">Two</a></li>\n</ul>\n</details>\n<p class="page-reviewed">Reviewed</p></article>'
    )


def test_folding_twice_changes_nothing_more() -> None:
    assert fold_sources(fold_sources(PAGE)) == fold_sources(PAGE)


def test_a_translated_heading_ending_in_sources_is_folded_and_one_source_is_singular() -> None:
    page = '<h2 id="kaynaklar">Kaynaklar (Sources)</h2>\n<ul><li><a href="https://www.example.org">One</a></li></ul>'
    assert '<summary lang="en">Show the 1 source</summary>' in fold_sources(page)


def test_a_nested_list_stays_whole_inside_the_fold() -> None:
    page = '<h2 id="sources">Sources</h2><ul><li>A<ul><li>B</li></ul></li><li>C</li></ul><p>After</p>'
    assert fold_sources(page).endswith("<li>C</li></ul>\n</details><p>After</p>")


def test_pages_without_a_sources_list_are_left_alone() -> None:
    for page in ("<h2 id='x'>Other</h2><ul><li>A</li></ul>", '<h2 id="sources">Sources</h2><p>No list</p>', "<p>None</p>"):
        assert fold_sources(page) == page


def test_finish_site_folds_every_page_and_reports_changes(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "index.html").write_text("<p>No sources here</p>", encoding="utf-8")
    assert finish_site(tmp_path) == 1
    assert "<details" in (tmp_path / "one" / "index.html").read_text(encoding="utf-8")
    assert finish_site(tmp_path) == 0
