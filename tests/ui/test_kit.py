"""The screen kit (desktop/ui/kit), tested once on the smallest editor that can be built with
it: a list of settlements beside a one-field form. The screens' own tests keep only what is
theirs. This editor is also the example of docs/record-screens.md."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QHBoxLayout, QTableView, QVBoxLayout, QWidget

from desktop.store.queries.common import select_records
from desktop.ui.forms import RecordForm, TextField
from desktop.ui.kit.editor import RecordEditor
from desktop.ui.models import Column, PagedTableModel


class SettlementsEditor(RecordEditor):
    """The whole of a record screen built with the kit: its widgets, `list_query`, `load`,
    `write`, `describe`; everything else (searching, filters, unsaved changes, delete and
    undo, keys, the tab order) is the kit's."""

    table = "settlements"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.build_search("Знайти за назвою", "Знайти населений пункт")
        self.kind = self.filter_combo("Тип", [("village", "Село"), ("town", "Селище")],
                                      "Усі типи")
        self.new_button = self.new_record_button("&Новий", "Новий населений пункт",
                                                 "Додати населений пункт (Ctrl+N)")
        for widget in (self.search, self.kind, self.new_button):
            bar.addWidget(widget)
        layout.addLayout(bar)
        splitter = self.build_list(layout, [Column("name", "Назва")], name="Населені пункти",
                                   stretch=0, samples={}, count_name="Показано пунктів")
        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        self.form = RecordForm("settlements", [TextField("name")], partial=True,
                               save_text=None, parent=self.detail)
        detail.addWidget(self.form)
        self.build_buttons(detail, "Видалити населений пункт", "Зберегти населений пункт")
        self.finish(layout, splitter, self.detail, (400, 400),
                    before=[self.search, self.kind, self.new_button, self.view])
        ctx.bus.data_changed.connect(self._changed)
        self.refresh()

    def _changed(self, table: str) -> None:
        if table == self.table:
            self.refresh()

    def list_query(self) -> Any:
        text = self.search.text().strip()
        kind = self.kind.currentData()
        select = select_records("settlements", ["name"], order_by=["name"],
                                filters={"kind": kind} if kind else {})
        return select if not text else select._replace(
            where=(*select.where, "t.name LIKE ?"), params=(*select.params, f"{text}%"))

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
        return select if not text else select._replace(
            where=(*select.where, "t.name LIKE ?"), params=(*select.params, f"{text}%"))

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

    pane.search.clear()
    kind.setCurrentIndex(0)
    pane.apply()
    assert model.rowCount() == 3
    opened = len(chosen)
    assert pane.select_id(model.record_id(2)) is True and pane.current_id() == model.record_id(2)
    # A record the list does not show: no other row stays highlighted.
    assert pane.select_id("not-in-the-list") is False
    assert pane.current_id() is None and pane.selected_ids() == []
    assert len(chosen) == opened  # neither selection opened anything


def test_search_box_and_filters_run_the_list_query(editor, qtbot, store):
    store.insert("settlements", {"name": "Сокиринці", "kind": "town"})
    editor.search.setText("Сок")  # searched after the pause, or at once on Enter
    assert editor.model.rowCount() == 3 and editor._search_timer.isActive()
    qtbot.keyClick(editor.search, Qt.Key.Key_Return)
    assert editor.model.rowCount() == 1
    assert editor.current_id == editor.model.record_id(0)  # the first match, opened
    assert editor.form.field("name").value() == "Сокиринці"
    editor.search.clear()
    editor.kind.setCurrentIndex(editor.kind.findData("village"))  # a filter runs at once
    assert editor.model.rowCount() == 0 and "0" in editor.count.text()
    editor.kind.setCurrentIndex(0)
    assert editor.model.rowCount() == 3


def test_tab_goes_through_the_screen_in_the_order_the_eye_does(editor):
    chain, widget = [], editor.search
    for _ in range(6):
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
    assert chain == [editor.search, editor.kind, editor.new_button, editor.view,
                     editor.form.field("name").control, editor.delete_button]


