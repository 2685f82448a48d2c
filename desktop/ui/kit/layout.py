"""Small pieces of form layout every record screen uses."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

from desktop.ui.forms import (
    Field,
)
from desktop.ui.widgets import hint, page_title


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab goes through `widgets` in this order (the visual order); hidden ones are skipped
    by Qt at run time."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def set_council_field(field: Field, editable: bool, placeholder: str = "") -> None:
    """A field written by the council (its answer): editable on a council officer's device,
    read-only everywhere else, looking read-only (no white entry background)."""
    edit = getattr(field, "edit", field.control)
    edit.setReadOnly(not editable)
    button = getattr(field, "button", None)
    if button is not None:
        button.setEnabled(editable)
    if hasattr(edit, "setPlaceholderText"):
        edit.setPlaceholderText("" if editable else placeholder)
    palette = edit.palette()
    palette.setColor(QPalette.ColorRole.Base, QApplication.palette().color(
        QPalette.ColorRole.Base if editable else QPalette.ColorRole.Window))
    edit.setPalette(palette)
    edit.setToolTip("" if editable else QCoreApplication.translate(
        "RecordEditor", "Written by the council; it arrives here with sync."))


def scroll_area(widget: QWidget, name: str, parent: QWidget | None = None) -> QScrollArea:
    """`widget` scrolled vertically only (forms longer than a 728-pixel-high screen)."""
    area = QScrollArea(parent)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setAccessibleName(name)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def title_row(screen: QWidget, title: str, layout: QBoxLayout,
              buttons: Sequence[QPushButton] = (), *, count: bool = False) -> QLabel | None:
    """The top of a record screen: its title, the count of its records beside it when
    `count`, and its buttons on the right (New last, where the eye ends). Returns the
    count label."""
    row = QHBoxLayout()
    row.addWidget(page_title(title, screen))
    label = None
    if count:
        label = hint("", screen)
        label.setWordWrap(False)
        row.addWidget(label, 0, Qt.AlignmentFlag.AlignBottom)
    row.addStretch(1)
    for widget in buttons:
        row.addWidget(widget)
    layout.addLayout(row)
    return label
