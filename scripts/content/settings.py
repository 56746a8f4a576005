"""The limits the checks apply, worked out from mkdocs.yml so they follow the site's own names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

# A browser tab or search result shows about this many characters of a <title>.
TAB_TITLE_LIMIT = 65
# overrides/main.html writes "<page title> – <short name>" into <title>.
TITLE_SEPARATOR = " – "
DESCRIPTION_LIMIT = 160
SENTENCE_WORD_LIMIT = 25


@dataclass(frozen=True)
class SiteSettings:
    """The names from mkdocs.yml that page titles are measured against."""

    short_name: str

    @property
    def title_limit(self) -> int:
        """The longest page title whose <title> still fits in a browser tab."""
        return TAB_TITLE_LIMIT - len(TITLE_SEPARATOR) - len(self.short_name)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (such as `!ENV`), which the checks do not need."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def load_settings(config: Path) -> SiteSettings:
    """Reads extra.short_name from mkdocs.yml."""
    with config.open(encoding="utf-8") as file:
        data = yaml.load(file, Loader=_TolerantLoader) or {}
    short_name = (data.get("extra") or {}).get("short_name")
    if not isinstance(short_name, str) or not short_name:
        raise ValueError(f"{config}: extra.short_name must be set; page titles are measured against it")
    return SiteSettings(short_name=short_name)
