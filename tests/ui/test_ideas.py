"""Ideas & appeals: intake with photos, the council's answer read-only at an office, filters,
consent for the author, delete with undo - against a real store, driving the real widgets."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from desktop.store.syncstate import ROLE


@pytest.fixture
def desna(store, offices):
    store.set_meta("office_id", offices["Десна"])
    store.set_meta("staff_id", offices["Коваленко Олена Петрівна"])
    store.user_id = offices["Коваленко Олена Петрівна"]
    return offices["Десна"]


@pytest.fixture
def screen(ctx, qtbot, desna):
    """The screen on its own (fast); tests of window shortcuts use `window`."""
    from desktop.ui.screens.ideas import IdeasScreen

    widget = IdeasScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1130, 680)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _idea(store, office_id, **values):
    row = {"title": "Освітлення вулиці Садової", "description": "Немає ліхтарів",
           "channel": "appeal", "office_id": office_id, "received_on": "2026-01-10",
           "status": "new", **values}
    return store.insert("ideas", row)["id"]


def _type_new_idea(editor, title="Лавки в парку"):
    editor.new_button.click()
    form = editor.form
    channel = form.field("channel").control
    channel.setCurrentIndex(channel.findData("proposal"))
    form.field("title").control.insert(title)  # QTest cannot type Cyrillic
    form.field("description").control.insertPlainText("Поставити п'ять лавок біля ставу")


def test_new_idea_with_a_photo_lands_in_the_data_folder(window, qtbot, tmp_path, monkeypatch,
                                                      store, paths, desna):
    from desktop.ui.screens.ideas import cached_thumbnail

    photo = tmp_path / "лавки.png"
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    assert image.save(str(photo))
    older = _idea(store, desna, title="Давнє звернення")
    window.show_screen("ideas")
    editor = window.current_screen().editor
    assert editor.current_id == older  # the list opens its first idea
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N
    assert editor.current_id is None and editor.form.field("title").value() == ""
    _type_new_idea(editor)
    assert editor.form.field("office_id").value() == desna  # this device's office
    assert editor.form.field("received_on").value() == date.today().strftime("%d.%m.%Y")
    monkeypatch.setattr(editor.attachments, "ask_files", lambda: [photo])
    qtbot.mouseClick(editor.attachments.attach_button, Qt.MouseButton.LeftButton)
    assert editor.attachments.pending() == [photo]
    assert store.count("attachments") == 0  # nothing stored before the idea is saved
    with qtbot.waitSignal(editor.attachments.saved, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    idea = store.conn.execute("SELECT id, title, status, office_id FROM ideas "
                              "WHERE deleted = 0 AND id != ?", (older,)).fetchall()
    assert len(idea) == 1
    idea_id, title, status, office = idea[0]
    assert (title, status, office) == ("Лавки в парку", "new", desna)
    content = photo.read_bytes()
    sha = hashlib.sha256(content).hexdigest()
    rows = store.conn.execute("SELECT owner_table, owner_id, sha256, filename, size FROM "
                              "attachments WHERE deleted = 0").fetchall()
    assert rows == [("ideas", idea_id, sha, "лавки.png", len(content))]
    assert (paths.attachments / sha[:2] / sha).read_bytes() == content
    assert editor.current_id == idea_id and not editor.is_dirty()
    assert editor.attachments.list.count() == 1
    assert editor.attachments.list.item(0).data(Qt.ItemDataRole.UserRole)["kind"] == "stored"
    qtbot.waitUntil(lambda: cached_thumbnail(sha) is not None, timeout=5000)
    assert max(cached_thumbnail(sha).width(), cached_thumbnail(sha).height()) == 64


def test_missing_title_is_refused_and_named(screen, qtbot, store):
    editor = screen.editor
    _type_new_idea(editor, title="")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.form.errors()["title"] == "Заповніть поле «Назва»"
    assert store.count("ideas") == 0
    assert editor.is_dirty()


def test_office_cannot_edit_the_councils_answer(screen, qtbot, store, desna):
    idea_id = _idea(store, desna, status="answered", response="Ліхтарі встановлять у травні",
                    responded_on="2026-02-01")
    editor = screen.editor
    editor.refresh()
    editor.show_record(idea_id)
    response, responded = editor.form.field("response"), editor.form.field("responded_on")
    assert response.edit.isReadOnly() and responded.edit.isReadOnly()
    assert not responded.button.isEnabled()
    assert not editor.form.field("status").control.isEnabled()
    assert "01.02.2026" in editor.answer.label.text()
    qtbot.keyClicks(response.edit, "x")
    assert response.value() == "Ліхтарі встановлять у травні"
    # Editing what the office may edit leaves the council's fields alone.
    title = editor.form.field("title").control
    title.end(False)
    title.insert(" (біля школи)")
    assert editor.save()
    row = store.get("ideas", idea_id)
    assert row["title"].endswith("(біля школи)")
    assert (row["status"], row["response"]) == ("answered", "Ліхтарі встановлять у травні")
    logged = store.conn.execute("SELECT new FROM change_log WHERE record_id = ? "
                                "ORDER BY mutation DESC LIMIT 1", (idea_id,)).fetchone()[0]
    assert "response" not in logged and "status" not in logged


def test_office_offers_only_new_and_forwarded(screen, store, desna):
    editor = screen.editor
    editor.refresh()
    editor.show_record(_idea(store, desna))
    combo = editor.form.field("status").control
    assert combo.isEnabled()
    assert [combo.itemData(i) for i in range(combo.count())] == ["new", "forwarded"]


def test_council_device_can_edit_the_answer(screen, qtbot, store, desna):
    idea_id = _idea(store, desna, status="forwarded")
    store.set_meta(ROLE, "council")
    editor = screen.editor
    editor.refresh()
    editor.show_record(idea_id)
    response, responded = editor.form.field("response"), editor.form.field("responded_on")
    assert not response.edit.isReadOnly() and not responded.edit.isReadOnly()
    status = editor.form.field("status").control
    assert status.isEnabled() and status.findData("accepted") >= 0
    status.setCurrentIndex(status.findData("accepted"))
    response.edit.insertPlainText("Підтримано, включено до плану робіт")
    qtbot.keyClicks(responded.edit, "15.02.2026")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    row = store.get("ideas", idea_id)
    assert (row["status"], row["response"], row["responded_on"]) == (
        "accepted", "Підтримано, включено до плану робіт", "2026-02-15")


def test_office_marks_an_idea_forwarded_to_the_council(screen, qtbot, store, desna):
    idea_id = _idea(store, desna)
    editor = screen.editor
    editor.refresh()
    editor.show_record(idea_id)
    assert editor.answer.button.isVisibleTo(editor)
    qtbot.mouseClick(editor.answer.button, Qt.MouseButton.LeftButton)
    assert store.get("ideas", idea_id)["status"] == "forwarded"
    assert not editor.answer.button.isVisibleTo(editor)


def test_list_filters_by_status_and_search(screen, qtbot, store, desna, offices):
    _idea(store, desna, title="Ремонт дороги на Польовій", status="new")
    _idea(store, desna, title="Дитячий майданчик", status="accepted")
    _idea(store, desna, title="Зупинка біля школи", status="rejected")
    _idea(store, offices["Стадниця"], title="Ремонт клубу", status="new")
    editor = screen.editor
    editor.refresh()

    def titles():
        return sorted(editor.model.row_values(r)["title"]
                      for r in range(editor.model.rowCount()))

    assert titles() == ["Дитячий майданчик", "Зупинка біля школи", "Ремонт дороги на Польовій"]
    editor.status.setCurrentIndex(editor.status.findData("accepted"))
    assert titles() == ["Дитячий майданчик"]
    editor.status.setCurrentIndex(editor.status.findData("waiting"))
    assert titles() == ["Ремонт дороги на Польовій"]
    editor.status.setCurrentIndex(0)
    editor.office.setCurrentIndex(editor.office.findData("all"))
    editor.search.setText("ремонт")
    editor.reload_list()
    assert titles() == ["Ремонт дороги на Польовій", "Ремонт клубу"]
    editor.search.setText("")
    editor.period.set_preset("custom")
    editor.period.since.setDate(date(2026, 2, 1))
    editor.period.until.setDate(date(2026, 3, 1))
    assert titles() == []


def test_author_without_consent_is_refused_until_it_is_recorded(screen, qtbot, store, desna):
    person = store.insert("people", {"last_name": "Мельничук", "first_name": "Оксана",
                                     "gender": "female"})["id"]
    editor = screen.editor
    _type_new_idea(editor)
    picker = editor.author
    picker.search.insert("мельнич")
    picker.run_search()
    assert picker.results.count() == 1
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # Enter takes the first person found
    assert picker.person_id() == person
    assert not picker.consent_row.isHidden()
    assert editor.save() is False
    assert picker.problem() and picker.problem_label.text() == picker.problem()
    assert picker.problem_label.isVisibleTo(picker)
    assert store.count("ideas") == 0
    picker.consent.setChecked(True)
    picker.consent_method.setCurrentIndex(picker.consent_method.findData("verbal"))
    assert editor.save()
    idea = store.conn.execute("SELECT author_person_id FROM ideas WHERE deleted = 0").fetchone()
    assert idea[0] == person
    row = store.get("people", person)
    assert row["consent_text_version"] == "2024-01" and row["consent_method"] == "verbal"
    assert row["consent_given_at"]


def test_a_new_author_is_added_quickly_with_consent(ctx, screen, qtbot, store, desna,
                                                    monkeypatch):
    from desktop.ui.kit.person_field import QuickPersonDialog

    dialog = QuickPersonDialog(ctx, {"last_name": "Гнатюк", "first_name": "Марʼяна"})
    qtbot.addWidget(dialog)
    dialog.form.field("phone").control.insert("067 123 45 67")
    assert not dialog.ok.isEnabled()  # no consent yet
    dialog.consent.setChecked(True)
    assert dialog.ok.isEnabled()
    values = dialog.result_values()
    assert values is not None and values[0]["phone"] == "+380671234567"

    editor = screen.editor
    _type_new_idea(editor)
    monkeypatch.setattr(editor.author, "ask_new_person", lambda prefill: values)
    qtbot.mouseClick(editor.author.add_button, Qt.MouseButton.LeftButton)
    assert "Гнатюк" in editor.author.chosen.text()
    assert editor.save()
    author = store.conn.execute("SELECT p.last_name, p.consent_text_version, p.consent_method "
                                "FROM ideas AS i JOIN people AS p ON p.id = i.author_person_id"
                                ).fetchone()
    assert author == ("Гнатюк", "2024-01", "paper")


def test_delete_asks_first_and_can_be_undone(screen, qtbot, store, desna, monkeypatch):
    idea_id = _idea(store, desna)
    editor = screen.editor
    editor.refresh()
    editor.show_record(idea_id)
    asked = []
    monkeypatch.setattr(editor, "confirm_delete", lambda text: asked.append(text) or False)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert asked and store.get("ideas", idea_id) is not None
    monkeypatch.setattr(editor, "confirm_delete", lambda text: True)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert store.get("ideas", idea_id) is None
    assert editor.model.rowCount() == 0
    assert editor.undo_bar.isVisibleTo(editor)
    qtbot.mouseClick(editor.undo_bar.button, Qt.MouseButton.LeftButton)
    assert store.get("ideas", idea_id) is not None
    assert editor.current_id == idea_id and editor.model.rowCount() == 1


def test_unsaved_changes_are_not_lost_when_choosing_another_idea(screen, qtbot, store, desna,
                                                                 monkeypatch):
    first = _idea(store, desna, title="Перша", received_on="2026-01-02")
    second = _idea(store, desna, title="Друга", received_on="2026-01-01")
    editor = screen.editor
    editor.refresh()
    editor.show_record(first)
    title = editor.form.field("title").control
    title.end(False)
    title.insert(" змінена")
    monkeypatch.setattr(editor, "ask_unsaved", lambda: "cancel")
    editor.view.selectRow(1)
    assert editor.current_id == first
    assert editor.form.field("title").value() == "Перша змінена"
    monkeypatch.setattr(editor, "ask_unsaved", lambda: "save")
    editor.view.selectRow(1)
    assert editor.current_id == second
    assert store.get("ideas", first)["title"] == "Перша змінена"


def test_today_opens_the_idea(window, store, desna):
    idea_id = _idea(store, desna, title="З головного екрана")
    window.ctx.bus.navigate.emit("ideas", {"table": "ideas", "id": idea_id})
    editor = window.current_screen().editor
    assert editor.current_id == idea_id
    assert editor.form.field("title").value() == "З головного екрана"


def test_every_control_has_an_accessible_name(screen, store, desna):
    screen.editor.refresh()
    nameless = [w for w in screen.findChildren(QWidget)
                if w.isVisibleTo(screen) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
                and not w.accessibleName() and w.metaObject().className() not in (
                    "QScrollBar", "QSplitterHandle")
                and not (w.parentWidget() and w.parentWidget().focusProxy() is w)]
    assert [w.metaObject().className() for w in nameless] == []


def test_each_idea_shows_its_legal_term_and_the_overdue_ones_stand_out(screen, store, desna):
    from datetime import date, timedelta

    from desktop.domain import deadlines

    today = date.today()
    late = _idea(store, desna, title="Прострочене звернення", status="forwarded",
                 received_on=(today - timedelta(days=60)).isoformat())
    fresh = _idea(store, desna, title="Свіжа петиція", channel="petition",
                  status="forwarded", received_on=today.isoformat())
    budget = _idea(store, desna, title="Проєкт бюджету участі", channel="public_budget",
                   received_on=today.isoformat())
    editor = screen.editor
    editor.refresh()
    model, due_column = editor.model, 4
    cells = {model.record_id(r): (model.data(model.index(r, due_column)),
                                  model.data(model.index(r, due_column),
                                             Qt.ItemDataRole.ToolTipRole))
             for r in range(model.rowCount())}
    due_late = deadlines.due_date(today - timedelta(days=60), deadlines.DEFAULT_PERIODS["appeal"])
    assert cells[late][0].startswith("⚠") and due_late.strftime("%d.%m.%Y") in cells[late][0]
    assert "прострочено" in cells[late][1].lower()
    due_fresh = deadlines.due_date(today, deadlines.DEFAULT_PERIODS["petition"])
    assert cells[fresh][0] == due_fresh.strftime("%d.%m.%Y")
    assert cells[budget][0] == "—"
    editor.show_record(late)
    assert "прострочено" in editor.answer.label.text().lower()
    # a click on the header orders by the due date: the overdue appeal first, no term last
    editor.view.horizontalHeader().setSortIndicator(due_column, Qt.SortOrder.AscendingOrder)
    order = [model.record_id(r) for r in range(model.rowCount())]
    assert order.index(late) < order.index(fresh) < order.index(budget)


def test_the_due_column_sorts_by_the_councils_terms(screen, store, desna):
    from datetime import date, timedelta

    today = date.today()
    petition = _idea(store, desna, title="Петиція", channel="petition", status="forwarded",
                     received_on=(today - timedelta(days=10)).isoformat())
    appeal = _idea(store, desna, title="Звернення", channel="appeal", status="forwarded",
                   received_on=(today - timedelta(days=5)).isoformat())
    editor = screen.editor
    editor.refresh()
    header = editor.view.horizontalHeader()
    header.setSortIndicator(4, Qt.SortOrder.AscendingOrder)
    model = editor.model
    order = [model.record_id(r) for r in range(model.rowCount())]
    assert order.index(petition) < order.index(appeal)  # 10 working days before a month
    store.insert("answer_periods", {"id": "term-petition", "kind": "petition", "amount": 3,
                                    "unit": "months"})  # the council: petitions get 3 months
    editor.refresh()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.setSortIndicator(4, Qt.SortOrder.AscendingOrder)
    order = [model.record_id(r) for r in range(model.rowCount())]
    assert order.index(appeal) < order.index(petition)


def test_an_idea_due_in_the_next_days_is_marked_too(screen, store, desna):
    from datetime import date, timedelta

    from desktop.domain import deadlines

    today = date.today()
    appeal = deadlines.DEFAULT_PERIODS["appeal"]
    received = next(today - timedelta(days=n) for n in range(60) if deadlines.state(
        deadlines.due_date(today - timedelta(days=n), appeal), None, today) == "due_soon")
    soon = _idea(store, desna, title="Скоро строк", status="forwarded",
                 received_on=received.isoformat())
    editor = screen.editor
    editor.refresh()
    model = editor.model
    cell = next(model.data(model.index(r, 4)) for r in range(model.rowCount())
                if model.record_id(r) == soon)
    assert cell.startswith("⌛ ")


def test_thumbnails_are_made_of_photos_and_scans_only(app, tmp_path):
    """The reader is told the format from the file's first bytes and never asks the image
    plugins to guess (the SVG plugin's guess could deadlock a worker with the UI thread)."""
    from desktop.ui.screens.ideas import THUMB_SIZE, make_thumbnail, picture_format

    picture = QImage(640, 480, QImage.Format.Format_RGB32)
    picture.fill(QColor("darkgreen"))
    for fmt in ("JPEG", "PNG", "BMP", "TIFF"):  # (Qt reads GIF but cannot write it)
        stored = tmp_path / f"stored-{fmt}"  # stored files have no extension
        assert picture.save(str(stored), fmt)
        assert picture_format(stored) == fmt.lower().encode()
        thumbnail = make_thumbnail(stored)
        assert (thumbnail.width(), thumbnail.height()) == (THUMB_SIZE, 48), fmt
    gif = tmp_path / "animation"
    gif.write_bytes(b"GIF89a\x01\x00\x01\x00")
    assert picture_format(gif) == b"gif"
    svg = tmp_path / "drawing"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    pdf = tmp_path / "letter"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    for other in (svg, pdf, tmp_path / "missing"):
        assert picture_format(other) is None
        assert make_thumbnail(other).isNull()


def test_an_author_without_consent_keeps_the_form_within_its_column(app, ctx, qtbot, store,
                                                                     desna):
    """The consent box and how consent was given, side by side, made the form wider than
    its column at a 1366-pixel window: it scrolled sideways, labels cut off."""
    from PySide6.QtWidgets import QScrollArea

    from desktop.ui.screens.ideas import IdeasScreen

    person = store.insert("people", {"last_name": "Задорожний", "first_name": "Максим",
                                     "patronymic": "Володимирович", "gender": "male"})["id"]
    idea = _idea(store, desna, author_person_id=person)
    screen = IdeasScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1130, 680)  # the screen's part of a 1366x728 window
    screen.show()
    qtbot.waitExposed(screen)
    screen.editor.show_record(idea)
    assert not screen.editor.author.consent_row.isHidden()
    area = screen.editor.findChild(QScrollArea)
    qtbot.waitUntil(lambda: area.widget().width() > 0)
    assert area.horizontalScrollBar().maximum() == 0
