"""Page weight and build time of the site built by each builder, measured side by side in one run.

Each builder builds the whole site with scripts/build_site.py (events, pages, security, link
check). Every page then gets a first visit in Chromium (the same count of bytes and requests as
the main benchmark), and the builds are timed in turns, so drift on the machine hits each alike.
No Lighthouse: this compares the builders' weight and speed, for a later performance decision.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import browser, server, sites

BUILDERS = ("mkdocs", "zensical")
NAMES = {"mkdocs": "MkDocs + Material 9.8", "zensical": "Zensical 0.0.73"}


@dataclass
class BuilderFigures:
    """One builder: a first visit to each page, and each timed build in seconds."""

    builder: str
    visits: dict[str, browser.Visit] = field(default_factory=dict)
    build_seconds: list[float] = field(default_factory=list)

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


def run(choose_pages, runs: int) -> list[BuilderFigures]:
    """Builds with each builder, visits the chosen pages of each build, then times `runs` builds of each."""
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
        "the search index left out (it is listed below). Both builds are the full `scripts/build_site.py`.",
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
    lines += ["", "Search index, downloaded on a first visit too: " + ", ".join(index) + ".", ""]
    lines += _files_table(figures)
    lines += ["| Build (scripts/build_site.py) | Median s | Runs s |", "| --- | --- | --- |"]
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
