"""Errors the store raises for conditions a user can understand and act on."""


class StoreError(Exception):
    """A problem with the local database that is not a programming error."""


class NewerDatabaseError(StoreError):
    """The file was written by a newer Hromada Desk; we must not touch it."""


class NotADatabaseError(StoreError):
    """The file is not a Hromada Desk database (or is damaged)."""


class RecordNotFound(StoreError):
    """An update or delete named a record that does not exist."""
