"""Pages and templates against the facts register: every number shown is registered and current.

Also the register's own warnings: a number past its confirm-by date, and the list of what is due.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitebuild.problems import WARNING, Problem
from sitebuild.checks.page import finding
from sitebuild.checks.numbers import Shown, find_numbers, number_links
from sitebuild.facts.model import Fact, Register


def check_numbers(path: Path, lines: Iterable[tuple[int, str]], register: Register) -> Iterator[Problem]:
    """An error for each number on these lines that the register does not list, or lists as withdrawn,
    and for each link that would call a number that only takes texts, or text one that only takes calls."""
    lines = list(lines)
    for link in number_links(lines):
        entries = register.lookup(link.digits)
        if entries:
            yield from _check_link_kind(path, link, entries, register)
    for shown in find_numbers(lines):
        entries = register.lookup(shown.digits)
        if not entries:
            yield finding(path, shown.line, (
                f"every phone number, text number and short code on a page must be in the register, "
                f"{register.path}; {shown.text} is not: check it against the service's own website or an "
                f"official page, then add it to {register.path} with that source, or take it off the page"))
        elif not entries[0].current:
            withdrawn = entries[0]
            yield finding(path, shown.line, (
                f"a page must not show a withdrawn number: {shown.text} is marked withdrawn in {register.path} "
                f"(line {withdrawn.line}, {withdrawn.service}); take it off the page, or give the service's "
                "current number"))



# A tel: link starts a voice call and an sms: link a text: each only where the register says the number takes one.
_LINK_KINDS = {"tel:": ("a tel:", "call", "calls", "sms:"), "sms:": ("an sms:", "text", "texts", "tel:")}


def _check_link_kind(path: Path, link: Shown, entries: list[Fact], register: Register) -> Iterator[Problem]:
    scheme, target = link.text[:4].lower(), link.text[4:]  # number_links gives only tel: and sms: links
    named, kind, plural, other = _LINK_KINDS[scheme]
    registered = [number for fact in entries for number in fact.numbers if number.digits == link.digits]
    kinds = {number.kind for number in registered}
    if kind not in kinds:
        yield finding(path, link.line, (
            f"{named} link must go to a number that takes {plural}: {register.path} lists {registered[0].shown} "
            f"({entries[0].service}) as {' and '.join(sorted(kinds))} only, so tapping this link would not reach it; "
            f"link it as {other}{target}, or check the number's kind in {register.path}"))


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
