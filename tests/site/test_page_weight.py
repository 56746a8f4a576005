"""What a first visit to each page downloads, compressed as a web host sends it: the budget that keeps the
site quick on a cheap phone with a poor connection. (Lighthouse and paint times are measured by hand:
scripts/benchmark_site.py.)

Two limits. What every page loads besides its own HTML (the stylesheets, scripts and icon) does not
depend on what a page says, so it is held tight: losing the trimmed stylesheets or loading search on a
first visit would break it. A whole first visit has room for a long page.
"""

from __future__ import annotations

import gzip
import posixpath
import re
from pathlib import Path

from sitebuild.postbuild import pages as html

# KiB (1024 bytes), gzip-compressed. Measured December 2026: 47.7 KiB of shared files (untrimmed
# stylesheets would add 5.5), pages 53-60 KiB.
SHARED_FILES_KIB = 50
FIRST_VISIT_KIB = 75
# Loaded by a first visit: stylesheets, the icon, scripts and images. Not the search index or its
# worker, which load only once someone opens search.
_FIRST_VISIT = {"link": ("stylesheet", "icon"), "script": (), "img": ()}


def _compressed(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def _loaded(site: Path, name: str) -> set[str]:
    """The site's own files a page loads on a first visit (paths in the site)."""
    page = html.read(name, (site / name).read_text(encoding="utf-8"))
    files = set()
    for tag in page.tags:
        if tag.name not in _FIRST_VISIT or (tag.name == "link" and not set(tag.get("rel").split()) & set(_FIRST_VISIT["link"])):
            continue
        for address in html.addresses(tag):
            if re.match(r"[a-z][a-z0-9+.-]*:", address, re.IGNORECASE):
                continue
            path = address.split("?")[0].split("#")[0]
            path = path.lstrip("/") if path.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(name), path))
            if (site / path).is_file():
                files.add(path)
    return files


def test_every_page_loads_few_shared_bytes_and_stays_light(built_site: Path) -> None:
    heavy = []
    for path in sorted(built_site.rglob("*.html")):
        name = path.relative_to(built_site).as_posix()
        shared = sum(_compressed(built_site / file) for file in _loaded(built_site, name)) / 1024
        whole = shared + _compressed(path) / 1024
        if shared > SHARED_FILES_KIB:
            heavy.append(f"{name}: its stylesheets, scripts and icon are {shared:.1f} KiB, over {SHARED_FILES_KIB}")
        if whole > FIRST_VISIT_KIB:
            heavy.append(f"{name}: a first visit is {whole:.1f} KiB, over {FIRST_VISIT_KIB}")
    assert heavy == []
