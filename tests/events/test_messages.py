"""Events files YAML cannot read get one message, at the line where the mistake was made, in plain words.

No message, for any text at all, names parts of YAML's grammar or the schema's keywords: each says
what to change.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitebuild.yamlfile import load
from sitebuild.problems import Failed
from sitebuild.events.validate import SHAPE, validate

from .helpers import EVENT, TODAY


def problems(text: str) -> list[tuple[int, int, str]]:
    try:
        document = load(text, "events.yml", shape=SHAPE)
    except Failed as error:
        return [(p.line, p.column, p.message) for p in error.problems]
    return [(p.line, p.column, p.message) for p in validate(document, TODAY)]


UNREADABLE = [
    pytest.param("title: Example Event For Tests", "title Example Event For Tests",
                 (3, 5, "this line needs a colon and a space after title, like title: Example Event For Tests"),
                 id="no-colon"),
    pytest.param("title: Example Event For Tests", "title:Example Event For Tests",
                 (3, 5, "put a space after the colon, like title: Example Event For Tests"), id="no-space-after-colon"),
    pytest.param("title: Example Event For Tests", "title: Events: dates and places",
                 (3, 12, 'a value with a colon and a space in it must be in double quotes; write it as '
                         'title: "Events: dates and places"'), id="colon-in-a-value"),
    pytest.param("title: Example Event For Tests", "title: 'Example Event For Tests",
                 (3, 12, "this value opens a quote mark (') but does not close it; add ' at the end of the value, "
                         "or remove the opening one"), id="unclosed-single-quote"),
    pytest.param("title: Example Event For Tests", "title: 'Women's evening'",
                 (3, 12, "a value in single quotes cannot contain an apostrophe as it is; put the value in double "
                         'quotes instead, like title: "Women\'s evening"'), id="apostrophe-in-single-quotes"),
    pytest.param('start: "18:30"', 'start: "18:30" pm',
                 (5, 12, 'there is text after the closing quote mark; put the whole value inside the quotes, like '
                         'start: "18:30 pm"'), id="text-after-a-quote"),
    pytest.param("title: Example Event For Tests", 'title: "C:\\docs"',
                 (3, 12, "inside double quotes, a backslash (\\) must be written twice (\\\\); or put the value in "
                         "single quotes instead"), id="backslash"),
    pytest.param("    date: 2027-03-14", "     date: 2027-03-14",
                 (4, 6, "date: is indented by 5 spaces; indent it by 4 spaces, like the event's other fields"),
                 id="indented-too-far"),
    pytest.param("    date: 2027-03-14", "   date: 2027-03-14",
                 (4, 4, "date: is indented by 3 spaces; indent it by 4 spaces, like the event's other fields"),
                 id="indented-too-little"),
    pytest.param("      address: 1 Example Road", "     address: 1 Example Road",
                 (9, 6, "address: is indented by 5 spaces; indent it by 6 spaces, like the other lines under venue:"),
                 id="indented-between-levels"),
    pytest.param("      postcode: E8 1AA", "    postcode: E8 1AA",
                 (10, 5, "postcode: is indented by 4 spaces; indent it by 6 spaces, like the other lines under venue:"),
                 id="one-line-out-of-line"),
    # The field after a set of fields, one space short of the set's lines: it belongs to the event, not the set.
    pytest.param("    audience: Women only", "     audience: Women only",
                 (12, 6, "audience: is indented by 5 spaces; indent it by 4 spaces, like the event's other fields"),
                 id="after-a-set-between-levels"),
    # The first line of a set out of line with the rest of the set: the rest are right.
    pytest.param("      name: Example Hall For Tests", "     name: Example Hall For Tests",
                 (8, 6, "name: is indented by 5 spaces; indent it by 6 spaces, like the other lines under venue:"),
                 id="first-line-of-a-set"),
    # A field indented like the set above it, after a field in its right place: it is the one out of line.
    pytest.param("    description: A made-up event for tests.", "      description: A made-up event for tests.",
                 (13, 7, "description: is indented by 6 spaces; indent it by 4 spaces, like the event's other fields"),
                 id="after-a-set-too-far"),
    pytest.param("  - id: example-event-for-tests", "  -id: example-event-for-tests",
                 (2, 3, "put a space after the - at the start of this line, like - id: (a - with no space after it "
                        "is read as part of the text)"), id="no-space-after-the-dash"),
    pytest.param("    title: Example", "    - title: Example",
                 (3, 5, "a - starts a new item in a list; remove the - before title, or line it up with the - of the "
                        "other items"), id="stray-dash"),
    pytest.param("    status: scheduled\n", "    status: scheduled\n- id: second\n  title: Second\n",
                 (18, 1, "the - of - id: must line up with the - of the other events, 2 spaces in; this one is "
                         "0 spaces in"), id="event-not-lined-up"),
    pytest.param("    status: scheduled\n", "    status: scheduled\n   - id: second\n     title: Second\n",
                 (18, 4, "the - of - id: must line up with the - of the other events, 2 spaces in; this one is "
                         "3 spaces in"), id="event-one-space-out"),
    pytest.param("    title:", "\ttitle:", (3, 1, "this line is indented with a tab; indent it with spaces instead"),
                 id="tab"),
    pytest.param("title: Example Event For Tests", "title: @Example",
                 (3, 12, 'a value cannot start with @ unless the whole value is in double quotes; write it as '
                         'title: "@Example"'), id="at-sign"),
    pytest.param("title: Example Event For Tests", "title: [Draft] Example",
                 (3, 12, 'a value cannot start with [ unless the whole value is in double quotes; write it as '
                         'title: "[Draft] Example"'), id="square-bracket"),
    pytest.param("title: Example Event For Tests", "title: - Example",
                 (3, 12, 'a value cannot start with - unless the whole value is in double quotes; write it as '
                         'title: "- Example"'), id="dash-value"),
    pytest.param("cost: free", "cost: *5",
                 (15, 11, 'a value cannot start with * unless the whole value is in double quotes; write it as '
                          'cost: "*5"'), id="star"),
    pytest.param("    title:", "%title:",
                 (3, 1, "a line cannot start with % here; check this line against a line that works, and put any text "
                        "that starts with a symbol in double quotes"), id="percent"),
    pytest.param("    status: scheduled\n", "    status: scheduled\n    not_recorded: [times\n",
                 (18, 19, 'a value that starts with [ must be a list closed with ] on the same line, like [times, '
                          'postcode]; if it is text, put it in double quotes, like not_recorded: "[times"'),
                 id="list-not-closed"),
    pytest.param("description: A made-up event for tests.", "description: |\n      line one\n    line two",
                 (15, 5, "this line is part of the text of description, so indent it like the lines of that text: by "
                         "6 spaces, two more than description:"), id="text-not-lined-up"),
    pytest.param("description: A made-up event for tests.", "description: | A made-up event",
                 (13, 18, "after description: | the text must start on the next line, indented by two more spaces "
                          "than description:"), id="text-after-the-bar"),
    pytest.param("    status: scheduled\n", "    status: scheduled\n---\n",
                 (18, 1, "a line of three dashes (---) cannot be used here; delete it"), id="three-dashes"),
    pytest.param("    status: scheduled\n", "    status: scheduled\n...\nmore\n",
                 (18, 1, "a line of three dots (...) ends the file early; delete it"), id="three-dots"),
    pytest.param("Example Event For Tests", "Example\x07Event For Tests",
                 (3, 19, "this line has an invisible control character (U+0007) that cannot be used here; delete it "
                         "and type the text again (it can come with text copied from another program)"),
                 id="control-character"),
]


@pytest.mark.parametrize("old, new, expected", UNREADABLE)
def test_each_unreadable_line_gets_one_message_where_it_was_made(old: str, new: str,
                                                                 expected: tuple[int, int, str]) -> None:
    text = EVENT.replace(old, new, 1)
    assert text != EVENT
    assert problems(text) == [expected]


_INDENT_ADVICE = re.compile(r"indent it by (\d+) spaces?")


@pytest.mark.parametrize("shift", [-2, -1, 1, 2])
@pytest.mark.parametrize("line", range(3, EVENT.count("\n") + 1))
def test_following_the_advice_about_indentation_gives_a_correct_file(line: int, shift: int) -> None:
    """Right the first time: the indentation a message asks for makes the file correct, with no second message."""
    lines = EVENT.splitlines(keepends=True)
    indent = len(lines[line - 1]) - len(lines[line - 1].lstrip(" "))
    lines[line - 1] = " " * (indent + shift) + lines[line - 1].lstrip(" ")
    (found,) = problems("".join(lines))
    advice = _INDENT_ADVICE.search(found[2])
    assert advice and found[0] == line, found
    lines[line - 1] = " " * int(advice.group(1)) + lines[line - 1].lstrip(" ")
    assert problems("".join(lines)) == []


# Words from PyYAML's and jsonschema's own messages, which mean nothing to the people editing the file.
JARGON = re.compile(
    r"<unicode string>|\b(scalar|mapping|block|token|stream|node|parsing|scanning|document|indicator|flow|sequence|"
    r"collection|YAML|anchor|alias|tag|jsonschema|additional properties|required property|is not of type|"
    r"does not match|is not valid under|could not find expected|did not find expected)\b", re.IGNORECASE)

# Edits to a correct file: where officers' mistakes are, and where most of YAML's messages come from.
_edited = st.tuples(st.integers(0, len(EVENT)), st.integers(0, 8),
                    st.text(alphabet=st.sampled_from(list(":-'\"[]{}#&*!|>%@`\\\n \t0123456789ayn<")), max_size=6)
                    ).map(lambda edit: EVENT[:edit[0]] + edit[2] + EVENT[edit[0] + edit[1]:])


def test_the_messages_above_use_no_jargon() -> None:
    for case in UNREADABLE:
        assert not JARGON.search(case.values[2][2]), case.values[2][2]


# Any characters, but letters that cannot spell a word of jargon, since messages quote what was typed.
_any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="".join(
    chr(code) for code in range(0x41, 0x7B) if chr(code).isalpha() and chr(code) not in "aenysAENYS")), max_size=120)


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(_edited, _any_text))
def test_no_message_for_any_text_uses_jargon(text: str) -> None:
    for line, column, message in problems(text):
        assert line >= 1 and column >= 1
        assert not JARGON.search(message), message
