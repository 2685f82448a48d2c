"""The local SQLite store: schema, migrations, the record write path, change log, search.

No Qt here: the store is used by the app, the command line and the sync client alike.
"""

from desktop.store.errors import (
    NewerDatabaseError,
    NotADatabaseError,
    RecordNotFound,
    StoreError,
)
from desktop.store.records import Store, open_store

__all__ = [
    "NewerDatabaseError",
    "NotADatabaseError",
    "RecordNotFound",
    "Store",
    "StoreError",
    "open_store",
]
