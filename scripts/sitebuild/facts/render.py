"""The generated page parts, as Markdown from the Jinja templates in templates/ beside this file.

Python only prepares plain values (display text, links); the words and layout live in the templates.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
import markupsafe

from sitebuild.writing import day_month_year, templates
from sitebuild.facts.contact import ContactRoute
from sitebuild.facts.model import Fact, Register
from sitebuild.sources import compared_with

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Generated file name -> its template. Pages include them as --8<-- "docs/generated/<name>".
PARTS = {
    "phone-book.md": "phone-book.md",
    "phone-book-sources.md": "phone-book-sources.md",
    "contact-feedback.md": "feedback.md",
    "contact-accessibility.md": "accessibility.md",
    "contact-privacy.md": "privacy.md",
    "contact-sources.md": "sources.md",
}


def _text(value: Any) -> Any:
    """Text for Markdown: &, < and > escaped, so register text can never become HTML. Links pass as they are."""
    if isinstance(value, markupsafe.Markup) or not isinstance(value, str):
        return value
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _link(url: str) -> markupsafe.Markup:
    """A link target that cannot end a Markdown link early: spaces, brackets and angle brackets encoded."""
    return markupsafe.Markup(quote(url, safe=":/?#[]@!$&'*+,;=%~-._"))


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Markdown templates; every value passes through _text (autoescaping is for HTML, and this is Markdown)."""
    env = templates(TEMPLATES, autoescape=False, finalize=_text)
    env.filters["link"] = _link
    return env


def host(url: str) -> str:
    """A web address's site name, like nationaldahelpline.org.uk."""
    return (urlsplit(url).hostname or url).removeprefix("www.")


def _service(fact: Fact) -> dict[str, Any]:
    return {
        "name": fact.service,
        "purpose": fact.purpose,
        "numbers": [{"kind": n.kind, "shown": n.shown, "href": n.href, "label": n.label} for n in fact.numbers],
        "web": {"href": fact.web, "text": host(fact.web)} if fact.web else None,
        "checked": day_month_year(fact.last_confirmed),
        "compared": compared_with(fact.source_kind, len(fact.sources)),
    }


def phone_book(register: Register) -> dict[str, Any]:
    """Every current service under its group heading, groups in the order the register first names them."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for fact in register.current():
        groups.setdefault(fact.group, []).append(_service(fact))
    return {"groups": [{"name": name, "services": services} for name, services in groups.items()]}


def sources(register: Register) -> dict[str, Any]:
    """Each source address once, named by the services it supports and its site."""
    cited: dict[str, list[str]] = {}
    for fact in register.current():
        for source in fact.sources:
            services = cited.setdefault(source, [])
            if fact.service not in services:
                services.append(fact.service)
    listed = []
    seen_names: dict[str, int] = {}
    for source, services in cited.items():
        name = f"{', '.join(services)}: {host(source)}"
        seen_names[name] = seen_names.get(name, 0) + 1
        if seen_names[name] > 1:
            name += f" (page {seen_names[name]})"
        listed.append({"href": source, "text": name})
    return {"sources": listed}


def contact(route: ContactRoute, complaints_page: str | None) -> dict[str, Any]:
    """The contact setting, and the site's police complaints page if it has one."""
    return {"email": route.email, "form": route.form, "form_host": route.form_host,
            "complaints_page": complaints_page}


def render_parts(register: Register, route: ContactRoute, complaints_page: str | None) -> dict[str, str]:
    """Every generated part by file name."""
    values = {**phone_book(register), **sources(register), **contact(route, complaints_page)}
    env = environment()
    return {name: env.get_template(template).render(values) for name, template in PARTS.items()}
