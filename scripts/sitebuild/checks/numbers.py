"""Finds the phone numbers, text numbers and short codes a page shows, and its links to other websites.

One finder for every check that compares numbers: the register check (register.py) and the
translated-page check (translation.py). It reads a page as reader.py gives it (visible text, alt
text, titles and labels; link targets apart) and finds:

- tel: and sms: links, compared by their digits;
- whole UK numbers in text, however they are written (phones.full_numbers): '0808 2000 247',
  '(020) 7946 0000', '+44 (0) 20 7946 0000', with any kind of space or dash between the digits;
- short codes in text, only where they are used as numbers: after call, text, dial, ring, phone or
  press ('call 999', 'press 55', 'text 61016'), after NHS ('NHS 111'), after 'on' or 'to' when the
  line speaks of calling or texting ('the police on 101', 'text "register" to 999'), or listed right
  after one of those ('call 999, then 55'). '116 123' and Relay UK's '18001 101' are read whole.

Years, times, counts, percentages, money, dates, section numbers ('s.24'), postcodes and list
numbering are not numbers to call, so they are not found. English words decide what a short code
is; on a page in another language, every number of two or more digits counts (see any_language).
Every pattern looks only a few words either side of a number, so a page of any length is read in
time proportional to its length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sitebuild.checks.reader import Reading
from sitebuild.phones import NOT_AFTER, canonical, dialled, full_numbers

# 2 to 6 digits on their own. 116 numbers (116 123) and Relay UK's prefixes (18001 101) are read whole.
_TOKEN = re.compile(r"(?<![\w+£$€#.,/:\-])(116 \d{3}|1800[0-2] \d{2,6}|\d{2,6})" + NOT_AFTER)
# How far before and after a short code the words that say what it is are looked for.
_BEFORE = 120
_AFTER = 20

_VERB = re.compile(
    r"\b(?:call|calls|calling|ring|ringing|phone|phoning|dial|dials|dialling|dialing|"
    r"text|texts|texting|press|presses|pressing)\s+$", re.IGNORECASE)
_PRESS = re.compile(r"\bpress(?:es|ing)?\s+$", re.IGNORECASE)
_NHS = re.compile(r"\bNHS\s+$")
_PREPOSITION = re.compile(r"\b(?:on|to)\s+$", re.IGNORECASE)
_PHONE_WORD = re.compile(
    r"\b(?:call|calls|calling|ring|phone|phoning|dial|text|texts|texting|contact|report|helpline)\b", re.IGNORECASE)
_CHAIN = re.compile(r"\s*(?:,|,?\s*(?:or|and|then))\s*$", re.IGNORECASE)
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
# A count, a measure or a date, not a number to call.
_NOT_A_CODE_AFTER = re.compile(
    r"\s*(?:%|per\s*cent|percent|px|pixels|am\b|pm\b|(?:st|nd|rd|th)\b|" + _MONTH + r"\b|"
    r"(?:people|persons|women|men|girls|boys|children|friends|times|days|weeks|months|years|hours|"
    r"minutes|seconds|words|characters|languages|pages|reports|calls)\b)", re.IGNORECASE)
_NOT_A_CODE_BEFORE = re.compile(_MONTH + r"\s+$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# Web addresses written out as text are read, not dialled.
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


@dataclass(frozen=True)
class Shown:
    """A number on a page: where, as written, and the digits it dials."""

    line: int
    text: str
    digits: str


@dataclass(frozen=True)
class NumberLink:
    """A tel: or sms: link: its line, its target as written, the digits it dials, and the words it shows."""

    line: int
    target: str
    digits: str
    text: str

    @property
    def scheme(self) -> str:
        return self.target[:4].lower()


def _visible(text: str) -> str:
    return _ADDRESS.sub(" ", canonical(text))


def _is_code(text: str, start: int, end: int, previous_end: int | None) -> bool:
    """Whether the 2-6 digits at text[start:end] are used as a number to call, text or press."""
    before = text[max(0, start - _BEFORE):start]
    digits = text[start:end]
    if _NOT_A_CODE_AFTER.match(text[end:end + _AFTER]) or _NOT_A_CODE_BEFORE.search(before):
        return False
    if previous_end is not None and start - previous_end < _AFTER and _CHAIN.fullmatch(text, previous_end, start):
        return True
    if len(dialled(digits)) < 3:
        return bool(_PRESS.search(before))
    if _VERB.search(before) or _NHS.search(before):
        return True
    preposition = _PREPOSITION.search(before)
    return bool(preposition and not _YEAR.match(digits) and _PHONE_WORD.search(before[: preposition.start()]))


def numbers_in(line: int, text: str, any_language: bool = False) -> Iterator[Shown]:
    """The numbers one piece of visible text shows."""
    text = _visible(text)
    taken = full_numbers(text)
    for start, end in taken:
        yield Shown(line, text[start:end], dialled(text[start:end]))
    previous_end: int | None = None
    next_taken = 0  # both lists are in text order: one pass over each
    for match in _TOKEN.finditer(text):
        start, end = match.span(1)
        while next_taken < len(taken) and taken[next_taken][1] <= start:
            next_taken += 1
        if next_taken < len(taken) and taken[next_taken][0] <= start:
            continue
        if any_language or _is_code(text, start, end, previous_end):
            previous_end = end
            yield Shown(line, match.group(1), dialled(match.group(1)))


def number_links(reading: Reading) -> list[NumberLink]:
    """Every tel: and sms: link, in line order."""
    found = []
    for link in reading.links:
        target = canonical(link.target)
        if target[:4].lower() in ("tel:", "sms:") and dialled(target):
            found.append(NumberLink(link.line, target, dialled(target), link.text))
    return sorted(found, key=lambda link: link.line)


def find_numbers(reading: Reading, any_language: bool = False) -> list[Shown]:
    """Every phone number, text number and short code shown, and every tel: or sms: link, once per line, in line order.

    any_language: for a page in another language, where English words cannot tell a short code
    from a count, every number of two or more digits counts.
    """
    by_line: dict[int, list[Shown]] = {}
    for line, text in reading.texts:
        by_line.setdefault(line, []).extend(numbers_in(line, text, any_language))
    for link in number_links(reading):
        by_line.setdefault(link.line, []).append(Shown(link.line, link.target, link.digits))
    found: list[Shown] = []
    for line in sorted(by_line):
        seen: set[str] = set()
        for shown in by_line[line]:
            if shown.digits not in seen:
                seen.add(shown.digits)
                found.append(shown)
    return found


def every_number(reading: Reading) -> set[str]:
    """The digits of every number shown, counts and dates included: what a translation may repeat."""
    return {shown.digits for shown in find_numbers(reading, any_language=True)}


def external_links(reading: Reading) -> list[tuple[int, str]]:
    """Every link to another website or email address, with its line, in line order."""
    return sorted((link.line, link.target) for link in reading.links
                  if not link.image and link.target.lower().startswith(("http:", "https:", "mailto:")))


_JINJA = re.compile(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def template_text(text: str) -> str:
    """A Jinja template with its template code blanked out (line numbers kept), for reader.read_html."""
    return _JINJA.sub(lambda match: "\n" * match.group(0).count("\n") + " ", text)
