"""People reached, kept ready for reports: one row per counted check-in, and daily sums.

Why: a yearly report of a busy community counts hundreds of thousands of check-ins, and the
questions it asks (how many *different* people, how many came for the first time, by gender
and age) cannot be answered from running totals. Computing them from `attendance` at report
time joined events, people and a temporary table of every check-in and took 2.4 s on the
200,000-person bench store; the report must feel instant (issue 11).

`reach` holds, for every check-in that counts (attended, not deleted, a role that is
reached, an event neither deleted nor cancelled), the event's local calendar day, the
person's gender and age group as one small number (`grp`), the feedback, and two
back-pointers: the day of the same person's previous counted check-in anywhere
(`prev_any`) and at the same office (`prev_office`), '' when there is none. With them,
"different people in [start, end]" is "rows in the range whose previous check-in is before
`start`" (each person's first check-in of the period, exactly once), and "first time" is
"rows in the range with no previous check-in at all". One index, ordered by office and
group, answers all of it in a single pass with no DISTINCT, no join and no sorting: 94 ms
for a year of 493,000 check-ins on the bench store. `reach_days` adds up the rest
(check-ins, feedback) per day, office and group.

Both tables are derived and never synced or logged. Triggers note the people whose rows
may have changed in `reach_dirty` (a check-in written, an event moved or cancelled, a
person's gender corrected); `refresh` recomputes just those people's rows and is called by
the store before each write transaction commits (`Database.write`), so a reader sees them
in step with the check-ins. A report on a file changed some other way (an old app, a raw
SQL session) calls `ensure_fresh` first.

The local day of a UTC moment depends on the computer's time zone; the zone the rows were
made in is kept in `meta` and a different zone rebuilds everything (`ensure_fresh`).
"""

from __future__ import annotations

import sqlite3
import time
from functools import cache
from pathlib import Path

ZONE_KEY = "reach.zone"
#: Past this many people noted at once (and a third of everyone), all rows are rebuilt:
#: one pass over the check-ins beats as many index probes, and leaves the index compact.
WHOLE_REBUILD = 20_000
UNKNOWN_AGE = 7


# The vocabularies and the SQL made from them are read on first use: the store is opened
# at start-up, before the window shows, and most sessions never refresh a report.
@cache
def codes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(genders, age groups) in the order their group numbers use."""
    from desktop.domain import vocab

    return tuple(vocab.codes("genders")), tuple(vocab.codes("age_groups"))


@cache
def groups() -> tuple[int, ...]:
    """Every group number: (gender, age group) as gender's index * 8 + age group's index."""
    genders, ages = codes()
    return tuple(g * 8 + a for g in range(len(genders))
                 for a in (*range(len(ages)), UNKNOWN_AGE))


def local_day(column: str) -> str:
    """SQL for the local calendar date (YYYY-MM-DD) of a stored moment: UTC (…Z) and
    offset moments through SQLite's 'localtime' (the system zone, as `astimezone()`), naive
    local ones as written."""
    return (f"(CASE WHEN {column} LIKE '%Z' OR (length({column}) > 16 AND "
            f"substr({column}, -6, 1) IN ('+', '-')) THEN date({column}, 'localtime') "
            f"ELSE substr({column}, 1, 10) END)")


#: The one index the report reads (made after a rebuild's rows: an index filled row by row
#: in random order is scattered over the file and a year's scan reads twice as many pages).
INDEX = ("CREATE INDEX IF NOT EXISTS reach_by_office "
         "ON reach (office_id, grp, day, prev_office, prev_any)")

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS reach (
    person_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    office_id TEXT NOT NULL,
    day TEXT NOT NULL,
    prev_any TEXT NOT NULL,
    prev_office TEXT NOT NULL,
    grp INTEGER NOT NULL,
    knowledge INTEGER,
    recommend INTEGER,
    rating INTEGER,
    PRIMARY KEY (person_id, event_id)
) WITHOUT ROWID, STRICT;
{INDEX};

CREATE TABLE IF NOT EXISTS reach_days (
    day TEXT NOT NULL,
    office_id TEXT NOT NULL,
    grp INTEGER NOT NULL,
    checkins INTEGER NOT NULL,
    answers INTEGER NOT NULL,
    knowledge_yes INTEGER NOT NULL,
    knowledge_answers INTEGER NOT NULL,
    recommend_yes INTEGER NOT NULL,
    recommend_answers INTEGER NOT NULL,
    rating_total INTEGER NOT NULL,
    rating_answers INTEGER NOT NULL,
    PRIMARY KEY (day, office_id, grp)
) WITHOUT ROWID, STRICT;

CREATE TABLE IF NOT EXISTS reach_dirty (person_id TEXT PRIMARY KEY) WITHOUT ROWID, STRICT;

CREATE TRIGGER IF NOT EXISTS reach_attendance_insert AFTER INSERT ON attendance
WHEN new.person_id IS NOT NULL BEGIN
    INSERT OR IGNORE INTO reach_dirty VALUES (new.person_id);
END;
CREATE TRIGGER IF NOT EXISTS reach_attendance_update AFTER UPDATE ON attendance
WHEN new.person_id IS NOT old.person_id OR new.event_id IS NOT old.event_id
    OR new.status IS NOT old.status OR new.role IS NOT old.role
    OR new.deleted IS NOT old.deleted OR new.knowledge_improved IS NOT old.knowledge_improved
    OR new.would_recommend IS NOT old.would_recommend OR new.rating IS NOT old.rating
BEGIN
    INSERT OR IGNORE INTO reach_dirty
        SELECT new.person_id WHERE new.person_id IS NOT NULL
        UNION SELECT old.person_id WHERE old.person_id IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS reach_attendance_delete AFTER DELETE ON attendance
WHEN old.person_id IS NOT NULL BEGIN
    INSERT OR IGNORE INTO reach_dirty VALUES (old.person_id);
END;
CREATE TRIGGER IF NOT EXISTS reach_event_insert AFTER INSERT ON events BEGIN
    INSERT OR IGNORE INTO reach_dirty
        SELECT person_id FROM attendance WHERE event_id = new.id AND person_id IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS reach_event_update AFTER UPDATE ON events
WHEN new.starts_at IS NOT old.starts_at OR new.status IS NOT old.status
    OR new.deleted IS NOT old.deleted OR new.office_id IS NOT old.office_id
    OR new.id IS NOT old.id
BEGIN
    INSERT OR IGNORE INTO reach_dirty
        SELECT person_id FROM attendance WHERE event_id IN (new.id, old.id)
        AND person_id IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS reach_event_delete AFTER DELETE ON events BEGIN
    INSERT OR IGNORE INTO reach_dirty
        SELECT person_id FROM attendance WHERE event_id = old.id AND person_id IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS reach_person_update AFTER UPDATE ON people
WHEN new.gender IS NOT old.gender OR new.age_group IS NOT old.age_group
    OR new.id IS NOT old.id
BEGIN
    INSERT OR IGNORE INTO reach_dirty VALUES (new.id);
    INSERT OR IGNORE INTO reach_dirty VALUES (old.id);
END;
CREATE TRIGGER IF NOT EXISTS reach_person_delete AFTER DELETE ON people BEGIN
    INSERT OR IGNORE INTO reach_dirty VALUES (old.id);
END;
"""

