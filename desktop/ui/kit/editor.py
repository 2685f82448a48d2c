"""`RecordEditor`: a list of one table's records beside the form that edits the chosen one.

The behaviour every record screen shares, so that an untrained user learns it once:
unsaved changes are never lost silently (Save / Discard / Cancel), a record typed back to
what it was is not "changed", Delete asks first and offers Undo for half a minute, Esc in
the form goes back to the saved values, Enter in the list goes to the form, and the first
record opens by itself the first time the list has one. How to build a screen on it:
docs/record-screens.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.store.queries.common import PagedSelect
from desktop.ui.context import AppContext
from desktop.ui.formatting import format_count
from desktop.ui.forms import RecordForm, show_starts
from desktop.ui.kit import questions
from desktop.ui.kit.filters import PeriodFilter
from desktop.ui.kit.layout import chain_tab_order
from desktop.ui.kit.questions import Unsaved
from desktop.ui.kit.tables import make_table
from desktop.ui.models import Column, PagedTableModel
from desktop.ui.widgets import Banner, SearchEdit, button, combo, search_as_you_type, shortcut
from desktop.ui.workers import plain_message


class UndoBar(Banner):
    """"Deleted … [Undo]" after a delete; Undo (or Ctrl+Z on the screen) restores the
    record (Store.undelete). Several deletes in a row are undone newest first."""

    restored = Signal(str, str)  # (table, id)

    HIDE_AFTER_MS = 30_000

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self.ctx = ctx
        self._offers: list[tuple[str, str, str]] = []  # (text, table, id), newest last
        self.set_text("", self.tr("&Undo"))
        self.button.setAccessibleName(self.tr("Undo the delete"))
        self.action_clicked.connect(self.undo)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expire)
        self.setVisible(False)

    def _expire(self) -> None:
        self._offers.clear()  # nothing to undo once the bar has gone: Ctrl+Z does nothing
        self.setVisible(False)

    def bind_shortcut(self, screen: QWidget) -> None:
        """Ctrl+Z anywhere on `screen` undoes (a text box still undoes its own typing)."""
        shortcut(QKeySequence.StandardKey.Undo, screen, self.undo)

    def offer(self, text: str, table: str, record_id: str) -> None:
        self._offers.append((text, table, record_id))
        self._show_newest()
        self.ctx.bus.status_message.emit(text)

    def _show_newest(self) -> None:
        if not self._offers:
            self.setVisible(False)
            return
        self.set_text(self._offers[-1][0])
        self.setVisible(True)
        self._timer.start(self.HIDE_AFTER_MS)

    def undo(self) -> None:
        if not self._offers:
            return
        _text, table, record_id = self._offers.pop()
        self._show_newest()
        with self.ctx.changes():
            self.ctx.store.undelete(table, record_id)
        self.ctx.bus.status_message.emit(self.tr("Restored."))
        self.restored.emit(table, record_id)


class RecordEditor(QWidget):
    """A list of one table's records beside the form that edits the chosen one.

    Subclasses build the widgets and set `view`, `model`, `form`, `save_button`,
    `delete_button`, `undo_bar` and `detail`, then call `_connect_editor()`; they implement
    `load(record_id)` (None: a new record), `write(values)` and `describe()` (what the
    record is called in questions).
    """

    table = ""
    #: Emitted after a record was saved (its id).
    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current_id: str | None = None
        #: Something outside the form changed (a person picked, a file attached).
        self._dirty = False
        #: The form's values as loaded: typing something and deleting it again is no change.
        self._snapshot: dict[str, Any] = {}
        self._loading = False
        self._reverting = False
        self._opened_once = False
        self.view: QTableView
        self.model: PagedTableModel
        self.form: RecordForm
        self.save_button: QPushButton
        self.delete_button: QPushButton
        self.undo_bar: UndoBar
        self.detail: QWidget

    # -- building -------------------------------------------------------------------------

    def build_search(self, placeholder: str, name: str) -> SearchEdit:
        """The search box over the list: it searches as you type, Enter opens the first
        match, Down goes into the list."""
        self.search = SearchEdit(self)
        self.search.setPlaceholderText(placeholder)
        self.search.setAccessibleName(name)
        self._search_timer = search_as_you_type(self.search, self.reload_list)
        self.search.returnPressed.connect(self._search_entered)
        self.search.move_down.connect(self._into_list)
        return self.search

    def filter_combo(self, name: str, items: Sequence[tuple[Any, str]] = (),
                     first: str | None = None) -> QComboBox:
        """A filter over the list (`name` is its tooltip and what a screen reader says):
        `first` ("All statuses", None as its value) then `items` as (value, text)."""
        widget = combo(self, name, items, first, tip=True)
        widget.currentIndexChanged.connect(self.reload_list)
        return widget

    def filter_check(self, text: str, name: str, tip: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setAccessibleName(name)
        box.setToolTip(tip)
        box.toggled.connect(self.reload_list)
        return box

    def period_filter(self) -> PeriodFilter:
        self.period = PeriodFilter(self)
        self.period.changed.connect(self.reload_list)
        return self.period

    def new_record_button(self, text: str, name: str, tip: str) -> QPushButton:
        """New (Ctrl+N in the tooltip): a blank form, after asking about unsaved edits."""
        return button(text, self, self.new, tip=tip, name=name, icon="add")

    def finish(self, layout: QVBoxLayout, splitter: QSplitter, right: QWidget,
               sizes: tuple[int, int], before: Sequence[QWidget],
               after: Sequence[QWidget] = (), stretch: tuple[int, int] = (1, 1)) -> None:
        """Put `right` (the form's side) beside the list, growing by `stretch` from `sizes`,
        wire the behaviour, and make Tab follow the eye: `before`, the form's fields,
        `after`, then Delete and Save."""
        splitter.addWidget(right)
        splitter.setStretchFactor(0, stretch[0])
        splitter.setStretchFactor(1, stretch[1])
        splitter.setSizes(list(sizes))
        layout.addWidget(splitter, 1)
        self._connect_editor()
        chain_tab_order([*before, *(w for f in self.form.fields for w in f.focus_widgets()),
                         *after, self.delete_button, self.save_button])

    def build_list(self, layout: QVBoxLayout, columns: list[Column], *, name: str,
                   stretch: int, samples: dict[int, str], count_name: str) -> QSplitter:
        """The undo bar, then a splitter with the list on the left: the kit's table over
        `columns` and a "Shown: n" line under it. Add the form side to the splitter."""
        self.undo_bar = UndoBar(self.ctx, self)
        self.undo_bar.restored.connect(self._restored)
        self.undo_bar.bind_shortcut(self)
        layout.addWidget(self.undo_bar)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = PagedTableModel(self.ctx.store.conn, self.ctx.store.path, columns,
                                     parent=self)
        self.view = make_table(self.model, name, stretch, left, samples=samples)
        self.count = QLabel(left)
        self.count.setAccessibleName(count_name)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.count)
        self.model.total_changed.connect(self._show_total)
        return splitter

    def build_buttons(self, layout: QVBoxLayout, delete_name: str, save_name: str, *,
                      delete_text: str | None = None, save_text: str | None = None) -> None:
        """Delete on the left, Save on the right, under the form (`delete_name` and
        `save_name` are what a screen reader says: "Delete this visit")."""
        buttons = QHBoxLayout()
        self.delete_button = button(
            delete_text or QCoreApplication.translate("RecordEditor", "&Delete"), self.detail,
            name=delete_name)
        self.save_button = button(save_text or QCoreApplication.translate("RecordEditor", "&Save"),
                                  self.detail,
                                  tip=QCoreApplication.translate("RecordEditor", "Save (Ctrl+S)"),
                                  name=save_name)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    def _show_total(self, total: int) -> None:
        self.count.setText(QCoreApplication.translate("RecordEditor", "Shown: {count}").format(
            count=format_count(total)) if total >= 0 else "")

    def _connect_editor(self) -> None:
        self._snapshot = self.form.values()  # the blank form, until the first load
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.activated.connect(self._focus_form)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        shortcut(Qt.Key.Key_Escape, self.detail, self.revert)

    # -- state ----------------------------------------------------------------------------

    def mark_dirty(self) -> None:
        """Something outside the form changed (the form's own fields are compared with
        what was loaded instead)."""
        if not self._loading:
            self._dirty = True

    def mark_clean(self) -> None:
        """What is shown now is what is stored (the end of `load`)."""
        self._dirty = False
        self._snapshot = self.form.values()

    def is_dirty(self) -> bool:
        return self._dirty or self.form.values() != self._snapshot

    def describe(self) -> str:
        return ""

    def ask_unsaved(self) -> Unsaved:
        """Save / Discard / Cancel (tests replace this)."""
        return questions.ask_unsaved(self, self.describe())

    def confirm_delete(self, text: str) -> bool:
        """Ask before deleting (tests replace this)."""
        return questions.confirm_delete(self, text)

    def maybe_discard(self) -> bool:
        """True if the form may be replaced: nothing unsaved, saved now, or discarded."""
        if not self.is_dirty():
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.mark_clean()
            return True
        return False

    # -- list -----------------------------------------------------------------------------

    def select_id(self, record_id: str | None) -> bool:
        """Select the row of `record_id`, reading the list on to it if it is further down
        (`PagedTableModel.row_of`); no row is selected if the list does not show it."""
        selection = self.view.selectionModel()
        with QSignalBlocker(selection):
            if record_id is None:
                selection.clearSelection()
                selection.clearCurrentIndex()
                self.view.viewport().update()
                return False
            row = self.model.row_of(record_id, reveal=True)
            if row is not None:
                index = self.model.index(row, 0)
                selection.setCurrentIndex(
                    index, selection.SelectionFlag.ClearAndSelect
                    | selection.SelectionFlag.Rows)
                self.view.scrollTo(index)
                self.view.viewport().update()
                return True
            selection.clearSelection()
        self.view.viewport().update()
        return False

    def refresh(self) -> None:
        """The data changed: the choices, the list, the open record (unless it has unsaved
        edits), and the first record the first time there is one."""
        self.reload_choices()
        self.reload_list()
        self.reload_record()
        self.open_first_once()

    def reload_choices(self) -> None:
        """Fill the form's and the filters' choices from the store (offices, categories)."""

    def set_choices(self, choices: dict[str, Sequence[tuple[Any, str]]]) -> None:
        """Replace the items of the form's choice fields (name -> items), quietly."""
        for name, items in choices.items():
            field = self.form.field(name)
            with QSignalBlocker(field):
                field.set_items(items)  # type: ignore[attr-defined]

    def list_query(self) -> PagedSelect:
        """The list's query for what the search box and the filters say."""
        raise NotImplementedError

    def reload_list(self) -> None:
        """Query the list again now, keeping the open record's row chosen."""
        timer = getattr(self, "_search_timer", None)
        if timer is not None:
            timer.stop()
        self.model.set_query(self.list_query())
        self.select_id(self.current_id)

    def reload_record(self) -> None:
        """After a change elsewhere: show the open record anew unless it has unsaved edits
        (a blank form if it was deleted)."""
        if not self.is_dirty():
            exists = self.current_id and self.ctx.store.get(self.table, self.current_id)
            self.load(self.current_id if exists else None)

    def _search_entered(self) -> None:
        self.reload_list()
        if self.model.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)

    def _into_list(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.selectRow(0)

    def open_first_once(self) -> None:
        """The first time the list has records, open the first one (so the screen shows
        something real rather than an empty form), unless the user has already chosen or
        started one; later refreshes keep the user's choice."""
        if self._opened_once or self.current_id is not None or self.is_dirty():
            self._opened_once = True
            return
        if self.model.rowCount():
            self._opened_once = True
            record_id = self.model.record_id(0)
            self.load(record_id)
            self.select_id(record_id)

    def _row_changed(self, current: Any, previous: Any) -> None:
        if self._reverting or not current.isValid():
            return
        record_id = self.model.record_id(current.row())
        if record_id == self.current_id:
            return
        if not self.maybe_discard():
            self._reverting = True
            try:
                self.select_id(self.current_id)
            finally:
                self._reverting = False
            return
        self.load(record_id)

    def show_record(self, record_id: str) -> None:
        """Open one record (another screen pointed at it, or an undo restored it)."""
        if record_id == self.current_id or self.ctx.store.get(self.table, record_id) is None:
            return
        if self.maybe_discard():
            self.load(record_id)
            self.select_id(record_id)

    def _restored(self, table: str, record_id: str) -> None:
        if table == self.table:
            self.show_record(record_id)

    def set_form_record(self, values: dict[str, Any]) -> None:
        """Show `values` in the form, long texts from their beginning, no old problems."""
        self.form.set_record(values)
        show_starts(self.form)
        self.form.form_error.setVisible(False)

    def _focus_form(self) -> None:
        fields = self.form.fields
        if fields:
            fields[0].control.setFocus()

    # -- commands -------------------------------------------------------------------------

    def load(self, record_id: str | None) -> None:
        raise NotImplementedError

    def write(self, values: dict[str, Any]) -> str:
        """Store the validated values through the store; return the record's id. (The
        screens hear what changed from the store: nothing to announce here.)"""
        raise NotImplementedError

    def extra_problem(self) -> bool:
        """Problems outside the form (a person without consent); True if there is one."""
        return False

    def new(self) -> bool:
        if not self.maybe_discard():
            return False
        self._opened_once = True  # the user chose a blank form: keep it
        self.select_id(None)
        self.load(None)
        self._focus_form()
        return True

    def save(self) -> bool:
        """Validate everything, write, and show the saved record; False if refused."""
        extra = self.extra_problem()
        if not self.form.save() or extra:  # every problem shown, the first one focused
            return False
        values = self.form.cleaned()
        if values is None:
            return False
        with self.ctx.changes():  # the lists refresh once this editor shows the saved record
            try:
                record_id = self.write(values)
            except Exception as error:  # a refused write: say why, keep the form as typed
                self.show_write_error(error)
                return False
            self.current_id = record_id
            self.load(record_id)
            self.select_id(record_id)
        self.saved.emit(record_id)
        return True

    def show_write_error(self, error: BaseException) -> None:
        self.form.form_error.setText(plain_message(error))
        self.form.form_error.setVisible(True)

    def revert(self) -> None:
        """Esc in the form: back to the saved values (asks if something was typed)."""
        if self.is_dirty() and self.ask_unsaved_revert():
            self.load(self.current_id)

    def ask_unsaved_revert(self) -> bool:
        """(tests replace this)"""
        return questions.confirm_revert(self, self.describe())

    def delete(self) -> None:
        if self.current_id is None:
            return
        if not self.confirm_delete(self.tr("Delete {what}?").format(what=self.describe())):
            return
        record_id, text = self.current_id, self.tr("Deleted {what}.").format(
            what=self.describe())
        with self.ctx.changes():
            self.ctx.store.delete(self.table, record_id)
            self.current_id = None
            self.load(None)
        self.undo_bar.offer(text, self.table, record_id)
