"""Finds the phone numbers, text numbers and short codes a page shows, and its links to other websites.

One implementation for every check that compares numbers: the register check (register.py)
and the translated-page check (translation.py). It reads a page's text as a visitor sees it
(link text, not link targets; no HTML tags or code blocks) and finds:

- tel: and sms: links, compared by their digits;
- UK-format numbers in text: '0808 2000 247', '08 08 16 89 111', '+44 20 7008 0151' (8 to 11 digits
  starting with 0, or +44; spaces, no-break spaces and hyphens may separate the digits);
- short codes in text, only where they are used as numbers: after call, text, dial, ring, phone or
  press ('call 999', 'press 55', 'text 61016'), after NHS ('NHS 111'), after 'on' or 'to' when the
  line speaks of calling or texting ('the police on 101', 'text "register" to 999'), or listed right
  after one of those ('call 999, then 55'). '116 123' and Relay UK's '18001 101' are read whole.

Years, times, counts, percentages, money, dates, section numbers ('s.24'), postcodes and list
numbering are not numbers to call, so they are not found. English words decide what a short code
is; on a page in another language, every number of two or more digits counts (see any_language).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sitebuild.checks import markdown
from sitebuild.phones import dialled

Lines = list[tuple[int, str]]

# Spaces (ordinary, no-break, thin) and hyphens may separate the digits of one number.
_SEP = r"[ \u00a0\u2009\u202f-]"
_NOT_BEFORE = r"(?<![\w+£$€#.,/:\-])"
# Not followed by more of a number (2,700; 3.5; 18:30; 7/24), a percentage or a letter.
_NOT_AFTER = r"(?![\w%]|[.,/:\-]\d)"
_UK = re.compile(
    _NOT_BEFORE
    + rf"(?:(?:\+|00)44{_SEP}?(?:\(0\){_SEP}?)?[1-9](?:{_SEP}?\d){{8,9}}|0\d(?:{_SEP}?\d){{6,9}})"
    + _NOT_AFTER
)
# 2 to 6 digits on their own. 116 numbers (116 123) and Relay UK's prefixes (18001 101) are read whole.
_TOKEN = re.compile(_NOT_BEFORE + r"(116[ \u00a0]\d{3}|1800[0-2][ \u00a0]\d{2,6}|\d{2,6})" + _NOT_AFTER)
_LINK_NUMBER = re.compile(r"""\]\(\s*<?((?:tel|sms):[^)\s>]+)|href\s*=\s*["']((?:tel|sms):[^"']+)["']""", re.IGNORECASE)

_VERB = re.compile(
    r"\b(?:call|calls|calling|ring|ringing|phone|phoning|dial|dials|dialling|dialing|"
    r"text|texts|texting|press|presses|pressing)\s+$", re.IGNORECASE)
_PRESS = re.compile(r"\bpress(?:es|ing)?\s+$", re.IGNORECASE)
_NHS = re.compile(r"\bNHS\s+$")
_PREPOSITION = re.compile(r"\b(?:on|to)\s+$", re.IGNORECASE)
_PHONE_WORD = re.compile(
    r"\b(?:call|calls|calling|ring|phone|phoning|dial|text|texts|texting|contact|report|helpline)\b", re.IGNORECASE)
_CHAIN = re.compile(r"^\s*(?:,|,?\s*(?:or|and|then))\s*$", re.IGNORECASE)
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
# A count, a measure or a date, not a number to call.
_NOT_A_CODE_AFTER = re.compile(
    r"^\s*(?:%|per\s*cent|percent|px|pixels|am\b|pm\b|(?:st|nd|rd|th)\b|" + _MONTH + r"\b|"
    r"(?:people|persons|women|men|girls|boys|children|friends|times|days|weeks|months|years|hours|"
    r"minutes|seconds|words|characters|languages|pages|reports|calls)\b)", re.IGNORECASE)
_NOT_A_CODE_BEFORE = re.compile(_MONTH + r"\s+$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")

# What a visitor does not see as text: link targets, addresses, tags, attribute lists, code marks.
_CLEAN = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(?:https?|mailto|tel|sms):[^>\s]*>", re.IGNORECASE), " "),
    (re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE), " "),
    (re.compile(r"<[^>]*>"), " "),
    (re.compile(r"\{[:.#][^}]*\}"), " "),
    (re.compile(r"`"), ""),
    (re.compile(r"\*+|(?<!\w)_+|_+(?!\w)"), ""),
]
_SKIPPED_LINE = re.compile(r"^\s*(?:--8<--|\[[^\]]+\]:\s*\S)")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_EXTERNAL_LINK = re.compile(
    r"""\]\(\s*<?((?:https?|mailto):[^)\s>]+)|<((?:https?|mailto):[^>\s]+)>|href\s*=\s*["']((?:https?|mailto):[^"']+)["']"""
    r"""|^\s*\[[^\]]+\]:\s*<?((?:https?|mailto):[^>\s]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Shown:
    """A number on a page: where, as written, and the digits it dials."""

    line: int
    text: str
    digits: str


def visible_text(line: str) -> str:
    """The line as a visitor reads it: link text without targets, no tags, code marks or emphasis."""
    if _SKIPPED_LINE.match(line):
        return ""
    text = _LIST_MARKER.sub("", line, count=1)
    for pattern, replacement in _CLEAN:
        text = pattern.sub(replacement, text)
    return _ascii_digits(html.unescape(text))


def _ascii_digits(text: str) -> str:
    """Digits of any script as 0-9, so '৯৯৯' is read as 999."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def _one_line(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _number_links(number: int, line: str) -> list[Shown]:
    """The tel: and sms: links on one line, as written, with the digits they dial."""
    targets = (match.group(1) or match.group(2) for match in _LINK_NUMBER.finditer(line))
    return [Shown(number, target, dialled(target)) for target in targets if dialled(target)]


def _is_code(text: str, start: int, end: int, previous_end: int | None) -> bool:
    """Whether the 2-6 digits at text[start:end] are used as a number to call, text or press."""
    before, after, digits = text[:start], text[end:], text[start:end]
    if _NOT_A_CODE_AFTER.match(after) or _NOT_A_CODE_BEFORE.search(before):
        return False
    if previous_end is not None and _CHAIN.match(text[previous_end:start]):
        return True
    if len(dialled(digits)) < 3:
        return bool(_PRESS.search(before))
    if _VERB.search(before) or _NHS.search(before):
        return True
    preposition = _PREPOSITION.search(before)
    return bool(preposition and not _YEAR.match(digits) and _PHONE_WORD.search(before[: preposition.start()]))


def _in_text(number: int, text: str, any_language: bool) -> Iterator[Shown]:
    taken: list[tuple[int, int]] = []
    for match in _UK.finditer(text):
        taken.append(match.span())
        yield Shown(number, _one_line(match.group(0)), dialled(match.group(0)))
    previous_end: int | None = None
    for match in _TOKEN.finditer(text):
        start, end = match.span(1)
        if any(s <= start < e for s, e in taken):
            continue
        if any_language or _is_code(text, start, end, previous_end):
            previous_end = end
            yield Shown(number, _one_line(match.group(1)), dialled(match.group(1)))


def find_numbers(lines: Iterable[tuple[int, str]], any_language: bool = False) -> list[Shown]:
    """Every phone number, text number and short code shown, once per line, in line order.

    any_language: for a page in another language, where English words cannot tell a short code
    from a count, every number of two or more digits counts.
    """
    found: list[Shown] = []
    for number, line in markdown.outside_code(list(lines)):
        seen: set[str] = set()
        in_text = list(_in_text(number, visible_text(line), any_language))
        for shown in in_text + _number_links(number, line):
            if shown.digits not in seen:
                seen.add(shown.digits)
                found.append(shown)
    return found


def number_links(lines: Iterable[tuple[int, str]]) -> list[Shown]:
    """Every tel: and sms: link target, with its line, in line order."""
    return [shown for number, line in markdown.outside_code(list(lines)) for shown in _number_links(number, line)]


def every_number(lines: Iterable[tuple[int, str]]) -> set[str]:
    """The digits of every number on these lines, counts and dates included: what a translation may repeat."""
    return {shown.digits for shown in find_numbers(lines, any_language=True)}


def external_links(lines: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """Every link to another website or email address, with its line, in line order."""
    found = []
    for number, line in markdown.outside_code(list(lines)):
        for match in _EXTERNAL_LINK.finditer(line):
            found.append((number, next(group for group in match.groups() if group)))
    return found


_JINJA = re.compile(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def template_lines(text: str) -> Lines:
    """A Jinja template's lines with its template code blanked out (line numbers kept), for find_numbers."""
    blanked = _JINJA.sub(lambda match: "\n" * match.group(0).count("\n") + " ", text)
    return [(index, line) for index, line in enumerate(blanked.splitlines(), start=1)]
