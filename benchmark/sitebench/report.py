"""Writes a run's figures as Markdown, for a terminal or a GitHub job summary."""

from __future__ import annotations

from collections import Counter

from .figures import Measurement, Results

CATEGORY_TITLES = {"performance": "Performance", "accessibility": "Accessibility", "best-practices": "Best practices", "seo": "SEO"}


def _kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def _pair(ours: str, plain: str | None, ratio: float | None = None) -> str:
    if plain is None:
        return ours
    return f"{ours} / {plain}" + (f" ({ratio:.2f}×)" if ratio is not None else "")


def _ratio(ours: float, plain: float) -> float | None:
    return ours / plain if plain else None


def _requests(measurement: Measurement) -> str:
    text = str(measurement.requests)
    if measurement.other_origins:
        text += f" +{len(measurement.other_origins)} other origin"
    return text


def page_table(results: Results) -> list[str]:
    """One row per page: each cell is ours / plain Material, with the ratio where it helps."""
    lines = [
        "| Page | Transfer KB | Requests | " + " | ".join(CATEGORY_TITLES.values()) + " | FCP s | LCP s | TBT ms | Forced reflow ms |",
        "| --- | --- | --- | " + " | ".join("---" for _ in CATEGORY_TITLES) + " | --- | --- | --- | --- |",
    ]
    for page in results.pages:
        ours, plain = page.ours, page.baseline
        cells = [
            _pair(_kb(ours.transfer_bytes), plain and _kb(plain.transfer_bytes), plain and _ratio(ours.transfer_bytes, plain.transfer_bytes)),
            _pair(_requests(ours), plain and _requests(plain)),
            *(_pair(str(ours.scores[c]), plain and str(plain.scores[c])) for c in CATEGORY_TITLES),
            _pair(f"{ours.fcp_ms / 1000:.2f}", plain and f"{plain.fcp_ms / 1000:.2f}", plain and _ratio(ours.fcp_ms, plain.fcp_ms)),
            _pair(f"{ours.lcp_ms / 1000:.2f}", plain and f"{plain.lcp_ms / 1000:.2f}", plain and _ratio(ours.lcp_ms, plain.lcp_ms)),
            _pair(f"{ours.tbt_ms:.0f}", plain and f"{plain.tbt_ms:.0f}"),
            _pair(f"{ours.reflow_ms:.0f}", plain and f"{plain.reflow_ms:.0f}"),
        ]
        lines.append(f"| /{page.path} | " + " | ".join(cells) + " |")
    return lines


def search_index_line(results: Results) -> list[str]:
    """How much of a first visit's transfer is the search index, which is fetched before anyone searches."""
    if not results.pages:
        return []
    page = results.pages[0]
    plain = f" / {_kb(page.baseline.search_index_bytes)}" if page.baseline else ""
    return [f"Of the transfer above, the search index is {_kb(page.ours.search_index_bytes)}{plain} KB on every first visit.", ""]


def search_table(results: Results) -> list[str]:
    """What opening search costs once a page has loaded, and how soon it answers."""
    if not results.search:
        return []
    rows = [("Ours", results.search[0]), ("Plain Material", results.search[1])]
    lines = [
        f"| Search opened on /{results.pages[0].path}, slow 4G | Typed | Then downloaded KB | Requests | First results s |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [f"| {name} | {s.word} | {_kb(s.bytes)} | {s.requests} | {s.results_ms / 1000:.2f} |" for name, s in rows if s]
    return lines + [""]


def reflow_table(results: Results) -> list[str]:
    """Every place a script forced a reflow, on how many pages of each site (Lighthouse's trace)."""
    ours: Counter[str] = Counter(place for page in results.pages for place in page.ours.reflows)
    plain: Counter[str] = Counter(place for page in results.pages if page.baseline for place in page.baseline.reflows)
    if not ours and not plain:
        return ["No script forced a reflow on any page.", ""]
    lines = ["| Forced reflow at (script:line:column) | Our pages | Plain Material's pages |", "| --- | --- | --- |"]
    lines += [f"| `{place}` | {ours[place]} | {plain[place]} |" for place in sorted(set(ours) | set(plain), key=lambda p: (-ours[p], p))]
    return lines + [""]


def build_table(results: Results) -> list[str]:
    """Median build times and the overhead of ours over plain `mkdocs build`."""
    build = results.build
    if build is None:
        return []

    def runs(times: list[float]) -> str:
        return ", ".join(f"{time:.2f}" for time in times)

    return [
        "| Build | Median s | Runs s |",
        "| --- | --- | --- |",
        f"| Ours (scripts/website.py build: events, pages, security) | {build.ours_median:.2f} | {runs(build.ours)} |",
        f"| Plain Material (`mkdocs build`) | {build.baseline_median:.2f} | {runs(build.baseline)} |",
        "",
        f"Our build takes {build.overhead * 100:+.0f}% against plain `mkdocs build`.",
        *([f"A first build, with nothing kept in .build-cache/ (as on a fresh clone), took {build.first:.2f} s "
           f"({(build.first / build.baseline_median - 1) * 100:+.0f}%)."] if build.first else []),
    ]


def flagged_audits(results: Results) -> list[str]:
    """The Lighthouse audits our pages fail, most widespread first."""
    counts: Counter[str] = Counter()
    titles = {}
    for page in results.pages:
        for audit, title in page.ours.failed_audits.items():
            counts[audit] += 1
            titles[audit] = title
    if not counts:
        return ["Lighthouse flags nothing on our pages."]
    lines = ["| Lighthouse audit failed on our pages | Pages | Example |", "| --- | --- | --- |"]
    lines += [f"| `{audit}` | {count} | {titles[audit].replace('|', '/')} |" for audit, count in counts.most_common()]
    return lines


def first_visit_files(results: Results) -> list[str]:
    """What the home page downloads on a first visit, ours beside plain Material."""
    if not results.pages:
        return []
    page = results.pages[0]
    plain = dict(page.baseline.files) if page.baseline else {}
    ours = dict(page.ours.files)
    lines = [f"| File downloaded by /{page.path} | Ours KB | Plain KB |", "| --- | --- | --- |"]
    for name in sorted(set(ours) | set(plain), key=lambda name: -max(ours.get(name, 0), plain.get(name, 0))):
        lines.append(f"| `{name}` | {_kb(ours[name]) if name in ours else '—'} | {_kb(plain[name]) if name in plain else '—'} |")
    return lines


def misses_section(title: str, misses: list[str], all_met: str) -> list[str]:
    """A heading, then each missed limit, or one line saying none was missed."""
    return [f"### {title}", "", *([f"- {miss}" for miss in misses] or [all_met]), ""]


def markdown(results: Results, budget_misses: list[str], target_misses: list[str], notes: list[str]) -> str:
    """The whole report."""
    parts = [
        "## Performance: our site / plain Material",
        "",
        "Each cell is *ours / plain Material* on a first visit from a phone (Lighthouse mobile, simulated slow 4G).",
        "",
        *page_table(results),
        "",
        *search_index_line(results),
        *search_table(results),
        *build_table(results),
        "",
    ]
    parts += misses_section("Budget (benchmark/budget.yml: fails the check)", budget_misses, "Everything is within budget.")
    parts += misses_section("Targets (benchmark/targets.yml: reported only)", target_misses, "Every target is met.")
    parts += ["### What Lighthouse flags", "", *flagged_audits(results), "", *reflow_table(results),
              *first_visit_files(results), ""]
    parts += ["### How this was measured", "", *(f"- {note}" for note in notes), ""]
    return "\n".join(parts)
