"""The _headers file: real HTTP headers for hosts that read it (Netlify, Cloudflare Pages).

GitHub Pages ignores the file and sends no such headers; the <meta> tags in each page still apply.
A site-wide header cannot carry one page's hashes, so it allows the union of every page's inline
scripts. Where a host sends it, the browser enforces both policies, and each page's own <meta>
policy still allows only that page's scripts.
"""

from __future__ import annotations

from security.pages import REFERRER_POLICY
from security.policy import PERMISSIONS_POLICY, Policy


def render_headers(policy: Policy) -> str:
    """The text of _headers: one rule that applies to every path on the site."""
    headers = (
        ("Content-Security-Policy", policy.for_header()),
        ("Referrer-Policy", REFERRER_POLICY),
        ("X-Content-Type-Options", "nosniff"),
        ("Permissions-Policy", PERMISSIONS_POLICY),
    )
    lines = [
        "# Written by scripts/secure_site.py after each build; edit that, not this file.",
        "/*",
        *(f"  {name}: {value}" for name, value in headers),
    ]
    return "\n".join(lines) + "\n"
