"""The CSO directory against a real store: EDRPOU checking, filters, members."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def orgs(store, offices):
    desna = offices["Десна"]
    store.set_meta("office_id", desna)
    ids = {"office": desna}
    ids["youth"] = store.insert("organizations", {
        "name": "ГО «Молодь Десни»", "short_name": "Молодь Десни", "edrpou": "45680789",
        "legal_form": "public_organization", "areas": ["youth", "education"],
        "registered_on": "2026-10-23", "memorandum": 1, "memorandum_on": "2026-11-01"})["id"]
    ids["veterans"] = store.insert("organizations", {
        "name": "БФ «Серце воїна»", "edrpou": "34519385",
        "legal_form": "charitable_organization", "areas": ["veterans"],
        "registered_on": "2006-08-03"})["id"]
    ids["group"] = store.insert("organizations", {
        "name": "Ініціативна група «Толока»", "legal_form": "initiative_group"})["id"]
    ids["olena"] = store.insert("people", {"last_name": "Бондаренко", "first_name": "Олена",
                                           "gender": "female",
                                           "phone": "+380671112233"})["id"]
    ids["ivan"] = store.insert("people", {"last_name": "Ткачук", "first_name": "Іван",
                                          "gender": "male"})["id"]
    ids["member"] = store.insert("org_members", {
        "organization_id": ids["veterans"], "person_id": ids["ivan"], "role": "head",
        "since": "2020-01-01"})["id"]
    return ids


@pytest.fixture
def screen(ctx, qtbot, orgs):
    from desktop.ui.screens.csos import CsosScreen

    widget = CsosScreen(ctx)
    widget.set_today(date(2026, 11, 23))
    qtbot.addWidget(widget)
    widget.resize(1190, 690)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _shown(screen) -> list[str]:
    return [screen.model.record_id(r) for r in range(screen.model.rowCount())]


def _open(screen, org_id: str) -> None:
    screen.view.selectRow(_shown(screen).index(org_id))
    assert screen.panel.org_id == org_id


def test_invalid_edrpou_is_refused_and_a_valid_one_saved(screen, store, qtbot):
    before = store.count("organizations")
    assert screen.new_record()
    panel = screen.panel
    form = panel.form
    form.field("name").control.insert("ГО «Світанок»")
    edrpou = form.field("edrpou").control
    qtbot.keyClicks(edrpou, "14360571")
    assert "ЄДРПОУ" in form.errors()["edrpou"] and "14360571" in form.errors()["edrpou"]
    assert not panel.save_button.isEnabled()
    assert screen.save() is False
    assert store.count("organizations") == before
    assert store.conn.execute("SELECT count(*) FROM change_log WHERE table_name = "
                              "'organizations'").fetchone()[0] == before

    edrpou.clear()
    qtbot.keyClicks(edrpou, "1436057")
    assert "ЄДРПОУ" in form.errors()["edrpou"]  # too short, named as you type
    qtbot.keyClicks(edrpou, "0")
    assert "edrpou" not in form.errors()
    form.field("areas").check("ecology")
    form.field("areas").check("youth")
    form.field("memorandum").set_value(1)
    form.field("memorandum_on").control.insert("05.11.2026")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert store.count("organizations") == before + 1
    saved = store.get("organizations", panel.org_id)
    assert saved["edrpou"] == "14360570" and saved["legal_form"] == "public_organization"
    assert json.loads(saved["areas"]) == ["youth", "ecology"]
    assert (saved["memorandum"], saved["memorandum_on"]) == (1, "2026-11-05")
    assert saved["office_id"] == screen.ctx.office_id
    assert panel.org_id in _shown(screen)


def test_an_edrpou_already_in_the_directory_is_refused(screen, orgs, store, qtbot):
    screen.new_record()
    form = screen.panel.form
    form.field("name").control.insert("ГО «Двійник»")
    qtbot.keyClicks(form.field("edrpou").control, "34519385")
    assert not screen.panel.edrpou_note.isHidden()
    assert screen.save() is False
    assert "34519385" in screen.panel.problem.text()
    assert store.count("organizations") == 3


def test_memorandum_date_is_only_kept_with_a_memorandum(screen, orgs, store):
    _open(screen, orgs["youth"])
    form = screen.panel.form
    assert form.field("memorandum_on").control.isEnabled()
    form.field("memorandum").set_value(0)
    assert not form.field("memorandum_on").control.isEnabled()
    assert screen.save()
    saved = store.get("organizations", orgs["youth"])
    assert saved["memorandum"] == 0 and saved["memorandum_on"] is None


def test_search_and_filters(screen, orgs):
    screen.search.insert("серце")
    screen.apply_search()
    assert _shown(screen) == [orgs["veterans"]]
    screen.search.clear()
    screen.search.insert("4568")  # EDRPOU prefix
    screen.apply_search()
    assert _shown(screen) == [orgs["youth"]]
    screen.search.clear()
    screen.apply_search()
    assert len(_shown(screen)) == 3
    screen.recent_filter.setChecked(True)  # the "CSOs created" indicator
    assert _shown(screen) == [orgs["youth"]]
    screen.recent_filter.setChecked(False)
    screen.area_filter.setCurrentIndex(screen.area_filter.findData("veterans"))
    assert _shown(screen) == [orgs["veterans"]]
    screen.area_filter.setCurrentIndex(0)
    screen.memorandum_filter.setCurrentIndex(screen.memorandum_filter.findData(False))
    assert set(_shown(screen)) == {orgs["veterans"], orgs["group"]}
    screen.memorandum_filter.setCurrentIndex(0)
    screen.legal_form_filter.setCurrentIndex(
        screen.legal_form_filter.findData("initiative_group"))
    assert _shown(screen) == [orgs["group"]]


def test_add_a_member_found_by_search(screen, orgs, store, qtbot):
    _open(screen, orgs["youth"])
    panel = screen.panel
    panel.tabs.setCurrentIndex(1)
    assert panel.members_table.rowCount() == 0
    panel.add_member_button.click()
    dialog = panel.member_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.form.save() is False  # nobody chosen yet
    dialog.picker.search.insert("бондар")
    dialog.picker.run_search()
    dialog.picker.select_first()
    dialog.form.field("role").set_value("contact")
    dialog.form.field("since").control.insert("01.09.2026")
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    row = store.conn.execute("SELECT person_id, role, since FROM org_members WHERE "
                             "organization_id = ? AND deleted = 0", (orgs["youth"],)).fetchall()
    assert row == [(orgs["olena"], "contact", "2026-09-01")]
    assert panel.members_table.rowCount() == 1
    assert panel.members_table.item(0, 0).text() == "Бондаренко Олена"


def test_add_a_member_registered_on_the_spot(screen, orgs, store, qtbot):
    _open(screen, orgs["group"])
    screen.panel.add_member()
    dialog = screen.panel.member_dialog
    dialog.new_person_button.click()
    quick = dialog.quick_dialog
    assert quick is not None and quick.isVisible()
    quick.form.field("last_name").control.insert("Гнатюк")
    quick.form.field("first_name").control.insert("Ярема")
    quick.form.field("gender").set_value("male")
    qtbot.keyClicks(quick.form.field("phone").control, "0501234567")
    assert not quick.ok.isEnabled()  # a name and a phone are kept only with consent
    quick.consent.setChecked(True)
    qtbot.mouseClick(quick.ok, Qt.MouseButton.LeftButton)
    person = store.get("people", quick.person_id)
    assert person["phone"] == "+380501234567" and person["consent_given_at"]
    assert dialog.picker.person_id() == quick.person_id
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert store.conn.execute("SELECT role FROM org_members WHERE organization_id = ? AND "
                              "person_id = ?", (orgs["group"], quick.person_id)).fetchone() \
        == ("member",)


def test_change_role_and_remove_with_undo(screen, orgs, store, monkeypatch, qtbot):
    _open(screen, orgs["veterans"])
    panel = screen.panel
    panel.tabs.setCurrentIndex(1)
    panel.members_table.selectRow(0)
    panel.edit_member_button.click()
    dialog = panel.member_dialog
    dialog.form.field("role").set_value("deputy")
    dialog.form.field("until").control.insert("01.01.2019")  # before "since": refused
    assert dialog.form.save() is False
    assert "until" in dialog.form.errors()
    dialog.form.field("until").control.clear()
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert store.get("org_members", orgs["member"])["role"] == "deputy"

    monkeypatch.setattr(panel, "confirm_remove", lambda name: True)
    panel.members_table.selectRow(0)
    panel.remove_member_button.click()
    assert store.get("org_members", orgs["member"]) is None
    assert panel.members_table.rowCount() == 0
    assert not screen.undo_banner.isHidden()
    screen.undo_banner.button.click()
    assert store.get("org_members", orgs["member"]) is not None
    assert panel.members_table.rowCount() == 1


def test_delete_an_organisation_and_undo(screen, orgs, store, monkeypatch):
    _open(screen, orgs["veterans"])
    monkeypatch.setattr(screen, "confirm_delete", lambda name, members: members == 1)
    screen.panel.delete_button.click()
    assert store.get("organizations", orgs["veterans"]) is None
    assert orgs["veterans"] not in _shown(screen)
    assert store.get("org_members", orgs["member"]) is not None  # the link is kept
    screen.undo_banner.button.click()
    assert store.get("organizations", orgs["veterans"]) is not None
    assert screen.panel.org_id == orgs["veterans"]


def test_initiative_group_hint_and_header_sort(screen, orgs):
    _open(screen, orgs["group"])
    edrpou = screen.panel.form.field("edrpou").control
    assert edrpou.placeholderText() != ""
    generic = edrpou.placeholderText()
    screen.panel.form.field("legal_form").set_value("public_organization")
    assert edrpou.placeholderText() != generic
    screen.view.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    assert _shown(screen)[:2] == [orgs["youth"], orgs["veterans"]]


def test_every_control_has_an_accessible_name(screen, orgs):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    _open(screen, orgs["veterans"])
    kinds = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
             QPlainTextEdit)
    inner = (QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView)
    for tab in range(screen.panel.tabs.count()):
        screen.panel.tabs.setCurrentIndex(tab)
        unnamed = [w for w in screen.findChildren(QWidget) if isinstance(w, kinds)
                   and w.isVisibleTo(screen) and not w.accessibleName()
                   and not (isinstance(w, QAbstractButton) and w.text())
                   and not isinstance(w.parent(), inner)]
        assert unnamed == []
