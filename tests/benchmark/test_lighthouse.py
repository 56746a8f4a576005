"""Reading a Lighthouse report: scores, paints and failed audits (a made-up report, no browser)."""

from __future__ import annotations

import pytest

from benchmark import lighthouse


def report(performance: float = 0.99, fcp: float = 1100.0) -> dict:
    """The parts of a Lighthouse 12 JSON report the benchmark reads, with fixture figures."""
    audits = {
        "first-contentful-paint": {"numericValue": fcp, "score": 1, "scoreDisplayMode": "numeric", "title": "First Contentful Paint"},
        "largest-contentful-paint": {"numericValue": 1500.0, "score": 1, "scoreDisplayMode": "numeric", "title": "Largest Contentful Paint"},
        "total-byte-weight": {"numericValue": 70000, "score": 1, "scoreDisplayMode": "informative", "title": "Total size"},
        "render-blocking-insight": {"score": 0, "scoreDisplayMode": "metricSavings", "title": "Render blocking requests",
                                    "displayValue": "Est savings of 300 ms"},
        "color-contrast": {"score": 1, "scoreDisplayMode": "binary", "title": "Contrast is sufficient"},
        "diagnostics": {"score": None, "scoreDisplayMode": "informative", "title": "Diagnostics"},
        "total-blocking-time": {"numericValue": 130.0, "score": 0.9, "scoreDisplayMode": "numeric", "title": "Total Blocking Time"},
        "forced-reflow-insight": {"score": 0, "scoreDisplayMode": "numeric", "title": "Forced reflow", "details": {"type": "list", "items": [
            {"type": "table", "items": [
                {"source": {"type": "text", "value": "[unattributed]"}, "reflowTime": 2.5},
                {"source": {"type": "source-location", "url": "http://127.0.0.1:8000/assets/theme.js", "line": 13, "column": 41609},
                 "reflowTime": 8.0},
            ]},
        ]}},
    }
    refs = {
        "performance": ["first-contentful-paint", "largest-contentful-paint", "render-blocking-insight", "diagnostics"],
        "accessibility": ["color-contrast"], "best-practices": [], "seo": [],
    }
    scores = {"performance": performance, "accessibility": 1, "best-practices": 0.96, "seo": 1}
    return {
        "audits": audits,
        "categories": {name: {"score": scores[name], "auditRefs": [{"id": ref} for ref in refs[name]]} for name in refs},
    }


def test_scores_paints_and_failed_audits_are_read_from_the_report():
    audit = lighthouse.parse(report())
    assert audit.scores == {"performance": 99, "accessibility": 100, "best-practices": 96, "seo": 100}
    assert (audit.fcp_ms, audit.lcp_ms) == (1100.0, 1500.0)
    assert audit.failed == {"render-blocking-insight": "Render blocking requests (Est savings of 300 ms)"}
    assert audit.tbt_ms == 130.0
    assert audit.reflows == {"[unattributed]": 2.5, "theme.js:14:41610": 8.0}


def test_a_report_lighthouse_could_not_finish_is_an_error():
    with pytest.raises(RuntimeError, match="Lighthouse reported an error: NO_FCP"):
        lighthouse.parse({**report(), "runtimeError": {"code": "NO_FCP", "message": "NO_FCP"}})


def test_several_runs_fold_into_their_medians():
    runs = [lighthouse.parse(report(performance=p, fcp=f)) for p, f in ((0.97, 1400.0), (1.0, 1050.0), (0.99, 1100.0))]
    folded = lighthouse.median(runs)
    assert (folded.scores["performance"], folded.fcp_ms) == (99, 1100.0)
