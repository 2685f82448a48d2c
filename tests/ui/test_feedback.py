"""Feedback after an event: single keys per answer, saved per row, totals at the top."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

from desktop.store.ids import attendance_id
from desktop.ui.feedback import COMMENT, KNOWLEDGE, RATING, RECOMMEND


def type_text(text: str) -> None:
    """Type any text where the cursor is (QTest only types Latin letters): one key event
    per character, to whichever widget has the focus at that moment, as a keyboard does."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(QApplication.focusWidget(),
                                   QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def held(store, offices):
    """A held event: three participants came, one speaker came, one did not come."""
    office = offices["Десна"]
    store.set_meta("office_id", office)
    start = (datetime.now() - timedelta(days=1)).replace(hour=15, minute=0, second=0,
                                                          microsecond=0)
    event = store.insert("events", {"title": "Громадські слухання", "kind": "public_hearing",
                                    "office_id": office, "status": "held",
                                    "starts_at": start.isoformat()})["id"]
    ids = {"event": event}
    for minute, (name, status, role) in enumerate((
            ("Андрієнко", "attended", "participant"), ("Бойко", "attended", "participant"),
            ("Вовк", "attended", "participant"), ("Гнатюк", "attended", "speaker"),
            ("Дячук", "no_show", "participant"))):
        person = store.insert("people", {"last_name": name, "first_name": "Тест",
                                         "gender": "female"})["id"]
        ids[name] = store.insert("attendance", {
            "id": attendance_id(person, event), "event_id": event, "person_id": person,
            "status": status, "role": role,
            "checked_in_at": (start + timedelta(minutes=minute)).isoformat()})["id"]
    return ids


@pytest.fixture
def dialog(window, held, qtbot):
    window.show_screen("events")
    screen = window.current_screen()
    screen.show_event(held["event"])
    screen.feedback_button.click()
    dialog = screen.feedback_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table)
    return dialog


def test_only_participants_who_came_are_listed(dialog, held):
    assert [r.attendance_id for r in dialog.rows] == [
        held["Андрієнко"], held["Бойко"], held["Вовк"]]
    assert (dialog.table.currentRow(), dialog.table.currentColumn()) == (0, KNOWLEDGE)


def test_feedback_of_two_participants_by_keys_and_the_totals(dialog, held, qtbot, store):
    table = dialog.table
    # Андрієнко: yes, yes, 5, a comment, Enter -> next person
    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_5):
        qtbot.keyClick(table, key)
    assert (table.currentRow(), table.currentColumn()) == (0, COMMENT)
    type_text("Дуже корисно")  # the first letter opens the comment editor
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    # the editor closes on the next turn of the event loop, as after any real key
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert (table.currentRow(), table.currentColumn()) == (1, KNOWLEDGE)
    # leaving the first row saved it
    first = store.get("attendance", held["Андрієнко"])
    assert (first["knowledge_improved"], first["would_recommend"], first["rating"],
            first["feedback_comment"]) == (1, 1, 5, "Дуже корисно")
    # Бойко, in Ukrainian letters: н (no), т (yes), 4; Enter skips the comment
    type_text("н")
    type_text("т")
    qtbot.keyClick(table, Qt.Key.Key_4)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert (table.currentRow(), table.currentColumn()) == (2, KNOWLEDGE)
    second = store.get("attendance", held["Бойко"])
    assert (second["knowledge_improved"], second["would_recommend"], second["rating"],
            second["feedback_comment"]) == (0, 1, 4, None)
    assert second["version"] == 2  # one change for the row, not one per key

    summary = dialog.summary_values
    assert summary.answers == 2
    assert summary.knowledge_improved_pct == 50.0
    assert summary.would_recommend_pct == 100.0
    assert summary.average_rating == 4.5
    text = dialog.summary.text()
    assert "50%" in text and "100%" in text and "4,5" in text and "2" in text
    assert store.get("attendance", held["Вовк"])["version"] == 1  # untouched

    # closing the window: the event's details show the same totals
    events = dialog.parent()
    with qtbot.waitSignal(events.counts_loaded, timeout=5000):
        dialog.reject()
    assert events.feedback == summary


def test_space_clears_an_answer_and_closing_saves_the_row(dialog, held, qtbot, store):
    table = dialog.table
    qtbot.keyClick(table, Qt.Key.Key_1)  # knowledge: yes, moves on
    table.setCurrentCell(0, KNOWLEDGE)
    qtbot.keyClick(table, Qt.Key.Key_Space)  # cleared again
    table.setCurrentCell(0, RECOMMEND)
    qtbot.keyClick(table, Qt.Key.Key_0)
    assert table.currentColumn() == RATING
    qtbot.keyClick(table, Qt.Key.Key_9)  # not a rating: ignored
    assert dialog.rows[0].rating is None
    dialog.reject()  # Close / Esc saves what was entered
    row = store.get("attendance", held["Андрієнко"])
    assert (row["knowledge_improved"], row["would_recommend"], row["rating"]) == (None, 0, None)
