"""MkDocs with Material for MkDocs: the production builder. Its hooks run the events and security steps."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from builders.output import BuildResult, doc_problem, nav_problem
from links import problems as rules
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only named in annotations: loading it takes a while (yaml, pathspec)
    from site_config import SiteConfig

NAME = "MkDocs"
RUNS_HOOKS = True

# MkDocs' link and nav warnings (mkdocs/structure/pages.py and nav.py), each turned into our words.
_DOC = r"Doc file '(?P<page>.+?)' contains "
_SUGGESTION = r"(?: Did you mean '(?P<suggestion>.*?)'\?)?$"
_LINK_WARNINGS = (
    (re.compile(_DOC + r"a link '(?P<link>.*?)', but the target(?: '.*?')? is not found among documentation files\."
                + _SUGGESTION),
     lambda m: rules.missing_target(m["link"], m["suggestion"])),
    (re.compile(_DOC + r"a link '(?P<link>.*?)', but the doc '(?P<doc>.+?)' does not contain an anchor '#.*?'\.$"),
     lambda m: rules.missing_anchor(m["link"], m["doc"])),
    (re.compile(_DOC + r"a link '(?P<link>.*?)', but there is no such anchor on this page\."),
     lambda m: rules.missing_anchor(m["link"])),
    (re.compile(_DOC + r"an absolute link '(?P<link>.*?)', it was left as is\." + _SUGGESTION),
     lambda m: rules.absolute_link(m["link"])),
    (re.compile(_DOC + r"an unrecognized relative link '(?P<link>.*?)', it was left as is\." + _SUGGESTION),
     lambda m: rules.unrecognised_link(m["link"], m["suggestion"])),
    (re.compile(_DOC + r"a link to '(?P<link>.*?)' which is excluded from the built site\.$"),
     lambda m: rules.excluded_target(m["link"])),
)
_NAV_WARNINGS = (
    (re.compile(r"A reference to '(?P<entry>.+?)' is included in the 'nav' configuration, "
                r"which is not found in the documentation files\.$"),
     lambda m: rules.nav_missing_file(m["entry"])),
    (re.compile(r"An absolute path to '(?P<entry>.+?)' is included in the 'nav' configuration, "
                r"which presumably points to an external resource\.$"),
     lambda m: rules.nav_absolute(m["entry"])),
)
_NOT_IN_NAV = 'The following pages exist in the docs directory, but are not included in the "nav" configuration:'
_WARNING = re.compile(r"^WARNING\s+-\s+(?P<text>.*)$")
_LIST_ITEM = re.compile(r"^\s+- (?P<page>.+)$")
_ABORTED = re.compile(r"^Aborted with \d+ warnings? in strict mode!$")


def start(config_path: Path, site_dir: Path, env: dict[str, str]) -> subprocess.Popen:
    """Starts `mkdocs build --strict` of config_path into site_dir; finish() waits for it.

    It needs nothing read first (its hooks run every step), so scripts/build_site.py starts it
    before loading its own checks, which then load while MkDocs builds.
    """
    return subprocess.Popen(
        # No --quiet: it hides warnings, and then --strict lets broken links through.
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_path), "--site-dir", str(site_dir)],
        cwd=config_path.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def finish(process: subprocess.Popen, config: SiteConfig) -> BuildResult:
    """Waits for the build start() began; its output, link warnings in our words."""
    output, _ = process.communicate()
    result = read_output(output.splitlines(), config)
    result.ok = process.returncode == 0
    return result


def read_output(lines: list[str], config: SiteConfig) -> BuildResult:
    """MkDocs' output with its link and nav warnings taken out and reworded as link problems."""
    result = BuildResult(ok=False)
    listing_pages = False
    for line in lines:
        if listing_pages:
            item = _LIST_ITEM.match(line)
            if item:
                page = item["page"].strip()
                result.problems.append(doc_problem(config, page, "", rules.page_not_in_nav(page)))
                continue
            listing_pages = False
        warning = _WARNING.match(line)
        text = warning["text"].strip() if warning else ""
        if text == _NOT_IN_NAV:
            listing_pages = True
            continue
        problem = _link_problem(text, config) if warning else None
        if problem:
            result.problems.append(problem)
        elif result.problems and _ABORTED.match(line.strip()):
            continue  # our own count follows
        else:
            result.lines.append(line)
    while result.problems and result.lines and not result.lines[-1].strip():
        result.lines.pop()  # MkDocs' blank line before the "Aborted" line we left out
    return result


def _link_problem(text: str, config: SiteConfig):
    for pattern, message in _LINK_WARNINGS:
        match = pattern.match(text)
        if match:
            return doc_problem(config, match["page"], match["link"], message(match))
    for pattern, message in _NAV_WARNINGS:
        match = pattern.match(text)
        if match:
            return nav_problem(config, match["entry"], message(match))
    return None


__all__ = ["NAME", "RUNS_HOOKS", "finish", "read_output", "start"]
