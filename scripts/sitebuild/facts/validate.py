"""Checks the register against data/facts.schema.json, then the rules a schema cannot express; and who
runs the site (extra.identity in mkdocs.yml), said once and shown by every page that needs it.

Every problem states the rule broken, quotes the value found, and sits where it was typed; all are
collected in one run. Each identity setting holds only what the organisation has confirmed: one left
empty makes the pages say plainly what is missing, and a build for publication refuses to go ahead
without the organisation and the data controller.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from sitebuild.config import WEEKDAYS
from sitebuild.facts.model import Identity, days_of, dialled
from sitebuild.facts.sources import Domains, source_problem
from sitebuild.problems import Problem, found
from sitebuild.yamlfile import Document, Path, validator

# What each list holds, for the message when it is empty.
_ITEM = {"facts": "service", "numbers": "number", "sources": "web address"}


def _node(path: Path) -> dict[str, Any]:
    """The schema for the value at this place in the file, following $refs; {} where the schema says nothing."""
    node = validator("facts.schema.json").schema
    for part in path:
        node = _resolved(node)
        node = node.get("items", {}) if isinstance(part, int) else node.get("properties", {}).get(part, {})
    return _resolved(node)


def _resolved(node: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in node:
        return validator("facts.schema.json").schema["definitions"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _where(path: Path) -> str:
    """How a mapping is named in a message: the file, a service or a number."""
    if not path:
        return "the file"
    if path[-2:-1] == ("numbers",):
        return "this number"
    if path[-2:-1] == ("facts",):
        return "this service"
    return str(path[-1])


def validate(document: Document, today: date | None = None, domains: Domains | None = None) -> list[Problem]:
    """Every problem in the register, schema and rules, sorted; today: also refuse a later last_confirmed."""
    problems = set(document.problems)
    problems.update(_schema_problems(document))
    facts = document.data.get("facts") if isinstance(document.data, dict) else None
    if isinstance(facts, list):
        problems.update(_rule_problems(document, facts, today, domains))
    return sorted(problems)


def _schema_problems(document: Document) -> Iterator[Problem]:
    for error in validator("facts.schema.json").iter_errors(document.data):
        path: Path = tuple(error.absolute_path)
        if error.validator == "required":
            for name in error.validator_value:
                if isinstance(error.instance, dict) and name not in error.instance:
                    rule = _node(path + (name,)).get("errorMessage")
                    hint = f": {rule}" if rule else ""
                    yield document.problem(path, f"{_where(path)} has no {name}; add it{hint}")
        elif error.validator == "additionalProperties":
            allowed = sorted(_node(path).get("properties", {}))
            for name in sorted(set(error.instance) - set(allowed)):
                hint = _did_you_mean(name, allowed, f"the fields allowed here are: {', '.join(allowed)}")
                yield document.problem(path + (name,), f"'{name}' is not a field allowed in {_where(path)}; {hint}",
                                       key=True)
        elif error.validator == "anyOf":
            yield document.problem(path, "each service needs its numbers, its website (web), or both; "
                                         "add numbers: or web:")
        elif error.validator == "format" and error.validator_value == "date":
            if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", str(error.instance)):
                yield document.problem(path, f"{path[-1]} {error.instance} does not exist; check the day and the month")
        elif error.validator == "minItems":
            advice = "remove the line if there is none" if path[-1] == "numbers" else "add one"
            item = _ITEM.get(str(path[-1]), "item")
            yield document.problem(path, f"{path[-1]} must list at least one {item}; {advice}")
        elif error.validator == "uniqueItems":
            yield document.problem(path, f"{path[-1]} lists the same address twice; list each one once")
        else:
            rule = _node(path).get("errorMessage") or error.message
            yield document.problem(path, f"{rule}; found {found(error.instance)}")


def _rule_problems(document: Document, facts: list[Any], today: date | None,
                   domains: Domains | None) -> Iterator[Problem]:
    first_id: dict[str, int] = {}
    first_number: dict[tuple[str, str], tuple[int, str]] = {}
    for index, fact in enumerate(facts):
        if not isinstance(fact, dict):
            continue
        path: Path = ("facts", index)
        fact_id = fact.get("id")
        if isinstance(fact_id, str):
            line, column = document.position(path + ("id",))
            if fact_id in first_id:
                yield Problem(document.path, line, column, f"id '{fact_id}' is already used by the service on line "
                                            f"{first_id[fact_id]}; each service needs its own id")
            else:
                first_id[fact_id] = line
        if fact.get("status") == "current":
            yield from _number_problems(document, path, fact, first_number)
        yield from _hours_problems(document, path + ("hours",), fact.get("hours"))
        yield from _source_problems(document, path, fact.get("sources"), domains)
        confirmed = fact.get("last_confirmed")
        if today is not None and isinstance(confirmed, str):
            try:
                day = date.fromisoformat(confirmed)
            except ValueError:
                continue  # the schema has already said how to write it
            if day > today:
                yield document.problem(path + ("last_confirmed",), f"last_confirmed must not be in the future: it is "
                                                                   f"{confirmed}, and today is {today.isoformat()}")
    yield from _replacement_problems(document, facts)


def _replacement_problems(document: Document, facts: list[Any]) -> Iterator[Problem]:
    """replaced_by, only on a withdrawn entry, names a current entry: pages showing the old number are told it."""
    status = {fact.get("id"): fact.get("status") for fact in facts if isinstance(fact, dict)}
    for index, fact in enumerate(facts):
        if not isinstance(fact, dict) or not isinstance(fact.get("replaced_by"), str):
            continue
        where = ("facts", index, "replaced_by")
        target = fact["replaced_by"]
        if fact.get("status") != "withdrawn":
            yield document.problem(where, "replaced_by belongs only on a withdrawn entry: set status: withdrawn, "
                                          "or remove replaced_by")
        elif target not in status or target == fact.get("id"):
            yield document.problem(where, f"replaced_by must be the id of another entry in this file; "
                                          f"there is no entry with id '{target}'")
        elif status[target] != "current":
            yield document.problem(where, f"replaced_by must name a current entry; '{target}' is withdrawn too: "
                                          "name the entry that replaced it")


def _hours_problems(document: Document, path: Path, hours: Any) -> Iterator[Problem]:
    """hours is one of its two words, or openings that close after they open, each day listed once."""
    if isinstance(hours, str) and hours not in ("24 hours", "check"):
        yield document.problem(path, f"hours must be 24 hours, check, or a list of days with the times it opens and "
                                     f"closes; found {found(hours)}{'; write it as 24 hours' if '24' in hours else ''}")
    if not isinstance(hours, list):
        return
    seen: dict[int, int] = {}
    for position, item in enumerate(hours):
        if not isinstance(item, dict) or not all(isinstance(item.get(name), str) for name in ("days", "opens", "closes")):
            continue  # the schema has already said what each needs
        if re.fullmatch(r"\d\d:\d\d", item["closes"]) and item["closes"] <= item["opens"]:
            yield document.problem(path + (position, "closes"),
                                   f"closes must be after opens, on the same day; "
                                   f"found opens {item['opens']} and closes {item['closes']}")
        try:
            days = days_of(item["days"])
        except ValueError:
            continue  # the schema has already said how to write days
        where = path + (position, "days")
        line = document.position(where)[0]
        for day in days:
            if day in seen:
                yield document.problem(where, f"{WEEKDAYS[day]} is already in the opening times on line {seen[day]}; "
                                              "give each day once")
                break
            seen[day] = line


def _number_problems(document: Document, path: Path, fact: dict[str, Any],
                     first: dict[tuple[str, str], tuple[int, str]]) -> Iterator[Problem]:
    """A number is registered once among current services, so one edit updates it everywhere."""
    numbers = fact.get("numbers")
    if not isinstance(numbers, list):
        return
    service = fact.get("service") if isinstance(fact.get("service"), str) else "another service"
    for position, item in enumerate(numbers):
        if not isinstance(item, dict) or not isinstance(item.get("number"), str):
            continue
        key = (dialled(item["number"]), str(item.get("kind")))
        line, column = document.position(path + ("numbers", position, "number"))
        if key in first and first[key][1] != service:
            other_line, other = first[key]
            yield Problem(document.path, line, column, f"{item['number']} ({key[1]}) is already registered for {other} on "
                                        f"line {other_line}; register each number once, under the service that runs it")
        else:
            first.setdefault(key, (line, service))


def _source_problems(document: Document, path: Path, sources: Any, domains: Domains | None) -> Iterator[Problem]:
    if not isinstance(sources, list):
        return
    for position, source in enumerate(sources):
        rule = source_problem(source, None, domains) if isinstance(source, str) else None
        if rule:
            yield document.problem(path + ("sources", position), rule)


# -- Who runs the site ------------------------------------------------------------------------------

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
WHERE = ("extra", "identity")


def identity(document: Document) -> tuple[Identity, list[Problem]]:
    """The identity set in mkdocs.yml, and every problem with how it is written."""
    extra = document.data.get("extra") if isinstance(document.data, dict) else None
    setting = extra.get("identity") if isinstance(extra, dict) else None
    if setting in (None, "", {}):
        return Identity(), []
    if not isinstance(setting, dict):
        return Identity(), [document.problem(WHERE, "extra.identity must hold its settings on the lines below it, "
                                                    f"each indented, like organisation:; found {found(setting)}")]
    problems = _unknown(document, setting, WHERE, SETTINGS, "extra.identity")
    values: dict[str, Any] = {}
    for name in SETTINGS:
        value = setting.get(name)
        if name == "contact" or value in (None, ""):
            continue
        if not isinstance(value, str) or "\n" in value:
            problems.append(document.problem(WHERE + (name,), f"extra.identity.{name} must be one line of text: "
                                                             f"{SETTINGS[name]}; found {found(value)}"))
        elif name in ("privacy_notice", "genuine_page") and not _is_https(value):
            problems.append(document.problem(WHERE + (name,),
                                             f"extra.identity.{name} must be {SETTINGS[name]}, "
                                             f"like https://www.example.org/page; found {found(value)}"))
        else:
            values[name] = value.strip()
    contact, contact_problems = _contact(document, setting.get("contact"))
    problems += contact_problems
    return (Identity(), problems) if problems else (Identity(**values, **contact), [])


def publication_problems(document: Document, who: Identity) -> list[Problem]:
    """What a site for publication must say and this one does not: who runs it, and who controls its data."""
    return [document.problem(WHERE + (name,), (
        f"a website for publication must say who runs it: set extra.identity.{name} in mkdocs.yml to "
        f"{SETTINGS[name]} (a preview, scripts/build.sh --preview, builds without it)"), key=True)
        for name in ("organisation", "controller") if not getattr(who, name)]


def _contact(document: Document, setting: Any) -> tuple[dict[str, str], list[Problem]]:
    where = WHERE + ("contact",)
    if setting in (None, "", {}):
        return {}, []
    if not isinstance(setting, dict):
        return {}, [document.problem(where, "extra.identity.contact must hold either email: or form: on its own line "
                                            f"below it, indented; found {found(setting)}")]
    problems = _unknown(document, setting, where, ("email", "form"), "extra.identity.contact")
    email, form = setting.get("email"), setting.get("form")
    if "email" in setting and not (isinstance(email, str) and _EMAIL.match(email)):
        problems.append(document.problem(where + ("email",), (
            f"extra.identity.contact.email must be an email address like name@example.org; found {found(email)}")))
    if "form" in setting and not _is_https(form):
        problems.append(document.problem(where + ("form",), (
            "extra.identity.contact.form must be the https:// address of a form on an official website, like "
            f"https://www.example.org/feedback; found {found(form)}")))
    if "email" in setting and "form" in setting:
        problems.append(document.problem(where, "extra.identity.contact must hold email or form, not both: keep the "
                                                "one the team reads", key=True))
    return ({} if problems else {"email": email, "form": form}), problems


def _unknown(document: Document, setting: dict, where: tuple, allowed, named: str) -> list[Problem]:
    problems = []
    for name in setting:
        if name not in allowed:
            hint = _did_you_mean(name, list(allowed), f"the settings allowed are {', '.join(allowed)}")
            problems.append(document.problem(where + (name,),
                                             f"'{name}' is not a setting allowed under {named}; {hint}", key=True))
    return problems


def _did_you_mean(name: str, allowed: list[str], otherwise: str) -> str:
    """The allowed name closest to a misspelt one, as a question; otherwise the given list of them."""
    match = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    return f"did you mean '{match[0]}'?" if match else otherwise


def _is_https(value: Any) -> bool:
    if not isinstance(value, str) or re.search(r"[\s<>\"]", value):
        return False
    parts = urlsplit(value)
    return parts.scheme == "https" and "." in (parts.hostname or "")
