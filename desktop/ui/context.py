"""What every screen gets: the store, the data folder, the signal bus.

Why one object: screens are built by the registry without knowing each other, and a new
piece of shared state (the sync client, say) then reaches all of them by adding a field
here rather than changing every constructor.

It is also where the app hears what the store wrote: every commit on the app's store names
the record tables it changed (`Store.on_commit`), and the context tells the screens, once
per table, through `bus.data_changed`. No screen announces its own writes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from desktop.paths import DataPaths
from desktop.store import Store
from desktop.ui.signals import Bus, bus

META_OFFICE = "office_id"
META_STAFF = "staff_id"


class AppContext:
    """The shared state of one open store; see the module docstring for why one object.

    (A plain class: a dataclass is compiled when the module loads, 1% of the start.)"""

    def __init__(self, store: Store, paths: DataPaths, bus: Bus) -> None:
        self.store = store
        self.paths = paths
        self.bus = bus
        #: Tables written while `changes()` holds the news back (None: tell at once).
        self._held: set[str] | None = None
        store.on_commit(self._committed)

    @classmethod
    def create(cls, store: Store, paths: DataPaths) -> AppContext:
        return cls(store, paths, bus())

    def _committed(self, tables: frozenset[str]) -> None:
        if self._held is not None:
            self._held.update(tables)
            return
        for table in sorted(tables):
            self.bus.data_changed.emit(table)

    @contextlib.contextmanager
    def changes(self) -> Iterator[None]:
        """Tell the screens about the writes inside the block when it ends, each table once.

        Why: an editor that saves and then shows the saved record must have its own state
        settled (which record is open, nothing unsaved) before the lists refresh around it;
        and a command that writes several times refreshes the screens once."""
        if self._held is not None:  # already inside one: the outer block tells
            yield
            return
        self._held = set()
        try:
            yield
        finally:
            held, self._held = self._held, None
            for table in sorted(held):
                self.bus.data_changed.emit(table)

    @property
    def office_id(self) -> str | None:
        """The office this device belongs to (chosen in Settings), if any."""
        return self.store.get_meta(META_OFFICE)

    @property
    def staff_id(self) -> str | None:
        """The staff member working on this device, if chosen."""
        return self.store.get_meta(META_STAFF)

    def set_office(self, office_id: str | None) -> None:
        self.store.set_meta(META_OFFICE, office_id)
        self.bus.data_changed.emit("meta")

    def set_staff(self, staff_id: str | None) -> None:
        """Also makes the staff member the author of every change logged from now on."""
        self.store.set_meta(META_STAFF, staff_id)
        self.store.user_id = staff_id
        self.bus.data_changed.emit("meta")
