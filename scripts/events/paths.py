"""Where the events come from and go, and the date they are compared against.

Kept apart from build.py so the MkDocs hook can tell whether anything changed without loading
the libraries that building needs.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from events.model import LONDON

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data" / "events.yml"
# Everything generated lives under docs/events/ and is gitignored: page fragments (kept out of
# the built pages by exclude_docs in mkdocs.yml) and calendar files (served at /events/calendar/).
OUT = REPO / "docs" / "events"


def london_today() -> date:
    """Today's date in London, which is the date events are compared against."""
    return datetime.now(LONDON).date()
