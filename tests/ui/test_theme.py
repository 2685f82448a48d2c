"""Icons drawn in the palette's text colour, following a switch between light and dark."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from desktop.ui import theme
from desktop.ui.widgets import button


def _ink(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> QColor:
    """The colour of the most opaque pixel of the icon at 24 px."""
    image = icon.pixmap(QSize(24, 24), mode).toImage().convertToFormat(
        QImage.Format.Format_ARGB32)
    best = max(((x, y) for x in range(image.width()) for y in range(image.height())),
               key=lambda p: image.pixelColor(*p).alpha())
    color = image.pixelColor(*best)
    assert color.alpha() > 200, "the icon drew nothing"
    return color


def _close(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()),
               abs(a.blue() - b.blue())) <= 8


@pytest.fixture
def dark(app) -> Iterator[QPalette]:
    light = QGuiApplication.palette()
    palette = theme.dark_palette()
    yield palette
    QApplication.setPalette(light)


def test_an_icon_follows_the_palette_after_it_was_made(app, dark):
    icon = theme.icon("people")
    assert _close(_ink(icon), QGuiApplication.palette().color(QPalette.ColorRole.WindowText))
    QApplication.setPalette(dark)
    text = dark.color(QPalette.ColorRole.WindowText)
    assert _close(_ink(icon), text)
    assert _close(_ink(icon, QIcon.Mode.Selected),
                  dark.color(QPalette.ColorRole.HighlightedText))


def test_a_button_made_in_light_mode_shows_its_icon_in_dark_mode_colours(app, qtbot, dark):
    made = button("Save", None, icon="add")
    qtbot.addWidget(made)
    QApplication.setPalette(dark)
    assert _close(_ink(made.icon()), dark.color(QPalette.ColorRole.WindowText))


def test_a_fixed_colour_stays(app, dark):
    red = QColor("#b3261e")
    icon = theme.icon("people", red)
    QApplication.setPalette(dark)
    assert _close(_ink(icon), red)


def test_the_navigation_icons_follow_the_palette(window, dark):
    QApplication.setPalette(dark)
    item = window.nav.item(0)
    assert _close(_ink(item.icon()), dark.color(QPalette.ColorRole.WindowText))


def test_an_unknown_icon_is_empty_not_an_error(app):
    assert theme.icon("no-such-icon").isNull()


def test_the_app_icon_keeps_its_own_colours_in_both_modes(app, dark):
    from desktop.paths import resources_dir

    icon = theme.picture(resources_dir() / "app-icon.svg")
    blue = QColor("#1f5fa8")

    def has_blue() -> bool:
        image = icon.pixmap(QSize(32, 32)).toImage()
        return any(_close(image.pixelColor(x, y), blue) for x in range(32) for y in range(32))

    assert has_blue()
    QApplication.setPalette(dark)
    assert has_blue()
    assert not QApplication.windowIcon().isNull()
    assert theme.picture(resources_dir() / "no-such.svg").isNull()


def test_a_banner_s_icon_follows_a_switch_to_dark_made_after_it_was_built(app, qtbot, dark):
    from desktop.ui.widgets import Banner

    banner = Banner("Цей пристрій ще не прив’язано до офісу", "Відкрити налаштування")
    qtbot.addWidget(banner)
    QApplication.setPalette(dark)
    app.processEvents()  # the event loop hands the new palette to the widgets
    banner.show()
    qtbot.waitExposed(banner)
    icon = banner.layout().itemAt(0).widget()
    picture = banner.grab(icon.geometry()).toImage().convertToFormat(
        QImage.Format.Format_ARGB32)
    text = dark.color(QPalette.ColorRole.WindowText)
    # The icon's strokes are drawn in the dark palette's light text colour (a picture made
    # while light would keep its dark ink on the dark strip).
    lightest = max((picture.pixelColor(x, y) for x in range(picture.width())
                    for y in range(picture.height())), key=lambda c: c.lightness())
    assert _close(lightest, text), lightest.name()


def test_a_hint_made_in_light_mode_reads_in_dark_mode(app, qtbot, dark):
    """Hints (the muted text under forms and panels) used a copy of the light palette's
    muted ink, half-transparent black: after a switch to dark it all but vanished."""
    from desktop.ui.widgets import hint

    label = hint("Усі дані надійно зберігаються на цьому комп’ютері.")
    qtbot.addWidget(label)
    QApplication.setPalette(dark)
    app.processEvents()
    label.show()
    qtbot.waitExposed(label)
    picture = label.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    lightest = max((picture.pixelColor(x, y) for x in range(picture.width())
                    for y in range(picture.height())), key=lambda c: c.lightness())
    muted = dark.color(QPalette.ColorRole.PlaceholderText)
    assert lightest.lightness() >= muted.lightness() - 20, lightest.name()
    assert lightest.lightness() > dark.color(QPalette.ColorRole.Window).lightness() + 60


def test_toned_text_follows_a_switch_of_the_colour_scheme(app, qtbot, dark):
    """Error and success text are the app's own colours, set again when the scheme changes;
    muted and plain text are the palette's roles (`theme.set_tone`)."""
    from desktop.ui.widgets import error_label

    error = error_label()
    plain = QLabel("Зареєстровано: 12")
    for label in (error, plain):
        qtbot.addWidget(label)
    theme.set_tone(plain, "error")  # over capacity, then back under it
    theme.set_tone(plain, "")

    def ink(label: QLabel) -> QColor:
        return label.palette().color(label.foregroundRole())

    assert ink(error) == theme.error_color()
    light_error = theme.error_color()
    QApplication.setPalette(dark)
    theme.apply_color_scheme(app)  # what a switch of the system's scheme calls
    app.processEvents()
    assert theme.error_color() != light_error
    assert ink(error) == theme.error_color()  # the dark scheme's red, not the light one's
    assert ink(plain) == dark.color(QPalette.ColorRole.WindowText)
    with pytest.raises(ValueError):
        theme.set_tone(plain, "loud")
