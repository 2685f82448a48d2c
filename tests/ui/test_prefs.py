"""Preferences belong to a data folder: two folders on one account keep their own language
and last screen, and a folder's first start carries over what the user chose before."""

from __future__ import annotations

from desktop.ui import prefs


def test_two_data_folders_do_not_share_settings(tmp_path, app):
    prefs.use_settings_file(None)  # the autouse fixture's file would take precedence
    try:
        office, demo = tmp_path / "office", tmp_path / "demo"
        office.mkdir()
        demo.mkdir()
        prefs.use_data_folder(office)
        prefs.set_language("en")
        prefs.settings().setValue(prefs.KEY_SCREEN, "checkin")
        prefs.use_data_folder(demo)
        demo_settings = prefs.settings()
        demo_settings.setValue(prefs.KEY_SCREEN, "reports")
        demo_settings.sync()
        prefs.use_data_folder(office)
        assert prefs.language() == "en"
        assert prefs.settings().value(prefs.KEY_SCREEN) == "checkin"
        prefs.use_data_folder(demo)
        assert prefs.settings().value(prefs.KEY_SCREEN) == "reports"
        assert (office / prefs.FOLDER_SETTINGS).exists()
        assert (demo / prefs.FOLDER_SETTINGS).exists()
    finally:
        prefs.use_data_folder(None)
