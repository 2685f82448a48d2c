"""A lazy table model over a paged query: the one way lists show records.

Why: a hub's database grows to hundreds of thousands of people; loading them all before a
list appears takes seconds on an old laptop. `PagedTableModel` loads 200 rows, and the view
asks for the next 200 (`canFetchMore`/`fetchMore`) only as the user scrolls. `data()` never
runs SQL: rows are cached tuples, formatted on demand. The total for a "1 234 people" label
comes from a count run in a worker (`total_changed`).

Usage from a screen (columns are declared, queries come from `desktop.store.queries`):

    self.model = PagedTableModel(store.conn, store.path, [
        Column(("last_name", "first_name", "patronymic"), self.tr("Name"), full_name),
        Column("gender", self.tr("Gender"), lambda code: tr_vocab("genders", code)),
        Column("birth_year", self.tr("Born"), align=RIGHT),
    ], parent=self)
    self.model.set_query(select_records("people", [...], order_by=["last_name"]))
    view.setModel(self.model)

`record_id(row)` gives the id behind a row (the query always selects `id`), also available
as `Qt.UserRole` data.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.store.queries.common import PAGE_SIZE, PagedSelect
from desktop.ui.workers import reader_job, run_in_background

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

#: The role under which every cell returns its row's record id.
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole
#: The role under which a cell returns its raw (unformatted) value, for sorting or editing.
RAW_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex

#: How many rows in all a list may read to show a record opened from elsewhere (`row_of`):
#: 25 pages, a fraction of a second on an old laptop.
REVEAL_ROWS = 5_000


def default_format(*values: Any) -> str:
    """Values joined by spaces; None shown as nothing."""
    return " ".join(str(v) for v in values if v is not None and v != "")


@dataclass(frozen=True)
class Column:
    """One column of a list, declared rather than coded.

    `key`: the query column shown, or a tuple of them passed together to `formatter` (a
    name from its three parts). `header`: already translated (`self.tr(...)` in the screen).
    `formatter(*values) -> str`. `align`: `LEFT`, `RIGHT` (numbers), `CENTER`.
    `tooltip`: optional `formatter`-like function for a hover text.
    """

    key: str | tuple[str, ...]
    header: str
    formatter: Callable[..., str] = default_format
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[..., str] | None = None
    #: What a click on the header sorts by: an SQL expression over `t` (a name: its sort
    #: key); None: the first key's own expression.
    sort: str | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        return (self.key,) if isinstance(self.key, str) else self.key


class PagedTableModel(QAbstractTableModel):
    """Rows of a `PagedSelect`, fetched a page at a time as the view scrolls."""

    #: The total number of rows once the count has run (-1 while unknown).
    total_changed = Signal(int)

    def __init__(
        self, conn: sqlite3.Connection, db_path: Path | None, columns: Sequence[Column], *,
        page_size: int = PAGE_SIZE, parent: Any = None,
    ) -> None:
        """`conn`: the UI thread's connection, used for the 200-row pages. `db_path`: for
        the count in a worker with its own connection (None: count on this thread)."""
        super().__init__(parent)
        self._conn = conn
        self._db_path = db_path
        self._columns = list(columns)
        self._page_size = page_size
        self._query: PagedSelect | None = None
        self._rows: list[tuple] = []
        self._exhausted = True
        self._total = -1
        self._generation = 0
        self._positions: list[tuple[int, ...]] = []
        self._id_position: int | None = None
        self._fetching = False  # views and testers may re-enter fetchMore from row signals
        self._base: PagedSelect | None = None
        self._sort: tuple[int, bool] | None = None  # (column, descending) from a header click

    # -- the query ------------------------------------------------------------------------

    @property
    def query(self) -> PagedSelect | None:
        return self._query

    @property
    def total(self) -> int:
        """All rows of the query (-1 until the count is known); rowCount() is what is loaded."""
        return self._total

    def set_column_sort(self, index: int, sort: str | None) -> None:
        """What a header click on column `index` orders by, from now on (an expression that
        depends on data, such as the council's terms for a due date)."""
        self._columns[index] = replace(self._columns[index], sort=sort)

    def sort_by(self, column: int | None, descending: bool = False) -> None:
        """Order by a column (a header click), or back to the query's own order (None)."""
        self._sort = None if column is None or not 0 <= column < len(self._columns) \
            else (column, descending)
        self.set_query(self._base)

    def _sorted(self, query: PagedSelect) -> PagedSelect:
        if self._sort is None:
            return query
        column, descending = self._sort
        spec = self._columns[column]
        if spec.sort is not None:
            return query._replace(order_by=(f"{spec.sort} {'DESC' if descending else 'ASC'}",))
        return query.ordered_by(spec.keys[0], descending)

    def set_query(self, query: PagedSelect | None, *, count: bool = True) -> None:
        """Show another query (a new search, filter or sort): reset, load the first page,
        and start counting in the background. A header's sort, if one was clicked, stays."""
        self._base = query
        query = self._sorted(query) if query is not None else None
        # No fetch may slip in while the model resets (a view or the model tester asks for
        # more rows from the reset signals): the rows would be inserted mid-reset.
        self._fetching = True
        try:
            self.beginResetModel()
            self._generation += 1
            self._query = query
            self._rows = []
            self._exhausted = query is None
            self._total = -1 if query is not None else 0
            if query is not None:
                names = {name: i for i, name in enumerate(query.names)}
                missing = {k for c in self._columns for k in c.keys} - set(names)
                if missing:
                    raise ValueError(f"the query has no column(s) {', '.join(sorted(missing))}")
                self._positions = [tuple(names[k] for k in c.keys) for c in self._columns]
                self._id_position = names.get("id")
            self._load_page()
            self.endResetModel()
        finally:
            self._fetching = False
        if query is None:
            self.total_changed.emit(0)
        elif self._exhausted:
            self._set_total(len(self._rows))
        elif count:
            self._count(query)

    def refresh(self) -> None:
        """Run the same query again (after the data changed)."""
        self.set_query(self._base)

    def _load_page(self) -> list[tuple]:
        if self._query is None or self._exhausted:
            return []
        rows = self._query.page(self._conn, len(self._rows), self._page_size)
        if len(rows) < self._page_size:
            self._exhausted = True
        self._rows.extend(rows)
        return rows

    def _count(self, query: PagedSelect) -> None:
        generation = self._generation
        if self._db_path is None:
            self._set_total(query.count(self._conn))
            return

        def done(total: int) -> None:
            if generation == self._generation:
                self._set_total(total)

        run_in_background(
            self, reader_job(self._db_path, lambda conn, job: query.count(conn)), done,
            lambda error: None, progress=False, busy_cursor=False,
        )

    def _set_total(self, total: int) -> None:
        self._total = total
        self.total_changed.emit(total)

    # -- rows -----------------------------------------------------------------------------

    def record_id(self, row: int) -> str | None:
        """The id of the record shown in `row` (None if the query has no id column)."""
        if self._id_position is None or not 0 <= row < len(self._rows):
            return None
        return self._rows[row][self._id_position]

    def row_of(self, record_id: str | None, *, reveal: bool = False) -> int | None:
        """The row that shows `record_id`, None if no loaded row does.

        With `reveal`, a record the query holds but the list has not read that far (a person
        opened from another screen, far down a long list) is read up to, a page at a time,
        as scrolling there would; not past `REVEAL_ROWS` rows in all, so that a record at
        the end of 200,000 never makes a list load them all."""
        if record_id is None or self._id_position is None:
            return None
        position = self._id_position
        for row, values in enumerate(self._rows):
            if values[position] == record_id:
                return row
        if not reveal or self._query is None or self._exhausted \
                or not self._query.holds(self._conn, record_id):
            return None
        while self.canFetchMore(QModelIndex()) and len(self._rows) < REVEAL_ROWS:
            first = len(self._rows)
            self.fetchMore(QModelIndex())
            for row in range(first, len(self._rows)):
                if self._rows[row][position] == record_id:
                    return row
        return None

    def row_values(self, row: int) -> dict[str, Any]:
        """The raw values of one loaded row, by query column name."""
        if self._query is None or not 0 <= row < len(self._rows):
            return {}
        return dict(zip(self._query.names, self._rows[row], strict=True))

    def column(self, index: int) -> Column:
        return self._columns[index]

    # -- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._exhausted or self._query is None or self._fetching:
            return
        self._fetching = True
        try:
            rows = self._query.page(self._conn, len(self._rows), self._page_size)
            if len(rows) < self._page_size:
                self._exhausted = True
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
        finally:
            self._fetching = False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) \
                or index.column() >= len(self._columns):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.formatter(*(row[i] for i in self._positions[index.column()]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(*(row[i] for i in self._positions[index.column()]))
        if role == RECORD_ID_ROLE:
            return None if self._id_position is None else row[self._id_position]
        if role == RAW_ROLE:
            values = [row[i] for i in self._positions[index.column()]]
            return values[0] if len(values) == 1 else tuple(values)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._columns[section].align.value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren


def sort_by_header(view: Any, model: Any) -> None:
    """Clicking a column's header sorts the list by it, a second click the other way, a
    third back to the list's own order (newest first, alphabetical, best match...).
    `model` is what sorts: anything with `sort_by(column or None, descending)`."""
    header = view.horizontalHeader()
    header.setSectionsClickable(True)
    header.setSortIndicatorShown(True)
    header.setSortIndicatorClearable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.sortIndicatorChanged.connect(
        lambda column, order: model.sort_by(column if column >= 0 else None,
                                            order == Qt.SortOrder.DescendingOrder))
