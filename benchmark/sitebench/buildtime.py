"""Times our full build against a plain `mkdocs build` of the same pages."""

from __future__ import annotations

import shutil
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from . import sites


@dataclass
class BuildTimes:
    """Seconds per run for each build, in the order they ran."""

    ours: list[float]
    baseline: list[float]
    # Our build with nothing kept from an earlier build (.build-cache/ empty), as on a fresh clone.
    first: float | None = None

    @property
    def ours_median(self) -> float:
        return statistics.median(self.ours)

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline)

    @property
    def overhead(self) -> float:
        """How much longer our build takes, as a fraction of the plain build (0.3 is 30% longer)."""
        return self.ours_median / self.baseline_median - 1


def _timed(command: list[str], site_dir: Path) -> float:
    shutil.rmtree(site_dir, ignore_errors=True)
    start = time.perf_counter()
    sites.run_build(command)
    return time.perf_counter() - start


def measure(baseline_config: Path, work: Path, runs: int) -> BuildTimes:
    """Times our first build with nothing kept, then alternates the two builds, after one untimed
    warm-up each, so drift on the machine hits both alike."""
    ours_dir, baseline_dir = work / "time-ours", work / "time-baseline"
    ours_command = sites.our_build_command(ours_dir)
    baseline_command = sites.baseline_build_command(baseline_config, baseline_dir)
    shutil.rmtree(sites.REPO / ".build-cache", ignore_errors=True)
    times = BuildTimes(ours=[], baseline=[], first=_timed(ours_command, ours_dir))
    sites.run_build(baseline_command)
    for _ in range(runs):
        times.ours.append(_timed(ours_command, ours_dir))
        times.baseline.append(_timed(baseline_command, baseline_dir))
    return times
