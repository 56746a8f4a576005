"""The link check over a built site: every address on the site leads somewhere, reported at the line people edit.

Each test lays out a tiny example site (its Markdown and its built pages) and checks one rule.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from sitebuild import config as site_config
from sitebuild.checks.links import check_built, check_sources, markdown_links
from sitebuild.postbuild import pages as html
from sitebuild.problems import Problem, report

SITE_URL = "https://example.org/site/"


@pytest.fixture()
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Writes an example site's mkdocs.yml, pages and built files, then returns what the check reports."""
    monkeypatch.chdir(tmp_path)

    def check(pages: dict[str, str], built: dict[str, str], nav: str = "", extra: dict[str, str] | None = None):
        (tmp_path / "mkdocs.yml").write_text(f"site_name: Example\nsite_url: {SITE_URL}\n{nav}", encoding="utf-8")
        for name, text in {**{f"docs/{page}": body for page, body in pages.items()}, **(extra or {}),
                           **{f"site/{name}": body for name, body in built.items()}}.items():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text(text, encoding="utf-8")
        config = site_config.load(tmp_path / "mkdocs.yml")
        site = tmp_path / "site"
        pages = {path.relative_to(site).as_posix(): html.read(path.relative_to(site).as_posix(), path.read_text())
                 for path in sorted(site.rglob("*.html"))}
        problems = check_sources(config) + check_built(site, config, pages, {}, site)
        return [problem.as_text() for problem in sorted(problems)]

    return check


def _page(content: str) -> str:
    """A built page: a header from the theme, then the page's own content in its <article>."""
    return f"<html><body>\n<header></header>\n<article class=\"md-content__inner md-typeset\">\n{content}\n</article></body></html>\n"


def test_a_site_whose_links_all_lead_somewhere_passes(example) -> None:
    problems = example(
        {"index.md": "# Home\n\n[Help](help.md#call-999)\n", "help.md": "# Help\n"},
        {"index.html": _page('<a href="help/#call-999">Help</a> <a href="help">also</a> <a href="#top">top</a>'
                             ' <a href="mailto:someone@example.org">mail</a> <a href="tel:999">999</a>'
                             ' <a href="https://www.example.com/x">elsewhere</a> <a href="//cdn.example.com/y">cdn</a>'
                             ' <img src="data:image/png;base64,AAAA" alt="">'
                             f' <a href="{SITE_URL}help/">canonical</a>'),
         "help/index.html": _page('<h2 id="call-999">Call 999</h2><a href="..">Home</a>')},
    )
    assert problems == []


def test_calendar_links_to_the_sites_own_address_must_lead_to_a_file(example) -> None:
    """The events parts link to calendar files by the site's full address (https:// and webcal://)."""
    fragment = (f'<a href="{SITE_URL}events/calendar/all-events.ics">Download</a>\n'
                f'<a href="webcal://example.org/site/events/calendar/example-event.ics">Subscribe</a>\n')
    problems = example(
        {"events/index.md": '# Events\n\nIntro.\n\n--8<-- "events/feed.html"\n'},
        {"events/index.html": _page(fragment), "events/calendar/all-events.ics": "BEGIN:VCALENDAR"},
        extra={".generated/events/feed.html": fragment},
    )
    assert problems == [
        "docs/events/index.md:5: error: a link must go to a page or file that exists; "
        "'webcal://example.org/site/events/calendar/example-event.ics' does not",
    ]


def test_a_link_to_a_missing_heading_on_another_page_names_that_page(example) -> None:
    problems = example(
        {"index.md": "# Home\n\nSee [help](help.md#no-such-heading).\n", "help.md": "# Help\n"},
        {"index.html": _page('<a href="help/#no-such-heading">help</a>'), "help/index.html": _page("<h1 id=help>Help</h1>")},
    )
    assert problems == [
        "docs/index.md:3: error: a link to part of a page must name a heading or id it has; 'help.md' has no "
        "'#no-such-heading' (the link is 'help.md#no-such-heading')",
    ]


