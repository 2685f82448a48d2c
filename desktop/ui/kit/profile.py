"""`ProfilePanel`: one record's details under its name, with Save, Discard and Delete, and a
hint in its place when nothing is chosen: the right side of People and CSOs.

What both share lives here: which record is shown, the snapshot that says whether anything
was typed, showing a record or a blank new one, keeping typing when the data changes
elsewhere, and saving only the fields that changed. A subclass builds its widgets
(`stack` with the hint first and `page`, `form`, `name_label`, `meta_label`, `problem`,
`tabs`, `save_button`, `discard_button`, `delete_button`) and fills in the hooks below.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ValidationError
from desktop.store import StoreError
from desktop.store.queries import common
from desktop.ui.context import AppContext
from desktop.ui.forms import ChoiceField, RecordForm, for_display, show_starts
from desktop.ui.kit.layout import scroll_area
from desktop.ui.widgets import button, error_label, hint, section_title
from desktop.ui.workers import plain_message


class ProfilePanel(QWidget):
    #: The record table.
    table = ""
    #: The record's fields the form writes (others on the form are only shown).
    fields: frozenset[str] = frozenset()
    #: Emitted after a save: (id, whether it was created).
    saved = Signal(str, bool)
    #: Delete was clicked (the screen asks and deletes).
    delete_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record_id: str | None = None
        self.record: dict[str, Any] | None = None
        self._snapshot: dict[str, Any] = {}
        self.stack: QStackedWidget
        self.page: QWidget
        self.form: RecordForm
        self.name_label: QLabel
        self.meta_label: QLabel
        self.problem: QLabel
        self.tabs: QTabWidget
        self.save_button: QPushButton
        self.discard_button: QPushButton
        self.delete_button: QPushButton

    def build_frame(self, empty_text: str, delete_name: str,
                    extra_buttons: tuple[QPushButton, ...] = ()) -> QVBoxLayout:
        """The frame every profile has: the hint (`empty_text`) while nothing is chosen;
        then the record's name on a line of its own (long Ukrainian names must not be
        squeezed by the buttons), and what is known about it beside Save, Cancel, the
        `extra_buttons` and Delete (`delete_name` for screen readers). Returns the page's
        layout for the rest (tabs)."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)
        empty = QWidget(self)
        empty_layout = QVBoxLayout(empty)
        self.empty_hint = hint(empty_text, empty)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addWidget(self.empty_hint, 1)
        self.stack.addWidget(empty)
        self.page = QWidget(self)
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.name_label = section_title("", self.page)
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.name_label)
        header = QHBoxLayout()
        self.meta_label = hint("", self.page)
        header.addWidget(self.meta_label, 1)
        self.save_button = button(
            QCoreApplication.translate("ProfilePanel", "&Save"), self.page, self.save,
            tip=QCoreApplication.translate("ProfilePanel", "Save the details (Ctrl+S)"),
            name=QCoreApplication.translate("ProfilePanel", "Save"))
        self.discard_button = button(
            QCoreApplication.translate("ProfilePanel", "Cancel"), self.page, self.discard,
            name=QCoreApplication.translate("ProfilePanel", "Discard the changes"))
        self.delete_button = button(QCoreApplication.translate("ProfilePanel", "&Delete…"),
                                    self.page, self._delete_clicked, name=delete_name)
        for widget in (self.save_button, self.discard_button, *extra_buttons,
                       self.delete_button):
            widget.setParent(self.page)
            header.addWidget(widget)
        layout.addLayout(header)
        self.stack.addWidget(self.page)
        return layout

    def build_details(self, name: str, table: str, fields: list[Any],
                      above: tuple[QWidget, ...] = ()) -> QTabWidget:
        """The tabs under the header, the first one "Details": the form over `fields`,
        scrolled, with `above` over it and the problem line under it. Any change to a field
        updates Save and Cancel. Add the other tabs to the returned widget."""
        self.tabs = QTabWidget(self.page)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(name)
        self.form = RecordForm(table, fields, save_text=None, parent=self)
        self.form.validity_changed.connect(self.update_buttons)
        for field in self.form.fields:
            field.changed.connect(self.update_buttons)
        self.problem = error_label(self.page)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 4, 8, 0)
        for widget in (*above, self.form, self.problem):
            holder_layout.addWidget(widget)
        holder_layout.addStretch(1)
        self.tabs.addTab(scroll_area(holder, QCoreApplication.translate(
            "ProfilePanel", "Details"), self.tabs),
            QCoreApplication.translate("ProfilePanel", "Details"))
        return self.tabs

    # -- hooks ------------------------------------------------------------------------------

    def new_defaults(self) -> dict[str, Any]:
        """What a new record starts with (this device's office)."""
        return {"office_id": self.ctx.office_id}

    def title_of(self, record: dict[str, Any]) -> str:
        """The heading above a stored record."""
        raise NotImplementedError

    def new_title(self) -> str:
        raise NotImplementedError

    def meta_text(self, record: dict[str, Any]) -> str:
        """The grey line under the heading."""
        return ""

    def after_load(self, record: dict[str, Any] | None) -> None:
        """The form shows `record` (None: a blank new one): set what depends on its values."""

    def fill_extra(self, record_id: str | None) -> None:
        """Fill what is beside the form (history, members) for this record."""

    def reset_extra(self) -> None:
        """Forget state held beside the form (a consent recorded before the first save)."""

    def extra_dirty(self) -> bool:
        """Something beside the form waits to be saved with it."""
        return False

    def problem_with(self, values: dict[str, Any]) -> str | None:
        """Why these values cannot be saved though each is valid (an EDRPOU code taken)."""
        return None

    def insert_values(self, values: dict[str, Any]) -> dict[str, Any]:
        """The values of a new record (a consent recorded before the first save added)."""
        return values

    def same(self, name: str, current: dict[str, Any], value: Any) -> bool:
        """Whether the form's `value` is what is stored (so nothing is written)."""
        return current.get(name) == value

    def update_buttons(self, *_: Any) -> None:
        new = self.is_new
        dirty = self.is_dirty()
        self.save_button.setEnabled(self.form.is_valid() and (dirty or new))
        self.discard_button.setVisible(dirty or new)
        self.delete_button.setVisible(not new)

    # -- showing ----------------------------------------------------------------------------

    @property
    def is_new(self) -> bool:
        return self.record_id is None and self.stack.currentWidget() is self.page

    def reload_choices(self) -> None:
        """Refill the lists of settlements and offices (they change with sync)."""
        conn = self.ctx.store.conn
        for name, items in (("settlement_id", common.settlement_choices(conn)),
                            ("office_id", common.office_choices(conn))):
            try:
                field = self.form.field(name)
            except KeyError:
                continue
            if isinstance(field, ChoiceField):
                field.set_items(items)

    def clear(self) -> None:
        """Show nothing (the hint to choose a record)."""
        self.record_id = None
        self.record = None
        self.reset_extra()
        self.form.clear()
        self._snapshot = self.form.values()
        self.stack.setCurrentIndex(0)

    def new_record(self) -> None:
        """A blank form for a new record."""
        self.start_new(self.new_defaults())

    def start_new(self, defaults: dict[str, Any]) -> None:
        """A blank form for a new record, with `defaults` filled in."""
        self.record_id = None
        self.record = None
        self.reset_extra()
        self.form.set_record(defaults)
        self.after_load(None)
        self._snapshot = self.form.values()
        self.show_problem("")
        self.name_label.setText(self.new_title())
        self.meta_label.setText(QCoreApplication.translate(
            "ProfilePanel", "Fill in the details and save (Ctrl+S)."))
        self.fill_extra(None)
        self.tabs.setCurrentIndex(0)
        self.stack.setCurrentWidget(self.page)
        self.update_buttons()
        first = self.form.fields[0] if self.form.fields else None
        if first is not None:
            first.control.setFocus()

    def show_record(self, record_id: str) -> bool:
        """Show the stored record; False (and the hint) if it is gone."""
        record = self.ctx.store.get(self.table, record_id)
        if record is None:
            self.clear()
            return False
        same = record_id == self.record_id
        self.record_id = record_id
        self.record = record
        self.reset_extra()
        self.form.set_record(for_display(record))
        show_starts(self.form)
        self.after_load(record)
        self._snapshot = self.form.values()
        self.show_problem("")
        self.name_label.setText(self.title_of(record))
        self.meta_label.setText(self.meta_text(record))
        self.fill_extra(record_id)
        if not same:
            self.tabs.setCurrentIndex(0)
        self.stack.setCurrentWidget(self.page)
        self.update_buttons()
        return True

    def reload(self) -> None:
        """The data changed elsewhere: show the stored record, keeping typing in progress."""
        if self.record_id is None:
            return
        if self.is_dirty():
            self.record = self.ctx.store.get(self.table, self.record_id) or self.record
            self.fill_extra(self.record_id)
        elif not self.show_record(self.record_id):
            self.clear()

    def is_dirty(self) -> bool:
        """Whether something typed (or recorded beside the form) is not saved."""
        if self.stack.currentWidget() is not self.page:
            return False
        return self.form.values() != self._snapshot or self.extra_dirty()

    def discard(self) -> None:
        if self.record_id:
            self.show_record(self.record_id)
        else:
            self.clear()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        if text:
            self.tabs.setCurrentIndex(0)

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and store the details (only the fields that changed); False, with the
        problems shown, if they cannot be stored."""
        if self.stack.currentWidget() is not self.page or not self.form.save():
            return False
        values = {k: v for k, v in (self.form.cleaned() or {}).items() if k in self.fields}
        problem = self.problem_with(values)
        if problem:
            self.show_problem(problem)
            return False
        store = self.ctx.store
        with self.ctx.changes():  # the list refreshes once the saved record is shown
            try:
                if self.record_id is None:
                    record = store.insert(self.table, self.insert_values(values))
                    created = True
                else:
                    current = store.get(self.table, self.record_id) or {}
                    changes = {k: v for k, v in values.items()
                               if not self.same(k, current, v)}
                    record = store.update(self.table, self.record_id, changes) if changes \
                        else current
                    created = False
            except (StoreError, ValidationError) as exc:
                self.show_problem(plain_message(exc))
                return False
            self.show_record(record["id"])
        self.saved.emit(record["id"], created)
        return True

    def _delete_clicked(self) -> None:
        if self.record_id:
            self.delete_requested.emit(self.record_id)
