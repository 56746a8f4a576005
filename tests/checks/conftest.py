"""What every check test shares: it runs from the repository, as officers and CI do, outside GitHub
Actions (so messages are plain lines, not annotations); and the facts context a check is given."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import config as site_config
from sitebuild.checks.reader import Parts
from sitebuild.facts import load as load_facts

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def facts_context():
    """The register, the generated parts pages include, and the problems in both files, as the check makes them."""
    def load(register: Path, config: Path, today=None):
        loaded, texts, problems = load_facts(site_config.load(config), today, register)
        return loaded, Parts(texts), problems
    return load
