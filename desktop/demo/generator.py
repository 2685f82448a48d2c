"""Realistic, reproducible demo data for a Vinnytsia-like community of liaison offices.

Why it is built this way:

* **Reproducible.** Everything random comes from `random.Random` instances seeded from the
  `seed` argument (one per table, so changing how one table is generated does not reshuffle
  the others), and every date is anchored to `REFERENCE_DATE`, never to today. Record ids are
  UUIDv7-shaped with a fixed base timestamp and seeded random bits, so the same seed gives the
  same ids too; attendance uses the store's natural id of person x event. Only the store's
  own metadata (`created_at`, `updated_at`, `device_id`, the change log) differs between runs.
* **Fast enough for a million rows.** Rows are produced lazily, table by table, and handed to
  `Store.insert_many`, which batches them, so memory stays flat. Nothing slow runs per row:
  phone numbers are built in E.164 directly (valid by construction, no phonenumbers
  parsing), choices use precomputed cumulative weights. `people=200000, events=5000`
  (~1.16 M records, ~920 k of them attendance) takes about 3.5 minutes on two cores, over
  85% of it inside the store's write path (row, change log, search index).
* **Plausible to the people who will look at it.** Office staff judge the demo by whether the
  reports look like theirs: ~58% women, most people in the 36-59 and 60+ groups, events mostly
  in the past with attendance and feedback, CSOs with valid EDRPOU codes, ideas with council
  answers. The texts are real Ukrainian, with the apostrophe variants real input has.

Progress and cancelling: `progress(stage, done, total)` is called per table (stage = table
name) and every few thousand rows; `cancel()` is polled between batches. A cancel raises
`DemoCancelled`. Each table is inserted in one transaction, so the table being written when
the cancel comes is rolled back while the tables before it stay; the database stays
consistent (every row has its change-log entry and search document), just incomplete.
"""

from __future__ import annotations

import hashlib
import json
import random
import uuid
from bisect import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain import vocab
from desktop.domain.edrpou import make_edrpou
from desktop.paths import resources_dir
from desktop.store.errors import StoreError
from desktop.store.ids import attendance_id, natural_id

if TYPE_CHECKING:
    from desktop.store.records import Store

#: "Today" for the demo. Fixed, so the same seed always gives the same database.
REFERENCE_DATE = date(2026, 11, 1)

#: The version of the consent text people signed (the offices' 2024 form).
CONSENT_TEXT_VERSION = "2024-01"

#: Rows per insert batch; also how often progress is reported and cancel() polled.
BATCH = 5000

#: Events span the past 18 months and the next 2 months.
PAST_DAYS = 548
FUTURE_DAYS = 61

#: Idea categories a grant application can plausibly be about.
GRANT_CATEGORIES = frozenset({"education", "culture", "sport", "social", "ecology", "health"})

#: Page cache while filling, in KiB (see _Generator.run).
CACHE_KIB = 256 * 1024

#: Average attendance per event is clamped to this range.
MIN_AVG_ATTENDANCE, MAX_AVG_ATTENDANCE = 10, 400

LEVELS = vocab.codes("participation_levels")
MOBILE_CODES = ("67", "68", "96", "97", "98", "50", "66", "95", "99", "63", "73", "93")
EMAIL_DOMAINS = ("example.com", "example.net", "example.org")

Progress = Callable[[str, int, int], None]
Cancel = Callable[[], bool]


class DemoCancelled(Exception):
    """The caller's cancel() returned True; the table in progress was rolled back."""


class DemoTargetNotEmpty(StoreError):
    """Demo data must never be mixed into a database holding real people's records."""


# -- small helpers ------------------------------------------------------------------------


class _Weighted:
    """Weighted choice by bisecting cumulative weights: much faster than rng.choices per call."""

    __slots__ = ("_cum", "_items", "_total")

    def __init__(self, items: Sequence[Any], weights: Sequence[float]) -> None:
        if not items or len(items) != len(weights):
            raise ValueError("weighted choice needs items with one weight each")
        self._items = list(items)
        self._cum = list(accumulate(weights))
        self._total = self._cum[-1]

    def pick(self, rng: random.Random) -> Any:
        return self._items[bisect(self._cum, rng.random() * self._total)]


class _Ids:
    """Deterministic UUIDv7s: fixed base time plus a counter (so they sort in creation order
    and append to the primary-key B-tree, as the app's own ids do), then seeded random bits."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(f"hromada-demo:{seed}:ids")
        base = datetime(REFERENCE_DATE.year, REFERENCE_DATE.month, REFERENCE_DATE.day)
        self._ms = int((base - datetime(1970, 1, 1)).total_seconds() * 1000)

    def __call__(self) -> str:
        self._ms += 1
        rand = self._rng.getrandbits(74)
        value = (
            (self._ms << 80) | (0x7 << 76) | ((rand >> 62) << 64) | (0b10 << 62)
            | (rand & ((1 << 62) - 1))
        )
        return str(uuid.UUID(int=value))


@lru_cache(maxsize=16)
def _dst_bounds(year: int) -> tuple[date, date]:
    """EU summer time (Kyiv is UTC+3 from the last Sunday of March to that of October).

    Computed by hand rather than with zoneinfo, which needs the tzdata package on Windows.
    """

    def last_sunday(month: int) -> date:
        day = date(year, month, 31)
        return day - timedelta(days=(day.weekday() - 6) % 7)

    return last_sunday(3), last_sunday(10)


def _utc(day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A Kyiv wall-clock time as naive UTC (events are planned in local time)."""
    start, end = _dst_bounds(day.year)
    offset = 3 if start <= day < end else 2
    return datetime(day.year, day.month, day.day, hour, minute, second) - timedelta(hours=offset)


def _stamp(moment: datetime) -> str:
    """UTC ISO-8601 with milliseconds and Z, the store's timestamp format."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "-": "-", " ": "-",
}
_TRANSLIT_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


@lru_cache(maxsize=4096)
def translit(text: str) -> str:
    """Ukrainian -> Latin by the official 2010 table (e.g. for e-mail addresses and slugs)."""
    out = []
    for i, ch in enumerate(text.lower()):
        table = _TRANSLIT_INITIAL if (i == 0 or text[i - 1] in " -") else {}
        out.append(table.get(ch) or _TRANSLIT.get(ch, ""))
    return "".join(out).strip("-")


class _SafeDict(dict):
    """str.format_map helper: unknown placeholders stay as they are instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, **values: Any) -> str:
    return template.format_map(_SafeDict(values))


