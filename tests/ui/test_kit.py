"""The screen kit (desktop/ui/kit), tested once on the smallest editor that can be built with
it: a list of settlements beside a one-field form. The screens' own tests keep only what is
theirs. This editor is also the example of docs/record-screens.md."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.store.queries.common import select_records
from desktop.ui.forms import RecordForm, TextField
from desktop.ui.kit.editor import RecordEditor, UndoBar
from desktop.ui.kit.tables import make_table
from desktop.ui.models import Column, PagedTableModel


class SettlementsEditor(RecordEditor):
    """The whole of a record screen built with the kit: widgets, `load`, `write`,
    `describe`; everything else (unsaved changes, delete and undo, keys) is the kit's."""

    table = "settlements"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        layout = QHBoxLayout(self)
        self.model = PagedTableModel(ctx.store.conn, ctx.store.path, [
            Column("name", "Назва")], parent=self)
        self.view = make_table(self.model, "Населені пункти", 0, self)
        layout.addWidget(self.view)
        self.detail = QWidget(self)
        detail = QVBoxLayout(self.detail)
        self.undo_bar = UndoBar(ctx, self.detail)
        self.undo_bar.restored.connect(self._restored)
        self.form = RecordForm("settlements", [TextField("name")], partial=True,
                               save_text=None, parent=self.detail)
        self.save_button = QPushButton("Зберегти", self.detail)
        self.delete_button = QPushButton("Видалити", self.detail)
        for widget in (self.undo_bar, self.form, self.save_button, self.delete_button):
            detail.addWidget(widget)
        layout.addWidget(self.detail)
        self._connect_editor()
        ctx.bus.data_changed.connect(self._changed)
        self.reload_list()
        self.load(None)

    def _changed(self, table: str) -> None:
        if table == self.table:
            self.reload_list()

    def reload_list(self) -> None:
        self.model.set_query(select_records("settlements", ["name"], order_by=["name"]),
                             count=False)
        self.select_id(self.current_id)

    def load(self, record_id: str | None) -> None:
        record = self.ctx.store.get("settlements", record_id) if record_id else None
        self._loading = True
        try:
            self.current_id = record["id"] if record else None
            self.set_form_record(record or {})
        finally:
            self._loading = False
        self.mark_clean()
        self.delete_button.setEnabled(record is not None)

    def write(self, values: dict[str, Any]) -> str:
        if self.current_id:
            return self.ctx.store.update("settlements", self.current_id, values)["id"]
        return self.ctx.store.insert("settlements", values)["id"]

    def describe(self) -> str:
        return f"«{self.form.field('name').value()}»"


