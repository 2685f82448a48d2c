"""What the check-in desk reads: the events to check in to, people matching a few typed
letters or digits, who is already in, and possible duplicates of a walk-in.

Speed is the point: the operator types with a queue at the door, on a database of up to
200 000 people. A search never ranks every match (a two-letter prefix can match 20 000
people, and bm25 over all of them takes a tenth of a second). People registered for the
event come first, from the list the desk holds; then the surnames that start with the typed
word, read in alphabetical order from the sort keys' index; then anyone with every typed
word, of whom the first `CANDIDATES` matches of the full-text index are sorted. With more
matches than shown, the screen asks for another letter.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop.domain.dedupe import duplicate_keys
from desktop.domain.names import fold
from desktop.store.ids import to_local
from desktop.store.search import (
    WORD,
    match_expression,
    person_words,
    specific_enough,
    words_expression,
)

#: Matches taken from the index per query before sorting (the screen shows ~20).
CANDIDATES = 200
#: Rows shown by default.
SHOWN = 20
#: Events offered at the desk: from a week ago to two months ahead.
DAYS_BACK, DAYS_AHEAD = 7, 60

_UKRAINIAN = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
# Ukrainian letters mapped to consecutive private-use code points, in alphabet order.
_ALPHABET = str.maketrans({ch: chr(0xE000 + i) for i, ch in enumerate(_UKRAINIAN)})


def sort_key(text: str) -> str:
    """Ukrainian alphabetical order (Python's own puts Є, І, Ї before А and Ґ after Я)."""
    return fold(text).translate(_ALPHABET)


# -- events at the desk ------------------------------------------------------------------------

@dataclass(frozen=True)
class DeskEvent:
    id: str
    title: str
    starts_at: datetime | None  # naive local
    place: str | None
    capacity: int | None
    status: str | None
    ends_at: datetime | None = None  # naive local

    def out_of_time(self, now: datetime) -> str | None:
        """Why checking in now looks like a mistake: "ahead" (starts more than a few hours
        from now) or "past" (ended more than a day ago); None when it is on."""
        if self.starts_at is None:
            return None
        if self.starts_at - now > timedelta(hours=EARLY_HOURS):
            return "ahead"
        if now - (self.ends_at or self.starts_at) > timedelta(hours=LATE_HOURS):
            return "past"
        return None


#: Check-ins this long before the start or after the end need a confirmation: the doors
#: open early, lists get typed in the next morning, but a week's difference is a wrong event.
EARLY_HOURS, LATE_HOURS = 3, 36


def registered_ids(conn: sqlite3.Connection, event_id: str) -> frozenset[str]:
    """Everyone with an attendance row for the event now: the desk's "on the list" group,
    taken once when the event is opened so that check-ins never reorder the results."""
    return frozenset(r[0] for r in conn.execute(
        "SELECT person_id FROM attendance WHERE event_id = ? AND deleted = 0", (event_id,)))


def desk_events(
    conn: sqlite3.Connection, office_id: str | None, today: date,
    include: Iterable[str] = (),
) -> list[DeskEvent]:
    """This office's events from a week ago to two months ahead (every office's if None),
    earliest first, plus any events in `include` (one opened from the Events screen)."""
    first = (today - timedelta(days=DAYS_BACK + 1)).isoformat()
    last = (today + timedelta(days=DAYS_AHEAD + 2)).isoformat()
    office = " AND office_id = ?" if office_id else ""
    rows = conn.execute(
        "SELECT id, title, starts_at, place, capacity, status, ends_at FROM events "
        f"WHERE deleted = 0 AND starts_at >= ? AND starts_at < ?{office} "
        "ORDER BY starts_at, id", (first, last, *([office_id] if office_id else []))).fetchall()
    wanted = [i for i in dict.fromkeys(include) if i]
    have = {r[0] for r in rows}
    missing = [i for i in wanted if i not in have]
    if missing:
        marks = ",".join("?" for _ in missing)
        rows += conn.execute(
            "SELECT id, title, starts_at, place, capacity, status, ends_at FROM events "
            f"WHERE deleted = 0 AND id IN ({marks})", missing).fetchall()
    events = [DeskEvent(r[0], r[1] or "", to_local(r[2]) if r[2] else None, r[3], r[4], r[5],
                        to_local(r[6]) if r[6] else None) for r in rows]
    events.sort(key=lambda e: (e.starts_at or datetime.max, e.id))
    return events


def default_event(events: Sequence[DeskEvent], now: datetime) -> DeskEvent | None:
    """The event the desk most likely serves now: today's (the one starting soonest after
    the last that has begun), else the next one, else the latest past one. Cancelled
    events are only chosen if nothing else is there."""
    live = [e for e in events if e.status != "cancelled" and e.starts_at] or \
        [e for e in events if e.starts_at]
    if not live:
        return events[0] if events else None
    today = [e for e in live if e.starts_at and e.starts_at.date() == now.date()]
    if today:
        begun = [e for e in today if e.starts_at and e.starts_at <= now]
        return begun[-1] if begun else today[0]
    coming = [e for e in live if e.starts_at and e.starts_at > now]
    if coming:
        return coming[0]
    return live[-1]


# -- people ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PersonMatch:
    id: str
    last_name: str | None
    first_name: str | None
    patronymic: str | None
    gender: str | None
    birth_year: int | None
    age_group: str | None
    phone: str | None
    settlement: str | None
    status: str | None = None  # this event's attendance status, if any
    checked_in_at: str | None = None

    @property
    def checked_in(self) -> bool:
        return self.status == "attended"


@dataclass(frozen=True)
class SearchResult:
    """The one answer of a person search: who was found, and whether the text was too
    short to search or more people match than are shown."""

    matches: list[PersonMatch]
    more: bool  # more people match than are shown: type another letter
    too_short: bool = False  # fewer than two letters (three digits): nothing was searched

    @property
    def status(self) -> str:
        """"too_short", "none", "more" (than shown) or "found"."""
        if self.too_short:
            return "too_short"
        if not self.matches:
            return "none"
        return "more" if self.more else "found"


#: The person search's words, how specific they must be, and the index expression: one
#: definition in `desktop.store.search`, shared with the People list and the pickers.
query_words = person_words


def searchable(text: str) -> bool:
    """Whether a search is specific enough to run: two letters, or three digits of a phone
    number (two digits match a third of all numbers, and say nothing)."""
    return specific_enough(person_words(text))


def _index_docs(conn: sqlite3.Connection, expression: str, limit: int) -> list[tuple[str, str]]:
    """(person id, folded name) of up to `limit` people matching, in index order."""
    return conn.execute(
        "SELECT d.record_id, d.name FROM search_docs_fts AS f JOIN search_docs AS d "
        "ON d.doc_id = f.rowid WHERE search_docs_fts MATCH ? AND d.kind = 'people' LIMIT ?",
        (expression, limit)).fetchall()


def _first_in_order(conn: sqlite3.Connection, expression: str, limit: int) -> list[str]:
    """Ids of the alphabetically first `limit` people among the first `CANDIDATES` that
    match in index order.

    Why SQLite sorts: the people's stored sort keys order them in C, and only the rows
    shown come back to Python. Sorting the candidates here (each name through the alphabet
    table) was a fifth of a keystroke's search on a big store (issue 11)."""
    return [pid for (pid,) in conn.execute(
        "SELECT x.record_id FROM (SELECT d.record_id FROM search_docs_fts AS f "
        "JOIN search_docs AS d ON d.doc_id = f.rowid WHERE search_docs_fts MATCH ? "
        "AND d.kind = 'people' LIMIT ?) AS x JOIN people AS p ON p.id = x.record_id "
        "AND p.deleted = 0 ORDER BY p.sort_key, x.record_id LIMIT ?",
        (expression, CANDIDATES, limit))]


#: Where a sort key may start with a character the search index does not count as part of a
#: word (spaces, punctuation, quotes, dashes, symbols): for such a name the index's first word
#: is not the sort key's start ("«Коваль»", "-Коваль"). Letters and digits are outside them.
_NOT_WORD_STARTS = (("", "0"), (":", "a"), ("{", "\u00c0"), ("\u2000", "\u2c00"),
                    ("\u3000", "\u3040"), ("\ufe10", "\ufe70"), ("\uff00", "\uff10"))
_NOT_WORD_BOUNDS = tuple(bound for pair in _NOT_WORD_STARTS for bound in pair)
_SURNAME_MAY_START = (
    "SELECT 1 FROM people INDEXED BY idx_people_sort_key WHERE "
    + " OR ".join("(sort_key >= ? AND sort_key < ?)" for _ in range(len(_NOT_WORD_STARTS) + 1))
    + " LIMIT 1")


def _a_surname_starts(conn: sqlite3.Connection, word: str) -> bool:
    """Whether anyone's surname may start with `word` (folded), from the sort-key index.

    Why: the index search for surnames finds nothing for a first name ("Олена Ко") or
    digits ("067 1"), yet reads as much of the index as a search that finds (a third of
    such a keystroke, issue 11). A sort key is the folded full name, surname first, through
    the alphabet, so its range for the word holds the people whose name starts with it.
    A key that starts with a quote, a dash or another mark may hide a surname the index sees
    ("«Коваль»"), so any key in `_NOT_WORD_STARTS` answers "may" too. Those ranges hold
    the marks of ASCII, Latin-1, general punctuation and symbols, CJK and full-width
    forms; only a name that starts with another script's mark (a Hebrew geresh, an Arabic
    comma) could be listed among the rest instead of among the surnames."""
    low = word.translate(_ALPHABET)
    return conn.execute(_SURNAME_MAY_START,
                        (low, low + "\U0010ffff", *_NOT_WORD_BOUNDS)).fetchone() is not None


_SURNAMES_STARTING = (
    "SELECT sort_key, id FROM people INDEXED BY idx_people_sort_key WHERE sort_key >= ? "
    "AND sort_key < ? AND deleted = 0 ORDER BY sort_key, id LIMIT ?")
_MARKED_NAMES = (
    "SELECT p.sort_key, p.id, d.name FROM people AS p INDEXED BY idx_people_sort_key "
    "JOIN search_docs AS d ON d.record_id = p.id WHERE ("
    + " OR ".join("(p.sort_key > ? AND p.sort_key < ?)" for _ in _NOT_WORD_STARTS)
    + ") AND p.deleted = 0 LIMIT ?")
#: People whose name starts with a mark that `_surnames_starting` checks one by one; with
#: more of them it asks the full-text index, as a search of several words does.
MARKED_LIMIT = 500


def _surnames_starting(conn: sqlite3.Connection, word: str, limit: int) -> list[str]:
    """Ids of the alphabetically first `limit` people whose surname starts with `word`:
    the people the index's `name : ^ "word"*` finds, in the order shown.

    Why not that index: it finds matches in the order they were added, so only the first
    `CANDIDATES` of them were sorted, and that was most of a keystroke's search (1 of
    1.7 ms on the 200,000-person bench store, issue 11). A sort key is the folded name
    through the alphabet, so the people whose name starts with `word` are one range of
    its index, read in the order shown (0.1 ms): truly the first in the alphabet, however
    many match. The range misses a name that starts with a mark ("«Коваль»", "-Коваль"),
    whose first word the index still sees: those few are read from the keys that start
    with a mark and checked here; beyond `MARKED_LIMIT` of them the index is asked."""
    low = word.translate(_ALPHABET)
    rows = conn.execute(_SURNAMES_STARTING, (low, low + "\U0010ffff", limit)).fetchall()
    marked = conn.execute(_MARKED_NAMES, (*_NOT_WORD_BOUNDS, MARKED_LIMIT + 1)).fetchall()
    if len(marked) > MARKED_LIMIT:
        return _first_in_order(conn, f"name : ^ {words_expression([word])}", limit)
    starting = [(key, pid) for key, pid, name in marked
                if (first := WORD.search(name or "")) and first.group().startswith(word)]
    if starting:
        rows = sorted([*rows, *starting])[:limit]
    return [pid for _key, pid in rows]


def _index_ids(conn: sqlite3.Connection, expression: str, limit: int) -> list[str]:
    return [pid for pid, _ in _index_docs(conn, expression, limit)]


_PERSON_COLUMNS = ("p.id, p.last_name, p.first_name, p.patronymic, p.gender, p.birth_year, "
                   "p.age_group, p.phone, s.name")


def people_by_id(
    conn: sqlite3.Connection, ids: Sequence[str], event_id: str | None,
) -> dict[str, PersonMatch]:
    """Live people with their settlement and their attendance at `event_id`."""
    found: dict[str, PersonMatch] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        marks = ",".join("?" for _ in chunk)
        rows = conn.execute(
            f"SELECT {_PERSON_COLUMNS}, a.status, a.checked_in_at FROM people AS p "
            "LEFT JOIN settlements AS s ON s.id = p.settlement_id "
            "LEFT JOIN attendance AS a ON a.event_id = ? AND a.person_id = p.id "
            "AND a.deleted = 0 "
            f"WHERE p.id IN ({marks}) AND p.deleted = 0", (event_id, *chunk)).fetchall()
        for row in rows:
            found[row[0]] = PersonMatch(*row)
    return found


@dataclass(frozen=True)
class Roster:
    """The people on an event's list, each with the words a search matches, ready for
    `find_people`.

    Why one text: a keystroke looks for the typed words in every entry of the list. Tested
    entry by entry in Python that was half of a keystroke's search for a 580-person event;
    here the first word is found by one scan of `text` in C, and only the entries it hits
    are looked at."""

    #: (person id, folded name, " word word ..."): a typed word matches where " " + it
    #: occurs, i.e. at a word's start
    entries: tuple[tuple[str, str, str], ...] = ()
    #: every entry's words, a line each
    text: str = ""
    #: where each entry's line starts in `text`
    starts: tuple[int, ...] = ()

    @classmethod
    def of(cls, entries: Iterable[tuple[str, str, str]]) -> Roster:
        entries = tuple(entries)
        starts, at = [], 0
        for _pid, _name, words in entries:
            starts.append(at)
            at += len(words) + 1
        return cls(entries, "\n".join(words for _pid, _name, words in entries), tuple(starts))

    def matching(self, needles: Sequence[str]) -> list[tuple[str, str]]:
        """(id, folded name) of the entries holding every needle, in the list's order."""
        found: list[tuple[str, str]] = []
        if not needles:
            return found
        first, rest = needles[0], needles[1:]
        last = -1
        at = self.text.find(first)
        while at >= 0:
            index = bisect_right(self.starts, at) - 1
            if index != last:
                last = index
                pid, name, words = self.entries[index]
                if all(n in words for n in rest):
                    found.append((pid, name))
            at = self.text.find(first, at + 1)
        return found


def event_roster(conn: sqlite3.Connection, event_id: str,
                 registered: Collection[str] | None = None) -> Roster:
    """The event's list (only `registered` people, if given) ready for `find_people`. The
    desk reads it once when it opens the event and again when data changes, not on every
    key: for a 250-person event it was half of a keystroke's search."""
    return Roster.of(
        (pid, name, " " + " ".join(WORD.findall(f"{name} {extra or ''}")))
        for pid, name, extra in conn.execute(
            "SELECT d.record_id, d.name, d.extra FROM attendance AS a "
            "JOIN search_docs AS d ON d.record_id = a.person_id "
            "WHERE a.event_id = ? AND a.deleted = 0", (event_id,))
        if registered is None or pid in registered)


def find_people(
    conn: sqlite3.Connection, text: str, event_id: str | None, limit: int = SHOWN,
    registered: Collection[str] | None = None, roster: Roster | None = None,
) -> SearchResult:
    """People whose name words, phone or e-mail start with every typed word.

    Order: people on the event's list, then those whose surname starts with the first
    word, then the rest; alphabetical within each group. Only the rows shown are read from
    the people table. `registered` (from `registered_ids`, taken when the desk opened the
    event) fixes who is "on the list", so a check-in never moves a row: the same keystrokes
    pick the same person every time. Without it, the list is read live. `roster` (from
    `event_roster`) saves reading the list again on every key.
    """
    words = query_words(text)  # the text is folded once, here
    if not specific_enough(words):
        return SearchResult([], False, too_short=True)
    expression = words_expression(words)
    chosen: list[str] = []
    if event_id:
        if roster is None:
            roster = event_roster(conn, event_id, registered)
        # the roster holds folded names already: only the alphabet mapping is left to do
        chosen = [pid for pid, _ in sorted(
            dict(roster.matching([" " + w for w in words])).items(),
            key=lambda item: ((item[1] or "").translate(_ALPHABET), item[0]))][:limit + 1]
    # Then people whose surname starts with the first word, then the rest, each group in
    # alphabetical order; a group asks for enough to fill the page past what is chosen.
    groups: list[Callable[[int], list[str]]] = []
    if len(words) == 1:
        groups.append(lambda n: _surnames_starting(conn, words[0], n))
    elif _a_surname_starts(conn, words[0]):
        surname_first = f"name : ^ {words_expression(words[:1])} " \
            f"{words_expression(words[1:])}"
        groups.append(lambda n: _first_in_order(conn, surname_first, n))
    groups.append(lambda n: _first_in_order(conn, expression, n))
    for group in groups:
        if len(chosen) > limit:
            break
        seen = set(chosen)
        wanted = limit + 1 - len(chosen)
        fresh = [pid for pid in group(wanted + len(seen)) if pid not in seen]
        chosen.extend(fresh[:wanted])
    more = len(chosen) > limit
    people = people_by_id(conn, chosen[:limit], event_id)
    return SearchResult([people[pid] for pid in chosen[:limit] if pid in people], more)


def checked_in(conn: sqlite3.Connection, event_id: str, limit: int = 1000) -> list[PersonMatch]:
    """People checked in to the event, the latest first."""
    rows = conn.execute(
        f"SELECT {_PERSON_COLUMNS}, a.status, a.checked_in_at FROM attendance AS a "
        "JOIN people AS p ON p.id = a.person_id "
        "LEFT JOIN settlements AS s ON s.id = p.settlement_id "
        "WHERE a.event_id = ? AND a.deleted = 0 AND a.status = 'attended' "
        "ORDER BY a.checked_in_at DESC, a.updated_at DESC LIMIT ?",
        (event_id, limit)).fetchall()
    return [PersonMatch(*row) for row in rows]


# -- walk-ins ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Duplicate:
    person: PersonMatch
    reasons: tuple[str, ...]  # "phone", "name" (dedupe key kinds)


def possible_duplicates(
    conn: sqlite3.Connection, person: dict, event_id: str | None = None, limit: int = 10,
) -> list[Duplicate]:
    """Registered people who may be this walk-in: the same phone number, or the same full
    name (folded) and birth year, by the domain's dedupe keys. Indexed lookups only."""
    keys = duplicate_keys(person)
    if not keys:
        return []
    ids: list[str] = []
    for key in keys:
        if key.startswith("phone:"):
            ids += [r[0] for r in conn.execute(
                "SELECT id FROM people WHERE phone = ? AND deleted = 0 LIMIT 50",
                (key.split(":", 1)[1],))]
    if any(k.startswith("name:") for k in keys):
        expression = match_expression(" ".join(filter(None, (
            person.get("last_name"), person.get("first_name")))))
        if expression:
            ids += _index_ids(conn, expression, CANDIDATES)
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    marks = ",".join("?" for _ in ids)
    rows = conn.execute(
        "SELECT id, last_name, first_name, patronymic, birth_year, phone FROM people "
        f"WHERE id IN ({marks}) AND deleted = 0", ids).fetchall()
    hits: dict[str, tuple[str, ...]] = {}
    for pid, last, first, patronymic, year, phone in rows:
        shared = keys & duplicate_keys({"last_name": last, "first_name": first,
                                        "patronymic": patronymic, "birth_year": year,
                                        "phone": phone})
        if shared:
            hits[pid] = tuple(sorted({k.split(":", 1)[0] for k in shared},
                                     key=("phone", "name").index))
    people = people_by_id(conn, list(hits), event_id)
    found = [Duplicate(people[pid], reasons) for pid, reasons in hits.items() if pid in people]
    found.sort(key=lambda d: (len(d.reasons) == 1, sort_key(d.person.last_name or ""),
                              d.person.id))
    return found[:limit]
