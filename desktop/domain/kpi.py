"""What the offices report to the city council and donors, defined once (no SQL, no Qt).

Why here: the same figure ("91 % said their knowledge improved") is shown on screen, printed
in the PDF, written to Excel and checked by tests; its definition must live in one place,
in words and in code, so the three never disagree and an auditor can read what was counted.

The definitions (a period is a range of local calendar dates, both ends included):

* An event *belongs* to the period when its start, in the office's local time, falls in it.
  It counts as *held* when its status is "held", or when it is not cancelled and somebody
  was checked in (offices often forget to switch the status after the event).
* *People reached* are check-ins (attendance "attended") at events of the period that were
  not cancelled, leaving out the organisers and facilitators - they ran the event, they were
  not reached by it. *Attendances* counts every such check-in; *unique participants* counts
  each person once; *first-time participants* are those with no such check-in in the same
  scope before the period began.
* *Feedback* percentages are over the people who answered that question, never over all
  participants (an unanswered form is not a "no").
* An idea or appeal is *answered* once the council's answer is recorded (a final status or a
  response date). Days to answer run from `received_on` to `responded_on`. Appeals,
  proposals and petitions have a legal term (`deadlines`: a month for an appeal, ten working
  days for a petition); one is answered *on time* when its response date is not after its
  due date. The share answered on time is over those whose outcome is known: answered with
  a date, or unanswered past their due date on the day the report is made.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from desktop.domain import deadlines, vocab

#: Period choices offered in the UI, in display order.
PERIOD_PRESETS: tuple[str, ...] = (
    "this_month", "last_month", "this_quarter", "this_year", "custom",
)

#: Attendance roles that run an event rather than being reached by it.
NOT_REACHED_ROLES: frozenset[str] = frozenset({"organiser", "facilitator"})

#: Idea statuses that mean the council has answered.
ANSWERED_IDEA_STATUSES: tuple[str, ...] = ("answered", "accepted", "rejected", "implemented")



# -- periods -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Local calendar dates from `start` to `end`, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"a period cannot end ({self.end}) before it starts ({self.start})")

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _month(year: int, month: int) -> Period:
    return Period(date(year, month, 1),
                  date(year, month, calendar.monthrange(year, month)[1]))


def period_for(preset: str, today: date, start: date | None = None,
               end: date | None = None) -> Period:
    """The period a preset means on `today`; "custom" takes `start` and `end`.

    "This month/quarter/year" run to the end of the month/quarter/year (events already
    planned for later in the month belong to it too; until they are held they are not
    counted as held).
    """
    if preset == "this_month":
        return _month(today.year, today.month)
    if preset == "last_month":
        year, month = (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
        return _month(year, month)
    if preset == "this_quarter":
        first = (today.month - 1) // 3 * 3 + 1
        return Period(date(today.year, first, 1), _month(today.year, first + 2).end)
    if preset == "this_year":
        return Period(date(today.year, 1, 1), date(today.year, 12, 31))
    if preset == "custom":
        if start is None or end is None:
            raise ValueError("a custom period needs both dates")
        return Period(start, end)
    raise ValueError(f"unknown period {preset!r}")


# -- small arithmetic ---------------------------------------------------------------------


def ratio(part: int | float, whole: int | float) -> float | None:
    """`part / whole`, or None when there is nothing to divide by (shown as "—", not 0 %)."""
    return None if not whole else part / whole


def mean(total: int | float, count: int) -> float | None:
    return None if not count else total / count


def percent_text(value: float | None, decimals: int = 0) -> str:
    """0.914 -> "91%" (language-neutral; the UI may use its locale instead)."""
    if value is None:
        return "—"
    return f"{value * 100:.{decimals}f}%"


def counts_as_reached(role: str | None) -> bool:
    """Whether a check-in with this role counts among the people reached."""
    return (role or "participant") not in NOT_REACHED_ROLES


def is_held(status: str | None, attended: int) -> bool:
    """Whether an event of the period counts as held (see the module docstring)."""
    if status == "held":
        return True
    return status != "cancelled" and attended > 0


def idea_answered(status: str | None, responded_on: date | None) -> bool:
    return status in ANSWERED_IDEA_STATUSES or responded_on is not None


def gender_key(gender: str | None) -> str:
    """People without a stated gender (or with an unknown code) count as "not stated"."""
    return gender if gender in vocab.codes("genders") else "not_stated"


def age_key(age_group: str | None) -> str | None:
    """The age group, or None when it is not known."""
    return age_group if age_group in vocab.codes("age_groups") else None


def _ordered(counter: Mapping, order: Iterable, *, keep_zero: bool = True) -> dict:
    """Counts in a fixed order (every listed key, zero included unless `keep_zero` is off;
    None - "not given" - only when some), then any other keys."""
    result = {key: counter.get(key, 0) for key in order
              if counter.get(key, 0) or (keep_zero and key is not None)}
    for key, value in counter.items():
        if key not in result and value:
            result[key] = value
    return result


# -- events -------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventFacts:
    """One event whose local start date falls in the period."""

    office_id: str
    kind: str
    level: str | None
    status: str | None
    attended: int  # check-ins of any role (the report passes 1 when there is one)


@dataclass(frozen=True)
class EventSummary:
    held: int = 0
    cancelled: int = 0
    not_held: int = 0  # planned (or past without check-ins): not counted as held
    by_kind: Mapping[str, int] = field(default_factory=dict)  # held events
    by_level: Mapping[str | None, int] = field(default_factory=dict)  # held; None: not given
    by_office: Mapping[str, int] = field(default_factory=dict)  # held


def summarize_events(events: Iterable[EventFacts]) -> EventSummary:
    held = cancelled = not_held = 0
    kinds: Counter[str] = Counter()
    levels: Counter[str | None] = Counter()
    offices: Counter[str] = Counter()
    for event in events:
        if event.status == "cancelled":
            cancelled += 1
        elif is_held(event.status, event.attended):
            held += 1
            kinds[event.kind] += 1
            level = event.level if event.level in vocab.codes("participation_levels") else None
            levels[level] += 1
            offices[event.office_id] += 1
        else:
            not_held += 1
    return EventSummary(
        held=held, cancelled=cancelled, not_held=not_held,
        by_kind=dict(kinds.most_common()),
        by_level=_ordered(levels, [*vocab.codes("participation_levels"), None]),
        by_office=dict(offices),
    )


# -- people reached -----------------------------------------------------------------------


@dataclass(frozen=True)
class Reach:
    """People reached in the period; the cross-tables are keyed (gender, age group)."""

    attendances: int = 0
    unique_people: int = 0
    first_time: int = 0
    unique_by: Mapping[tuple[str, str | None], int] = field(default_factory=dict)
    attendances_by: Mapping[tuple[str, str | None], int] = field(default_factory=dict)

    @property
    def first_time_share(self) -> float | None:
        return ratio(self.first_time, self.unique_people)

    @property
    def attendances_per_person(self) -> float | None:
        return mean(self.attendances, self.unique_people)

    def by_gender(self, unique: bool = True) -> dict[str, int]:
        table = self.unique_by if unique else self.attendances_by
        counts: Counter[str] = Counter()
        for (gender, _age), n in table.items():
            counts[gender] += n
        return _ordered(counts, vocab.codes("genders"))

    def by_age(self, unique: bool = True) -> dict[str | None, int]:
        table = self.unique_by if unique else self.attendances_by
        counts: Counter[str | None] = Counter()
        for (_gender, age), n in table.items():
            counts[age] += n
        return _ordered(counts, [*vocab.codes("age_groups"), None])


def cross_table(rows: Iterable[tuple[str | None, str | None, int]]
                ) -> dict[tuple[str, str | None], int]:
    """(gender, age group, count) rows as stored -> counts keyed by normalised categories."""
    table: Counter[tuple[str, str | None]] = Counter()
    for gender, age, n in rows:
        table[(gender_key(gender), age_key(age))] += int(n)
    return dict(table)


# -- feedback -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Feedback:
    """Sums over the check-ins of the period (people reached only)."""

    answers: int = 0  # check-ins with at least one answer
    knowledge_yes: int = 0
    knowledge_answers: int = 0
    recommend_yes: int = 0
    recommend_answers: int = 0
    rating_total: int = 0
    rating_answers: int = 0

    @property
    def knowledge_improved(self) -> float | None:
        return ratio(self.knowledge_yes, self.knowledge_answers)

    @property
    def would_recommend(self) -> float | None:
        return ratio(self.recommend_yes, self.recommend_answers)

    @property
    def average_rating(self) -> float | None:
        return mean(self.rating_total, self.rating_answers)


def tally_feedback(rows: Iterable[tuple[int | None, int | None, int | None]]) -> Feedback:
    """Feedback from (knowledge_improved, would_recommend, rating) answers, one per check-in
    (the store sums these in SQL for big data; this is the definition it must match)."""
    answers = k_yes = k_n = r_yes = r_n = total = n = 0
    for knowledge, recommend, rating in rows:
        if knowledge is None and recommend is None and rating is None:
            continue
        answers += 1
        if knowledge is not None:
            k_n += 1
            k_yes += int(bool(knowledge))
        if recommend is not None:
            r_n += 1
            r_yes += int(bool(recommend))
        if rating is not None:
            n += 1
            total += int(rating)
    return Feedback(answers, k_yes, k_n, r_yes, r_n, total, n)


# -- CSOs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Csos:
    created: int = 0  # registered_on in the period
    with_memorandum: int = 0  # partnership memorandum signed by the end of the period
    memoranda_signed: int = 0  # memorandum_on in the period
    new_members: int = 0  # org_members.since in the period
    by_legal_form: Mapping[str, int] = field(default_factory=dict)  # created in the period


# -- ideas and appeals --------------------------------------------------------------------


@dataclass(frozen=True)
class IdeaFacts:
    channel: str
    status: str
    received_on: date
    responded_on: date | None


@dataclass(frozen=True)
class IdeaSummary:
    received: int = 0
    by_channel: Mapping[str, int] = field(default_factory=dict)
    by_status: Mapping[str, int] = field(default_factory=dict)
    answered: int = 0
    answered_in_time: int = 0  # answered by their due date (`deadlines`)
    answered_late: int = 0
    overdue: int = 0  # not answered, past their due date on the report's day
    days_total: int = 0
    days_count: int = 0  # answered ideas with both dates

    @property
    def share_answered(self) -> float | None:
        return ratio(self.answered, self.received)

    @property
    def share_in_time(self) -> float | None:
        """Answered on time, of those with a term whose outcome is known."""
        return ratio(self.answered_in_time,
                     self.answered_in_time + self.answered_late + self.overdue)

    @property
    def average_days(self) -> float | None:
        return mean(self.days_total, self.days_count)

    @property
    def waiting(self) -> int:
        return self.received - self.answered


def summarize_ideas(ideas: Iterable[IdeaFacts], today: date | None = None,
                    periods: Mapping[str, deadlines.AnswerPeriod | None] | None = None,
                    work: deadlines.WorkCalendar | None = None) -> IdeaSummary:
    """Ideas and appeals received in the period, and what became of them by `today` (the
    day the report is made; None: nothing counts as overdue). `periods` and `work` are the
    council's terms and days off (the legal defaults if None)."""
    received = answered = in_time = late = overdue = days_total = days_count = 0
    channels: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    # A year's thousands of ideas fall on a few hundred (day, channel) pairs: each pair's
    # due date is worked out once.
    dues: dict[tuple[date, str], date | None] = {}
    for idea in ideas:
        received += 1
        channels[idea.channel] += 1
        statuses[idea.status] += 1
        key = (idea.received_on, idea.channel)
        if key in dues:
            due = dues[key]
        else:
            due = dues[key] = deadlines.due_date(
                idea.received_on, deadlines.period_for(idea.channel, periods), work)
        if not idea_answered(idea.status, idea.responded_on):
            overdue += int(due is not None and today is not None and today > due)
            continue
        answered += 1
        if idea.responded_on is not None:
            days_total += max(0, (idea.responded_on - idea.received_on).days)
            days_count += 1
            if due is not None:
                in_time += int(idea.responded_on <= due)
                late += int(idea.responded_on > due)
    return IdeaSummary(
        received=received,
        by_channel=_ordered(channels, vocab.codes("idea_channels")),
        by_status=_ordered(statuses, vocab.codes("idea_statuses")),
        answered=answered, answered_in_time=in_time, answered_late=late, overdue=overdue,
        days_total=days_total, days_count=days_count,
    )


