"""Cutting one conformance run into weeks for the report's trend (no database)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from mgz.core.calendar import TZ
from mgz.core.findings import NOT_ASSESSABLE, Finding, RunResult
from mgz.core.grid import Interval
from mgz.regiotafel.report.coverage import _checked, _share, _week_failures

MONDAY = date(2026, 3, 2)
STARTS = [datetime.combine(MONDAY + timedelta(weeks=w), time.min, tzinfo=TZ) for w in range(4)]


def _at(day: int, hour: int) -> datetime:
    return datetime.combine(MONDAY + timedelta(days=day), time(hour), tzinfo=TZ)


def _finding(rule: str, subject: int, *intervals: Interval, status: str = "fail") -> Finding:
    return Finding(rule, "patient", subject, "", "error", "", "", tuple(intervals), status=status)


def test_findings_fall_in_the_weeks_their_intervals_touch():
    result = RunResult(
        start=STARTS[0],
        days=21,
        findings=[
            _finding("1.1", 1, Interval(_at(1, 18), _at(2, 8), "anw")),  # week 0
            _finding("1.1", 2, Interval(_at(13, 17), _at(14, 8), "anw")),  # crosses into week 2
            _finding("2.3.1.1", 3),  # not about time: every week
            _finding("2.5.2", 4, status=NOT_ASSESSABLE),
        ],
        checked={"1.1": 10, "2.3.1.1": 10, "2.5.2": 1},
    )
    failing, minutes, current = _week_failures(result, STARTS)
    assert [len(week.get("1.1", ())) for week in failing] == [1, 1, 1]
    assert [len(week.get("2.3.1.1", ())) for week in failing] == [1, 1, 1]
    assert minutes["1.1"] == 8 * 60  # only the part in the last week
    assert {f.subject_id for f in current} == {2, 3}
    checked, unknown = _checked(result)
    assert checked["1.1"] == 10 and unknown == {"2.5.2": 1}


def test_share_is_unknown_when_nothing_could_be_judged():
    assert _share(0, 0, 0) is None
    assert _share(1, 1, 0) is None
    assert _share(10, 0, 3) == 0.7
