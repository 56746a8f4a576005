"""The link check: every link in a built site, and the nav in mkdocs.yml, whichever builder built it."""

from links.check import check_site, check_sources
from links.problems import LinkProblem, report

__all__ = ["LinkProblem", "check_site", "check_sources", "report"]
