"""A broken link, and how it is printed for people and for GitHub; one wording per broken rule.

Both the link check over the built site and the builders' own link warnings (MkDocs, Zensical)
are printed with these words, so an officer reads the same message whichever found the mistake.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class LinkProblem:
    """One broken rule, at a 1-based line of a page (or of mkdocs.yml, or of a built file)."""

    path: str
    line: int
    message: str

    def as_text(self) -> str:
        """`file:line: message`, the form people and editors' tools read."""
        return f"{self.path}:{self.line}: {self.message}"

    def as_github_annotation(self) -> str:
        """A workflow command, so GitHub shows the message beside the line in a pull request."""
        properties = f"file={_escape_property(self.path)},line={self.line},title=Link check"
        return f"::error {properties}::{_escape_data(self.message)}"


def report(problems: list[LinkProblem], github: bool = False) -> str:
    """Every problem on its own line (with GitHub annotations if asked), then the count."""
    problems = sorted(set(problems))
    lines = [problem.as_text() for problem in problems]
    if github:
        lines += [problem.as_github_annotation() for problem in problems]
    lines.append(f"{len(problems)} broken link{'' if len(problems) == 1 else 's'}")
    return "\n".join(lines)


# The rules, in the words a person reads. `link` is the link as written in the page.

def missing_target(link: str, suggestion: str | None = None) -> str:
    return (f"a link must go to a page or file that exists; '{link}' does not"
            + (f" (did you mean '{suggestion}'?)" if suggestion else ""))


def missing_anchor(link: str, page: str | None = None) -> str:
    where = f"'{page}' has" if page else "this page has"
    anchor = link.partition("#")[2]
    return f"a link to part of a page must name a heading or id it has; {where} no '#{anchor}' (the link is '{link}')"


def absolute_link(link: str) -> str:
    return ("a link to a page of this site must be relative, like 'get-help.md', so it works wherever "
            f"the site is published; '{link}' starts with /")


def unrecognised_link(link: str, suggestion: str | None = None) -> str:
    return ("a link to a page of this site must name the page's Markdown file, like 'get-help.md'; "
            f"'{link}' does not" + (f" (did you mean '{suggestion}'?)" if suggestion else ""))


def excluded_target(link: str) -> str:
    return f"a link must not go to a file that is left out of the site (exclude_docs in mkdocs.yml); '{link}' is"


def nav_missing_file(entry: str) -> str:
    return f"every page in nav must be a file in the docs folder; '{entry}' is not"


def nav_absolute(entry: str) -> str:
    return f"a page in nav must be named by its Markdown file, like 'get-help.md'; '{entry}' starts with /"


def page_not_in_nav(page: str) -> str:
    return f"every page must be listed in nav in mkdocs.yml, so visitors can find it; '{page}' is not"


# GitHub's workflow-command escaping: data escapes %, CR and LF; properties also : and ,.
def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
