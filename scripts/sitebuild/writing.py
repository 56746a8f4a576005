"""How the site writes what it generates: dates the GOV.UK way, and the templates generated parts come from."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

import jinja2

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def day_month_year(day: date) -> str:
    """Like 25 November 2026, whatever the machine's locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_day_month_year(day: date) -> str:
    """Like Sunday 14 March 2027."""
    return f"{WEEKDAYS[day.weekday()]} {day_month_year(day)}"


def clock(moment: time) -> str:
    """Like 6:30pm, 6pm, midday or midnight, the GOV.UK way."""
    if (moment.hour, moment.minute) == (12, 0):
        return "midday"
    if (moment.hour, moment.minute) == (0, 0):
        return "midnight"
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{moment.hour % 12 or 12}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def templates(folder: Path, **settings: Any) -> jinja2.Environment:
    """Templates from a folder: an undefined name fails loudly, and block tags leave no stray lines."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, **settings)
