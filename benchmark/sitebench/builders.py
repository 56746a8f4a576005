"""Page weight, Lighthouse figures, search and build time of the site built by each builder, side by side in one run.

Each builder builds the whole site with scripts/website.py build (events, pages, packing, security,
link check). Every page then gets a first visit in Chromium (the same count of bytes and requests
as the main benchmark) and Lighthouse's mobile audit; search is opened on the first page; and the
builds are timed in turns, so drift on the machine hits each alike. Reported only, with no budget:
it is for choosing the builder.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import browser, lighthouse, server, sites

BUILDERS = ("mkdocs", "zensical")
NAMES = {"mkdocs": "MkDocs + Material 9.8", "zensical": "Zensical 0.0.73"}


@dataclass
class BuilderFigures:
    """One builder: a first visit to each page, its Lighthouse audit, search once opened, and each timed build in seconds."""

    builder: str
    visits: dict[str, browser.Visit] = field(default_factory=dict)
    build_seconds: list[float] = field(default_factory=list)
    audits: dict[str, lighthouse.Audit] = field(default_factory=dict)
    search: browser.SearchOpening | None = None

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.build_seconds) if self.build_seconds else float("nan")


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _timed(builder: str, site_dir: Path) -> float:
    shutil.rmtree(site_dir, ignore_errors=True)
    start = time.perf_counter()
    sites.run_build(sites.our_build_command(site_dir, builder))
    return time.perf_counter() - start


def run(choose_pages, runs: int, lighthouse_runs: int = 1, reports_dir: Path | None = None) -> list[BuilderFigures]:
    """Builds with each builder, visits and audits the chosen pages of each build, opens search, then times `runs` builds of each.
    With lighthouse_runs 0, no Lighthouse."""
    if lighthouse_runs:
        lighthouse.check_installed()
    figures = [BuilderFigures(builder) for builder in BUILDERS]
    with tempfile.TemporaryDirectory(prefix="benchmark-builders-") as folder:
        work = Path(folder)
        for figure in figures:
            _progress(f"Building with {NAMES[figure.builder]}")
            sites.run_build(sites.our_build_command(work / figure.builder, figure.builder))
        paths = choose_pages(sites.page_paths(work / BUILDERS[0]))
        for figure in figures:
            _progress(f"{NAMES[figure.builder]}: first visits to {len(paths)} pages")
            with server.serve(work / figure.builder) as base_url:
                figure.visits = browser.measure(base_url, paths)
                for path in paths if lighthouse_runs else ():
                    _progress(f"{NAMES[figure.builder]}: Lighthouse on /{path}")
                    keep = [reports_dir / figure.builder / f"{path.strip('/').replace('/', '_') or 'home'}-{n + 1}.json"
                            if reports_dir else None for n in range(lighthouse_runs)]
                    figure.audits[path] = lighthouse.median([lighthouse.run(base_url + path, where) for where in keep])
                if paths:
                    _progress(f"{NAMES[figure.builder]}: opening search on /{paths[0]}")
                    figure.search = browser.search_opening(base_url, paths[0])
        _progress(f"Timing builds: {runs} runs each, in turns")
        for _ in range(runs):
            for figure in figures:
                figure.build_seconds.append(_timed(figure.builder, work / f"time-{figure.builder}"))
    return figures


def markdown(figures: list[BuilderFigures]) -> str:
    """Per page: first-visit transfer and requests for each builder; then build times."""
    first, *others = figures
    heads = " | ".join(f"{NAMES[f.builder]} KB | requests" for f in figures)
    lines = [
        "## Page weight and build time: MkDocs beside Zensical",
        "",
        "First visit from a phone in Chromium (empty cache, gzip as GitHub Pages sends it); KB = 1024 bytes,",
        "the search index included. Both builds are the full `scripts/website.py build`.",
        "",
        f"| Page | {heads} | Zensical / MkDocs |",
        "| --- | " + " | ".join("--- | ---" for _ in figures) + " | --- |",
    ]
    for path, visit in first.visits.items():
        cells = []
        for figure in figures:
            other = figure.visits.get(path)
            cells.append(f"{other.bytes / 1024:.1f} | {other.requests}" if other else "— | —")
        last = figures[-1].visits.get(path)
        ratio = f"{last.bytes / visit.bytes:.2f}×" if last and visit.bytes else "—"
        lines.append(f"| /{path} | " + " | ".join(cells) + f" | {ratio} |")
    index = [f"{NAMES[f.builder]} {next(iter(f.visits.values())).search_index_bytes / 1024:.1f} KB"
             for f in figures if f.visits]
    lines += ["", "Of which the search index, on a first visit: " + ", ".join(index) + ".", ""]
    lines += _lighthouse_table(figures)
    lines += _search_table(figures)
    lines += _files_table(figures)
    lines += ["| Build (scripts/website.py build) | Median s | Runs s |", "| --- | --- | --- |"]
    for figure in figures:
        runs = ", ".join(f"{seconds:.2f}" for seconds in figure.build_seconds)
        lines.append(f"| {NAMES[figure.builder]} | {figure.median_seconds:.2f} | {runs} |")
    return "\n".join(lines) + "\n"


def _files_table(figures: list[BuilderFigures]) -> list[str]:
    """What the first page measured downloads, file by file, for each builder."""
    path = next(iter(figures[0].visits), None)
    if path is None:
        return []
    sizes = [dict(figure.visits[path].files) for figure in figures if path in figure.visits]
    names = sorted({name for files in sizes for name in files}, key=lambda name: -max(files.get(name, 0) for files in sizes))
    lines = [f"| File downloaded by /{path} | " + " | ".join(f"{NAMES[f.builder]} KB" for f in figures) + " |",
             "| --- | " + " | ".join("---" for _ in figures) + " |"]
    for name in names:
        lines.append(f"| `{name}` | " + " | ".join(f"{files[name] / 1024:.1f}" if name in files else "—" for files in sizes) + " |")
    return lines + [""]


def _lighthouse_table(figures: list[BuilderFigures]) -> list[str]:
    """Per page, Lighthouse's mobile performance score, TBT, LCP and FCP under each builder (medians)."""
    audited = [figure for figure in figures if figure.audits]
    if not audited:
        return []
    heads = " | ".join(f"{NAMES[f.builder]}: performance, TBT ms, LCP s, FCP s" for f in audited)
    lines = [f"| Page (Lighthouse mobile) | {heads} |", "| --- | " + " | ".join("---" for _ in audited) + " |"]
    for path in audited[0].audits:
        cells = []
        for figure in audited:
            audit = figure.audits.get(path)
            cells.append(f"{audit.scores['performance']}, {audit.tbt_ms:.0f}, {audit.lcp_ms / 1000:.2f}, {audit.fcp_ms / 1000:.2f}"
                         if audit else "—")
        lines.append(f"| /{path} | " + " | ".join(cells) + " |")
    return lines + [""]


def _search_table(figures: list[BuilderFigures]) -> list[str]:
    """Search opened after a first visit, on a slow phone: what it downloads and how soon it answers."""
    opened = [figure for figure in figures if figure.search]
    if not opened:
        return []
    lines = ["| Search opened, slow 4G | Typed | Then downloaded KB | Requests | First results s |", "| --- | --- | --- | --- | --- |"]
    lines += [f"| {NAMES[f.builder]} | {f.search.word} | {f.search.bytes / 1024:.1f} | {f.search.requests} | "
              f"{f.search.results_ms / 1000:.2f} |" for f in opened]
    return lines + [""]
