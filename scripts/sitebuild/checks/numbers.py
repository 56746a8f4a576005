"""The phone numbers, text numbers and short codes a page shows, against the facts register: every number
shown is registered and current; and the register's own warnings (a number past its confirm-by date).

One finder for every check that compares numbers (the register check here, the translated-page check
in rules.py), over a page as reader.py gives it. It finds tel: and sms: links; whole UK numbers however
they are written (facts.model.full_numbers); and short codes only where they are used as numbers: after
call, text, dial, ring, phone or press ('call 999', 'press 55'), after NHS ('NHS 111'), after 'on' or 'to'
when the line speaks of calling or texting ('the police on 101'), or listed right after one of those
('call 999, then 55'). Years, times, counts, money, dates, section numbers and postcodes are not numbers
to call. English words decide what a short code is; on a page in another language, every number of two
or more digits counts (see any_language). Every pattern looks only a few words either side of a number,
so a page of any length is read in time proportional to its length.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sitebuild.checks.reader import Reading, finding
from sitebuild.facts.model import NOT_AFTER, Fact, Number, Register, canonical, dialled, full_numbers
from sitebuild.problems import WARNING, Problem

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
    text = _ADDRESS.sub(" ", canonical(text))
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
    """Every phone number, text number and short code shown, and every tel: or sms: link, once per line, in line
    order; any_language: every number of two or more digits, where English words cannot tell a code from a count."""
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


# -- Against the register ---------------------------------------------------------------------------

# A number this many digits from a registered one is probably that number mistyped. Short codes are
# left out: 112 is one digit from 111, and both are real.
_NEAR_DIGITS = 2
_NEAR_LENGTH = 6


def check_numbers(path: Path, reading: Reading, register: Register) -> Iterator[Problem]:
    """An error for each number shown that the register does not list or lists as withdrawn, and for each
    tel: or sms: link to a number that does not take that kind, or whose words show another number."""
    for link in number_links(reading):
        entries = register.lookup(link.digits)
        if entries:
            yield from _check_link_kind(path, link, entries, register)
        yield from _check_link_words(path, link, register)
    for shown in find_numbers(reading):
        entries = register.lookup(shown.digits)
        if not entries:
            yield finding(path, shown.line, _unregistered(shown.text, shown.digits, register))
        elif not entries[0].current:
            withdrawn = entries[0]
            replacement = register.by_id(withdrawn.replaced_by) if withdrawn.replaced_by else None
            instead = (f"it was replaced by {replacement.listing()} ({replacement.service}): show that instead"
                       if replacement else "take it off the page, or give the service's current number")
            yield finding(path, shown.line, (
                f"a page must not show a withdrawn number: {shown.text} is marked withdrawn in {register.path} "
                f"(line {withdrawn.line}, {withdrawn.service}); {instead}"))


# Opening times as people type them: a clock time, a range of days, or a phrase for all day, every day.
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TYPED_HOURS = re.compile(
    rf"\b(?:\d{{1,2}}(?:[:.]\d\d)?\s?(?:am|pm)\b|\d{{1,2}}:\d\d\b|24 hours|24/7|day and night|round the clock|"
    rf"open daily|every day|weekdays|weekends|{_DAY}s?\s+(?:to|-|–)\s+{_DAY}|{_DAY}s\b)", re.IGNORECASE)


def check_typed_hours(path: Path, own: Reading, register: Register) -> Iterator[Problem]:
    """A paragraph that shows a line the register gives hours for must not type them (own: the page before
    its parts are included): opening times come from the register, so each changes in one place."""
    # A service's name may hold what looks like hours (Rape Crisis 24/7 Support Line): blank out names first.
    names = re.compile("|".join(re.escape(fact.service) for fact in register.facts), re.IGNORECASE)
    for block in own.blocks:
        typed = _TYPED_HOURS.search(names.sub(lambda name: " " * len(name.group()), block.text))
        if not typed:
            continue
        for shown in numbers_in(0, block.text):
            fact = next((fact for fact in register.lookup(shown.digits) if fact.current and fact.hours), None)
            if fact:
                yield finding(path, block.line_at(typed.start()), (
                    f"opening times come from the register, not typed by hand: '{typed.group()}' is typed beside "
                    f"{shown.text} ({fact.service}); take it out and put this line on its own below the number: "
                    f'--8<-- "facts/hours/{fact.id}.md"'))
                break


def _unregistered(text: str, digits: str, register: Register) -> str:
    rule = (f"every phone number, text number and short code on a page must be in the register, "
            f"{register.path}; {text} is not")
    near = _nearest(digits, register)
    if near:
        number, fact = near
        return (f"{rule}: did you mean {number.shown} ({fact.service})? Correct it on the page; if it really is "
                f"another number, check it against the service's own website or an official page, then add it "
                f"to {register.path} with that source")
    return (f"{rule}: check it against the service's own website or an official page, then add it to "
            f"{register.path} with that source, or take it off the page")


def _nearest(digits: str, register: Register) -> tuple[Number, Fact] | None:
    """The current registered number one or two digits from these (changed, missing or added), if any."""
    if len(digits) < _NEAR_LENGTH:
        return None
    near = [(_distance(digits, number.digits), index, number, fact)
            for index, fact in enumerate(register.current()) for number in fact.numbers
            if len(number.digits) >= _NEAR_LENGTH and abs(len(number.digits) - len(digits)) <= _NEAR_DIGITS]
    near = [item for item in near if item[0] <= _NEAR_DIGITS]
    return min(near, key=lambda item: item[:2])[2:] if near else None


def _distance(a: str, b: str) -> int:
    """How many digits must change, go or be added to turn one number into the other (Levenshtein)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i]
        for j, y in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


