"""YAML files with a line and column for every value, and their syntax errors explained in plain words.

Reads the events file, the facts register, data/sources.yml and mkdocs.yml. PyYAML's own loaders
follow YAML 1.1, where an unquoted 18:30 is the number 1110 and no/yes/on/off are booleans, and
they silently keep the last of two duplicate keys. So we only let PyYAML build its node tree, then
turn the nodes into dicts, lists and strings ourselves: every scalar stays the exact text typed,
and duplicate keys, anchors and aliases are problems with a position.

PyYAML's own messages ("mapping values are not allowed in this context", "while parsing a block
mapping") name parts of the YAML grammar, and often point at the line after the mistake. The people
who edit data/events.yml and the pages' front matter need the line they got wrong and what to type
instead, so explain() reads each error together with the text around it.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

import jsonschema
import yaml

from sitebuild.problems import ERROR, Failed, Problem

DATA = FilePath(__file__).resolve().parents[2] / "data"
# A real page or events file is well under 100 KB; anything past 1 MB was pasted or saved by mistake,
# and is refused before it is read, so the check answers at once.
MAX_BYTES = 1_000_000
# libyaml's parser where PyYAML's wheel has it; the pure-Python one gives the same nodes and marks.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The tag every node gets from _Loader.resolve; any other tag was typed in the file (like !name).
_PLAIN_TAG = "tag:yaml.org,2002:str"
# Events are at most five levels deep; deeper nesting is a mistake, and unbounded depth could
# exhaust Python's recursion limit.
MAX_DEPTH = 12

Path = tuple[str | int, ...]


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Builds the node tree without working out YAML 1.1 types, which are never used."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        # Every scalar is read as the text typed (see _Converter), so a node's tag is never looked at.
        return _PLAIN_TAG


@dataclass
class Document:
    """The file's data as plain dicts, lists and strings, with where each part was typed."""

    data: Any
    path: str = ""  # the file, as messages show it
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    text: str = ""

    def position(self, path: Path, key: bool = False) -> tuple[int, int]:
        """Where a value (or its field name) was typed; the nearest enclosing part if it is missing."""
        table = self.keys if key else self.values
        while path not in table and path:
            path = path[:-1]
        return table.get(path, self.values.get(path, (1, 1)))

    def problem(self, path: Path, message: str, severity: str = ERROR, key: bool = False) -> Problem:
        """A problem in this file at the value (or field name) typed at path."""
        return Problem(self.path, *self.position(path, key), message, severity)


def load(text: str, path: str, env_tag: bool = False, shape: Shape | None = None) -> Document:
    """Parses YAML text; raises Failed for a syntax error, records other problems; env_tag: read !ENV (mkdocs.yml)."""
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        # One message, at the line where the mistake was made, in the words of whoever typed it.
        raise Failed([explain(error, text, shape, path)]) from None
    document = Document(data=None, path=path, text=text)
    if root is not None:
        document.data = _Converter(document, env_tag).convert(root, (), 0)
    return document


