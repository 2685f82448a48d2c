"""The audit trail on screen: a record's history (Ctrl+H on any screen, the «Історія» tab of a
person) and, on a council device, what changed across every office (Settings).

Read-only by design: history is evidence. Values are shown as stored (a date, a code) next
to the field's name in the interface language; who made the change is the staff member when
this computer knows them, and the computer by a short id otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.domain.validation import field_label
from desktop.store.queries.history import HistoryEntry
from desktop.ui.formatting import format_datetime
from desktop.ui.models import sort_by_header
from desktop.ui.translate import tr_vocab

_OPS = {"insert": QT_TRANSLATE_NOOP("History", "created"),
        "update": QT_TRANSLATE_NOOP("History", "changed"),
        "delete": QT_TRANSLATE_NOOP("History", "deleted"),
        "undelete": QT_TRANSLATE_NOOP("History", "restored")}
_TABLES = {"people": QT_TRANSLATE_NOOP("History", "Person"),
           "events": QT_TRANSLATE_NOOP("History", "Event"),
           "attendance": QT_TRANSLATE_NOOP("History", "Check-in"),
           "ideas": QT_TRANSLATE_NOOP("History", "Idea"),
           "organizations": QT_TRANSLATE_NOOP("History", "CSO"),
           "org_members": QT_TRANSLATE_NOOP("History", "CSO member"),
           "consultations": QT_TRANSLATE_NOOP("History", "Consultation"),
           "submissions": QT_TRANSLATE_NOOP("History", "Submission"),
           "visits": QT_TRANSLATE_NOOP("History", "Advice visit"),
           "attachments": QT_TRANSLATE_NOOP("History", "File"),
           "conflicts": QT_TRANSLATE_NOOP("History", "Conflict"),
           "staff": QT_TRANSLATE_NOOP("History", "Staff member"),
           "offices": QT_TRANSLATE_NOOP("History", "Office")}
#: Columns the store fills in itself: not news to a person reading the history.
_HIDDEN = frozenset({"deleted", "sort_key", "sha256"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("History", text)


#: A field's stored value -> what a person reads (a name for an id), or None to show it as is.
Resolve = Callable[[str, str, Any], str | None]

#: Fields holding a vocabulary code: (table or "" for any, field) -> vocabulary.
_VOCAB_FIELDS = {
    ("", "gender"): "genders", ("", "age_group"): "age_groups",
    ("", "consent_method"): "consent_methods", ("attendance", "status"): "attendance_statuses",
    ("attendance", "role"): "attendance_roles", ("ideas", "status"): "idea_statuses",
    ("ideas", "channel"): "idea_channels", ("events", "status"): "event_statuses",
    ("events", "participation_level"): "participation_levels",
    ("consultations", "level"): "participation_levels",
    ("consultations", "method"): "consultation_methods",
    ("consultations", "status"): "consultation_statuses",
    ("submissions", "received_via"): "received_via", ("visits", "tool"): "visit_tools",
    ("org_members", "role"): "org_member_roles", ("organizations", "legal_form"): "legal_forms",
    ("staff", "role"): "staff_roles", ("offices", "kind"): "office_kinds",
}
_BOOLEANS = frozenset({"idp", "disability", "memorandum", "active", "knowledge_improved",
                       "would_recommend"})


def plain_value(table: str, field: str, value: Any, resolve: Resolve | None = None) -> str:
    """A stored value as a person reads it: a vocabulary label, yes/no, a local time, the
    name behind an id."""
    if value is None or value == "":
        return "—"
    name = _VOCAB_FIELDS.get((table, field)) or _VOCAB_FIELDS.get(("", field))
    if name and isinstance(value, str):
        return tr_vocab(name, value)
    if field in _BOOLEANS and value in (0, 1, True, False):
        return QCoreApplication.translate("History", "yes") if value else \
            QCoreApplication.translate("History", "no")
    if resolve is not None and field.endswith("_id"):
        shown = resolve(table, field, value)
        if shown:
            return shown
    return _value(value)


def _value(value: Any) -> str:
    if value is None or value == "":
        return "—"
    text = str(value)
    if len(text) >= 16 and text[4:5] == "-" and "T" in text:
        return format_datetime(text)
    return text if len(text) <= 80 else text[:79] + "…"


def describe(entry: HistoryEntry, resolve: Resolve | None = None) -> str:
    """The field changes of one entry, one per line: «Прізвище: Гудзикевичь → Ґудзикевич»."""
    lines = []
    for change in entry.changes:
        if change.field in _HIDDEN:
            continue
        name = QCoreApplication.translate("Field", field_label(change.field))
        new = plain_value(entry.table, change.field, change.new, resolve)
        if entry.op == "insert" or (change.old is None and entry.op == "update"):
            if change.new is not None:
                lines.append(f"{name}: {new}")
        else:
            old = plain_value(entry.table, change.field, change.old, resolve)
            lines.append(f"{name}: {old} → {new}")
    return "\n".join(lines)


def store_resolver(conn: Any) -> Resolve:
    """Names for ids, read from `conn` (on the thread that owns it), remembered."""
    from desktop.store.queries import history
    from desktop.store.schema import RECORD_TABLES

    parents = {(table, column): parent for table, (_cols, fks) in RECORD_TABLES.items()
               for column, parent in fks}
    known: dict[tuple[str, str], str | None] = {}

    def resolve(table: str, field: str, value: Any) -> str | None:
        parent = parents.get((table, field))
        if parent is None:
            return None
        key = (parent, str(value))
        if key not in known:
            known[key] = history.label(conn, parent, str(value)) or None
        return known[key]
    return resolve


class HistoryModel(QAbstractTableModel):
    """History entries as rows (newest or oldest first, as given); texts made once."""

    def __init__(self, entries: list[HistoryEntry], with_record: bool,
                 resolve: Resolve | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.with_record = with_record
        self.resolve = resolve
        self.rows = [self._texts(e) for e in entries]
        self._order = [(e.changed_at, texts) for e, texts in zip(entries, self.rows, strict=True)]

    def sort_by(self, column: int | None, descending: bool = False) -> None:
        """A header click: rows by that column ("When" by the moment itself), None: as
        recorded."""
        self.layoutAboutToBeChanged.emit()
        if column is None:
            self.rows = [texts for _moment, texts in self._order]
        else:
            self.rows = [texts for moment, texts in sorted(
                self._order, key=lambda pair: pair[0] if column == 0
                else pair[1][column].casefold(), reverse=descending)]
        self.layoutChanged.emit()

    def _headers(self) -> list[str]:
        names = [QCoreApplication.translate("History", "When"),
                 QCoreApplication.translate("History", "Who"),
                 QCoreApplication.translate("History", "Computer")]
        if self.with_record:
            names += [QCoreApplication.translate("History", "Record")]
        return [*names, QCoreApplication.translate("History", "Change"),
                QCoreApplication.translate("History", "What changed")]

    def _texts(self, entry: HistoryEntry) -> list[str]:
        who = entry.staff or (QCoreApplication.translate("History", "this computer")
                              if entry.here else
                              QCoreApplication.translate("History", "another computer"))
        computer = entry.device_id[:8] + (
            " · " + QCoreApplication.translate("History", "this one") if entry.here else "")
        texts = [format_datetime(entry.changed_at), who, computer]
        if self.with_record:
            kind = _tr(_TABLES[entry.table]) if entry.table in _TABLES else entry.table
            texts.append(f"{kind}: {entry.label}" if entry.label else kind)
        return [*texts, _tr(_OPS.get(entry.op, entry.op)), describe(entry, self.resolve)]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        return None


class HistoryDialog(QDialog):
    """A read-only table of history entries."""

    def __init__(self, title: str, intro: str, entries: list[HistoryEntry], *,
                 with_record: bool = False, resolve: Resolve | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.model = HistoryModel(entries, with_record, resolve, self)
        self.table = QTableView(self)
        self.table.setAccessibleName(title)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # Fixed starting widths (a long record name must not push "what changed" off the
        # screen); the person can drag them, and the last column takes the rest.
        metrics = self.fontMetrics()
        widths = [metrics.horizontalAdvance("00.00.0000 00:00") + 16, 220,
                  metrics.horizontalAdvance("00000000 · цей") + 16]
        if with_record:
            widths.append(260)
        widths.append(metrics.horizontalAdvance("відновлено") + 16)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(self.model.columnCount() - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        sort_by_header(self.table, self.model)
        layout.addWidget(self.table, 1)
        if not entries:
            self.intro.setText(intro + "\n\n" + QCoreApplication.translate(
                "History", "Nothing has been recorded yet."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1100, 560)
