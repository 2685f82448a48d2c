"""What sync needs a person for: conflicts to decide, changes the platform refused, and people
who may have been registered twice. Nothing here is ever decided automatically."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ValidationError
from desktop.domain.names import full_name
from desktop.domain.validation import validate
from desktop.store import duplicates, syncstate
from desktop.store.ids import utc_now
from desktop.sync import wire
from desktop.ui.context import AppContext
from desktop.ui.kit.tables import fill_rows, item_table, row_index
from desktop.ui.translate import render_error, tr_field, translate
from desktop.ui.widgets import button
from desktop.ui.workers import show_error

TABLE_NAMES = {
    "people": QT_TRANSLATE_NOOP("SyncReview", "People"),
    "organizations": QT_TRANSLATE_NOOP("SyncReview", "CSOs"),
    "events": QT_TRANSLATE_NOOP("SyncReview", "Events"),
    "ideas": QT_TRANSLATE_NOOP("SyncReview", "Ideas"),
    "attendance": QT_TRANSLATE_NOOP("SyncReview", "Attendance"),
    "visits": QT_TRANSLATE_NOOP("SyncReview", "Advice visits"),
    "consultations": QT_TRANSLATE_NOOP("SyncReview", "Consultations"),
    "submissions": QT_TRANSLATE_NOOP("SyncReview", "Submissions"),
    "org_members": QT_TRANSLATE_NOOP("SyncReview", "CSO members"),
}



_PARENT_REASON = re.compile(r"^it refers to a (?P<word>\w+) (?P<kind>the platform does not "
                            r"have|of another office) \((?P<column>\w+) (?P<value>.+)\)$")


def platform_reason(reason: str) -> str:
    """Why the platform refused a change, in the interface language (the platform sends the
    English words of `desktop.sync.wire`)."""
    translated = translate("PlatformRefusal", reason)
    if translated != reason:
        return translated
    found = _PARENT_REASON.match(reason)
    if found is None:
        return reason
    template = wire.REFUSE_MISSING_PARENT if found["kind"].startswith("the platform") \
        else wire.REFUSE_FOREIGN_PARENT
    return translate("PlatformRefusal", template).format(
        word=translate("PlatformRefusal", found["word"]), column=tr_field(found["column"]),
        value=found["value"])


class SyncReview(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Sync: to review"))
        self.resize(900, 480)
        self.tabs = QTabWidget(self)
        self.conflicts = self._table([self.tr("Record"), self.tr("Field"), self.tr("Kept value"),
                                      self.tr("Other value")])
        self.refused = self._table([self.tr("Record"), self.tr("Why the platform refused it")])
        self.dupes = self._table([self.tr("Person"), self.tr("Possibly the same as"),
                                  self.tr("Why")])
        self.set_aside = self._table([self.tr("Record"), self.tr("Why it was not stored")])
        self.tabs.addTab(self._page(self.conflicts, [
            (self.tr("Use the other value"), self._use_other),
            (self.tr("Keep the current value"), self._keep)],
            self.tr("Two offices changed the same field while offline. The later change was "
                    "kept; the other value is here so that nothing is lost.")), "")
        self.tabs.addTab(self._page(self.refused, [(self.tr("Dismiss"), self._dismiss_refused)],
                                    self.tr("The platform did not accept these changes. They "
                                            "stay on this computer; correct the record and "
                                            "the correction will be sent.")), "")
        self.tabs.addTab(self._page(self.dupes, [
            (self.tr("Not the same person"), self._dismiss_duplicate)],
            self.tr("Registered on two computers with the same phone, or the same name and "
                    "year of birth. Merge them in People if they are one person.")), "")
        self.tabs.addTab(self._page(self.set_aside, [(self.tr("Dismiss"), self._dismiss_set_aside)],
                                    self.tr("These records came from the platform but could not "
                                            "be stored on this computer, so they were set aside "
                                            "and sync went on. Tell the council's administrator; "
                                            "a corrected version replaces them by itself.")), "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.reload()

    def _table(self, headers: list[str]) -> QTableWidget:
        return item_table(headers, "", self, stretch=len(headers) - 1)

    def _page(self, table: QTableWidget, actions: list, explanation: str) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        note = QLabel(explanation, page)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(table)
        row = QHBoxLayout()
        row.addStretch(1)
        for text, slot in actions:
            row.addWidget(button(text, page, slot))
        layout.addLayout(row)
        return page

    # -- data -----------------------------------------------------------------------------

    def reload(self) -> None:
        store = self.ctx.store
        self._conflicts = syncstate.conflict_rows(store)
        self._fill(self.conflicts, [
            (self._record_label(c["table_name"], c["record_id"]), tr_field(c["field"]),
             c["winning_value"] or "—", c["losing_value"] or "—") for c in self._conflicts])
        self._refused = syncstate.open_rejections(store)
        self._fill(self.refused, [(self._record_label(t, rid), platform_reason(reason))
                                  for _, t, rid, reason in self._refused])
        self._dupes = duplicates.open_duplicates(store)
        self._fill(self.dupes, [(self._person(a), self._person(b),
                                 "; ".join(translate("Dedupe", part)
                                           for part in reason.split("; ")))
                                for a, b, reason in self._dupes])
        self.tabs.setTabText(0, self.tr("Conflicts ({n})").format(n=len(self._conflicts)))
        self.tabs.setTabText(1, self.tr("Refused ({n})").format(n=len(self._refused)))
        self.tabs.setTabText(2, self.tr("Possible duplicates ({n})").format(n=len(self._dupes)))
        self._set_aside = syncstate.open_set_aside(store)
        self._fill(self.set_aside, [
            (self._record_label(t, rid, syncstate.set_aside_data(store, t, rid)),
             self._why_not_stored(t, rid, reason)) for t, rid, _rev, reason in self._set_aside])
        for row in range(self.set_aside.rowCount()):  # the technical words, for IT
            self.set_aside.item(row, 1).setToolTip(self._set_aside[row_index(
                self.set_aside, row)][3])
        self.tabs.setTabText(3, self.tr("Not stored ({n})").format(n=len(self._set_aside)))

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple]) -> None:
        fill_rows(table, [[str(value) for value in values] for values in rows])

    def _record_label(self, table: str, record_id: str, fallback: dict | None = None) -> str:
        kind = translate("SyncReview", TABLE_NAMES[table]) if table in TABLE_NAMES else table
        row = self.ctx.store.get(table, record_id, include_deleted=True) if table in \
            syncstate.RECORD_TABLES else None
        row = row or fallback
        if row is None:
            return f"{kind}: {record_id[:8]}"
        if table == "people":
            parts = (row.get(k) for k in ("last_name", "first_name", "patronymic"))
            return f"{kind}: {full_name(*(str(p) if p else None for p in parts))}"
        name = row.get("name") or row.get("title") or record_id[:8]
        return f"{kind}: {str(name)[:80]}"

    def _why_not_stored(self, table: str, record_id: str, reason: str) -> str:
        errors = syncstate.set_aside_errors(self.ctx.store, table, record_id)
        if errors:
            return "; ".join(render_error(e) for e in errors)
        return self.tr("This computer could not store it ({reason})").format(reason=reason)

    def _person(self, person_id: str) -> str:
        row = self.ctx.store.get("people", person_id, include_deleted=True)
        if row is None:
            return person_id[:8]
        phone = f" · {row['phone']}" if row.get("phone") else ""
        return full_name(row["last_name"], row["first_name"], row["patronymic"]) + phone

    def _selected(self, table: QTableWidget, items: list) -> object | None:
        index = row_index(table)
        return items[index] if index is not None and 0 <= index < len(items) else None

    # -- actions --------------------------------------------------------------------------

    def _resolve(self, conflict: dict) -> None:
        self.ctx.store.update("conflicts", conflict["id"], {
            "resolved_at": utc_now()[:19], "resolved_by": self.ctx.staff_id or "this device"})

    def _use_other(self) -> None:
        conflict = self._selected(self.conflicts, self._conflicts)
        if not isinstance(conflict, dict):
            return
        table, field, value = conflict["table_name"], conflict["field"], conflict["losing_value"]
        try:
            current = self.ctx.store.get(table, conflict["record_id"]) or {}
            merged = {k: v for k, v in current.items() if k not in
                      {"id", "created_at", "updated_at", "device_id", "version", "deleted", "rev"}}
            merged[field] = value
            cleaned = validate(table, merged)
            with self.ctx.store.write():
                self.ctx.store.update(table, conflict["record_id"], {field: cleaned[field]})
                self._resolve(conflict)
        except ValidationError as exc:
            show_error(self, exc)
            return
        self.reload()

    def _keep(self) -> None:
        conflict = self._selected(self.conflicts, self._conflicts)
        if isinstance(conflict, dict):
            self._resolve(conflict)
            self.reload()

    def _dismiss_refused(self) -> None:
        item = self._selected(self.refused, self._refused)
        if item is not None:
            syncstate.dismiss_rejection(self.ctx.store, item[0])  # type: ignore[index]
            self.reload()

    def _dismiss_set_aside(self) -> None:
        item = self._selected(self.set_aside, self._set_aside)
        if item is not None:
            table, record_id = item[0], item[1]  # type: ignore[index]
            syncstate.dismiss_set_aside(self.ctx.store, table, record_id)
            self.reload()

    def _dismiss_duplicate(self) -> None:
        item = self._selected(self.dupes, self._dupes)
        if item is not None:
            duplicates.dismiss(self.ctx.store, item[0], item[1])  # type: ignore[index]
            self.reload()
