"""Dates and numbers as offices write them, in the UI language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QLocale

from desktop.ui.formatting import format_date, long_date


@pytest.fixture(params=[(QLocale.Language.Ukrainian, QLocale.Country.Ukraine),
                        (QLocale.Language.English, QLocale.Country.UnitedKingdom)],
                ids=["uk", "en"])
def language(request) -> Iterator[QLocale]:
    before = QLocale()
    QLocale.setDefault(QLocale(*request.param))
    yield QLocale()
    QLocale.setDefault(before)


def test_the_long_date_reads_as_people_write_it(language):
    expected = ("четвер, 3 грудня 2026" if language.language() == QLocale.Language.Ukrainian
                else "Thursday, 3 December 2026")
    assert long_date(date(2026, 12, 3)) == expected


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_the_long_date_is_what_qlocale_itself_writes(language, day):
    qt = language.toString(QDate(day.year, day.month, day.day), "dddd, d MMMM yyyy")
    assert long_date(day) == qt


def test_a_short_date_is_day_month_year_with_dots():
    assert format_date("2026-03-31") == "31.03.2026"
    assert format_date(date(2026, 3, 1)) == "01.03.2026"
    assert format_date("not a date") == "not a date"
    assert format_date(None) == ""
