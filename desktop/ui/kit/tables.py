"""One look and one behaviour for every list of records.

Rows are chosen whole, there are no grid lines, one column takes the spare width, the others
are as wide as a typical value (or their header), long values end in "…" with the whole
text in the tooltip the model gives, Tab leaves the table, and a header click sorts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.ui.models import PagedTableModel, sort_by_header

#: Text Qt can draw without shaping: Latin, Greek and Cyrillic letters (with their accents),
#: punctuation, digits, currency, arrows, maths and dingbats ("✓"). No letter of these
#: changes form by its neighbours, so HarfBuzz only kerns them.
_DRAWN_PLAIN = re.compile(
    "[\u0000-\u052f\u1e00-\u1fff\u2000-\u23ff\u2460-\u27bf\u2e00-\u2e7f]*")


def skip_shaping(view: QTableView) -> None:
    """Draw `view`'s cells without text shaping (`QFont.PreferNoShaping`).

    Why: shaping was most of the check-in desk's repaint, and its twenty rows repaint on
    every key (issue 11). Qt's flag is not safe for every script: with it, Arabic letters
    are drawn unjoined. So a model answers `FontRole` with `shaped_font()` for a cell
    whose text needs shaping (`needs_shaping`). Only the strategy is set on these fonts;
    family and size still come from the app."""
    font = QFont()
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    view.setFont(font)


def shaped_font() -> QFont:
    """The font role of a cell whose text needs shaping, in a view that skips it."""
    font = QFont()
    font.setStyleStrategy(QFont.StyleStrategy.PreferDefault)
    return font


def needs_shaping(text: str) -> bool:
    """Whether `text` has a letter of a script drawn right only when shaped (Arabic,
    Hebrew, the Indic scripts, Thai, ...) or an emoji sequence."""
    return not text.isascii() and _DRAWN_PLAIN.fullmatch(text) is None


def setup_table(view: QTableView, stretch: int = 0, samples: dict[int, str] | None = None,
                *, multi: bool = False, sortable: bool = True) -> None:
    """Give `view` (its model set) the look of every list of records.

    `samples`: column -> the widest text it usually shows ("+380 67 123 4567"); those
    columns get that width (or their header's, if wider) and longer values are elided, so a
    long settlement name never squeezes the name column. `multi`: Ctrl/Shift-click choose
    several rows (People's "merge the two selected"). `sortable`: a header click sorts a
    paged model (off where the screen sorts its query itself)."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setTabKeyNavigation(False)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(24)
    model: QAbstractItemModel | None = view.model()
    metrics = view.fontMetrics()
    header_metrics = header.fontMetrics()
    for column in range(model.columnCount() if model is not None else 0):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")  # type: ignore[union-attr]
        sample = (samples or {}).get(column, title)
        header.resizeSection(column, max(metrics.horizontalAdvance(sample),
                                         header_metrics.horizontalAdvance(title) + 12) + 16)
    if sortable and isinstance(model, PagedTableModel):
        sort_by_header(view, model)


def make_table(model: PagedTableModel, name: str, stretch: int,
               parent: QWidget | None = None,
               samples: dict[int, str] | None = None) -> QTableView:
    """A table of the kit's look over a paged model; `name` is what a screen reader says."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    setup_table(view, stretch, samples)
    view.setMinimumWidth(260)
    return view


#: Where a `fill_rows` item keeps its row's index in the list it was filled from.
ROW_ROLE = Qt.ItemDataRole.UserRole + 20
_SORT_ROLE = Qt.ItemDataRole.UserRole + 21


class _SortItem(QTableWidgetItem):
    """A cell that sorts by its value (a date, a number) rather than by its text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(_SORT_ROLE), other.data(_SORT_ROLE)
        if mine is None or theirs is None or type(mine) is not type(theirs):
            return (mine is None, self.text()) < (theirs is None, other.text())
        return bool(mine < theirs)


def item_table(headers: Sequence[str], name: str, parent: QWidget | None = None,
               stretch: int = 0) -> QTableWidget:
    """A short table filled whole (an organisation's members, sync problems) in the kit's
    look, sorted by a header click; fill it with `fill_rows`, read it with `row_index`."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setAccessibleName(name)
    setup_table(table, stretch)
    table.setProperty("stretch_column", stretch)
    table.horizontalHeader().setSortIndicatorShown(True)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    return table


def fill_rows(table: QTableWidget, rows: Sequence[Sequence[Any]]) -> None:
    """Show `rows`, each a sequence of cells: a text, or (text, value to sort by). The
    rows keep the chosen order; `row_index` tells which of `rows` a table row is."""
    table.setSortingEnabled(False)  # as Qt asks: no re-sorting while items go in
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, cell in enumerate(cells):
            text, value = (cell if isinstance(cell, tuple) else (cell, None))
            item = _SortItem(str(text))
            item.setToolTip(str(text))
            item.setData(_SORT_ROLE, value)
            item.setData(ROW_ROLE, r)
            table.setItem(r, c, item)
    table.setSortingEnabled(True)
    # A short table: each column as wide as its values, but none wider than a fifth of a
    # laptop screen (a long comment is elided, whole in its tooltip), so the stretching
    # column (the name, the title) keeps its room.
    stretch = table.property("stretch_column")
    widest = max(table.fontMetrics().horizontalAdvance("0") * 24, 160)
    for column in range(table.columnCount()):
        if column != stretch:
            table.resizeColumnToContents(column)
            table.setColumnWidth(column, min(table.columnWidth(column), widest))


def row_index(table: QTableWidget, row: int | None = None) -> int | None:
    """The index in the filled rows of table row `row` (the current one if None)."""
    row = table.currentRow() if row is None else row
    item = table.item(row, 0) if row >= 0 else None
    return item.data(ROW_ROLE) if item is not None else None
