"""Points 11 and 12 in the built files: the policy right after <meta charset>, and no-referrer, on every page."""

from __future__ import annotations

import re
from pathlib import Path

CSP_AFTER_CHARSET = re.compile(
    r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">'
)
FORBIDDEN_IN_META = ("frame-ancestors", "report-uri", "sandbox", "unsafe-inline", "unsafe-eval")


def test_every_page_has_the_policy_after_charset_and_no_referrer(built_site: Path) -> None:
    """Every HTML page, 404 included, carries a strict policy straight after <meta charset>."""
    pages = sorted(built_site.rglob("*.html"))
    assert built_site / "404.html" in pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        match = CSP_AFTER_CHARSET.search(text)
        assert match, f"{page}: the policy must follow <meta charset>"
        policy = match.group(1)
        assert policy.startswith("default-src 'self'; script-src 'self'"), page
        assert not [word for word in FORBIDDEN_IN_META if word in policy], page
        assert '<meta name="referrer" content="no-referrer">' in text, page


def test_headers_file_matches_the_pages(built_site: Path) -> None:
    """_headers sends the same policy as HTTP headers, with framing forbidden, for hosts that read it."""
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    assert "frame-ancestors 'none'" in headers
    assert "  Referrer-Policy: no-referrer\n" in headers
    assert "  X-Content-Type-Options: nosniff\n" in headers
    for page in built_site.rglob("*.html"):
        policy = CSP_AFTER_CHARSET.search(page.read_text(encoding="utf-8")).group(1)
        for source in re.findall(r"'sha256-[^']+'", policy):
            assert source in headers, f"{page}: {source} missing from _headers"
