"""One look and one behaviour for every list of records.

Rows are chosen whole, there are no grid lines, one column takes the spare width, the others
are as wide as a typical value (or their header), long values end in "…" with the whole
text in the tooltip the model gives, Tab leaves the table, and a header click sorts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QAbstractItemModel, QEvent, QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextLayout,
    QTextLine,
    QTextOption,
)
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


@runtime_checkable
class TextRows(Protocol):
    """What `TextTableView` paints a row from, answered by its model in Python."""

    def row_texts(self, row: int) -> Sequence[str]:
        """The row's cells as shown, one per column."""
        ...

    def row_shaped(self, row: int) -> Sequence[bool]:
        """Per cell: whether its text needs shaping (`needs_shaping`)."""
        ...

    def row_foreground(self, row: int) -> QBrush | None:
        """The row's text colour, or None for the palette's."""
        ...


class TextTableView(QTableView):
    """A table of plain-text rows that paints its visible rows itself, in one pass.

    Why: Qt's item painting lays each cell's text out three times (for its size, its
    elision and its drawing) on every repaint, and the check-in desk repaints its twenty
    rows on every key: that was half of a keystroke on a big store (issue 11). Here each
    distinct text is laid out once, kept while it is shown, and a repaint only fills rows
    and places glyphs, drawn exactly where Qt's styles draw them (the tests compare the
    pixels). Everything else stays Qt's: selection, keyboard, header, scrolling, tooltips
    and accessibility read the model as before.

    The model implements `TextRows` for the painting; other roles (background, font,
    alignment) are not painted, so this is for lists of plain left-aligned text in the
    kit's look. With a grid, right-to-left text, or keyboard focus on the table (Qt then
    draws a focus frame) the painting is Qt's own.
    """

    #: Laid-out texts kept between repaints; beyond it the cache starts again (a desk shows
    #: 20 rows of 5 cells, so this holds the texts of many keystrokes).
    CACHE_LIMIT = 4000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laid: dict[tuple[str, int, bool], tuple[Callable[..., None], int]] = {}
        self._shaped = shaped_font()
        # Asked now, not at the first paint: the first time Python sees a QStyle it makes
        # the type's enums (15 ms), which the first keystroke at the desk should not wait for.
        self._margin = self._text_margin()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._laid.clear()  # laid out in the old font, or the old style's margins
            self._margin = self._text_margin()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        model = self.model()
        if not isinstance(model, TextRows) or self.showGrid() or self.isRightToLeft() \
                or self.hasFocus():
            super().paintEvent(event)
            return
        rows = model.rowCount()
        first = self.rowAt(event.rect().top())
        if rows == 0 or first < 0:
            return
        last = self.rowAt(event.rect().bottom())
        last = rows - 1 if last < 0 else last
        header = self.horizontalHeader()
        columns = [(header.sectionViewportPosition(c), header.sectionSize(c))
                   for c in range(model.columnCount()) if not header.isSectionHidden(c)]
        palette = self.palette()
        if not self.isEnabled():
            group = QPalette.ColorGroup.Disabled
        elif self.isActiveWindow():
            group = QPalette.ColorGroup.Active
        else:
            group = QPalette.ColorGroup.Inactive
        text_colour = palette.color(group, QPalette.ColorRole.Text)
        chosen_colour = palette.color(group, QPalette.ColorRole.HighlightedText)
        chosen_fill = palette.brush(group, QPalette.ColorRole.Highlight)
        alternate = palette.brush(group, QPalette.ColorRole.AlternateBase) \
            if self.alternatingRowColors() else None
        chosen_rows, partly = self._chosen_rows(model.columnCount())
        margin = self._margin
        plain, shaped = self.font(), self._shaped.resolve(self.font())
        width = self.viewport().width()
        laid = self._laid
        if len(laid) > self.CACHE_LIMIT:
            laid.clear()
        # Methods looked up once: a PySide attribute lookup costs as much as the call, and
        # this loop makes some 250 calls a repaint.
        row_hidden, row_top, row_height = self.isRowHidden, self.rowViewportPosition, \
            self.rowHeight
        row_texts, row_shaped, row_foreground = model.row_texts, model.row_shaped, \
            model.row_foreground
        painter = QPainter(self.viewport())
        fill, pen = painter.fillRect, painter.setPen
        try:
            for row in range(first, last + 1):
                if row_hidden(row):
                    continue
                top, height = row_top(row), row_height(row)
                if row in chosen_rows or (partly is not None and partly(row)):
                    fill(0, top, width, height, chosen_fill)
                    pen(chosen_colour)
                else:
                    if alternate is not None and row % 2:
                        fill(0, top, width, height, alternate)
                    foreground = row_foreground(row)
                    pen(text_colour if foreground is None else foreground.color())
                for (x, size), text, needs in zip(columns, row_texts(row), row_shaped(row),
                                                  strict=False):
                    if not text:
                        continue
                    room = size - 2 * margin
                    found = laid.get((text, room, needs))
                    if found is None:
                        found = laid[text, room, needs] = _laid_out(
                            text, room, shaped if needs else plain)
                    draw, text_height = found
                    # Centred in whole pixels, as Qt's styles place a cell's text.
                    draw(painter, QPointF(x + margin, top + (height - text_height) // 2))
        finally:
            painter.end()

    def _chosen_rows(self, columns: int) -> tuple[set[int], Callable[[int], bool] | None]:
        """The rows selected whole, read from the selection's ranges at once (asking each
        row is a call into the model per cell), and Qt's own test for rows the ranges do
        not cover whole (None when every range is whole rows, as in the kit's tables)."""
        selection = self.selectionModel()
        if selection is None:
            return set(), None
        rows: set[int] = set()
        partly = False
        for part in selection.selection():
            if part.left() == 0 and part.right() >= columns - 1 and not part.parent().isValid():
                rows.update(range(part.top(), part.bottom() + 1))
            else:
                partly = True
        root = self.rootIndex()
        return rows, (lambda row: selection.isRowSelected(row, root)) if partly else None

    def _text_margin(self) -> int:
        """The space Qt's styles leave left and right of a cell's text."""
        # Imported here: QStyle's enums are dear to make, and start-up builds no table.
        from PySide6.QtWidgets import QStyle

        return self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                        self) + 1


def _laid_out(text: str, room: int, font: QFont) -> tuple[Callable[..., None], int]:
    """`text` laid out on one line of `room` pixels, elided at the right as Qt's item views
    do: its layout's draw method (bound, so the layout lives with it) and its height in
    whole pixels. One layout for a text that fits (most do). A call into Qt costs as much as
    its work here, so each is made once (a new name at the desk lays out five texts)."""
    layout, line = _one_line(text, font, room)
    if line.naturalTextWidth() > room:
        elided = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, room)
        layout, line = _one_line(elided, font, room)
    return layout.draw, round(line.height())


@cache  # made once, at the first layout: at import it would build QTextOption's enums
def _one_line_option() -> QTextOption:
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.ManualWrap)
    # Left to right and to the left, as Qt's item views set it (a name wholly in Arabic
    # would otherwise be laid out right to left by its own letters).
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    option.setAlignment(Qt.AlignmentFlag.AlignLeft)
    return option


def _one_line(text: str, font: QFont, room: int) -> tuple[QTextLayout, QTextLine]:
    layout = QTextLayout(text, font)
    layout.setCacheEnabled(True)
    layout.setTextOption(_one_line_option())  # copied by the layout
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(room)
    layout.endLayout()
    return layout, line
