"""The site's public contact route: extra.contact in mkdocs.yml, an email address or a form, or unset.

The about page, accessibility statement and privacy notice include text made from it
(templates in overrides/contact/), so a builder needs no templating in pages.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sitebuild.yamlfile import Document
from sitebuild.problems import Problem, found

# The same rule as an email address in data/events.schema.json.
_EMAIL = re.compile(r"^[^\s@<>\"]+@[^\s@<>\"]+\.[^\s@<>\"]+$")
ALLOWED = ("email", "form")


@dataclass(frozen=True)
class ContactRoute:
    """How the public can reach the team that runs the site; both None when there is no route yet."""

    email: str | None = None
    form: str | None = None

    @property
    def is_set(self) -> bool:
        """Whether the team has a public route."""
        return bool(self.email or self.form)

    @property
    def form_host(self) -> str | None:
        """The form's website, named in the link text so people know where they are going."""
        return (urlsplit(self.form).hostname or "").removeprefix("www.") if self.form else None


def contact_route(document: Document) -> tuple[ContactRoute, list[Problem]]:
    """The route set in mkdocs.yml, and every problem with how it is written."""
    extra = document.data.get("extra") if isinstance(document.data, dict) else None
    setting = extra.get("contact") if isinstance(extra, dict) else None
    if setting is None or setting == "" or setting == {}:
        return ContactRoute(), []
    where = ("extra", "contact")
    if not isinstance(setting, dict):
        line, column = document.position(where)
        return ContactRoute(), [Problem(document.path, line, column, (
            "extra.contact must hold either email: or form: on its own line below it, indented; "
            f"found {found(setting)}"))]
    problems = []
    for name in setting:
        if name not in ALLOWED:
            line, column = document.position(where + (name,), key=True)
            match = difflib.get_close_matches(name, ALLOWED, n=1, cutoff=0.6)
            hint = f"did you mean '{match[0]}'?" if match else "the settings allowed are email and form"
            problems.append(Problem(document.path, line, column, f"'{name}' is not a setting allowed under extra.contact; {hint}"))
    email, form = setting.get("email"), setting.get("form")
    if "email" in setting and not (isinstance(email, str) and _EMAIL.match(email)):
        line, column = document.position(where + ("email",))
        problems.append(Problem(document.path, line, column, (
            f"extra.contact.email must be an email address like name@example.org; found {found(email)}")))
    if "form" in setting and not _is_https(form):
        line, column = document.position(where + ("form",))
        problems.append(Problem(document.path, line, column, (
            "extra.contact.form must be the https:// address of a form on an official website, like "
            f"https://www.example.org/feedback; found {found(form)}")))
    if "email" in setting and "form" in setting:
        line, column = document.position(where, key=True)
        problems.append(Problem(document.path, line, column, (
            "extra.contact must hold email or form, not both: keep the one the team reads")))
    if problems:
        return ContactRoute(), problems
    return ContactRoute(email=email, form=form), []


def _is_https(value: Any) -> bool:
    if not isinstance(value, str) or re.search(r"[\s<>\"]", value):
        return False
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.hostname) and "." in (parts.hostname or "")