#: (column of reach_days, how it is summed from reach rows)
_SUMS: tuple[tuple[str, str], ...] = (
    ("checkins", "count(*)"),
    ("answers", "sum(knowledge IS NOT NULL OR recommend IS NOT NULL OR rating IS NOT NULL)"),
    ("knowledge_yes", "coalesce(sum(knowledge = 1), 0)"),
    ("knowledge_answers", "count(knowledge)"),
    ("recommend_yes", "coalesce(sum(recommend = 1), 0)"),
    ("recommend_answers", "count(recommend)"),
    ("rating_total", "coalesce(sum(rating), 0)"),
    ("rating_answers", "count(rating)"),
)
SUM_COLUMNS = tuple(column for column, _sql in _SUMS)


def _group_sql(gender: str, age_group: str) -> str:
    """SQL for a person's (gender, age group) as one small number: the report groups by
    it far faster than by two texts. Unknown codes count as `kpi.gender_key`/`age_key`
    say: gender not stated, age not known."""
    all_genders, all_ages = codes()
    genders = " ".join(f"WHEN '{code}' THEN {i}" for i, code in enumerate(all_genders))
    ages = " ".join(f"WHEN '{code}' THEN {i}" for i, code in enumerate(all_ages))
    return (f"(CASE {gender} {genders} ELSE {all_genders.index('not_stated')} END) * 8 + "
            f"(CASE {age_group} {ages} ELSE {UNKNOWN_AGE} END)")


