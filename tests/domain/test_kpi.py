"""Report KPIs: periods, what counts, and the arithmetic, on tiny hand-built data."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain import deadlines, kpi
from desktop.domain.report_table import (
    DECIMAL,
    INT,
    PERCENT,
    Cell,
    build_report,
    format_value,
)

# -- periods ------------------------------------------------------------------------------


@pytest.mark.parametrize(("preset", "today", "start", "end"), [
    ("this_month", date(2026, 2, 14), date(2026, 2, 1), date(2026, 2, 28)),
    ("this_month", date(2028, 2, 29), date(2028, 2, 1), date(2028, 2, 29)),
    ("last_month", date(2026, 3, 31), date(2026, 2, 1), date(2026, 2, 28)),
    ("last_month", date(2026, 1, 5), date(2025, 12, 1), date(2025, 12, 31)),
    ("this_quarter", date(2026, 11, 1), date(2026, 10, 1), date(2026, 12, 31)),
    ("this_quarter", date(2026, 6, 30), date(2026, 4, 1), date(2026, 6, 30)),
    ("this_year", date(2026, 11, 23), date(2026, 1, 1), date(2026, 12, 31)),
])
def test_period_presets(preset, today, start, end):
    period = kpi.period_for(preset, today)
    assert (period.start, period.end) == (start, end)


def test_custom_period_and_its_checks():
    period = kpi.period_for("custom", date(2026, 1, 1), date(2026, 3, 5), date(2026, 3, 7))
    assert period.days == 3
    assert period.contains(date(2026, 3, 5)) and period.contains(date(2026, 3, 7))
    assert not period.contains(date(2026, 3, 8))
    with pytest.raises(ValueError):
        kpi.period_for("custom", date(2026, 1, 1), date(2026, 3, 7), date(2026, 3, 5))
    with pytest.raises(ValueError):
        kpi.period_for("custom", date(2026, 1, 1))
    with pytest.raises(ValueError):
        kpi.period_for("fortnight", date(2026, 1, 1))


# -- what counts --------------------------------------------------------------------------


def test_held_means_marked_held_or_somebody_came():
    assert kpi.is_held("held", 0)
    assert kpi.is_held("planned", 3)
    assert kpi.is_held(None, 1)
    assert not kpi.is_held("planned", 0)
    assert not kpi.is_held("cancelled", 12)


def test_organisers_and_facilitators_are_not_people_reached():
    assert kpi.counts_as_reached("participant")
    assert kpi.counts_as_reached(None)
    assert kpi.counts_as_reached("speaker")
    assert not kpi.counts_as_reached("organiser")
    assert not kpi.counts_as_reached("facilitator")


def test_events_summary_counts_each_event_once():
    events = [
        kpi.EventFacts("a", "training", "information", "held", 10),
        kpi.EventFacts("a", "training", "dialogue", "planned", 4),  # came: held
        kpi.EventFacts("a", "forum", None, "planned", 0),  # not held yet
        kpi.EventFacts("b", "forum", "partnership", "cancelled", 0),
        kpi.EventFacts("b", "meeting", "bogus", "held", 0),  # unknown level: not given
    ]
    summary = kpi.summarize_events(events)
    assert (summary.held, summary.not_held, summary.cancelled) == (3, 1, 1)
    assert summary.by_kind == {"training": 2, "meeting": 1}
    assert summary.by_level == {"information": 1, "consultation": 0, "dialogue": 1,
                                "partnership": 0, None: 1}
    assert summary.by_office == {"a": 2, "b": 1}


def test_reach_breakdowns_normalise_missing_gender_and_age():
    table = kpi.cross_table([
        ("female", "18_35", 3), ("female", None, 1), (None, "60_plus", 2),
        ("robot", "36_59", 1), ("male", "36_59", 4),
    ])
    reach = kpi.Reach(attendances=20, unique_people=11, first_time=4, unique_by=table,
                      attendances_by={("female", "18_35"): 20})
    assert reach.by_gender() == {"female": 4, "male": 4, "other": 0, "not_stated": 3}
    assert reach.by_age() == {"under_18": 0, "18_35": 3, "36_59": 5, "60_plus": 2, None: 1}
    assert reach.by_gender(unique=False) == {"female": 20, "male": 0, "other": 0,
                                             "not_stated": 0}
    assert reach.first_time_share == pytest.approx(4 / 11)
    assert reach.attendances_per_person == pytest.approx(20 / 11)
    assert kpi.Reach().first_time_share is None


def test_feedback_percentages_are_of_those_who_answered():
    feedback = kpi.tally_feedback([
        (1, 1, 5), (0, 1, 4), (None, None, None), (1, None, 3), (None, 0, None), (1, 1, 4),
    ])
    assert feedback.answers == 5
    assert (feedback.knowledge_yes, feedback.knowledge_answers) == (3, 4)
    assert (feedback.recommend_yes, feedback.recommend_answers) == (3, 4)
    assert feedback.knowledge_improved == 0.75
    assert feedback.would_recommend == 0.75
    assert feedback.average_rating == 4.0
    assert kpi.Feedback().knowledge_improved is None


def test_ideas_answered_share_and_days():
    ideas = kpi.summarize_ideas([
        kpi.IdeaFacts("appeal", "answered", date(2026, 1, 1), date(2026, 1, 11)),  # 10 days
        kpi.IdeaFacts("appeal", "rejected", date(2026, 1, 1), date(2026, 2, 10)),  # 40 days
        kpi.IdeaFacts("petition", "accepted", date(2026, 1, 5), None),  # answered, no date
        kpi.IdeaFacts("petition", "forwarded", date(2026, 1, 6), None),
        kpi.IdeaFacts("proposal", "new", date(2026, 1, 7), date(2026, 1, 8)),  # 1 day
    ])
    assert ideas.received == 5
    assert ideas.answered == 4 and ideas.waiting == 1
    assert ideas.share_answered == 0.8
    assert (ideas.days_total, ideas.days_count) == (51, 3)
    assert ideas.average_days == 17.0
    assert ideas.answered_in_time == 2
    assert ideas.share_in_time == pytest.approx(2 / 3)
    assert ideas.by_channel == {"public_budget": 0, "petition": 2, "appeal": 2,
                                "proposal": 1, "grant_application": 0}
    assert ideas.by_status["forwarded"] == 1 and sum(ideas.by_status.values()) == 5


def test_ideas_on_time_by_their_legal_term_and_overdue_on_the_report_day():
    ideas = [
        # appeal of Friday 30 January: a month ends Saturday 28 February -> due Monday 2 March
        kpi.IdeaFacts("appeal", "answered", date(2026, 1, 30), date(2026, 3, 2)),  # on time
        kpi.IdeaFacts("appeal", "answered", date(2026, 1, 30), date(2026, 3, 3)),  # late
        # petition of Friday 1 May: ten working days -> due Friday 15 May
        kpi.IdeaFacts("petition", "under_review", date(2026, 5, 1), None),
        kpi.IdeaFacts("public_budget", "under_review", date(2026, 1, 2), None),  # no term
    ]
    before = kpi.summarize_ideas(ideas, today=date(2026, 5, 15))
    assert (before.answered_in_time, before.answered_late, before.overdue) == (1, 1, 0)
    assert before.share_in_time == 0.5
    after = kpi.summarize_ideas(ideas, today=date(2026, 5, 18))
    assert after.overdue == 1 and after.share_in_time == pytest.approx(1 / 3)
    # a council whose statute gives petitions a month: the petition is not overdue yet
    own = {"petition": deadlines.AnswerPeriod("petition", 1, "months")}
    assert kpi.summarize_ideas(ideas, today=date(2026, 5, 18), periods=own).overdue == 0


def test_consultations_and_visits():
    consultations = kpi.summarize_consultations(
        [("dialogue", "open"), ("dialogue", "closed"), (None, "planned")], 10, 4)
    assert consultations.total == 3
    assert consultations.by_level == {"information": 0, "consultation": 0, "dialogue": 2,
                                      "partnership": 0, None: 1}
    assert consultations.by_status == {"planned": 1, "open": 1, "closed": 1}
    assert consultations.share_answered == 0.4
    visits = kpi.visits_from([("petition", 3), (None, 2), ("grant", 1)], 5)
    assert visits.total == 6 and visits.visitors == 5
    assert visits.by_tool["petition"] == 3 and visits.by_tool[None] == 2


# -- the report layout --------------------------------------------------------------------


def test_values_are_written_the_ukrainian_way():
    assert format_value(12486, INT) == "12\u202f486"
    assert format_value(0.914, PERCENT) == "91\u00a0%"
    assert format_value(0.125, PERCENT) == "13\u00a0%"  # half up, not to even
    assert format_value(0.0024, PERCENT) == "0,2\u00a0%"  # never "0 %" for somebody
    assert format_value(0.00001, PERCENT) == "<\u00a00,1\u00a0%"
    assert format_value(0.0, PERCENT) == "0\u00a0%"
    assert format_value(4.26, DECIMAL) == "4,3"
    assert format_value(None, PERCENT) == "—"
    assert format_value(Cell(0.5, PERCENT), INT) == "50\u00a0%"


def test_build_report_puts_the_figures_in_their_tables():
    figures = kpi.ReportFigures(
        period=kpi.Period(date(2026, 10, 1), date(2026, 10, 31)), office_id="o1",
        office_name="Приймальня в Десні",
        events=kpi.summarize_events([kpi.EventFacts("o1", "forum", "dialogue", "held", 5)]),
        kind_names={"forum": ("Форум", "Forum")},
        reach=kpi.Reach(5, 4, 2, {("female", "18_35"): 3, ("male", None): 1},
                        {("female", "18_35"): 4, ("male", None): 1}),
        feedback=kpi.tally_feedback([(1, 1, 5), (1, 0, 4)]),
        offices=(kpi.OfficeFigures("o1", "Приймальня в Десні", events_held=1),),
    )
    seen = []

    def translate(context: str, text: str) -> str:
        seen.append(context)
        return "§" + text if context == "Report" else text

    report = build_report(figures, office="Десна", period="01.10–31.10", generated="now",
                          translate=translate, lang="uk")
    assert [s.key for s in report.sections] == [
        "summary", "events", "reach", "feedback", "csos", "ideas", "consultations", "offices"]
    assert report.title == "§Report on the work of the office"
    assert {"Report", "Vocab"} <= set(seen)
    summary = dict((name, cell.value) for name, cell in report.section("summary").tables[0].rows)
    assert summary["§Events held"] == 1
    assert summary["§Participants (each person once)"] == 4
    assert summary["§Said their knowledge improved"] == 1.0
    assert summary["§Would recommend to others"] == 0.5
    kinds = report.section("events").tables[1]
    assert kinds.rows[0] == ("Форум", 1, 1.0)  # the event kind's own Ukrainian name
    gender = report.section("reach").tables[1]
    assert gender.rows[0] == ("Female", 3, 0.75, 4)
    assert gender.rows[-1] == ("§Total", 4, 1.0, 5) and gender.total_row
    # one office: no total row under the office table
    assert not report.section("offices").tables[0].total_row
