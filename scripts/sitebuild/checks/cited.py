"""Every web address the site cites as a source, with where it is cited; and, from LinkChecker's results,
which of them have died or moved since, in the words of the weekly issue officers read.

One list for both the source check and the weekly check (`website.py sources`): the links under each
page's Sources heading (generated parts included), and every address under sources: in the register.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from sitebuild import facts
from sitebuild.checks import includes, reader
from sitebuild.checks.page import load_page
from sitebuild.checks.rules import cited
from sitebuild.config import SiteConfig
from sitebuild.problems import shown
from sitebuild.yamlfile import read

# LinkChecker's words for a redirect that a site says is for good (301, 308): the page has moved.
_MOVED = re.compile(r"status: 30[18]\b")


@dataclass(frozen=True, order=True)
class Citation:
    """A source address, and the file and line that cite it."""

    address: str
    path: str
    line: int
    what: str  # the link's words on a page, or the register entry's id


def cited_sources(config: SiteConfig, register_file: Path | None = None) -> list[Citation]:
    """Every external source address the pages and the register cite, in address order."""
    register = register_file or facts.register_path(config)
    found: list[Citation] = []
    _, texts, _ = facts.load(config, None, register_file)
    parts = includes.Parts(texts)
    for page in config.pages:
        loaded = load_page(config.docs_dir / page)
        if loaded.problems and not loaded.fields:
            continue
        for link in cited(reader.read(includes.expand(loaded, parts)[0].body)):
            if link.target.lower().startswith(("http:", "https:")):
                found.append(Citation(link.target, shown(config.docs_dir / page), link.line, link.text))
    document = read(register, shown(register), "the facts register")
    entries = document.data.get("facts") if isinstance(document.data, dict) else None
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        sources = entry.get("sources") if isinstance(entry, dict) else None
        for position, address in enumerate(sources if isinstance(sources, list) else []):
            if isinstance(address, str):
                line = document.position(("facts", index, "sources", position))[0]
                found.append(Citation(address, document.path, line, str(entry.get("id", ""))))
    return sorted(found)


def dead_report(citations: list[Citation], linkchecker_csv: str) -> str:
    """The weekly issue's text: each source that no longer opens, or has moved for good, with where it is
    cited and what to do; empty when every source opens where it always did."""
    dead: dict[str, str] = {}
    moved: dict[str, str] = {}
    rows = csv.DictReader(io.StringIO("\n".join(line for line in linkchecker_csv.splitlines()
                                                 if not line.startswith("#"))), delimiter=";")
    for row in rows:
        address = row.get("urlname") or ""
        if row.get("valid") == "False":
            dead[address] = row.get("result") or "no answer"
        elif _MOVED.search(row.get("warningstring") or "") and row.get("url") and row.get("url") != address:
            moved[address] = row["url"]
    if not dead and not moved:
        return ""
    lines = ["Some sources the site cites no longer open, or have moved. Each one is listed with the page or "
             "register entry that cites it. A source that has gone can no longer back up what the page says.", ""]
    if dead:
        lines += ["## Sources that no longer open", "",
                  "Open the link. If the page has gone, find the same fact on the service's own website or an "
                  "official page, check the page still says it, and replace the link (add the new site to "
                  "`data/sources.yml` if the check asks you to). If the fact cannot be found any more, change "
                  "or remove it.", ""]
        lines += _listed(citations, dead, lambda answer: f"the site answered: {answer}")
    if moved:
        lines += ["## Sources that have moved", "",
                  "The site now sends readers to a new address. Open the new address, check it still says what "
                  "the page says, then replace the old address with the new one.", ""]
        lines += _listed(citations, moved, lambda new: f"now at {new}")
    lines += ["This issue is updated each week by the Sources workflow (.github/workflows/sources.yml). "
              "It closes by itself once every source opens where it should."]
    return "\n".join(lines) + "\n"


def _listed(citations: list[Citation], found: dict[str, str], say) -> list[str]:
    lines = []
    for address in sorted(found):
        places = [citation for citation in citations if citation.address == address]
        lines.append(f"- {address} ({say(found[address])})")
        lines += [f"  - cited in `{place.path}`, line {place.line}: {place.what}" for place in places]
    return lines + [""]
