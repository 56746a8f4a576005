"""Reads a YAML file (the events file, the facts register, mkdocs.yml) with a line and column for every value.

PyYAML's own loaders follow YAML 1.1, where an unquoted 18:30 is the number 1110 and no/yes/on/off
are booleans, and they silently keep the last of two duplicate keys. So we only let PyYAML build
its node tree, then turn the nodes into dicts, lists and strings ourselves: every scalar stays the
exact text typed, and duplicate keys, anchors and aliases are problems with a position.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

import yaml

from sitebuild.problems import Failed, Problem
from sitebuild.yaml_errors import Shape, explain, mistake_at_value

# libyaml's parser where PyYAML's wheel has it; the pure-Python one gives the same nodes and marks.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Builds the node tree without working out YAML 1.1 types, which are never used."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        # Every scalar is read as the text typed (see _Converter), so a node's tag is never looked at.
        return "tag:yaml.org,2002:str"

# The tag every node gets from _Loader.resolve; any other tag was typed in the file (like !name).
_PLAIN_TAG = "tag:yaml.org,2002:str"

# Events are at most five levels deep; deeper nesting is a mistake, and unbounded depth could
# exhaust Python's recursion limit.
MAX_DEPTH = 12

Path = tuple[str | int, ...]


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


def load(text: str, path: str, name: str = "the events file", env_tag: bool = False, shape: Shape | None = None) -> Document:
    """Parses YAML text; raises Failed for a syntax error, records other problems on the document.

    path is the file as messages show it; name is how messages speak of the file. env_tag: read
    MkDocs' !ENV [NAME, default] as the environment's value, as MkDocs does (mkdocs.yml only).
    shape: what the file's fields may be, so a message about indentation gives the one that fits.
    """
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        # One message, at the line where the mistake was made, in the words of whoever typed it.
        mistake = explain(error, text, shape)
        raise Failed([Problem(path, mistake.line, mistake.column, mistake.message)]) from None
    document = Document(data=None, path=path, text=text)
    if root is not None:
        document.data = _Converter(document, name, env_tag).convert(root, (), 0)
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
    return load(text, path, name, env_tag)


class _Converter:
    """Turns a PyYAML node tree into plain values, noting positions and problems."""

    def __init__(self, document: Document, name: str = "the events file", env_tag: bool = False) -> None:
        self.document = document
        self.name = name
        self.env_tag = env_tag
        self.seen: set[int] = set()

    def _problem(self, node: yaml.Node, message: str) -> None:
        self.document.problems.append(Problem(self.document.path, node.start_mark.line + 1, node.start_mark.column + 1, message))

    def _at_value(self, node: yaml.Node) -> None:
        """A value that starts with a symbol YAML reads specially (& * !): say how to write it as text."""
        mistake = mistake_at_value(self.document.text, node.start_mark.line)
        self.document.problems.append(Problem(self.document.path, mistake.line, mistake.column, mistake.message))

    def convert(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.document.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if depth > MAX_DEPTH:
            self._problem(node, f"this value has lists or sets of fields more than {MAX_DEPTH} levels deep, and an "
                                "event needs at most 4; check the spaces at the start of the lines and any [ or { "
                                "against the example at the top of the file")
            return None
        if id(node) in self.seen:
            # An alias (*name) repeats an anchored node: refuse it rather than expand it.
            self._at_value(node)
            # A repeated scalar costs nothing to keep; a repeated list or mapping could grow without bound.
            return node.value if isinstance(node, yaml.ScalarNode) else None
        self.seen.add(id(node))
        if node.tag == "!ENV" and self.env_tag:
            return _environment_value(node)
        if node.tag != _PLAIN_TAG:
            # An explicit tag (!name) in front of a value: almost always text that starts with !.
            self._at_value(node)
            return node.value if isinstance(node, yaml.ScalarNode) else None
        if isinstance(node, yaml.ScalarNode):
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (index,), depth + 1) for index, item in enumerate(node.value)]
        return self._mapping(node, path, depth)

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
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
                                        f"{first_line[key]}); keep one and delete the other")
                continue
            first_line[key] = key_node.start_mark.line + 1
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
