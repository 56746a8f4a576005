"""One code path for scripts/build_facts.py, the MkDocs hook and the content checks.

load -> validate -> model for the register and the contact setting, then render the page parts
and write them (atomically, only when their bytes change) into <docs>/generated/.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from atomic_files import write_if_changed
from events.load import Document

from facts.contact import ContactRoute, contact_route
from facts.load import read_yaml
from facts.model import Register, register_from
from facts.problems import FactsError
from facts.render import render_parts
from facts.validate import validate

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data" / "facts.yml"
CONFIG = REPO / "mkdocs.yml"
# Where the generated parts go, inside the docs folder; gitignored, and kept out of the built pages
# by exclude_docs in mkdocs.yml. Pages include them as --8<-- "docs/generated/<name>".
GENERATED = "generated"
# The site's page on complaints about the police; the contact texts link to it once it exists.
COMPLAINTS_PAGE = "police-perpetrator.md"


def shown(path: Path) -> str:
    """A path as people see it in messages: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def load_register(path: Path = DATA, today: date | None = None) -> Register:
    """The register's model; raises FactsError with every problem. today: also refuse future dates."""
    where = shown(path)
    document = read_yaml(path, where, "the facts register")
    problems = validate(document, today)
    if problems:
        raise FactsError([(where, problem) for problem in problems])
    return register_from(document, where)


@dataclass(frozen=True)
class SiteConfig:
    """What the generated parts need from mkdocs.yml."""

    contact: ContactRoute
    docs_dir: Path


def load_config(config: Path = CONFIG) -> SiteConfig:
    """The contact route and docs folder from mkdocs.yml; raises FactsError naming mkdocs.yml."""
    where = shown(config)
    document: Document = read_yaml(config, where, where)
    route, problems = contact_route(document)
    if problems:
        raise FactsError([(where, problem) for problem in problems])
    docs = document.data.get("docs_dir") if isinstance(document.data, dict) else None
    return SiteConfig(route, config.parent / (docs if isinstance(docs, str) and docs else "docs"))


def generate(register: Register, site: SiteConfig) -> dict[str, str]:
    """Every generated part's Markdown by file name."""
    complaints = COMPLAINTS_PAGE if (site.docs_dir / COMPLAINTS_PAGE).is_file() else None
    return render_parts(register, site.contact, complaints)


def build_facts(data: Path = DATA, config: Path = CONFIG, check: bool = False,
                today: date | None = None) -> list[Path]:
    """Checks the register and the contact setting, then (unless check) writes what changed.

    Raises FactsError with every problem in both files, writing nothing. Returns the paths changed.
    """
    problems: list = []
    register = site = None
    try:
        register = load_register(data, today)
    except FactsError as error:
        problems += error.problems
    try:
        site = load_config(config)
    except FactsError as error:
        problems += error.problems
    if problems or register is None or site is None:
        raise FactsError(problems)
    parts = generate(register, site)
    if check:
        return []
    out = site.docs_dir / GENERATED
    files = {out / name: text.encode("utf-8") for name, text in parts.items()}
    changed = [path for path, content in files.items() if write_if_changed(path, content)]
    for old in sorted(out.glob("*.md")):
        if old not in files:
            old.unlink(missing_ok=True)
            changed.append(old)
    return changed
