"""Content checks for the site's pages: front matter, review dates, sources and plain English.

Run them with `python scripts/check_content.py`. Each check reads a page, reports problems as
findings with a file and line, and never changes a file.
"""

from content.check import check_pages, find_pages
from content.findings import Finding, Severity
from content.settings import SiteSettings, load_settings

__all__ = ["Finding", "Severity", "SiteSettings", "check_pages", "find_pages", "load_settings"]
