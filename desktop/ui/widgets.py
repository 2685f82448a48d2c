"""Small widgets every screen uses, so screens look alike without copying styles.

Why: a consistent title, hint text and info banner make the app predictable for people
who were never trained on it; sizes are relative to the user's font, never fixed pixels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QToolButton,
    QWidget,
)

from desktop.ui import theme

if TYPE_CHECKING:
    from PySide6.QtGui import QKeySequence, QPainter, QShortcut
    from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem


def page_title(text: str, parent: QWidget | None = None) -> QLabel:
    """The big title at the top of a screen (also the screen's accessible heading)."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def section_title(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.15)
    font.setBold(True)
    label.setFont(font)
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    """Secondary explanatory text, wrapped, in the palette's muted colour (`theme.set_tone`:
    it follows a switch between light and dark)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    theme.set_tone(label, "muted")
    return label


def button(text: str, parent: QWidget | None, clicked: Callable[[], object] | None = None, *,
           tip: str = "", name: str = "", icon: str = "") -> QPushButton:
    """A push button as every screen makes one: `text` with its &-key, what it does in the
    tooltip (with its shortcut), what a screen reader says (`name`, else the text) and an
    optional theme icon."""
    widget = QPushButton(theme.icon(icon), text, parent) if icon else QPushButton(text, parent)
    if tip:
        widget.setToolTip(tip)
    if name:
        widget.setAccessibleName(name)
    if clicked is not None:
        widget.clicked.connect(clicked)
    return widget


def shortcut(keys: QKeySequence | QKeySequence.StandardKey | Qt.Key, widget: QWidget,
             slot: Callable[[], object], *, only_widget: bool = False) -> QShortcut:
    """`keys` run `slot` while the focus is in `widget` or a widget inside it (only in
    `widget` itself with `only_widget`: Delete on a list, not in its search box)."""
    # Imported here: the first window shows without them (PySide makes a class's enums
    # when the class is first imported, and start-up time is measured: issue 11).
    from PySide6.QtGui import QKeySequence, QShortcut

    action = QShortcut(QKeySequence(keys), widget)
    action.setContext(Qt.ShortcutContext.WidgetShortcut if only_widget
                      else Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.activated.connect(slot)
    return action


def combo(parent: QWidget | None, name: str, items: Sequence[tuple[Any, str]] = (),
          first: str | None = None, *, min_chars: int = 0, tip: bool = False) -> QComboBox:
    """A drop-down list: `name` is what a screen reader says (and the tooltip if `tip`),
    `first` an entry whose value is None ("All genders"), then `items` as (value, text).
    `min_chars`: as wide as that many letters, so a long village name does not widen the
    screen past a 1366-pixel laptop."""
    from PySide6.QtWidgets import QComboBox  # see `shortcut`

    widget = QComboBox(parent)
    widget.setAccessibleName(name)
    if tip:
        widget.setToolTip(name)
    if first is not None:
        widget.addItem(first, None)
    for value, text in items:
        widget.addItem(text, value)
    if min_chars:
        widget.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        widget.setMinimumContentsLength(min_chars)
    return widget


def error_label(parent: QWidget | None = None) -> QLabel:
    """Red text for a problem; hidden until it has something to say."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setVisible(False)
    theme.set_tone(label, "error")
    return label


class Banner(QFrame):
    """A coloured strip with a message and an optional action button."""

    action_clicked = Signal()

    def __init__(self, text: str = "", action: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        # A role, not a colour copied from today's palette: the strip follows a switch
        # between light and dark (a copied light colour stayed behind light text).
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        layout = QHBoxLayout(self)
        # Drawn when painted, by the icon's engine: at the screen's pixel ratio, in the
        # palette's colours after a light/dark switch, and not at all while hidden (a
        # pixmap made here was a fixed 20 px picture, made for every banner ever built).
        icon = QToolButton(self)
        icon.setIcon(theme.icon("info"))
        icon.setIconSize(QSize(20, 20))
        icon.setAutoRaise(True)
        icon.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        icon.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        layout.addWidget(icon)
        layout.addWidget(self.label, 1)
        self.button = QPushButton(action, self)
        self.button.setVisible(bool(action))
        self.button.clicked.connect(self.action_clicked)
        layout.addWidget(self.button)
        self.setAccessibleName(text)

    def set_text(self, text: str, action: str | None = None) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        if action is not None:
            self.button.setText(action)
            self.button.setVisible(bool(action))


#: Item data role holding the second, muted line of a `TwoLineDelegate` item.
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 10

#: How long a list waits after the last key before it searches: typing "Коваль" runs one
#: search, not six, and a pause of a quarter second still feels immediate. Every list's
#: search box uses this one value.
SEARCH_DELAY_MS = 250


def search_as_you_type(edit: QLineEdit, run: Callable[[], object]) -> QTimer:
    """Call `run` once typing in `edit` pauses for `SEARCH_DELAY_MS`. Returns the timer:
    stop it when the search is run at once (Enter, a filter changed)."""
    timer = QTimer(edit)
    timer.setSingleShot(True)
    timer.setInterval(SEARCH_DELAY_MS)
    timer.timeout.connect(run)
    edit.textChanged.connect(timer.start)
    return timer


class TwoLineDelegate(QStyledItemDelegate):
    """List items as a bold first line and a muted second line (DETAIL_ROLE), each elided.

    Why: short lists of mixed things (today's events, waiting ideas) are scanned by their
    title; the details below must not compete with it. Put the title in DisplayRole and the
    details in DETAIL_ROLE; the full text belongs in the tooltip.
    """

    PADDING = 6

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        return title, QFont(option.font)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
    ) -> QSize:
        title, detail = self._fonts(option)
        height = QFontMetrics(title).height() + 2 * self.PADDING
        if index.data(DETAIL_ROLE):
            height += QFontMetrics(detail).height() + 2
        return QSize(200, height)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # Imported at the first paint: QStyle's enums are the dearest of Qt's types to make
        # (7 ms), and the lists that use this are filled after the window shows.
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active \
            else QPalette.ColorGroup.Inactive
        main = opt.palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                 else QPalette.ColorRole.Text)
        muted = main if selected else theme.muted_color()
        title_font, detail_font = self._fonts(opt)
        area = opt.rect.adjusted(self.PADDING + 2, self.PADDING, -self.PADDING, -self.PADDING)
        painter.save()
        title_metrics = QFontMetrics(title_font)
        painter.setFont(title_font)
        painter.setPen(main)
        line = QRect(area.left(), area.top(), area.width(), title_metrics.height())
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         title_metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                  area.width()))
        detail = index.data(DETAIL_ROLE)
        if detail:
            detail_metrics = QFontMetrics(detail_font)
            painter.setFont(detail_font)
            painter.setPen(muted)
            line = QRect(area.left(), line.bottom() + 3, area.width(), detail_metrics.height())
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             detail_metrics.elidedText(str(detail), Qt.TextElideMode.ElideRight,
                                                       area.width()))
        painter.restore()


class SearchEdit(QLineEdit):
    """A search field: Down moves into the results, Esc clears the text."""

    move_down = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.addAction(theme.icon("search"), QLineEdit.ActionPosition.LeadingPosition)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.move_down.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)
