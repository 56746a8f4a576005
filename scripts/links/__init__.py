"""The link check: every link in a built site, and the nav in mkdocs.yml, whichever builder built it."""

# Loaded when first asked for, not with the package: the builders need only links.problems, and
# scripts/build_site.py starts MkDocs before it loads the check, so both load at once on two cores.
_FROM = {"check_site": "links.check", "check_sources": "links.check", "LinkProblem": "links.problems", "report": "links.problems"}


def __getattr__(name: str):
    if name not in _FROM:
        raise AttributeError(f"module 'links' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_FROM[name]), name)


__all__ = ["LinkProblem", "check_site", "check_sources", "report"]
