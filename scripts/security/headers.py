"""The _headers file: real HTTP headers for hosts that read it (Netlify, Cloudflare Pages).

GitHub Pages ignores the file and sends no such headers; the <meta> tags in each page still apply.
A site-wide header cannot carry one page's hashes, so it allows the union of every page's inline
scripts. Where a host sends it, the browser enforces both policies, and each page's own <meta>
policy still allows only that page's scripts.

Files whose names carry a hash of their content (scripts/pack_assets.py) may be kept for a year:
a changed file gets a new name, and the pages that load it change too. Nothing else gets a
Cache-Control line, so pages and every other file keep the host's default, which checks each
visit for a newer copy (Netlify and Cloudflare Pages: max-age=0, must-revalidate).
"""

from __future__ import annotations

from security.pages import REFERRER_POLICY
from security.policy import PERMISSIONS_POLICY, Policy


# A year, the longest browsers honour; immutable: not even checked again on reload.
IMMUTABLE = "public, max-age=31536000, immutable"


def render_headers(policy: Policy, hashed_files: list[str] = ()) -> str:
    """The text of _headers: one rule for every path on the site, then one for each file named after its content's hash."""
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
    if hashed_files:
        lines.append("# Named after a hash of their content, so they never change: browsers may keep them a year.")
    for path in hashed_files:
        lines += [f"/{path}", f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"
