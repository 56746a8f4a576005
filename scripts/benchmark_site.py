"""Measures the site against plain Material: first-visit transfer, Lighthouse mobile scores and paints, build time.

Usage: python scripts/benchmark_site.py [--quick] [--runs N] [--lighthouse-runs N] [--json FILE] [--enforce-budget]
       python scripts/benchmark_site.py --builders [--quick] [--runs N] [--lighthouse-runs N] [--page PATH]

With --builders it compares the two builders instead (benchmark/sitebench/builders.py): page weight,
Lighthouse figures, search once opened and build time of the site built with MkDocs beside the
same site built with Zensical, reported only, with no budget.

Prints a Markdown report (ours / plain Material per page, then which limits were missed) to stdout;
progress goes to stderr. Needs Lighthouse: run `npm ci` in benchmark/ once. With --enforce-budget,
exits 1 when a page or the build misses a limit in benchmark/budget.yml; misses of the targets in
benchmark/targets.yml are reported only.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

# The benchmark's code lives beside its budget and Lighthouse pin, in benchmark/sitebench/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmark"))

from sitebench import budget as budgets  # noqa: E402
from sitebench import builders, report  # noqa: E402
from sitebench.lighthouse import LighthouseMissing  # noqa: E402
from sitebench.run import NOTES, Options, choose_pages, run  # noqa: E402
from sitebench.sites import SiteBuildFailed  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="three pages (home, get help, events) and three timed builds: a quick look while working")
    parser.add_argument("--runs", type=int, help="timed builds of each site (default 5, or 3 with --quick)")
    parser.add_argument("--lighthouse-runs", type=int, default=1, help="Lighthouse runs per page; the median is reported")
    parser.add_argument("--page", action="append", default=[], help="measure only this page, e.g. get-help/ (repeatable)")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument("--lighthouse-reports", type=Path, help="keep every Lighthouse JSON report in this folder")
    parser.add_argument("--budget", type=Path, default=budgets.BUDGET, help="limits that fail the check (default benchmark/budget.yml)")
    parser.add_argument("--targets", type=Path, default=budgets.TARGETS, help="limits only reported (default benchmark/targets.yml)")
    parser.add_argument("--enforce-budget", action="store_true", help="exit 1 when anything misses the budget")
    parser.add_argument("--builders", action="store_true",
                        help="compare page weight, Lighthouse figures, search and build time of MkDocs and Zensical builds instead")
    args = parser.parse_args(argv)
    runs = args.runs if args.runs is not None else (3 if args.quick else 5)
    if runs < 0 or args.lighthouse_runs < (0 if args.builders else 1):
        parser.error("--runs must be 0 or more and --lighthouse-runs at least 1 (0 is allowed with --builders: no Lighthouse)")
    if args.builders:
        options = Options(quick=args.quick, pages=tuple(args.page))
        try:
            figures = builders.run(lambda available: choose_pages(available, options), runs,
                                   lighthouse_runs=args.lighthouse_runs, reports_dir=args.lighthouse_reports)
        except (LighthouseMissing, SiteBuildFailed, ValueError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        print(builders.markdown(figures))
        return 0
    try:
        budget, targets = budgets.load(args.budget), budgets.load(args.targets)
        results = run(Options(quick=args.quick, pages=tuple(args.page), build_runs=runs, lighthouse_runs=args.lighthouse_runs,
                               reports_dir=args.lighthouse_reports))
    except (budgets.BudgetError, LighthouseMissing, SiteBuildFailed, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    misses, target_misses = budgets.check(results, budget), budgets.check(results, targets)
    print(report.markdown(results, misses, target_misses, NOTES))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        figures = dataclasses.asdict(results)
        if results.build:
            figures["build"].update(ours_median=results.build.ours_median, baseline_median=results.build.baseline_median,
                                    overhead=results.build.overhead)
        figures["budget_misses"], figures["target_misses"] = misses, target_misses
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if args.enforce_budget and misses:
        print(f"{len(misses)} budget limits missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
