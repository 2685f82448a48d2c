"""One look and one behaviour for every list of records.

Rows are chosen whole, there are no grid lines, one column takes the spare width, the others
are as wide as a typical value (or their header), long values end in "…" with the whole
text in the tooltip the model gives, Tab leaves the table, and a header click sorts.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.ui.models import PagedTableModel, sort_by_header


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
