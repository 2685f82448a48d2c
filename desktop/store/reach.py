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

A pass over the period is still a pass over every check-in in it (190 ms for that year on a
slower machine), and the report most asked for ends today. So `reach_days` also counts, per
day, the check-ins whose previous one (anywhere: `left_any`; at that office: `left_office`)
was on that day, and those with none (`firsts_any`, `firsts_office`). The rows of
[start, end] whose previous check-in is in [start, end] too are the repeats; they are the
rows whose previous day is in the period, less those that come after `end`. So

    different people = check-ins in [start, end] - left in [start, end] + C,

where C counts the rows after `end` whose previous day is in the period: daily sums plus a
scan of what came after the period (`people_counts`), nothing for a report that ends today.

Both tables are derived and never synced or logged. Triggers note the people whose rows
may have changed in `reach_dirty` (a check-in written, an event moved or cancelled, a
person's gender corrected); `refresh` recomputes just those people's rows and is called by
the store before each write transaction commits (`Database.write`), so a reader sees them
in step with the check-ins; only a pulled page with more to come may leave them for the
pull's last page (`DEFER_AT_MOST`). A report calls `ensure_fresh` first in any case, which
also covers a file changed some other way (an old app, a raw SQL session).

The local day of a UTC moment depends on the computer's time zone; the zone the rows were
made in is kept in `meta` and a different zone rebuilds everything (`ensure_fresh`).
"""

from __future__ import annotations

import sqlite3
import time
from functools import cache
from pathlib import Path
from typing import NamedTuple

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

#: The daily sums, by office and group first: the report adds up a period per office and
#: group, and reads them in that order with no sorting.
DAYS_TABLE = """
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
    firsts_any INTEGER NOT NULL DEFAULT 0,
    firsts_office INTEGER NOT NULL DEFAULT 0,
    left_any INTEGER NOT NULL DEFAULT 0,
    left_office INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (office_id, grp, day)
) WITHOUT ROWID, STRICT"""

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

{DAYS_TABLE};
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
    ("firsts_any", "sum(prev_any = '')"),
    ("firsts_office", "sum(prev_office = '')"),
)
SUM_COLUMNS = tuple(column for column, _sql in _SUMS)
#: The day's check-ins and their feedback, the sums the report adds up as they are.
CHECKIN_COLUMNS = SUM_COLUMNS[:8]
#: Columns of the daily sums counted on the day of a row's previous check-in.
LEFT_COLUMNS = {"left_any": "prev_any", "left_office": "prev_office"}


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


def _add_days(sign: str, where: str = "person_id IN (SELECT person_id FROM reach_dirty)"
              ) -> list[str]:
    """Add (`+`) or take out (`-`) the dirty people's rows (or all rows) from the daily
    sums: on their own day, and on the day of their previous check-in (`LEFT_COLUMNS`)."""
    sums = ", ".join(f"{sign}({sql})" for _column, sql in _SUMS)
    updates = ", ".join(f"{c} = {c} + excluded.{c}" for c in SUM_COLUMNS)
    found = [f"INSERT INTO reach_days (day, office_id, grp, {', '.join(SUM_COLUMNS)}) "
             f"SELECT day, office_id, grp, {sums} FROM reach WHERE {where} "
             "GROUP BY day, office_id, grp "
             f"ON CONFLICT (office_id, grp, day) DO UPDATE SET {updates}"]
    zeros = ", ".join("0" for _column in SUM_COLUMNS)
    for column, prev in LEFT_COLUMNS.items():
        found.append(
            f"INSERT INTO reach_days (day, office_id, grp, {', '.join(SUM_COLUMNS)}, {column}) "
            f"SELECT {prev}, office_id, grp, {zeros}, {sign}count(*) FROM reach "
            f"WHERE {where} AND {prev} != '' GROUP BY {prev}, office_id, grp "
            f"ON CONFLICT (office_id, grp, day) DO UPDATE SET {column} = {column} + "
            f"excluded.{column}")
    return found


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
def _statements() -> dict[str, list[str]]:
    return {
        "refresh_rows": [_rows("attendance AS a INDEXED BY idx_attendance_person_id",
                               "a.person_id IN (SELECT person_id FROM reach_dirty)")],
        "all_rows": [_rows("attendance AS a", "a.person_id IS NOT NULL")],
        "take_out": _add_days("-"),
        "add": _add_days("+"),
        "add_all": _add_days("+", "true"),
    }


def _run(conn: sqlite3.Connection, name: str) -> None:
    for statement in _statements()[name]:
        conn.execute(statement)


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


#: The most people whose rows a commit may leave for a later one (`Database.write`). Why:
#: a pull's pages each noted a few thousand people, and bringing them up to date page by
#: page took a fifth of a first pull (a person's check-ins come over many pages, and each
#: page recomputed all of them so far); left for the last page, a first pull ends with one
#: rebuild (`WHOLE_REBUILD`). Bounded, so that a pull cut short by a crash leaves the next
#: commit one rebuild's work at worst (the sync engine settles a pull cut short otherwise).
DEFER_AT_MOST = 100_000


def may_defer(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM reach_dirty").fetchone()[0] < DEFER_AT_MOST


def refresh(conn: sqlite3.Connection) -> None:
    """Recompute the rows of the people in `reach_dirty`, inside the caller's transaction."""
    if not has_dirty(conn):
        return
    noted = conn.execute("SELECT count(*) FROM reach_dirty").fetchone()[0]
    if noted >= WHOLE_REBUILD and \
            noted * 3 >= conn.execute("SELECT count(*) FROM people").fetchone()[0]:
        rebuild(conn)  # a first pull or an import of years of lists: start afresh
        return
    _run(conn, "take_out")
    conn.execute("DELETE FROM reach WHERE person_id IN (SELECT person_id FROM reach_dirty)")
    _run(conn, "refresh_rows")
    _run(conn, "add")
    conn.execute("DELETE FROM reach_dirty")


