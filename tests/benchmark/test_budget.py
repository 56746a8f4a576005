"""The performance budget: reading benchmark/budget.yml and naming every limit a run misses (no browser)."""

from __future__ import annotations

import pytest

from benchmark import budget as budgets
from benchmark.buildtime import BuildTimes
from benchmark.figures import Measurement, PageComparison, Results

FAST_PAGE = dict(
    requests=5, transfer_bytes=50 * 1024, search_index_bytes=0, other_origins=[],
    scores={"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}, fcp_ms=900.0, lcp_ms=900.0,
)
BUDGET = {
    "every_page": {
        "lighthouse": {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100},
        "first_contentful_paint_ms": 1200,
        "first_contentful_paint_vs_plain_material": 1.0,
        "transfer_kib": 90,
        "requests_to_other_origins": 0,
        "largest_contentful_paint_vs_plain_material": 1.0,
        "performance_below_plain_material": 0,
        "total_blocking_time_over_plain_material_ms": 0,
        "forced_reflows_in_our_scripts": 0,
    },
    "build": {"overhead_percent": 30},
}


def results(build: BuildTimes | None = None, baseline_fcp: float = 1000.0, **ours: object) -> Results:
    """One fixture page, 'example-page/', measured as FAST_PAGE changed by ours."""
    plain = Measurement(**{**FAST_PAGE, "fcp_ms": baseline_fcp, "files": [("/example-page/", 9000), ("/assets/theme.js", 30000)]})
    page = PageComparison("example-page/", Measurement(**{**FAST_PAGE, **ours}), plain)
    return Results(pages=[page], build=build)


def test_the_repository_targets_are_the_published_ones():
    targets = budgets.load(budgets.TARGETS)
    assert targets.every_page == budgets.PageBudget(
        lighthouse={"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100},
        fcp_ms=1200, fcp_vs_baseline=1.0, transfer_kib=60, other_origin_requests=0,
        lcp_vs_baseline=1.0, performance_below_baseline=0, tbt_over_baseline_ms=0, our_reflows=0,
    )
    assert targets.build_overhead_percent == 30


def test_the_repository_budget_is_never_looser_than_needed_for_privacy_and_weight():
    budget = budgets.load(budgets.BUDGET)
    assert (budget.every_page.other_origin_requests, budget.every_page.transfer_kib, budget.every_page.our_reflows) == (0, 65, 0)


def test_a_page_within_every_limit_misses_nothing():
    assert budgets.check(results(build=BuildTimes(ours=[1.2], baseline=[1.0])), budgets.parse(BUDGET)) == []


@pytest.mark.parametrize("changes, message", [
    ({"scores": {**FAST_PAGE["scores"], "accessibility": 96}},
     "/example-page/: Lighthouse accessibility must be at least 100; it is 96"),
    ({"fcp_ms": 1300.0, "baseline_fcp": 1400.0},
     "/example-page/: first contentful paint must be at most 1.20 s; it is 1.30 s"),
    ({"fcp_ms": 1100.0, "baseline_fcp": 1000.0},
     "/example-page/: first contentful paint must be no later than plain Material's (1.00 s); it is 1.10 s"),
    ({"transfer_bytes": 95 * 1024},
     "/example-page/: first-visit transfer must be at most 90 KB; it is 95.0 KB"),
    ({"other_origins": ["https://fonts.example.invalid/css"]},
     "/example-page/: at most 0 requests may go to another origin; there are 1 (https://fonts.example.invalid/css)"),
    ({"build": BuildTimes(ours=[1.5, 1.4, 1.6], baseline=[1.0, 1.0, 1.0])},
     "build: our build may take at most 30% longer than plain mkdocs build; it takes 50% longer"),
    ({"lcp_ms": 950.0},
     "/example-page/: largest contentful paint must be no later than plain Material's (0.90 s); it is 0.95 s"),
    ({"scores": {**FAST_PAGE["scores"], "performance": 99}},
     "/example-page/: the Lighthouse performance score must be at least plain Material's (100); it is 99"),
    ({"tbt_ms": 40.0},
     "/example-page/: total blocking time must be no longer than plain Material's (0 ms); it is 40 ms"),
    ({"reflows": {"[unattributed]": 3.0, "theme.js:14:200": 5.0, "ours.0123456789.js:1:80": 2.0}},
     "/example-page/: at most 0 of our scripts may force a reflow; 1 do (ours.0123456789.js:1:80)"),
])
def test_each_missed_limit_is_named_with_its_figure(changes, message):
    assert budgets.check(results(**changes), budgets.parse(BUDGET)) == [message]


def test_a_page_exception_replaces_only_the_limits_it_names():
    budget = budgets.parse({**BUDGET, "pages": {"example-page/": {"reason": "fixture: a heavier page", "transfer_kib": 100}}})
    assert budgets.check(results(transfer_bytes=95 * 1024), budget) == []
    assert budgets.check(results(transfer_bytes=95 * 1024, fcp_ms=1300.0, baseline_fcp=1400.0), budget) == [
        "/example-page/: first contentful paint must be at most 1.20 s; it is 1.30 s"
    ]


@pytest.mark.parametrize("data, message", [
    ({"pages": {}}, "budget: the budget must be a mapping with every_page, and optionally pages and build"),
    ({**BUDGET, "pages": {"example-page/": {"transfer_kib": 100}}},
     "budget: pages.'example-page/': an exception for one page must give its reason"),
    ({"every_page": {**BUDGET["every_page"], "transfer_kb": 90}},
     "budget: every_page: transfer_kb is not a limit this budget knows; use one of lighthouse, "
     "first_contentful_paint_ms, first_contentful_paint_vs_plain_material, transfer_kib, requests_to_other_origins, "
     "largest_contentful_paint_vs_plain_material, performance_below_plain_material, "
     "total_blocking_time_over_plain_material_ms, forced_reflows_in_our_scripts"),
    ({"every_page": {k: v for k, v in BUDGET["every_page"].items() if k != "transfer_kib"}},
     "budget: every_page: every page needs a limit for transfer_kib"),
    ({"every_page": {**BUDGET["every_page"], "lighthouse": {"performance": 100}}},
     "budget: every_page: lighthouse must give a minimum for each of performance, accessibility, best-practices, seo"),
    ({"every_page": {**BUDGET["every_page"], "lighthouse": {**BUDGET["every_page"]["lighthouse"], "seo": 101}}},
     "budget: every_page: lighthouse.seo must be a score from 0 to 100"),
    ({"every_page": {**BUDGET["every_page"], "transfer_kib": "ninety"}},
     "budget: every_page: transfer_kib must be a number of at least 0"),
])
def test_a_broken_budget_says_which_rule_it_breaks(data, message):
    with pytest.raises(budgets.BudgetError) as error:
        budgets.parse(data)
    assert str(error.value) == message
