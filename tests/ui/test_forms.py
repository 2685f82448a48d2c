"""Validated forms refuse bad input, name the field, and only then allow Save."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.forms import (
    DateField,
    NumberField,
    RecordForm,
    TextField,
    VocabField,
    YesNoField,
    assign_mnemonics,
    strip_mnemonic,
)


@pytest.fixture
def form(app, qtbot):
    widget = RecordForm("people", [
        TextField("last_name"), TextField("first_name"), VocabField("gender", "genders"),
        NumberField("birth_year", 1900, 2100), TextField("phone"),
        DateField("consent_given_at"), YesNoField("idp"),
    ])
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_required_fields_keep_save_disabled_without_nagging(form):
    assert not form.save_button.isEnabled()
    assert form.errors() == {}  # nothing typed yet: no red text
    assert "Прізвище" in form.save_button.toolTip()


def test_typing_shows_the_problem_next_to_the_field(form, qtbot):
    qtbot.keyClicks(form.field("phone").control, "12345")
    errors = form.errors()
    assert set(errors) == {"phone"}
    assert "12345" in errors["phone"]
    assert form.field("phone").control.accessibleDescription() == errors["phone"]
    assert not form.save_button.isEnabled()


def test_emptying_a_required_field_names_it(form, qtbot):
    edit = form.field("last_name").control
    edit.insert("Х")  # QTest cannot type Cyrillic; insert() is what typing does
    edit.clear()
    assert form.errors()["last_name"] == "Заповніть поле «Прізвище»"


def test_save_attempt_marks_every_problem_and_focuses_the_first(form, qtbot):
    form.activateWindow()
    assert form.save() is False
    assert {"last_name", "first_name"} <= set(form.errors())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.field("last_name").control)


def test_valid_input_enables_save_and_gives_cleaned_values(form, qtbot):
    form.field("last_name").control.insert("шевченко")
    form.field("first_name").control.insert("тарас")
    form.field("gender").set_value("male")
    form.field("birth_year").set_value(2000)
    qtbot.keyClicks(form.field("phone").control, "067 123 45 67")
    form.field("idp").set_value(1)
    assert form.save_button.isEnabled()
    with qtbot.waitSignal(form.save_requested) as saved:
        form.save_button.click()
    record = saved.args[0]
    assert record["last_name"] == "Шевченко"
    assert record["phone"] == "+380671234567"
    assert record["gender"] == "male" and record["idp"] == 1
    assert record["birth_year"] == 2000 and record["age_group"] == "18_35"


def test_date_field_takes_dotted_dates_and_rejects_impossible_ones(app, qtbot):
    form = RecordForm("ideas", [DateField("received_on"), DateField("responded_on")],
                      fixed={"title": "Т", "description": "О", "channel": "appeal",
                             "office_id": "o", "status": "new"})
    qtbot.addWidget(form)
    qtbot.keyClicks(form.field("received_on").control, "31.03.2025")
    assert form.cleaned()["received_on"] == "2025-03-31"
    qtbot.keyClicks(form.field("responded_on").control, "30.02.2025")
    assert "responded_on" in form.errors()
    form.field("responded_on").set_value("2025-03-01")
    assert form.field("responded_on").control.text() == "01.03.2025"
    assert "раніше" in form.errors().get("responded_on", "") or not form.is_valid()


def test_vocab_combo_shows_ukrainian_and_stores_codes(form):
    combo = form.field("gender").combo
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["—", "Жінка", "Чоловік", "Інше", "Не зазначено"]
    combo.setCurrentIndex(1)
    assert form.field("gender").value() == "female"


def test_yes_no_unknown(form):
    field = form.field("idp")
    assert field.value() is None
    assert [field.combo.itemText(i) for i in range(3)] == ["Невідомо", "Так", "Ні"]
    field.set_value(0)
    assert field.value() == 0


def test_labels_have_distinct_mnemonics_buddies_and_accessible_names(form):
    letters = []
    for field in form.fields:
        label = form.labels[field.name]
        assert label.buddy() is field.control
        text = label.text()
        assert "&" in text
        letters.append(text[text.index("&") + 1].lower())
        assert field.control.accessibleName() == strip_mnemonic(field.label)
    assert len(letters) == len(set(letters))
    assert form.save_button.accessibleName() == "Зберегти"


def _next_tab_stop(widget):
    """The widget Tab moves to from `widget`, skipping its own parts (a spin box's line
    edit) and widgets that take no focus (a line edit's clear button)."""
    candidate = widget.nextInFocusChain()
    while widget.isAncestorOf(candidate) or not (
            candidate.focusPolicy() & Qt.FocusPolicy.TabFocus):
        candidate = candidate.nextInFocusChain()
    return candidate


def test_tab_order_follows_the_visual_order(form):
    chain = [w for f in form.fields for w in f.focus_widgets()] + [form.save_button]
    for current, following in itertools.pairwise(chain):
        assert _next_tab_stop(current) is following


def test_assign_mnemonics_avoids_taken_letters():
    assert assign_mnemonics(["Прізвище", "Пошта", "&Інше"], taken=["з"]) == [
        "&Прізвище", "П&ошта", "&Інше"]
