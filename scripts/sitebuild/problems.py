"""A broken rule at a place in a file: the one problem type every check reports, and how it is printed.

Every check (events, facts register, pages, links, the build) reports Problems; report() prints them
the same way: `file:line:column: error: message` (no column when there is none), a GitHub
annotation for each under GitHub Actions, then a count.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"
# A screenful per file: a badly broken file (say, another file pasted in) would print thousands of
# lines, and the first few are the ones to fix first.
SHOWN_PER_FILE = 20


@dataclass(frozen=True, order=True)
class Problem:
    """One broken rule, at a 1-based line (and column, where known) of a file as people see its path."""

    path: str
    line: int
    column: int | None
    message: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def as_text(self) -> str:
        """`path:line:column: error: message`, the form people and editors' tools read."""
        column = f":{self.column}" if self.column else ""
        return f"{self.path}:{self.line}{column}: {self.severity}: {self.message}"

    def as_github_annotation(self) -> str:
        """A workflow command, so GitHub shows the message beside the line in a pull request."""
        properties = f"file={_escape_property(self.path)},line={self.line}"
        if self.column:
            properties += f",col={self.column}"
        return f"::{self.severity} {properties}::{_escape_data(self.message)}"


class Failed(Exception):
    """A check found errors: nothing was written. Carries every problem found, warnings included."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(count(problems))
        self.problems = sorted(set(problems))


def shown(path: os.PathLike | str) -> str:
    """A path as people see it in messages: relative to the current folder when inside it."""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def count(problems: list[Problem]) -> str:
    """The closing line: how many errors and warnings."""
    errors = sum(1 for problem in problems if problem.is_error)
    warnings = len(problems) - errors
    return _plural(errors, "error") + (f", {_plural(warnings, 'warning')}" if warnings else "")


def report(problems: list[Problem], github: bool | None = None) -> str:
    """Every problem in file and line order (the first screenful of each file), GitHub annotations if asked, then the count."""
    if github is None:
        github = os.environ.get("GITHUB_ACTIONS") == "true"
    problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.column or 0, p.message))
    lines: list[str] = []
    shown_problems: list[Problem] = []
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.path, []).append(problem)
    for path, found in by_file.items():
        shown_problems += found[:SHOWN_PER_FILE]
        lines += [problem.as_text() for problem in found[:SHOWN_PER_FILE]]
        hidden = len(found) - SHOWN_PER_FILE
        if hidden > 0:
            lines.append(f"and {hidden} more in {path}; fix the ones above first, then check again")
    if github:
        lines += [problem.as_github_annotation() for problem in shown_problems]
    lines.append(count(problems))
    return "\n".join(lines)


def found(value: object) -> str:
    """How a value the person typed is quoted back in a message."""
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    if value is None or value == "":
        return "nothing"
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return repr(text)


def and_list(items: list[str] | tuple[str, ...]) -> str:
    """Like 'a', 'a and b' or 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _plural(number: int, word: str) -> str:
    return f"{number} {word}" + ("" if number == 1 else "s")


# GitHub's workflow-command escaping: data escapes %, CR and LF; properties also : and ,.
def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