# -- consultations and advice visits ------------------------------------------------------


@dataclass(frozen=True)
class Consultations:
    total: int = 0  # open for comments at some time in the period
    by_level: Mapping[str | None, int] = field(default_factory=dict)
    by_status: Mapping[str, int] = field(default_factory=dict)
    submissions: int = 0  # received in the period
    submissions_answered: int = 0  # of those, answered so far

    @property
    def share_answered(self) -> float | None:
        return ratio(self.submissions_answered, self.submissions)


def summarize_consultations(
    rows: Iterable[tuple[str | None, str | None]], submissions: int, answered: int,
) -> Consultations:
    """(level, status) of each consultation in the period, plus the submission counts."""
    levels: Counter[str | None] = Counter()
    statuses: Counter[str] = Counter()
    total = 0
    for level, status in rows:
        total += 1
        levels[level if level in vocab.codes("participation_levels") else None] += 1
        if status:
            statuses[status] += 1
    return Consultations(
        total=total,
        by_level=_ordered(levels, [*vocab.codes("participation_levels"), None]),
        by_status=_ordered(statuses, vocab.codes("consultation_statuses"), keep_zero=False),
        submissions=submissions, submissions_answered=answered,
    )


@dataclass(frozen=True)
class Visits:
    total: int = 0
    visitors: int = 0  # distinct people among the visits that name one
    by_tool: Mapping[str | None, int] = field(default_factory=dict)  # None: not given


