"""Finishing touches to a built site that any builder's output needs: run after the builder, before the security step."""

from finish.site import finish_site
from finish.sources import fold_sources

__all__ = ["finish_site", "fold_sources"]