@pytest.fixture
def editor(ctx, qtbot, store):
    for name in ("Стадниця", "Вороновиця"):
        store.insert("settlements", {"name": name})
    widget = SettlementsEditor(ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _name(editor: SettlementsEditor) -> Any:
    edit = editor.form.field("name").control
    edit.end(False)  # typing goes on at the end of the name
    return edit


def test_typing_something_and_deleting_it_again_is_no_change(editor):
    editor.open_first_once()
    assert editor.current_id is not None and not editor.is_dirty()
    _name(editor).insert("ька")
    assert editor.is_dirty()
    for _ in range(3):
        _name(editor).backspace()
    assert not editor.is_dirty()


def test_unsaved_changes_are_saved_discarded_or_kept(editor, monkeypatch, store):
    editor.open_first_once()
    first = editor.current_id
    second = editor.model.record_id(1)
    _name(editor).insert(" (село)")
    monkeypatch.setattr(editor, "ask_unsaved", lambda: "cancel")
    editor.view.selectRow(1)
    assert editor.current_id == first and editor.is_dirty()  # stayed, with the typing
    monkeypatch.setattr(editor, "ask_unsaved", lambda: "save")
    editor.view.selectRow(1)
    assert editor.current_id == second
    assert store.get("settlements", first)["name"].endswith("(село)")
    _name(editor).insert("!")
    monkeypatch.setattr(editor, "ask_unsaved", lambda: "discard")
    assert editor.new()
    assert store.get("settlements", second)["name"] in ("Стадниця", "Вороновиця")


def test_a_save_tells_the_screens_once_per_table_after_the_editor_settled(editor, ctx, store):
    heard: list[tuple[str, str | None, bool]] = []
    ctx.bus.data_changed.connect(
        lambda table: heard.append((table, editor.current_id, editor.is_dirty())))
    editor.new()
    _name(editor).insert("Сокиринці")
    assert editor.save()
    saved = editor.current_id
    # once, and by then the editor shows the saved record with nothing unsaved
    assert heard == [("settlements", saved, False)]
    assert editor.model.record_id(editor.view.currentIndex().row()) == saved


def test_delete_asks_and_undo_brings_it_back(editor, monkeypatch, store):
    editor.open_first_once()
    doomed = editor.current_id
    monkeypatch.setattr(editor, "confirm_delete", lambda text: False)
    editor.delete()
    assert store.get("settlements", doomed) is not None
    monkeypatch.setattr(editor, "confirm_delete", lambda text: True)
    editor.delete()
    assert store.get("settlements", doomed) is None and editor.current_id is None
    assert editor.undo_bar.isVisible()
    editor.undo_bar.undo()
    assert store.get("settlements", doomed) is not None
    assert editor.current_id == doomed  # and it is open again


def test_esc_goes_back_to_the_saved_values(editor, monkeypatch, qtbot):
    editor.open_first_once()
    saved = _name(editor).text()
    _name(editor).insert("ххх")
    monkeypatch.setattr(editor, "ask_unsaved_revert", lambda: True)
    _name(editor).setFocus()
    qtbot.keyClick(_name(editor), Qt.Key.Key_Escape)
    assert _name(editor).text() == saved and not editor.is_dirty()


def test_the_table_looks_like_every_list_and_sorts_by_header(editor):
    view = editor.view
    assert not view.showGrid()
    assert view.selectionBehavior() == view.SelectionBehavior.SelectRows
    assert view.editTriggers() == view.EditTrigger.NoEditTriggers
    names = [editor.model.data(editor.model.index(r, 0)) for r in range(2)]
    assert names == sorted(names)
    view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert [editor.model.data(editor.model.index(r, 0)) for r in range(2)] == names[::-1]
    QAbstractItemModelTester(editor.model,
                             QAbstractItemModelTester.FailureReportingMode.Fatal)


def test_writes_outside_a_changes_block_are_told_at_once(ctx, store):
    heard: list[str] = []
    ctx.bus.data_changed.connect(heard.append)
    store.insert("settlements", {"name": "Гуменне"})
    assert heard == ["settlements"]
    with ctx.changes():
        store.insert("settlements", {"name": "Зарванці"})
        store.insert("districts", {"name": "Вінницький"})
        assert heard == ["settlements"]
    assert heard == ["settlements", "districts", "settlements"]  # each once, by name


def test_list_pane_searches_filters_and_keys(ctx, qtbot, store):
    from PySide6.QtWidgets import QComboBox

    from desktop.ui.kit.list_pane import ListPane

    for name in ("Стадниця", "Вороновиця", "Сокиринці"):
        store.insert("settlements", {"name": name, "kind": "village" if name != "Вороновиця"
                                     else "town"})
    model = PagedTableModel(ctx.store.conn, ctx.store.path, [Column("name", "Назва")])
    kind = QComboBox()
    kind.addItem("Усі", None)
    kind.addItem("Селище", "town")

    def query():
        text = pane.search.text().strip()
        filters = {"kind": kind.currentData()} if kind.currentData() else {}
        select = select_records("settlements", ["name"], filters=filters, order_by=["name"])
        return select if not text else dataclasses.replace(
            select, where=(*select.where, "t.name LIKE ?"), params=(*select.params, f"{text}%"))

    pane = ListPane(model, query, name="Населені пункти", placeholder="Знайти",
                    search_name="Знайти населений пункт")
    qtbot.addWidget(pane)
    pane.add_filters(kind)
    pane.empty_texts = ("Нічого не знайдено", "Ще нічого немає")
    pane.show()
    pane.activateWindow()
    qtbot.waitActive(pane)
    chosen, deleted = [], []
    pane.chosen.connect(chosen.append)
    pane.delete_requested.connect(deleted.append)
    pane.apply()
    assert model.rowCount() == 3
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)

    pane.search.setText("Сок")  # searched after the pause, or at once on Down
    assert model.rowCount() == 3 and pane.timer.isActive()
    qtbot.keyClick(pane.search, Qt.Key.Key_Down)
    assert model.rowCount() == 1
    qtbot.waitUntil(pane.view.hasFocus)  # into the list
    assert chosen == [model.record_id(0)]  # the first row, opened
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert deleted == [model.record_id(0)]

    pane.search.clear()
    kind.setCurrentIndex(1)  # a filter runs the query at once
    assert model.rowCount() == 1 and pane.filtered()
    pane.search.setText("Жм")
    pane.apply()
    qtbot.waitUntil(lambda: pane.empty_label.isVisible())
    assert pane.empty_label.text() == "Нічого не знайдено"
    assert pane.select_id(None) is False
