"""Pages and templates against the facts register: every number shown is registered and current.

Also the register's own warnings: a number past its confirm-by date, and the list of what is due.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from pathlib import Path

from content.findings import Finding, Severity
from content.numbers import find_numbers
from facts.model import Register
from facts.problems import FactsError


def check_numbers(path: Path, lines: Iterable[tuple[int, str]], register: Register) -> Iterator[Finding]:
    """An error for each number on these lines that the register does not list, or lists as withdrawn."""
    for shown in find_numbers(lines):
        entries = register.lookup(shown.digits)
        if not entries:
            yield Finding(path, shown.line, (
                f"every phone number, text number and short code on a page must be in the register, "
                f"{register.path}; {shown.text} is not: check it against the service's own website or an "
                f"official page, then add it to {register.path} with that source, or take it off the page"))
        elif not entries[0].current:
            withdrawn = entries[0]
            yield Finding(path, shown.line, (
                f"a page must not show a withdrawn number: {shown.text} is marked withdrawn in {register.path} "
                f"(line {withdrawn.line}, {withdrawn.service}); take it off the page, or give the service's "
                "current number"))


def check_due(register: Register, today: datetime.date) -> Iterator[Finding]:
    """A warning at last_confirmed for each service past its confirm-by date (never an error: see CONTRIBUTING.md)."""
    for fact in register.facts:
        if fact.is_due(today):
            yield Finding(Path(register.path), fact.confirmed_line, (
                f"{fact.what()} for {fact.service} had to be confirmed by {fact.confirm_by.isoformat()} "
                f"({fact.confirm_every} after last_confirmed): check it against its sources, then set "
                "last_confirmed to the day you checked; if it has changed, change it here and on every "
                "page that shows it"), Severity.WARNING)


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


def problems_as_findings(error: FactsError) -> list[Finding]:
    """The register's or mkdocs.yml's problems in the page check's form, file:line: error: message."""
    return [Finding(Path(path), problem.line, problem.message) for path, problem in error.problems]
