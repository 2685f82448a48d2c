"""A resident asks "what do you keep about me?": `hromada-desk person export ID` answers with all of
it (events, consultations, visits, ideas, CSOs, files, history with staff names) and with
nothing about anyone else."""

from __future__ import annotations

import json

from desktop.store import open_store
from desktop.store.checkin import check_in
from tests.cli.test_sync_cli import desk


def test_everything_about_one_person_and_nothing_about_others(data_dir):
    store = open_store(data_dir / "hromada.sqlite3")
    office = store.insert("offices", {"name": "Офіс Десна", "kind": "liaison_office",
                                      "active": 1})["id"]
    staff = store.insert("staff", {"name": "Коваль Ірина", "office_id": office,
                                   "role": "operator", "active": 1})["id"]
    store.user_id = staff
    her = store.insert("people", {"last_name": "Шевчук", "first_name": "Олена",
                                  "gender": "female", "phone": "+380671234567",
                                  "office_id": office})["id"]
    other = store.insert("people", {"last_name": "Сторонній", "first_name": "Петро",
                                    "gender": "male", "office_id": office})["id"]
    event = store.insert("events", {"title": "Слухання про бюджет", "kind": "public_hearing",
                                    "office_id": office,
                                    "starts_at": "2026-11-20T10:00"})["id"]
    check_in(store, event, her)
    check_in(store, event, other)
    store.insert("visits", {"office_id": office, "person_id": her, "staff_id": staff,
                            "visited_at": "2026-11-21T09:00", "topic": "Субсидія"})
    store.insert("ideas", {"title": "Лавки в парку", "description": "Немає де сісти",
                           "channel": "proposal", "office_id": office,
                           "author_person_id": her, "received_on": "2026-11-22",
                           "status": "new"})
    store.update("people", her, {"address": "вул. Садова, 1"})
    store.close()

    out = desk(data_dir, "person", "export", her)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["person"]["last_name"] == "Шевчук" and data["person"]["phone"] == "+380671234567"
    assert [a["event"] for a in data["attendance"]] == ["Слухання про бюджет"]
    assert data["visits"][0]["topic"] == "Субсидія" and data["visits"][0]["staff"] == \
        "Коваль Ірина"
    assert data["ideas"][0]["title"] == "Лавки в парку"
    assert [h["what"] for h in data["history"]] == ["insert", "update"]
    assert data["history"][1]["fields"] == ["address"]
    assert data["history"][1]["by"] == "Коваль Ірина"
    assert "Сторонній" not in out.stdout and other not in out.stdout

    missing = desk(data_dir, "person", "export", "00000000-0000-0000-0000-000000000000")
    assert missing.returncode == 1 and "no person" in missing.stderr
    assert "Traceback" not in missing.stderr


def _resident(data_dir):
    store = open_store(data_dir / "hromada.sqlite3")
    office = store.insert("offices", {"name": "Офіс Десна", "kind": "liaison_office",
                                      "active": 1})["id"]
    her = store.insert("people", {"last_name": "Шевчук", "first_name": "Олена",
                                  "gender": "female", "age_group": "36_59",
                                  "phone": "+380671234567", "office_id": office})["id"]
    event = store.insert("events", {"title": "Слухання про бюджет", "kind": "public_hearing",
                                    "office_id": office, "starts_at": "2026-11-20T10:00"})["id"]
    check_in(store, event, her)
    store.close()
    return her


def test_the_copy_for_the_resident_is_a_pdf_in_ukrainian(data_dir, tmp_path):
    import subprocess

    her = _resident(data_dir)
    target = tmp_path / "Шевчук.pdf"
    out = desk(data_dir, "person", "export", her, "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True,
                          text=True, check=False)
    assert text.returncode == 0  # poppler-utils: make test installs it
    assert "Що ми зберігаємо про вас" in text.stdout
    assert "Шевчук" in text.stdout and "Слухання про бюджет" in text.stdout
    nowhere = desk(data_dir, "person", "export", her, "-o", str(tmp_path / "no" / "x.pdf"))
    assert nowhere.returncode == 1 and "does not exist" in nowhere.stderr


def test_forget_asks_for_yes_then_forgets(data_dir):
    her = _resident(data_dir)
    dry = desk(data_dir, "person", "forget", her)
    assert dry.returncode == 0 and "--yes" in dry.stdout
    store = open_store(data_dir / "hromada.sqlite3")
    assert store.get("people", her)["last_name"] == "Шевчук"  # nothing changed yet
    store.close()

    done = desk(data_dir, "person", "forget", her, "--yes")
    assert done.returncode == 0, done.stderr
    assert "forgotten: Шевчук Олена" in done.stdout
    store = open_store(data_dir / "hromada.sqlite3")
    try:
        person = store.get("people", her)
        assert person["last_name"] == "Дані" and person["phone"] is None
        assert person["gender"] == "female" and person["forgotten_at"]
    finally:
        store.close()
    unknown = desk(data_dir, "person", "forget", "nobody-here", "--yes")
    assert unknown.returncode == 1 and "no person" in unknown.stderr
    assert "Traceback" not in unknown.stderr
