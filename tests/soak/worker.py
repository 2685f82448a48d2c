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
    """An office's list: written as the CSV Excel would give, then read and stored in one
    transaction (all or nothing, like the importer)."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Прізвище", "Імʼя", "Стать", "Рік народження"])
        for _ in range(rows):
            p = _person(rng)
            writer.writerow([p["last_name"], p["first_name"], p["gender"], p["birth_year"]])
    journal.note("intent-import", batch, rows)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        next(reader)
        people = [{"last_name": r[0], "first_name": r[1], "gender": r[2],
                   "birth_year": int(r[3]), "notes": f"import:{batch}"} for r in reader]
    store.insert_many("people", people)
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
            import_file(store, args.data / "import.csv", batch, rng.randint(10, 150), rng,
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
