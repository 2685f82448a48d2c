"""The check-in desk against a real store, driven only by key presses."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.domain.consent import ANONYMOUS_FIRST_NAME, ANONYMOUS_LAST_NAME
from desktop.domain.names import full_name
from desktop.store.ids import attendance_id
from desktop.ui import theme
from desktop.ui.screens.checkin import PERSON_ROLE


class Keys:
    """Key presses sent to widgets, counted (the "at most four keystrokes" promise)."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def press(self, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.qtbot.keyClick(widget, key, modifier)

    @staticmethod
    def type(widget, text: str) -> None:
        """Type text, Cyrillic included (QTest can only type Latin letters): one key event
        per character, carrying the character, as a keyboard does. Not counted: this is
        the name fragment itself."""
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                         ch))


@pytest.fixture
def keys(qtbot) -> Keys:
    return Keys(qtbot)


@pytest.fixture
def desk(store, offices):
    """Today's event at Десна and some villagers: three Ков… people and two others."""
    office = offices["Десна"]
    store.set_meta("office_id", office)
    now = datetime.now().replace(second=0, microsecond=0)
    village = store.insert("settlements", {"name": "Десна", "kind": "village"})["id"]
    event = store.insert("events", {
        "title": "Громадські слухання щодо бюджету", "kind": "public_hearing",
        "office_id": office, "starts_at": (now - timedelta(minutes=10)).isoformat(),
        "capacity": 30})["id"]
    later = store.insert("events", {
        "title": "Тренінг для ОСББ", "kind": "training", "office_id": office,
        "starts_at": (now + timedelta(days=3)).isoformat()})["id"]
    people = {}
    for last, first, gender, year, phone in (
        ("Коваленко", "Олена", "female", 1975, "+380671112233"),
        ("Ковальчук", "Петро", "male", 1960, "+380501234567"),
        ("Ковтун", "Ірина", "female", 1990, None),
        ("Шевченко", "Тарас", "male", 1985, "+380931112244"),
        ("Мельник", "Марʼяна", "not_stated", 2001, None),
    ):
        people[last] = store.insert("people", {
            "last_name": last, "first_name": first, "gender": gender, "birth_year": year,
            "phone": phone, "settlement_id": village, "office_id": office})["id"]
    return {"event": event, "later": later, "office": office, "village": village, **people}


@pytest.fixture
def screen(window, desk, qtbot):
    window.show_screen("checkin")
    screen = window.current_screen()
    assert screen.key == "checkin"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.search)
    return screen


def attendance(store, person_id: str, event_id: str) -> dict | None:
    return store.get("attendance", attendance_id(person_id, event_id), include_deleted=True)


def test_todays_event_is_chosen_and_the_search_line_has_the_cursor(screen, desk):
    assert screen.event_id == desk["event"]
    assert screen.event_combo.currentData() == desk["event"]
    assert QApplication.focusWidget() is screen.search


def test_a_name_fragment_and_enter_check_in_the_top_match(screen, desk, keys, store):
    keys.type(screen.search, "Ков")
    assert [m.last_name for m in screen.matches] == ["Коваленко", "Ковальчук", "Ковтун"]
    keys.press(screen.search, Qt.Key.Key_Return)
    assert keys.count <= 4
    row = attendance(store, desk["Коваленко"], desk["event"])
    assert row["status"] == "attended" and row["role"] == "participant"
    assert row["checked_in_at"].startswith(datetime.now().date().isoformat())
    assert not row["deleted"]
    assert screen.search.text() == ""  # ready for the next villager
    assert QApplication.focusWidget() is screen.search


def test_down_down_enter_checks_in_the_third_match_within_four_keystrokes(
        screen, desk, keys, store):
    keys.type(screen.search, "ков")  # lower case matches too
    keys.press(screen.search, Qt.Key.Key_Down)
    keys.press(screen.search, Qt.Key.Key_Down)
    keys.press(screen.search, Qt.Key.Key_Enter)
    assert keys.count == 3
    assert attendance(store, desk["Ковтун"], desk["event"])["status"] == "attended"
    assert attendance(store, desk["Коваленко"], desk["event"]) is None
    assert attendance(store, desk["Ковальчук"], desk["event"]) is None


