"""Recording what participants said about an event, one row per person, at typing speed.

Why a table driven by single keys: after a hearing the administrator has a pile of paper
forms (or notes from asking at the door) and thirty people to enter. Each answer is one
key - 1 or т for yes, 0 or н for no, a digit for the rating - and the cursor moves on by
itself, so a whole row is four keys and a comment. A row is saved through the store when
the cursor leaves it (and when the window closes), so the change log records one change per
person, not one per key. The totals at the top are what the council's report asks for.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ValidationError
from desktop.domain.names import full_name
from desktop.domain.validation import validate
from desktop.store.errors import StoreError
from desktop.store.queries import common
from desktop.store.queries import events as queries
from desktop.ui.context import AppContext
from desktop.ui.formatting import format_count, locale
from desktop.ui.widgets import hint, section_title
from desktop.ui.workers import show_error

NAME, KNOWLEDGE, RECOMMEND, RATING, COMMENT = range(5)
FIELDS = {KNOWLEDGE: "knowledge_improved", RECOMMEND: "would_recommend", RATING: "rating",
          COMMENT: "feedback_comment"}
#: Keys meaning yes / no in the two yes-no columns (Ukrainian and English keyboards).
YES_KEYS = frozenset({"1", "т", "y", "+"})
NO_KEYS = frozenset({"0", "н", "n", "-"})
CLEAR_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class FeedbackTable(QTableWidget):
    """The table's keyboard: single-key answers, then on to the next cell by itself."""

    #: (row, column, value) typed into an answer cell.
    answered = Signal(int, int, object)

    def _go(self, row: int, column: int) -> None:
        if 0 <= row < self.rowCount():
            self.setCurrentCell(row, column)

    def next_cell(self) -> bool:
        """Move to the next answer cell (across, then the next row); False at the end."""
        row, column = self.currentRow(), self.currentColumn()
        if column < COMMENT and column >= KNOWLEDGE:
            self._go(row, column + 1)
            return True
        if row + 1 < self.rowCount():
            self._go(row + 1, KNOWLEDGE)
            return True
        return False

    def previous_cell(self) -> bool:
        row, column = self.currentRow(), self.currentColumn()
        if column > KNOWLEDGE:
            self._go(row, column - 1)
            return True
        if row > 0:
            self._go(row - 1, COMMENT)
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        key, text = event.key(), event.text().lower()
        row, column = self.currentRow(), self.currentColumn()
        if key == Qt.Key.Key_Tab and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            if self.next_cell():
                event.accept()
            else:
                event.ignore()
            return
        if key == Qt.Key.Key_Backtab:
            if self.previous_cell():
                event.accept()
            else:
                event.ignore()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and column != COMMENT:
            self._go(row + 1, KNOWLEDGE)
            event.accept()
            return
        if row >= 0 and column in (KNOWLEDGE, RECOMMEND):
            value: Any = ...
            if text in YES_KEYS:
                value = 1
            elif text in NO_KEYS:
                value = 0
            elif key in CLEAR_KEYS:
                value = None
            if value is not ...:
                self.answered.emit(row, column, value)
                if value is not None:
                    self.next_cell()
                event.accept()
                return
        if row >= 0 and column == RATING:
            if text and text in "12345":
                self.answered.emit(row, column, int(text))
                self.next_cell()
                event.accept()
                return
            if key in CLEAR_KEYS or text == "0":
                self.answered.emit(row, column, None)
                event.accept()
                return
        if row >= 0 and column == COMMENT and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.answered.emit(row, column, None)
            event.accept()
            return
        if row >= 0 and column == COMMENT and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._go(row + 1, KNOWLEDGE)
            event.accept()
            return
        super().keyPressEvent(event)

    def commit_editing(self) -> None:
        """Keep a comment still being typed (the window is closing)."""
        editor = QApplication.focusWidget()
        if self.state() == QAbstractItemView.State.EditingState and editor is not None \
                and self.viewport().isAncestorOf(editor):
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def closeEditor(self, editor: QWidget,
                    hint: QAbstractItemDelegate.EndEditHint) -> None:
        """After a comment: Enter or Tab goes to the next person's first answer."""
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if hint in (QAbstractItemDelegate.EndEditHint.SubmitModelCache,
                    QAbstractItemDelegate.EndEditHint.EditNextItem):
            self.next_cell()
        elif hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem:
            self.previous_cell()


