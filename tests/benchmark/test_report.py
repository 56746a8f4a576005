"""The benchmark's Markdown report: one row per page, ours beside plain Material (fixture figures)."""

from __future__ import annotations

from benchmark import report
from benchmark.browser import SearchOpening
from benchmark.buildtime import BuildTimes
from benchmark.figures import Measurement, PageComparison, Results

SCORES = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}


def measurement(**changes: object) -> Measurement:
    figures = dict(requests=8, transfer_bytes=80 * 1024, search_index_bytes=10 * 1024, other_origins=[], scores=SCORES,
                   fcp_ms=1000.0, lcp_ms=1500.0)
    return Measurement(**{**figures, **changes})


def test_each_page_row_shows_ours_then_plain_material_with_ratios():
    plain = measurement(requests=5, transfer_bytes=64 * 1024, other_origins=["https://fonts.example.invalid/css"],
                        scores={**SCORES, "accessibility": 88}, fcp_ms=1250.0, tbt_ms=120.0, reflows={"theme.js:1:9": 8.4})
    results = Results(pages=[PageComparison("example-page/", measurement(tbt_ms=30.0), plain)], build=None)
    assert report.page_table(results)[2] == (
        "| /example-page/ | 80.0 / 64.0 (1.25×) | 8 / 5 +1 other origin | 100 / 100 | 100 / 88 | 100 / 100 | 100 / 100 "
        "| 1.00 / 1.25 (0.80×) | 1.50 / 1.50 (1.00×) | 30 / 120 | 0 / 8 |"
    )


def test_forced_reflows_are_listed_by_place_with_the_pages_of_each_site():
    ours = measurement(reflows={"theme.js:1:9": 3.0, "ours.0123456789.js:2:5": 1.0})
    plain = measurement(reflows={"theme.js:1:9": 4.0})
    results = Results(pages=[PageComparison("example-page/", ours, plain), PageComparison("other/", measurement(), plain)], build=None)
    assert report.reflow_table(results) == [
        "| Forced reflow at (script:line:column) | Our pages | Plain Material's pages |", "| --- | --- | --- |",
        "| `ours.0123456789.js:2:5` | 1 | 0 |", "| `theme.js:1:9` | 1 | 2 |", "",
    ]


def test_search_once_opened_is_shown_for_both_sites():
    results = Results(pages=[PageComparison("", measurement(), measurement())], build=None,
                      search=(SearchOpening("example", 40 * 1024, 2, 1250.0), SearchOpening("example", 0, 0, 300.0)))
    assert report.search_table(results)[2:4] == [
        "| Ours | example | 40.0 | 2 | 1.25 |", "| Plain Material | example | 0.0 | 0 | 0.30 |",
    ]


def test_the_build_table_gives_medians_and_the_overhead():
    lines = report.build_table(Results(pages=[], build=BuildTimes(ours=[0.6, 0.66, 0.7], baseline=[0.5, 0.55, 0.6])))
    assert lines[2] == "| Ours (scripts/build_site.py: events, pages, security) | 0.66 | 0.60, 0.66, 0.70 |"
    assert lines[-1] == "Our build takes +20% against plain `mkdocs build`."


def test_the_build_table_gives_the_first_build_with_nothing_kept():
    lines = report.build_table(Results(pages=[], build=BuildTimes(ours=[0.6, 0.66, 0.7], baseline=[0.5, 0.55, 0.6], first=0.88)))
    assert lines[-2:] == [
        "Our build takes +20% against plain `mkdocs build`.",
        "A first build, with nothing kept in .build-cache/ (as on a fresh clone), took 0.88 s (+60%).",
    ]
