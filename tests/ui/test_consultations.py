"""Consultations: create and check, paper submissions, the authority's response read-only at an
office, search and delete with undo - against a real store, driving the real widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.store.syncstate import ROLE


@pytest.fixture
def desna(store, offices):
    store.set_meta("office_id", offices["Десна"])
    store.set_meta("staff_id", offices["Коваленко Олена Петрівна"])
    return offices["Десна"]


@pytest.fixture
def screen(ctx, qtbot, desna):
    from desktop.ui.screens.consultations import ConsultationsScreen

    widget = ConsultationsScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1130, 680)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _consultation(store, office_id, **values):
    row = {"title": "Бюджет громади на 2027 рік", "authority": "Виконавчий комітет",
           "level": "consultation", "method": "public_hearing", "opens_on": "2026-10-01",
           "closes_on": "2026-10-31", "status": "open", "office_id": office_id, **values}
    return store.insert("consultations", row)["id"]


def _type(edit, text):
    edit.end(False)
    edit.insert(text)  # QTest cannot type Cyrillic; insert() is what typing does


def test_new_consultation_is_saved(screen, qtbot, store, desna):
    editor = screen.consultations
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    form = editor.form
    _type(form.field("title").control, "Правила благоустрою")
    _type(form.field("authority").control, "Департамент житлового господарства")
    level = form.field("level").control
    level.setCurrentIndex(level.findData("dialogue"))
    qtbot.keyClicks(form.field("opens_on").control, "01.11.2026")
    qtbot.keyClicks(form.field("closes_on").control, "30.11.2026")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    rows = store.conn.execute("SELECT title, level, opens_on, closes_on, status, office_id "
                              "FROM consultations WHERE deleted = 0").fetchall()
    assert rows == [("Правила благоустрою", "dialogue", "2026-11-01", "2026-11-30", "planned",
                     desna)]
    assert editor.model.rowCount() == 1 and editor.current_id is not None


def test_closing_before_opening_and_missing_title_are_refused(screen, qtbot, store):
    editor = screen.consultations
    editor.new()
    form = editor.form
    _type(form.field("authority").control, "Міська рада")
    level = form.field("level").control
    level.setCurrentIndex(level.findData("information"))
    qtbot.keyClicks(form.field("opens_on").control, "10.11.2026")
    qtbot.keyClicks(form.field("closes_on").control, "01.11.2026")
    assert editor.save() is False
    errors = form.errors()
    assert errors["title"] == "Заповніть поле «Назва»"
    assert errors["closes_on"] == "«Дата завершення» не може бути раніше, ніж «Дата початку»"
    assert store.count("consultations") == 0


def test_paper_submission_is_added_to_the_chosen_consultation(screen, qtbot, store, desna):
    consultation = _consultation(store, desna)
    screen.refresh()
    editor = screen.consultations
    assert editor.current_id == consultation  # the first one is opened
    editor.tabs.setCurrentWidget(editor.submissions)
    panel = editor.submissions
    assert panel.isEnabled()
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    panel.form.field("text").control.insertPlainText("Прошу передбачити кошти на освітлення")
    assert panel.form.field("received_via").value() == "paper"
    assert panel.form.field("received_on").value() == date.today().strftime("%d.%m.%Y")
    assert panel.save()
    rows = store.conn.execute(
        "SELECT consultation_id, text, received_via, received_on, office_id, person_id "
        "FROM submissions WHERE deleted = 0").fetchall()
    assert rows == [(consultation, "Прошу передбачити кошти на освітлення", "paper",
                     date.today().isoformat(), desna, None)]
    assert panel.model.rowCount() == 1
    assert editor.tabs.tabText(1).endswith("(1)")


def test_submission_response_is_read_only_at_an_office(screen, qtbot, store, desna):
    consultation = _consultation(store, desna)
    submission = store.insert("submissions", {
        "consultation_id": consultation, "text": "Пропозиція", "received_via": "in_person",
        "received_on": "2026-10-05", "office_id": desna,
        "response": "Враховано частково", "responded_on": "2026-11-10"})["id"]
    screen.show_item({"table": "submissions", "id": submission})
    panel = screen.consultations.submissions
    assert panel.current_id == submission
    response = panel.form.field("response")
    assert response.edit.isReadOnly() and panel.form.field("responded_on").edit.isReadOnly()
    text = panel.form.field("text").control
    text.moveCursor(text.textCursor().MoveOperation.End)
    text.insertPlainText(" (уточнено)")
    assert panel.save()
    row = store.get("submissions", submission)
    assert row["text"].endswith("(уточнено)") and row["response"] == "Враховано частково"

    store.set_meta(ROLE, "council")
    panel.load(submission)
    assert not response.edit.isReadOnly()
    response.edit.clear()
    response.edit.insertPlainText("Враховано повністю")
    assert panel.save()
    assert store.get("submissions", submission)["response"] == "Враховано повністю"


def test_search_ignores_case_and_filters_by_level(screen, store, desna):
    _consultation(store, desna, title="Схема санітарного очищення", level="information")
    _consultation(store, desna, title="Маршрутна мережа", authority="Департамент енергетики",
                  level="dialogue")
    editor = screen.consultations
    editor.refresh()

    def titles():
        return [editor.model.row_values(r)["title"] for r in range(editor.model.rowCount())]

    editor.search.setText("ДЕПАРТАМЕНТ")
    editor.reload_list()
    assert titles() == ["Маршрутна мережа"]
    editor.search.setText("")
    editor.level.setCurrentIndex(editor.level.findData("information"))
    assert titles() == ["Схема санітарного очищення"]


def test_delete_consultation_with_undo(screen, qtbot, store, desna, monkeypatch):
    consultation = _consultation(store, desna)
    editor = screen.consultations
    editor.refresh()
    monkeypatch.setattr(editor, "confirm_delete", lambda text: True)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert store.get("consultations", consultation) is None
    qtbot.mouseClick(editor.undo_bar.button, Qt.MouseButton.LeftButton)
    assert store.get("consultations", consultation) is not None
    assert editor.current_id == consultation


def test_every_control_has_an_accessible_name(screen, store, desna):
    _consultation(store, desna)
    screen.refresh()
    for tab in range(screen.tabs.count()):
        screen.tabs.setCurrentIndex(tab)
        nameless = [w for w in screen.findChildren(QWidget)
                    if w.isVisibleTo(screen) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
                    and not w.accessibleName() and w.metaObject().className() not in (
                        "QScrollBar", "QSplitterHandle")
                    and not (w.parentWidget() and w.parentWidget().focusProxy() is w)]
        assert [w.metaObject().className() for w in nameless] == []


def test_each_submission_shows_the_authoritys_term(screen, store, desna):
    from datetime import timedelta

    from desktop.domain import deadlines

    consultation = _consultation(store, desna)
    old = (date.today() - timedelta(days=60))
    late = store.insert("submissions", {
        "consultation_id": consultation, "text": "Прошу освітлення", "received_via": "paper",
        "received_on": old.isoformat(), "office_id": desna})["id"]
    answered = store.insert("submissions", {
        "consultation_id": consultation, "text": "Лавки біля ставу", "received_via": "paper",
        "received_on": old.isoformat(), "office_id": desna, "response": "Враховано",
        "responded_on": date.today().isoformat()})["id"]
    screen.refresh()
    panel = screen.consultations.submissions
    model = panel.model
    cells = {model.record_id(r): model.data(model.index(r, 4)) for r in range(model.rowCount())}
    due = deadlines.due_date(old, deadlines.DEFAULT_PERIODS["submission"])
    assert cells[late] == "⚠ " + due.strftime("%d.%m.%Y")
    assert cells[answered] == due.strftime("%d.%m.%Y")
