"""The Qt user interface: the only package that imports QtWidgets.

How the pieces fit (read this before adding a screen):

* `app` - `run(paths)` is what `hromada-desk` calls: QApplication set-up
  (`configure_application`), translations (`install_translations`: Qt's `qtbase_uk`, then
  `resources/i18n/hromada_uk.qm`; Ukrainian unless English was chosen in Settings), the store,
  and `create_main_window(store, paths)`, which tests and the screenshot script also use.
* `main_window.MainWindow` - navigation list + stacked screens + status bar. Ctrl+1..9 switch
  screens, Ctrl+F calls the screen's `search_box()`, Ctrl+N `new_record()`, Ctrl+S `save()`.
  `set_sync_status(text, tooltip)` is the sync client's slot in the status bar.
* `screens/` - one module per screen, found through the registry in `screens/__init__.py`;
  `screens/base.py` documents the `Screen` contract (key, title, icon, watches, refresh...).
  To add one: write `screens/<key>.py` with `SCREEN = YourScreen`, remove its `PENDING` entry.
* `context.AppContext` - what a screen gets: `store`, `paths`, `bus`, this device's
  `office_id`/`staff_id` (`set_office`, `set_staff`).
* `signals.bus()` - the application-wide signals: `data_changed(table)` after a write (so
  other screens refresh), `sync_finished(ok, message)`, `navigate(key, item)`,
  `status_message(text)`. Connect bound methods, not lambdas.
* `workers.run_in_background(parent, fn, on_success, on_failure, progress=..., cancellable=...)`
  - anything slow; `fn(job)` runs on a pool thread, checks `job.cancel` (a threading.Event) or
  calls `job.check()`, reports with `job.report(done, total, text)`. Database reads there use
  `reader_job(store.path, fn(conn, job))`, which opens `open_reader` on that thread.
* `models.PagedTableModel` + `models.Column` - lists: a lazy model over a
  `desktop.store.queries.common.PagedSelect` (200 rows per fetch, count in a worker).
* `forms.RecordForm` + field classes - validated record forms (`TextField`, `MultiLineField`,
  `VocabField`, `ChoiceField`, `DateField`, `YesNoField`, `NumberField`).
* `translate` - `tr_vocab`, `vocab_items`, `tr_field`, `render_error`, `is_ukrainian`.
* `formatting` - dates and numbers as offices write them; `theme` - palette-aware colours and
  icons (`theme.icon(name)` from `resources/icons/`); `widgets` - page titles, hints, banners,
  `TwoLineDelegate`; `prefs` - per-user QSettings (language, window state).

Rules: no SQL here (queries live in `desktop.store.queries`); every visible string through
`self.tr()` / `QCoreApplication.translate` with a literal context (lupdate cannot see through a
wrapper function), then `make translations`; the UI thread only runs small indexed reads on
`store.conn`, everything else goes through `workers`.
"""

from desktop.ui.startup import prepare as _prepare

_prepare()
