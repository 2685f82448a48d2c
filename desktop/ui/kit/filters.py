"""Filters above a list of records: a period, a combo of choices; and the stored form of
the days they choose."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QDate,
    QSignalBlocker,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QWidget,
)


def utc_stamp(local: datetime) -> str:
    """A naive local date-time as the store's UTC text (2026-11-23T15:44:00.000Z)."""
    moment = local.astimezone(UTC)  # a naive value is taken as the computer's local time
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def day_start_utc(day: date) -> str:
    """The start of a local day as stored UTC text (for filtering stored moments)."""
    return utc_stamp(datetime.combine(day, time()))


class PeriodFilter(QWidget):
    """A period chosen from common presets, or two dates; `bounds()` gives the days."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today: date | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Period"))
        self.combo.setToolTip(self.tr("Period"))
        for code, text in (("any", self.tr("Any time")), ("30", self.tr("Last 30 days")),
                           ("90", self.tr("Last 3 months")), ("year", self.tr("This year")),
                           ("last_year", self.tr("Last year")),
                           ("custom", self.tr("Chosen dates…"))):
            self.combo.addItem(text, code)
        self.since = QDateEdit(self)
        self.until = QDateEdit(self)
        for edit, name in ((self.since, self.tr("Period from")),
                           (self.until, self.tr("Period to"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setAccessibleName(name)
            edit.setDate(QDate.currentDate())
            edit.dateChanged.connect(self.changed)
        self.since.setDate(QDate.currentDate().addMonths(-1))
        self.dash = QLabel("–", self)
        layout.addWidget(self.combo)
        layout.addWidget(self.since)
        layout.addWidget(self.dash)
        layout.addWidget(self.until)
        self.combo.currentIndexChanged.connect(self._preset_changed)
        self._preset_changed()

    def set_today(self, day: date | None) -> None:
        self._today = day

    def _preset_changed(self) -> None:
        custom = self.combo.currentData() == "custom"
        for widget in (self.since, self.dash, self.until):
            widget.setVisible(custom)
        self.changed.emit()

    def set_preset(self, code: str) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(code), 0))

    def bounds(self) -> tuple[date | None, date | None]:
        """(first day, last day) of the period, both included; None for no limit."""
        today = self._today or date.today()
        code = self.combo.currentData()
        if code == "30":
            return today - timedelta(days=29), today
        if code == "90":
            return today - timedelta(days=89), today
        if code == "year":
            return date(today.year, 1, 1), date(today.year, 12, 31)
        if code == "last_year":
            return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
        if code == "custom":
            first, last = self.since.date().toPython(), self.until.date().toPython()
            return (first, last) if first <= last else (last, first)
        return None, None


def fill_combo(combo: QComboBox, items: Sequence[tuple[Any, str]], first: str | None) -> None:
    """Replace a filter combo's items, keeping the chosen one if it is still there."""
    current = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        if first is not None:
            combo.addItem(first, None)
        for data, text in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
