"""Runs Lighthouse (pinned in benchmark/package.json) on Debian's Chromium, mobile, simulated throttling."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .browser import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parents[2]
LIGHTHOUSE = REPO / "benchmark" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Lighthouse starts Chromium itself; quoting keeps the one flag whose value holds spaces in one piece.
CHROME_FLAGS = " ".join(["--headless=new"] + [
    f'{flag.split("=", 1)[0]}="{flag.split("=", 1)[1]}"' if " " in flag else flag for flag in CHROMIUM_ARGS
])


class LighthouseMissing(Exception):
    """Lighthouse is not installed in benchmark/node_modules."""


@dataclass
class Audit:
    """Lighthouse's verdict on one page: the four category scores (0-100), paints and blocking time in ms,
    forced reflows (ms by the script and place that forced them), failed audits."""

    scores: dict[str, int]
    fcp_ms: float
    lcp_ms: float
    total_byte_weight: int
    failed: dict[str, str] = field(default_factory=dict)
    tbt_ms: float = 0.0
    reflows: dict[str, float] = field(default_factory=dict)

    @property
    def reflow_ms(self) -> float:
        return sum(self.reflows.values())


def check_installed() -> None:
    """Stops with the command to run when Lighthouse has not been installed."""
    if not LIGHTHOUSE.exists():
        raise LighthouseMissing("Lighthouse must be installed first: run `npm ci` in the benchmark/ folder")


def run(url: str, keep_as: Path | None = None) -> Audit:
    """Audits one URL and returns what the report needs; keep_as, if given, receives the full JSON report."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.json"
        command = [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
        ]
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        if result.returncode != 0 or not output.exists():
            raise RuntimeError(f"Lighthouse could not audit {url}:\n{result.stderr[-2000:]}")
        if keep_as:
            keep_as.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(output, keep_as)
        return parse(json.loads(output.read_text(encoding="utf-8")))


def parse(report: dict) -> Audit:
    """Picks the scores, paints and failed audits out of a Lighthouse JSON report."""
    if report.get("runtimeError"):
        raise RuntimeError(f"Lighthouse reported an error: {report['runtimeError'].get('message')}")
    audits = report["audits"]
    scores = {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    failed = {}
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = audits[ref["id"]]
            if audit.get("score") is not None and audit["score"] < 1 and audit["scoreDisplayMode"] in ("binary", "numeric", "metricSavings"):
                failed[ref["id"]] = f'{audit["title"]}' + (f' ({audit["displayValue"]})' if audit.get("displayValue") else "")
    return Audit(
        scores=scores,
        fcp_ms=audits["first-contentful-paint"]["numericValue"],
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        total_byte_weight=int(audits["total-byte-weight"]["numericValue"]),
        failed=failed,
        tbt_ms=audits.get("total-blocking-time", {}).get("numericValue", 0.0),
        reflows=_reflows(audits.get("forced-reflow-insight", {})),
    )


def _reflows(audit: dict) -> dict[str, float]:
    """Forced reflows from Lighthouse's trace, as {"file.js:line:column": ms}; "[unattributed]" where it names no script."""
    reflows: dict[str, float] = {}
    for table in (audit.get("details") or {}).get("items", []):
        for row in table.get("items", []) if isinstance(table, dict) else []:
            source = row.get("source") or {}
            if source.get("type") == "source-location":
                # Lines and columns count from 0 in the trace; editors count from 1.
                place = f'{source["url"].rsplit("/", 1)[-1]}:{source.get("line", 0) + 1}:{source.get("column", 0) + 1}'
            else:
                place = str(source.get("value", "[unattributed]"))
            reflows[place] = reflows.get(place, 0.0) + float(row.get("reflowTime", 0.0))
    return reflows


def median(audits: list[Audit]) -> Audit:
    """Several runs of one page folded into one: the median of each figure, the failures of the middle run,
    and every forced reflow seen in any run (its median time over the runs, counting 0 where a run had none)."""
    middle = sorted(audits, key=lambda audit: audit.fcp_ms)[len(audits) // 2]
    places = {place for audit in audits for place in audit.reflows}
    return Audit(
        scores={name: int(statistics.median(a.scores[name] for a in audits)) for name in CATEGORIES},
        fcp_ms=statistics.median(a.fcp_ms for a in audits),
        lcp_ms=statistics.median(a.lcp_ms for a in audits),
        total_byte_weight=middle.total_byte_weight,
        failed=middle.failed,
        tbt_ms=statistics.median(a.tbt_ms for a in audits),
        reflows={place: statistics.median(a.reflows.get(place, 0.0) for a in audits) for place in sorted(places)},
    )