def test_undo_takes_back_deletes_newest_first_until_the_bar_goes(editor, monkeypatch, store,
                                                                  qtbot):
    monkeypatch.setattr(editor, "confirm_delete", lambda text: True)
    first = editor.current_id
    editor.delete()
    editor.view.selectRow(0)
    second = editor.current_id
    editor.delete()
    assert store.get("settlements", first) is None and store.get("settlements", second) is None
    editor.view.setFocus()
    qtbot.waitUntil(editor.view.hasFocus)
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.get("settlements", second) is not None  # the newest first
    assert store.get("settlements", first) is None and editor.undo_bar.isVisible()
    editor.undo_bar._expire()  # half a minute later the bar is gone, and the undo with it
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.get("settlements", first) is None and not editor.undo_bar.isVisible()


def test_item_tables_sort_by_value_and_rows_map_back(qtbot):
    from desktop.ui.kit.tables import fill_rows, item_table, row_index

    table = item_table(["Хто", "Від"], "Члени")
    qtbot.addWidget(table)
    rows = [("Шевченко", ("02.01.2025", "2025-01-02")), ("Андрієнко", ("15.12.2024", "2024-12-15")),
            ("Коваль", ("", None))]
    fill_rows(table, rows)
    assert [table.item(r, 0).text() for r in range(3)] == ["Шевченко", "Андрієнко", "Коваль"]
    table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    # by the date, not by its dd.mm.yyyy text; an empty date last
    assert [table.item(r, 0).text() for r in range(3)] == ["Андрієнко", "Шевченко", "Коваль"]
    table.setCurrentCell(1, 0)
    assert rows[row_index(table)][0] == "Шевченко"
    fill_rows(table, rows)  # refilled: the chosen order holds
    assert [table.item(r, 0).text() for r in range(3)] == ["Андрієнко", "Шевченко", "Коваль"]
    assert not table.showGrid() and table.isSortingEnabled()


@pytest.mark.parametrize(("text", "needs"), [
    ("Марʼяна Ґудзь", False), ("Мар'яна", False), ("José Müller", False),
    ("Ελένη", False), ("Nguyễn", False), ("✓ тут з 11:52", False), ("073 ••• 99 96", False),
    ("60 років і старше", False), ("", False),
    ("Ковалевська سلمى", True), ("שלום", True), ("नमस्ते", True), ("สมชาย", True),
    ("Оля 👍", True),
])
def test_only_text_of_scripts_that_need_shaping_asks_for_it(text, needs):
    from desktop.ui.kit.tables import needs_shaping

    assert needs_shaping(text) is needs


class _Rows(QStandardItemModel):
    """A model that answers both ways: Qt's roles (for Qt's painting) and `TextRows`."""

    def __init__(self, rows: list[tuple[str, ...]], coloured: set[int]) -> None:
        super().__init__(len(rows), len(rows[0]))
        self.colour = QBrush(QColor("#1b7a34"))
        self.set_rows(rows, coloured)

    def set_rows(self, rows: list[tuple[str, ...]], coloured: set[int]) -> None:
        from desktop.ui.kit.tables import needs_shaping, shaped_font

        self.texts, self.coloured = rows, coloured
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = self.item(r, c) or QStandardItem()
                item.setText(text)
                item.setData(shaped_font() if needs_shaping(text) else None,
                             Qt.ItemDataRole.FontRole)
                item.setData(self.colour if r in coloured else None,
                             Qt.ItemDataRole.ForegroundRole)
                self.setItem(r, c, item)

    def row_texts(self, row: int) -> tuple[str, ...]:
        return self.texts[row]

    def row_shaped(self, row: int) -> tuple[bool, ...]:
        from desktop.ui.kit.tables import needs_shaping

        return tuple(needs_shaping(t) for t in self.texts[row])

    def row_foreground(self, row: int) -> QBrush | None:
        return self.colour if row in self.coloured else None


