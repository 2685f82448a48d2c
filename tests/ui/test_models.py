"""The lazy table model on a real store with a few thousand rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.domain.names import full_name
from desktop.store.queries.common import select_records
from desktop.ui.models import RECORD_ID_ROLE, RIGHT, Column, PagedTableModel

PEOPLE = 2345


@pytest.fixture
def many_people(store):
    store.insert_many("people", (
        {"last_name": f"Прізвище{i:05d}", "first_name": "Олена", "patronymic": "Петрівна",
         "gender": "female", "birth_year": 1950 + i % 50}
        for i in range(PEOPLE)
    ))
    return store


def _model(store, db_path=None):
    model = PagedTableModel(store.conn, db_path, [
        Column(("last_name", "first_name", "patronymic"), "Імʼя", full_name),
        Column("gender", "Стать"),
        Column("birth_year", "Рік", align=RIGHT),
    ])
    model.set_query(select_records(
        "people", ["last_name", "first_name", "patronymic", "gender", "birth_year"],
        order_by=["last_name"]))
    return model


def test_rows_arrive_in_pages(many_people, app):
    model = _model(many_people)
    assert model.rowCount() == 200 < PEOPLE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == PEOPLE
    assert model.total == PEOPLE


def test_a_record_further_down_is_read_up_to_when_asked_to_reveal_it(many_people, app,
                                                                     monkeypatch):
    model = _model(many_people)
    far = many_people.conn.execute(
        "SELECT id FROM people WHERE last_name = 'Прізвище01234'").fetchone()[0]
    gone = many_people.insert("people", {"last_name": "Прізвище00007", "first_name": "Іван",
                                         "gender": "male"})
    many_people.delete("people", gone["id"])
    assert model.row_of(far) is None and model.rowCount() == 200  # only looks at what is read
    assert model.row_of(gone["id"], reveal=True) is None  # not in the list: nothing read
    assert model.rowCount() == 200
    row = model.row_of(far, reveal=True)
    assert row == 1234 and model.record_id(row) == far
    assert model.rowCount() == 1400  # pages up to it, not the whole list
    # Not past REVEAL_ROWS: a record at the end of a huge list leaves it as it is.
    monkeypatch.setattr("desktop.ui.models.REVEAL_ROWS", 1600)
    last = many_people.conn.execute(
        "SELECT id FROM people WHERE last_name = 'Прізвище02344'").fetchone()[0]
    assert model.row_of(last, reveal=True) is None
    assert 1600 <= model.rowCount() < PEOPLE


def test_total_is_counted_in_a_worker(many_people, app, qtbot):
    model = PagedTableModel(many_people.conn, many_people.path, [Column("last_name", "x")])
    with qtbot.waitSignal(model.total_changed, timeout=5000) as signal:
        model.set_query(select_records("people", ["last_name"]))
    assert signal.args == [PEOPLE]
    assert model.rowCount() == 200


def test_data_formats_without_sql(many_people, app):
    model = _model(many_people)
    statements = []
    many_people.conn.set_trace_callback(statements.append)
    try:
        index = model.index(0, 0)
        assert model.data(index) == "Прізвище00000 Олена Петрівна"
        assert model.data(model.index(0, 2), Qt.ItemDataRole.TextAlignmentRole) == int(
            RIGHT.value)
        assert model.data(index, RECORD_ID_ROLE) == model.record_id(0)
        assert model.headerData(0, Qt.Orientation.Horizontal) == "Імʼя"
        for row in range(model.rowCount()):
            model.data(model.index(row, 1))
    finally:
        many_people.conn.set_trace_callback(None)
    assert statements == []


def test_set_query_resets(many_people, app, qtbot):
    model = _model(many_people)
    with qtbot.waitSignal(model.modelReset):
        model.set_query(select_records("people", ["last_name", "first_name", "patronymic",
                                                  "gender", "birth_year"],
                                       filters={"birth_year": 1950}))
    assert model.rowCount() == len(range(0, PEOPLE, 50))
    assert not model.canFetchMore(QModelIndex())
    assert model.total == model.rowCount()


def test_sorting_by_a_column_orders_pages(many_people, app):
    model = _model(many_people)
    model.set_query(model.query.ordered_by("last_name", descending=True))
    assert model.row_values(0)["last_name"] == f"Прізвище{PEOPLE - 1:05d}"


def test_deleted_records_are_not_listed(many_people, app):
    model = _model(many_people)
    first = model.record_id(0)
    many_people.delete("people", first)
    model.refresh()
    assert model.record_id(0) != first


def test_model_passes_qtmodeltester(many_people, app, qtmodeltester):
    model = _model(many_people)
    qtmodeltester.check(model)
    model.fetchMore(QModelIndex())
    qtmodeltester.check(model)


def test_unknown_column_is_a_programming_error(store, app):
    model = PagedTableModel(store.conn, None, [Column("nope", "x")])
    with pytest.raises(ValueError, match="nope"):
        model.set_query(select_records("people", ["last_name"]))


def test_a_header_click_sorts_and_a_third_click_restores_the_lists_order(many_people, app):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    from desktop.ui.models import sort_by_header

    model = _model(many_people)
    view = QTableView()
    view.setModel(model)
    sort_by_header(view, model)
    header = view.horizontalHeader()
    first = model.row_values(0)["last_name"]

    def years() -> list[int]:
        return [model.row_values(r)["birth_year"] for r in range(model.rowCount())]

    header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
    assert years() == sorted(years(), reverse=True) and years()[0] == 1999
    model.refresh()  # data changed: the chosen order stays
    assert years()[0] == 1999
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # cleared
    assert model.row_values(0)["last_name"] == first
    assert model.rowCount() == 200  # still paged, not everything at once


def test_a_sorted_list_still_passes_qtmodeltester(many_people, app, qtmodeltester):
    model = _model(many_people)
    model.sort_by(2, descending=True)
    qtmodeltester.check(model)
    model.sort_by(None)
    qtmodeltester.check(model)


def test_the_history_and_check_in_models_pass_qtmodeltester(store, app, qtmodeltester):
    """Every list model of the app, not only the paged one."""
    from desktop.store.queries import checkin, history
    from desktop.ui.history import HistoryModel
    from desktop.ui.screens.checkin import MatchesModel

    office = store.insert("offices", {"name": "Офіс"})["id"]
    person = store.insert("people", {"last_name": "Шевчук", "first_name": "Олена",
                                     "gender": "female"})["id"]
    store.update("people", person, {"phone": "+380671234567"})
    event = store.insert("events", {"title": "Збори", "office_id": office, "kind": "meeting",
                                    "starts_at": "2026-11-20T10:00"})["id"]
    entries = history.recent_changes(store.conn, store.device_id)
    qtmodeltester.check(HistoryModel(entries, with_record=True))
    matches = MatchesModel()
    matches.set_matches(checkin.find_people(store.conn, "Шев", event).matches)
    assert matches.rowCount() == 1
    qtmodeltester.check(matches)
