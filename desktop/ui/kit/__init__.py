"""The screen kit: one way to build a screen that lists records and edits them.

* `editor.RecordEditor` - the list beside the form, with the behaviour every record screen
  shares (unsaved changes, delete with undo, Esc, keyboard).
* `list_pane.ListPane` - a search box, rows of filters, a lazy sortable table and an
  empty-list hint, with the keys (People, CSOs, Events, the person picker).
* `profile.ProfilePanel` - one record's details with Save, Cancel and Delete beside a list,
  and `profile_screen.ProfileScreen` - the two together (People, CSOs).
* `tables` - the one look of every list of records; `questions` - the questions every
  record screen asks; `filters`, `layout`, `person_field` - the pieces forms share;
  `panels` - a line edit whose frame is drawn once (a search line that repaints per key).

Writes go through the store; the app hears what changed from the store's commit and tells
the screens (`AppContext.changes`): no screen announces its own writes.

The recipe, with the smallest screen as the example: docs/record-screens.md.
"""
