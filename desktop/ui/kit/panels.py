"""A line edit whose frame is drawn once, not on every key.

Why: a line edit repaints whole on every key, and the style draws its frame anew each time
(Fusion: an antialiased rounded rectangle and its inner lines). At the check-in desk that
frame was 0.4 of a 4.5 ms keystroke on the bench machine, more than the line's text, its
icons and its background together (issue 11); the frame is the same picture every time.
Qt's own styles keep such pictures in `QPixmapCache`; this does it for the line edit's
panel: drawn by the application's style into a pixmap once per size, state and palette,
then copied. The pixels are the style's own (the kit's tests compare them).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import (
    QLineEdit,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionFrame,
    QWidget,
)


class CachedPanelStyle(QProxyStyle):
    """The application's style (a `QProxyStyle` with no base follows it), with the line
    edit's panel (`PE_PanelLineEdit`, the frame and the fill inside it) drawn from a
    picture kept per size, state, palette and pixel ratio."""

    #: Pictures kept: a line edit shows a handful (focused or not, enabled or not).
    LIMIT = 16

    def __init__(self) -> None:
        super().__init__()
        self._pictures: dict[tuple[int, ...], QPixmap] = {}
        self.drawn = 0  # pictures drawn by the style (the tests count them)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        if element != QStyle.PrimitiveElement.PE_PanelLineEdit \
                or not isinstance(option, QStyleOptionFrame) or painter.device() is None:
            super().drawPrimitive(element, option, painter, widget)
            return
        rect = option.rect
        ratio = painter.device().devicePixelRatioF()
        key = (rect.width(), rect.height(), option.state.value, option.lineWidth,
               option.midLineWidth, option.palette.cacheKey(), round(ratio * 100))
        picture = self._pictures.get(key)
        if picture is None:
            picture = self._draw(option, painter, widget, ratio)
            if len(self._pictures) >= self.LIMIT:
                self._pictures.clear()
            self._pictures[key] = picture
        painter.drawPixmap(rect.topLeft(), picture)

    def _draw(self, option: QStyleOptionFrame, painter: QPainter, widget: QWidget | None,
              ratio: float) -> QPixmap:
        picture = QPixmap(round(option.rect.width() * ratio), round(option.rect.height() * ratio))
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        at_origin = QStyleOptionFrame(option)
        at_origin.rect = option.rect.translated(-option.rect.topLeft())
        into = QPainter(picture)
        try:
            into.setRenderHints(painter.renderHints())
            super().drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, at_origin, into,
                                  widget)
        finally:
            into.end()
        self.drawn += 1
        return picture


def cache_panel(line: QLineEdit) -> CachedPanelStyle:
    """Give `line` a style that draws its frame once (see the module). The style is kept on
    the line edit: a widget does not own the style it is given."""
    style = CachedPanelStyle()
    line.setStyle(style)
    line._panel_style = style  # type: ignore[attr-defined]
    return style
