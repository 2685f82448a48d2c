"""Read-only queries behind the app's screens: every SQL string the UI needs lives here.

Why a separate package: the UI (`desktop/ui`) must not contain SQL, so a screen asks a
function here for its rows or for a `PagedSelect` that a lazy table model pages through.
Each function takes a plain `sqlite3.Connection`, which is either the UI thread's
`Store.conn` (small, indexed reads) or a worker thread's own
`desktop.store.database.open_reader(path)` (anything that may be slow). Nothing here writes;
writes go through `Store.insert/update/delete`.

One module per area of the app (`today`, and later `people`, `events`, ...); the generic
paging helper is in `common`.
"""
