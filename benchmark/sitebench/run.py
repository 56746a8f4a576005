"""Runs the whole benchmark: build both sites, visit and audit every page, time the builds, compare."""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

from . import browser, buildtime, lighthouse, server, sites
from .figures import Measurement, PageComparison, Results

# The pages a quick run measures: the busiest, the one people need most urgently, and events.
QUICK_PAGES = ("", "get-help/", "events/")

NOTES = [
    "Both sites are served from 127.0.0.1 by a static server that gzips text like GitHub Pages (HTTP/1.1, no TLS, "
    "`Cache-Control: max-age=600`), so absolute paint times differ from the published site; the ratios compare like with like.",
    "Transfer: headers plus compressed bodies of every same-origin response on a first visit in Chromium "
    "(412×823 phone viewport, empty cache, until the network is idle), the search index included. KB = 1024 bytes.",
    "Scores, paints, total blocking time (TBT) and forced reflows: Lighthouse 12 (benchmark/package.json), mobile form "
    "factor, simulated throttling (slow 4G, 4× CPU); forced reflows from Lighthouse's trace, by the script and place "
    "that forced them.",
    "Search: the first page measured, loaded on Chromium's slow 4G and 4× slower CPU; then the header's search button, "
    "the first long word of the page's heading typed, and the time until the first result shows (median of 3).",
    "Other origins resolve to nothing in every run (Chromium `--host-resolver-rules`), so no run leaves the machine. "
    "Plain Material asks Google Fonts for Roboto on every page (a render-blocking stylesheet, then font files): that request "
    "is counted as `+1 other origin`, but its bytes cannot be counted here. Lighthouse's simulation still charges plain "
    "Material's paints for waiting on that stylesheet's connection, though not for the fonts it would bring.",
    "Plain Material: the same docs/, nav and Markdown extensions, theme `material` with default fonts, features and palette; "
    "no overrides, hooks or extra plugins. Built after ours, so it uses the events fragments our build generated.",
]


@dataclass(frozen=True)
class Options:
    """What to measure and how often."""

    quick: bool = False
    pages: tuple[str, ...] = ()
    build_runs: int = 5
    lighthouse_runs: int = 1
    reports_dir: Path | None = None
    search: bool = True


def progress(message: str) -> None:
    """Keeps stdout for the report; progress goes to stderr."""
    print(message, file=sys.stderr, flush=True)


def _report_path(options: Options, label: str, path: str, run: int) -> Path | None:
    if options.reports_dir is None:
        return None
    return options.reports_dir / label / f"{path.strip('/').replace('/', '_') or 'home'}-{run + 1}.json"


def measure_site(site_dir: Path, paths: list[str], options: Options, label: str) -> dict[str, Measurement]:
    """First-visit transfer and Lighthouse figures for each page of one built site."""
    measurements = {}
    with server.serve(site_dir) as base_url:
        progress(f"{label}: first visits to {len(paths)} pages")
        visits = browser.measure(base_url, paths)
        for path in paths:
            progress(f"{label}: Lighthouse on /{path}")
            runs = range(options.lighthouse_runs)
            audit = lighthouse.median([lighthouse.run(base_url + path, _report_path(options, label, path, n)) for n in runs])
            visit = visits[path]
            measurements[path] = Measurement(
                requests=visit.requests, transfer_bytes=visit.bytes, search_index_bytes=visit.search_index_bytes,
                other_origins=visit.other_origins, scores=audit.scores, fcp_ms=audit.fcp_ms, lcp_ms=audit.lcp_ms,
                failed_audits=audit.failed, files=visit.files, tbt_ms=audit.tbt_ms, reflows=audit.reflows,
            )
    return measurements


def measure_search(site_dir: Path, path: str, label: str) -> browser.SearchOpening | None:
    """Search opened on one page of one built site, on a slow phone; None when the page offers no search."""
    with server.serve(site_dir) as base_url:
        progress(f"{label}: opening search on /{path}")
        try:
            return browser.search_opening(base_url, path)
        except (PlaywrightError, RuntimeError) as error:
            progress(f"{label}: search could not be timed: {str(error).splitlines()[0]}")
            return None


def choose_pages(available: list[str], options: Options) -> list[str]:
    """The pages asked for, or the quick set, or every page."""
    if options.pages:
        wanted = [page.strip("/") + "/" if page.strip("/") else "" for page in options.pages]
        unknown = [page for page in wanted if page not in available]
        if unknown:
            raise ValueError(f"/{unknown[0]} is not a page of the built site; pages are: " + ", ".join("/" + p for p in available))
        return wanted
    if options.quick:
        return [page for page in QUICK_PAGES if page in available] or available[:3]
    return available


def run(options: Options) -> Results:
    """Builds, measures and compares; returns every figure."""
    lighthouse.check_installed()
    with tempfile.TemporaryDirectory(prefix="benchmark-") as folder:
        work = Path(folder)
        progress("Building our site")
        sites.run_build(sites.our_build_command(work / "ours"))
        progress("Building the same pages with plain Material")
        baseline_config = sites.write_baseline_config(work)
        sites.run_build(sites.baseline_build_command(baseline_config, work / "baseline"))
        paths = choose_pages(sites.page_paths(work / "ours"), options)
        plain_paths = set(sites.page_paths(work / "baseline"))
        ours = measure_site(work / "ours", paths, options, "ours")
        plain = measure_site(work / "baseline", [p for p in paths if p in plain_paths], options, "plain-material")
        search = None
        if options.search and paths:
            ours_search = measure_search(work / "ours", paths[0], "ours")
            plain_search = measure_search(work / "baseline", paths[0], "plain-material") if paths[0] in plain_paths else None
            search = (ours_search, plain_search) if ours_search else None
        progress(f"Timing builds: {options.build_runs} runs each")
        build = buildtime.measure(baseline_config, work, options.build_runs) if options.build_runs else None
    pages = [PageComparison(path, ours[path], plain.get(path)) for path in paths]
    return Results(pages=pages, build=build, search=search)
