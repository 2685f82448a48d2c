"""Colours and icons that follow the system's light or dark mode.

Why: hub laptops run Windows in either mode, and Qt 6 follows it through
`QStyleHints.colorScheme`. Anything drawn in a fixed colour (an error in dark red, a black
icon) would vanish on a dark background, so those colours come from here, derived from the
current palette, and icons are recoloured when the palette changes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from desktop.paths import resources_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

ICON_SIZES = (16, 20, 24, 32, 48)


def is_dark() -> bool:
    """Whether the current palette is dark (window text lighter than the window)."""
    hints = QGuiApplication.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return True
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


_dark_palette_applied = False


def dark_palette() -> QPalette:
    """Fusion in dark colours, for platforms whose theme has no dark palette of its own."""
    palette = QPalette()
    window, base, text = QColor("#2b2b2b"), QColor("#1e1e1e"), QColor("#e8e8e8")
    roles = QPalette.ColorRole
    for role, color in (
        (roles.Window, window), (roles.WindowText, text), (roles.Base, base),
        (roles.AlternateBase, QColor("#262626")), (roles.ToolTipBase, QColor("#3a3a3a")),
        (roles.ToolTipText, text), (roles.PlaceholderText, QColor("#a0a0a0")),
        (roles.Text, text), (roles.Button, QColor("#353535")), (roles.ButtonText, text),
        (roles.BrightText, QColor("#ff6e6e")), (roles.Link, QColor("#8ab4f8")),
        (roles.Highlight, QColor("#2f65ca")), (roles.HighlightedText, QColor("#ffffff")),
        (roles.Light, QColor("#505050")), (roles.Midlight, QColor("#404040")),
        (roles.Mid, QColor("#303030")), (roles.Dark, QColor("#1a1a1a")),
        (roles.Shadow, QColor("#000000")),
    ):
        palette.setColor(role, color)
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#808080"))
    return palette


def apply_color_scheme(app: QApplication) -> None:
    """Follow the system's light/dark choice (QStyleHints.colorScheme).

    Windows and most Linux desktops give Fusion a dark palette themselves; where the
    platform reports dark but still hands out a light palette, use our dark one.
    """
    global _dark_palette_applied
    dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    platform_light = app.palette().color(QPalette.ColorRole.Window).lightness() >= 128
    if dark and platform_light:
        app.setPalette(dark_palette())
        _dark_palette_applied = True
    elif not dark and _dark_palette_applied:
        app.setPalette(app.style().standardPalette())
        _dark_palette_applied = False
    _retone(app)


#: The widget property that holds a text's tone (`set_tone`).
TONE_PROPERTY = "hromadaTone"
TONES = ("", "muted", "error", "success")


def set_tone(widget: QWidget, tone: str) -> None:
    """Show `widget`'s text plain ("") or "muted", "error" or "success", in colours that follow
    a switch between light and dark.

    Why not a colour set in the widget's palette: a copy of today's colour stays after the
    switch (muted ink, half-transparent black, all but vanished on dark). Plain and muted text
    are the palette's own roles; error and success are this app's colours, which
    `apply_color_scheme` sets again on every widget that has them when the scheme changes."""
    if tone not in TONES:
        raise ValueError(f"unknown tone {tone!r}")
    widget.setProperty(TONE_PROPERTY, tone)
    palette = QPalette()  # nothing of its own: every role from its parent and the app
    if tone in ("error", "success"):
        palette.setColor(QPalette.ColorRole.WindowText,
                         error_color() if tone == "error" else success_color())
    widget.setPalette(palette)
    widget.setForegroundRole(QPalette.ColorRole.PlaceholderText if tone == "muted"
                             else QPalette.ColorRole.WindowText)


def _retone(app: QApplication) -> None:
    for widget in app.allWidgets():
        tone = widget.property(TONE_PROPERTY)
        if tone in ("error", "success"):
            set_tone(widget, tone)


def error_color() -> QColor:
    """Red that is readable on the current background (WCAG AA on both)."""
    return QColor("#ff8a80") if is_dark() else QColor("#b3261e")


def success_color() -> QColor:
    return QColor("#81c995") if is_dark() else QColor("#1e6b35")


def muted_color() -> QColor:
    """Secondary text (hints, dates) that still passes contrast checks."""
    return QGuiApplication.palette().color(QPalette.ColorGroup.Active,
                                           QPalette.ColorRole.PlaceholderText)


def icon(name: str, color: QColor | None = None) -> QIcon:
    """The icon `resources/icons/<name>.svg`, drawn in the palette's text colour.

    Without `color`, the colour is read from the application palette whenever the icon is
    drawn, so every icon follows a switch between light and dark mode on its own.
    An unknown name gives an empty icon rather than an error: a missing picture must never
    stop a screen from opening.
    """
    return _icon(name, color.name() if color is not None else "")


@cache
def _icon(name: str, tint: str) -> QIcon:
    return _svg_icon(resources_dir() / "icons" / f"{name}.svg", tint)


def picture(path: Path) -> QIcon:
    """An SVG file drawn in its own colours (the app's icon), by the same engine as the
    themed icons: `QIcon(file)` loads Qt's SVG icon plugin for it, 1.5 ms of the start."""
    return _svg_icon(path, None)


def _svg_icon(path: Path, tint: str | None) -> QIcon:
    if not path.is_file():
        return QIcon()
    return QIcon(_TintedSvgEngine(path.read_text(encoding="utf-8"), tint))


#: Every engine made, kept for the life of the app: a QIcon holds its engine by pointer, and
#: a Python engine must not be collected while any copy of the icon may still paint.
_ENGINES: list[QIconEngine] = []


class _TintedSvgEngine(QIconEngine):
    """An SVG icon drawn in the text colour (Normal) or the highlighted-text colour
    (Selected; otherwise Qt tints a dark icon on the blue selection, hard to see), rendered
    at the size and pixel ratio asked for, when first asked. Both colours come from the
    palette in use when the icon is drawn, unless a fixed `tint` was given; with `tint` None
    the picture keeps its own colours.

    Why not pixmaps made up front: eleven icons in five sizes and two modes were 110 SVG
    renders, a tenth of start-up, for sizes mostly never shown."""

    def __init__(self, source: str, tint: str | None,
                 cache: dict[tuple[int, int, str], QPixmap] | None = None) -> None:
        super().__init__()
        self._source, self._tint = source, tint
        self._renderers: dict[str, QSvgRenderer] = {}
        self._cache = {} if cache is None else cache
        _ENGINES.append(self)

    def _renderer(self, color: str) -> QSvgRenderer:
        renderer = self._renderers.get(color)
        if renderer is None:
            source = self._source.replace("#000000", color) if color else self._source
            renderer = QSvgRenderer(QByteArray(source.encode("utf-8")))
            self._renderers[color] = renderer
        return renderer

    def _color(self, mode: QIcon.Mode) -> str:
        if self._tint is None:
            return ""  # drawn as it is
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Selected:
            return palette.color(QPalette.ColorRole.HighlightedText).name()
        return self._tint or palette.color(QPalette.ColorRole.WindowText).name()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        side = max(1, round(min(size.width(), size.height()) * max(scale, 1.0)))
        color = self._color(mode)
        key = (side, round(scale * 100), color)
        pixmap = self._cache.get(key)
        if pixmap is None:
            pixmap = QPixmap(QSize(side, side))
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderer(color).render(painter, QRectF(0, 0, side, side))
            painter.end()
            if mode == QIcon.Mode.Disabled:
                pixmap = _disabled(pixmap)
            pixmap.setDevicePixelRatio(max(scale, 1.0))
            self._cache[key] = pixmap
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.scaledPixmap(rect.size(), mode, state, ratio)
        painter.drawPixmap(rect, pixmap)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal,
                       state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        return [QSize(s, s) for s in ICON_SIZES]

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self._source, self._tint, self._cache)

    def key(self) -> str:
        return "hromada-tinted-svg"


def _disabled(pixmap: QPixmap) -> QPixmap:
    """What Qt's style does to a disabled icon, which a custom engine must do itself."""
    from PySide6.QtWidgets import QApplication, QStyleOption

    style = QApplication.style()
    if style is None:
        return pixmap
    return style.generatedIconPixmap(QIcon.Mode.Disabled, pixmap, QStyleOption())
