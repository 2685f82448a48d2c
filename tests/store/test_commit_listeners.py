"""The store says which record tables a commit wrote (Database.on_commit): the app's one
place that tells its screens what changed."""

from __future__ import annotations

import pytest

from desktop.store import open_store


@pytest.fixture
def heard(tmp_path):
    store = open_store(tmp_path / "s.sqlite3")
    calls: list[frozenset[str]] = []
    store.on_commit(calls.append)
    yield store, calls
    store.close()


def test_each_commit_names_the_tables_it_wrote_once(heard):
    store, calls = heard
    person = store.insert("people", {"last_name": "Петренко", "first_name": "Олена",
                                     "gender": "female"})
    assert calls == [frozenset({"people"})]
    with store.write():
        store.update("people", person["id"], {"first_name": "Оксана"})
        office = store.insert("offices", {"name": "Офіс", "kind": "liaison_office"})
        assert len(calls) == 1  # nothing is heard before the commit
    assert calls[1] == frozenset({"people", "offices"})
    store.delete("offices", office["id"])
    store.insert_many("people", [{"last_name": "Коваль", "first_name": "Іван",
                                  "gender": "male"}])
    assert calls[2:] == [frozenset({"offices"}), frozenset({"people"})]


def test_nothing_is_heard_of_a_rolled_back_write_or_a_change_to_nothing(heard):
    store, calls = heard
    person = store.insert("people", {"last_name": "Петренко", "first_name": "Олена",
                                     "gender": "female"})
    calls.clear()
    with pytest.raises(RuntimeError), store.write():
        store.update("people", person["id"], {"first_name": "Оксана"})
        raise RuntimeError("the user's write failed half-way")
    store.update("people", person["id"], {"first_name": "Олена"})  # the same value
    store.set_meta("office_id", "x")  # a setting, not a record
    assert calls == []
    with store.write():
        store.touch("dismissed_pairs")
    assert calls == [frozenset({"dismissed_pairs"})]


def test_a_listener_removed_hears_nothing(heard):
    store, calls = heard
    store.remove_commit_listener(calls.append)
    store.insert("people", {"last_name": "Петренко", "first_name": "Олена", "gender": "female"})
    assert calls == []


def test_a_failing_listener_does_not_make_a_committed_write_look_failed(heard, caplog):
    store, calls = heard

    def broken(tables: frozenset[str]) -> None:
        raise RuntimeError("a screen's bug")

    store.on_commit(broken)
    person = store.insert("people", {"last_name": "Петренко", "first_name": "Олена",
                                     "gender": "female"})
    assert store.get("people", person["id"]) is not None
    assert calls == [frozenset({"people"})]  # the others still heard it
    assert "a commit listener failed" in caplog.text
