"""The facts step: the register, data/facts.yml, with every phone number, text number, short code and
service website the site shows, its sources and when it was last confirmed.

load (sitebuild.yamlfile) -> validate (validate.py: the schema, then the rules; and who runs the
site, extra.identity in mkdocs.yml) -> model (model.py) -> render (render.py: the phone book, the
hours lines, and the texts that say who runs the site, from templates/). sources.py decides which
addresses may be cited (data/sources.yml). The page checks (sitebuild.checks) compare every number a
page shows with the model.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sitebuild.config import SiteConfig
from sitebuild.facts.model import Register, register_from
from sitebuild.facts.sources import load_domains
from sitebuild.facts.render import render_parts
from sitebuild.facts.validate import identity, publication_problems, validate
from sitebuild.problems import Failed, Problem, shown
from sitebuild.yamlfile import read

# The site's page on complaints about the police; the contact texts link to it once it exists.
COMPLAINTS_PAGE = "police-perpetrator.md"


def register_path(config: SiteConfig) -> Path:
    """The register beside mkdocs.yml."""
    return config.root / "data" / "facts.yml"


def load_register(path: Path, today: date | None = None) -> Register:
    """The register's model, its sources judged against data/sources.yml beside it; raises Failed with every problem."""
    domains = load_domains(path)
    document = read(path, shown(path), "the facts register")
    problems = validate(document, today, domains)
    if problems:
        raise Failed(problems)
    return register_from(document, domains)


def load(config: SiteConfig, today: date | None = None, register_file: Path | None = None,
         publication: bool = False) -> tuple[Register | None, dict[str, str] | None, list[Problem]]:
    """The register, every generated part's Markdown by file name (None if either file has a problem), and every
    problem in the register and mkdocs.yml's identity; publication: the site must also say who runs it."""
    problems: list[Problem] = []
    register = None
    try:
        register = load_register(register_file or register_path(config), today)
    except Failed as error:
        problems += error.problems
    who, identity_problems = identity(config.document)
    problems += identity_problems
    if publication and not identity_problems:
        problems += publication_problems(config.document, who)
    if problems or register is None:
        return register, None, problems
    complaints = COMPLAINTS_PAGE if (config.docs_dir / COMPLAINTS_PAGE).is_file() else None
    return register, render_parts(register, who, complaints), []


def build(config: SiteConfig, today: date | None = None, publication: bool = False) -> dict[str, str]:
    """Every generated part's Markdown by file name; raises Failed with every problem in the register and mkdocs.yml."""
    _, parts, problems = load(config, today, publication=publication)
    if parts is None:
        raise Failed(problems)
    return parts
