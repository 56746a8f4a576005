"""The generated page parts, as Markdown from the Jinja templates in templates/ beside this file.

Python only prepares plain values (display text, links); the words and layout live in the templates.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
import markupsafe

from sitebuild.config import clock, day_month_year, templates
from sitebuild.facts.model import Fact, Hours, Identity, Register, days_of
from sitebuild.facts.sources import compared_with

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Generated file name -> its template. Pages include them as --8<-- "facts/<name>".
# Besides these, one part per line to call with known or unknown hours: hours/<id>.md, its opening
# hours in words and a place for "Open now" (filled in by overrides/assets/javascripts/hours.js).
PARTS = {
    "phone-book.md": "phone-book.md",
    "phone-book-sources.md": "phone-book-sources.md",
    "contact-feedback.md": "feedback.md",
    "contact-accessibility.md": "accessibility.md",
    "contact-privacy.md": "privacy.md",
    "contact-sources.md": "sources.md",
    "run-by.md": "run-by.md",
    "controller.md": "controller.md",
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


def hours_text(hours: Hours) -> str:
    """When a line is open, in words: Open 24 hours, every day. / Monday to Friday, 10am to 4pm."""
    if hours.always:
        return "Open 24 hours, every day."
    if not hours.openings:
        return "Check its opening hours before you call."
    text = "; ".join(f"{opening.days}, {clock(opening.opens)} to {clock(opening.closes)}" for opening in hours.openings)
    return text[0].upper() + text[1:] + "."


def hours_data(hours: Hours) -> str | None:
    """What hours.js reads to say Open now or Closed now: "always", or [day, opens, closes] in minutes (0 is Monday)."""
    if hours.always:
        return '"always"'
    if not hours.openings:
        return None
    return json.dumps([[day, opening.opens.hour * 60 + opening.opens.minute, opening.closes.hour * 60 + opening.closes.minute]
                       for opening in hours.openings for day in days_of(opening.days)], separators=(",", ":"))


def _service(fact: Fact) -> dict[str, Any]:
    return {
        "name": fact.service,
        "purpose": fact.purpose,
        "numbers": [{"kind": n.kind, "shown": n.shown, "href": n.href, "label": n.label} for n in fact.numbers],
        "web": {"href": fact.web, "text": host(fact.web)} if fact.web else None,
        "checked": day_month_year(fact.last_confirmed),
        "hours": {"text": hours_text(fact.hours), "data": hours_data(fact.hours)} if fact.hours else None,
        "compared": compared_with(fact.source_kind, len(fact.sources)),
    }


def phone_book(register: Register) -> dict[str, Any]:
    """Every current service under its group heading, groups in the order the register first names them."""
    groups: dict[str, list[dict[str, Any]]] = {}
    # Day-and-night lines first in each group, so someone reading at night meets an open one first.
    for fact in sorted(register.current(), key=lambda fact: not (fact.hours and fact.hours.always)):
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
    pages: Counter[str] = Counter()
    for source, services in cited.items():
        name = f"{', '.join(services)}: {host(source)}"
        pages[name] += 1
        listed.append({"href": source, "text": name + (f" (page {pages[name]})" if pages[name] > 1 else "")})
    return {"sources": listed}


def who(identity: Identity, complaints_page: str | None) -> dict[str, Any]:
    """Who runs the site and how to reach it, and the site's police complaints page if it has one."""
    # The form's website is named in the link text, so people know where they are going.
    return {**identity.__dict__, "form_host": host(identity.form) if identity.form else None,
            "genuine_host": host(identity.genuine_page) if identity.genuine_page else None,
            "privacy_host": host(identity.privacy_notice) if identity.privacy_notice else None,
            "complaints_page": complaints_page}


def render_parts(register: Register, identity: Identity, complaints_page: str | None) -> dict[str, str]:
    """Every generated part by file name."""
    values = {**phone_book(register), **sources(register), **who(identity, complaints_page)}
    env = environment()
    parts = {name: env.get_template(template).render(values) for name, template in PARTS.items()}
    for fact in register.current():
        if fact.hours:
            parts[f"hours/{fact.id}.md"] = env.get_template("hours.md").render(hours=_service(fact)["hours"])
    return parts
