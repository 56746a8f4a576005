"""Builds the site into site/, all or nothing: for publication, or as a preview to look at on this machine.

Usage: SITE_URL=https://... python scripts/build_site.py [--site-dir DIR]
       python scripts/build_site.py --preview [--site-dir DIR]

For publication (the default), SITE_URL must be the address the site is published at: the sitemap,
the calendar links and each event's calendar entry are made from it. --preview builds for
http://127.0.0.1:8000/ instead: for a pull request's preview download, the tests, and a look on
this machine.

`mkdocs build --strict` runs the site's own steps through its hooks: the events first
(scripts/build_events.py), the security tags last (scripts/secure_site.py). A builder that ignores
hooks runs those two scripts around itself instead (README.md). If any step fails, the previous
site/ is left exactly as it was.
"""

from __future__ import annotations

import argparse
import os
import ipaddress
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "mkdocs.yml"
# Where `python3 -m http.server 8000` (CONTRIBUTING.md) and scripts/serve.sh show a preview; mkdocs.yml's default.
PREVIEW_URL = "http://127.0.0.1:8000/"


class BuildFailed(Exception):
    """A build step failed; its own messages have already been printed."""


def build(site_dir: Path, config: Path = CONFIG, extra_env: dict[str, str] | None = None,
          site_url: str = PREVIEW_URL) -> None:
    """Builds for site_url (a preview unless told otherwise) into a sibling folder, then swaps it into place."""
    site_dir = site_dir.resolve()
    staging = site_dir.with_name(f".{site_dir.name}.building")
    shutil.rmtree(staging, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {}), "SITE_URL": site_url}
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


def publication_address(value: str | None) -> str:
    """SITE_URL as given, if a published site can use it; raises BuildFailed saying how to set it."""
    value = (value or "").strip()
    if not value:
        raise BuildFailed(
            "SITE_URL is not set, so the site does not know the address it will be published at (the sitemap "
            "and the calendar links are made from it). Set it to that address, like "
            "SITE_URL=https://www.example.org/ scripts/build.sh, or build a preview to look at on this "
            "machine with scripts/build.sh --preview")
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname:
        raise BuildFailed(f"SITE_URL must be the site's whole address, starting with https://, like "
                          f"https://www.example.org/; found {value!r}")
    if parts.hostname == "localhost" or _is_local(parts.hostname):
        raise BuildFailed(f"SITE_URL must be the address the site is published at, not this machine's; "
                          f"found {value!r} (to look at the site here, build with --preview)")
    return value


def _is_local(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_private
    except ValueError:
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preview", action="store_true",
                        help=f"build to look at on this machine, at {PREVIEW_URL}, instead of for publication")
    parser.add_argument("--site-dir", type=Path, default=REPO / "site")
    args = parser.parse_args(argv)
    try:
        site_url = PREVIEW_URL if args.preview else publication_address(os.environ.get("SITE_URL"))
        build(args.site_dir, site_url=site_url)
    except BuildFailed as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    what = f"a preview for {PREVIEW_URL}" if args.preview else f"the site for {site_url}"
    print(f"Built {what} into {args.site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
