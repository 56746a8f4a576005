"""Dates as the site writes them, the GOV.UK way (25 November 2026), whatever the machine's locale."""

from __future__ import annotations

from datetime import date

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def day_month_year(day: date) -> str:
    """Like 25 November 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_day_month_year(day: date) -> str:
    """Like Sunday 14 March 2027."""
    return f"{WEEKDAYS[day.weekday()]} {day_month_year(day)}"
