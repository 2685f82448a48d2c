"""What every screen gets: the store, the data folder, the signal bus.

Why one object: screens are built by the registry without knowing each other, and a new
piece of shared state (the sync client, say) then reaches all of them by adding a field
here rather than changing every constructor.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.paths import DataPaths
from desktop.store import Store
from desktop.ui.signals import Bus, bus

META_OFFICE = "office_id"
META_STAFF = "staff_id"


@dataclass
class AppContext:
    store: Store
    paths: DataPaths
    bus: Bus

    @classmethod
    def create(cls, store: Store, paths: DataPaths) -> AppContext:
        return cls(store, paths, bus())

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
