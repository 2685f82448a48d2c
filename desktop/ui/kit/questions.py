"""The questions every record screen asks, worded and answered the same everywhere.

(Texts are in the "RecordEditor" translation context, written out in full at each call so
that pyside6-lupdate finds them.)

Screens call these through methods of their own (`RecordEditor.ask_unsaved`,
`confirm_delete`) so that tests can answer for the user.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

Unsaved = Literal["save", "discard", "cancel"]


def ask_unsaved(parent: QWidget, what: str) -> Unsaved:
    """Unsaved changes to `what` ("the idea «Ліхтарі»"): save them, discard them, or stay."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      QCoreApplication.translate("RecordEditor", "Unsaved changes"),
                      QCoreApplication.translate(
                          "RecordEditor", "Save the changes to {what}?").format(what=what),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def confirm_delete(parent: QWidget, text: str, title: str | None = None) -> bool:
    """Delete? `text` says what goes (and what stays); Cancel is the default."""
    answer = QMessageBox.question(
        parent, title or QCoreApplication.translate("RecordEditor", "Delete?"), text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


def confirm_revert(parent: QWidget, what: str) -> bool:
    """Esc in a form with typing in it: back to the saved values?"""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("RecordEditor", "Undo your changes?"),
        QCoreApplication.translate(
            "RecordEditor",
            "Go back to the saved values of {what}? What you typed is lost.").format(what=what),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
