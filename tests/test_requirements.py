"""Every pinned tool installs on the oldest Python the site supports: Debian 12's 3.11.2.

scripts/setup.sh promises a fresh Debian 12 machine just works, with its own Python. A pin that
needs a newer Python (pymdown-extensions 13 needs 3.11.5) would break that on the first install
there, while CI, on the newest 3.11, stayed green.
"""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

REPO = Path(__file__).resolve().parent.parent
OLDEST_PYTHON = "3.11.2"  # Debian 12 (bookworm)


def _pins() -> list[tuple[str, str]]:
    pins = []
    for requirements in (REPO / "requirements.txt", REPO / "requirements-sources.txt", REPO / "tests" / "requirements.txt"):
        for line in requirements.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line.strip())
            if match:
                pins.append((match.group(1), match.group(2)))
    return pins


def test_every_pin_installs_on_debian_12s_python() -> None:
    """One pin that needs a newer Python would break the first install on Debian 12."""
    too_new = []
    for name, version in _pins():
        needs = importlib.metadata.metadata(name).get("Requires-Python") or ""
        if OLDEST_PYTHON not in SpecifierSet(needs):
            too_new.append(f"{name} {version} needs Python {needs}")
    assert too_new == [], f"Debian 12 has Python {OLDEST_PYTHON}"
