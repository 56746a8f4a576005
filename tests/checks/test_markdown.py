"""What the page checks and the link check count as code: fenced blocks, read the CommonMark way, are
left out (one rule for both, scripts/sitebuild/checks/markdown.py), so an example in a page is never checked
as if it were advice or a link."""

from __future__ import annotations

import textwrap

from sitebuild.checks.markdown import outside_code
from sitebuild.checks.links import markdown_links


def _numbered(text: str) -> list[tuple[int, str]]:
    return list(enumerate(textwrap.dedent(text).splitlines(), start=1))


def test_a_fence_closes_only_with_the_same_mark_at_least_as_long() -> None:
    page = _numbered("""\
        Before.
        ````markdown
        ```
        Call 0800 000 0000 (inside the example)
        ~~~
        ````
        After.
        """)
    assert outside_code(page) == [(1, "Before."), (7, "After.")]


def test_a_fence_inside_a_list_item_counts_as_code() -> None:
    page = _numbered("""\
        1. Open the file:

            ```yaml
            url: https://example.invalid/
            ```

        2. Save it.
        """)
    assert [number for number, _ in outside_code(page)] == [1, 2, 6, 7]


def test_the_link_check_skips_front_matter_code_and_code_spans() -> None:
    page = textwrap.dedent("""\
        ---
        title: A made-up page
        see: [not a link](front-matter.md)
        ---
        [real](first.md) and `[in a span](second.md)`

        ````
        ```
        [in a fence](third.md)
        ```
        ````
        [also real](fourth.md)
        """)
    assert [(link.target, link.line) for link in markdown_links(page)] == [("first.md", 5), ("fourth.md", 12)]
