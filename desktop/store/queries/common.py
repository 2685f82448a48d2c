"""A generic paged SELECT over one record table, and small lookups for choice lists.

Why: every list screen pages through a table (200 rows at a time, so a list of 200 000
people opens instantly) and counts it separately (the count may be slow, so the UI runs it in
a worker). `PagedSelect` holds one such query as data; the lazy table model in
`desktop.ui.models` calls `page()` and `count()` and never sees SQL. Column and table names
are checked against the schema, because they are pasted into SQL text; values always travel
as parameters.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from desktop.store.schema import COMMON, RECORD_TABLES

#: Rows per page: enough to fill a tall window a few times over, small enough to be instant.
PAGE_SIZE = 200


def _check_table(table: str) -> None:
    if table not in RECORD_TABLES:
        raise ValueError(f"unknown record table {table!r}")


def _check_column(table: str, column: str) -> None:
    if column not in COMMON and column not in RECORD_TABLES[table][0]:
        raise ValueError(f"{table} has no column {column!r}")


class PagedSelect(NamedTuple):
    """One SELECT, described as data so that it can be paged, counted and re-ordered.

    `columns` are (name, SQL expression over the alias `t`) pairs; the names are what the
    model's columns refer to. `order_by` always ends with `t.id`, so pages never overlap or
    skip rows when several rows share a sort value. (A NamedTuple: a dataclass is compiled
    when the module loads, on every start.)
    """

    table: str
    columns: tuple[tuple[str, str], ...]
    where: tuple[str, ...] = ()
    params: tuple[Any, ...] = ()
    order_by: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    def _from_where(self) -> str:
        sql = f"FROM [{self.table}] AS t"
        if self.where:
            sql += " WHERE " + " AND ".join(f"({w})" for w in self.where)
        return sql

    def sql(self, paged: bool = True) -> str:
        select = ", ".join(f"{expr} AS [{name}]" for name, expr in self.columns)
        order = ", ".join((*self.order_by, "t.id"))
        sql = f"SELECT {select} {self._from_where()} ORDER BY {order}"
        return sql + " LIMIT ? OFFSET ?" if paged else sql

    def page(self, conn: sqlite3.Connection, offset: int, limit: int = PAGE_SIZE) -> list[tuple]:
        """Rows `offset` .. `offset + limit` as plain tuples in `names` order."""
        return conn.execute(self.sql(), (*self.params, limit, offset)).fetchall()

    def all(self, conn: sqlite3.Connection) -> list[tuple]:
        """Every row at once: only for lists known to be short (lookups, choice lists)."""
        return conn.execute(self.sql(paged=False), self.params).fetchall()

    def holds(self, conn: sqlite3.Connection, record_id: str) -> bool:
        """Whether the record is one of the query's rows (found by its id: no scan)."""
        where = " AND ".join((*(f"({w})" for w in self.where), "t.id = ?"))
        return conn.execute(f"SELECT 1 FROM [{self.table}] AS t WHERE {where} LIMIT 1",
                            (*self.params, record_id)).fetchone() is not None

    def count(self, conn: sqlite3.Connection) -> int:
        """How many rows the query has in all (may scan the table: run it in a worker)."""
        row = conn.execute(f"SELECT count(*) {self._from_where()}", self.params).fetchone()
        return int(row[0])

    def ordered_by(self, name: str, descending: bool = False) -> PagedSelect:
        """The same query sorted by one of its own columns (for a clicked header)."""
        expressions = dict(self.columns)
        if name not in expressions:
            raise ValueError(f"the query has no column {name!r}")
        direction = "DESC" if descending else "ASC"
        # Plain binary order keeps the indexes usable. It is not Ukrainian alphabetical order
        # (Є, І, Ї sort before А); that needs a stored sort key, which is the schema's call.
        return self._replace(order_by=(f"{expressions[name]} {direction}",))


def _order_term(table: str, term: str) -> str:
    descending = term.startswith("-")
    column = term.lstrip("-")
    _check_column(table, column)
    return f"t.[{column}] {'DESC' if descending else 'ASC'}"


def _filter_term(table: str, column: str, value: Any) -> tuple[str, tuple[Any, ...]]:
    _check_column(table, column)
    if value is None:
        return f"t.[{column}] IS NULL", ()
    if isinstance(value, list | tuple | set | frozenset):
        values = tuple(value)
        if not values:
            return "0", ()
        return f"t.[{column}] IN ({','.join('?' for _ in values)})", values
    return f"t.[{column}] = ?", (value,)


def select_records(
    table: str,
    columns: Sequence[str] | None = None,
    *,
    filters: Mapping[str, Any] | None = None,
    order_by: Sequence[str] = (),
    include_deleted: bool = False,
) -> PagedSelect:
    """A `PagedSelect` over one record table with equality filters.

    `columns`: column names (default: every column); `id` is always included so a list can
    open the record behind a row. `filters`: column -> value (None means IS NULL, a list or
    tuple means IN). `order_by`: column names, `-name` for descending. Tombstoned rows are
    left out unless `include_deleted`.
    """
    _check_table(table)
    names = list(columns) if columns is not None else [*COMMON, *RECORD_TABLES[table][0]]
    if "id" not in names:
        names.insert(0, "id")
    for name in names:
        _check_column(table, name)
    where: list[str] = [] if include_deleted else ["t.deleted = 0"]
    params: list[Any] = []
    for column, value in (filters or {}).items():
        term, values = _filter_term(table, column, value)
        where.append(term)
        params.extend(values)
    return PagedSelect(
        table=table,
        columns=tuple((name, f"t.[{name}]") for name in names),
        where=tuple(where),
        params=tuple(params),
        order_by=tuple(_order_term(table, term) for term in order_by),
    )


def options(
    conn: sqlite3.Connection,
    table: str,
    label: str | Iterable[str],
    *,
    filters: Mapping[str, Any] | None = None,
    order_by: Sequence[str] = (),
) -> list[tuple[str, tuple[Any, ...]]]:
    """(id, label values) of the live rows of a small lookup table, for a combo box.

    `label` is one column or several (a person's three name parts); the caller formats them.
    """
    label_columns = [label] if isinstance(label, str) else list(label)
    query = select_records(table, ["id", *label_columns], filters=filters,
                           order_by=order_by or label_columns)
    return [(row[0], tuple(row[1:])) for row in query.all(conn)]


def record(conn: sqlite3.Connection, table: str, record_id: str | None) -> dict | None:
    """One live record as a dict (None if missing or deleted), from any connection."""
    if not record_id:
        return None
    _check_table(table)
    cursor = conn.execute(f"SELECT * FROM [{table}] WHERE id = ? AND deleted = 0", (record_id,))
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip((d[0] for d in cursor.description), row, strict=True))


def settlement_choices(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, name) of every settlement, for the settlement combo of any form."""
    return [(rid, name or "") for rid, (name,) in options(conn, "settlements", "name")]


def office_choices(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, name) of every office (short name where the full one is missing)."""
    return [(rid, name or short or "") for rid, (name, short) in
            options(conn, "offices", ["name", "short_name"], order_by=["name"])]