# A tel: link starts a voice call and an sms: link a text: each only where the register says the number takes one.
_LINK_KINDS = {"tel:": ("a tel:", "call", "calls", "sms:"), "sms:": ("an sms:", "text", "texts", "tel:")}


def _check_link_kind(path: Path, link: NumberLink, entries: list[Fact], register: Register) -> Iterator[Problem]:
    named, kind, plural, other = _LINK_KINDS[link.scheme]
    registered = [number for fact in entries for number in fact.numbers if number.digits == link.digits]
    kinds = {number.kind for number in registered}
    if kind not in kinds:
        yield finding(path, link.line, (
            f"{named} link must go to a number that takes {plural}: {register.path} lists {registered[0].shown} "
            f"({entries[0].service}) as {' and '.join(sorted(kinds))} only, so tapping this link would not reach it; "
            f"link it as {other}{link.target[4:]}, or check the number's kind in {register.path}"))


def _check_link_words(path: Path, link: NumberLink, register: Register) -> Iterator[Problem]:
    """A link whose words show a number must dial that number: a swapped target sends the reader elsewhere."""
    shown = list(numbers_in(link.line, link.text, any_language=True))
    if not shown or any(number.digits == link.digits for number in shown):
        return
    words, verb = shown[0], _LINK_KINDS[link.scheme][2]
    yield finding(path, link.line, (
        f"a link must {verb[:-1]} the number its words show, so a tap reaches the service the reader chose: "
        f"its words show {words.text}{_named(words.digits, register)} but it {verb} {link.target[4:]}"
        f"{_named(link.digits, register)}; make the link {link.scheme}{words.digits}, or change its words"))


def _named(digits: str, register: Register) -> str:
    entries = register.lookup(digits)
    return f" ({entries[0].service})" if entries else ""


def check_due(register: Register, today: datetime.date) -> Iterator[Problem]:
    """A warning at last_confirmed for each service past its confirm-by date (never an error: see CONTRIBUTING.md)."""
    for fact in register.facts:
        if fact.is_due(today):
            yield finding(Path(register.path), fact.confirmed_line, (
                f"{fact.what()} for {fact.service} had to be confirmed by {fact.confirm_by.isoformat()} "
                f"({fact.confirm_every} after last_confirmed): check it against its sources, then set "
                "last_confirmed to the day you checked; if it has changed, change it here and on every "
                "page that shows it"), WARNING)


def due_report(register: Register, today: datetime.date) -> list[str]:
    """What --due prints: each service due, then what to do, or that nothing is due."""
    due = [fact for fact in register.facts if fact.is_due(today)]
    if not due:
        return [f"No facts are due to be confirmed on {today.isoformat()}."]
    lines = [
        f"{register.path}:{fact.confirmed_line}: {fact.service}, {fact.listing()}: "
        f"confirm by {fact.confirm_by.isoformat()} (last confirmed {fact.last_confirmed.isoformat()}, "
        f"every {fact.confirm_every})"
        for fact in sorted(due, key=lambda fact: (fact.confirm_by, fact.line))
    ]
    count = f"{len(due)} fact{'s' if len(due) != 1 else ''}"
    lines.append(f"{count} due to be confirmed on {today.isoformat()}: check each against its sources, "
                 f"then set last_confirmed in {register.path}.")
    return lines
