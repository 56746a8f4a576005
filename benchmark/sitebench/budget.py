"""Loads a budget (benchmark/budget.yml, or the targets in benchmark/targets.yml) and lists every limit a run misses."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .figures import Measurement, Results

REPO = Path(__file__).resolve().parents[2]
BUDGET = REPO / "benchmark" / "budget.yml"
TARGETS = REPO / "benchmark" / "targets.yml"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGE_LIMITS = (
    "lighthouse", "first_contentful_paint_ms", "first_contentful_paint_vs_plain_material",
    "transfer_kib", "requests_to_other_origins", "largest_contentful_paint_vs_plain_material",
    "performance_below_plain_material", "total_blocking_time_over_plain_material_ms", "forced_reflows_in_our_scripts",
)


class BudgetError(Exception):
    """The budget file breaks one of its own rules."""


@dataclass(frozen=True)
class PageBudget:
    """The limits one page must meet."""

    lighthouse: dict[str, int]
    fcp_ms: float
    fcp_vs_baseline: float
    transfer_kib: float
    other_origin_requests: int
    lcp_vs_baseline: float = 1.0
    performance_below_baseline: float = 0
    tbt_over_baseline_ms: float = 0
    our_reflows: int = 0


@dataclass(frozen=True)
class Budget:
    """Limits for every page, exceptions for named pages, and the build's allowed overhead."""

    every_page: PageBudget
    exceptions: dict[str, PageBudget]
    build_overhead_percent: float

    def for_page(self, path: str) -> PageBudget:
        return self.exceptions.get(path, self.every_page)


def load(path: Path = BUDGET) -> Budget:
    """Reads and validates the budget file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise BudgetError(f"{path}: the budget must be valid YAML: {error}") from error
    return parse(data, str(path))


def parse(data: object, source: str = "budget") -> Budget:
    """Checks the budget's shape and turns it into a Budget."""
    if not isinstance(data, dict) or set(data) - {"every_page", "pages", "build"} or "every_page" not in data:
        raise BudgetError(f"{source}: the budget must be a mapping with every_page, and optionally pages and build")
    every_page = _page(data["every_page"], f"{source}: every_page", base=None)
    exceptions = {}
    for page, limits in (data.get("pages") or {}).items():
        where = f"{source}: pages.{page!r}"
        if not isinstance(limits, dict) or not str(limits.get("reason", "")).strip():
            raise BudgetError(f"{where}: an exception for one page must give its reason")
        exceptions[str(page)] = _page({k: v for k, v in limits.items() if k != "reason"}, where, base=every_page)
    build = data.get("build") or {}
    overhead = build.get("overhead_percent", 30) if isinstance(build, dict) else None
    if not _is_number(overhead):
        raise BudgetError(f"{source}: build.overhead_percent must be a number")
    return Budget(every_page, exceptions, float(overhead))


