"""Dates, times and numbers as Ukrainian offices write them (31.03.2025, 14:30, 12 486).

Why: stored values are ISO text (UTC for moments), which no one at a hub reads comfortably;
month and weekday names come from QLocale so they follow the UI language.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale

from desktop.store.ids import to_local


def locale() -> QLocale:
    return QLocale()


def format_date(value: str | date | None) -> str:
    """31.03.2025 (empty for no date; an unparsable value is shown as stored)."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    try:
        return date.fromisoformat(value[:10]).strftime("%d.%m.%Y")
    except ValueError:
        return value


def format_datetime(value: str | datetime | None) -> str:
    """31.03.2025 14:30 in local time (stored UTC moments are converted)."""
    if not value:
        return ""
    moment = value if isinstance(value, datetime) else to_local(value)
    if moment is None:
        return str(value)
    return moment.strftime("%d.%m.%Y %H:%M")


def long_date(day: date) -> str:
    """"понеділок, 23 листопада 2026" in the UI language: what QLocale's "dddd, d MMMM yyyy"
    gives, assembled from its day and month names.

    Why not `toString(QDate, ...)`: the first date Qt formats sets up its calendar machinery,
    5 ms, and the home screen shows this date while the window is first drawn."""
    names = locale()
    return (f"{names.dayName(day.isoweekday())}, {day.day} {names.monthName(day.month)} "
            f"{day.year}")


def format_count(number: int) -> str:
    """12 486 with the locale's group separator."""
    return locale().toString(number)
