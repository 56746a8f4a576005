"""Zensical, Material for MkDocs' successor: the second builder, checked on every pull request.

It reads mkdocs.yml and overrides/ but ignores `hooks:`, so scripts/build_site.py runs each
hook's plain script around it. It has no --site-dir option and writes only inside the folder of
mkdocs.yml, so it is given a small config that inherits mkdocs.yml and names a folder there;
the result is then moved to where it was asked for.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from builders.output import BuildResult, doc_problem, linked_page, plain, read_source_line, tail_of_traceback
from links import problems as rules
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only named in annotations: loading it takes a while (yaml, pathspec)
    from site_config import SiteConfig

NAME = "Zensical"
RUNS_HOOKS = False

# Zensical's link warnings, each turned into our words. It names the page, line and column.
_WARNING = re.compile(r"^Warning: (?P<text>.+)$")
_LOCATION = re.compile(r"\[ (?P<page>.+?):(?P<line>\d+):(?P<column>\d+) \]")
_BLOCK_END = re.compile(r"^─+╯$")
_COUNT = re.compile(r"^\d+ issues? found$")
_STRICT_ABORT = "RuntimeError: Aborted because --strict flag is set"
_LINK_WARNINGS = {
    "page does not exist": lambda page, link: rules.missing_target(link),
    "anchor does not exist": lambda page, link: rules.missing_anchor(link, linked_page(page, link)),
}
# A link target runs until a closing bracket, quote or space.
_TARGET_START = "(<\"' "
_TARGET = re.compile(r"""[^)"'>\s]+""")


def build(config: SiteConfig, site_dir: Path, env: dict[str, str]) -> BuildResult:
    """`zensical build --strict --clean` of mkdocs.yml, into site_dir."""
    own = f".zensical-{os.getpid()}"
    inherit = config.root / f"{own}.yml"
    output = config.root / f"{own}.site"
    # Zensical keeps a cache beside mkdocs.yml; every build here starts it clean, so one that was
    # not there before is removed again, leaving the folder as it was.
    cache = config.root / ".cache"
    cache_was_there = cache.exists()
    inherit.write_text(
        "# Written by scripts/build_site.py for one Zensical build, and removed after it.\n"
        f"INHERIT: {config.path.name}\nsite_dir: {output.name}\n",
        encoding="utf-8",
    )
    try:
        completed = subprocess.run(
            # --clean: every build starts from nothing, as a production build should.
            [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "--config-file", str(inherit)],
            cwd=config.root, env={**env, "NO_COLOR": "1"},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        result = read_output(completed.stdout.splitlines(), config)
        result.ok = completed.returncode == 0 and output.is_dir()
        if result.ok:
            shutil.rmtree(site_dir, ignore_errors=True)
            shutil.move(output, site_dir)
        return result
    finally:
        inherit.unlink(missing_ok=True)
        shutil.rmtree(output, ignore_errors=True)
        if not cache_was_there:
            shutil.rmtree(cache, ignore_errors=True)


def read_output(lines: list[str], config: SiteConfig) -> BuildResult:
    """Zensical's output with its link warnings taken out and reworded as link problems."""
    result = BuildResult(ok=False)
    block: list[str] = []
    for line in tail_of_traceback([plain(line) for line in lines]):
        if block:
            block.append(line)
            if _BLOCK_END.match(line.strip()):
                _finish(block, config, result)
                block = []
            continue
        if _WARNING.match(line):
            block = [line]
        elif result.problems and (_COUNT.match(line.strip()) or line.strip() == _STRICT_ABORT):
            continue  # our own count follows
        else:
            result.lines.append(line)
    if block:
        _finish(block, config, result)
    return result


def _finish(block: list[str], config: SiteConfig, result: BuildResult) -> None:
    """One warning with its drawing of the source line: reworded if it is about a link, else kept."""
    message = _LINK_WARNINGS.get(_WARNING.match(block[0])["text"].strip())
    location = next((match for line in block if (match := _LOCATION.search(line))), None)
    if message is None or location is None:
        result.lines.extend(block)
        return
    page, line, column = location["page"], int(location["line"]), int(location["column"])
    link = _link_at(read_source_line(config, page, line), column)
    problem = doc_problem(config, page, link, message(page, link))
    result.problems.append(type(problem)(problem.path, line, problem.message))


def _link_at(text: str, column: int) -> str:
    """The whole link target around a 1-based column of a line of Markdown."""
    start = max(text.rfind(mark, 0, column - 1) for mark in _TARGET_START) + 1
    target = _TARGET.match(text, start)
    return target.group(0) if target else ""
