"""Advice visits: a visit with a follow-up reaches the home screen's list, the visitor needs
consent, the list filters by tool and follow-ups due - against a real store."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.store.ids import to_local
from desktop.store.queries import today


@pytest.fixture
def desna(store, offices):
    store.set_meta("office_id", offices["Десна"])
    store.set_meta("staff_id", offices["Бондар Іван Іванович"])
    return offices["Десна"]


@pytest.fixture
def screen(ctx, qtbot, desna):
    from desktop.ui.screens.consultations import ConsultationsScreen

    widget = ConsultationsScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1130, 680)
    widget.show()
    qtbot.waitExposed(widget)
    widget.tabs.setCurrentWidget(widget.visits)
    return widget


@pytest.fixture
def panel(screen):
    return screen.visits


def _visit(store, office_id, **values):
    row = {"office_id": office_id, "visited_at": "2026-03-02T09:15:00.000Z",
           "topic": "Як подати петицію", "tool": "petition", **values}
    return store.insert("visits", row)["id"]


def test_visit_with_a_follow_up_appears_on_today(panel, qtbot, store, desna, offices):
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    form = panel.form
    assert form.field("office_id").value() == desna
    assert form.field("staff_id").value() == offices["Бондар Іван Іванович"]
    form.field("visited_at").set_value("2026-03-02T10:30")
    form.field("topic").control.insert("Збір підписів під петицією")
    tool = form.field("tool").control
    tool.setCurrentIndex(tool.findData("petition"))
    follow_up = date.today() + timedelta(days=3)
    qtbot.keyClicks(form.field("follow_up_on").control, follow_up.strftime("%d.%m.%Y"))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    row = store.conn.execute("SELECT id, visited_at, topic, tool, follow_up_on, staff_id "
                             "FROM visits WHERE deleted = 0").fetchone()
    visit_id, visited_at, topic, tool_code, follow_up_on, staff = row
    assert (topic, tool_code, follow_up_on, staff) == (
        "Збір підписів під петицією", "petition", follow_up.isoformat(),
        offices["Бондар Іван Іванович"])
    assert visited_at.endswith("Z")  # stored in UTC like every moment
    assert to_local(visited_at) == datetime(2026, 3, 2, 10, 30)
    summary = today.summary(store.conn, desna, date.today())
    assert [f.visit_id for f in summary.follow_ups] == [visit_id]
    assert summary.follow_ups[0].topic == "Збір підписів під петицією"
    # The same visit under "follow-ups due" in the list.
    panel.due.setChecked(True)
    assert [panel.model.record_id(r) for r in range(panel.model.rowCount())] == [visit_id]


def test_missing_topic_is_refused_and_named(panel, store):
    panel.new()
    assert panel.save() is False
    assert panel.form.errors()["topic"] == "Заповніть поле «Тема»"
    assert store.count("visits") == 0


def test_visitor_needs_consent(panel, qtbot, store, desna):
    person = store.insert("people", {"last_name": "Сидоренко", "first_name": "Петро",
                                     "gender": "male"})["id"]
    panel.new()
    panel.form.field("topic").control.insert("Громадський бюджет")
    picker = panel.person
    picker.search.insert("сидор")
    picker.run_search()
    picker.results.setCurrentRow(0)
    picker.results.itemActivated.emit(picker.results.item(0))
    assert picker.person_id() == person
    assert panel.save() is False and store.count("visits") == 0
    picker.consent.setChecked(True)
    assert panel.save()
    assert store.conn.execute("SELECT person_id FROM visits").fetchone()[0] == person
    assert store.get("people", person)["consent_text_version"] == "2024-01"


def test_list_filters_by_tool_and_due_follow_ups(panel, store, desna, offices):
    soon = (date.today() + timedelta(days=2)).isoformat()
    long_ago = (date.today() - timedelta(days=90)).isoformat()
    _visit(store, desna, topic="Петиція", tool="petition", follow_up_on=soon)
    _visit(store, desna, topic="Грант", tool="grant", follow_up_on=long_ago)
    _visit(store, desna, topic="ГО", tool="cso_registration")
    _visit(store, offices["Стадниця"], topic="Інший офіс", tool="petition")
    panel.refresh()

    def topics():
        return sorted(panel.model.row_values(r)["topic"] for r in range(panel.model.rowCount()))

    assert topics() == sorted(["ГО", "Грант", "Петиція"])
    panel.tool.setCurrentIndex(panel.tool.findData("petition"))
    assert topics() == ["Петиція"]
    panel.tool.setCurrentIndex(0)
    panel.due.setChecked(True)
    assert topics() == ["Петиція"]
    panel.due.setChecked(False)
    panel.office.setCurrentIndex(panel.office.findData("all"))
    assert topics() == sorted(["ГО", "Грант", "Інший офіс", "Петиція"])


def test_today_follow_up_opens_the_visit(window, store, desna):
    visit = _visit(store, desna, topic="Зателефонувати щодо петиції",
                   follow_up_on=date.today().isoformat())
    window.ctx.bus.navigate.emit("consultations", {"table": "visits", "id": visit})
    screen = window.current_screen()
    assert screen.tabs.currentWidget() is screen.visits
    assert screen.visits.current_id == visit
    assert screen.visits.form.field("topic").value() == "Зателефонувати щодо петиції"


def test_delete_visit_and_undo(panel, qtbot, store, desna, monkeypatch):
    visit = _visit(store, desna)
    panel.refresh()
    assert panel.current_id == visit
    monkeypatch.setattr(panel, "confirm_delete", lambda text: True)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert store.get("visits", visit) is None and panel.model.rowCount() == 0
    panel.undo_bar.undo()
    assert store.get("visits", visit) is not None and panel.current_id == visit
