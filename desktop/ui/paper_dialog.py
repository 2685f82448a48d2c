"""Putting an event on paper: the sign-in sheet and the participation certificates, saved as
a PDF (in the background) or sent to a printer through the system's print dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.store.queries import paper
from desktop.ui.context import AppContext
from desktop.ui.paper_pdf import (
    paint_badges,
    paint_certificates,
    paint_sheet,
    write_badges_pdf,
    write_certificates_pdf,
    write_sheet_pdf,
)
from desktop.ui.workers import Job, plain_message, reader_job, run_in_background

SHEET, CERTIFICATES, BADGES = "sheet", "certificates", "badges"


class PaperDialog(QDialog):
    """Save as PDF or print, for one event and one kind of paper."""

    def __init__(self, ctx: AppContext, event_id: str, kind: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.event_id, self.kind = ctx, event_id, kind
        self.saved_to: Path | None = None
        conn = ctx.store.conn
        self.paper_event = paper.paper_event(conn, event_id)
        self.rows = paper.sheet_rows(conn, event_id) if kind in (SHEET, BADGES) else []
        self.people = paper.attendees(conn, event_id) if kind == CERTIFICATES else []
        title = self.paper_event.title if self.paper_event else ""
        layout = QVBoxLayout(self)
        if kind == SHEET:
            self.setWindowTitle(self.tr("Sign-in sheet"))
            text = self.tr(
                "«{title}»: {n} registered people in alphabetical order, then 20 empty rows "
                "for those who come without registering. Columns: name, settlement, phone "
                "(partly hidden), gender, age group, consent and signature; the consent text "
                "is printed under the table.").format(title=title, n=len(self.rows))
        elif kind == BADGES:
            self.setWindowTitle(self.tr("Badges and invitations"))
            text = self.tr(
                "«{title}»: a name badge (or an invitation to hand out) for each of the {n} "
                "registered people, eight to an A4 page, with a QR code that holds only the "
                "person's record number: at the desk, a scanner and one Enter check them in."
                ).format(title=title, n=len(self.rows))
        else:
            self.setWindowTitle(self.tr("Participation certificates"))
            text = self.tr(
                "«{title}»: one page for each of the {n} people who attended, with a "
                "certificate number that the attendance export also lists.").format(
                    title=title, n=len(self.people))
        note = QLabel(text, self)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.qr = QCheckBox(self.tr("With &QR codes (a scanner at the check-in desk reads "
                                    "them; they hold only the record's number)"), self)
        self.qr.setVisible(kind == SHEET)
        layout.addWidget(self.qr)
        buttons = QDialogButtonBox(self)
        self.pdf_button = buttons.addButton(self.tr("Save as &PDF…"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button = buttons.addButton(self.tr("P&rint…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.print_button.clicked.connect(self.print_)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        empty = (kind == CERTIFICATES and not self.people) or (kind == BADGES
                                                                 and not self.rows)
        self.pdf_button.setEnabled(not empty and self.paper_event is not None)
        self.print_button.setEnabled(not empty and self.paper_event is not None)
        if empty and kind == CERTIFICATES:
            note.setText(self.tr("Nobody has been checked in to this event yet, so there is "
                                 "nobody to give a certificate to."))
        elif empty:
            note.setText(self.tr("Nobody is registered for this event yet."))

    def default_name(self) -> str:
        title = (self.paper_event.title if self.paper_event else "event")[:60]
        safe = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title).strip()
        prefix = {SHEET: self.tr("Sign-in sheet"), BADGES: self.tr("Badges")}.get(
            self.kind, self.tr("Certificates"))
        return f"{prefix} - {safe}.pdf"

    def choose_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(Path.home() / self.default_name()),
            self.tr("PDF (*.pdf)"))
        if name:
            self.save_pdf(Path(name if name.lower().endswith(".pdf") else name + ".pdf"))

    def save_pdf(self, target: Path) -> None:
        """Write the PDF on a worker thread (a 500-person sheet takes a moment)."""
        event_id, kind, qr = self.event_id, self.kind, self.qr.isChecked()

        def work(conn, job: Job) -> Path:  # type: ignore[no-untyped-def]
            event = paper.paper_event(conn, event_id)
            if event is None:
                raise ValueError(self.tr("The event no longer exists."))
            if kind == SHEET:
                write_sheet_pdf(target, event, paper.sheet_rows(conn, event_id), qr=qr)
            elif kind == BADGES:
                write_badges_pdf(target, event, paper.sheet_rows(conn, event_id))
            else:
                write_certificates_pdf(target, event, paper.attendees(conn, event_id))
            return target

        run_in_background(self, reader_job(self.ctx.paths.database, work), self._saved,
                          self._failed, label=self.tr("Making the PDF…"), cancellable=False)

    def _saved(self, target: Path) -> None:
        self.saved_to = target
        QMessageBox.information(self, self.windowTitle(),
                                self.tr("Saved to {path}.").format(path=target))

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.windowTitle(), plain_message(error))

    def print_(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.paper_event is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(300)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.kind == SHEET:
                paint_sheet(printer, self.paper_event, self.rows, qr=self.qr.isChecked())
            elif self.kind == BADGES:
                paint_badges(printer, self.paper_event, self.rows)
            else:
                paint_certificates(printer, self.paper_event, self.people)
        except OSError as error:
            QMessageBox.warning(self, self.windowTitle(), plain_message(error))
        finally:
            QGuiApplication.restoreOverrideCursor()