def rebuild(conn: sqlite3.Connection) -> None:
    """Every row from scratch (the migration; a new time zone), inside the caller's
    transaction."""
    conn.execute("DROP INDEX IF EXISTS reach_by_office")
    conn.execute("DELETE FROM reach")
    conn.execute("DELETE FROM reach_days")
    conn.execute("DELETE FROM reach_dirty")
    _run(conn, "all_rows")
    conn.execute(INDEX)
    _run(conn, "add_all")
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


class PeriodSums(NamedTuple):
    """What the daily sums of a period add up to for one office and group."""

    checkins: int
    answers: int
    knowledge_yes: int
    knowledge_answers: int
    recommend_yes: int
    recommend_answers: int
    rating_total: int
    rating_answers: int
    #: check-ins whose previous one, at this office / in the report's scope, is in the period
    left_office: int
    left_scope: int
    #: check-ins with no previous one in the report's scope
    firsts: int


def period_sums(conn: sqlite3.Connection, start: str, end: str, office_id: str | None
                ) -> dict[tuple[str, int], PeriodSums]:
    """The daily sums of `start`..`end` (YYYY-MM-DD) per (office, group), for every office
    (`office_id` None, the scope "anywhere") or one (the scope "at this office")."""
    scope = "any" if office_id is None else "office"
    office_sql, office_args = ("", ()) if office_id is None else \
        (" AND office_id = ?", (office_id,))
    return {(office, grp): PeriodSums(*map(int, sums)) for office, grp, *sums in conn.execute(
        f"SELECT office_id, grp, {', '.join(f'sum({c})' for c in CHECKIN_COLUMNS)}, "
        f"sum(left_office), sum(left_{scope}), sum(firsts_{scope}) FROM reach_days "
        f"WHERE day BETWEEN ? AND ?{office_sql} GROUP BY office_id, grp",
        (start, end, *office_args))}


#: (office, group) -> (different people at that office, different people in the report's
#: scope, those of them reached for the first time)
PeopleCounts = dict[tuple[str, int], tuple[int, int, int]]


def people_counts(conn: sqlite3.Connection, start: str, end: str, office_id: str | None,
                  sums: dict[tuple[str, int], PeriodSums] | None = None,
                  how: str | None = None) -> PeopleCounts:
    """The different people of the days `start`..`end` (YYYY-MM-DD), per office and group.

    The scope is every office when `office_id` is None (a person counts once, at the office
    of their first check-in of the period), else that office. `sums` are the period's
    (`period_sums`; read here if None). `how` picks the way (tests compare them): "inside"
    passes over the period's rows; "after" takes the daily sums and passes over the rows
    after `end` (see the module's docstring). None: the way with fewer rows to read."""
    if sums is None:
        sums = period_sums(conn, start, end, office_id)
    office_sql, office_args = ("", ()) if office_id is None else \
        (" AND office_id = ?", (office_id,))
    offices = sorted({office for office, _grp in sums})
    if how is None:
        after = conn.execute(f"SELECT coalesce(sum(checkins), 0) FROM reach_days "
                             f"WHERE day > ?{office_sql}", (end, *office_args)).fetchone()[0]
        how = "after" if after < sum(row.checkins for row in sums.values()) else "inside"
    scope = "any" if office_id is None else "office"
    if how == "inside":
        return {(office, grp): (in_office, in_scope, first)
                for office, grp, in_office, in_scope, first in conn.execute(
                    "SELECT office_id, grp, count(*) FILTER (WHERE prev_office < ?), "
                    f"count(*) FILTER (WHERE prev_{scope} < ?), "
                    f"count(*) FILTER (WHERE prev_{scope} = '') "
                    f"FROM reach INDEXED BY reach_by_office WHERE {_offices_and_groups(offices)}"
                    " AND day BETWEEN ? AND ? GROUP BY office_id, grp",
                    (start, start, *offices, start, end))
                if in_office or in_scope or first}
    later = {(office, grp): (int(c_office), int(c_scope))
             for office, grp, c_office, c_scope in conn.execute(
                 "SELECT office_id, grp, count(*) FILTER (WHERE prev_office BETWEEN ? AND ?), "
                 f"count(*) FILTER (WHERE prev_{scope} BETWEEN ? AND ?) "
                 f"FROM reach INDEXED BY reach_by_office WHERE {_offices_and_groups(offices)} "
                 "AND day > ? GROUP BY office_id, grp",
                 (start, end, start, end, *offices, end))}
    counts: PeopleCounts = {}
    for key, row in sums.items():
        c_office, c_scope = later.get(key, (0, 0))
        found = (row.checkins - row.left_office + c_office,
                 row.checkins - row.left_scope + c_scope, row.firsts)
        if any(found):
            counts[key] = found
    return counts


def _offices_and_groups(offices: list[str]) -> str:
    """The WHERE terms that let a scan of `reach_by_office` jump from one (office, group)
    range to the next."""
    return (f"office_id IN ({', '.join('?' * len(offices))}) "
            f"AND grp IN ({', '.join(str(g) for g in groups())})")


def rebuild_days(conn: sqlite3.Connection) -> None:
    """The daily sums again from the rows (a migration that adds a sum)."""
    conn.execute("DELETE FROM reach_days")
    _run(conn, "add_all")