def visits_from(by_tool: Iterable[tuple[str | None, int]], visitors: int) -> Visits:
    tools: Counter[str | None] = Counter()
    for tool, n in by_tool:
        tools[tool if tool in vocab.codes("visit_tools") else None] += int(n)
    return Visits(total=sum(tools.values()), visitors=visitors,
                  by_tool=_ordered(tools, [*vocab.codes("visit_tools"), None]))


# -- the whole report ---------------------------------------------------------------------


@dataclass(frozen=True)
class OfficeFigures:
    """One office's line in the per-office table."""

    office_id: str
    name: str
    events_held: int = 0
    attendances: int = 0
    unique_people: int = 0
    ideas_received: int = 0
    visits: int = 0
    csos_created: int = 0


@dataclass(frozen=True)
class Targets:
    """What the council expects for the years of the period (None: no target set). Against
    them: events held, CSOs created, and people reached (each person once)."""

    events_held: int | None = None
    csos_created: int | None = None
    people_reached: int | None = None

    @property
    def any(self) -> bool:
        return any(v is not None for v in (self.events_held, self.csos_created,
                                          self.people_reached))


#: The liaison-office programme's yardstick (Vinnytsia): at least 15 events a year and 3 CSOs
#: created; offered when the council sets a year's targets for the first time.
PROGRAMME_TARGETS = Targets(events_held=15, csos_created=3)


@dataclass(frozen=True)
class ReportFigures:
    """Everything a report shows, as numbers; `desktop.domain.report_table` lays it out."""

    period: Period
    office_id: str | None  # None: every office known to this device
    office_name: str | None
    events: EventSummary = EventSummary()
    kind_names: Mapping[str, tuple[str | None, str | None]] = field(default_factory=dict)
    reach: Reach = Reach()
    feedback: Feedback = Feedback()
    csos: Csos = Csos()
    ideas: IdeaSummary = IdeaSummary()
    consultations: Consultations = Consultations()
    visits: Visits = Visits()
    offices: tuple[OfficeFigures, ...] = ()
    targets: Targets = Targets()
