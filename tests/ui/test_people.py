"""The People screen against a real store: search, edit, consent, delete, merge, duplicates."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QWidget

from desktop.store import duplicates
from desktop.store.ids import attendance_id
from desktop.store.integrity import all_problems


@pytest.fixture
def people(store, offices):
    """Three people of Десна (two of them the same woman), with a history to move."""
    desna = offices["Десна"]
    settlement = store.insert("settlements", {"name": "Десна", "kind": "village"})["id"]
    ids = {"office": desna, "settlement": settlement}
    ids["maryana"] = store.insert("people", {
        "last_name": "Коваль", "first_name": "Марʼяна", "patronymic": "Іванівна",
        "gender": "female", "birth_year": 1980, "age_group": "36_59",
        "phone": "+380671234567", "settlement_id": settlement, "office_id": desna,
        "consent_given_at": "2025-03-10T07:24:39.000Z", "consent_text_version": "2024-01",
        "consent_method": "paper"})["id"]
    ids["twin"] = store.insert("people", {
        "last_name": "Коваль", "first_name": "Мар'яна", "patronymic": "іванівна",
        "gender": "female",
        "birth_year": 1980, "phone": "+380501112233", "email": "maryana@example.com",
        "office_id": desna})["id"]
    ids["petro"] = store.insert("people", {
        "last_name": "Андрієнко", "first_name": "Петро", "gender": "male",
        "office_id": desna})["id"]
    events = [store.insert("events", {"title": f"Зустріч {n}", "kind": "meeting",
                                      "office_id": desna,
                                      "starts_at": f"2026-0{n}-05T10:00"})["id"]
              for n in (1, 2)]
    ids["events"] = events
    for person, event, status in ((ids["maryana"], events[0], "registered"),
                                  (ids["twin"], events[0], "attended"),
                                  (ids["twin"], events[1], "attended")):
        store.insert("attendance", {"id": attendance_id(person, event), "event_id": event,
                                    "person_id": person, "status": status})
    consultation = store.insert("consultations", {"title": "Бюджет", "authority": "Рада",
                                                  "level": "consultation"})["id"]
    org = store.insert("organizations", {"name": "ГО «Молодь»",
                                         "legal_form": "public_organization"})["id"]
    ids["org"] = org
    ids["idea"] = store.insert("ideas", {
        "title": "Освітлення", "description": "Ліхтарі", "channel": "appeal",
        "office_id": desna, "received_on": "2026-01-10", "status": "new",
        "author_person_id": ids["twin"]})["id"]
    ids["visit"] = store.insert("visits", {"office_id": desna, "person_id": ids["twin"],
                                           "visited_at": "2026-01-12T10:00",
                                           "topic": "Петиція"})["id"]
    ids["submission"] = store.insert("submissions", {
        "consultation_id": consultation, "person_id": ids["twin"], "text": "Пропоную",
        "received_via": "paper", "received_on": "2026-01-13"})["id"]
    ids["member"] = store.insert("org_members", {"organization_id": org,
                                                 "person_id": ids["twin"],
                                                 "role": "head"})["id"]
    store.set_meta("office_id", desna)
    return ids


@pytest.fixture
def screen(ctx, qtbot, people):
    from desktop.ui.screens.people import PeopleScreen

    widget = PeopleScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1190, 690)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _ids_shown(screen) -> list[str]:
    return [screen.model.record_id(r) for r in range(screen.model.rowCount())]


def _search(screen, text: str) -> None:
    screen.search.clear()
    screen.search.insert(text)  # QTest cannot type Cyrillic; insert() is what typing does
    screen.apply_search()


def _open(screen, person_id: str) -> None:
    _search(screen, "")
    row = _ids_shown(screen).index(person_id)
    screen.view.selectRow(row)
    assert screen.profile.person_id == person_id


def test_list_opens_sorted_with_the_first_person_shown(screen, people, qtbot):
    assert set(_ids_shown(screen)) == {people["maryana"], people["twin"], people["petro"]}
    assert _ids_shown(screen)[0] == people["petro"]  # Андрієнко before Коваль
    assert screen.profile.person_id == people["petro"]
    qtbot.waitUntil(lambda: screen.model.total == 3)


def test_search_finds_every_apostrophe_and_case_variant(screen, people):
    for text in ("мар'яна", "МАРʼЯНА", "Мар’я", "коваль мар"):
        _search(screen, text)
        assert set(_ids_shown(screen)) == {people["maryana"], people["twin"]}, text
    _search(screen, "067 123")  # phone digits
    assert _ids_shown(screen) == [people["maryana"]]
    _search(screen, "андр")
    assert _ids_shown(screen) == [people["petro"]]
    _search(screen, "к")  # one letter: the first letter of the surname
    assert set(_ids_shown(screen)) == {people["maryana"], people["twin"]}
    _search(screen, "Ничипорук")
    assert _ids_shown(screen) == [] and not screen.empty_label.isHidden()


def test_filters_narrow_the_list(screen, people):
    screen.gender_filter.setCurrentIndex(screen.gender_filter.findData("male"))
    assert _ids_shown(screen) == [people["petro"]]
    screen.gender_filter.setCurrentIndex(0)
    screen.settlement_filter.setCurrentIndex(
        screen.settlement_filter.findData(people["settlement"]))
    assert _ids_shown(screen) == [people["maryana"]]
    screen.settlement_filter.setCurrentIndex(0)
    screen.consent_filter.setCurrentIndex(screen.consent_filter.findData("missing"))
    assert set(_ids_shown(screen)) == {people["twin"], people["petro"]}


def test_profile_shows_consent_and_history(screen, people, qtbot):
    _open(screen, people["twin"])
    profile = screen.profile
    assert profile.consent_state == "missing"
    assert profile.history_count("events") == 2
    assert profile.history_count("ideas") == 1
    assert profile.history_count("visits") == 1
    assert profile.history_count("roles") == 1
    received = []
    screen.ctx.bus.navigate.connect(lambda key, item: received.append((key, item)))
    profile.ideas.itemActivated.emit(profile.ideas.item(0, 1))
    assert received == [("ideas", {"table": "ideas", "id": people["idea"]})]


def test_editing_the_phone_saves_it_in_e164(screen, people, store, qtbot):
    _open(screen, people["petro"])
    phone = screen.profile.form.field("phone").control
    qtbot.keyClicks(phone, "067 765-43-21")
    assert screen.profile.save_button.isEnabled()
    qtbot.mouseClick(screen.profile.save_button, Qt.MouseButton.LeftButton)
    assert store.get("people", people["petro"])["phone"] == "+380677654321"
    op, new = store.conn.execute(
        "SELECT op, new FROM change_log WHERE record_id = ? ORDER BY seq DESC LIMIT 1",
        (people["petro"],)).fetchone()
    assert op == "update" and json.loads(new) == {"phone": "+380677654321"}
    assert not screen.profile.is_dirty()


def test_a_wrong_phone_is_named_and_nothing_is_saved(screen, people, store, qtbot):
    _open(screen, people["petro"])
    version = store.get("people", people["petro"])["version"]
    qtbot.keyClicks(screen.profile.form.field("phone").control, "12345")
    assert "12345" in screen.profile.form.errors()["phone"]
    assert not screen.profile.save_button.isEnabled()
    assert screen.save() is False
    assert store.get("people", people["petro"])["version"] == version


def test_birth_year_sets_the_age_group(screen, people, qtbot):
    _open(screen, people["petro"])
    form = screen.profile.form
    assert form.field("age_group").control.isEnabled()
    form.field("birth_year").set_value(2010)
    assert form.field("age_group").value() == "under_18"
    assert not form.field("age_group").control.isEnabled()


def test_new_person_with_consent_recorded_before_saving(screen, store, qtbot):
    assert screen.new_record()
    profile = screen.profile
    assert profile.is_new and not profile.save_button.isEnabled()
    profile.form.field("last_name").control.insert("шевченко")
    profile.form.field("first_name").control.insert("тарас")
    qtbot.keyClicks(profile.form.field("phone").control, "0931234567")
    profile.record_consent_button.click()
    dialog = profile.consent_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.form.field("consent_method").set_value("verbal")
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert profile.consent_state == "given"
    assert screen.save()
    person = store.get("people", profile.person_id)
    assert (person["last_name"], person["first_name"]) == ("Шевченко", "Тарас")
    assert person["phone"] == "+380931234567" and person["gender"] == "not_stated"
    assert person["consent_method"] == "verbal" and person["consent_text_version"] == "2024-01"
    assert person["consent_given_at"].endswith("Z")
    assert person["office_id"] == screen.ctx.office_id


def test_withdrawing_consent_asks_and_records_the_date(screen, people, store, monkeypatch):
    _open(screen, people["maryana"])
    profile = screen.profile
    assert profile.consent_state == "given" and not profile.withdraw_button.isHidden()
    monkeypatch.setattr(profile, "confirm_withdraw", lambda name: False)
    profile.withdraw_button.click()
    assert store.get("people", people["maryana"])["consent_withdrawn_at"] is None
    monkeypatch.setattr(profile, "confirm_withdraw", lambda name: True)
    profile.withdraw_button.click()
    person = store.get("people", people["maryana"])
    assert person["consent_withdrawn_at"] and person["consent_given_at"]
    assert profile.consent_state == "withdrawn" and profile.withdraw_button.isHidden()


def test_delete_keeps_links_and_can_be_undone(screen, people, store, monkeypatch):
    _open(screen, people["twin"])
    monkeypatch.setattr(screen, "confirm_delete", lambda name, counts: counts["attendance"] == 2)
    screen.profile.delete_button.click()
    assert store.get("people", people["twin"]) is None
    assert store.get("ideas", people["idea"])["author_person_id"] == people["twin"]
    assert people["twin"] not in _ids_shown(screen)
    assert not screen.undo_banner.isHidden()
    screen.undo_banner.button.click()
    assert store.get("people", people["twin"]) is not None
    assert screen.profile.person_id == people["twin"]
    assert screen.undo_banner.isHidden()


def test_unsaved_edits_are_not_lost_silently(screen, people, monkeypatch):
    _open(screen, people["petro"])
    screen.profile.form.field("notes").control.insertPlainText("Телефонувати ввечері")
    monkeypatch.setattr(screen, "ask_unsaved", lambda name: "cancel")
    screen.view.selectRow(_ids_shown(screen).index(people["maryana"]))
    assert screen.profile.person_id == people["petro"] and screen.profile.is_dirty()
    monkeypatch.setattr(screen, "ask_unsaved", lambda name: "save")
    screen.view.selectRow(_ids_shown(screen).index(people["twin"]))
    assert screen.profile.person_id == people["twin"]
    assert screen.ctx.store.get("people", people["petro"])["notes"] == "Телефонувати ввечері"


def test_merging_two_selected_people_moves_every_link(screen, people, store, data_dir):
    kept, dup = people["maryana"], people["twin"]
    _search(screen, "коваль")
    rows = _ids_shown(screen)
    selection = screen.view.selectionModel()
    screen.view.selectRow(rows.index(kept))
    selection.select(screen.model.index(rows.index(dup), 0),
                     QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)
    assert screen.merge_selected_button.isEnabled()
    screen.merge_selected_button.click()
    dialog = screen.merge_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_kept(kept)
    assert dialog.kept_id() == kept and dialog.duplicate_id() == dup
    # defaults: the kept values, the empty e-mail filled from the duplicate
    assert dialog.choices()["phone"] == "kept" and dialog.choices()["email"] == "other"
    dialog.choose("phone", dup)
    dialog.merge_button.click()
    assert not dialog.isVisible()

    person = store.get("people", kept)
    assert person["phone"] == "+380501112233" and person["email"] == "maryana@example.com"
    assert person["patronymic"] == "Іванівна" and person["consent_method"] == "paper"
    assert store.get("people", dup) is None
    live = store.conn.execute("SELECT id, person_id, event_id, status FROM attendance "
                              "WHERE deleted = 0").fetchall()
    assert {(p, e) for _, p, e, _ in live} == {(kept, e) for e in people["events"]}
    assert {s for *_, s in live} == {"attended"}
    assert store.get("ideas", people["idea"])["author_person_id"] == kept
    assert store.get("visits", people["visit"])["person_id"] == kept
    assert store.get("submissions", people["submission"])["person_id"] == kept
    assert store.get("org_members", people["member"])["person_id"] == kept
    logged = {(t, r) for t, r in store.conn.execute(
        "SELECT table_name, record_id FROM change_log WHERE op != 'insert' OR "
        "record_id = ?", (attendance_id(kept, people["events"][1]),))}
    for table, record_id in (("ideas", people["idea"]), ("visits", people["visit"]),
                             ("submissions", people["submission"]),
                             ("org_members", people["member"]), ("people", dup),
                             ("attendance", attendance_id(dup, people["events"][0])),
                             ("attendance", attendance_id(dup, people["events"][1])),
                             ("attendance", attendance_id(kept, people["events"][0])),
                             ("attendance", attendance_id(kept, people["events"][1]))):
        assert (table, record_id) in logged
    assert list(all_problems(store.conn, data_dir / "attachments")) == []
    assert screen.profile.person_id == kept
    assert screen.profile.history_count("events") == 2
    assert dup not in _ids_shown(screen)


def test_merge_with_picks_the_other_record_by_search(screen, people, store, qtbot):
    _open(screen, people["maryana"])
    screen.profile.merge_button.click()
    picker = screen.pick_dialog
    assert picker is not None and picker.isVisible()
    picker.picker.search.insert("maryana@")  # e-mail is searchable too
    picker.picker.run_search()
    picker.picker.select_first()
    assert picker.person_id() == people["twin"]
    picker.ok.click()
    dialog = screen.merge_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.kept_id() == people["maryana"]
    qtbot.keyClick(dialog.keep_buttons[0], Qt.Key.Key_Return)  # Enter cancels, never merges
    assert not dialog.isVisible()
    assert store.get("people", people["twin"]) is not None


def test_possible_duplicates_banner_and_not_the_same_person(screen, people, store, qtbot):
    assert screen.duplicates_banner.isHidden()
    assert duplicates.record_possible_duplicates(store, [people["twin"]]) == 1
    with qtbot.waitSignal(screen.duplicates_loaded):
        screen.ctx.bus.data_changed.emit("people")
    assert not screen.duplicates_banner.isHidden()
    assert screen.duplicate_count() == 1
    screen.duplicates_banner.button.click()
    assert screen.left.currentIndex() == 1
    assert screen.dup_list.count() == 1
    assert "Коваль" in screen.dup_list.item(0).text()
    qtbot.mouseClick(screen.dup_dismiss_button, Qt.MouseButton.LeftButton)
    assert duplicates.open_duplicates(store) == []
    assert screen.duplicates_banner.isHidden() and screen.left.currentIndex() == 0
    assert store.get("people", people["twin"]) is not None


def test_merging_a_possible_duplicate_settles_it(screen, people, store):
    duplicates.record_possible_duplicates(store, [people["twin"]])
    screen.load_duplicates()
    screen.show_duplicates()
    screen.dup_merge_button.click()
    screen.merge_dialog.merge_button.click()
    assert duplicates.open_duplicates(store) == []
    assert screen.duplicates_banner.isHidden()
    assert store.count("people") == 2


def test_keyboard_search_then_down_then_enter(screen, people, qtbot):
    screen.search.setFocus()
    qtbot.keyClicks(screen.search, "maryana@")  # typing searches after a short pause
    qtbot.waitUntil(lambda: _ids_shown(screen) == [people["twin"]], timeout=3000)
    qtbot.keyClick(screen.search, Qt.Key.Key_Down)
    assert screen.view.hasFocus() and screen.profile.person_id == people["twin"]
    qtbot.keyClick(screen.view, Qt.Key.Key_Return)
    assert screen.profile.form.field("last_name").control.hasFocus()
    qtbot.keyClick(screen.search, Qt.Key.Key_Escape)
    assert screen.search.text() == ""


def test_every_control_has_an_accessible_name(screen, people):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
    )

    _open(screen, people["maryana"])
    kinds = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
             QPlainTextEdit)
    # Qt's own parts (a line edit's clear button, a table's header) are named by Qt.
    inner = (QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView)
    for tab in range(screen.profile.tabs.count()):
        screen.profile.tabs.setCurrentIndex(tab)
        unnamed = [w for w in screen.findChildren(QWidget) if isinstance(w, kinds)
                   and w.isVisibleTo(screen) and not w.accessibleName()
                   and not (isinstance(w, QAbstractButton) and w.text())
                   and not isinstance(w.parent(), inner)]
        assert unnamed == []


def test_shortcuts_in_the_main_window(window, people, store, qtbot):
    window.show_screen("people")
    screen = window.current_screen()
    assert screen.key == "people"
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert screen.profile.is_new
    form = screen.profile.form
    form.field("last_name").control.insert("Руденко")
    form.field("first_name").control.insert("Ганна")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert screen.profile.person_id is not None
    assert store.get("people", screen.profile.person_id)["last_name"] == "Руденко"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.search.hasFocus()


def test_everything_kept_about_a_person_is_saved_for_them(screen, people, tmp_path,
                                                          monkeypatch, qtbot):
    """The right of access from the People screen: one button, one file, all of it."""
    _open(screen, people["twin"])
    profile = screen.profile
    assert profile.export_all_button.isVisible()
    target = tmp_path / "out" / "person.json"
    target.parent.mkdir()
    monkeypatch.setattr(profile, "ask_export_target", lambda suggested: target)
    with qtbot.waitSignal(profile.exported, timeout=10_000):
        profile.export_all_button.click()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["person_id"] == people["twin"]
    assert len(data["attendance"]) == 2 and data["visits"][0]["topic"] == "Петиція"
    assert data["ideas"][0]["title"] == "Освітлення"
    assert data["submissions"][0]["consultation"] == "Бюджет"
    assert data["organizations"][0]["organization"] == "ГО «Молодь»"
    assert data["history"] and data["history"][0]["what"] == "insert"
    others = {people["maryana"], people["petro"]}
    assert not any(other in target.read_text(encoding="utf-8") for other in others)


def test_the_copy_for_the_person_is_a_pdf_they_can_read(screen, people, tmp_path,
                                                        monkeypatch, qtbot):
    _open(screen, people["twin"])
    profile = screen.profile
    suggested = []
    target = tmp_path / "copy.pdf"
    monkeypatch.setattr(profile, "ask_export_target",
                        lambda name: suggested.append(name) or target)
    with qtbot.waitSignal(profile.exported, timeout=10_000):
        profile.export_all_button.click()
    assert suggested[0].endswith(".pdf")
    assert target.read_bytes().startswith(b"%PDF")


def test_forgetting_from_the_profile_keeps_only_the_statistics(screen, people, store,
                                                               monkeypatch, qtbot):
    """A person asks to be forgotten: one button, a warning that says what goes and what
    stays, and the profile says it was done."""
    _open(screen, people["twin"])
    profile = screen.profile
    assert profile.forget_button.isVisible()
    before = store.get("people", people["twin"])
    asked = []
    monkeypatch.setattr(profile, "confirm_forget", lambda name: asked.append(name) or False)
    profile.forget_button.click()
    assert asked and store.get("people", people["twin"]) == before  # Cancel: nothing changed
    monkeypatch.setattr(profile, "confirm_forget", lambda name: True)
    with qtbot.waitSignal(profile.forget_finished, timeout=20_000):
        profile.forget_button.click()
    person = store.get("people", people["twin"])
    assert person["last_name"] == "Дані" and person["forgotten_at"]
    assert person["gender"] == before["gender"]
    assert not profile.forget_button.isVisible()
    assert "Дані видалено на прохання" in profile.consent_label.text()


def test_the_history_of_a_person_is_one_click_away(people, store, window, qtbot):
    window.show_screen("people")
    screen = window.current_screen()
    store.update("people", people["twin"], {"address": "вул. Нова, 3"})
    _open(screen, people["twin"])
    screen.profile.history_button.click()
    dialog = window.history_dialog
    assert dialog.isVisible()
    texts = [dialog.model.index(r, c).data() for r in range(dialog.model.rowCount())
             for c in range(dialog.model.columnCount())]
    assert any("вул. Нова, 3" in str(t) for t in texts)
    assert dialog.model.index(0, 3).data() == "створено"  # in Ukrainian
    header = dialog.table.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # the newest change first
    assert dialog.model.index(0, 3).data() != "створено"
    assert "вул. Нова, 3" in dialog.model.index(0, 4).data()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # back to the recorded order
    assert dialog.model.index(0, 3).data() == "створено"
    QAbstractItemModelTester(dialog.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    dialog.close()


def test_what_changed_lists_every_record(window, people, qtbot):
    window.show_screen("settings")
    settings = window.current_screen()
    with qtbot.waitSignal(settings.changes_shown, timeout=10_000) as shown:
        settings.changes_button.click()
    assert shown.args[0] > 0
    dialog = settings.history_dialog
    assert dialog.model.with_record and dialog.model.rowCount() == shown.args[0]
    dialog.close()


def test_the_platforms_refusals_read_in_ukrainian(app):
    from desktop.ui.sync_review import platform_reason

    assert platform_reason("this person asked for their data to be removed") == \
        "ця людина попросила видалити її дані"
    assert platform_reason(
        "it refers to a person the platform does not have (person_id 01ab)") == \
        "посилається на запис (людина), якого немає на платформі (Особа 01ab)"
    assert platform_reason("something new from a newer platform") == \
        "something new from a newer platform"


def test_the_list_sorts_by_any_column_header(screen, people, store):
    """A click on a header sorts by it, a second click the other way; the name column sorts
    by the Ukrainian alphabet."""
    for key, year in (("maryana", 1980), ("twin", 1961), ("petro", 1999)):
        store.update("people", people[key], {"birth_year": year})
    screen.apply_search()
    header = screen.view.horizontalHeader()

    def column(key):
        return [screen.model.row_values(r)[key] for r in range(screen.model.rowCount())]

    names = column("last_name")
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert column("last_name") == list(reversed(names))
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    years = [y for y in column("birth_year") if y is not None]
    assert years == sorted(years) and len(set(years)) > 1
    header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    years = [y for y in column("birth_year") if y is not None]
    assert years == sorted(years, reverse=True)


def test_history_sorts_by_date_and_opens_the_row_clicked(screen, people):
    _open(screen, people["twin"])
    events = screen.profile.events
    header = events.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    assert [events.item(r, 1).text() for r in range(2)] == ["Зустріч 1", "Зустріч 2"]
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert [events.item(r, 1).text() for r in range(2)] == ["Зустріч 2", "Зустріч 1"]
    received = []
    screen.ctx.bus.navigate.connect(lambda key, item: received.append((key, item)))
    events.itemActivated.emit(events.item(1, 1))  # the row shown second: the first meeting
    assert received == [("events", {"table": "events", "id": people["events"][0]})]


def test_a_person_opened_from_elsewhere_is_shown_in_the_list_however_far_down(
        screen, people, store, qtbot):
    # "Open in People" from a CSO's members, with the person far below the first page.
    store.insert_many("people", ({"last_name": f"Ящук{i:03d}", "first_name": "Іван",
                                  "gender": "male"} for i in range(450)))
    _search(screen, "")
    assert screen.model.rowCount() == 200
    far = store.conn.execute("SELECT id FROM people WHERE last_name = 'Ящук400'").fetchone()[0]
    screen.show_item({"table": "people", "id": far})
    assert screen.profile.person_id == far
    index = screen.view.currentIndex()
    assert index.isValid() and screen.model.record_id(index.row()) == far
    assert screen.view.selectionModel().isRowSelected(index.row())
    qtbot.waitUntil(lambda: screen.view.viewport().rect().contains(
        screen.view.visualRect(index).center()))  # scrolled to, not only selected
