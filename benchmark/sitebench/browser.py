"""Counts what a first visit to each page downloads, in the system's Chromium driven by Playwright."""

from __future__ import annotations

import os
import statistics
import time
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
# The search index (Material's, then Zensical's): counted in a visit's bytes, and shown apart too.
SEARCH_INDEXES = ("/search/search_index.json", "/search.json")
# Lighthouse's mobile network and CPU (slow 4G, 4x slower CPU), for timing search once it opens.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8, "uploadThroughput": 750 * 1024 / 8}
CPU_SLOWDOWN = 4
# What opens search on a phone: our header's button, plain Material's icon, Zensical's button.
SEARCH_OPENERS = ("button[data-toggle='__search']", ".md-header label[for='__search']", ".md-search__button")
# Material's search box and results, then Zensical's.
SEARCH_INPUT = ".md-search__input, [role='combobox']"
SEARCH_RESULT = ".md-search-result__item, [role='option']"


@dataclass
class Visit:
    """What one first visit to one page downloaded from the site (search index included), and what it asked of other origins."""

    requests: int = 0
    bytes: int = 0
    search_index_bytes: int = 0
    other_origins: list[str] = field(default_factory=list)
    files: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class SearchOpening:
    """Opening search on a page after its first visit, on a slow phone: what it downloads, and how soon results show."""

    word: str
    bytes: int
    requests: int
    results_ms: float


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
            visit.requests += 1
            visit.bytes += size
            visit.files.append((urlsplit(request.url).path, size))
    finally:
        context.close()
    return visit


def search_opening(base_url: str, path: str, runs: int = 3) -> SearchOpening:
    """Opens search on a page loaded on a slow phone, types the first long word of its heading, and times the first results (median of runs)."""
    snap_safe_temp_folder(CHROMIUM)
    timings, sizes = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                word, size, count, ms = _open_search(browser, base_url + path)
                timings.append(ms)
                sizes.append((size, count))
        finally:
            browser.close()
    size, count = sizes[len(sizes) // 2]
    return SearchOpening(word=word, bytes=size, requests=count, results_ms=statistics.median(timings))


def _open_search(browser, url: str) -> tuple[str, int, int, float]:
    context = browser.new_context(**MOBILE, service_workers="block")
    finished: list[Request] = []
    try:
        page = context.new_page()
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", SLOW_4G)
        session.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.goto(url, wait_until="networkidle")
        word = next((w for w in page.inner_text("h1").split() if len(w) >= 4 and w.isalpha()), "help").lower()
        context.on("requestfinished", lambda request: finished.append(request))
        start = time.perf_counter()
        opener = next((page.locator(selector).first for selector in SEARCH_OPENERS if page.locator(selector).first.is_visible()), None)
        if opener is None:
            raise RuntimeError(f"{url} shows no way to open search")
        opener.click()
        page.locator(SEARCH_INPUT).first.press_sequentially(word)
        page.wait_for_selector(SEARCH_RESULT, timeout=60000)
        elapsed = (time.perf_counter() - start) * 1000
        page.wait_for_load_state("networkidle")
        return word, sum(_transferred(request) for request in finished), len(finished), elapsed
    finally:
        context.close()