def test_a_link_a_builder_rewrote_is_still_found_in_the_markdown(example) -> None:
    """Zensical rewrites raw HTML links from the Markdown file's folder: the message quotes what was written."""
    problems = example(
        {"index.md": "# Home\n", "about.md": '# About\n\n<p><a href="no-such-page/">Gone</a></p>\n'},
        {"index.html": _page(""), "about/index.html": _page('<p><a href="../no-such-page/">Gone</a></p>')},
    )
    assert problems == ["docs/about.md:3: error: a link must go to a page or file that exists; 'no-such-page/' does not"]


def test_a_broken_link_in_a_template_points_at_the_built_file(example) -> None:
    problems = example({"index.md": "# Home\n"}, {
        "index.html": _page(""),
        "404.html": "<html><body>\n<p>Not found.</p>\n<a href=\"/site/no-such-page/\">Home</a>\n</body></html>\n",
    })
    assert problems == ["site/404.html:3: error: a link must go to a page or file that exists; '/site/no-such-page/' does not"]


def test_a_link_above_the_sites_own_address_leads_nowhere(example) -> None:
    problems = example({"index.md": "# Home\n"}, {"index.html": _page('<a href="../elsewhere/">Up</a>')})
    assert problems == ["site/index.html:4: error: a link must go to a page or file that exists; '../elsewhere/' does not"]


def test_stylesheets_load_only_files_that_exist(example) -> None:
    problems = example({"index.md": "# Home\n"}, {
        "index.html": _page(""),
        "assets/site.css": 'a { color: red }\nb { background: url("../images/none.png") }\ni { mask: url(data:image/svg+xml,x) }\n',
    })
    assert problems == ["site/assets/site.css:2: error: a link must go to a page or file that exists; '../images/none.png' does not"]


def test_a_raw_html_link_in_a_page_that_starts_with_a_slash_is_reported(example) -> None:
    problems = example({"index.md": '# Home\n\n<a href="/site/">Home</a>\n'}, {"index.html": _page('<a href="/site/">Home</a>')})
    assert problems == [
        "docs/index.md:3: error: a link to a page of this site must be relative, like 'get-help.md', so it works wherever "
        "the site is published; '/site/' starts with /",
    ]


def test_nav_names_only_pages_that_exist_and_lists_every_page(example) -> None:
    nav = "nav:\n  - Home: index.md\n  - Example: https://www.example.com/\n  - Missing: missing.md\n  - Absolute: /help.md\n"
    problems = example({"index.md": "# Home\n", "help.md": "# Help\n"},
                       {"index.html": _page(""), "help/index.html": _page("")}, nav=nav)
    assert problems == [
        "docs/help.md:1: error: every page must be listed in nav in mkdocs.yml, so visitors can find it; 'help.md' is "
        "not: add this line to nav in mkdocs.yml: `  - Help: help.md`",
        "mkdocs.yml:6: error: every page in nav must be a file in the docs folder; 'missing.md' is not",
        "mkdocs.yml:7: error: a page in nav must be named by its Markdown file, like 'get-help.md'; '/help.md' starts with /",
    ]


def test_the_report_counts_problems_and_adds_annotations_on_github() -> None:
    problems = [Problem("docs/a.md", 3, None, "a link must go to a page or file that exists; 'b.md' does not")] * 2
    assert report(problems, github=True).splitlines() == [
        "docs/a.md:3: error: a link must go to a page or file that exists; 'b.md' does not",
        "::error file=docs/a.md,line=3::a link must go to a page or file that exists; 'b.md' does not",
        "1 error",
    ]


def test_markdown_links_are_read_outside_code_and_front_matter() -> None:
    text = textwrap.dedent("""\
        ---
        description: "[not a link](front.md)"
        ---
        # Page

        See [one](one.md "Title") and ![a picture](images/two.png), and `[code](three.md)`.

        ```markdown
        [in a fence](four.md)
        ```

        And [a reference][five].

        [five]: <five.md>
        [unused]: six.md
        """)
    assert [(link.target, link.line) for link in markdown_links(text)] == [
        ("one.md", 6), ("images/two.png", 6), ("five.md", 12)]
