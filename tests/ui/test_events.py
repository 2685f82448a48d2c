"""The Events screen against a real store: the calendar list, the form, delete and undo,
and the attendance counts of one event."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from desktop.store.ids import attendance_id


def type_text(widget, text: str) -> None:
    """Type any text (QTest only types Latin letters): one key event per character."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     ch))


@pytest.fixture
def calendar(store, offices):
    """Events of Десна (two coming, one past, stored as UTC like synced ones) and one of
    Стадниця; attendance at the first with a mix of genders."""
    desna, stadnytsia = offices["Десна"], offices["Стадниця"]
    store.set_meta("office_id", desna)
    today = date.today()

    def at(days: int, hour: int) -> str:
        return datetime.combine(today + timedelta(days=days),
                                datetime.min.time()).replace(hour=hour).isoformat(
                                    timespec="minutes")

    ids = {
        "hearing": store.insert("events", {
            "title": "Громадські слухання щодо бюджету", "kind": "public_hearing",
            "office_id": desna, "starts_at": at(2, 15), "ends_at": at(2, 17),
            "capacity": 40, "status": "planned"})["id"],
        "training": store.insert("events", {
            "title": "Тренінг для ОСББ", "kind": "training", "office_id": desna,
            "starts_at": f"{at(9, 8)}Z"})["id"],
        "past": store.insert("events", {
            "title": "Форум громади", "kind": "forum", "office_id": desna,
            "starts_at": at(-20, 10), "status": "held"})["id"],
        "other": store.insert("events", {
            "title": "Зустріч у Стадниці", "kind": "meeting", "office_id": stadnytsia,
            "starts_at": at(1, 11)})["id"],
    }
    for i, (gender, status) in enumerate((("female", "attended"), ("female", "attended"),
                                          ("male", "attended"), ("male", "no_show"),
                                          (None, "registered"), ("other", "attended"))):
        person = store.insert("people", {"last_name": f"Учасник{i}", "first_name": "Тест",
                                         "gender": gender})["id"]
        store.insert("attendance", {"id": attendance_id(person, ids["hearing"]),
                                    "event_id": ids["hearing"], "person_id": person,
                                    "status": status})
    return ids


@pytest.fixture
def screen(window, calendar, qtbot):
    window.show_screen("events")
    screen = window.current_screen()
    assert screen.key == "events"
    return screen


def titles(screen) -> list[str]:
    return [screen.model.row_values(r)["title"] for r in range(screen.model.rowCount())]


def test_upcoming_events_of_this_office_come_first(screen, calendar):
    assert titles(screen) == ["Громадські слухання щодо бюджету", "Тренінг для ОСББ"]
    assert screen.office.currentData() == screen.ctx.office_id


def test_filters_by_period_office_type_and_title(screen, calendar, qtbot):
    screen.period.setCurrentIndex(screen.period.findData("past"))
    assert titles(screen) == ["Форум громади"]
    screen.period.setCurrentIndex(screen.period.findData("all"))
    assert titles(screen) == ["Громадські слухання щодо бюджету", "Тренінг для ОСББ",
                              "Форум громади"]
    screen.period.setCurrentIndex(screen.period.findData("next_30_days"))
    screen.office.setCurrentIndex(0)  # all offices
    assert titles(screen)[0] == "Зустріч у Стадниці"
    assert len(titles(screen)) == 3
    screen.kind.setCurrentIndex(screen.kind.findData("training"))
    assert titles(screen) == ["Тренінг для ОСББ"]
    screen.kind.setCurrentIndex(0)
    type_text(screen.search, "БЮДЖ")  # any case
    screen.apply_filters()  # what the short typing pause does
    assert titles(screen) == ["Громадські слухання щодо бюджету"]


def test_create_an_event_through_the_form(screen, calendar, qtbot, store):
    before = store.count("events")
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert screen.panel.currentWidget() is screen.form_page
    form = screen.form
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.field("title").control)
    type_text(form.field("title").control, "Обговорення проєкту «Сквер»")
    form.field("kind").set_value("discussion")
    starts = form.field("starts_at")
    qtbot.keyClicks(starts.date_edit, "05.12.2026")
    qtbot.keyClicks(starts.time_edit, "1430")
    ends = form.field("ends_at")
    qtbot.keyClicks(ends.date_edit, "5.12.2026")
    qtbot.keyClicks(ends.time_edit, "16:00")
    form.field("capacity").set_value(25)
    assert screen.save_button.isEnabled()
    qtbot.keyClick(form.field("title").control, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)
    assert store.count("events") == before + 1
    event = store.conn.execute(
        "SELECT title, kind, starts_at, ends_at, capacity, office_id, status, "
        "organiser_office_id FROM events WHERE title LIKE 'Обговорення%'").fetchone()
    assert event == ("Обговорення проєкту «Сквер»", "discussion", "2026-12-05T14:30",
                     "2026-12-05T16:00", 25, screen.ctx.office_id, "planned",
                     screen.ctx.office_id)
    assert screen.panel.currentWidget() is screen.details_page
    assert screen.detail_title.text() == "Обговорення проєкту «Сквер»"


