"""The rules of Hromada Desk: vocabularies, validation and normalisation of records.

Pure Python with no Qt and no SQL, so the CLI, the demo-data generator, the importers and the
server can all apply exactly the same rules as the desktop forms.
"""