def test_a_text_table_paints_exactly_what_qts_own_painting_does(app, qtbot):
    """The check-in desk's list paints its rows itself (issue 11): every pixel must be
    Qt's, with alternating rows, the chosen row, a coloured row, an elided name, a name
    that needs shaping and empty cells, before and after the texts change."""
    from desktop.ui.kit.tables import TextRows, TextTableView, setup_table, skip_shaping

    rows = [("Шевченко Олена Петрівна", "1975", "067 ••• 45 67", "Вінниця", ""),
            ("Ковалевська سلمى", "18–35 років", "", "Стадниця", "✓ тут з 11:52"),
            ("Бондаренко-Височанська Марʼяна Олександрівна", "2001", "050 ••• 11 22",
             "Лука-Мелешківська", "зареєстровано"),
            ("Ґудзь Іван", "", "096 ••• 91 30", "", ""),
            ("سلمى Коваль", "1990", "", "שלום", "")] * 3
    images = []
    for kind in (TextTableView, QTableView):
        model = _Rows(rows, coloured={1, 5})
        view = kind()
        qtbot.addWidget(view)
        view.setModel(model)
        setup_table(view, 0, {1: "60 років і старше", 2: "000 ••• 00 00", 3: "Стадниця"})
        skip_shaping(view)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.resize(700, 260)
        view.show()
        qtbot.waitExposed(view)
        view.selectRow(2)
        shots = [view.viewport().grab().toImage()]
        model.set_rows(rows[::-1], coloured={0, 7})  # new texts in the same rows
        shots.append(view.viewport().grab().toImage())
        images.append(shots)
    assert isinstance(model, TextRows)
    for ours, qts in zip(*images, strict=True):
        assert ours.size() == qts.size()
        assert ours == qts, "the table's own painting differs from Qt's"
    # The rows were painted (not an empty table twice).
    first = images[0][0]
    background = first.pixel(first.width() - 1, first.height() - 1)
    assert any(first.pixel(x, 12) != background for x in range(5, 200))


def test_a_line_edits_cached_frame_is_the_styles_own_picture_drawn_once(app, qtbot):
    """The check-in search line's frame is drawn once and copied on every key (issue 11):
    the copy must be the style's own pixels, focused or not, enabled or not, in a dark
    palette too, and a repaint must not draw it again."""
    from PySide6.QtGui import QImage, QPainter, QPalette
    from PySide6.QtWidgets import QApplication, QLineEdit, QStyle, QStyleOptionFrame

    from desktop.ui.kit.panels import cache_panel

    def panel(style: QStyle, line: QLineEdit, state: str, palette: QPalette) -> QImage:
        option = QStyleOptionFrame()
        option.initFrom(line)
        option.rect = line.rect()
        option.lineWidth = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth,
                                             option, line)
        if state == "focused":
            option.state |= QStyle.StateFlag.State_HasFocus
        elif state == "disabled":
            option.state &= ~QStyle.StateFlag.State_Enabled
        option.palette = palette
        image = QImage(line.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(palette.window().color())
        painter = QPainter(image)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, line)
        painter.end()
        return image

    line = QLineEdit("Коваль")
    qtbot.addWidget(line)
    line.resize(320, 30)
    cached = cache_panel(line)
    dark = QPalette(QApplication.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    states = ("plain", "focused", "disabled")
    for palette in (QApplication.palette(), dark):
        for state in states:
            ours = panel(cached, line, state, palette)
            assert ours == panel(QApplication.style(), line, state, palette), state
            assert panel(cached, line, state, palette) == ours  # the kept picture
    assert cached.drawn == 2 * len(states)  # once each; the second time was a copy
    assert panel(QApplication.style(), line, states[1], dark) != \
        panel(QApplication.style(), line, states[0], dark)  # focus shows: states differ

    plain = QLineEdit("Коваль")  # and as widgets on screen: the same pixels
    qtbot.addWidget(plain)
    plain.resize(320, 30)
    for widget in (line, plain):
        widget.show()
        qtbot.waitExposed(widget)
    drawn = cached.drawn
    shots = [line.grab().toImage(), plain.grab().toImage()]
    line.repaint()
    line.repaint()
    assert shots[0] == shots[1]
    assert cached.drawn <= drawn + 1  # its shown state at most once more, then copies