def test_phone_digits_and_apostrophe_variants_find_people(screen, desk, keys):
    keys.type(screen.search, "093111")
    assert [m.id for m in screen.matches] == [desk["Шевченко"]]
    screen.search.clear()
    keys.type(screen.search, "МАР'Я")  # typed with a plain apostrophe, in capitals
    assert [m.id for m in screen.matches] == [desk["Мельник"]]
    screen.search.clear()
    keys.type(screen.search, "+38067111")
    assert [m.id for m in screen.matches] == [desk["Коваленко"]]


def test_three_people_and_a_walk_in_are_counted_by_gender(screen, desk, keys, store):
    for fragment in ("Коваленко", "Шев", "Мельн"):
        keys.type(screen.search, fragment)
        keys.press(screen.search, Qt.Key.Key_Return)
    # a walk-in: nobody matches, so Enter opens the short form prefilled with the surname
    keys.type(screen.search, "Бондаренко")
    assert screen.matches == []
    keys.press(screen.search, Qt.Key.Key_Return)
    assert screen.walkin_open()
    form = screen.walkin_form
    assert form.field("last_name").value() == "Бондаренко"
    assert QApplication.focusWidget() is form.field("first_name").control
    keys.type(form.field("first_name").control, "Ганна")
    keys.press(form.field("first_name").control, Qt.Key.Key_Tab)  # patronymic
    keys.press(QApplication.focusWidget(), Qt.Key.Key_Tab)  # gender
    assert QApplication.focusWidget() is form.field("gender").control
    keys.press(form.field("gender").control, Qt.Key.Key_Down)  # "—" -> Жінка
    assert form.field("gender").value() == "female"
    keys.press(form.field("gender").control, Qt.Key.Key_Tab)  # birth year
    keys.type(form.field("birth_year").control, "1980")
    # No consent ticked: the form says before saving what will (not) be kept.
    assert screen.no_consent_note.isVisible() and "не збережуться" in \
        screen.no_consent_note.text()
    keys.press(form.field("birth_year").control, Qt.Key.Key_Return)  # save and check in
    assert not screen.walkin_open()
    assert store.conn.execute("SELECT count(*) FROM people WHERE last_name = 'Бондаренко'"
                              ).fetchone()[0] == 0
    created = store.conn.execute(
        "SELECT id, gender, birth_year, age_group, office_id, phone, first_name FROM people "
        "WHERE last_name = ?", (ANONYMOUS_LAST_NAME,)).fetchall()
    assert len(created) == 1
    person_id, gender, year, group, office, phone, first = created[0]
    assert (gender, year, group, office, phone) == ("female", None, "36_59", desk["office"],
                                                    None)
    assert first == ANONYMOUS_FIRST_NAME
    assert attendance(store, person_id, desk["event"])["status"] == "attended"

    counts = screen.counts
    assert counts.count("attended") == 4
    assert counts.count("attended", "female") == 2
    assert counts.count("attended", "male") == 1
    assert counts.count("attended", "not_stated") == 1
    assert counts.count("attended", "other") == 0
    assert "4" in screen.total_label.text() and "30" in screen.total_label.text()
    assert screen.checked_list.count() == 4
    assert QApplication.focusWidget() is screen.search