class FeedbackDialog(QDialog):
    """Feedback of the participants who came to one event."""

    #: A row was written to the database (tests wait for it): attendance id.
    row_saved = Signal(str)

    def __init__(self, ctx: AppContext, event_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.event_id = event_id
        event = common.record(ctx.store.conn, "events", event_id) or {}
        title = event.get("title") or ""
        self.setWindowTitle(self.tr("Feedback — {title}").format(title=title))
        self.setAccessibleName(self.windowTitle())
        self.rows: list[queries.FeedbackRow] = queries.feedback_rows(ctx.store.conn, event_id)
        self._dirty: set[int] = set()
        self._loading = False

        layout = QVBoxLayout(self)
        heading = section_title(title, self)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Feedback totals"))
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        layout.addWidget(hint(self.tr(
            "Type 1 or т for yes, 0 or н for no, a digit from 1 to 5 for the rating, then "
            "the comment; Tab or Enter moves on, Space clears an answer. Each row is saved "
            "when you move to another person."), self))

        self.table = FeedbackTable(len(self.rows), 5, self)
        self.table.setAccessibleName(self.tr("Participants' feedback"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Participant"), self.tr("Knowledge improved"), self.tr("Would recommend"),
            self.tr("Rating 1–5"), self.tr("Comment")])
        self.table.verticalHeader().setVisible(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        for column in (KNOWLEDGE, RECOMMEND, RATING):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COMMENT, QHeaderView.ResizeMode.Stretch)
        self._fill()
        self.table.answered.connect(self.set_answer)
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(self._cell_changed)
        layout.addWidget(self.table, 1)
        self.empty = hint(self.tr(
            "No participant has been checked in to this event yet. Feedback is recorded for "
            "the people who came."), self)
        self.empty.setVisible(not self.rows)
        layout.addWidget(self.empty)
        self.status = hint("", self)
        layout.addWidget(self.status)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Close"))
        close.setToolTip(self.tr("Save and close (Esc)"))
        layout.addWidget(buttons)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.activated.connect(self.save_all)

        self._update_summary()
        self.resize(960, 560)
        if self.rows:
            self.table.setCurrentCell(0, KNOWLEDGE)
        self.table.setFocus()

    # -- showing ----------------------------------------------------------------------------

    @staticmethod
    def yes_no(value: int | None) -> str:
        if value is None:
            return "—"
        return QCoreApplication.translate("Forms", "Yes") if value else \
            QCoreApplication.translate("Forms", "No")

    def _text(self, row: queries.FeedbackRow, column: int) -> str:
        if column == NAME:
            return full_name(row.last_name, row.first_name, row.patronymic)
        if column in (KNOWLEDGE, RECOMMEND):
            return self.yes_no(getattr(row, FIELDS[column]))
        if column == RATING:
            return "—" if row.rating is None else str(row.rating)
        return row.comment or ""

    def _fill(self) -> None:
        self._loading = True
        try:
            for r, row in enumerate(self.rows):
                for column in range(5):
                    item = QTableWidgetItem(self._text(row, column))
                    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    if column == COMMENT:
                        flags |= Qt.ItemFlag.ItemIsEditable
                    if column in (KNOWLEDGE, RECOMMEND, RATING):
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    item.setFlags(flags)
                    self.table.setItem(r, column, item)
        finally:
            self._loading = False

    def _update_summary(self) -> None:
        summary = queries.summarise_feedback(self.rows)
        self.summary_values = summary

        def percent(value: float | None) -> str:
            return "—" if value is None else f"{round(value)}%"

        average = "—" if summary.average_rating is None else \
            locale().toString(summary.average_rating, "f", 1)
        self.summary.setText(self.tr(
            "Answers: {answers} of {people} · Knowledge improved: {knowledge} · "
            "Would recommend: {recommend} · Average rating: {rating}").format(
                answers=format_count(summary.answers), people=format_count(len(self.rows)),
                knowledge=percent(summary.knowledge_improved_pct),
                recommend=percent(summary.would_recommend_pct), rating=average))

    # -- editing ----------------------------------------------------------------------------

    def set_answer(self, row: int, column: int, value: Any) -> None:
        """Put an answer into a row (from a key, or the comment editor)."""
        if not 0 <= row < len(self.rows) or column not in FIELDS:
            return
        record = self.rows[row]
        attribute = "comment" if column == COMMENT else FIELDS[column]
        if getattr(record, attribute) == value:
            return
        setattr(record, attribute, value)
        self._dirty.add(row)
        self._loading = True
        try:
            self.table.item(row, column).setText(self._text(record, column))
        finally:
            self._loading = False
        self._update_summary()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != COMMENT:
            return
        text = item.text().strip()
        self.set_answer(item.row(), COMMENT, text or None)

    def _cell_changed(self, row: int, column: int, previous_row: int, _previous: int) -> None:
        if previous_row != row and previous_row in self._dirty:
            self.save_row(previous_row)

    def save_row(self, row: int) -> bool:
        """Write one person's answers (only if they changed); False if refused."""
        if row not in self._dirty:
            return True
        record = self.rows[row]
        values = {"knowledge_improved": record.knowledge_improved,
                  "would_recommend": record.would_recommend, "rating": record.rating,
                  "feedback_comment": record.comment}
        try:
            cleaned = validate("attendance", values, partial=True)
            self.ctx.store.update("attendance", record.attendance_id, cleaned)
        except (ValidationError, StoreError) as error:
            show_error(self, error)
            return False
        self._dirty.discard(row)
        name = self.table.item(row, NAME).text()
        self.status.setText(self.tr("Saved: {name}").format(name=name))
        self.row_saved.emit(record.attendance_id)
        return True

    def save_all(self) -> bool:
        return all([self.save_row(row) for row in sorted(self._dirty)])

    def done(self, result: int) -> None:
        self.table.commit_editing()
        self.save_all()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_all()
        super().closeEvent(event)