def _page(limits: object, where: str, base: PageBudget | None) -> PageBudget:
    if not isinstance(limits, dict):
        raise BudgetError(f"{where}: page limits must be a mapping")
    unknown = sorted(set(limits) - set(PAGE_LIMITS))
    if unknown:
        raise BudgetError(f"{where}: {unknown[0]} is not a limit this budget knows; use one of {', '.join(PAGE_LIMITS)}")
    missing = [key for key in PAGE_LIMITS if key not in limits] if base is None else []
    if missing:
        raise BudgetError(f"{where}: every page needs a limit for {missing[0]}")
    lighthouse = dict(base.lighthouse) if base else {}
    scores = limits.get("lighthouse", {})
    if not isinstance(scores, dict) or set(scores) - set(CATEGORIES):
        raise BudgetError(f"{where}: lighthouse must map categories ({', '.join(CATEGORIES)}) to minimum scores")
    for category, score in scores.items():
        if not _is_number(score) or not 0 <= score <= 100:
            raise BudgetError(f"{where}: lighthouse.{category} must be a score from 0 to 100")
        lighthouse[category] = int(score)
    if base is None and set(lighthouse) != set(CATEGORIES):
        raise BudgetError(f"{where}: lighthouse must give a minimum for each of {', '.join(CATEGORIES)}")
    values = {}
    for key in PAGE_LIMITS[1:]:
        value = limits.get(key, None)
        if value is None and base is not None:
            continue
        if not _is_number(value) or value < 0:
            raise BudgetError(f"{where}: {key} must be a number of at least 0")
        values[key] = value
    fallback = base or PageBudget({}, 0, 0, 0, 0)
    return PageBudget(
        lighthouse=lighthouse,
        fcp_ms=float(values.get("first_contentful_paint_ms", fallback.fcp_ms)),
        fcp_vs_baseline=float(values.get("first_contentful_paint_vs_plain_material", fallback.fcp_vs_baseline)),
        transfer_kib=float(values.get("transfer_kib", fallback.transfer_kib)),
        other_origin_requests=int(values.get("requests_to_other_origins", fallback.other_origin_requests)),
        lcp_vs_baseline=float(values.get("largest_contentful_paint_vs_plain_material", fallback.lcp_vs_baseline)),
        performance_below_baseline=float(values.get("performance_below_plain_material", fallback.performance_below_baseline)),
        tbt_over_baseline_ms=float(values.get("total_blocking_time_over_plain_material_ms", fallback.tbt_over_baseline_ms)),
        our_reflows=int(values.get("forced_reflows_in_our_scripts", fallback.our_reflows)),
    )


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check(results: Results, budget: Budget) -> list[str]:
    """Every limit the run missed, as sentences naming the page, the rule and the measured figure."""
    misses = []
    for page in results.pages:
        limits, ours, name = budget.for_page(page.path), page.ours, "/" + page.path
        for category, minimum in limits.lighthouse.items():
            if ours.scores[category] < minimum:
                misses.append(f"{name}: Lighthouse {category} must be at least {minimum}; it is {ours.scores[category]}")
        if ours.fcp_ms > limits.fcp_ms:
            misses.append(f"{name}: first contentful paint must be at most {limits.fcp_ms / 1000:.2f} s; it is {ours.fcp_ms / 1000:.2f} s")
        if page.baseline and ours.fcp_ms > page.baseline.fcp_ms * limits.fcp_vs_baseline:
            allowed = "no later than" if limits.fcp_vs_baseline == 1 else f"at most {limits.fcp_vs_baseline:g} times"
            misses.append(
                f"{name}: first contentful paint must be {allowed} plain Material's "
                f"({page.baseline.fcp_ms / 1000:.2f} s); it is {ours.fcp_ms / 1000:.2f} s"
            )
        if page.baseline:
            misses += _against_plain_material(name, ours, page.baseline, limits)
        if ours.transfer_bytes > limits.transfer_kib * 1024:
            misses.append(f"{name}: first-visit transfer must be at most {limits.transfer_kib:g} KB; it is {ours.transfer_bytes / 1024:.1f} KB")
        if len(ours.other_origins) > limits.other_origin_requests:
            misses.append(
                f"{name}: at most {limits.other_origin_requests} requests may go to another origin; "
                f"there are {len(ours.other_origins)} ({ours.other_origins[0]})"
            )
    if results.build and results.build.overhead * 100 > budget.build_overhead_percent:
        misses.append(
            f"build: our build may take at most {budget.build_overhead_percent:g}% longer than plain mkdocs build; "
            f"it takes {results.build.overhead * 100:.0f}% longer"
        )
    return misses


def _against_plain_material(name: str, ours: Measurement, plain: Measurement, limits: PageBudget) -> list[str]:
    """The limits set against the same page under plain Material: largest paint, score, blocking time, forced reflows."""
    misses = []
    if ours.lcp_ms > plain.lcp_ms * limits.lcp_vs_baseline:
        allowed = "no later than" if limits.lcp_vs_baseline == 1 else f"at most {limits.lcp_vs_baseline:g} times"
        misses.append(f"{name}: largest contentful paint must be {allowed} plain Material's "
                      f"({plain.lcp_ms / 1000:.2f} s); it is {ours.lcp_ms / 1000:.2f} s")
    if ours.scores["performance"] < plain.scores["performance"] - limits.performance_below_baseline:
        allowed = "at least" if not limits.performance_below_baseline else f"at most {limits.performance_below_baseline:g} below"
        misses.append(f"{name}: the Lighthouse performance score must be {allowed} plain Material's "
                      f"({plain.scores['performance']}); it is {ours.scores['performance']}")
    if ours.tbt_ms > plain.tbt_ms + limits.tbt_over_baseline_ms:
        allowed = "no longer than" if not limits.tbt_over_baseline_ms else f"at most {limits.tbt_over_baseline_ms:g} ms longer than"
        misses.append(f"{name}: total blocking time must be {allowed} plain Material's "
                      f"({plain.tbt_ms:.0f} ms); it is {ours.tbt_ms:.0f} ms")
    theirs = {path.rsplit("/", 1)[-1] for path, _ in plain.files}
    our_reflows = [place for place in ours.reflows if ":" in place and place.split(":", 1)[0] not in theirs]
    if len(our_reflows) > limits.our_reflows:
        misses.append(f"{name}: at most {limits.our_reflows} of our scripts may force a reflow; "
                      f"{len(our_reflows)} do ({our_reflows[0]})")
    return misses