def read(file: FilePath, path: str, name: str, env_tag: bool = False) -> Document:
    """A YAML file's data with positions; raises Failed (naming the file as path) if it cannot be read."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise Failed([Problem(path, 1, 1, f"{name} was not found at {file}")]) from None
    except UnicodeDecodeError as error:
        raise Failed([Problem(path, 1, 1, f"{name} must be saved as UTF-8 text; found a byte it cannot read "
                                          f"({error.reason})")]) from None
    return load(text, path, env_tag)


def too_big(name: str, size: int) -> str:
    """Why a file (name: 'the events file', 'the page') over MAX_BYTES was not read."""
    return (f"{name} is {size:,} bytes, more than the {MAX_BYTES:,} (1 MB) a real {name[4:]} needs, so it was not "
            "read; check that nothing else was pasted or saved into it")


def not_utf8(raw: bytes, start: int) -> tuple[int, int, str]:
    """The line and column of the first byte that is not UTF-8, and ' (perhaps 'é')' naming the letter meant."""
    line_start = raw.rfind(b"\n", 0, start) + 1
    column = len(raw[line_start:start].decode("utf-8", errors="replace")) + 1
    # Files saved in another encoding here are nearly always Windows' own: say which letter it meant.
    guess = raw[start:start + 1].decode("cp1252", errors="replace")
    return raw.count(b"\n", 0, start) + 1, column, f" (perhaps {guess!r})" if guess.isprintable() and guess != "\ufffd" else ""


@functools.lru_cache(maxsize=None)
def validator(schema: str) -> jsonschema.Draft7Validator:
    """A data file's JSON Schema in data/ (the one definition of its fields, shared with editors), formats checked."""
    document = json.loads((DATA / schema).read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(document, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def spaces(count: int) -> str:
    return f"{count} space" + ("" if count == 1 else "s")


class _Converter:
    """Turns a PyYAML node tree into plain values, noting positions and problems."""

    def __init__(self, document: Document, env_tag: bool = False) -> None:
        self.document = document
        self.env_tag = env_tag
        self.seen: set[int] = set()

    def _problem(self, node: yaml.Node, message: str) -> None:
        self.document.problems.append(Problem(self.document.path, node.start_mark.line + 1, node.start_mark.column + 1, message))

    def _at_value(self, node: yaml.Node) -> None:
        """A value that starts with a symbol YAML reads specially (& * !): say how to write it as text."""
        reader = _Reader(_BREAKS.split(self.document.text), path=self.document.path)
        self.document.problems.append(reader.special_start(node.start_mark.line))

    def convert(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.document.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if depth > MAX_DEPTH:
            self._problem(node, f"this value has lists or sets of fields more than {MAX_DEPTH} levels deep, and an "
                                "event needs at most 4; check the spaces at the start of the lines and any [ or { "
                                "against the example at the top of the file")
            return None
        # An alias (*name) repeats an anchored node: refuse it rather than expand it.
        repeated = id(node) in self.seen
        self.seen.add(id(node))
        if node.tag == "!ENV" and self.env_tag and not repeated:
            return _environment_value(node)
        if repeated or node.tag != _PLAIN_TAG:
            # An explicit tag (!name) in front of a value is almost always text that starts with !.
            self._at_value(node)
            # A repeated scalar costs nothing to keep; a repeated list or mapping could grow without bound.
            return node.value if isinstance(node, yaml.ScalarNode) else None
        if isinstance(node, yaml.ScalarNode):
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (index,), depth + 1) for index, item in enumerate(node.value)]
        return self._mapping(node, path, depth)

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        items_run_together = False
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, "a field name must be a plain word followed by a colon, like title:")
                continue
            key = key_node.value
            if key in result:
                if items_run_together:
                    continue
                if path and isinstance(path[-1], int) and key == next(iter(result)):
                    # The first field again, in a list: a new item (an event) with its - left out. One
                    # message for it, not one for each of its fields.
                    items_run_together = True
                    self._problem(key_node, f"a new item in the list starts here, so it needs a - before {key}:, "
                                            "lined up with the - of the others, like - id:")
                    continue
                self._problem(key_node, f"the field '{key}' appears twice here (first on line "
                                        f"{self.document.keys[path + (key,)][0]}); keep one and delete the other")
                continue
            self.document.keys[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result


def _environment_value(node: yaml.Node) -> Any:
    """MkDocs' !ENV NAME or !ENV [NAME, ..., default]: the first variable that is set, else the default."""
    names = [node.value] if isinstance(node, yaml.ScalarNode) else [item.value for item in node.value]
    default = None if isinstance(node, yaml.ScalarNode) else names.pop()
    for name in names:
        if name in os.environ:
            return os.environ[name]
    return default


# -- Syntax errors in plain words ----------------------------------------------------------------

# YAML's line breaks (libyaml counts NEL, LS and PS as breaks too, so its line numbers do).
_BREAKS = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")
# `key: value`, `key:`, `- key: value` and `- value` lines, after the indentation.
_KEY_LINE = re.compile(r"^(?P<dash>-[ ]+)?(?P<key>[^\s:#'\"\[\]{}-][^:#]*?|\"[^\"]*\"|'[^']*'):(?:[ ]+(?P<value>.*?))?\s*$")
_BLOCK_START = re.compile(r":[ ]+[|>][-+0-9]*\s*(#.*)?$")
# A quoted value up to its closing quote: \ escapes a character in double quotes, '' is a ' in single
# quotes. *+ never gives an escape back, so the quote inside \" or '' is never taken for the closing one.
_QUOTED = {'"': re.compile(r'"(?:[^"\\]|\\.)*+"'), "'": re.compile(r"'(?:[^']|'')*+'")}
# libyaml's reader where PyYAML has it: advice is tried by reading the file again, several times.
_COMPOSER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


@dataclass(frozen=True)
class Shape:
    """What each set of fields in a file may hold, so advice about indentation is tried first (see realigned)."""

    fields: Callable[[tuple[str, ...]], Collection[str]]  # the names allowed in the set at a path ("*": a list's items)
    called: Callable[[tuple[str, ...]], str | None] = lambda path: None  # how a set's other fields are spoken of


def explain(error: yaml.YAMLError, text: str, shape: Shape | None = None, path: str = "") -> Problem:
    """The mistake behind a PyYAML error in text (the file path), in the words of the person who typed it."""
    reader = _Reader(_BREAKS.split(text), shape, path)
    if isinstance(error, yaml.reader.ReaderError):
        return reader.control_character(error)
    if not isinstance(error, yaml.MarkedYAMLError):
        return Problem(path, 1, 1, _UNREADABLE)
    return reader.explain(error)


_UNREADABLE = ("this line could not be read: check the spaces at the start of the line, the colon and space "
               "after the field name, and any quote marks, against a line that works")


class _Reader:
    """Looks at the lines around a YAML error to work out what the person meant."""

    def __init__(self, lines: list[str], shape: Shape | None = None, path: str = "") -> None:
        self.lines = lines
        self.shape = shape
        self.path = path  # the file, as messages show it

    # -- Small helpers -------------------------------------------------------------------------

    def text(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    @staticmethod
    def indent(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    def significant_before(self, index: int) -> int | None:
        """The nearest line above that holds something other than a comment."""
        for above in range(index - 1, -1, -1):
            stripped = self.text(above).strip()
            if stripped and not stripped.startswith("#"):
                return above
        return None

    def key_and_value(self, index: int) -> tuple[str | None, str | None]:
        match = _KEY_LINE.match(self.text(index).strip())
        if not match:
            return None, None
        return match.group("key").strip("'\""), match.group("value")

    def at(self, index: int, message: str, column: int | None = None) -> Problem:
        """A mistake on a line (0-based index), at its first character unless a column is given."""
        index = min(max(index, 0), max(len(self.lines) - 1, 0))
        if column is None:
            column = self.indent(self.text(index))
        return Problem(self.path, index + 1, column + 1, message)

    def value_column(self, index: int) -> int:
        line = self.text(index)
        match = re.match(r"^\s*(?:-[ ]+)?[^:]*:[ ]+", line)
        return match.end() if match else self.indent(line)

    # -- The kinds of mistake ------------------------------------------------------------------

    def control_character(self, error: yaml.reader.ReaderError) -> Problem:
        text = "\n".join(self.lines)
        before = text[: error.position]
        line = before.count("\n")
        column = len(before) - (before.rfind("\n") + 1)
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
        return Problem(self.path, line + 1, column + 1, (
            f"this line has an invisible control character (U+{code:04X}) that cannot be used here; "
            "delete it and type the text again (it can come with text copied from another program)"))

    def explain(self, error: yaml.MarkedYAMLError) -> Problem:
        problem = error.problem or ""
        context = error.context or ""
        mark = error.problem_mark or error.context_mark
        row = mark.line if mark else 0
        column = mark.column if mark else 0
        context_row = error.context_mark.line if error.context_mark else row
        context_column = error.context_mark.column if error.context_mark else column

        if "tab" in problem or self.text(row)[column:column + 1] == "\t":
            return self.at(row, "this line is indented with a tab; indent it with spaces instead", 0)
        if "quoted scalar" in context and "end of stream" in problem:
            return self.unclosed_quote(context_row)
        if "unknown escape" in problem:
            return self.at(row, "inside double quotes, a backslash (\\) must be written twice (\\\\); "
                                "or put the value in single quotes instead", context_column)
        if "block scalar" in context:
            return self.text_after_block_indicator(context_row)
        if any(word in context for word in ("anchor", "alias", "tag")) or "alias" in problem or "anchor" in problem:
            return self.special_start(row if "alias" in problem else context_row)
        if "directive" in context:
            return self.special_start(context_row, context_column)
        if any(words in problem for words in ("cannot start any token", "incompatible YAML document",
                                              "block sequence entries are not allowed")):
            return self.special_start(row, column)
        if "mapping values are not allowed" in problem:
            return self.unexpected_colon(row, column)
        if "could not find expected ':'" in problem:
            return self.missing_colon(context_row)
        if "flow sequence" in context or "flow mapping" in context:
            return self.unclosed_bracket(context_row, "sequence" in context)
        if "another document" in problem:
            return self.at(row, "a line of three dashes (---) cannot be used here; delete it")
        if "document start" in problem:
            for candidate in (row, self.significant_before(row)):
                if candidate is not None and self.text(candidate).strip() == "...":
                    return self.at(candidate, "a line of three dots (...) ends the file early; delete it")
            return self.layout(row)
        if "expected key" in problem or "'-' indicator" in problem or "expected <block end>" in problem:
            return self.layout(row, first=context_row)
        return self.at(row, _UNREADABLE)

    def unclosed_quote(self, row: int) -> Problem:
        key, value = self.key_and_value(row)
        quote = (value or self.text(row).strip() or '"')[0]
        quote = quote if quote in "'\"" else '"'
        return self.at(row, f"this value opens a quote mark ({quote}) but does not close it; add {quote} at the "
                            "end of the value, or remove the opening one", self.value_column(row))

    def text_after_block_indicator(self, row: int) -> Problem:
        key, value = self.key_and_value(row)
        indicator = (value or "|")[:1]
        name = key or "the field"
        return self.at(row, f"after {name}: {indicator} the text must start on the next line, indented by two "
                            f"more spaces than {name}:", self.value_column(row))

    def special_start(self, row: int, column: int | None = None) -> Problem:
        line = self.text(row)
        key, value = self.key_and_value(row)
        at_line_start = column is not None and column <= self.indent(line)
        if key is not None and value and not at_line_start:
            character = "-" if value.startswith("- ") else value[0]
            return self.at(row, f"a value cannot start with {character} unless the whole value is in double quotes; "
                                f'write it as {key}: "{_escaped(value)}"', self.value_column(row))
        character = line.strip()[:1] or "?"
        return self.at(row, f"a line cannot start with {character} here; check this line against a line that works, "
                            "and put any text that starts with a symbol in double quotes", column)

    def unexpected_colon(self, row: int, column: int) -> Problem:
        line = self.text(row)
        key, value = self.key_and_value(row)
        before = line[:column]
        if key is not None and re.search(r":[ ]", before.strip()):
            # `title: Events: dates`: the second colon and space read as the start of another field.
            return self.at(row, "a value with a colon and a space in it must be in double quotes; write it as "
                                f'{key}: "{_escaped(value or "")}"', self.value_column(row))
        above = self.significant_before(row)
        if above is not None and re.match(r"^\s*-[^\s-]", self.text(above)):
            return self.at(above, "put a space after the - at the start of this line, like - id: "
                                  "(a - with no space after it is read as part of the text)")
        if above is not None and self.indent(line) == self.indent(self.text(above)) and not self.block_text(above) \
                and not re.search(r":([ ]|$)", self.text(above)) and not self.text(above).lstrip().startswith("- "):
            # The line above has no colon (or none followed by a space), so it ran on into this one.
            return self.missing_colon(above)
        if above is not None and self.indent(line) > self.indent(self.text(above)):
            return self.realigned([row, above]) or self.too_far_in(row, above)
        return self.layout(row)

    def too_far_in(self, row: int, above: int) -> Problem:
        lined_up = self.lined_up_item(row) if self.text(row).lstrip().startswith("- ") else None
        if lined_up:
            return lined_up
        above_line = self.text(above)
        before = self.significant_before(above)
        here = self.indent(self.text(row))
        key, _ = self.key_and_value(above)
        if before is not None and self.indent(self.text(before)) == here and self.indent(above_line) < here:
            # The line above is the odd one out: it is indented less than the lines either side of it.
            name = f"{key}:" if key else "this line"
            return self.at(above, f"{name} is indented by {spaces(self.indent(above_line))}, but the lines above and "
                                  f"below it by {spaces(here)}; line it up with them")
        wanted = self.indent(above_line) + (2 if above_line.lstrip().startswith("- ") else 0)
        above_it, line_up_with = (f"{key}: above it", f"{key}:") if key else ("the line above it", "it")
        return self.at(row, f"this line is indented by {spaces(here)}, further in than {above_it}; "
                            f"indent it by {spaces(wanted)}, to line up with {line_up_with}")

    def block_text(self, row: int) -> bool:
        """Whether this line is part of a `key: |` or `key: >` text."""
        here = self.indent(self.text(row))
        above = row - 1
        while above >= 0 and (not self.text(above).strip() or self.indent(self.text(above)) >= here):
            if _BLOCK_START.search(self.text(above)) and self.indent(self.text(above)) < here:
                return True
            above -= 1
        return above >= 0 and bool(_BLOCK_START.search(self.text(above)))

    def missing_colon(self, row: int) -> Problem:
        line = self.text(row)
        here = self.indent(line)
        # Inside a `key: |` block, a line indented less than the text above ends the text.
        above = row - 1
        while above >= 0 and (not self.text(above).strip() or self.indent(self.text(above)) > here):
            above -= 1
        if above >= 0 and _BLOCK_START.search(self.text(above)) and self.indent(self.text(above)) <= here:
            key, _ = self.key_and_value(above)
            name = key or "the field"
            text_rows = [r for r in range(above + 1, row) if self.text(r).strip()]
            wanted = self.indent(self.text(text_rows[0])) if text_rows else self.indent(self.text(above)) + 2
            return self.at(row, f"this line is part of the text of {name}, so indent it like the lines of that text: "
                                f"by {spaces(wanted)}, two more than {name}:")
        stripped = line.strip()
        joined = re.match(r"^(?:-[ ]+)?([A-Za-z_][\w-]*):(\S.*)$", stripped)
        if joined:
            return self.at(row, f"put a space after the colon, like {joined.group(1)}: {joined.group(2)}")
        word = re.match(r"^(?:-[ ]+)?[\"']?([A-Za-z_][\w-]*)[\"']?\s*(.*)$", stripped)
        if not word:
            return self.at(row, "this line needs a field name, a colon and a space before the value, like title: "
                                "and then the value")
        name, rest = word.group(1), word.group(2).strip() or "and then the value"
        return self.at(row, f"this line needs a colon and a space after {name}, like {name}: {rest}")

    def unclosed_bracket(self, row: int, is_list: bool) -> Problem:
        key, value = self.key_and_value(row)
        opening, shape = ("[", "a list closed with ] on the same line, like [times, postcode]") if is_list else \
            ("{", "closed with } on the same line")
        if key is not None:
            return self.at(row, f"a value that starts with {opening} must be {shape}; if it is text, put it in "
                                f'double quotes, like {key}: "{_escaped(value or "")}"', self.value_column(row))
        return self.at(row, f"a value that starts with {opening} must be {shape}")

    def layout(self, row: int, first: int | None = None) -> Problem:
        """A line that does not fit the lines above it: a stray quote, a value after a quote, or the indentation."""
        start = row if first is None else min(first, row)
        for candidate in range(start, row + 1):
            quote = self.quote_problem(candidate)
            if quote:
                return quote
        key, value = self.key_and_value(row)
        if key is not None and value and value[0] in "[{":
            return self.special_start(row)
        if self.text(row).strip().startswith("- "):
            return self.misplaced_item(row)
        return self.realigned([row, start]) or self.misaligned(row)

    def realigned(self, rows: list[int]) -> Problem | None:
        """The one line whose indentation, changed, makes the file read with every field where it belongs.

        Tried on the lines given and the two above them, at each indentation the file uses; the fewest
        fields out of place wins, then the smallest move. None without a Shape, or if nothing works.
        """
        if self.shape is None:
            return None
        for row in list(rows):
            above = self.significant_before(row)
            higher = self.significant_before(above) if above is not None else None
            rows += [line for line in (above, higher) if line is not None]
        levels = sorted({self.indent(line) + (2 if line.lstrip().startswith("- ") else 0)
                         for line in self.lines if line.strip() and not line.lstrip().startswith("#")})
        best: tuple[tuple[int, int, int], int, int, list[tuple[int, tuple[str, ...], str]]] | None = None
        for order, row in enumerate(dict.fromkeys(rows)):
            key, _ = self.key_and_value(row)
            line = self.text(row)
            if key is None or line.lstrip().startswith("- "):
                continue
            for level in levels:
                try:
                    keys = list(_keys(yaml.compose(self.moved(row, level), Loader=_COMPOSER)))
                except yaml.YAMLError:
                    continue
                if not any(number == row for number, _, _ in keys):
                    continue  # moved, the line is read as part of a text, not as a field
                out_of_place = sum(1 for _, path, name in keys if name not in self.shape.fields(path))
                score = (out_of_place, abs(level - self.indent(line)), order)
                if level != self.indent(line) and (best is None or score < best[0]):
                    best = (score, row, level, keys)
        if best is None:
            return None
        _, row, level, keys = best
        key, _ = self.key_and_value(row)
        path = next(path for line, path, _ in keys if line == row)
        like = self.shape.called(path) or (f"the other lines under {path[-1]}:" if path and path[-1] != "*" else None)
        siblings = sorted((abs(line - row), line, name) for line, other, name in keys if other == path and line != row)
        if like is None and siblings:
            like = f"{siblings[0][2]}: {'above' if siblings[0][1] < row else 'below'} it"
        if like is None:
            return None
        return self.at(row, f"{key}: is indented by {spaces(self.indent(self.text(row)))}; indent it by "
                            f"{spaces(level)}, like {like}")

    def quote_problem(self, row: int) -> Problem | None:
        key, value = self.key_and_value(row)
        if key is None or not value or value[0] not in "'\"":
            return None
        quote = value[0]
        closed = _QUOTED[quote].match(value)
        column = self.value_column(row)
        if closed is None:
            return self.unclosed_quote(row)
        rest = value[closed.end():].strip()
        if not rest or rest.startswith("#"):
            return None
        if quote == "'" and rest[:1].isalpha():
            return self.at(row, "a value in single quotes cannot contain an apostrophe as it is; put the value in "
                                f'double quotes instead, like {key}: "{_escaped(_unquoted(value))}"', column)
        return self.at(row, "there is text after the closing quote mark; put the whole value inside the quotes, "
                            f'like {key}: "{_escaped(_unquoted(value))}"', column)

    def misplaced_item(self, row: int) -> Problem:
        here = self.indent(self.text(row))
        after_dash = self.text(row).strip()[2:].lstrip()
        siblings = self.item_indents(row)
        if after_dash.startswith("id:") and siblings:
            wanted = max(set(siblings), key=siblings.count)
            return self.at(row, f"the - of - id: must line up with the - of the other events, {spaces(wanted)} in; "
                                f"this one is {spaces(here)} in")
        lined_up = self.lined_up_item(row)
        if lined_up:
            return lined_up
        key = re.match(r"^([^:\s]+):", after_dash)
        if not key:
            return self.at(row, "a - at the start of a line begins an item in a list, and no list belongs here; "
                                "remove the -, or line it up with the - of the other items")
        return self.at(row, f"a - starts a new item in a list; remove the - before {key.group(1)}, "
                            "or line it up with the - of the other items")

    def item_indents(self, row: int) -> list[int]:
        """How far in each other line that starts a list item (- ) is."""
        return [self.indent(line) for number, line in enumerate(self.lines)
                if number != row and line.lstrip().startswith("- ")]

    def moved(self, row: int, level: int) -> str:
        """The file with this line indented by level spaces instead."""
        return "\n".join(self.lines[:row] + [" " * level + self.text(row).lstrip(" ")] + self.lines[row + 1:])

    def lined_up_item(self, row: int) -> Problem | None:
        """A list item (like a menu line in mkdocs.yml) out of line with the others: the nearest indentation
        of another item that makes the file read; None if none does, or the file has a Shape."""
        if self.shape:
            return None
        here = self.indent(self.text(row))
        for level in sorted(set(self.item_indents(row)), key=lambda level: (abs(level - here), level)):
            try:
                yaml.compose(self.moved(row, level), Loader=_COMPOSER)
            except yaml.YAMLError:
                continue
            return self.at(row, f"the - of this line must line up with the - of the items around it, "
                                f"{spaces(level)} in; this one is {spaces(here)} in")
        return None

    def misaligned(self, row: int) -> Problem:
        here = self.indent(self.text(row))
        above = self.significant_before(row)
        if above is None:
            return self.at(row, _UNREADABLE)
        above_line = self.text(above)
        key, value = self.key_and_value(above)
        name, _ = self.key_and_value(row)
        this = f"{name}:" if name else "this line"
        if key is not None and not value:
            wanted = self.indent(above_line) + (4 if above_line.lstrip().startswith("- ") else 2)
            return self.at(row, f"{this} is indented by {spaces(here)}; the fields under {key}: must be indented by "
                                f"{spaces(wanted)}, two more than {key}:")
        if above_line.lstrip().startswith("- ") and here == self.indent(above_line):
            return self.at(row, f"{this} is in line with the - on the line above, so it does not belong to that item; "
                                f"indent it by {spaces(here + 2)}, to line up with {key or 'the text after the -'}:, "
                                "or, if there should be no list here, remove the - from the line above")
        wanted = self.indent(above_line) + (2 if above_line.lstrip().startswith("- ") else 0)
        target = f"{key}: above it" if key else "the line above it"
        return self.at(row, f"{this} is indented by {spaces(here)}, but {target} by {spaces(wanted)}; "
                            "line them up")


def _keys(node: yaml.Node | None, path: tuple[str, ...] = ()) -> Iterator[tuple[int, tuple[str, ...], str]]:
    """(0-based line, path of its set of fields, name) for every field name in a composed file."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield key.start_mark.line, path, key.value
                yield from _keys(value, path + (key.value,))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _keys(item, path + ("*",))


def _unquoted(value: str) -> str:
    """The text a person meant, with stray quote marks taken out."""
    text = value.split(" #", 1)[0].strip()
    return text.replace('"', "").strip("'")


def _escaped(value: str) -> str:
    """Text as it would be written inside double quotes."""
    return value.strip().replace("\\", "\\\\").replace('"', '\\"')
