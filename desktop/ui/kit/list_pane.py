"""`ListPane`: the left side of a record screen whose right side is more than one form
(People: a profile with tabs; CSOs: an organisation with its members).

A search box that searches as you type (after `SEARCH_DELAY_MS`), rows of filters, one lazy
table in the kit's look (sorted by a header click), and a hint in place of an empty list.
Keys: Down in the search box goes into the list, Enter there opens the first match, Enter on
a row opens it, Delete asks to delete it. The screen supplies the query and decides what
choosing a row does (`chosen`), typically after asking about unsaved changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.store.queries.common import PagedSelect
from desktop.ui.kit.tables import setup_table
from desktop.ui.models import PagedTableModel
from desktop.ui.widgets import SearchEdit, hint, search_as_you_type, shortcut


class ListPane(QWidget):
    #: The user moved to another row: its record id.
    chosen = Signal(str)
    #: Enter or a double click on a row.
    activated = Signal(str)
    #: Delete on a row: its record id (the screen asks first).
    delete_requested = Signal(str)
    #: The list was queried again (after typing, a filter, `apply()`).
    searched = Signal()

    def __init__(self, model: PagedTableModel, query: Callable[[], PagedSelect], *,
                 name: str, placeholder: str, search_name: str, stretch: int = 0,
                 samples: dict[int, str] | None = None, multi: bool = False,
                 sortable: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._query = query
        self._filters: list[QWidget] = []
        self._quiet = False
        self.empty_texts = ("", "")  # (nothing matches the search/filters, nothing at all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = SearchEdit(self)
        self.search.setPlaceholderText(placeholder)
        self.search.setAccessibleName(search_name)
        self.search.move_down.connect(self.into_list)
        self.search.returnPressed.connect(self._search_entered)
        layout.addWidget(self.search)
        self._filter_rows = QVBoxLayout()
        self._filter_rows.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._filter_rows)
        self.view = QTableView(self)
        self.view.setAccessibleName(name)
        self.view.setModel(model)
        setup_table(self.view, stretch, samples, multi=multi, sortable=sortable)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.activated.connect(self._activated)
        shortcut(QKeySequence.StandardKey.Delete, self.view, self._delete, only_widget=True)
        layout.addWidget(self.view, 1)
        self.empty_label = hint("", self)
        self.empty_label.setVisible(False)
        layout.addWidget(self.empty_label)
        self.model.total_changed.connect(self._total_changed)
        self.timer = search_as_you_type(self.search, self.apply)

    # -- filters ----------------------------------------------------------------------------

    def add_filters(self, *widgets: QWidget | tuple[str, QWidget]) -> None:
        """One row of filters (combos whose data is the value, None for "all"; checkboxes),
        each with its label when given as ("&When:", combo); changing one runs the query."""
        row = QHBoxLayout()
        for item in widgets:
            if isinstance(item, tuple):
                text, widget = item
                label = QLabel(text, self)
                label.setBuddy(widget)
                row.addWidget(label)
            else:
                widget = item
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.apply)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self.apply)
            row.addWidget(widget, 1 if isinstance(widget, QComboBox) else 0)
            self._filters.append(widget)
        self._filter_rows.addLayout(row)

    def filtered(self) -> bool:
        """Whether the list shows less than everything (for the count and the empty hint)."""
        return bool(self.search.text().strip()) or any(
            (w.currentData() is not None) if isinstance(w, QComboBox) else
            (isinstance(w, QCheckBox) and w.isChecked()) for w in self._filters)

    # -- the list ---------------------------------------------------------------------------

    def apply(self) -> None:
        """Run the search and filters now (typing runs them after a short pause)."""
        self.timer.stop()
        self._quiet = True
        try:
            self.model.set_query(self._query())
        finally:
            self._quiet = False
        self.searched.emit()

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [rid for rid in (self.model.record_id(r) for r in rows) if rid]

    def select_id(self, record_id: str | None) -> bool:
        """Show `record_id`'s row as the current one (without `chosen`), reading the list
        on to it if it is further down (`PagedTableModel.row_of`).

        If the list does not show it (filtered out, or further than the list reads), no row
        stays highlighted: the row that was would claim another record is open."""
        row = self.model.row_of(record_id, reveal=True)
        if row is not None:
            self._quiet = True
            try:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
            finally:
                self._quiet = False
            return True
        self._quiet = True
        try:
            self.view.selectionModel().clearSelection()
            self.view.selectionModel().clearCurrentIndex()
        finally:
            self._quiet = False
        return False

    def select_first(self) -> None:
        if self.model.rowCount():
            self.view.selectRow(0)

    def into_list(self) -> None:
        """Down in the search box: into the list, on its first row if none is chosen."""
        if self.timer.isActive():
            self.apply()
        self.view.setFocus()
        if not self.view.currentIndex().isValid():
            self.select_first()

    def _search_entered(self) -> None:
        self.apply()
        if self.model.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        record_id = self.model.record_id(current.row())
        if record_id:
            self.chosen.emit(record_id)

    def _activated(self, index: QModelIndex) -> None:
        record_id = self.model.record_id(index.row()) if index.isValid() else None
        if record_id:
            self.activated.emit(record_id)

    def _delete(self) -> None:
        record_id = self.current_id()
        if record_id:
            self.delete_requested.emit(record_id)

    def _total_changed(self, total: int) -> None:
        if total < 0:
            return
        filtered, empty = self.empty_texts
        self.empty_label.setText(filtered if self.filtered() else empty)
        self.empty_label.setVisible(total == 0)
