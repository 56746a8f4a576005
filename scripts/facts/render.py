"""The generated page parts, as Markdown from Jinja templates in overrides/facts/ and overrides/contact/.

Python only prepares plain values (display text, links); the words and layout live in the templates.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
import markupsafe

from english_dates import day_month_year
from facts.contact import ContactRoute
from facts.model import Fact, Register

TEMPLATES = Path(__file__).resolve().parents[2] / "overrides"

# Generated file name -> its template. Pages include them as --8<-- "docs/generated/<name>".
PARTS = {
    "phone-book.md": "facts/phone-book.md",
    "phone-book-sources.md": "facts/phone-book-sources.md",
    "contact-feedback.md": "contact/feedback.md",
    "contact-accessibility.md": "contact/accessibility.md",
    "contact-privacy.md": "contact/privacy.md",
    "contact-sources.md": "contact/sources.md",
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
    """Markdown templates: undefined names fail loudly, every value passes through _text."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # The output is Markdown, not HTML: _text escapes what Markdown would pass through.
        finalize=_text,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
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
        "sources": len(fact.sources),
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