# -- sources ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sources:
    """The JSON files of resources/demo, loaded once."""

    names: dict
    districts: dict
    events: dict
    ideas: dict
    consultations: dict
    organizations: dict
    visits: dict
    feedback: dict

    @classmethod
    def load(cls, folder: Path | None = None) -> Sources:
        folder = folder or resources_dir() / "demo"
        data = {}
        for name in cls.__dataclass_fields__:
            with (folder / f"{name}.json").open(encoding="utf-8") as handle:
                data[name] = json.load(handle)
        return cls(**data)


def patronymic(father: str, female: bool, rules: dict) -> str:
    """Іван -> Іванович / Іванівна, with the irregular names (Ілля -> Ілліч) listed first."""
    irregular = rules["irregular"].get(father)
    if irregular:
        return irregular[1 if female else 0]
    for ending, male_suffix, female_suffix in rules["rules"]:
        if father.endswith(ending):
            stem = father[: len(father) - len(ending)] if ending else father
            return stem + (female_suffix if female else male_suffix)
    return father  # pragma: no cover - the last rule matches everything


def feminine_surname(surname: str, kind: str, names: dict) -> str:
    """Вишневський -> Вишневська, Крайній -> Крайня, Іванов -> Іванова; -енко/-ук unchanged."""
    if kind == "possessive":
        return surname + names["possessive_feminine_suffix"]
    if kind == "adjectival":
        for ending, replacement in names["feminine_rules"]:
            if surname.endswith(ending):
                return surname[: -len(ending)] + replacement
    return surname


# -- generation state ---------------------------------------------------------------------


@dataclass
class _Settlement:
    index: int
    id: str
    name: str
    label: str
    district: int
    kind: str

    @property
    def city(self) -> bool:
        return self.kind == "city"


@dataclass
class _District:
    index: int
    id: str
    name: str
    weight: float
    streets: list[str]
    settlements: list[_Settlement] = field(default_factory=list)
    settlement_pick: _Weighted | None = None
    office_id: str = ""
    office_short: str = ""
    office_kind: str = ""
    office_opened: date = REFERENCE_DATE
    staff: list[str] = field(default_factory=list)
    people: list[int] = field(default_factory=list)  # indexes into _Generator.person_ids
    orgs: list[tuple[str, date]] = field(default_factory=list)  # (id, founded)


@dataclass
class _EventPlan:
    starts: datetime
    district: int
    kind: str
    status: str
    roster: int
    title: str = ""
    settlement_label: str = ""
    id: str = ""


def _days_ago(days: int) -> date:
    return REFERENCE_DATE - timedelta(days=days)


