"""The base class of every screen in the navigation, and the placeholder for unbuilt ones.

A screen is a QWidget subclass with:

* `key` - its module name in `desktop.ui.screens` ("people");
* `title` - English, marked `QT_TRANSLATE_NOOP("Screens", "People")` (shown translated);
* `icon` - a name in `resources/icons/` ("people");
* `watches` - record tables (or "meta") whose changes make it stale;
* `refresh()` - reload what it shows.

and may override `search_box()` (Ctrl+F focuses it), `new_record()` (Ctrl+N), `save()`
(Ctrl+S) and `show_item(item)` (another screen asked to show a record:
`bus().navigate.emit("people", {"table": "people", "id": ...})`).

Refreshing is lazy: when a watched table changes the screen refreshes at once if visible,
otherwise when it is next shown; so ten hidden screens do not all query after each save.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.ui.context import AppContext
from desktop.ui.translate import translate
from desktop.ui.widgets import hint, page_title


class Screen(QWidget):
    """Base of the screens the main window's navigation switches between."""

    key: ClassVar[str] = ""
    title: ClassVar[str] = ""
    icon: ClassVar[str] = ""
    watches: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self._today_override: date | None = None
        self.setObjectName(f"screen-{self.key}")
        self.setAccessibleName(self.display_title())
        ctx.bus.data_changed.connect(self._data_changed)

    @classmethod
    def display_title(cls) -> str:
        """The title in the UI language."""
        return translate("Screens", cls.title)

    # -- what subclasses provide ------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the data shown. Called when first shown and after watched changes."""

    def search_box(self) -> QLineEdit | None:
        """The search field Ctrl+F jumps to, if the screen has one."""
        return None

    def new_record(self) -> bool:
        """Start a new record (Ctrl+N); return False if this screen has nothing to create."""
        return False

    def save(self) -> bool:
        """Save the open form (Ctrl+S); return False if there is nothing to save."""
        return False

    def show_item(self, item: dict[str, Any]) -> None:
        """Show one record another screen pointed at ({"table": ..., "id": ...})."""

    def current_record(self) -> tuple[str, str] | None:
        """(table, id) of the record open on this screen, for its history (Ctrl+H)."""
        return None

    def today(self) -> date:
        """Today, or the day `set_today` pretends it is."""
        return self._today_override or date.today()

    def set_today(self, day: date | None) -> None:
        """Pretend it is `day` (screenshots of the demo database, tests)."""
        self._today_override = day
        self.mark_stale()

    # -- lazy refresh ---------------------------------------------------------------------

    def mark_stale(self) -> None:
        """Refresh now if visible, else on the next show."""
        self._stale = True
        if self.isVisible():
            self._refresh_now()

    def _refresh_now(self) -> None:
        self._stale = False
        self.refresh()

    def _data_changed(self, table: str) -> None:
        if table in self.watches:
            self.mark_stale()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh_now()


class PlaceholderScreen(Screen):
    """Stands in for a screen whose module does not exist yet."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.display_title(), self))
        message = hint(translate(
            "Screens", "This part of Hromada Desk is still being built and will arrive with "
            "an update. Everything else works as usual."), self)
        layout.addWidget(message)
        icon_label = QLabel(self)
        from desktop.ui import theme

        icon_label.setPixmap(theme.icon(self.icon or "placeholder").pixmap(96, 96))
        icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        icon_label.setEnabled(False)
        layout.addWidget(icon_label, 1)



