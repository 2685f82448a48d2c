"""When the council must answer: the due date of an appeal, a petition or a submission.

Why here, as pure rules: the office's lists (what is due soon, what is overdue), the council's
console and the KPI "answered on time" must agree to the day, and the rules come from law,
not from the screens. They are those Ukrainian councils follow:

* An *appeal* (звернення: a proposal, a statement or a complaint) is answered within one
  month of its receipt; one that needs no extra study within 15 days; when a month is not
  enough the head may extend it, but never beyond 45 days in all (Law of Ukraine "On
  citizens' appeals", art. 20).
* An *electronic petition* is considered within 10 working days (art. 23-1 of the same law;
  a council's statute may set its own term).
* A *submission* to a public consultation is answered like an appeal, within a month.
* Public-budget projects and grant applications follow the council's own programme rules:
  no term unless the council sets one.

The periods are a reference list (`AnswerPeriod` rows) the council may change; these are
only the defaults. How a period is counted (Civil Code of Ukraine, arts. 253-254): it starts
the day after the receipt; a period in months ends on the same date of the last month, or on
that month's last day when it has no such date; a period ending on a day off ends on the
next working day (but an extension, capped by law, ends on the working day before a day
off rather than after it). Working days are Monday to Friday, less the days off the council lists
(under martial law public holidays are working days, so the list starts empty), plus any
weekend day declared a working day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

#: How an `AnswerPeriod.amount` is counted.
UNITS: tuple[str, ...] = ("days", "working_days", "months")

#: How long an appeal is answered: "short" (no extra study: 15 days), "standard" (the
#: period), "extended" (the head extended it, up to the period's `longest_days`).
TERMS: tuple[str, ...] = ("short", "standard", "extended")

#: Days of an appeal that needs no extra study.
SHORT_TERM_DAYS = 15

#: Where a record stands against its due date (in the order lists show them).
STATES: tuple[str, ...] = ("overdue", "due_soon", "pending", "answered_late",
                           "answered_on_time")

#: "Due soon": the due date is at most this many working days away.
DUE_SOON_WORKING_DAYS = 3


@dataclass(frozen=True)
class AnswerPeriod:
    """The term for answering one kind of record: `kind` is an idea channel ("appeal",
    "petition", ...) or "submission"; `longest_days` caps an extension (calendar days from
    the receipt) where the law allows one."""

    kind: str
    amount: int
    unit: str
    longest_days: int | None = None

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit {self.unit!r}: expected one of {', '.join(UNITS)}")
        if self.amount < 1:
            raise ValueError("a period must be at least one day")
        if self.longest_days is not None and self.longest_days < 1:
            raise ValueError("an extension must be at least one day")


#: The defaults, until the council sets its own.
DEFAULT_PERIODS: Mapping[str, AnswerPeriod] = {p.kind: p for p in (
    AnswerPeriod("appeal", 1, "months", longest_days=45),
    AnswerPeriod("proposal", 1, "months", longest_days=45),
    AnswerPeriod("petition", 10, "working_days"),
    AnswerPeriod("submission", 1, "months", longest_days=45),
)}


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are working days: Monday to Friday, less `days_off`, plus
    `working_days` (a Saturday worked in exchange for a bridge day)."""

    days_off: frozenset[date] = frozenset()
    working_days: frozenset[date] = frozenset()

    @classmethod
    def of(cls, days_off: Iterable[date] = (), working_days: Iterable[date] = ()
           ) -> WorkCalendar:
        return cls(frozenset(days_off), frozenset(working_days))

    def is_working(self, day: date) -> bool:
        if day in self.working_days:
            return True
        return day.weekday() < 5 and day not in self.days_off

    def on_or_after(self, day: date) -> date:
        """`day` if it is a working day, else the next working day."""
        while not self.is_working(day):
            day += timedelta(days=1)
        return day

    def on_or_before(self, day: date) -> date:
        """`day` if it is a working day, else the working day before it."""
        while not self.is_working(day):
            day -= timedelta(days=1)
        return day

    def add_working_days(self, day: date, count: int) -> date:
        """The `count`-th working day after `day` (`day` itself is not counted)."""
        while count > 0:
            day += timedelta(days=1)
            if self.is_working(day):
                count -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 if `end` <= `start`)."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working(day)
        return count


def day_of(stored: str | None) -> date | None:
    """The date of a stored date or moment ("2026-05-01", "2026-05-01T09:30:00Z"); None if
    there is none or it is not a date."""
    if not stored:
        return None
    try:
        return date.fromisoformat(stored[:10])
    except ValueError:
        return None


