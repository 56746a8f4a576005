"""Folding a page's sources: the list after the Sources heading goes inside <details>, nothing else changes."""

from __future__ import annotations

from sitebuild.postbuild import pages as html
from sitebuild.postbuild.pages import fold_sources

PAGE = (
    '<article><h1 id="a">Fixture page</h1><p>Text.</p>'
    '<h2 id="sources">Sources</h2>\n<ul>\n<li><a href="https://www.example.org/one">One</a></li>\n'
    '<li><a href="https://www.example.org/two">Two</a></li>\n</ul>\n<p class="page-reviewed">Reviewed</p></article>'
)


def _folded(text: str) -> str:
    page = html.read("index.html", text)
    fold_sources(page)
    return page.edited()


def test_the_sources_list_is_folded_with_a_count() -> None:
    assert _folded(PAGE) == (
        '<article><h1 id="a">Fixture page</h1><p>Text.</p>'
        '<h2 id="sources">Sources</h2>\n<details class="sources">\n'
        '<summary lang="en">Show the 2 sources</summary>\n'
        '<ul>\n<li><a href="https://www.example.org/one">One</a></li>\n'
        '<li><a href="https://www.example.org/two">Two</a></li>\n</ul>\n</details>\n<p class="page-reviewed">Reviewed</p></article>'
    )


def test_a_translated_heading_ending_in_sources_is_folded_and_one_source_is_singular() -> None:
    page = '<h2 id="kaynaklar">Kaynaklar (Sources)</h2>\n<ul><li><a href="https://www.example.org">One</a></li></ul>'
    assert '<summary lang="en">Show the 1 source</summary>' in _folded(page)


def test_a_nested_list_stays_whole_inside_the_fold() -> None:
    page = '<h2 id="sources">Sources</h2><ul><li>A<ul><li>B</li></ul></li><li>C</li></ul><p>After</p>'
    assert _folded(page).endswith("<li>C</li></ul>\n</details><p>After</p>")


def test_pages_without_a_sources_list_are_left_alone() -> None:
    for page in ("<h2 id='x'>Other</h2><ul><li>A</li></ul>", '<h2 id="sources">Sources</h2><p>No list</p>', "<p>None</p>"):
        assert _folded(page) == page
