"""The link check: every link in a built site, and the nav in mkdocs.yml, whichever builder built it."""

from links.check import check_config, check_site
from links.problems import LinkProblem, report

__all__ = ["LinkProblem", "check_config", "check_site", "report"]