def test_an_invalid_event_is_refused_with_the_fields_named(screen, calendar, store):
    before = store.count("events")
    screen.new_record()
    form = screen.form
    form.field("kind").set_value("forum")
    form.field("starts_at").set_value("2026-12-05T14:30")
    form.field("ends_at").set_value("2026-12-05T12:00")
    assert not screen.save_button.isEnabled()
    assert screen.save() is False
    errors = form.errors()
    assert errors["title"] == "Заповніть поле «Назва»"
    assert "«Завершення»" in errors["ends_at"] and "«Початок»" in errors["ends_at"]
    assert store.count("events") == before
    assert screen.panel.currentWidget() is screen.form_page
    # a time that is not a time is named too
    form.field("starts_at").time_edit.setText("25:00")
    assert "starts_at" in form.errors() and "25:00" in form.errors()["starts_at"]


def test_editing_keeps_an_untouched_utc_start_as_stored(screen, calendar, store, qtbot):
    screen.show_event(calendar["training"])
    screen.edit_current()
    form = screen.form
    assert form.field("title").value() == "Тренінг для ОСББ"
    form.field("title").control.setText("Тренінг для голів ОСББ")
    assert screen.save() is True
    event = store.get("events", calendar["training"])
    assert event["title"] == "Тренінг для голів ОСББ"
    assert event["starts_at"].endswith("Z")  # not rewritten as local time
    assert event["version"] == 2


def test_escape_cancels_the_form_without_saving(screen, calendar, store, qtbot):
    screen.show_event(calendar["hearing"])
    screen.view.setFocus()
    qtbot.waitUntil(screen.view.hasFocus)
    qtbot.keyClick(screen.view, Qt.Key.Key_F2)
    assert screen.panel.currentWidget() is screen.form_page
    screen.form.field("title").control.setText("Інша назва")
    qtbot.keyClick(screen.form.field("title").control, Qt.Key.Key_Escape)
    assert screen.panel.currentWidget() is screen.details_page
    assert store.get("events", calendar["hearing"])["title"] == \
        "Громадські слухання щодо бюджету"


def test_delete_asks_first_and_can_be_undone(screen, calendar, store, monkeypatch, qtbot):
    asked = []
    monkeypatch.setattr(screen, "confirm_delete",
                        lambda title, people: asked.append((title, people)) or False)
    screen.show_event(calendar["hearing"])
    screen.delete_button.click()
    assert asked == [("Громадські слухання щодо бюджету", 6)]
    assert store.get("events", calendar["hearing"]) is not None  # answered "no"
    monkeypatch.setattr(screen, "confirm_delete", lambda title, people: True)
    screen.view.setFocus()
    qtbot.waitUntil(screen.view.hasFocus)
    qtbot.keyClick(screen.view, Qt.Key.Key_Delete)
    assert store.get("events", calendar["hearing"]) is None
    assert "Громадські слухання щодо бюджету" not in titles(screen)
    assert not screen.undo_banner.isHidden()
    qtbot.keyClick(screen.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.get("events", calendar["hearing"]) is not None
    assert "Громадські слухання щодо бюджету" in titles(screen)
    assert screen.undo_banner.isHidden()


def test_details_count_attendance_by_gender(screen, calendar, qtbot):
    with qtbot.waitSignal(screen.counts_loaded, timeout=5000):
        screen.show_event(calendar["hearing"])
    counts = screen.attendance.counts
    assert counts.count("attended") == 4
    assert counts.count("attended", "female") == 2
    assert counts.count("attended", "male") == 1
    assert counts.count("attended", "other") == 1
    assert counts.count("no_show", "male") == 1
    assert counts.count("registered", "not_stated") == 1
    assert screen.attendance.cells[("attended", "total")].text() == "4"
    assert screen.attendance.cells[("attended", "female")].text() == "2"
    assert screen.feedback.answers == 0
