"""Due dates against dates computed by hand on a 2026 calendar (1 January 2026 is a
Thursday), with the days off and worked Saturdays a council may declare."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.deadlines import (
    DEFAULT_PERIODS,
    AnswerPeriod,
    WorkCalendar,
    add_months,
    due_date,
    period_for,
    state,
)

APPEAL = DEFAULT_PERIODS["appeal"]
PETITION = DEFAULT_PERIODS["petition"]


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 3, 31), 1, date(2026, 4, 30)),
    (date(2026, 1, 31), 1, date(2026, 2, 28)),  # no 31 February: the month's last day
    (date(2028, 1, 31), 1, date(2028, 2, 29)),  # a leap year
    (date(2026, 12, 15), 1, date(2027, 1, 15)),
    (date(2026, 11, 30), 3, date(2027, 2, 28)),
])
def test_a_month_ends_on_the_same_date_or_the_months_last_day(day, months, expected):
    assert add_months(day, months) == expected


def test_an_appeal_is_due_a_month_later_or_on_the_next_working_day():
    # Thursday 31 March + 1 month = Thursday 30 April, a working day
    assert due_date(date(2026, 3, 31), APPEAL) == date(2026, 4, 30)
    # Friday 30 January + 1 month = Saturday 28 February -> Monday 2 March
    assert due_date(date(2026, 1, 30), APPEAL) == date(2026, 3, 2)
    # a declared day off on that Monday moves it to Tuesday
    work = WorkCalendar.of(days_off=[date(2026, 3, 2)])
    assert due_date(date(2026, 1, 30), APPEAL, work) == date(2026, 3, 3)


def test_an_appeal_without_extra_study_is_due_in_15_days_and_an_extension_caps_at_45():
    assert due_date(date(2026, 6, 10), APPEAL, term="short") == date(2026, 6, 25)  # Thu
    # Saturday 13 June + 15 = Sunday 28 June -> Monday 29 June
    assert due_date(date(2026, 6, 13), APPEAL, term="short") == date(2026, 6, 29)
    # 10 June + 45 days = Saturday 25 July: the legal cap, so Friday 24 July, never later
    assert due_date(date(2026, 6, 10), APPEAL, term="extended") == date(2026, 7, 24)
    assert due_date(date(2026, 6, 11), APPEAL, term="extended") == date(2026, 7, 24)
    assert due_date(date(2026, 6, 9), APPEAL, term="extended") == date(2026, 7, 24)


def test_a_petition_is_due_in_ten_working_days():
    # received Friday 1 May: 4-8 May are five, 11-15 May five more
    assert due_date(date(2026, 5, 1), PETITION) == date(2026, 5, 15)
    off = WorkCalendar.of(days_off=[date(2026, 5, 11)])
    assert due_date(date(2026, 5, 1), PETITION, off) == date(2026, 5, 18)
    saturday = WorkCalendar.of(working_days=[date(2026, 5, 9)])
    assert due_date(date(2026, 5, 1), PETITION, saturday) == date(2026, 5, 14)
    # a petition has no short or extended form
    assert due_date(date(2026, 5, 1), PETITION, term="extended") == date(2026, 5, 15)


def test_channels_without_a_legal_term_have_no_due_date():
    assert period_for("public_budget") is None and period_for(None) is None
    assert due_date(date(2026, 5, 1), period_for("grant_application")) is None
    own = {"public_budget": AnswerPeriod("public_budget", 20, "working_days")}
    assert due_date(date(2026, 5, 1), period_for("public_budget", own)) == date(2026, 5, 29)
    assert period_for("appeal", own) is None  # the council's list replaces the defaults


def test_where_a_record_stands_against_its_due_date():
    due = date(2026, 5, 15)  # a Friday
    assert state(due, None, date(2026, 5, 11)) == "pending"  # three working days: 14 May
    assert state(due, None, date(2026, 5, 12)) == "due_soon"
    assert state(due, None, date(2026, 5, 15)) == "due_soon"  # the last day
    assert state(due, None, date(2026, 5, 16)) == "overdue"
    assert state(due, date(2026, 5, 15), date(2026, 6, 1)) == "answered_on_time"
    assert state(due, date(2026, 5, 18), date(2026, 6, 1)) == "answered_late"
    assert state(None, None, date(2026, 5, 16)) is None


def test_bad_periods_are_refused_in_plain_words():
    with pytest.raises(ValueError, match="unknown unit"):
        AnswerPeriod("appeal", 1, "weeks")
    with pytest.raises(ValueError, match="at least one day"):
        AnswerPeriod("appeal", 0, "days")
    with pytest.raises(ValueError, match="unknown term"):
        due_date(date(2026, 5, 1), APPEAL, term="urgent")


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
       st.sets(st.dates(min_value=date(2020, 1, 1), max_value=date(2036, 3, 31)), max_size=40))
def test_due_dates_are_working_days_after_the_receipt_within_the_law(received, days_off):
    work = WorkCalendar.of(days_off=days_off)
    for period in DEFAULT_PERIODS.values():
        due = due_date(received, period, work)
        assert due is not None and due > received and work.is_working(due)
        if period.unit == "working_days":
            assert work.working_days_between(received, due) == period.amount
        else:  # never before the month is out, and only days off in between after it
            month = add_months(received, period.amount)
            assert due >= month
            assert all(not work.is_working(month + timedelta(days=n))
                       for n in range((due - month).days))
        extended = due_date(received, period, work, term="extended")
        if period.longest_days and extended is not None:
            assert extended <= received + timedelta(days=period.longest_days)


def test_the_councils_list_replaces_the_defaults_kind_by_kind():
    from desktop.domain.deadlines import calendar_from_rows, periods_from_rows

    periods = periods_from_rows([
        {"kind": "petition", "amount": 1, "unit": "months", "longest_days": None},
        {"kind": "public_budget", "amount": 30, "unit": "days"},
        {"kind": "proposal", "amount": None},  # the council: no term for proposals
        {"kind": "appeal", "amount": "many", "unit": "days"},  # malformed: default stays
    ])
    assert periods["petition"] == AnswerPeriod("petition", 1, "months")
    assert periods["public_budget"].amount == 30 and periods["proposal"] is None
    assert periods["appeal"] == DEFAULT_PERIODS["appeal"]
    assert due_date(date(2026, 5, 1), period_for("proposal", periods)) is None
    work = calendar_from_rows([{"day": "2026-05-11", "working": 0},
                               {"day": "2026-05-09", "working": 1}, {"day": "не дата"}])
    assert not work.is_working(date(2026, 5, 11)) and work.is_working(date(2026, 5, 9))


def test_one_records_term_from_its_stored_dates():
    from desktop.domain.deadlines import term_of

    today = date(2026, 5, 20)
    assert term_of("petition", "2026-05-01", False, None, today) == (date(2026, 5, 15),
                                                                      "overdue")
    assert term_of("petition", "2026-05-01T09:30:00Z", True, "2026-05-14", today) == \
        (date(2026, 5, 15), "answered_on_time")
    # answered with no date: answered, not judged late
    assert term_of("petition", "2026-05-01", True, None, today)[1] == "answered_on_time"
    assert term_of("public_budget", "2026-05-01", False, None, today) == (None, None)
    assert term_of("appeal", None, False, None, today) == (None, None)
