"""Plain-English advice: long sentences and long-winded phrases, each with its line. Warnings only."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sitebuild.checks import reader
from sitebuild.checks.reader import Block, Reading
from sitebuild.problems import WARNING, Problem
from sitebuild.checks.page import Page, finding
from sitebuild.checks.rules import SENTENCE_WORD_LIMIT, sources_heading

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

_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)")
_NOT_AN_END = {"e.g.", "i.e.", "dr.", "mr.", "mrs.", "ms.", "st."}
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def check_plain_english(page: Page, reading: Reading | None = None, included: set[int] = frozenset()) -> Iterator[Problem]:
    """Warns about sentences over the word limit, wordy phrases and 'is being' passives.

    reading: the page as read already (included parts are on the lines in included, and are left out)."""
    for block in prose_blocks(page, reading):
        if block.lines[0] in included:
            continue
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


def prose_blocks(page: Page, reading: Reading | None = None) -> Iterator[Block]:
    """The running text of a page, outside code, tables, HTML and the Sources list, as paragraphs and list items."""
    reading = reading or reader.read(page.body)
    heading = sources_heading(reading)
    start, end = reading.section(heading) if heading else (float("inf"), float("inf"))
    for block in reading.blocks:
        if not start <= block.lines[0] < end:
            yield block


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """Each sentence with its offset; a full stop after e.g., Dr. or St. does not end one."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        # The abbreviations are short: only the last few characters need reading (a long text stays quick).
        window = text[max(0, match.end() - 8):match.end()].split()
        last_word = window[-1].lower() if window else ""
        if last_word in _NOT_AN_END:
            continue
        sentence = text[start:match.end()]
        if sentence.strip():
            yield start + len(sentence) - len(sentence.lstrip()), sentence.strip()
        start = match.end()
    rest = text[start:]
    if rest.strip():
        yield start + len(rest) - len(rest.lstrip()), rest.strip()
