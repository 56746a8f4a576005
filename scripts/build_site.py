"""Builds the production site into site/, all or nothing.

Usage: python scripts/build_site.py [--site-dir DIR]

`mkdocs build --strict` runs the site's own steps through its hooks: the events first
(scripts/build_events.py), the security tags last (scripts/secure_site.py). A builder that ignores
hooks runs those two scripts around itself instead (README.md). If any step fails, the previous
site/ is left exactly as it was.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "mkdocs.yml"


class BuildFailed(Exception):
    """A build step failed; its own messages have already been printed."""


def build(site_dir: Path, config: Path = CONFIG, extra_env: dict[str, str] | None = None) -> None:
    """Builds into a sibling folder, then swaps it into place."""
    site_dir = site_dir.resolve()
    staging = site_dir.with_name(f".{site_dir.name}.building")
    shutil.rmtree(staging, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    result = subprocess.run(
        # No --quiet: it hides warnings, and then --strict lets broken links through.
        [sys.executable, "-m", "mkdocs", "build", "--strict",
         "--config-file", str(config), "--site-dir", str(staging)],
        cwd=config.parent, env=env,
    )
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(f"the site was not built (see the messages above), so {site_dir} was left as it was")
    _swap_into_place(staging, site_dir)


def _swap_into_place(staging: Path, site_dir: Path) -> None:
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=REPO / "site")
    args = parser.parse_args(argv)
    try:
        build(args.site_dir)
    except BuildFailed as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Built the site into {args.site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
