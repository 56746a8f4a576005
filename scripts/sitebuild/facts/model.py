"""The register as frozen dataclasses, made from data that has already passed validation; who runs the
site (extra.identity in mkdocs.yml); and UK phone numbers as a reader reads them, one recogniser for
the register, the pages and tel: links.

Why not phonenumbers' PhoneNumberMatcher: it finds only numbers valid in its own tables, so a
mistyped number (a digit short, say) would pass unseen, and that is exactly what the check must
catch; at its loosest setting it reads dates such as 2026-11-25 as numbers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, time
from urllib.parse import urlsplit

from dateutil.relativedelta import relativedelta

from sitebuild.config import WEEKDAYS
from sitebuild.facts.sources import Domains
from sitebuild.problems import and_list
from sitebuild.yamlfile import Document

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
        """The one-tap link: tel: to call, sms: to text; none for keys pressed during a call, or a text to 999."""
        # A text to 999 only works from a phone registered first, so a one-tap link would mislead.
        if self.kind == "press" or (self.kind == "text" and self.digits == "999"):
            return None
        return ("sms:" if self.kind == "text" else "tel:") + "".join(self.shown.split())


def days_of(written: str) -> tuple[int, ...]:
    """The days (0 is Monday) that 'every day', 'Monday', 'Monday to Friday' or 'Saturday and Sunday' names."""
    if written == "every day":
        return tuple(range(7))
    first, _, rest = written.partition(" ")
    if not rest:
        return (WEEKDAYS.index(first),)
    joiner, last = rest.split(" ", 1)
    start, end = WEEKDAYS.index(first), WEEKDAYS.index(last)
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
        return and_list([number.shown for number in self.numbers]) if self.numbers else self.web or ""

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
        return next((fact for fact in self.facts if fact.id == fact_id), None)

    def current(self) -> list[Fact]:
        """The services pages may show, in the register's order."""
        return [fact for fact in self.facts if fact.current]


def register_from(document: Document, domains: Domains | None = None) -> Register:
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
    return Register(document.path, tuple(facts))


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


# -- Phone numbers ----------------------------------------------------------------------------------

_INTERNATIONAL = (("+44", 2), ("0044", 4))
_DASH_TABLE = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"))

# Spaces and hyphens (after canonical(): every kind is one of these) may separate the digits of one number.
_SEP = r"[ -]"
_NOT_BEFORE = r"(?<![\w+£$€#.,/:\-])"
# Not followed by more of a number (2,700; 3.5; 18:30; 7/24), a percentage or a letter.
NOT_AFTER = r"(?![\w%]|[.,/:\-]\d)"
# 8 to 11 digits starting 0, the area code perhaps in brackets; or +44 / 0044, perhaps with (0).
_FULL = re.compile(
    _NOT_BEFORE
    + rf"(?:(?:\+|00)44{_SEP}?(?:\(0\){_SEP}?)?[1-9](?:{_SEP}?\d){{8,9}}"
    + rf"|\(0\d{{2,4}}\){_SEP}?\d(?:{_SEP}?\d){{5,7}}"
    + rf"|0\d(?:{_SEP}?\d){{6,9}})"
    + NOT_AFTER
)


def canonical(text: str) -> str:
    """The text with digits of any script as 0-9, every space a space, every dash a hyphen, nothing invisible."""
    if text.isascii():
        return text
    kept = []
    for character in text.translate(_DASH_TABLE):
        category = unicodedata.category(character)
        if category == "Cf":  # zero-width spaces and joiners, soft hyphens, direction marks: never seen
            continue
        if category == "Zs":
            kept.append(" ")
        elif character.isdecimal():
            kept.append(str(unicodedata.decimal(character)))
        else:
            kept.append(character)
    return "".join(kept)


def dialled(text: str) -> str:
    """The digits a caller in the UK dials: '+44 (0)20 7008 0151' and 'tel:020–7008–0151' give '02070080151'."""
    compact = "".join(canonical(text).split())
    for prefix in ("tel:", "sms:"):
        if compact.lower().startswith(prefix):
            compact = compact[len(prefix):]
    digits = "".join(character for character in compact if character.isdigit())
    for prefix, length in _INTERNATIONAL:
        if compact.startswith(prefix):
            national = digits[length:]
            return national if national.startswith("0") else "0" + national
    return digits


def full_numbers(text: str) -> list[tuple[int, int]]:
    """Where each whole UK number is in text that canonical() has already written (start, end)."""
    return [match.span() for match in _FULL.finditer(text)]
