"""`ProfileScreen`: a `ListPane` on the left, a `ProfilePanel` on the right (People, CSOs).

What such a screen does the same way whatever it lists: choosing a row opens the record
(after asking about unsaved changes), Enter on a row goes to the form, New, Save, opening a
record another screen points at, the count above the list, delete with undo, and which
record Ctrl+H shows the history of. A subclass builds its `pane` and its `record_panel`,
hands them to `build_frame`, and says how to name things and what to ask before a delete.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.ui.formatting import format_count
from desktop.ui.kit import questions
from desktop.ui.kit.editor import UndoBar
from desktop.ui.kit.layout import title_row
from desktop.ui.kit.list_pane import ListPane
from desktop.ui.kit.profile import ProfilePanel
from desktop.ui.kit.questions import Unsaved
from desktop.ui.screens.base import Screen
from desktop.ui.widgets import SearchEdit, button


class ProfileScreen(Screen):
    #: The field of another table's record that names this screen's record (an item from
    #: another screen: an attendance row names its person by `person_id`).
    link_field = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pane: ListPane
        self.record_panel: ProfilePanel
        self._first_load = True

    def build_frame(self, left: QWidget, panel: ProfilePanel, *, new: tuple[str, str, str],
                    import_tip: str, buttons: Sequence[QPushButton] = (),
                    banners: Sequence[QWidget] = (), sizes: tuple[int, int] = (560, 600)
                    ) -> QSplitter:
        """The screen around the two sides: the title with the count, `buttons`, Import
        (`import_tip`) and New (`new`: its text, screen-reader name and tooltip); the
        `banners` and the undo bar; `left` (the pane, or a stack holding it) beside
        `panel`. Call once the pane is built."""
        layout = QVBoxLayout(self)
        text, name, tip = new
        self.import_button = button(QCoreApplication.translate("ProfileScreen", "&Import…"),
                                    self, self.import_list, tip=import_tip)
        self.new_button = button(text, self, self.new_record, tip=tip, name=name, icon="add")
        self.count_label = title_row(self, self.display_title(), layout,
                                     [*buttons, self.import_button, self.new_button],
                                     count=True)
        for banner in banners:
            layout.addWidget(banner)
        self.undo_banner = UndoBar(self.ctx, self)
        self.undo_banner.bind_shortcut(self)
        self.undo_banner.restored.connect(self._restored)
        layout.addWidget(self.undo_banner)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(panel)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes(list(sizes))
        layout.addWidget(splitter, 1)
        self.record_panel = panel
        panel.delete_requested.connect(self.delete_record)
        self.pane.delete_requested.connect(self.delete_record)
        self.connect_pane()
        return splitter

    def import_list(self) -> None:
        from desktop.ui.import_dialog import ImportDialog

        ImportDialog(self.ctx, self.record_panel.table, self).exec()

    # -- what a subclass says ---------------------------------------------------------------

    def may_delete(self, record: dict[str, Any]) -> bool:
        """Ask before deleting `record` (saying what stays); True to delete."""
        raise NotImplementedError

    def deleted_text(self, record: dict[str, Any]) -> str:
        """"«…» was deleted." on the undo bar."""
        raise NotImplementedError

    def unsaved_name(self) -> str:
        """How the question about unsaved changes names the record being edited."""
        raise NotImplementedError

    def count_text(self, filtered: bool) -> str:
        """"Found: {count}" or "People: {count}" (with a {count} placeholder)."""
        raise NotImplementedError

    def saved_message(self, created: bool) -> str:
        raise NotImplementedError

    # -- the list ---------------------------------------------------------------------------

    def connect_pane(self) -> None:
        """Wire the pane and the panel together (call once both are built)."""
        self.pane.searched.connect(self._searched)
        self.pane.chosen.connect(self._chosen)
        self.pane.activated.connect(self._row_activated)
        self.pane.model.total_changed.connect(self._total_changed)
        self.record_panel.saved.connect(self._saved)

    def apply_search(self) -> None:
        """Run the search and filters now (typing runs them after a short pause)."""
        self.pane.apply()

    def search_box(self) -> SearchEdit:
        return self.pane.search

    def _searched(self) -> None:
        if self.record_panel.record_id:
            self.pane.select_id(self.record_panel.record_id)
        elif self._first_load and self.record_panel.stack.currentIndex() == 0:
            self.pane.select_first()  # a list with its first record open, as mail apps do
        self._first_load = False

    def _total_changed(self, total: int) -> None:
        self.count_label.setText("…" if total < 0 else self.count_text(
            self.pane.filtered()).format(count=format_count(total)))

    def _select_row_of(self, record_id: str) -> None:
        self.pane.select_id(record_id)

    def _chosen(self, record_id: str) -> None:
        if record_id != self.record_panel.record_id and self.may_leave():
            self.record_panel.show_record(record_id)

    def _row_activated(self, *_: Any) -> None:
        self.record_panel.tabs.setCurrentIndex(0)
        fields = self.record_panel.form.fields
        if fields:
            fields[0].control.setFocus()

    # -- the record -------------------------------------------------------------------------

    def ask_unsaved(self, name: str) -> Unsaved:
        """Save, Discard or Cancel for edits not saved yet (tests replace this)."""
        return questions.ask_unsaved(self, name)

    def may_leave(self) -> bool:
        """Whether the panel may show something else (asks about unsaved edits)."""
        if not self.record_panel.is_dirty():
            return True
        answer = self.ask_unsaved(self.unsaved_name())
        if answer == "save":
            return self.record_panel.save()
        return answer == "discard"

    def new_record(self) -> bool:
        if self.may_leave():
            self.pane.view.clearSelection()
            self.record_panel.new_record()
        return True

    def save(self) -> bool:
        return self.record_panel.save()

    def show_item(self, item: dict[str, Any]) -> None:
        table = self.record_panel.table
        record_id = item.get("id") if item.get("table", table) == table else \
            item.get(self.link_field)
        if record_id and self.may_leave():
            self.record_panel.show_record(record_id)
            self._select_row_of(record_id)

    def _saved(self, record_id: str, created: bool) -> None:
        self.ctx.bus.status_message.emit(self.saved_message(created))
        self._select_row_of(record_id)

    # -- delete and undo --------------------------------------------------------------------

    def delete_record(self, record_id: str) -> None:
        table = self.record_panel.table
        record = self.ctx.store.get(table, record_id)
        if record is None or not self.may_delete(record):
            return
        with self.ctx.changes():
            self.ctx.store.delete(table, record_id)
            if self.record_panel.record_id == record_id:
                self.record_panel.clear()
        self.undo_banner.offer(self.deleted_text(record), table, record_id)

    def _restored(self, table: str, record_id: str) -> None:
        if table == self.record_panel.table and self.may_leave():
            self.record_panel.show_record(record_id)
            self._select_row_of(record_id)

    def current_record(self) -> tuple[str, str] | None:
        record_id = self.record_panel.record_id
        return (self.record_panel.table, record_id) if record_id else None
