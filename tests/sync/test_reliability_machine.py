"""A Hypothesis state machine of two offices and the council: records with extreme but valid
values, backups and restores, syncs through a link that cuts half the connections, a rogue
device pushing values no copy could store, and rows an older platform let in. Whatever the
order: every device converges, no device ever stops syncing, and nothing recorded after a
backup or after a restore is lost (what a restore discards is only what the platform never
received, which is what restoring means).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import requests
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from desktop.domain.errors import ValidationError
from desktop.domain.validation import MAX_CAPACITY, MAX_TEXT_CHARS, validate
from desktop.store import open_store, syncstate
from desktop.store.backup import restore
from desktop.store.checkin import check_in
from desktop.store.database import backup_file
from desktop.store.ids import new_id
from desktop.sync.transport import SyncError
from desktop.sync.wire import SYNCED_TABLES
from server import auth, service
from server.auth import now_iso
from tests.conftest import LiveServer, make_db
from tests.sync.faultproxy import FaultProxy
from tests.sync.test_end_to_end import Device, platform_view

#: What the runs tried, summed over every example (HROMADA_MACHINE_STATS=FILE writes it
#: out, for docs/reliability.md).
TRIED: Counter = Counter()

DEVICES = ("a1", "a2", "b1", "council")
# Most of the work on one laptop, so that a backup, work, a sync and a restore of the same
# store line up often enough to matter.
device = st.sampled_from(("a1", "a1", "a1", "a2", "b1", "council"))
OFFICE_OF = {"a1": "A", "a2": "A", "b1": "B", "council": None}

_letters = st.characters(blacklist_categories=("Cs", "Cc"))
# Extreme but valid: the longest text, astral characters, apostrophes of every kind.
text = st.one_of(
    st.text(_letters, min_size=1, max_size=60),
    st.builds(lambda ch, n: (ch * n)[:MAX_TEXT_CHARS], _letters, st.integers(1, MAX_TEXT_CHARS)),
    st.sampled_from(["Марʼяна", "Мар'яна", "Мар’яна", "𝕳𝖗𝖔𝖒𝖆𝖉𝖆 🇺🇦", "Ї" * 200]),
)
names = st.sampled_from(["Коваль", "Шевчук", "Д'Артаньян", "Гнатюк-Лисенко", "Їжакевич",
                         "O'Brien", "Ґалаґан"])
capacity = st.one_of(st.just(0), st.just(MAX_CAPACITY), st.integers(0, MAX_CAPACITY))
years = st.one_of(st.just(1900), st.just(dt.date.today().year), st.integers(1900, 2026))
poison = st.sampled_from([("capacity", 10**30), ("capacity", 2**63), ("capacity", 1e300),
                          ("title", 12345), ("title", "Збори\x00"), ("capacity", -1)])


class OfficesAndCouncil(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="machine-"))
        self.db = make_db("sqlite", self.root)
        self.server = LiveServer(self.db)
        self.proxy = FaultProxy("127.0.0.1", self.server.port, seed=3)
        self.proxy.__enter__()
        self.offices = {"A": service.create_office(self.db, "Офіс А"),
                        "B": service.create_office(self.db, "Офіс Б")}
        self.devices: dict[str, Device] = {}
        for name in DEVICES:
            office = self.offices[OFFICE_OF[name]] if OFFICE_OF[name] else None
            self.devices[name] = Device(self.root, name, self.proxy.url, self.db, office,
                                        role="office" if office else "council")
        for device in self.devices.values():
            device.sync_until_clean()
        self.step = 0
        # (table, id) created on a device, with the step; confirmed once a sync sent them.
        self.unconfirmed: dict[str, list[tuple[str, str, int]]] = {n: [] for n in DEVICES}
        self.expected: set[tuple[str, str]] = set()
        self.backups: dict[str, list[tuple[Path, int]]] = {n: [] for n in DEVICES}
        self.rogue_mutation = 0
        self.rogue = self._enroll_rogue()

    def _enroll_rogue(self) -> tuple[str, dict[str, str]]:
        code = auth.new_enrollment_code(self.db, self.offices["A"], "office")
        device_id = new_id()
        r = requests.post(f"{self.server.url}/v1/enroll",
                          json={"code": code, "device_id": device_id}, timeout=10)
        return device_id, {"Authorization": f"Bearer {r.json()['token']}"}

    def teardown(self) -> None:
        try:
            self._converge_and_check()
            TRIED["runs converged"] += 1
            if os.environ.get("HROMADA_MACHINE_STATS"):
                Path(os.environ["HROMADA_MACHINE_STATS"]).write_text(json.dumps(TRIED))
        finally:
            for device in self.devices.values():
                with contextlib.suppress(Exception):
                    device.store.close()
            self.proxy.__exit__(None, None, None)
            self.server.stop()
            self.db.close()
            shutil.rmtree(self.root, ignore_errors=True)

    # -- the office work ------------------------------------------------------------------

    def _office_device(self, name: str) -> str | None:
        return self.offices[OFFICE_OF[name]] if OFFICE_OF[name] else None

    def _created(self, name: str, table: str, record_id: str) -> None:
        self.step += 1
        self.unconfirmed[name].append((table, record_id, self.step))

    @rule(name=device, last=names, first=names, notes=text, year=years)
    def register_person(self, name, last, first, notes, year):
        device = self.devices[name]
        values = {"last_name": last, "first_name": first, "gender": "female",
                  "birth_year": year, "notes": notes}
        office = self._office_device(name) or self.offices["A"]
        values["office_id"] = office
        try:
            cleaned = validate("people", values)
        except ValidationError:
            return
        record = device.store.insert("people", cleaned)
        self._created(name, "people", record["id"])
        TRIED["records"] += 1

    @rule(name=device, title=text, cap=capacity, place=text)
    def plan_event(self, name, title, cap, place):
        device = self.devices[name]
        office = self._office_device(name) or self.offices["B"]
        values = {"title": title, "kind": "meeting", "office_id": office, "place": place,
                  "starts_at": "2026-12-01T10:00", "capacity": cap}
        try:
            cleaned = validate("events", values)
        except ValidationError:
            return
        record = device.store.insert("events", cleaned)
        self._created(name, "events", record["id"])
        TRIED["records"] += 1

    @rule(name=device, data=st.data())
    def check_someone_in(self, name, data):
        store = self.devices[name].store
        office = self._office_device(name)
        where = "deleted = 0" + (" AND office_id = ?" if office else "")
        people = [r[0] for r in store.conn.execute(
            f"SELECT id FROM people WHERE {where} ORDER BY id", (office,) if office else ())]
        events = [r[0] for r in store.conn.execute(
            "SELECT id FROM events WHERE deleted = 0 ORDER BY id")]
        if not people or not events:
            return
        done = check_in(store, data.draw(st.sampled_from(events)),
                        data.draw(st.sampled_from(people)))
        self._created(name, "attendance", done.attendance_id)

    # -- sync, backups, restores --------------------------------------------------------

    @rule(name=device, faulty=st.sampled_from([False, False, True]))
    def sync(self, name, faulty):
        device = self.devices[name]
        TRIED["faulty syncs" if faulty else "syncs"] += 1
        if faulty:
            self.proxy.set_faults(cut_probability=0.5)
        try:
            report = device.sync(retries=1)
        except SyncError:
            return  # a cut link; the next sync resumes
        finally:
            self.proxy.heal()
        if report.pending_after == 0:
            self._confirm(name)
            self.back_up(name)  # an automatic backup after a good sync, as offices keep


    def _confirm(self, name: str) -> None:
        self.expected |= {(t, r) for t, r, _ in self.unconfirmed[name]}
        self.unconfirmed[name] = []

    @rule(name=device)
    def back_up(self, name):
        device = self.devices[name]
        self.step += 1
        target = device.dir / "backups" / f"b{self.step}.sqlite3"
        backup_file(device.dir / "hromada.sqlite3", target)
        self.backups[name].append((target, self.step))

    @precondition(lambda self: any(self.backups.values()))
    @rule(data=st.data())
    def restore_a_backup(self, data):
        name = data.draw(st.sampled_from([n for n in DEVICES if self.backups[n]]))
        path, taken_at = data.draw(st.sampled_from(self.backups[name]))
        device = self.devices[name]
        TRIED["restores"] += 1
        device.store.close()
        restore(path, device.dir / "hromada.sqlite3", device.dir / "backups")
        device.store = open_store(device.dir / "hromada.sqlite3")
        # What the platform never received and the backup does not hold is gone: that is
        # what restoring means. Everything else must survive.
        self.unconfirmed[name] = [u for u in self.unconfirmed[name] if u[2] <= taken_at]

    # -- hostility ----------------------------------------------------------------------

    @rule(bad=poison)
    def rogue_pushes_what_no_copy_could_store(self, bad):
        field, value = bad
        TRIED["bad records pushed"] += 1
        self.rogue_mutation += 1
        device_id, headers = self.rogue
        change = {"mutation": self.rogue_mutation, "change_id": new_id(), "table": "events",
                  "record_id": new_id(), "op": "insert",
                  "fields": {"title": "Збори", "kind": "meeting", "office_id": self.offices["A"],
                             "starts_at": "2026-12-01T10:00", field: value},
                  "hlc": "1795456133980-00000-rogue", "changed_at": now_iso()}
        r = requests.post(f"{self.server.url}/v1/push", headers={
            **headers, "Content-Type": "application/json"},
            data=json.dumps({"device_id": device_id, "changes": [change]}), timeout=10)
        assert r.status_code == 200, r.text
        assert r.json()["results"][0]["status"] == "rejected"

    @rule(field=st.sampled_from(["capacity", "title"]))
    def an_older_platform_let_a_bad_row_in(self, field):
        TRIED["bad rows planted"] += 1
        value = 10**30 if field == "capacity" else 123
        data = {"title": "Збори", "kind": "meeting", "office_id": self.offices["B"],
                "starts_at": "2026-12-01T10:00", field: value}
        with self.db.transaction(write=True) as tx:
            rev = tx.next_rev()
            tx.execute("INSERT INTO records(tbl, id, office_id, shared, data, field_meta, rev, "
                       "deleted, hlc, updated_at) VALUES('events', ?, ?, 1, ?, '{}', ?, 0, "
                       "NULL, ?)", (new_id(), self.offices["B"], json.dumps(data), rev,
                                    now_iso()))

    @invariant()
    def every_store_stays_sound(self):
        for device in self.devices.values():
            row = device.store.conn.execute("PRAGMA quick_check").fetchone()
            assert row[0] == "ok"

    # -- the end: heal, sync everyone, compare --------------------------------------------

    def _converge_and_check(self) -> None:
        self.proxy.heal()
        for _ in range(2):
            for name, device in self.devices.items():
                report = device.sync_until_clean()  # raises if a device is stuck
                assert report.up_to_date, name
                self._confirm(name)
        for name, device in self.devices.items():
            local, remote = device.snapshot(), platform_view(self.db, device.store.device_id)
            aside = {(t, r) for t, r, _rev, _why in syncstate.open_set_aside(device.store)}
            for table in SYNCED_TABLES:
                wanted = {k: v for k, v in remote[table].items() if (table, k) not in aside}
                assert local[table] == wanted, (name, table)
            scope = {"A": self.offices["A"], "B": self.offices["B"]}.get(OFFICE_OF[name])
            for table, record_id in self.expected:
                if table in ("events",) or scope is None:
                    visible = True
                else:
                    row = local[table].get(record_id) or remote[table].get(record_id)
                    visible = row is not None
                if visible:
                    assert record_id in local[table], (
                        f"{table} {record_id} was lost on the way to {name}")
        council = platform_view(self.db, self.devices["council"].store.device_id)
        for table, record_id in self.expected:
            assert record_id in council[table], f"{table} {record_id} never reached the platform"
        with self.db.transaction() as tx:
            twice = tx.all("SELECT device_id, change_id, count(*) FROM device_changes "
                           "GROUP BY device_id, change_id HAVING count(*) > 1")
        assert twice == [], "a change was applied twice"


OfficesAndCouncil.TestCase.settings = settings(
    max_examples=30, stateful_step_count=30, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.large_base_example],
)
test_offices_and_council_never_lose_or_stick = OfficesAndCouncil.TestCase
