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
    for requirements in (REPO / "requirements.txt", REPO / "tests" / "requirements.txt"):
        for line in requirements.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line.strip())
            if match:
                pins.append((match.group(1), match.group(2)))
    return pins


@pytest.mark.parametrize("name, version", _pins(), ids=[name for name, _ in _pins()])
def test_each_pin_installs_on_debian_12s_python(name: str, version: str) -> None:
    metadata = importlib.metadata.metadata(name)
    assert metadata["Version"] == version, f"{name} {metadata['Version']} is installed, but {version} is pinned"
    needs = metadata.get("Requires-Python") or ""
    assert OLDEST_PYTHON in SpecifierSet(needs), f"{name} {version} needs Python {needs}; Debian 12 has {OLDEST_PYTHON}"


def test_setup_asks_for_the_python_the_pins_need() -> None:
    assert 'NEEDED=3.11' in (REPO / "scripts" / "setup.sh").read_text(encoding="utf-8")