class _Generator:
    def __init__(
        self, store: Store, people: int, events: int, seed: int,
        progress: Progress | None, cancel: Cancel | None, sources: Sources,
        visits_per_person: float = 5,
    ) -> None:
        if people < 0 or events < 0:
            raise ValueError("people and events must not be negative")
        self.store = store
        self.n_people = people
        self.n_events = events
        self.visits_per_person = visits_per_person
        self.seed = seed
        self.progress = progress
        self.cancel = cancel
        self.src = sources
        self.ids = _Ids(seed)
        self.counts: dict[str, int] = {}
        self.districts: list[_District] = []
        self.settlements: list[_Settlement] = []
        self.hub = 0
        self.kind_ids: dict[str, str] = {}
        self.category_ids: dict[str, str] = {}
        self.person_ids: list[str] = []
        self.person_settlement: list[int] = []
        self.person_minor = bytearray()
        self.plans: list[_EventPlan] = []
        self.hearings: list[_EventPlan] = []
        self.memoranda: list[tuple[str, str, str]] = []  # (org id, name, memorandum date)
        self.edrpou_seen: set[str] = set()
        self.org_sizes: list[tuple[str, int, int, date]] = []  # (id, district, size, founded)
        self.consultation_plans: list[dict] = []
        self._pickers = self._name_pickers()

    def rng(self, stage: str) -> random.Random:
        return random.Random(f"hromada-demo:{self.seed}:{stage}")

    # -- driving ------------------------------------------------------------------------

    def run(self) -> dict[str, int]:
        for table in ("districts", "people", "events"):
            if self.store.count(table, include_deleted=True):
                raise DemoTargetNotEmpty(
                    f"the database already has {table}; demo data goes only into a new, "
                    "empty database (use another --data-dir)"
                )
        # Attendance and change-log rows land at random places in several indexes (their
        # ids are hashes). With SQLite's default 2 MB page cache a million of them thrash
        # the cache and spill pages to the WAL over and over; a larger cache for the
        # duration of the fill cut the 200 k-people run from 256 s to 197 s. It is only
        # memory actually used, and the connection gets its old setting back afterwards.
        conn = self.store.conn
        previous = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
        try:
            return self._fill()
        finally:
            conn.execute(f"PRAGMA cache_size = {previous}")

    def _fill(self) -> dict[str, int]:
        self._emit("districts", self._districts(), len(self.src.districts["districts"]))
        self._emit("settlements", self._settlements(),
                   sum(len(d["settlements"]) for d in self.src.districts["districts"]))
        self._emit("offices", self._offices(), len(self.districts))
        self._emit("event_kinds", *self._seeds("event_kinds"))
        self._emit("idea_categories", *self._seeds("idea_categories"))
        self._emit("staff", *self._staff())
        self._emit("people", self._people(), self.n_people)
        self._emit("organizations", *self._organizations())
        self._emit("org_members", *self._org_members())
        self._plan_events()
        self._emit("events", self._events(), len(self.plans))
        self._emit("attendance", self._attendance(), sum(p.roster for p in self.plans))
        self._emit("consultations", *self._consultations())
        self._emit("submissions", *self._submissions())
        self._emit("visits", *self._visits())
        self._emit("ideas", *self._ideas())
        self._emit("attachments", *self._attachments())
        self._emit("targets", self._targets(), len(self.districts))
        return self.counts

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            raise DemoCancelled("demo data generation was cancelled")

    def _report(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)

    def _emit(self, table: str, rows: Iterable[dict], total: int) -> None:
        self._check_cancel()
        self._report(table, 0, total)

        def tracked() -> Iterator[dict]:
            for done, row in enumerate(rows, start=1):
                yield row
                if done % BATCH == 0:
                    self._check_cancel()
                    self._report(table, done, max(total, done))

        count = self.store.insert_many(table, tracked(), batch_size=BATCH)
        self.counts[table] = count
        self._report(table, count, count)

    # -- places and offices -------------------------------------------------------------

    def _districts(self) -> Iterator[dict]:
        community = self.src.districts["community"]
        for index, spec in enumerate(self.src.districts["districts"]):
            district = _District(index, self.ids(), spec["name"], spec["weight"],
                                 spec["streets"])
            self.districts.append(district)
            if spec["office"]["kind"] == "cso_hub":
                self.hub = index
            row = {"id": district.id, "name": spec["name"], "community": community}
            if spec.get("starosta"):
                row["starosta"] = spec["starosta"]
            yield row

    def _settlements(self) -> Iterator[dict]:
        prefix = self.src.districts["katottg_prefix"]
        number = 0
        for district, spec in zip(self.districts, self.src.districts["districts"], strict=True):
            weights = []
            for item in spec["settlements"]:
                number += 1
                settlement = _Settlement(len(self.settlements), self.ids(), item["name"],
                                         item["label"], district.index, item["kind"])
                district.settlements.append(settlement)
                self.settlements.append(settlement)
                weights.append(item["weight"])
                tail = int(hashlib.sha256(item["name"].encode()).hexdigest(), 16) % 90000 + 10000
                yield {
                    "id": settlement.id, "name": item["name"], "kind": item["kind"],
                    "district_id": district.id, "katottg": f"{prefix}{number:03d}00{tail}",
                }
            district.settlement_pick = _Weighted(district.settlements, weights)

    def _offices(self) -> Iterator[dict]:
        for district, spec in zip(self.districts, self.src.districts["districts"], strict=True):
            office = spec["office"]
            district.office_id = self.ids()
            district.office_short = office["short_name"]
            district.office_kind = office["kind"]
            district.office_opened = date.fromisoformat(office["opened_on"])
            yield {
                "id": district.office_id, "name": office["name"],
                "short_name": office["short_name"], "kind": office["kind"],
                "district_id": district.id, "settlement_id": district.settlements[0].id,
                "address": office["address"], "phone": office["phone"],
                "email": office["email"], "opened_on": office["opened_on"], "active": 1,
            }

    def _targets(self) -> Iterator[dict]:
        """The council's targets for the demo year: the programme's 15 events and 3 CSOs
        (a hub more events), and a number of people to reach."""
        for district in self.districts:
            hub = district.office_kind == "cso_hub"
            yield {"id": self.ids(), "office_id": district.office_id,
                   "year": REFERENCE_DATE.year, "events_held": 20 if hub else 15,
                   "csos_created": 3, "people_reached": 400 if hub else 250}

    def _seeds(self, table: str) -> tuple[Iterator[dict], int]:
        seeds = vocab.EVENT_KIND_SEEDS if table == "event_kinds" else vocab.IDEA_CATEGORY_SEEDS
        # The app may seed these itself; reuse what is there, add only what is missing.
        existing = dict(self.store.conn.execute(f"SELECT code, id FROM [{table}]").fetchall())
        target = self.kind_ids if table == "event_kinds" else self.category_ids
        target.update(existing)
        missing = [s for s in seeds if s["code"] not in existing]

        def rows() -> Iterator[dict]:
            for seed in missing:
                # A natural id: every office seeding the same code makes the same record,
                # so sync merges the lookup lists instead of duplicating them.
                record_id = natural_id(table, seed["code"])
                target[seed["code"]] = record_id
                yield {"id": record_id, "code": seed["code"], "name_uk": seed["name_uk"],
                       "name_en": seed["name_en"], "sort_order": seed["sort_order"]}

        return rows(), len(missing)

    # -- people -------------------------------------------------------------------------

    def _name_pickers(self) -> tuple[_Weighted, _Weighted, _Weighted]:
        names = self.src.names

        def popularity(items: Sequence[Any]) -> _Weighted:
            # Earlier names in the lists are the more common ones.
            return _Weighted(items, [1.0 / (rank + 8) for rank in range(len(items))])

        surnames = [(s, kind) for kind, items in names["surnames"].items() for s in items]
        return (popularity(names["male_first"]), popularity(names["female_first"]),
                _Weighted(surnames, [1.0] * len(surnames)))

    def _full_name(self, rng: random.Random, female: bool) -> tuple[str, str, str]:
        male_pick, female_pick, surname_pick = self._pickers
        surname, kind = surname_pick.pick(rng)
        last = feminine_surname(surname, kind, self.src.names) if female else surname
        first = (female_pick if female else male_pick).pick(rng)
        middle = patronymic(male_pick.pick(rng), female, self.src.names["patronymic"])
        return last, first, middle

    def _email(self, rng: random.Random, first: str, last: str) -> str:
        style = rng.random()
        if style < 0.4:
            local = f"{translit(first)}.{translit(last)}"
        elif style < 0.7:
            local = f"{translit(last)}{rng.randint(1, 99)}"
        else:
            local = f"{translit(first)[:1]}{translit(last)}{rng.randint(1960, 2010)}"
        return f"{local.replace('-', '')}@{EMAIL_DOMAINS[rng.randrange(3)]}"

    def _phone(self, rng: random.Random, seen: set[str]) -> str:
        while True:
            number = (f"+380{MOBILE_CODES[rng.randrange(len(MOBILE_CODES))]}"
                      f"{rng.randrange(1_000_000, 10_000_000)}")
            if number not in seen:
                seen.add(number)
                return number

    def _address(self, rng: random.Random, district: _District, city: bool) -> str:
        street = district.streets[rng.randrange(len(district.streets))]
        house = rng.randint(1, 180 if city else 120)
        if city and rng.random() < 0.65:
            return f"{street}, {house}, кв. {rng.randint(1, 160)}"
        return f"{street}, {house}"

    def _people(self) -> Iterator[dict]:
        rng = self.rng("people")
        district_pick = _Weighted(self.districts, [d.weight for d in self.districts])
        gender_pick = _Weighted(["female", "male", "not_stated", "other"], [580, 410, 8, 2])
        age_pick = _Weighted([(10, 17), (18, 35), (36, 59), (60, 88)], [6, 24, 40, 30])
        consent_pick = _Weighted(["paper", "electronic", "verbal"], [62, 30, 8])
        notes = [
            "Потребує супроводу на заходах.", "Ветеран, учасник бойових дій.",
            "Багатодітна родина.", "Зручніше телефонувати після 18:00.",
            "Волонтерка, допомагає з реєстрацією.", "Просить надсилати запрошення поштою.",
            "Староста вулиці.", "Член ОСН.",
        ]
        phones: set[str] = set()
        hub = self.districts[self.hub]
        earliest = date(2024, 1, 15)
        span = (REFERENCE_DATE - earliest).days
        for index in range(self.n_people):
            district = district_pick.pick(rng)
            settlement = district.settlement_pick.pick(rng)  # type: ignore[union-attr]
            gender = gender_pick.pick(rng)
            female = gender == "female" or (gender in ("other", "not_stated")
                                            and rng.random() < 0.5)
            last, first, middle = self._full_name(rng, female)
            low, high = age_pick.pick(rng)
            age = rng.randint(low, high)
            age_group = ("under_18" if age < 18 else "18_35" if age <= 35
                         else "36_59" if age <= 59 else "60_plus")
            person_id = self.ids()
            self.person_ids.append(person_id)
            self.person_settlement.append(settlement.index)
            self.person_minor.append(age < 18)
            district.people.append(index)
            row: dict[str, Any] = {
                "id": person_id, "last_name": last, "first_name": first, "gender": gender,
                "age_group": age_group, "settlement_id": settlement.id,
                "office_id": hub.office_id if rng.random() < 0.05 else district.office_id,
                "idp": int(rng.random() < 0.07), "disability": int(rng.random() < 0.06),
            }
            if rng.random() < 0.93:
                row["patronymic"] = middle
            if rng.random() < 0.9:
                row["birth_year"] = REFERENCE_DATE.year - age
            if rng.random() < (0.5 if age < 18 else 0.9 if age < 60 else 0.8):
                row["phone"] = self._phone(rng, phones)
            if rng.random() < (0.45 if age <= 35 else 0.25 if age <= 59 else 0.06):
                row["email"] = self._email(rng, first, last)
            if rng.random() < 0.85:
                row["address"] = self._address(rng, district, settlement.city)
            if rng.random() < 0.03:
                row["notes"] = notes[rng.randrange(len(notes))]
            if rng.random() < 0.94:
                day = earliest + timedelta(days=rng.randrange(span))
                given = _utc(day, rng.randint(9, 17), rng.randrange(60), rng.randrange(60))
                row["consent_given_at"] = _stamp(given)
                row["consent_text_version"] = CONSENT_TEXT_VERSION
                row["consent_method"] = consent_pick.pick(rng)
                if rng.random() < 0.005:
                    withdrawn = given + timedelta(days=rng.randint(1, 200))
                    if withdrawn.date() < REFERENCE_DATE:
                        row["consent_withdrawn_at"] = _stamp(withdrawn)
            yield row

    # -- staff --------------------------------------------------------------------------

    def _staff(self) -> tuple[Iterator[dict], int]:
        rng = self.rng("staff")
        plan: list[tuple[_District, str, bool]] = []
        for district in self.districts:
            is_hub = district.index == self.hub
            plan.append((district, "administrator", True))
            plan += [(district, "operator", True)] * (3 if is_hub else rng.randint(1, 2))
            if is_hub:
                plan += [(district, "council_officer", True)] * 2
                plan.append((district, "operator", False))  # someone who left
            elif rng.random() < 0.4:
                plan.append((district, "council_officer", True))

        def rows() -> Iterator[dict]:
            for district, role, active in plan:
                female = rng.random() < 0.75
                last, first, middle = self._full_name(rng, female)
                staff_id = self.ids()
                if active:
                    district.staff.append(staff_id)
                domain = "vmr.example.org" if role == "council_officer" else \
                    "hromada-vn.example.org"
                yield {
                    "id": staff_id, "name": f"{last} {first} {middle}",
                    "office_id": district.office_id, "role": role,
                    "email": f"{translit(first)[:1]}.{translit(last)}@{domain}",
                    "active": int(active),
                }

        return rows(), len(plan)

    # -- CSOs ---------------------------------------------------------------------------

    def _edrpou(self, rng: random.Random, founded: date) -> str:
        # Codes are issued roughly in sequence: older organisations have lower codes.
        if founded.year < 2005:
            low, high = 2_000_000, 3_300_000
        elif founded.year < 2015:
            low, high = 3_300_000, 3_990_000
        elif founded.year < 2022:
            low, high = 4_000_000, 4_400_000
        else:
            low, high = 4_400_000, 4_600_000
        while True:
            try:
                code = make_edrpou(f"{rng.randrange(low, high):07d}")
            except ValueError:
                continue
            if code not in self.edrpou_seen:
                self.edrpou_seen.add(code)
                return code

    def _organizations(self) -> tuple[Iterator[dict], int]:
        rng = self.rng("organizations")
        src = self.src.organizations
        count = max(15, self.n_people // 400)
        forms = list(src["legal_forms"])
        form_pick = _Weighted(forms, [src["legal_forms"][f]["weight"] for f in forms])
        district_pick = _Weighted(self.districts, [d.weight for d in self.districts])
        areas = [code for code in vocab.codes("cso_areas") if code != "other"]
        genitive = src["genitive"]
        phones: set[str] = set()

        def rows() -> Iterator[dict]:
            names_seen: set[str] = set()
            for _ in range(count):
                form = form_pick.pick(rng)
                spec = src["legal_forms"][form]
                district = district_pick.pick(rng)
                settlement = district.settlement_pick.pick(rng)  # type: ignore[union-attr]
                street = district.streets[rng.randrange(len(district.streets))]
                for _attempt in range(20):
                    core = _fill(
                        rng.choice(src["cores"][form]), settlement_name=settlement.name,
                        settlement_gen=genitive.get(settlement.name, settlement.name),
                        street=street, street_core=rng.choice(src["street_cores"]))
                    name = f"{spec['prefix']} «{core}»" if "«" not in core else \
                        f"{spec['prefix']} {core}"
                    if name not in names_seen:
                        break
                    street = district.streets[rng.randrange(len(district.streets))]
                else:
                    name = f"{name} ({settlement.name})"
                names_seen.add(name)
                # A third were founded in the last two years: the "CSOs created" KPI.
                if rng.random() < 0.3:
                    founded = _days_ago(rng.randint(5, 730))
                else:
                    founded = _days_ago(rng.randint(731, 365 * 30))
                org_id = self.ids()
                district.orgs.append((org_id, founded))
                row: dict[str, Any] = {
                    "id": org_id, "name": name, "legal_form": form,
                    "areas": sorted(rng.sample(areas, rng.randint(1, min(3, len(areas))))),
                    "settlement_id": settlement.id, "office_id": district.office_id,
                    "address": self._address(rng, district, settlement.city),
                }
                if spec["has_edrpou"]:
                    row["edrpou"] = self._edrpou(rng, founded)
                    row["registered_on"] = founded.isoformat()
                    row["short_name"] = f"{spec['prefix']} «{core.strip('«»')}»" \
                        if len(name) > 40 else None
                if rng.random() < 0.6:
                    row["phone"] = self._phone(rng, phones)
                slug = translit(core.split("«")[-1].strip("«» "))[:30].strip("-") or "hromada"
                if rng.random() < 0.7:
                    row["email"] = f"{slug.replace('-', '')}@{EMAIL_DOMAINS[rng.randrange(3)]}"
                if rng.random() < 0.3:
                    row["website"] = _fill(rng.choice(src["websites"]), slug=slug)
                if spec["has_edrpou"] and rng.random() < 0.35:
                    signed = max(founded, district.office_opened) + timedelta(
                        days=rng.randint(10, 400))
                    if signed < REFERENCE_DATE:
                        row["memorandum"] = 1
                        row["memorandum_on"] = signed.isoformat()
                        self.memoranda.append((org_id, name, signed.isoformat()))
                    else:
                        row["memorandum"] = 0
                else:
                    row["memorandum"] = 0
                if rng.random() < 0.25:
                    row["notes"] = rng.choice(src["notes"])
                self.org_sizes.append((org_id, district.index, rng.randint(2, 8), founded))
                yield {k: v for k, v in row.items() if v is not None}

        # Member counts are drawn while the rows are made, so the org_members total is
        # exact only afterwards; the organizations stage's total is known now.
        return rows(), count

    def _org_members(self) -> tuple[Iterator[dict], int]:
        rng = self.rng("org_members")
        plan = self.org_sizes if self.person_ids else []
        total = sum(min(size, len(self.person_ids)) for _, _, size, _ in plan)

        def rows() -> Iterator[dict]:
            for org_id, district_index, size, founded in plan:
                pool = self.districts[district_index].people or list(range(len(self.person_ids)))
                chosen: list[int] = []
                seen: set[int] = set()
                attempts = 0
                while len(chosen) < min(size, len(self.person_ids)) and attempts < size * 20:
                    attempts += 1
                    source = pool if rng.random() < 0.9 else range(len(self.person_ids))
                    person = source[rng.randrange(len(source))]
                    if person in seen or (not chosen and self.person_minor[person]):
                        continue
                    seen.add(person)
                    chosen.append(person)
                roles = ["head"] + (["deputy"] if size > 3 else []) + ["contact"]
                for i, person in enumerate(chosen):
                    role = roles[i] if i < len(roles) else rng.choice(
                        ["member", "member", "member", "volunteer"])
                    # The head is there from the start; the others joined later.
                    since = founded if i == 0 else founded + timedelta(
                        days=rng.randrange(max(1, (REFERENCE_DATE - founded).days)))
                    row = {"organization_id": org_id, "person_id": self.person_ids[person],
                           "role": role, "since": since.isoformat(), "id": self.ids()}
                    if role in ("member", "volunteer") and rng.random() < 0.1:
                        until = since + timedelta(days=rng.randint(30, 700))
                        if until < REFERENCE_DATE:
                            row["until"] = until.isoformat()
                    yield row

        return rows(), total

    # -- events and attendance ----------------------------------------------------------

    def _average_attendance(self) -> float:
        if not self.n_events:
            return 0.0
        average = self.n_people * self.visits_per_person / self.n_events
        return min(MAX_AVG_ATTENDANCE, max(MIN_AVG_ATTENDANCE, average))

    def _plan_events(self) -> None:
        """Decide every event's date, place, status and roster size before writing any.

        Planning first lets the events go in chronological order (so their ids sort by
        date) and gives the attendance stage an exact total for its progress bar.
        """
        rng = self.rng("events")
        kinds = self.src.events["kinds"]
        codes = [c for c in self.kind_ids if c in kinds] or list(kinds)
        kind_pick = _Weighted(codes, [kinds[c]["weight"] for c in codes])
        weights = [0.30 if d.index == self.hub else 0.70 * d.weight for d in self.districts]
        district_pick = _Weighted(self.districts, weights)
        schedule = self.src.events["schedule"]
        hours = schedule["hours"]
        weekday_weights = schedule["weekday_weights"]
        average = self._average_attendance()
        plans = []
        for _ in range(self.n_events):
            district = district_pick.pick(rng)
            while True:
                offset = rng.randint(-PAST_DAYS, FUTURE_DAYS - 1)
                day = REFERENCE_DATE + timedelta(days=offset)
                if rng.random() * max(weekday_weights) < weekday_weights[day.weekday()]:
                    break
            # New offices hold no events before they opened.
            if day < district.office_opened:
                day = district.office_opened + timedelta(days=rng.randint(7, 60))
                while weekday_weights[day.weekday()] == 0:
                    day += timedelta(days=1)
            past = day < REFERENCE_DATE
            status = ("cancelled" if rng.random() < 0.04 else "held") if past else (
                "cancelled" if rng.random() < 0.03 else "planned")
            starts = _utc(day, rng.choice(hours), rng.choice((0, 0, 0, 30)))
            target = max(3, round(average * rng.uniform(0.55, 1.45)))
            if status == "planned":
                # Registration fills up as the date approaches.
                fill = min(1.0, max(0.15, 1 - offset / (FUTURE_DAYS + 10)))
                roster = round(target * fill)
            elif status == "cancelled":
                roster = round(target * rng.uniform(0.0, 0.4))
            else:
                roster = target
            roster = min(roster, len(self.person_ids))
            plans.append(_EventPlan(starts, district.index, kind_pick.pick(rng), status, roster))
        plans.sort(key=lambda p: (p.starts, p.district))
        self.plans = plans

    def _events(self) -> Iterator[dict]:
        rng = self.rng("event-texts")
        kinds = self.src.events["kinds"]
        places = self.src.events["places"]
        average = self._average_attendance()
        for plan in self.plans:
            district = self.districts[plan.district]
            spec = kinds[plan.kind]
            settlement = district.settlement_pick.pick(rng)  # type: ignore[union-attr]
            street = district.streets[rng.randrange(len(district.streets))]
            local_year = plan.starts.year
            values = {"settlement": settlement.label, "office": district.office_short,
                      "year": local_year, "next_year": local_year + 1, "street": street}
            topic = _fill(rng.choice(spec["topics"]), **values)
            titles = spec["titles"] + ([] if settlement.city else spec.get("rural_titles", []))
            title = _fill(rng.choice(titles), topic=topic, **values)
            online = rng.random() < spec["share_online"]
            if online:
                place = rng.choice(places["online"])
            else:
                place = _fill(rng.choice(places[district.office_kind]), **values)
            low, high = spec["minutes"]
            minutes = rng.randrange(low, high + 1, 15) if high > low else low
            level_pick = _Weighted(list(spec["levels"]), list(spec["levels"].values()))
            capacity = max(plan.roster, round(max(average, plan.roster) * rng.uniform(1.0, 1.3)))
            capacity = -(-capacity // 5) * 5  # round up to a multiple of 5
            plan.id = self.ids()
            plan.title = title
            plan.settlement_label = settlement.label
            row: dict[str, Any] = {
                "id": plan.id, "title": title, "kind": plan.kind,
                "office_id": district.office_id, "place": place,
                "settlement_id": settlement.id, "starts_at": _stamp(plan.starts),
                "ends_at": _stamp(plan.starts + timedelta(minutes=minutes)),
                "capacity": capacity,
                "organiser_office_id": self.districts[self.hub].office_id
                if rng.random() < 0.1 else district.office_id,
                "participation_level": level_pick.pick(rng), "status": plan.status,
                "description": rng.choice(spec["descriptions"]),
            }
            partners = [org for org, founded in district.orgs if founded < plan.starts.date()]
            if partners and rng.random() < 0.2:
                row["organiser_org_id"] = rng.choice(partners)
            if plan.kind == "public_hearing" and plan.status == "held":
                self.hearings.append(plan)
            yield row

    def _pick_attendees(self, rng: random.Random, pool: list[int], k: int) -> list[int]:
        """k distinct people, mostly from the event's district, regulars more often.

        Raising the uniform draw to a power above 1 favours people early in the pool, so some
        regulars come to dozens of events while many come once or twice, as in the offices'
        registers. (1.3 keeps the busiest regular to a plausible few events a month.)
        """
        everyone = len(self.person_ids)
        if k >= everyone:
            return list(range(everyone))
        chosen: list[int] = []
        seen: set[int] = set()
        local = round(k * 0.85)
        if local >= len(pool) // 3:
            picked = rng.sample(pool, min(local, len(pool)))
            chosen.extend(picked)
            seen.update(picked)
        else:
            n = len(pool)
            while len(chosen) < local:
                person = pool[int(n * rng.random() ** 1.3)]
                if person not in seen:
                    seen.add(person)
                    chosen.append(person)
        while len(chosen) < k:
            person = rng.randrange(everyone)
            if person not in seen:
                seen.add(person)
                chosen.append(person)
        return chosen

    def _attendance(self) -> Iterator[dict]:
        rng = self.rng("attendance")
        roles_spec = self.src.events["roles"]
        comments = {int(r): texts for r, texts in self.src.feedback["by_rating"].items()}
        comment_share = self.src.feedback["share_with_comment"]
        rating_pick = _Weighted([5, 4, 3, 2, 1], [55, 30, 10, 3, 2])
        for plan in self.plans:
            if not plan.roster:
                continue
            district = self.districts[plan.district]
            chosen = self._pick_attendees(rng, district.people, plan.roster)
            roles: list[str] = []
            for role in ("organiser", "speaker", "facilitator", "volunteer"):
                low, high = roles_spec[role]
                roles += [role] * rng.randint(low, high)
            event_id = plan.id
            for i, person in enumerate(chosen):
                person_id = self.person_ids[person]
                role = roles[i] if i < len(roles) else "participant"
                row: dict[str, Any] = {"id": attendance_id(person_id, event_id),
                                       "event_id": event_id, "person_id": person_id,
                                       "role": role}
                if plan.status == "cancelled":
                    row["status"] = "cancelled"
                elif plan.status == "planned":
                    row["status"] = "cancelled" if rng.random() < 0.04 else "registered"
                else:
                    draw = rng.random()
                    status = ("attended" if role != "participant" or draw < 0.88
                              else "no_show" if draw < 0.97 else "cancelled")
                    row["status"] = status
                    if status == "attended":
                        row["checked_in_at"] = _stamp(plan.starts + timedelta(
                            seconds=rng.randint(-25 * 60, 20 * 60)))
                        if role == "participant" and rng.random() < 0.6:
                            rating = rating_pick.pick(rng)
                            row["rating"] = rating
                            row["knowledge_improved"] = int(rng.random() < (
                                0.93 if rating >= 4 else 0.8 if rating == 3 else 0.5))
                            row["would_recommend"] = int(rng.random() < (
                                0.985 if rating >= 4 else 0.75 if rating == 3 else 0.3))
                            if rng.random() < comment_share:
                                texts = comments[rating]
                                row["feedback_comment"] = texts[rng.randrange(len(texts))]
                yield row

    # -- consultations and submissions --------------------------------------------------

    def _consultations(self) -> tuple[Iterator[dict], int]:
        rng = self.rng("consultations")
        src = self.src.consultations
        count = 20 + self.n_events // 50
        methods = {
            "information": ["public_hearing", "online", "written"],
            "consultation": ["public_hearing", "survey", "written", "online", "discussion"],
            "dialogue": ["round_table", "discussion"],
            "partnership": ["round_table", "other"],
        }
        hub = self.districts[self.hub]
        for i in range(count):
            if i < len(LEVELS):  # every level appears at least once
                level = LEVELS[i]
                item = rng.choice([it for it in src["items"] if level in it["levels"]])
            else:
                item = rng.choice(src["items"])
                level = rng.choice(item["levels"])
            district = hub if rng.random() < 0.4 else rng.choice(self.districts)
            settlement = district.settlements[0]
            opens = REFERENCE_DATE + timedelta(days=rng.randint(-PAST_DAYS, 40))
            closes = opens + timedelta(days=rng.randint(14, 45))
            if opens > REFERENCE_DATE:
                status = "planned"
            elif closes >= REFERENCE_DATE:
                status = "open"
            elif closes < _days_ago(20) and rng.random() < 0.65:
                status = "results_published"
            else:
                status = "closed"
            values = {"year": opens.year, "next_year": opens.year + 1,
                      "next_year_3": opens.year + 3, "settlement": settlement.label}
            self.consultation_plans.append({
                "id": self.ids(), "title": _fill(item["title"], **values),
                "authority": _fill(item["authority"], **values),
                "topic": item["topic"], "level": level, "method": rng.choice(methods[level]),
                "opens_on": opens, "closes_on": closes, "status": status,
                "office_id": district.office_id, "_district": district.index,
                "_submissions": 0 if status == "planned" else rng.randint(
                    2, max(3, min(60, self.n_people // 20))),
            })

        def rows() -> Iterator[dict]:
            for plan in self.consultation_plans:
                row = {k: v for k, v in plan.items() if not k.startswith("_")}
                row["opens_on"] = plan["opens_on"].isoformat()
                row["closes_on"] = plan["closes_on"].isoformat()
                if plan["status"] in ("closed", "results_published") and (
                        plan["status"] == "results_published" or rng.random() < 0.3):
                    row["outcome"] = _fill(rng.choice(src["outcomes"][plan["level"]]),
                                           n=plan["_submissions"])
                yield row

        return rows(), count

    def _submissions(self) -> tuple[Iterator[dict], int]:
        rng = self.rng("submissions")
        src = self.src.consultations
        via_pick = _Weighted(["paper", "in_person", "email", "phone", "online"],
                             [25, 25, 15, 10, 25])
        total = sum(p["_submissions"] for p in self.consultation_plans)

        def rows() -> Iterator[dict]:
            for plan in self.consultation_plans:
                district = self.districts[plan["_district"]]
                last_day = min(plan["closes_on"], _days_ago(1))
                window = max(0, (last_day - plan["opens_on"]).days)
                for _ in range(plan["_submissions"]):
                    received = plan["opens_on"] + timedelta(days=rng.randint(0, window))
                    row: dict[str, Any] = {
                        "id": self.ids(), "consultation_id": plan["id"],
                        "office_id": district.office_id,
                        "text": rng.choice(src["submissions"]),
                        "received_via": via_pick.pick(rng), "received_on": received.isoformat(),
                    }
                    pool = district.people
                    if pool and rng.random() < 0.85:
                        row["person_id"] = self.person_ids[pool[rng.randrange(len(pool))]]
                    if plan["status"] in ("closed", "results_published") and rng.random() < 0.8:
                        responded = plan["closes_on"] + timedelta(days=rng.randint(3, 30))
                        if responded < REFERENCE_DATE:
                            row["responded_on"] = responded.isoformat()
                            row["response"] = _fill(rng.choice(src["responses"]),
                                                    reason=rng.choice(src["reasons"]))
                    yield row

        return rows(), total

    # -- advice visits ------------------------------------------------------------------

    def _visits(self) -> tuple[Iterator[dict], int]:
        rng = self.rng("visits")
        tools = self.src.visits["tools"]
        tool_pick = _Weighted(list(tools), [t["weight"] for t in tools.values()])
        weights = [0.30 if d.index == self.hub else 0.70 * d.weight for d in self.districts]
        district_pick = _Weighted(self.districts, weights)
        count = self.n_people // 10

        def rows() -> Iterator[dict]:
            for _ in range(count):
                district = district_pick.pick(rng)
                first_day = max(_days_ago(PAST_DAYS), district.office_opened)
                span = max(1, (REFERENCE_DATE - first_day).days)
                day = first_day + timedelta(days=rng.randrange(span))
                while day.weekday() > 4:
                    day -= timedelta(days=1)
                tool = tool_pick.pick(rng)
                spec = tools[tool]
                settlement = district.settlement_pick.pick(rng)  # type: ignore[union-attr]
                street = district.streets[rng.randrange(len(district.streets))]
                visited = _utc(day, rng.randint(9, 17), rng.randrange(60), rng.randrange(60))
                row: dict[str, Any] = {
                    "id": self.ids(), "office_id": district.office_id,
                    "visited_at": _stamp(visited), "tool": tool,
                    "topic": _fill(rng.choice(spec["topics"]), street=street,
                                   settlement=settlement.label),
                }
                if district.people and rng.random() < 0.92:
                    person = district.people[rng.randrange(len(district.people))]
                    row["person_id"] = self.person_ids[person]
                if district.staff:
                    row["staff_id"] = rng.choice(district.staff)
                if rng.random() < 0.85:
                    row["outcome"] = rng.choice(spec["outcomes"])
                if rng.random() < spec["follow_up"]:
                    row["follow_up_on"] = (day + timedelta(days=rng.randint(5, 30))).isoformat()
                yield row

        return rows(), count

    # -- ideas and appeals --------------------------------------------------------------

    def _ideas(self) -> tuple[Iterator[dict], int]:
        rng = self.rng("ideas")
        src = self.src.ideas
        count = max(10, self.n_people // 50)
        channel_pick = _Weighted(
            ["appeal", "proposal", "public_budget", "petition", "grant_application"],
            [40, 25, 20, 10, 5])
        categories = [c for c in self.category_ids if c in src["ideas"]] or ["other"]
        weights = [0.30 if d.index == self.hub else 0.70 * d.weight for d in self.districts]
        district_pick = _Weighted(self.districts, weights)

        def status_for(age: int, channel: str) -> str:
            if age < 10:
                options = {"new": 6, "forwarded": 3, "under_review": 1}
            elif age < 45:
                options = {"forwarded": 2, "under_review": 4, "answered": 4, "accepted": 1,
                           "rejected": 1}
            else:
                options = {"under_review": 1, "answered": 6, "accepted": 3, "rejected": 2,
                           "implemented": 3 if channel in ("public_budget", "proposal") else 1}
            return _Weighted(list(options), list(options.values())).pick(rng)

        def rows() -> Iterator[dict]:
            for _ in range(count):
                district = district_pick.pick(rng)
                channel = channel_pick.pick(rng)
                # Grants fund CSO projects, not road repairs: keep them to "soft" categories.
                allowed = [c for c in categories if c in GRANT_CATEGORIES] \
                    if channel == "grant_application" else []
                category = rng.choice(allowed or categories)
                first_day = max(_days_ago(PAST_DAYS), district.office_opened)
                span = max(1, (REFERENCE_DATE - first_day).days)
                received = first_day + timedelta(days=rng.randrange(span))
                age = (REFERENCE_DATE - received).days
                author = (district.people[rng.randrange(len(district.people))]
                          if district.people and rng.random() < 0.95 else None)
                settlement = (self.settlements[self.person_settlement[author]]
                              if author is not None
                              else district.settlement_pick.pick(rng))  # type: ignore[union-attr]
                street = self.districts[settlement.district].streets[
                    rng.randrange(len(self.districts[settlement.district].streets))]
                items = src["ideas"][category]
                if settlement.city:  # no village-only ideas (a starosta, a pond) in the city
                    items = [item for item in items if "rural" not in item[2:]] or items
                title, description = rng.choice(items)[:2]
                values = {"street": street, "settlement": settlement.label,
                          "number": rng.randint(1, 120), "year": received.year + 1,
                          "amount": f"{rng.randrange(50, 1000) * 1000:,}".replace(",", " ")}
                status = status_for(age, channel)
                row: dict[str, Any] = {
                    "id": self.ids(),
                    "title": src["channel_titles"].get(channel, "") + _fill(title, **values),
                    "description": _fill(description, **values), "channel": channel,
                    "category_id": self.category_ids.get(category), "settlement_id":
                    settlement.id, "office_id": district.office_id,
                    "received_on": received.isoformat(), "status": status,
                }
                if author is not None:
                    row["author_person_id"] = self.person_ids[author]
                if status in src["responses"]:
                    responded = received + timedelta(days=rng.randint(5, 30))
                    responded = min(responded, _days_ago(1))
                    row["responded_on"] = max(responded, received).isoformat()
                    row["response"] = _fill(rng.choice(src["responses"][status]),
                                            year=received.year + 1)
                yield {k: v for k, v in row.items() if v is not None}

        return rows(), count

    # -- attachments --------------------------------------------------------------------

    def _attachments(self) -> tuple[Iterator[dict], int]:
        """Minutes of held public hearings and signed memoranda, as small text files.

        The bytes go where the app keeps attachments (attachments/<sha[:2]>/<sha> beside the
        database), so `hromada-desk check` finds every file it is told about.
        """
        folder = Path(self.store.path).parent / "attachments"
        items: list[tuple[str, str, str, bytes]] = []
        for plan in self.hearings[:25]:
            day = plan.starts.date().isoformat()
            text = (f"ПРОТОКОЛ\nгромадських слухань\n\n{plan.title}\n\nДата: {day}\n"
                    f"Місце: {plan.settlement_label}\nЗареєстровано учасників: {plan.roster}\n\n"
                    "Ухвалено: пропозиції учасників узагальнити та передати до виконавчого "
                    "комітету Вінницької міської ради.\n")
            items.append(("events", plan.id, f"protokol-{day}.txt", text.encode("utf-8")))
        for org_id, name, signed in self.memoranda[:15]:
            text = (f"МЕМОРАНДУМ ПРО СПІВПРАЦЮ\n\nмiж Вінницькою міською радою та {name}\n\n"
                    f"Дата підписання: {signed}\n\nСторони домовилися спільно проводити "
                    "заходи громадської участі та обмінюватися інформацією.\n")
            items.append(("organizations", org_id, f"memorandum-{signed}.txt",
                          text.encode("utf-8")))

        def rows() -> Iterator[dict]:
            for owner_table, owner_id, filename, content in items:
                sha = hashlib.sha256(content).hexdigest()
                target = folder / sha[:2] / sha
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    partial = target.with_name(sha + ".part")
                    partial.write_bytes(content)
                    partial.replace(target)
                yield {"id": self.ids(), "owner_table": owner_table, "owner_id": owner_id,
                       "sha256": sha, "filename": filename, "mime": "text/plain",
                       "size": len(content)}

        return rows(), len(items)


def generate(
    store: Store, *, people: int, events: int, seed: int = 1,
    progress: Progress | None = None, cancel: Cancel | None = None,
    visits_per_person: float = 5,
) -> dict[str, int]:
    """Fill an empty store with a demo community; returns the number of records per table.

    `store` is a `desktop.store.Store`. The same `seed` always produces the same records
    (ids included). Raises `DemoTargetNotEmpty` if the store already has people, events or
    districts, and `DemoCancelled` when `cancel()` returns True (see the module docstring for
    what is kept). Dates are relative to `REFERENCE_DATE`, not today.
    """
    generator = _Generator(store, people, events, seed, progress, cancel, Sources.load(),
                           visits_per_person)
    return generator.run()
