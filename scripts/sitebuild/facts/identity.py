"""Who runs the site: extra.identity in mkdocs.yml, said once and shown by every page that needs it.

The footer, the about page, the accessibility statement and the privacy notice show it (the footer
through overrides/partials/copyright.html, the pages through parts made from templates/). Each
setting holds only what the organisation has confirmed; one left empty makes the pages say plainly
what is missing, and a build for publication refuses to go ahead without the organisation and the
data controller.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sitebuild.problems import Problem, found
from sitebuild.yamlfile import Document

# The same rule as an email address in data/events.schema.json.
_EMAIL = re.compile(r"^[^\s@<>\"]+@[^\s@<>\"]+\.[^\s@<>\"]+$")
# Each setting, and what to put in it, for messages.
SETTINGS = {
    "organisation": "the organisation legally responsible for this website, as it names itself, like "
                    "Metropolitan Police Service",
    "controller": "the data controller for this website, as the organisation's own privacy notice names it",
    "data_protection_officer": "how to reach the organisation's data protection officer, like a postal address",
    "privacy_notice": "the https:// address of the organisation's own privacy notice",
    "contact": "email: or form: on its own line below it, where the public can report a problem with this "
               "website or send feedback",
    "rights_holder": "who holds the copyright in this website, for the footer (an organisation, not a team)",
    "genuine_page": "the https:// address of a page on the organisation's own website that links to this one",
}
_ADDRESSES = ("privacy_notice", "genuine_page")
_CONTACT = ("email", "form")
WHERE = ("extra", "identity")


@dataclass(frozen=True)
class Identity:
    """Who runs the site; every value None until the organisation has confirmed it."""

    organisation: str | None = None
    controller: str | None = None
    data_protection_officer: str | None = None
    privacy_notice: str | None = None
    email: str | None = None
    form: str | None = None
    rights_holder: str | None = None
    genuine_page: str | None = None

    @property
    def form_host(self) -> str | None:
        """The form's website, named in the link text so people know where they are going."""
        return (urlsplit(self.form).hostname or "").removeprefix("www.") if self.form else None


def identity(document: Document) -> tuple[Identity, list[Problem]]:
    """The identity set in mkdocs.yml, and every problem with how it is written."""
    extra = document.data.get("extra") if isinstance(document.data, dict) else None
    setting = extra.get("identity") if isinstance(extra, dict) else None
    if setting in (None, "", {}):
        return Identity(), []
    if not isinstance(setting, dict):
        return Identity(), [_at(document, WHERE, "extra.identity must hold its settings on the lines below it, "
                                                 f"each indented, like organisation:; found {found(setting)}")]
    problems = _unknown(document, setting, WHERE, SETTINGS, "extra.identity")
    values: dict[str, Any] = {}
    for name in SETTINGS:
        value = setting.get(name)
        if name == "contact" or value in (None, ""):
            continue
        if not isinstance(value, str) or "\n" in value:
            problems.append(_at(document, WHERE + (name,), f"extra.identity.{name} must be one line of text: "
                                                          f"{SETTINGS[name]}; found {found(value)}"))
        elif name in _ADDRESSES and not _is_https(value):
            problems.append(_at(document, WHERE + (name,), f"extra.identity.{name} must be {SETTINGS[name]}, "
                                                          f"like https://www.example.org/page; found {found(value)}"))
        else:
            values[name] = value.strip()
    contact, contact_problems = _contact(document, setting.get("contact"))
    problems += contact_problems
    return (Identity(), problems) if problems else (Identity(**values, **contact), [])


def publication_problems(document: Document, who: Identity) -> list[Problem]:
    """What a site for publication must say and this one does not: who runs it, and who controls its data."""
    return [_at(document, WHERE + (name,), (
        f"a website for publication must say who runs it: set extra.identity.{name} in mkdocs.yml to "
        f"{SETTINGS[name]} (a preview, scripts/build.sh --preview, builds without it)"), key=True)
        for name in ("organisation", "controller") if not getattr(who, name)]


def _contact(document: Document, setting: Any) -> tuple[dict[str, str], list[Problem]]:
    where = WHERE + ("contact",)
    if setting in (None, "", {}):
        return {}, []
    if not isinstance(setting, dict):
        return {}, [_at(document, where, "extra.identity.contact must hold either email: or form: on its own line "
                                         f"below it, indented; found {found(setting)}")]
    problems = _unknown(document, setting, where, _CONTACT, "extra.identity.contact")
    email, form = setting.get("email"), setting.get("form")
    if "email" in setting and not (isinstance(email, str) and _EMAIL.match(email)):
        problems.append(_at(document, where + ("email",), (
            f"extra.identity.contact.email must be an email address like name@example.org; found {found(email)}")))
    if "form" in setting and not _is_https(form):
        problems.append(_at(document, where + ("form",), (
            "extra.identity.contact.form must be the https:// address of a form on an official website, like "
            f"https://www.example.org/feedback; found {found(form)}")))
    if "email" in setting and "form" in setting:
        problems.append(_at(document, where, "extra.identity.contact must hold email or form, not both: keep the one "
                                             "the team reads", key=True))
    return ({} if problems else {"email": email, "form": form}), problems


def _unknown(document: Document, setting: dict, where: tuple, allowed, named: str) -> list[Problem]:
    problems = []
    for name in setting:
        if name not in allowed:
            match = difflib.get_close_matches(name, list(allowed), n=1, cutoff=0.6)
            hint = f"did you mean '{match[0]}'?" if match else f"the settings allowed are {', '.join(allowed)}"
            problems.append(_at(document, where + (name,), f"'{name}' is not a setting allowed under {named}; {hint}",
                                key=True))
    return problems


def _at(document: Document, path: tuple, message: str, key: bool = False) -> Problem:
    line, column = document.position(path, key=key)
    return Problem(document.path, line, column, message)


def _is_https(value: Any) -> bool:
    if not isinstance(value, str) or re.search(r"[\s<>\"]", value):
        return False
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.hostname) and "." in (parts.hostname or "")
