"""The office laptop under the soak test: checks people in, imports a list, syncs, forever,
until the soak kills it.

After each operation commits, a line goes to the journal and is fsynced: the journal is
what the app "told the user was saved". The soak then checks the store against it. A line is
written only after the store's commit returned, so a kill between the two can only leave a
saved record without a line (which is fine), never a line without its record.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
from pathlib import Path

from desktop.store import open_store
from desktop.store.checkin import check_in, register_walk_in
from desktop.store.ids import new_id
from desktop.sync.client import make_engine
from desktop.sync.credentials import load_token
from desktop.sync.transport import SyncError, Transport, make_session

SURNAMES = ["Коваленко", "Бондар", "Шевчук", "Мельник", "Ткаченко", "Кравчук", "Олійник",
            "Поліщук", "Лисенко", "Гуменюк", "Мартинюк", "Савчук"]
NAMES = ["Олена", "Оксана", "Ірина", "Марія", "Тарас", "Андрій", "Василь", "Наталія"]


class Journal:
    def __init__(self, path: Path) -> None:
        self.handle = path.open("a", encoding="utf-8")

    def note(self, *parts: object, durable: bool = True) -> None:
        self.handle.write(" ".join(str(p) for p in parts) + "\n")
        self.handle.flush()
        if durable:
            os.fsync(self.handle.fileno())


def _person(rng: random.Random) -> dict:
    return {"last_name": rng.choice(SURNAMES), "first_name": rng.choice(NAMES),
            "gender": rng.choice(["female", "male"]), "birth_year": rng.randint(1940, 2007)}


def import_file(store, path: Path, batch: str, rows: int, rng: random.Random,
                journal: Journal) -> None:
    """An office's list as Excel writes it (Windows-1251, semicolons, a title row above the
    headings), brought in by the app's importer: all rows in one transaction, or none."""
    from desktop.domain.importing import read_table
    from desktop.store import importer

    with path.open("w", encoding="cp1251", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Список учасників", "", "", "", "", ""])
        writer.writerow(["Прізвище", "Ім'я", "Стать", "Рік народження", "Згода", "Примітки"])
        for _ in range(rows):
            p = _person(rng)
            writer.writerow([p["last_name"], p["first_name"],
                             "ж" if p["gender"] == "female" else "ч", p["birth_year"], "так",
                             f"import:{batch}"])
    journal.note("intent-import", batch, rows)
    table = read_table(path, "people")
    plan = importer.plan(store, "people", table,
                         importer.mapping_for(store, "people", table.headers))
    for item in plan.rows:
        item.match = None  # the same name and year may be in an earlier list: import anyway
        item.duplicate_of = []
    importer.run(store, plan)
    journal.note("saved-import", batch, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--journal", type=Path, required=True)
    parser.add_argument("--seed", type=int, required=True)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    store = open_store(args.data / "hromada.sqlite3")
    journal = Journal(args.journal)
    events = [r[0] for r in store.conn.execute("SELECT id FROM events WHERE deleted = 0")]
    token = load_token(store.device_id, args.data)
    url = store.get_meta("sync.server_url")
    print("ready", flush=True)
    while True:
        op = rng.choices(["walk-in", "check-in", "import", "sync"], [6, 5, 1, 2])[0]
        journal.note("begin", op, durable=False)
        if op == "walk-in":
            person = {**_person(rng), "id": new_id()}
            created, done = register_walk_in(store, person, rng.choice(events))
            journal.note("saved-walk-in", created["id"], done.attendance_id)
        elif op == "check-in":
            row = store.conn.execute(
                "SELECT id FROM people WHERE deleted = 0 ORDER BY random() LIMIT 1").fetchone()
            if row:
                done = check_in(store, rng.choice(events), row[0])
                journal.note("saved-check-in", row[0], done.attendance_id)
        elif op == "import":
            batch = new_id()
            import_file(store, args.data / "import.csv", batch, rng.randint(10, 80), rng,
                        journal)
        else:
            transport = Transport(url, token, session=make_session(retries=1, backoff=0.05),
                                  timeout=(1.0, 5.0))
            try:
                report = make_engine(store, args.data, transport=transport).run()
            except SyncError as exc:
                journal.note("sync-failed", str(exc).replace("\n", " ")[:80])
            else:
                journal.note("synced", report.pushed, report.pulled)


if __name__ == "__main__":
    sys.exit(main())
