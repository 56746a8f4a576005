"""Counts what a first visit to each page downloads, in the system's Chromium driven by Playwright."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Request, sync_playwright

# Where Debian and Ubuntu put Chromium, in the order scripts/setup.sh looks (a test keeps them equal):
# Debian's package, Ubuntu's older wrapper, and Ubuntu's snap. CHROMIUM=/path/to/chromium picks another.
CHROMIUM_PLACES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium")


def find_chromium(environ: dict[str, str] | os._Environ = os.environ) -> str:
    """$CHROMIUM if set, else the first of CHROMIUM_PLACES that is installed, else Debian's place."""
    if environ.get("CHROMIUM"):
        return environ["CHROMIUM"]
    return next((place for place in CHROMIUM_PLACES if os.access(place, os.X_OK)), CHROMIUM_PLACES[0])


def snap_safe_temp_folder(chromium: str, environ: dict[str, str] | os._Environ = os.environ) -> None:
    """Points TMPDIR into the snap's own folder when Chromium is Ubuntu's snap."""
    # A snap cannot see the system's /tmp, where Playwright makes each browser profile; the snap's
    # own folder in the home directory is one it can use.
    if not chromium.startswith("/snap/") and not (chromium == CHROMIUM_PLACES[1] and os.path.exists(CHROMIUM_PLACES[2])):
        return
    folder = Path(environ.get("HOME", str(Path.home()))) / "snap" / "chromium" / "common" / "playwright-tmp"
    folder.mkdir(parents=True, exist_ok=True)
    environ["TMPDIR"] = str(folder)


CHROMIUM = find_chromium()
# No browser chatter; other origins resolve to nothing, so a run never leaves the machine (they are still counted).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
# Lighthouse's mobile device (a moto g power), so both tools load the same images and layout.
MOBILE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
# Downloaded for search, not for reading the page; the budget leaves it out. (Material's, then Zensical's.)
SEARCH_INDEXES = ("/search/search_index.json", "/search.json")


@dataclass
class Visit:
    """What one first visit to one page downloaded from the site, and what it asked of other origins."""

    requests: int = 0
    bytes: int = 0
    search_index_bytes: int = 0
    other_origins: list[str] = field(default_factory=list)
    files: list[tuple[str, int]] = field(default_factory=list)


def _transferred(request: Request) -> int:
    """Headers plus the body as sent (compressed), for one finished request."""
    response = request.response()
    if response is None:
        return 0
    sizes = request.sizes()
    # Playwright reports 0 body bytes for a worker's script; our server always sends Content-Length.
    sent = int(response.headers.get("content-length", "0") or 0)
    return sizes["responseHeadersSize"] + max(sizes["responseBodySize"], sent)


def measure(base_url: str, paths: list[str]) -> dict[str, Visit]:
    """One first visit per page, each in a fresh browser context with an empty cache."""
    origin = urlsplit(base_url).netloc
    visits: dict[str, Visit] = {}
    snap_safe_temp_folder(CHROMIUM)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for path in paths:
                visits[path] = _visit(browser, base_url + path, origin)
        finally:
            browser.close()
    return visits


def _visit(browser, url: str, origin: str) -> Visit:
    visit = Visit()
    context = browser.new_context(**MOBILE, service_workers="block")
    finished: list[Request] = []

    def on_request(request: Request) -> None:
        host = urlsplit(request.url).netloc
        if request.url.startswith(("http:", "https:")) and host != origin:
            visit.other_origins.append(request.url)

    context.on("request", on_request)
    context.on("requestfinished", lambda request: finished.append(request))
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        for request in finished:
            if urlsplit(request.url).netloc != origin:
                continue
            size = _transferred(request)
            if urlsplit(request.url).path.endswith(SEARCH_INDEXES):
                visit.search_index_bytes += size
                continue
            visit.requests += 1
            visit.bytes += size
            visit.files.append((urlsplit(request.url).path, size))
    finally:
        context.close()
    return visit
