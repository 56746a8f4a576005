"""Which web addresses a police site can cite as a source: shared by the page check and the facts register.

A source must be the page itself (not a short link, which hides where it leads and can be changed),
a page's real address (not a template with a placeholder in braces), and never a tabloid newspaper.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from sitebuild.problems import found

SHORT_LINK_HOSTS = {"is.gd", "bit.ly", "t.co", "tinyurl.com", "ow.ly", "goo.gl", "buff.ly", "rb.gy",
                    "shorturl.at", "tiny.cc", "cutt.ly", "t.ly"}
TABLOID_HOSTS = {"the-sun.com", "thesun.co.uk", "dailymail.co.uk", "mirror.co.uk", "express.co.uk",
                 "dailystar.co.uk", "dailyrecord.co.uk", "metro.co.uk"}
_PLACEHOLDER = re.compile(r"\{[^}]*\}|%7B", re.IGNORECASE)


def source_problem(address: str, text: str = "") -> str | None:
    """The rule this address breaks as a source, in the words of a message, or None if it may be cited."""
    host = (urlsplit(address).hostname or "").lower().removeprefix("www.")
    if host in SHORT_LINK_HOSTS:
        return f"a source must be the page itself, not a short link like {host}; open it and give the full address it leads to"
    if host in TABLOID_HOSTS or any(host.endswith("." + tabloid) for tabloid in TABLOID_HOSTS):
        return f"a source must not be a tabloid newspaper ({host}); cite the service's own website or an official page instead"
    if _PLACEHOLDER.search(address):
        return f"a source must be a page's real address, without a template placeholder in braces; found {found(address)}"
    return None
