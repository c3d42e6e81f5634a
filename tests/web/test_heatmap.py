"""The heatmap's vectorised hour-of-week binning equals walking the intervals hour by hour."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from mgz.core.calendar import TZ
from mgz.web.reports import IntervalRow, hour_of_week_minutes


def _walk(intervals) -> list[int]:
    bins = [0] * 168
    for interval in intervals:
        cursor, end = interval.start.astimezone(TZ), interval.end.astimezone(TZ)
        while cursor < end:
            hour = cursor.replace(minute=0, second=0, microsecond=0)
            step = min(hour + timedelta(hours=1), end)
            bins[cursor.weekday() * 24 + cursor.hour] += int((step - cursor).total_seconds() // 60)
            cursor = step
    return bins


def test_binning_matches_the_hour_by_hour_walk():
    rng = random.Random(1)
    for _ in range(200):
        intervals = []
        for _ in range(rng.randint(1, 4)):
            start = datetime(2026, 1, 5, tzinfo=TZ) + timedelta(minutes=15 * rng.randint(0, 4000))
            end = start + timedelta(minutes=15 * rng.randint(1, 3000))
            intervals.append(IntervalRow(start, end, "anw"))
        assert hour_of_week_minutes(intervals) == _walk(intervals)
