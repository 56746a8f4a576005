"""One problem found on a page, and how it is written out for people and for GitHub."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path


class Severity(enum.Enum):
    """An error stops the pull request; a warning is advice."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """A rule a page breaks, at a line of that page."""

    path: Path
    line: int
    message: str
    severity: Severity = Severity.ERROR

    def as_text(self) -> str:
        """`file:line: error: message`, the form people and editors' tools read."""
        return f"{self.path.as_posix()}:{self.line}: {self.severity.value}: {self.message}"

    def as_github_annotation(self) -> str:
        """A workflow command, so GitHub shows the message beside the line in a pull request."""
        properties = f"file={_escape_property(self.path.as_posix())},line={self.line},title=Content check"
        return f"::{self.severity.value} {properties}::{_escape_data(self.as_text())}"


def count_text(findings: list[Finding], pages: int) -> str:
    """The closing line: how many errors and warnings, in how many pages."""
    errors = sum(1 for finding in findings if finding.severity is Severity.ERROR)
    warnings = len(findings) - errors
    checked = f"{pages} page" + ("" if pages == 1 else "s")
    if not findings:
        return f"No problems found in {checked}."
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {checked}."


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


# GitHub's workflow-command escaping: data escapes %, CR and LF; properties also : and ,.
def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
