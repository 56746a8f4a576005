"""Problems in the register or the contact setting, each in its own file, printed as path:line:column: message."""

from __future__ import annotations

from events.problems import Problem


class FactsError(Exception):
    """data/facts.yml or mkdocs.yml broke one or more rules; nothing was written."""

    def __init__(self, problems: list[tuple[str, Problem]]) -> None:
        super().__init__(f"{len(problems)} error{'s' if len(problems) != 1 else ''}")
        self.problems = sorted(problems)

    def report(self, github: bool = False) -> str:
        """Every problem on its own line, then the count; with GitHub annotations if asked."""
        lines = [problem.format(path) for path, problem in self.problems]
        if github:
            lines += [problem.github_annotation(path) for path, problem in self.problems]
        lines.append(str(self))
        return "\n".join(lines)
