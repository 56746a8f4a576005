"""Every "Get help now" card block is built as cards: a list, each card starting with its bold title
(CONTRIBUTING.md shows how to write one). And no link texts 999, which works only after registering."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest


class _CardReader(HTMLParser):
    """Finds what is wrong with the help-cards blocks of one built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._stack: list[str] = []
        self._block_depth: int | None = None  # depth of the open help-cards <div>
        self._card_depth: int | None = None  # depth of the open card <li>
        self._card_started = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        depth = len(self._stack)
        if tag == "a" and attributes.get("href", "").replace(" ", "").lower().startswith(("sms:999", "sms:+44999")):
            self.problems.append("a link must not text 999: it works only after registering, so say 'register first' instead")
        if self._block_depth is not None and depth == self._block_depth + 1 and tag != "ul":
            self._not_a_list()
        if self._block_depth is not None and depth == self._block_depth + 2 and tag == "li":
            self._card_depth, self._card_started = depth, False
        elif self._card_depth is not None and not self._card_started and tag != "p":
            self._card_started = True
            if tag != "strong":
                self._no_title()
        if tag == "div" and "help-cards" in attributes.get("class", "").split():
            self._block_depth = depth
        if tag not in {"br", "img", "hr", "input", "meta", "link"}:
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._stack:
            return
        while self._stack and self._stack.pop() != tag:
            pass
        depth = len(self._stack)
        if self._card_depth is not None and depth <= self._card_depth:
            if not self._card_started:
                self._no_title()
            self._card_depth = None
        if self._block_depth is not None and depth <= self._block_depth:
            self._block_depth = None

    def handle_data(self, data: str) -> None:
        if not data.strip():
            return
        depth = len(self._stack)
        if self._block_depth is not None and depth == self._block_depth + 1:
            self._not_a_list()
        elif self._card_depth is not None and not self._card_started:
            self._card_started = True
            self._no_title()

    def _not_a_list(self) -> None:
        message = ("a 'help-cards' block must hold only a list, one card per '- ' line, with an empty line "
                   "after <div class=\"help-cards\" markdown> and before </div>")
        if message not in self.problems:
            self.problems.append(message)

    def _no_title(self) -> None:
        self.problems.append("each card must start with its title in bold, like '- **If it is not an emergency**'")


def card_problems(html: str) -> list[str]:
    """What is wrong with the help-cards blocks and text links of one page, in plain words."""
    reader = _CardReader()
    reader.feed(html)
    reader.close()
    return reader.problems


def test_every_card_block_on_the_site_is_a_list_of_titled_cards(built_site: Path) -> None:
    problems = [
        f"{page.relative_to(built_site).as_posix()}: {problem}"
        for page in sorted(built_site.rglob("*.html"))
        for problem in card_problems(page.read_text(encoding="utf-8"))
    ]
    assert problems == []


GOOD = """<div class="help-cards"><ul>
<li><strong>If you are in danger now</strong> Use 999. <a href="tel:999">Call 999</a></li>
<li><p><strong>If it is not an emergency</strong> Use 101.</p><p><a href="tel:101">Call 101</a></p></li>
</ul></div>"""


@pytest.mark.parametrize(
    "html, expected",
    [
        (GOOD, []),
        ('<div class="help-cards"><p>- **If you are in danger now** Use 999.</p></div>',
         ["a 'help-cards' block must hold only a list, one card per '- ' line, with an empty line "
          "after <div class=\"help-cards\" markdown> and before </div>"]),
        ('<div class="help-cards"><ul><li>If you are in danger now, <strong>call 999</strong></li></ul></div>',
         ["each card must start with its title in bold, like '- **If it is not an emergency**'"]),
        ('<div class="help-cards"><ul><li><p><a href="tel:999">Call 999</a></p></li></ul></div>',
         ["each card must start with its title in bold, like '- **If it is not an emergency**'"]),
        ('<p>Text <a href="sms:999">999</a></p>',
         ["a link must not text 999: it works only after registering, so say 'register first' instead"]),
    ],
    ids=["good", "not a list", "title not first", "no title", "texting 999"],
)
def test_card_mistakes_get_a_plain_message(html: str, expected: list[str]) -> None:
    assert card_problems(html) == expected
