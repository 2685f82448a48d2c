"""An event on paper: the sign-in sheet (registered people, blank rows, header on every page)
and participation certificates (one page each, numbered as the export lists them), checked
by reading the PDFs back with poppler's pdftotext and pdftoppm."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import datetime, timedelta

import pytest

from desktop.domain.names import full_name
from desktop.domain.paper import BLANK_ROWS, certificate_number
from desktop.store.checkin import check_in
from desktop.store.export import write_export
from desktop.store.ids import attendance_id
from desktop.store.queries import paper
from desktop.ui.paper_pdf import qr_image, write_certificates_pdf, write_sheet_pdf

needs_poppler = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="poppler-utils (pdftotext, pdftoppm) not installed; "
    "make test installs it")

NAMES = ["Антонюк", "Бабійчук", "Гнатюк", "Ґалаґан", "Дʼяченко", "Єрмоленко", "Жук", "Зінченко",
         "Іваненко", "Їжакевич", "Коваль", "Лисенко", "Мельник", "Олійник", "Павленко"]


@pytest.fixture
def event_with_people(store, offices):
    office = offices["Десна"]
    start = datetime(2026, 11, 20, 10, 0)
    event = store.insert("events", {
        "title": "Тренінг «Бюджет участі»", "kind": "training", "office_id": office,
        "place": "Будинок культури", "starts_at": start.isoformat(timespec="minutes"),
        "ends_at": (start + timedelta(hours=3, minutes=30)).isoformat(timespec="minutes")})["id"]
    people = []
    for number in range(45):  # enough for three pages
        last = f"{NAMES[number % len(NAMES)]}{'' if number < len(NAMES) else number}"
        person = store.insert("people", {"last_name": last, "first_name": "Олена",
                                         "gender": "female", "birth_year": 1980,
                                         "phone": f"+38067{number:07d}"})["id"]
        store.insert("attendance", {"id": attendance_id(person, event), "event_id": event,
                                    "person_id": person, "status": "registered"})
        people.append((person, last))
    for person, _last in people[:4]:
        check_in(store, event, person)
    return event, people


def _text(path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return out.split("\f")[:-1]  # one string per page


@needs_poppler
def test_sign_in_sheet_lists_everyone_with_blank_rows_and_headers(app, store, event_with_people,
                                                                 tmp_path):
    event_id, people = event_with_people
    event = paper.paper_event(store.conn, event_id)
    rows = paper.sheet_rows(store.conn, event_id)
    surnames = [r.name.split()[0].rstrip("0123456789") for r in rows]
    first_seen = [surnames.index(n) for n in NAMES]
    assert first_seen == sorted(first_seen)  # the Ukrainian alphabet: Г, Ґ, Д, Е, Є, Ж, З, И, І, Ї
    target = tmp_path / "sheet.pdf"
    pages = write_sheet_pdf(target, event, rows, qr=False)
    texts = _text(target)
    assert len(texts) == pages >= 2
    whole = "\n".join(texts)
    for _person, last in people:
        assert last in whole, last
    assert str(len(people) + BLANK_ROWS) in texts[-1]  # the last blank row's number
    for page in texts:
        assert "Підпис" in page and "Населений пункт" in page  # the header on every page
    assert "067 ••• 00 01" in whole or "067 ••• 00 00" in whole  # phones partly hidden
    assert "+380670000001" not in whole
    assert "Текст згоди" in texts[-1]
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(target), str(png)],
                   check=True)
    assert list(tmp_path.glob("page*.png"))


@needs_poppler
def test_sheet_with_qr_codes_still_lists_everyone(app, store, event_with_people, tmp_path):
    event_id, _people = event_with_people
    rows = paper.sheet_rows(store.conn, event_id)[:6]
    target = tmp_path / "qr.pdf"
    write_sheet_pdf(target, paper.paper_event(store.conn, event_id), rows, qr=True)
    whole = "\n".join(_text(target))
    assert all(r.name.split()[0] in whole for r in rows)
    image = qr_image(rows[0].person_id)
    assert not image.isNull() and image.width() == image.height()


@needs_poppler
def test_certificates_one_page_each_numbered_as_the_export_says(app, store, event_with_people,
                                                                 tmp_path):
    event_id, people = event_with_people
    attendees = paper.attendees(store.conn, event_id)
    assert len(attendees) == 4
    target = tmp_path / "certificates.pdf"
    assert write_certificates_pdf(target, paper.paper_event(store.conn, event_id),
                                  attendees) == 4
    texts = _text(target)
    assert len(texts) == 4
    buffer = io.StringIO()
    write_export(store.conn, "attendance", "csv", buffer)
    exported = buffer.getvalue()
    for page, attendee in zip(texts, attendees, strict=True):
        assert attendee.name.split()[0] in page and attendee.number in page
        assert "3,5" in page  # hours from the start and end
        assert attendee.number in exported
    registered_only = people[10][0]
    assert certificate_number(attendance_id(registered_only, event_id)) not in exported


def test_paper_dialog_saves_a_pdf_in_the_background(app, qtbot, ctx, store, event_with_people,
                                                   tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.paper_dialog import PaperDialog

    monkeypatch.setattr(QMessageBox, "information", lambda *a: QMessageBox.StandardButton.Ok)
    event_id, _people = event_with_people
    dialog = PaperDialog(ctx, event_id, "certificates")
    qtbot.addWidget(dialog)
    assert dialog.pdf_button.isEnabled()
    target = tmp_path / "out.pdf"
    dialog.save_pdf(target)
    qtbot.waitUntil(lambda: dialog.saved_to == target, timeout=15_000)
    assert target.read_bytes().startswith(b"%PDF")


def test_no_certificates_before_anyone_attended(app, qtbot, ctx, store, offices):
    from desktop.ui.paper_dialog import PaperDialog

    event = store.insert("events", {"title": "Збори", "kind": "meeting",
                                    "office_id": offices["Десна"],
                                    "starts_at": "2026-12-20T10:00"})["id"]
    dialog = PaperDialog(ctx, event, "certificates")
    qtbot.addWidget(dialog)
    assert not dialog.pdf_button.isEnabled() and not dialog.print_button.isEnabled()
    assert full_name("А", "Б") == "А Б"


@needs_poppler
def test_badges_eight_to_a_page_with_every_name(app, store, event_with_people, tmp_path):
    from desktop.ui.paper_pdf import write_badges_pdf

    event_id, people = event_with_people
    rows = paper.sheet_rows(store.conn, event_id)
    target = tmp_path / "badges.pdf"
    pages = write_badges_pdf(target, paper.paper_event(store.conn, event_id), rows)
    texts = _text(target)
    assert len(texts) == pages == -(-len(people) // 8)
    whole = "\n".join(texts)
    assert all(last in whole for _p, last in people)
    assert "+38067" not in whole  # no phone on a badge
