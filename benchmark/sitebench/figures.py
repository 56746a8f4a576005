"""The measurements of one run: per page for our site and the baseline, and the build times."""

from __future__ import annotations

from dataclasses import dataclass, field

from .browser import SearchOpening
from .buildtime import BuildTimes


@dataclass
class Measurement:
    """One page of one site on a first visit: transfer from the browser (search index included, and
    also shown apart), scores, paints, blocking time and forced reflows from Lighthouse."""

    requests: int
    transfer_bytes: int
    search_index_bytes: int
    other_origins: list[str]
    scores: dict[str, int]
    fcp_ms: float
    lcp_ms: float
    failed_audits: dict[str, str] = field(default_factory=dict)
    files: list[tuple[str, int]] = field(default_factory=list)
    tbt_ms: float = 0.0
    reflows: dict[str, float] = field(default_factory=dict)

    @property
    def reflow_ms(self) -> float:
        return sum(self.reflows.values())


@dataclass
class PageComparison:
    """One page: ours, and the same page under plain Material (None when plain Material has no such page)."""

    path: str
    ours: Measurement
    baseline: Measurement | None


@dataclass
class Results:
    """Everything one benchmark run measured."""

    pages: list[PageComparison]
    build: BuildTimes | None
    # Search opened on the first page measured: ours, then plain Material's.
    search: tuple[SearchOpening, SearchOpening | None] | None = None
