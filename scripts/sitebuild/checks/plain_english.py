"""Plain-English advice: long sentences and long-winded phrases, each with its line. Warnings only."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sitebuild.checks import markdown
from sitebuild.problems import WARNING, Problem
from sitebuild.checks.page import Page, finding
from sitebuild.checks.rules import SENTENCE_WORD_LIMIT, is_sources_heading

# A short list from the GOV.UK style guide's words to avoid, each with the plain word to use.
PLAINER_WORDS = {
    "in order to": "to",
    "prior to": "before",
    "in the event that": "if",
    "due to the fact that": "because",
    "with regard to": "about",
    "with regards to": "about",
    "utilise": "use", "utilises": "uses", "utilised": "used", "utilising": "using",
    "utilize": "use", "utilizes": "uses", "utilized": "used", "utilizing": "using",
    "commence": "start", "commences": "starts", "commenced": "started", "commencing": "starting",
    "assist": "help", "assists": "helps", "assisted": "helped", "assisting": "helping",
}
_PLAINER = re.compile(
    r"\b(" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(PLAINER_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(is|are|was|were)\s+being\b", re.IGNORECASE)

# Lines that are not running text: tables, HTML, admonition titles, attribute lists, link
# definitions, rules and snippet includes.
_NOT_PROSE = re.compile(r"^\s*(\||<|!!!|\?\?\?|\{[:.#]|\[[^\]]+\]:\s|([-*_]\s*){3,}$|--8<--)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)]|:)\s+")
_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image → alt text
    (re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])"), r"\1"),  # link → its text
    (re.compile(r"<https?://[^>\s]+>"), "link"),
    (re.compile(r"`[^`]*`"), "code"),
    (re.compile(r"<[^>]+>"), ""),  # inline HTML tags
    (re.compile(r"\{[:.#][^}]*\}"), ""),  # attribute lists
    (re.compile(r"(\*{1,3}|_{1,3})(?=\S)|(?<=\S)(\*{1,3}|_{1,3})"), ""),  # emphasis markers
]
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)")
_NOT_AN_END = {"e.g.", "i.e.", "dr.", "mr.", "mrs.", "ms.", "st."}
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


@dataclass(frozen=True)
class Block:
    """A paragraph or list item as one string, with the line each part of it came from."""

    text: str
    starts: list[int]  # offset in text where each source line begins
    lines: list[int]  # the line number of each of those parts

    def line_at(self, offset: int) -> int:
        """The page line that holds the character at this offset."""
        return self.lines[bisect.bisect_right(self.starts, offset) - 1]


def check_plain_english(page: Page) -> Iterator[Problem]:
    """Warns about sentences over the word limit, wordy phrases and 'is being' passives."""
    for block in prose_blocks(page):
        for start, sentence in sentences(block.text):
            words = _WORD.findall(sentence)
            if len(words) > SENTENCE_WORD_LIMIT:
                opening = " ".join(sentence.split()[:6])
                yield _warn(page, block.line_at(start), (
                    f"sentences should be at most {SENTENCE_WORD_LIMIT} words; this one has {len(words)} "
                    f"(it starts '{opening} …')"
                ))
        for match in _PLAINER.finditer(block.text):
            found = " ".join(match.group(1).split())
            plain = PLAINER_WORDS[found.lower()]
            yield _warn(page, block.line_at(match.start()), f"write '{plain}' instead of '{found}'")
        for match in _PASSIVE.finditer(block.text):
            found = " ".join(match.group(0).split())
            yield _warn(page, block.line_at(match.start()), (
                f"use the active voice: say who does it, instead of '{found} …'"
            ))


def _warn(page: Page, line: int, message: str) -> Problem:
    return finding(page.path, line, message, WARNING)


def prose_blocks(page: Page) -> Iterator[Block]:
    """The running text of a page, outside code and the Sources list, as paragraphs and list items."""
    sources_lines = _sources_lines(page)
    parts: list[tuple[int, str]] = []
    for number, raw in markdown.outside_code(page.body):
        skip = (
            not raw.strip() or number in sources_lines
            or bool(markdown.headings([(number, raw)])) or bool(_NOT_PROSE.match(raw))
        )
        if (skip or _LIST_ITEM.match(raw)) and parts:
            yield _join(parts)
            parts = []
        if skip:
            continue
        text = _clean(_LIST_ITEM.sub("", raw, count=1)).strip()
        if text:
            parts.append((number, text))
    if parts:
        yield _join(parts)


def _sources_lines(page: Page) -> set[int]:
    for heading in markdown.headings(page.body):
        if heading.level == 2 and is_sources_heading(heading.text):
            return {heading.line} | {number for number, _ in markdown.section(page.body, heading)}
    return set()


def _clean(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text


def _join(parts: list[tuple[int, str]]) -> Block:
    starts, lines, text = [], [], ""
    for number, part in parts:
        if text:
            text += " "
        starts.append(len(text))
        lines.append(number)
        text += part
    return Block(text, starts, lines)


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """Each sentence with its offset; a full stop after e.g., Dr. or St. does not end one."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        last_word = text[: match.end()].split()[-1].lower()
        if last_word in _NOT_AN_END:
            continue
        if text[start : match.end()].strip():
            yield start + _leading_space(text[start:]), text[start : match.end()].strip()
        start = match.end()
    if text[start:].strip():
        yield start + _leading_space(text[start:]), text[start:].strip()


def _leading_space(text: str) -> int:
    return len(text) - len(text.lstrip())
