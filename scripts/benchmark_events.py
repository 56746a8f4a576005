"""Prints how long validating and rendering made-up events takes, and the peak memory, at three sizes.

Usage: python scripts/benchmark_events.py [--sizes 1000 10000 50000]

Figures, not a test: the target is 10,000 events in under 2 seconds, growing linearly. Each size
runs the whole pipeline in memory (parse the YAML, validate, build the model, render the page
fragments, JSON-LD and calendar files) without writing anything.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from datetime import date, timedelta

from events.build import generate

TODAY = date(2026, 11, 25)


def made_up_events(count: int) -> str:
    """YAML for count made-up events on successive days."""
    parts = ["events:\n"]
    for number in range(count):
        day = TODAY + timedelta(days=number % 3000 - 1000)
        parts.append(f"""\
  - id: example-event-{number}
    title: Example Event For Benchmarks {number}
    date: {day.isoformat()}
    start: "18:30"
    end: "20:30"
    venue:
      name: Example Hall For Benchmarks
      address: {number} Example Road, Testville
      postcode: E8 1AA
      borough: {"Hackney" if number % 2 else "Tower Hamlets"}
    audience: Women only
    description: |
      A made-up event number {number} with *emphasis* and a [link](https://www.example.org).

      - one point
      - another point
    booking:
      link: https://www.example.org/book/{number}
    cost: free
    access: Step-free entrance and an accessible toilet.
    status: {"cancelled" if number % 10 == 0 else "scheduled"}
""")
    return "".join(parts)


def measure(count: int) -> tuple[float, float, int]:
    """Seconds, peak MiB (whole process, YAML text included) and number of output files for one size."""
    text = made_up_events(count)
    started = time.perf_counter()
    fragments, calendars = generate(text, TODAY, "https://example.org/")
    seconds = time.perf_counter() - started
    # ru_maxrss is in KiB on Linux. tracemalloc would be more exact but slows the run several times.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return seconds, peak, len(fragments) + len(calendars)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        seconds, peak, files = measure(args.one)
        print(f"{args.one:>8,} {seconds:>9.2f} {seconds / args.one * 1000:>10.3f} {peak:>9.1f} {files:>7,}")
        return 0
    print(f"{'events':>8} {'seconds':>9} {'per 1,000':>10} {'peak MiB':>9} {'files':>7}")
    for count in args.sizes:
        # A fresh process per size, so each peak memory figure is that size's own.
        subprocess.run([sys.executable, __file__, "--one", str(count)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