def add_months(day: date, months: int) -> date:
    """The same date `months` later, or that month's last day if it has no such date
    (31 January + 1 month = 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(day.day, (following - timedelta(days=1)).day))


def due_date(received_on: date, period: AnswerPeriod | None,
             work: WorkCalendar | None = None, term: str = "standard") -> date | None:
    """The last day to answer something received on `received_on` (None: no term)."""
    if period is None:
        return None
    if term not in TERMS:
        raise ValueError(f"unknown term {term!r}: expected one of {', '.join(TERMS)}")
    work = work or WorkCalendar()
    if period.unit == "working_days" and term == "standard":
        return work.add_working_days(received_on, period.amount)
    if term == "short" and period.unit != "working_days":
        end = received_on + timedelta(days=min(SHORT_TERM_DAYS, _standard_days(period,
                                                                               received_on)))
    elif term == "extended" and period.longest_days is not None:
        # The cap is the law's outer limit: a day off there brings it forward, not later.
        return work.on_or_before(received_on + timedelta(days=period.longest_days))
    elif period.unit == "months":
        end = add_months(received_on, period.amount)
    elif period.unit == "days":
        end = received_on + timedelta(days=period.amount)
    else:  # a working-day period has no short or extended form
        return work.add_working_days(received_on, period.amount)
    return work.on_or_after(end)


def _standard_days(period: AnswerPeriod, received_on: date) -> int:
    if period.unit == "months":
        return (add_months(received_on, period.amount) - received_on).days
    return period.amount


def period_for(kind: str | None, periods: Mapping[str, AnswerPeriod | None] | None = None
               ) -> AnswerPeriod | None:
    """The term for `kind` from the council's list (the defaults if it has none)."""
    table = DEFAULT_PERIODS if periods is None else periods
    return table.get(kind or "")


def periods_from_rows(rows: Iterable[Mapping[str, object]]
                      ) -> dict[str, AnswerPeriod | None]:
    """The council's reference list (`answer_periods` records: kind, amount, unit,
    longest_days) over the defaults: a row replaces the default of its kind; a row without
    an amount means that kind has no term. A malformed row is left out (the default stays)."""
    periods: dict[str, AnswerPeriod | None] = dict(DEFAULT_PERIODS)
    for row in rows:
        kind = str(row.get("kind") or "")
        if not kind:
            continue
        if row.get("amount") in (None, ""):
            periods[kind] = None
            continue
        try:
            longest = row.get("longest_days")
            periods[kind] = AnswerPeriod(kind, int(row["amount"]),  # type: ignore[call-overload]
                                         str(row.get("unit") or "days"),
                                         int(longest) if longest not in (None, "") else None)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            continue
    return periods


def calendar_from_rows(rows: Iterable[Mapping[str, object]]) -> WorkCalendar:
    """The council's `days_off` records (day, working): a day off, or with `working` a
    weekend day worked."""
    off, worked = [], []
    for row in rows:
        day = day_of(str(row.get("day") or ""))
        if day is not None:
            (worked if row.get("working") else off).append(day)
    return WorkCalendar.of(off, worked)


def state(due: date | None, responded_on: date | None, today: date,
          work: WorkCalendar | None = None) -> str | None:
    """Where a record stands (one of `STATES`), or None when it has no term."""
    if due is None:
        return None
    if responded_on is not None:
        return "answered_on_time" if responded_on <= due else "answered_late"
    if today > due:
        return "overdue"
    work = work or WorkCalendar()
    if work.add_working_days(today, DUE_SOON_WORKING_DAYS) >= due:
        return "due_soon"
    return "pending"


def term_of(kind: str | None, received: str | date | None, answered: bool,
            responded: str | date | None, today: date,
            periods: Mapping[str, AnswerPeriod | None] | None = None,
            work: WorkCalendar | None = None) -> tuple[date | None, str | None]:
    """(due date, `STATES` code) of one record from its stored dates - what every list,
    the console and the KPI show. An answer without a date counts as answered, not judged
    against its term."""
    received_on = received if isinstance(received, date) else day_of(received)
    if received_on is None:
        return None, None
    due = due_date(received_on, period_for(kind, periods), work)
    responded_on = responded if isinstance(responded, date) else day_of(responded)
    return due, state(due, (responded_on or due) if answered else None, today, work)
