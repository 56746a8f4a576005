"""The builders' comparison report: each page's weight under each builder, then build times (fixture figures)."""

from __future__ import annotations

from benchmark.browser import SearchOpening, Visit
from benchmark.builders import BuilderFigures, markdown
from benchmark.lighthouse import Audit


def test_each_page_shows_each_builders_weight_and_the_ratio():
    mkdocs = BuilderFigures("mkdocs", {"": Visit(requests=9, bytes=80 * 1024, search_index_bytes=16 * 1024,
                                                  files=[("/index.html", 10 * 1024), ("/bundle.js", 70 * 1024)])},
                            [1.9, 2.0, 2.1])
    zensical = BuilderFigures("zensical", {"": Visit(requests=10, bytes=120 * 1024, search_index_bytes=20 * 1024,
                                                      files=[("/index.html", 12 * 1024), ("/bundle.js", 108 * 1024)])},
                              [1.5, 1.6, 1.7])
    lines = markdown([mkdocs, zensical]).splitlines()
    assert "| / | 80.0 | 9 | 120.0 | 10 | 1.50× |" in lines
    assert "Of which the search index, on a first visit: MkDocs + Material 9.8 16.0 KB, Zensical 0.0.73 20.0 KB." in lines
    assert "| `/bundle.js` | 70.0 | 108.0 |" in lines
    assert "| MkDocs + Material 9.8 | 2.00 | 1.90, 2.00, 2.10 |" in lines
    assert "| Zensical 0.0.73 | 1.60 | 1.50, 1.60, 1.70 |" in lines


def test_lighthouse_and_search_are_shown_for_each_builder():
    audit = Audit(scores={"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100},
                  fcp_ms=1100.0, lcp_ms=1400.0, total_byte_weight=60000, tbt_ms=40.0)
    mkdocs = BuilderFigures("mkdocs", {"": Visit(requests=9, bytes=60 * 1024)}, [1.0], {"": audit},
                            SearchOpening("example", 40 * 1024, 2, 1250.0))
    zensical = BuilderFigures("zensical", {"": Visit(requests=10, bytes=100 * 1024)}, [1.0], {"": audit}, None)
    lines = markdown([mkdocs, zensical]).splitlines()
    assert "| / | 98, 40, 1.40, 1.10 | 98, 40, 1.40, 1.10 |" in lines
    assert "| MkDocs + Material 9.8 | example | 40.0 | 2 | 1.25 |" in lines