def decode(grp: int) -> tuple[str, str | None]:
    """(gender, age group or None) of a group number."""
    genders, ages = codes()
    age = grp % 8
    return genders[grp // 8], ages[age] if age < len(ages) else None


def _add_days(sign: str, where: str = "WHERE person_id IN (SELECT person_id FROM reach_dirty)"
              ) -> str:
    """Add (`+`) or take out (`-`) the dirty people's rows (or all rows) from the daily
    sums."""
    sums = ", ".join(f"{sign}({sql})" for _column, sql in _SUMS)
    updates = ", ".join(f"{c} = {c} + excluded.{c}" for c in SUM_COLUMNS)
    return (f"INSERT INTO reach_days (day, office_id, grp, {', '.join(SUM_COLUMNS)}) "
            f"SELECT day, office_id, grp, {sums} FROM reach {where} "
            "GROUP BY day, office_id, grp "
            f"ON CONFLICT (day, office_id, grp) DO UPDATE SET {updates}")


def _rows(source: str, people: str) -> str:
    """INSERT the reach rows of the check-ins of `source` (attendance AS a) whose person
    matches `people`."""
    from desktop.domain import kpi

    not_reached = ", ".join(f"'{role}'" for role in sorted(kpi.NOT_REACHED_ROLES))
    return f"""
INSERT INTO reach (person_id, event_id, office_id, day, prev_any, prev_office, grp,
                   knowledge, recommend, rating)
SELECT person_id, event_id, office_id, day,
       lag(day, 1, '') OVER (PARTITION BY person_id ORDER BY day, event_id),
       lag(day, 1, '') OVER (PARTITION BY person_id, office_id ORDER BY day, event_id),
       grp, knowledge, recommend, rating
FROM (
    SELECT a.person_id, a.event_id, coalesce(e.office_id, '') AS office_id,
           {local_day('e.starts_at')} AS day,
           {_group_sql('p.gender', 'p.age_group')} AS grp,
           a.knowledge_improved AS knowledge, a.would_recommend AS recommend, a.rating
    FROM {source}
    CROSS JOIN events AS e ON e.id = a.event_id
    LEFT JOIN people AS p ON p.id = a.person_id
    WHERE a.deleted = 0 AND a.status = 'attended' AND {people}
      AND coalesce(a.role, '') NOT IN ({not_reached})
      AND e.deleted = 0 AND coalesce(e.status, '') != 'cancelled'
      AND e.starts_at IS NOT NULL
)
"""


# From the few people noted, by idx_attendance_person_id. An IN list, not a join with
# reach_dirty: that table has no statistics, and for a join SQLite then guesses a million
# rows and builds Bloom filters over every check-in and event (250 ms for one check-in).
@cache
def _statements() -> dict[str, str]:
    return {
        "refresh_rows": _rows("attendance AS a INDEXED BY idx_attendance_person_id",
                              "a.person_id IN (SELECT person_id FROM reach_dirty)"),
        "all_rows": _rows("attendance AS a", "a.person_id IS NOT NULL"),
        "take_out": _add_days("-"),
        "add": _add_days("+"),
        "add_all": _add_days("+", "WHERE true"),
    }


def statements(script: str) -> list[str]:
    """A script's statements one by one (`executescript` would commit the migration's
    transaction half-way)."""
    found, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            found.append(current.strip())
            current = ""
    return found


def create(conn: sqlite3.Connection) -> None:
    """The tables, indexes and triggers, filled from the check-ins already there."""
    for statement in statements(SCHEMA):
        conn.execute(statement)
    rebuild(conn)


def zone() -> str:
    """The computer's time zone as SQLite's 'localtime' sees it, and the codes the group
    numbers stand for: rows made under another of either are rebuilt."""
    return (f"{time.timezone}/{time.altzone}/{time.daylight}/{'/'.join(time.tzname)}; "
            f"{','.join(codes()[0])}; {','.join(codes()[1])}")


def has_dirty(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM reach_dirty LIMIT 1").fetchone() is not None


def refresh(conn: sqlite3.Connection) -> None:
    """Recompute the rows of the people in `reach_dirty`, inside the caller's transaction."""
    if not has_dirty(conn):
        return
    noted = conn.execute("SELECT count(*) FROM reach_dirty").fetchone()[0]
    if noted >= WHOLE_REBUILD and \
            noted * 3 >= conn.execute("SELECT count(*) FROM people").fetchone()[0]:
        rebuild(conn)  # a first pull or an import of years of lists: start afresh
        return
    sql = _statements()
    conn.execute(sql["take_out"])
    conn.execute("DELETE FROM reach WHERE person_id IN (SELECT person_id FROM reach_dirty)")
    conn.execute(sql["refresh_rows"])
    conn.execute(sql["add"])
    conn.execute("DELETE FROM reach_dirty")


def rebuild(conn: sqlite3.Connection) -> None:
    """Every row from scratch (the migration; a new time zone), inside the caller's
    transaction."""
    conn.execute("DROP INDEX IF EXISTS reach_by_office")
    conn.execute("DELETE FROM reach")
    conn.execute("DELETE FROM reach_days")
    conn.execute("DELETE FROM reach_dirty")
    conn.execute(_statements()["all_rows"])
    conn.execute(INDEX)
    conn.execute(_statements()["add_all"])
    conn.execute("INSERT INTO meta(key, value) VALUES(?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (ZONE_KEY, zone()))


def is_fresh(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (ZONE_KEY,)).fetchone()
    return row is not None and row[0] == zone() and not has_dirty(conn)


def ensure_fresh(conn: sqlite3.Connection) -> None:
    """Bring the rows up to date before a report reads them. `conn` may be a read-only
    connection: the work is then done on a short-lived writer of the same file."""
    if is_fresh(conn):
        return
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    writer = sqlite3.connect(Path(path), timeout=5, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        try:
            row = writer.execute("SELECT value FROM meta WHERE key = ?",
                                 (ZONE_KEY,)).fetchone()
            if row is None or row[0] != zone():
                rebuild(writer)
            else:
                refresh(writer)
        except BaseException:
            writer.execute("ROLLBACK")
            raise
        writer.execute("COMMIT")
    finally:
        writer.close()
