"""How the plain-English check reads running text: sentences, and the line each one starts on."""

from __future__ import annotations

from pathlib import Path

from sitebuild.checks.reader import Page
from sitebuild.checks.rules import prose_blocks, sentences


def _page(*lines: str) -> Page:
    return Page(Path("fixture.md"), body=[(10 + i, line) for i, line in enumerate(lines)])


def test_a_full_stop_after_an_abbreviation_does_not_end_a_sentence() -> None:
    text = "Ask Dr. Example, e.g. at the desk. Then wait! Is that all? Yes."
    assert [s for _, s in sentences(text)] == [
        "Ask Dr. Example, e.g. at the desk.", "Then wait!", "Is that all?", "Yes.",
    ]


def test_a_sentence_over_several_lines_is_placed_on_the_line_where_it_starts() -> None:
    block, = prose_blocks(_page("First sentence. Second", "sentence goes on", "to here."))
    assert [(block.line_at(start), s) for start, s in sentences(block.text)] == [
        (10, "First sentence."), (10, "Second sentence goes on to here."),
    ]


def test_links_code_and_emphasis_are_read_as_their_words() -> None:
    block, = prose_blocks(_page("Call **[the fixture line](tel:000)** or see `the code` and <https://example.org>."))
    assert block.text == "Call the fixture line or see code and link."


def test_each_list_item_is_its_own_block() -> None:
    blocks = list(prose_blocks(_page("- First item", "- Second item", "  continues here")))
    assert [(b.lines, b.text) for b in blocks] == [([10], "First item"), ([11, 12], "Second item continues here")]
