"""Which web addresses the site can cite as a source: shared by the facts register and the page check.

data/sources.yml (beside the register) lists every site a person has reviewed, with its kind. A source
must be a secure https:// address of a page (not a template with a placeholder in braces) on a
reviewed site of a citable kind; a press record only where its link text says who published it and
when. The phone book says what each number was compared with from the kind of its first source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sitebuild.problems import Failed, Problem, found, shown
from sitebuild.yamlfile import read

# Each citable kind: what it means (as data/sources.yml's header says), and what the phone book says a
# number was compared with on such a site.
KINDS = {
    "government": ("a UK government department or agency", "a government page"),
    "legislation": ("the text of the law", "the law itself"),
    "parliament": ("Parliament's own record", "Parliament's record"),
    "regulator": ("an inspectorate, ombudsman or regulator", "a regulator's page"),
    "police": ("a police force, police and crime commissioner or national police body", "a police force's page"),
    "council": ("a local council, or a partnership it runs", "a council's page"),
    "nhs": ("the NHS, an NHS trust, or a fire or ambulance service", "an NHS or emergency service's page"),
    "service": ("the service's own website", "the service's own website"),
    "charity": ("a charity's own website", "a charity's own page"),
    "research": ("a university or research institute's own report", "a research report"),
    "technical": ("a standards body or a software maker's own documentation", "the maker's documentation"),
    "business": ("a business on what it does itself", "a business's own page"),
    "press-record": ("a newspaper or broadcaster, as a dated record of what it reported", "a news report"),
}
CITABLE = {kind: compared for kind, (_, compared) in KINDS.items()}
# Each kind that is never citable, and why, in the words of the message.
NEVER = {
    "mirror": "it is a copy of another site's page; cite the original page instead",
    "aggregator": "it collects other sites' pages; cite the original page (Parliament's, the law's, the service's) instead",
    "short-link": "it is a short link, which hides where it leads and can be changed; open it and give the full address it leads to",
    "tabloid": "it is a tabloid newspaper; cite the service's own website or an official page instead",
    "placeholder": "it is an address for examples, never a real page; give the address of the page you used",
    "defunct": "the site has closed, so its pages are gone or out of date; cite the page that replaced it",
}
_MONTH_YEAR = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December) (?:19|20)\d\d\b")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%7B", re.IGNORECASE)


@dataclass(frozen=True)
class Site:
    """A reviewed site: its kind, and for a press record the name its link text starts with."""

    kind: str
    publisher: str | None = None


@dataclass(frozen=True)
class Domains:
    """The reviewed sites by name, and the file they are listed in (as messages show it)."""

    path: str
    sites: dict[str, Site]

    def site(self, host: str) -> Site | None:
        """The entry for this host or the nearest site it belongs to (www.gov.uk and x.gov.uk: gov.uk)."""
        parts = host.lower().removeprefix("www.").split(".")
        names = (".".join(parts[start:]) for start in range(len(parts)))
        return next((self.sites[name] for name in names if name in self.sites), None)


def load_domains(register: Path) -> Domains | None:
    """The reviewed sites beside this register; None when there is no such file (only the general rules apply)."""
    path = register.parent / "sources.yml"
    if not path.is_file():
        return None
    document = read(path, shown(path), "the list of reviewed source sites")
    problems = list(document.problems)
    sites: dict[str, Site] = {}
    listed = document.data.get("domains") if isinstance(document.data, dict) else None
    if not isinstance(listed, dict):
        line, column = document.position(("domains",))
        raise Failed([Problem(document.path, line, column, "the file must start with 'domains:' followed by one site "
                                                           "a line, like '  gov.uk: government'")])
    for name, value in listed.items():
        kind, publisher = (value.get("kind"), value.get("publisher")) if isinstance(value, dict) else (value, None)
        if kind not in CITABLE and kind not in NEVER:
            message = f"the kind of {name} must be one of: {', '.join([*CITABLE, *NEVER])}; found {found(kind)}"
        elif kind == "press-record" and not (isinstance(publisher, str) and publisher.strip()):
            message = ("a press-record needs the publisher its link text starts with, like "
                       f"{name}: {{kind: press-record, publisher: Example Gazette}}")
        else:
            sites[name.lower().removeprefix("www.")] = Site(kind, publisher)
            continue
        problems.append(document.problem(("domains", name), message))
    if problems:
        raise Failed(problems)
    return Domains(document.path, sites)


def source_problem(address: str, text: str | None = None, domains: Domains | None = None) -> str | None:
    """The rule this address (with text, its link's words on a page) breaks as a source, or None if it may be cited."""
    parts = urlsplit(address.strip())
    host = (parts.hostname or "").lower()
    name = host.removeprefix("www.")
    if _PLACEHOLDER.search(address):
        return f"a source must be a page's real address, without a template placeholder in braces; found {found(address)}"
    if parts.scheme.lower() != "https" or not host:
        return f"a source must be a secure web address starting https://; found {found(address)}"
    if host.endswith("."):
        return f"a source's site name must not end with a dot; found {found(host)}: remove the last dot"
    if domains is None:
        return None
    site = domains.site(host)
    if site is None:
        kinds = "; ".join(f"{kind} ({meaning})" for kind, (meaning, _) in KINDS.items())
        return (f"a source must be on a site the project has reviewed; {name} is not listed in {domains.path}: "
                f"if it is a trustworthy site, add a line under domains: there, like '  {name}: charity', "
                f"with the kind of site it is: {kinds}; "
                "otherwise cite a better source")
    if site.kind in NEVER:
        return f"a source must not be on {name} ({site.kind}): {NEVER[site.kind]}"
    if site.kind == "press-record":
        if text is None:
            return (f"the register's sources must be official pages or the service's own; {name} is a newspaper "
                    "or broadcaster: cite the page it reported on")
        if not (text.startswith(site.publisher or "") and _MONTH_YEAR.search(text)):
            return (f"a news report is cited only as a dated record of what it reported: its link text must start with "
                    f"'{site.publisher}' and give the month and year it was published, like "
                    f"'{site.publisher}: what it found (March 2023)'; found {found(text)}")
    return None


def compared_with(kind: str | None, count: int) -> str:
    """What a number was compared with, from its first source's kind: 'a police force's page and 2 other sources'."""
    if kind not in CITABLE:
        return "its source" if count == 1 else "its sources"
    others = count - 1
    return CITABLE[kind] + (f" and {others} other source{'s' if others > 1 else ''}" if others else "")
