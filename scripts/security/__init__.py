"""Secures the built site: a strict Content-Security-Policy and referrer policy in every page.

Run it over any built site (scripts/secure_site.py), or let the MkDocs hook call it after a build.
"""

from security.site import SecurityCheckFailed, SecuredSite, secure_site

__all__ = ["SecurityCheckFailed", "SecuredSite", "secure_site"]
