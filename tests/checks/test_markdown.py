"""What the page checks read: a page as the builder renders it (scripts/sitebuild/checks/reader.py), one
parser for every check. Fenced code, read the CommonMark way, is left out, so an example in a page is
never checked as if it were advice or a link; every link syntax is read, each at its line."""

from __future__ import annotations

import textwrap

from sitebuild.checks.links import markdown_links
from sitebuild.checks.reader import read


def _numbered(text: str) -> list[tuple[int, str]]:
    return list(enumerate(textwrap.dedent(text).splitlines(), start=1))


def _texts(text: str) -> list[tuple[int, str]]:
    return [(line, " ".join(words.split())) for line, words in read(_numbered(text)).texts]


def test_a_fence_closes_only_with_the_same_mark_at_least_as_long() -> None:
    assert _texts("""\
        Before.
        ````markdown
        ```
        Call 0800 000 0000 (inside the example)
        ~~~
        ````
        After.
        """) == [(1, "Before."), (7, "After.")]


def test_a_fence_inside_a_list_item_counts_as_code() -> None:
    assert _texts("""\
        1. Open the file:

            ```yaml
            url: https://example.invalid/
            ```

        2. Save it.
        """) == [(1, "Open the file:"), (7, "Save it.")]


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


def test_every_link_syntax_is_read_with_its_words_and_line() -> None:
    reading = read(_numbered("""\
        Inline [one](https://example.org/1 "Title one"), reference [two][ref] and [three][],
        autolink <https://example.org/4>, HTML <a href="https://example.org/5" aria-label="five">5</a>,
        image ![six](pictures/6.png).

        <p>A raw block, <a href="tel:08081570000">0808 157 0000</a>.</p>

        [ref]: https://example.org/2
        [three]: <https://example.org/3>
        """))
    assert [(link.line, link.target, link.text, link.image) for link in reading.links] == [
        (1, "https://example.org/1", "one", False),
        (1, "https://example.org/2", "two", False),
        (1, "https://example.org/3", "three", False),
        (2, "https://example.org/4", "https://example.org/4", False),
        (2, "https://example.org/5", "five5", False),
        (3, "pictures/6.png", "six", True),
        (5, "tel:08081570000", "0808 157 0000", False),
    ]
    assert (1, "Title one") in reading.texts and (3, "six") in reading.texts


def test_markdown_inside_a_div_and_an_admonition_body_are_read_as_the_builder_renders_them() -> None:
    reading = read(_numbered("""\
        <div class="help-cards" markdown>
        - **Card**
          [Call 101](tel:101)
        </div>

        !!! note "Fixture note"

            Call [0808 157 0000](tel:08081570000).
        """))
    assert [(link.line, link.target) for link in reading.links] == [(3, "tel:101"), (8, "tel:08081570000")]
