"""Check-in writes and the queries behind the Events and Check-in screens, on a real store."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.store import checkin as desk
from desktop.store.ids import attendance_id
from desktop.store.queries import checkin as queries
from desktop.store.queries import events as event_queries


@pytest.fixture
def event(store) -> str:
    office = store.insert("offices", {"name": "Приймальня"})["id"]
    return store.insert("events", {"title": "Слухання", "kind": "public_hearing",
                                   "office_id": office, "starts_at": "2026-11-05T15:00"})["id"]


def person(store, last: str, first: str = "Олена", **values) -> str:
    return store.insert("people", {"last_name": last, "first_name": first,
                                   "gender": "female", **values})["id"]


def log_entries(store, record_id: str) -> int:
    return store.conn.execute("SELECT count(*) FROM change_log WHERE record_id = ?",
                              (record_id,)).fetchone()[0]


def test_check_in_creates_the_natural_record_once(store, event):
    pid = person(store, "Коваленко")
    done = desk.check_in(store, event, pid, at="2026-11-05T14:55:00")
    assert done.outcome == desk.NEW
    assert done.attendance_id == attendance_id(pid, event)
    row = store.get("attendance", done.attendance_id)
    assert (row["status"], row["role"], row["checked_in_at"]) == (
        "attended", "participant", "2026-11-05T14:55:00")
    again = desk.check_in(store, event, pid)
    assert again.outcome == desk.ALREADY
    assert store.get("attendance", done.attendance_id)["version"] == 1
    assert log_entries(store, done.attendance_id) == 1


def test_undo_of_a_new_check_in_tombstones_it_and_a_new_check_in_revives_it(store, event):
    pid = person(store, "Коваленко")
    done = desk.check_in(store, event, pid)
    assert desk.undo_check_in(store, done) is True
    assert store.get("attendance", done.attendance_id) is None
    revived = desk.check_in(store, event, pid)
    assert revived.outcome == desk.UPDATED
    row = store.get("attendance", done.attendance_id)
    assert row["status"] == "attended" and row["deleted"] == 0
    assert desk.undo_check_in(store, revived) is True
    assert store.get("attendance", done.attendance_id) is None  # tombstoned again
    last = store.get("attendance", done.attendance_id, include_deleted=True)
    assert last["version"] == log_entries(store, done.attendance_id)  # all logged


def test_a_registered_person_keeps_their_row_and_role(store, event):
    pid = person(store, "Бойко")
    store.insert("attendance", {"id": "imported-row", "event_id": event, "person_id": pid,
                                "status": "registered", "role": "speaker"})
    done = desk.check_in(store, event, pid)
    assert (done.outcome, done.attendance_id) == (desk.UPDATED, "imported-row")
    row = store.get("attendance", "imported-row")
    assert (row["status"], row["role"]) == ("attended", "speaker")
    desk.undo_check_in(store, done)
    row = store.get("attendance", "imported-row")
    assert (row["status"], row["checked_in_at"], row["deleted"]) == ("registered", None, 0)


def test_a_walk_in_is_created_and_checked_in_together(store, event):
    created, done = desk.register_walk_in(
        store, {"last_name": "Нова", "first_name": "Ганна", "gender": "female"}, event)
    assert store.get("people", created["id"])["last_name"] == "Нова"
    assert store.get("attendance", done.attendance_id)["person_id"] == created["id"]


def test_search_puts_registered_people_and_surnames_first(store, event):
    olena = person(store, "Ковтун", "Олена")
    koval = person(store, "Коваленко", "Ірина")
    first_name = person(store, "Шевчук", "Коваліна")
    registered = person(store, "Якименко", "Олена", patronymic="Ковалівна")
    store.insert("attendance", {"id": attendance_id(registered, event), "event_id": event,
                                "person_id": registered, "status": "registered"})
    result = queries.find_people(store.conn, "ков", event)
    assert [m.id for m in result.matches] == [registered, koval, olena, first_name]
    assert result.matches[0].status == "registered"
    assert not result.more
    assert [m.id for m in queries.find_people(store.conn, "ков", event, limit=2).matches] \
        == [registered, koval]
    assert queries.find_people(store.conn, "ков", event, limit=2).more


def test_search_words_phone_forms_and_minimum_length():
    assert queries.query_words("+38 067 123") == ["067123"]
    assert queries.query_words("Коваль 067 12") == ["коваль", "06712"]
    assert queries.query_words("380671234") == ["0671234"]
    assert queries.query_words("Мар'яна") == ["маряна"]
    assert not queries.searchable("к")
    assert queries.searchable("ко")
    assert not queries.searchable("06")  # two digits match a third of all phones
    assert queries.searchable("067")
    assert not queries.searchable("+38")


def test_phone_search_finds_national_and_international_forms(store, event):
    pid = person(store, "Гнатюк", phone="+380671234567")
    for typed in ("067 123", "+38067123", "123 45 67", "380671234567"):
        assert [m.id for m in queries.find_people(store.conn, typed, event).matches] == [pid]


def test_possible_duplicates_by_phone_or_name_and_year(store, event):
    same_phone = person(store, "Бондар", phone="+380501112233")
    namesake = person(store, "Ткачук", "Марʼяна", birth_year=1980)
    person(store, "Ткачук", "Марʼяна", birth_year=1981)
    found = queries.possible_duplicates(store.conn, {
        "last_name": "Інша", "first_name": "Людина", "phone": "050 111 22 33"})
    assert [(d.person.id, d.reasons) for d in found] == [(same_phone, ("phone",))]
    found = queries.possible_duplicates(store.conn, {
        "last_name": "ткачук", "first_name": "Мар'яна", "birth_year": 1980})
    assert [(d.person.id, d.reasons) for d in found] == [(namesake, ("name",))]
    assert queries.possible_duplicates(store.conn, {"last_name": "Ткачук"}) == []


def test_default_event_is_todays_running_one_else_the_next(store):
    events = [queries.DeskEvent(str(i), f"e{i}", datetime(2026, 11, d, h), None, None, s)
              for i, (d, h, s) in enumerate([(4, 10, "held"), (5, 9, "planned"),
                                             (5, 14, "planned"), (6, 10, "cancelled"),
                                             (8, 10, "planned")])]
    assert queries.default_event(events, datetime(2026, 11, 5, 8)).id == "1"
    assert queries.default_event(events, datetime(2026, 11, 5, 15)).id == "2"
    assert queries.default_event(events, datetime(2026, 11, 6, 8)).id == "4"  # not cancelled
    assert queries.default_event(events, datetime(2026, 11, 20, 8)).id == "4"
    assert queries.default_event([], datetime(2026, 11, 5)) is None


def test_event_list_periods_use_local_dates(store, event):
    today = date(2026, 11, 5)
    for period, expected in (("upcoming", 1), ("this_week", 1), ("past", 0), ("all", 1),
                             ("next_30_days", 1)):
        assert event_queries.event_list(today, period=period).count(store.conn) == expected
    assert event_queries.event_list(date(2026, 11, 6), period="past").count(store.conn) == 1
    assert event_queries.event_list(today, search="СЛУХ").count(store.conn) == 1
    assert event_queries.event_list(today, search="форум").count(store.conn) == 0
    with pytest.raises(ValueError):
        event_queries.period_bounds("someday", today)


def test_feedback_summary():
    rows = [event_queries.FeedbackRow("a", "p", "A", "B", None, 1, 1, 5, "Добре"),
            event_queries.FeedbackRow("b", "p", "A", "B", None, 0, 1, 4, None),
            event_queries.FeedbackRow("c", "p", "A", "B", None, None, None, None, None)]
    summary = event_queries.summarise_feedback(rows)
    assert (summary.answers, summary.knowledge_improved_pct, summary.would_recommend_pct,
            summary.average_rating) == (2, 50.0, 100.0, 4.5)
    empty = event_queries.summarise_feedback([])
    assert (empty.answers, empty.average_rating) == (0, None)


def test_the_lists_word_match_is_a_prefix_match_of_any_word():
    """The desk matches typed words against the event's list by substring (" " + word): the
    same answer as "some word of the person starts with each typed word"."""
    from hypothesis import given
    from hypothesis import strategies as st

    letters = st.text(alphabet="абвгґкоʼ0123", min_size=1, max_size=5)

    @given(st.lists(letters, min_size=1, max_size=6), st.lists(letters, min_size=1, max_size=3))
    def same(tokens, words):
        text = " " + " ".join(tokens)
        assert all((" " + w) in text for w in words) == \
            all(any(t.startswith(w) for t in tokens) for w in words)

    same()


def test_a_person_search_gives_one_answer_and_folds_the_text_once(store, event, monkeypatch):
    for last in ("Коваль", "Ковалик", "Ковальчук"):
        person(store, last)
    folds = []
    words = queries.query_words
    monkeypatch.setattr(queries, "query_words", lambda text: folds.append(text) or words(text))
    assert queries.find_people(store.conn, "к", event).status == "too_short"
    assert queries.find_people(store.conn, "06", event).status == "too_short"  # 2 digits
    assert queries.find_people(store.conn, "Жмуд", event).status == "none"
    assert queries.find_people(store.conn, "ковальч", event).status == "found"
    assert queries.find_people(store.conn, "ков", event, limit=2).status == "more"
    assert len(folds) == 5  # once per search, whatever the answer


def test_the_people_list_finds_a_phone_as_the_desk_does(store, event):
    """One person search: a number typed in groups finds the same person in the People list
    (and its picker) as at the check-in desk."""
    from desktop.store.queries.people import people_list

    wanted = person(store, "Гнатюк", phone="+380671234567")
    person(store, "Гнатенко", phone="+380501112233")
    for typed in ("067 123 45 67", "+38 067 123", "0671234567", "гнатюк 067"):
        assert [r[0] for r in people_list(typed).all(store.conn)] == [wanted], typed
        assert [m.id for m in queries.find_people(store.conn, typed, event).matches] \
            == [wanted], typed


@settings(max_examples=200, deadline=None)
@given(entries=st.lists(st.lists(st.sampled_from(["ко", "кова", "шев", "050", "ан", "а"]),
                                 min_size=1, max_size=4), max_size=12),
       needles=st.lists(st.sampled_from(["ко", "ков", "шев", "050", "а", "ан"]),
                        min_size=1, max_size=3))
def test_the_roster_finds_exactly_the_entries_holding_every_typed_word(entries, needles):
    """The one-text scan of an event's list picks the same people, in the same order, as
    testing every entry for every word."""
    rows = [(f"p{i}", " ".join(words), " " + " ".join(words)) for i, words in enumerate(entries)]
    typed = [" " + n for n in needles]
    expected = [(pid, name) for pid, name, words in rows if all(n in words for n in typed)]
    assert queries.Roster.of(rows).matching(typed) == expected


_SYLLABLES = ["ко", "ва", "лен", "шев", "ол", "ена", "ір", "ин", "ґу"]
_word = st.lists(st.sampled_from(_SYLLABLES), min_size=1, max_size=3).map("".join)


@settings(max_examples=60, deadline=None)
@example(people=[("-ол", "кова", False), ("«кова»", "ол", False)], typed="кова")
@example(people=[("_кова", "ол", False), ("коваль", "ол", False), ("ол", "кова", False)],
         typed="кова")
@given(people=st.lists(st.tuples(st.one_of(_word, _word.map(lambda w: w + "-ко"),
                                           _word.map(lambda w: w[:1] + "'" + w[1:]),
                                           _word.map(lambda w: "«" + w + "»"),
                                           _word.map(lambda w: "-" + w),
                                           _word.map(lambda w: "_" + w),
                                           _word.map(lambda w: "1" + w)),
                                 _word, st.booleans()), min_size=1, max_size=14),
       typed=st.one_of(_word, st.tuples(_word, _word).map(" ".join), _word.map("_".__add__),
                       st.sampled_from(["067", "067 1", "0671"])))
def test_the_shortcuts_never_change_the_answer(people, typed, tmp_path_factory):
    """Two shortcuts of the desk's search (issue 11): it skips the index search for surnames
    when no surname starts with the first typed word, and it finds the surnames that start
    with a single typed word in the sort keys' index, checking names that start with a mark
    one by one (or, with many of them, asking the full-text index). Whatever the names
    (hyphens, apostrophes, a stray quote or dash before the surname, deleted people) and
    the words, the answer is the one the full-text index alone gives: with fewer people
    than `CANDIDATES`, that index sorts every match too."""
    from desktop.store import open_store

    store = open_store(tmp_path_factory.mktemp("skip") / "h.sqlite3")
    try:
        office = store.insert("offices", {"name": "Приймальня"})["id"]
        event = store.insert("events", {"title": "Слухання", "kind": "public_hearing",
                                        "office_id": office,
                                        "starts_at": "2026-11-05T15:00"})["id"]
        for i, (last, first, gone) in enumerate(people):
            pid = person(store, last.capitalize(), first.capitalize(),
                         phone=f"+38067{1000000 + i * 7919:07d}")
            if gone:
                store.delete("people", pid)
        answer = queries.find_people(store.conn, typed, event, limit=5)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(queries, "MARKED_LIMIT", 0)  # any marked name: the index is asked
            many_marked = queries.find_people(store.conn, typed, event, limit=5)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(queries, "_a_surname_starts", lambda conn, word: True)
            patch.setattr(queries, "_surnames_starting", lambda conn, word, n: (
                queries._first_in_order(conn, f'name : ^ "{word}"*', n)))
            reference = queries.find_people(store.conn, typed, event, limit=5)
        assert [m.id for m in answer.matches] == [m.id for m in reference.matches]
        assert answer.more == reference.more
        assert [m.id for m in many_marked.matches] == [m.id for m in reference.matches]
    finally:
        store.close()


def test_a_first_name_typed_first_skips_the_surname_search(store, event):
    olena = person(store, "Коваль", "Олена")
    person(store, "Шевчук", "Ірина")
    asked: list[str] = []
    store.conn.set_trace_callback(asked.append)
    found = queries.find_people(store.conn, "Олена Ко", event)
    store.conn.set_trace_callback(None)
    assert [m.id for m in found.matches] == [olena]
    assert not [sql for sql in asked if "name : ^" in sql]  # no surname starts "олена"
    asked.clear()
    store.conn.set_trace_callback(asked.append)
    queries.find_people(store.conn, "Ко Ол", event)
    store.conn.set_trace_callback(None)
    assert [sql for sql in asked if "name : ^" in sql]  # "Коваль" does


def test_one_word_finds_the_surnames_in_the_alphabet_however_many_match(store, event):
    """The full-text index finds matches in the order they were added and the desk sorted
    only the first `CANDIDATES` of them; the sort keys' index gives the first in the
    alphabet of all of them (issue 11), without asking the full-text index at all."""
    letters = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
    names = [f"Ков{a}{b}" for a in letters for b in letters[:8]][:queries.CANDIDATES + 40]
    for name in reversed(names):  # the alphabet's first are added last
        person(store, name)
    asked: list[str] = []
    store.conn.set_trace_callback(asked.append)
    found = queries.find_people(store.conn, "ков", event)
    store.conn.set_trace_callback(None)
    shown = [m.last_name for m in found.matches]
    assert shown == names[:queries.SHOWN] and found.more
    assert not [sql for sql in asked if "MATCH" in sql]