def test_a_walk_in_with_a_known_phone_is_offered_the_existing_person(
        screen, desk, keys, store):
    before = store.count("people")
    keys.press(screen.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert screen.walkin_open()
    form = screen.walkin_form
    keys.type(form.field("last_name").control, "Коваленко-Нова")
    form.field("first_name").control.setFocus()
    keys.type(form.field("first_name").control, "Олена")
    form.field("phone").control.setFocus()
    keys.type(form.field("phone").control, "067 111 22 33")
    qtbot_wait = screen.check_duplicates()  # what the short timer does after typing
    assert [d.person.id for d in qtbot_wait] == [desk["Коваленко"]]
    assert qtbot_wait[0].reasons == ("phone",)
    assert not screen.duplicate_box.isHidden()
    # Save: the form does not create anyone yet, it points at the possible duplicate
    keys.press(form.field("phone").control, Qt.Key.Key_Return)
    assert screen.walkin_open()
    assert store.count("people") == before
    assert QApplication.focusWidget() is screen.duplicate_list
    keys.press(screen.duplicate_list, Qt.Key.Key_Return)  # "yes, it is her"
    assert not screen.walkin_open()
    assert store.count("people") == before
    assert attendance(store, desk["Коваленко"], desk["event"])["status"] == "attended"


def test_same_name_and_birth_year_is_a_possible_duplicate_too(screen, desk, keys, store):
    screen.open_walkin("шевченко тарас")
    form = screen.walkin_form
    assert form.field("first_name").value() == "Тарас"
    form.field("birth_year").set_value(1985)
    found = screen.check_duplicates()
    assert [(d.person.id, d.reasons) for d in found] == [(desk["Шевченко"], ("name",))]
    # another birth year: a namesake, not a duplicate
    form.field("birth_year").set_value(1986)
    assert screen.check_duplicates() == []


def test_saving_twice_registers_a_different_person_with_the_same_phone(
        screen, desk, keys, store):
    before = store.count("people")
    screen.open_walkin("Гнатюк Ольга 0671112233")
    form = screen.walkin_form
    assert form.field("phone").value() == "0671112233"
    assert screen.save() is True  # Ctrl+S: first time shows the duplicate
    assert store.count("people") == before
    screen.save()  # second time: it is someone else (a daughter with her mother's phone)
    assert store.count("people") == before + 1
    assert screen.counts.count("attended") == 1


def test_consent_is_recorded_with_method_and_text_version(screen, desk, keys, store):
    screen.open_walkin("Литвин Богдан")
    screen.consent.setChecked(True)
    assert screen.walkin_form.field("consent_method").value() == "paper"
    screen.save()
    person = store.conn.execute(
        "SELECT consent_given_at, consent_method, consent_text_version FROM people "
        "WHERE last_name = 'Литвин'").fetchone()
    assert person[0] and person[1:] == ("paper", "2024-01")


def test_a_second_enter_on_someone_checked_in_changes_nothing(screen, desk, keys, store):
    keys.type(screen.search, "Шевч")
    keys.press(screen.search, Qt.Key.Key_Return)
    first = attendance(store, desk["Шевченко"], desk["event"])
    keys.type(screen.search, "Шевч")
    assert screen.matches[0].checked_in
    keys.press(screen.search, Qt.Key.Key_Return)
    again = attendance(store, desk["Шевченко"], desk["event"])
    assert again["version"] == first["version"]
    assert again["checked_in_at"] == first["checked_in_at"]
    assert screen.search.text() == "Шевч"  # kept, to choose someone else with Down
    assert screen.counts.count("attended") == 1
    assert screen.message.text()


def test_ctrl_z_undoes_the_last_check_in(screen, desk, keys, store):
    keys.type(screen.search, "Ковальч")
    keys.press(screen.search, Qt.Key.Key_Return)
    assert screen.counts.count("attended") == 1
    keys.press(screen.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    row = attendance(store, desk["Ковальчук"], desk["event"])
    assert row["deleted"] == 1
    assert screen.counts.count("attended") == 0
    assert not screen.undo_button.isEnabled()
    # checking in again brings the same record back
    keys.type(screen.search, "Ковальч")
    keys.press(screen.search, Qt.Key.Key_Return)
    row = attendance(store, desk["Ковальчук"], desk["event"])
    assert (row["deleted"], row["status"]) == (0, "attended")


def test_undo_of_a_registered_persons_check_in_restores_the_registration(
        screen, desk, keys, store):
    registered = store.insert("attendance", {
        "id": attendance_id(desk["Ковтун"], desk["event"]), "event_id": desk["event"],
        "person_id": desk["Ковтун"], "status": "registered", "role": "speaker"})
    screen.refresh()
    keys.type(screen.search, "ір")  # first name; registered people come first
    assert screen.matches[0].id == desk["Ковтун"]
    keys.press(screen.search, Qt.Key.Key_Return)
    row = attendance(store, desk["Ковтун"], desk["event"])
    assert (row["status"], row["role"]) == ("attended", "speaker")
    screen.undo_last()
    row = attendance(store, desk["Ковтун"], desk["event"])
    assert (row["status"], row["checked_in_at"], row["deleted"]) == ("registered", None, 0)
    assert row["version"] == registered["version"] + 2


def test_opening_check_in_from_the_events_screen_switches_event(window, desk, qtbot):
    window.show_screen("events")
    events = window.current_screen()
    events.show_event(desk["later"])
    events.checkin_button.click()
    screen = window.current_screen()
    assert screen.key == "checkin"
    assert screen.event_id == desk["later"]
    assert screen.event_combo.currentData() == desk["later"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.search)


def test_the_event_is_switched_with_the_keyboard_and_the_cursor_comes_back(
        screen, desk, keys, qtbot, store, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    screen.event_combo.setFocus()
    qtbot.waitUntil(screen.event_combo.hasFocus)
    keys.press(screen.event_combo, Qt.Key.Key_Down)
    assert screen.event_id == desk["later"]
    assert screen.event_combo.hasFocus()  # arrows only switch; the cursor stays
    keys.press(screen.event_combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.search)
    keys.type(screen.search, "Ковт")
    keys.press(screen.search, Qt.Key.Key_Return)
    assert attendance(store, desk["Ковтун"], desk["later"])["status"] == "attended"
    assert attendance(store, desk["Ковтун"], desk["event"]) is None
    assert len(asked) == 1 and "починається" in asked[0]  # three days ahead: confirmed once


def test_an_event_days_ahead_asks_once_and_no_means_nobody(screen, desk, keys, store,
                                                          monkeypatch):
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or answers.pop(0))
    screen.set_event(desk["later"])
    keys.type(screen.search, "Ковт")
    keys.press(screen.search, Qt.Key.Key_Return)
    assert attendance(store, desk["Ковтун"], desk["later"]) is None
    assert "Нікого не відмічено" in screen.message.text()
    keys.press(screen.search, Qt.Key.Key_Return)  # yes this time
    assert attendance(store, desk["Ковтун"], desk["later"])["status"] == "attended"
    screen.search.clear()
    keys.type(screen.search, "Шев")
    keys.press(screen.search, Qt.Key.Key_Return)  # not asked again for this event
    assert len(asked) == 2
    # Today's event asks nothing.
    screen.set_event(desk["event"])
    screen.search.clear()
    keys.type(screen.search, "Мельн")
    keys.press(screen.search, Qt.Key.Key_Return)
    assert len(asked) == 2


def test_a_check_in_never_reorders_the_results_under_the_cursor(screen, desk, keys, store):
    """The same keystrokes pick the same person every time, whoever was checked in."""
    keys.type(screen.search, "Ко")
    before = [m.id for m in screen.matches]
    assert len(before) >= 3
    keys.press(screen.search, Qt.Key.Key_Down)
    keys.press(screen.search, Qt.Key.Key_Down)
    keys.press(screen.search, Qt.Key.Key_Return)  # the third person, not registered
    third = before[2]
    assert attendance(store, third, desk["event"])["status"] == "attended"
    screen.search.clear()
    keys.type(screen.search, "Ко")
    assert [m.id for m in screen.matches] == before
    assert screen.matches[2].checked_in  # marked, not moved
    model = screen.results_model
    colours = [model.data(model.index(row, column), Qt.ItemDataRole.ForegroundRole)
               for row in range(3) for column in range(5)]
    assert colours[:10] == [None] * 10  # the row in the success colour, the others not
    assert {QBrush(colour).color().name() for colour in colours[10:]} == \
        {theme.success_color().name()}
    assert "✓" in model.data(model.index(2, 4))


def test_a_scanned_qr_code_checks_the_person_in_with_one_enter(screen, desk, keys, store):
    keys.type(screen.search, desk["Ковтун"])  # a USB scanner types the id like a keyboard
    keys.press(screen.search, Qt.Key.Key_Return)
    assert attendance(store, desk["Ковтун"], desk["event"])["status"] == "attended"
    keys.type(screen.search, "01a2c3d4-0000-7000-8000-000000000009")
    keys.press(screen.search, Qt.Key.Key_Return)
    assert "не є людиною" in screen.message.text()
    assert not screen.walkin_open()


def test_results_are_a_model_whose_rows_stay_when_the_same_people_match(screen, desk, keys):
    """A letter that changes nothing rewrites nothing; fewer matches take rows off the end;
    the rows that stay are rewritten in place when their person changes, never removed and
    made again (the rows under the operator's cursor stay put)."""
    model = screen.results_model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    moved, changes = [], []
    for signal in (model.modelReset, model.rowsRemoved, model.rowsInserted,
                   model.layoutChanged):
        signal.connect(lambda *_: moved.append(1))
    model.dataChanged.connect(lambda *_: changes.append(1))
    keys.type(screen.search, "Ков")
    first = [m.id for m in model.matches]
    assert len(first) == 3 and moved
    moved.clear()
    changes.clear()
    screen.run_search()  # the same text again: the same people, nothing to rewrite
    assert moved == [] and changes == []
    assert model.rowCount() == 3 and model.columnCount() == 5
    assert model.data(model.index(0, 0)).startswith("Коваленко")
    assert model.data(model.index(0, 0), PERSON_ROLE) == first[0]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Прізвище, імʼя, по батькові"
    rows = [QPersistentModelIndex(model.index(row, 0)) for row in range(3)]
    keys.type(screen.search, "а")  # "Кова": fewer people, taken off the end
    kept = model.rowCount()
    assert 0 < kept < 3
    assert [r.row() for r in rows[:kept]] == list(range(kept))
    assert not any(r.isValid() for r in rows[kept:])
    assert [model.data(model.index(row, 0)) for row in range(kept)] == \
        [full_name(m.last_name, m.first_name, m.patronymic) for m in screen.matches]
    assert [model.data(model.index(row, 0), PERSON_ROLE) for row in range(kept)] == \
        [m.id for m in screen.matches]


def test_the_list_stays_put_while_the_hint_and_the_count_change(screen, desk, keys, store):
    """The hint above the list says something else on almost every key (two lines before
    the first, "Enter checks in", "type one more letter", "nobody found ... register",
    "more than shown"), and the matches go from none to more than the screen holds; the list
    never moves and its columns never shift sideways, so the row the operator is reading
    stays where it was, and a key does not lay the whole desk out again (issue 11)."""
    for n in range(25):
        store.insert("people", {"last_name": f"Шевчук{n:02d}", "first_name": "Іван",
                                "gender": "male"})

    def where() -> tuple[int, int, int]:
        QApplication.processEvents()
        header = screen.results.horizontalHeader()
        return (screen.area.mapTo(screen, QPoint(0, 0)).y(), screen.results.viewport().width(),
                header.sectionPosition(header.count() - 1))

    place = where()
    hints = {screen.results_hint.text()}
    counts = set()
    for text in ("Ков", "Коваленко", "К", "Жмуд", "Шевч", "Шевчук0"):
        screen.search.clear()
        keys.type(screen.search, text)
        assert where() == place, text
        hints.add(screen.results_hint.text())
        counts.add(screen.results_model.rowCount())
    assert len(hints) == 5  # five different hints, one place for the list
    assert {0, 20} <= counts  # from none to a full page, the same columns


def test_a_renamed_person_on_the_list_is_found_by_the_new_name(window, desk, qtbot, store):
    """The desk keeps the event's list with its words between key presses; a name corrected
    elsewhere (another screen, a pull) reaches it with the data-changed signal."""
    store.insert("attendance", {"event_id": desk["event"], "person_id": desk["Шевченко"],
                                "status": "registered"})
    window.show_screen("checkin")
    screen = window.current_screen()
    screen.search.setText("Шев")
    assert [m.id for m in screen.matches] == [desk["Шевченко"]]
    store.update("people", desk["Шевченко"], {"last_name": "Гнатюк"})
    window.ctx.bus.data_changed.emit("people")
    window.show_screen("events")
    window.show_screen("checkin")
    screen.search.setText("Гнат")
    assert [m.id for m in screen.matches] == [desk["Шевченко"]]
    assert screen.matches[0].status == "registered"  # still on the list, first
    screen.search.setText("Шев")
    assert screen.matches == []


def test_a_header_click_sorts_the_matches_and_enter_takes_the_row_shown_first(
        screen, desk, keys, store, qtbot):
    keys.type(screen.search, "Ков")
    header = screen.results.horizontalHeader()
    born = [m.birth_year for m in screen.matches]
    assert born == [1975, 1960, 1990]  # best match (alphabetical here) first
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.viewport().rect().topLeft()
                     + header.sectionViewportPosition(1) * QPoint(1, 0) + QPoint(4, 4))
    assert [m.birth_year for m in screen.matches] == [1960, 1975, 1990]
    shown = [screen.results_model.data(screen.results_model.index(r, 0)) for r in range(3)]
    assert shown[0].startswith("Ковальчук")  # the view shows the order the desk uses
    keys.type(screen.search, "")  # the order holds for the next keystroke's matches
    screen.run_search()
    assert [m.birth_year for m in screen.matches] == [1960, 1975, 1990]
    header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    assert [m.birth_year for m in screen.matches] == [1990, 1975, 1960]
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # a third click: best first
    assert [m.birth_year for m in screen.matches] == born
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    keys.press(screen.search, Qt.Key.Key_Return)  # Enter checks in the first row shown
    assert attendance(store, desk["Ковальчук"], desk["event"])["status"] == "attended"


def test_results_skip_text_shaping_except_for_names_that_need_it(screen, desk, keys, store):
    """The results are drawn without text shaping, most of a keystroke's repaint (issue
    11). Qt's flag would also draw Arabic letters unjoined, so a cell whose text needs
    shaping carries a font that asks for it; the cell gives it up when another person's
    name takes the row."""
    from PySide6.QtGui import QFont, QRawFont, QTextLayout

    store.insert("people", {"last_name": "Ковалевська", "first_name": "سلمى",
                            "gender": "female", "office_id": desk["office"]})
    model = screen.results_model
    view_font = screen.results.font()
    assert view_font.styleStrategy() & QFont.StyleStrategy.PreferNoShaping
    keys.type(screen.search, "Ковал")
    assert [m.last_name for m in screen.matches][:2] == ["Ковалевська", "Коваленко"]
    first = model.index(0, 0)
    cell_font = model.data(first, Qt.ItemDataRole.FontRole)
    assert isinstance(cell_font, QFont)
    drawn_with = cell_font.resolve(view_font)  # what the delegate does with the role
    assert not drawn_with.styleStrategy() & QFont.StyleStrategy.PreferNoShaping
    assert drawn_with.pointSizeF() == view_font.pointSizeF()

    def glyphs(font: QFont, text: str) -> tuple[list[int], list[int]]:
        layout = QTextLayout(text, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        [run] = layout.glyphRuns()  # one run: the font that has the letters
        plain: QRawFont = run.rawFont()
        return sorted(run.glyphIndexes()), sorted(plain.glyphIndexesForString(text))

    shaped, unshaped = glyphs(drawn_with, "سلمى")
    assert 0 not in unshaped, "the test needs a font with Arabic letters (DejaVu Sans)"
    assert shaped != unshaped  # the letters take their joined forms
    assert glyphs(view_font, "سلمى")[0] == unshaped  # what the flag alone would draw
    assert model.data(model.index(1, 0), Qt.ItemDataRole.FontRole) is None
    keys.type(screen.search, "ен")  # "Коваленко" takes the first row
    assert model.data(model.index(0, 0)).startswith("Коваленко")
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole) is None
