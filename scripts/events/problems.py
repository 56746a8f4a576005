"""A problem found in the events file, and how it is printed for people and for GitHub."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One broken rule, at a 1-based line and column of the events file."""

    line: int
    column: int
    message: str

    def format(self, path: str) -> str:
        """The problem as `path:line:column: message`."""
        return f"{path}:{self.line}:{self.column}: {self.message}"

    def github_annotation(self, path: str) -> str:
        """The problem as a GitHub Actions workflow command, shown on the pull request's changed line."""
        # Workflow commands treat %, CR and LF specially in the message; , and : also in properties.
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        file = path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::error file={file},line={self.line},col={self.column}::{message}"


# A screenful: a badly broken file (say, a whole other file pasted in) would otherwise print
# thousands of lines, and the first few are the ones to fix first.
SHOWN = 20


class EventsError(Exception):
    """The events file broke one or more rules; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} error{'s' if len(problems) != 1 else ''}")
        self.problems = sorted(problems)

    def report(self, path: str, github: bool = False) -> str:
        """The first screenful of problems, a line saying how many more there are, then the count."""
        shown = self.problems[:SHOWN]
        lines = [problem.format(path) for problem in shown]
        if github:
            lines += [problem.github_annotation(path) for problem in shown]
        hidden = len(self.problems) - len(shown)
        if hidden:
            lines.append(f"and {hidden} more; fix the ones above first, then check again")
        lines.append(str(self))
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
