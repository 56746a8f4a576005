"""Loads a Markdown page into its front matter fields (with line numbers) and its numbered body lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitebuild.problems import ERROR, Problem
from sitebuild.yaml_errors import explain

# libyaml where it is installed (it is in PyYAML's wheels): the same reader, and so the same messages, as the events check.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FRONT_MATTER_HINT = (
    "a page must start with front matter: a '---' line, then title, description, "
    "last_reviewed and review_interval, each on its own line, then another '---' line"
)


# The longest real page is a few thousand words (under 20 KB); anything past 1 MB was pasted or saved by mistake,
# and is refused before it is read, so the check answers at once.
MAX_BYTES = 1_000_000


def finding(path: Path, line: int, message: str, severity: str = ERROR) -> Problem:
    """A rule a page breaks, at a line of that page (page problems have no column)."""
    return Problem(Path(path).as_posix(), line, None, message, severity)


@dataclass(frozen=True)
class Field:
    """One front matter value as written (text, even for dates), and the line it is on."""

    text: str | None  # None when the value is a list or mapping, not plain text
    line: int


@dataclass(frozen=True)
class Page:
    """A page split into what the checks need."""

    path: Path
    fields: dict[str, Field] = field(default_factory=dict)
    body: list[tuple[int, str]] = field(default_factory=list)  # (line number, line text)
    problems: list[Problem] = field(default_factory=list)  # why the front matter could not be read


def load_page(path: Path) -> Page:
    """Reads a page; problems reading its front matter become findings, never exceptions."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return Page(path, problems=[finding(path, 1, (
            f"the page is {size:,} bytes, more than the {MAX_BYTES:,} (1 MB) a real page needs, so it was not "
            "read; check that nothing else was pasted or saved into it"))])
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()  # as MkDocs reads pages
    except UnicodeDecodeError as error:
        raw = path.read_bytes()
        line = raw[: error.start].count(b"\n") + 1
        # Files saved in another encoding are nearly always in Windows' own: say which letter it meant.
        guess = raw[error.start:error.start + 1].decode("cp1252", errors="replace")
        perhaps = f" (perhaps {guess!r})" if guess.isprintable() and guess != "\ufffd" else ""
        message = (f"a page must be saved as UTF-8 text, but a character on this line{perhaps} is in another "
                   "encoding; save the file as UTF-8 (in most editors: Save As, then choose UTF-8), "
                   "or type the character again")
        return Page(path, problems=[finding(path, line, message)])
    if not lines or lines[0].rstrip() != "---":
        return Page(path, body=_numbered(lines, 1), problems=[finding(path, 1, FRONT_MATTER_HINT)])
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if closing is None:
        message = "the front matter must end with a '---' line before the page text starts"
        return Page(path, problems=[finding(path, 1, message)])
    body = _numbered(lines[closing + 1 :], closing + 2)
    fields, problems = _read_front_matter(path, "\n".join(lines[1:closing]) + "\n")
    return Page(path, fields, body, problems)


def _numbered(lines: list[str], first: int) -> list[tuple[int, str]]:
    return [(first + index, line) for index, line in enumerate(lines)]


def _read_front_matter(path: Path, text: str) -> tuple[dict[str, Field], list[Problem]]:
    # compose, not load: nodes keep line numbers, and dates stay text so their format is checked.
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        # What to change, at the line where the mistake was made (+1 for the opening '---').
        mistake = explain(error, text)
        return {}, [finding(path, mistake.line + 1, mistake.message)]
    if root is None:
        return {}, []
    if not isinstance(root, yaml.MappingNode):
        return {}, [finding(path, root.start_mark.line + 2, (
            "the lines between the two '---' lines must each be a field name, a colon and a space, "
            "then the value, like title: Get help and report"))]
    fields: dict[str, Field] = {}
    problems: list[Problem] = []
    for key_node, value_node in root.value:
        key = str(key_node.value)
        line = key_node.start_mark.line + 2  # +1 for 1-based lines, +1 for the opening '---'
        if key in fields:
            message = f"'{key}' appears twice in the front matter (first on line {fields[key].line}); keep one and delete the other"
            problems.append(finding(path, line, message))
            continue
        text = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
        fields[key] = Field(text=text, line=line)
    return fields, problems
