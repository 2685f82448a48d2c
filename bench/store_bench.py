"""Store benchmarks: bulk insert vs one-by-one, FTS prefix search vs a LIKE scan."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop.store import open_store


@dataclass
class Result:
    name: str
    ours: float
    naive: float
    floor: float
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.naive / self.ours if self.ours else float("inf")


SURNAMES = ["Коваленко", "Бондаренко", "Мельник", "Шевчук", "Мʼякота", "Пʼятничук", "Ткаченко",
            "Кравчук", "Олійник", "Поліщук", "Савчук", "Гнатюк", "Лисенко", "Руденко"]
FIRST = ["Олена", "Ірина", "Марʼяна", "Оксана", "Іван", "Петро", "Андрій", "Тетяна", "Юлія"]


def _people(n: int, rng: random.Random) -> Iterator[dict]:
    for i in range(n):
        yield {"last_name": f"{rng.choice(SURNAMES)}{i % 97 or ''}",
               "first_name": rng.choice(FIRST),
               "gender": rng.choice(["female", "male"]),
               "phone": f"+38067{rng.randrange(10**7):07d}"}


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run(tmp: Path, people: int) -> Iterator[Result]:
    rng = random.Random(1)
    sample = 2_000
    bulk_store = open_store(tmp / "bulk.sqlite3")
    one_store = open_store(tmp / "one.sqlite3")
    rows = list(_people(sample, rng))
    ours = _timed(lambda: bulk_store.insert_many("people", rows))

    def one_by_one() -> None:
        for row in rows:
            one_store.insert("people", row)

    naive = _timed(one_by_one)
    yield Result("insert 2,000 people: insert_many vs insert()", ours, naive, floor=3.0,
                 notes=[f"insert_many: {sample / ours:,.0f} people/s with log + search index"])
    one_store.close()

    big = _timed(lambda: bulk_store.insert_many("people", _people(people, rng)))
    queries = ["Кова", "мʼяк", "оле шев", "0671", "Пʼят", "ткач юл"]
    conn = bulk_store.conn

    def fts() -> None:
        for q in queries * 5:
            bulk_store.search(q, kinds=("people",), limit=20)

    def like() -> None:
        for q in queries * 5:
            word = q.split()[0].replace("ʼ", "'")
            conn.execute(
                "SELECT id FROM people WHERE lower(last_name) LIKE ? OR phone LIKE ? LIMIT 20",
                (f"%{word.lower()}%", f"%{word}%"),
            ).fetchall()

    total = people + sample
    yield Result(f"30 check-in searches over {total:,} people: FTS vs LIKE", _timed(fts),
                 _timed(like), floor=2.0,
                 notes=[f"bulk load of {people:,} people: {big:.1f}s ({people / big:,.0f}/s)"])
    bulk_store.close()
    yield durability_cost(tmp)


def durability_cost(tmp: Path, checkins: int = 300) -> Result:
    """What `synchronous=FULL` costs a check-in, against NORMAL on the same work.

    FULL is chosen on purpose (docs/reliability.md): with WAL, NORMAL may lose the last
    commits in a power cut, i.e. check-ins the screen showed as saved. The floor only guards
    against FULL becoming absurdly dear; the note gives the per-check-in cost an operator feels.
    """
    from desktop.store.checkin import register_walk_in

    def run_with(mode: str) -> float:
        store = open_store(tmp / f"sync-{mode.lower()}.sqlite3")
        store.conn.execute(f"PRAGMA synchronous = {mode}")
        office = store.insert("offices", {"name": "Приймальня"})["id"]
        event = store.insert("events", {"title": "Навчання", "kind": "training",
                                        "starts_at": "2026-12-02T10:00",
                                        "office_id": office})["id"]
        rng = random.Random(2)
        people = list(_people(checkins, rng))
        try:
            return _timed(lambda: [register_walk_in(store, p, event) for p in people])
        finally:
            store.close()

    full, normal = run_with("FULL"), run_with("NORMAL")
    return Result(f"{checkins} walk-in check-ins: synchronous FULL vs NORMAL", full, normal,
                  floor=0.05, notes=[f"FULL {full / checkins * 1000:.2f} ms per check-in, "
                                     f"NORMAL {normal / checkins * 1000:.2f} ms"])
