"""Reads a YAML file with a line and column for every value, using the events file's loader."""

from __future__ import annotations

from pathlib import Path

from events.load import Document, load
from events.problems import EventsError, Problem

from facts.problems import FactsError


def read_yaml(path: Path, shown: str, name: str) -> Document:
    """The file's data with positions; raises FactsError (naming the file as shown) if it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FactsError([(shown, Problem(1, 1, f"{name} was not found at {path}"))]) from None
    except UnicodeDecodeError as error:
        message = f"{name} must be saved as UTF-8 text; found a byte it cannot read ({error.reason})"
        raise FactsError([(shown, Problem(1, 1, message))]) from None
    try:
        return load(text, name=name)
    except EventsError as error:
        raise FactsError([(shown, problem) for problem in error.problems]) from None
