"""The register as frozen dataclasses, made from data that has already passed validation."""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from dataclasses import dataclass
from datetime import date, time

from dateutil.relativedelta import relativedelta

from sitebuild.sources import Domains
from sitebuild.yamlfile import Document
from sitebuild.phones import dialled


@dataclass(frozen=True)
class Number:
    """One number of a service, as the pages show it."""

    shown: str  # "0808 2000 247"
    kind: str  # call, text or press
    label: str | None

    @property
    def digits(self) -> str:
        """What a caller dials, the form pages are compared in."""
        return dialled(self.shown)

    @property
    def href(self) -> str | None:
        """The one-tap link: tel: to call, sms: to text; none for keys pressed during a call, or a text to 999.

        A text to 999 only works from a phone registered first, so a one-tap link would mislead.
        """
        if self.kind == "press" or (self.kind == "text" and self.digits == "999"):
            return None
        scheme = "sms:" if self.kind == "text" else "tel:"
        compact = "".join(self.shown.split())
        return scheme + compact


DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def days_of(written: str) -> tuple[int, ...]:
    """The days (0 is Monday) that 'every day', 'Monday', 'Monday to Friday' or 'Saturday and Sunday' names."""
    if written == "every day":
        return tuple(range(7))
    first, _, rest = written.partition(" ")
    if not rest:
        return (DAYS.index(first),)
    joiner, last = rest.split(" ", 1)
    start, end = DAYS.index(first), DAYS.index(last)
    return (start, end) if joiner == "and" else tuple(range(start, end + 1))


@dataclass(frozen=True)
class Opening:
    """Days of the week a line is open, and the times it opens and closes, in London."""

    days: str  # as written: "Monday to Friday"
    opens: time
    closes: time


@dataclass(frozen=True)
class Hours:
    """When a line is open: day and night, these openings, or not known for sure (check)."""

    always: bool = False
    openings: tuple[Opening, ...] = ()

    @property
    def known(self) -> bool:
        return self.always or bool(self.openings)


@dataclass(frozen=True)
class Fact:
    """One service in the register."""

    id: str
    service: str
    group: str
    purpose: str  # the "for" field
    numbers: tuple[Number, ...]
    web: str | None
    sources: tuple[str, ...]
    last_confirmed: date
    confirm_every: str  # "6 months", as written
    status: str
    line: int  # where the entry starts ('- id:')
    confirmed_line: int  # where last_confirmed is
    hours: Hours | None = None  # None: not a line to call (a website, a key to press)
    replaced_by: str | None = None  # a withdrawn entry: the id of the entry that replaced it
    source_kind: str | None = None  # the kind of site its first (most official) source is on, if reviewed

    @property
    def current(self) -> bool:
        """Pages may show it."""
        return self.status == "current"

    @property
    def confirm_by(self) -> date:
        """The date by which someone must check it against its sources again."""
        months = int(re.match(r"\d+", self.confirm_every).group(0))  # type: ignore[union-attr]
        return self.last_confirmed + relativedelta(months=months)

    def is_due(self, today: date) -> bool:
        """Past its confirm-by date; a withdrawn entry is never due."""
        return self.current and self.confirm_by < today

    def listing(self) -> str:
        """Its numbers as the pages show them, joined with 'and'; its web address if it has no number."""
        shown = [number.shown for number in self.numbers]
        if not shown:
            return self.web or ""
        return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]

    def what(self) -> str:
        """How messages name what must be confirmed: 'the number 0808 2000 247', 'the web address …'."""
        if not self.numbers:
            return f"the web address {self.web}"
        return f"the number{'s' if len(self.numbers) > 1 else ''} {self.listing()}"


@dataclass(frozen=True)
class Register:
    """Every service, and where the register file is (as messages show it)."""

    path: str
    facts: tuple[Fact, ...]

    def lookup(self, digits: str) -> list[Fact]:
        """The entries that list a number with these digits, current ones first."""
        found = [fact for fact in self.facts if any(number.digits == digits for number in fact.numbers)]
        return sorted(found, key=lambda fact: not fact.current)

    def by_id(self, fact_id: str) -> Fact | None:
        """The entry with this id."""
        return next((fact for fact in self.facts if fact.id == fact_id), None)

    def current(self) -> list[Fact]:
        """The services pages may show, in the register's order."""
        return [fact for fact in self.facts if fact.current]


def register_from(document: Document, path: str, domains: Domains | None = None) -> Register:
    """The model of a document that has passed validation; domains give the kind of each first source."""
    facts = []
    for index, data in enumerate(document.data["facts"]):
        numbers = tuple(Number(item["number"], item["kind"], item.get("label"))
                        for item in data.get("numbers", []))
        facts.append(Fact(
            id=data["id"], service=data["service"], group=data["group"], purpose=data["for"],
            numbers=numbers, web=data.get("web"), sources=tuple(data["sources"]),
            last_confirmed=date.fromisoformat(data["last_confirmed"]), confirm_every=data["confirm_every"],
            status=data["status"], line=document.position(("facts", index))[0],
            confirmed_line=document.position(("facts", index, "last_confirmed"))[0],
            hours=_hours(data.get("hours")),
            replaced_by=data.get("replaced_by"),
            source_kind=_kind(data["sources"][0], domains),
        ))
    return Register(path, tuple(facts))


def _hours(data: object) -> Hours | None:
    if data is None:
        return None
    if data == "24 hours":
        return Hours(always=True)
    if data == "check":
        return Hours()
    return Hours(openings=tuple(Opening(item["days"], time.fromisoformat(item["opens"]),
                                        time.fromisoformat(item["closes"])) for item in data))


def _kind(address: str, domains: Domains | None) -> str | None:
    site = domains.site(urlsplit(address).hostname or "") if domains else None
    return site.kind if site else None
