"""The time grid: DST-correct slot counts, and the vectorised pattern equal to WeekPattern.covers."""

from __future__ import annotations

from datetime import date, time

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mgz.core.calendar import AnwCalendar
from mgz.core.grid import Grid, intervals
from mgz.core.weekpattern import DAY_CODES, parse_pattern

CAL = AnwCalendar()


def test_a_horizon_over_the_autumn_clock_change_has_four_extra_slots():
    assert Grid(date(2026, 10, 12), 28).size == 2688 + 4


def test_a_horizon_over_the_spring_clock_change_has_four_fewer_slots():
    assert Grid(date(2027, 3, 15), 28).size == 2688 - 4


def test_a_plain_horizon_has_96_slots_a_day():
    grid = Grid(date(2026, 11, 30), 28)
    assert grid.size == 2688
    assert grid.starts[0].isoformat() == "2026-11-30T00:00:00+01:00"
    assert grid.starts[-1].isoformat() == "2026-12-28T00:00:00+01:00"


def test_the_doubled_hour_of_october_is_two_sets_of_local_slots():
    grid = Grid(date(2026, 10, 25), 1)
    two_oclock = [s for s in grid.starts[:-1] if s.hour == 2]
    assert len(two_oclock) == 8


def test_anw_mask_follows_the_region_hours_and_holidays():
    grid = Grid(date(2026, 12, 24), 2)  # Thursday 24-12, Christmas Friday
    late = AnwCalendar(weekday_start=time(18), weekday_end=time(7))
    default, regional = grid.masks(CAL).anw, grid.masks(late).anw
    seventeen = 17 * 4
    assert default[seventeen] and not regional[seventeen]
    assert default[96:].all()  # Christmas is ANW all day


def test_standard_week_has_no_holidays():
    grid = Grid.standard_week()
    assert grid.size == 7 * 96
    assert grid.masks(CAL).anw.sum() == (5 * 15 + 2 * 24) * 4


def test_intervals_are_cut_at_day_and_anw_boundaries():
    grid = Grid(date(2026, 12, 7), 1)
    violated = np.zeros(grid.size, dtype=bool)
    violated[7 * 4 : 9 * 4] = True  # 07:00-09:00 spans the end of the night
    found = intervals(grid, violated, grid.masks(CAL).anw)
    assert [(i.start.hour, i.end.hour, i.kind) for i in found] == [(7, 8, "anw"), (8, 9, "dag")]
    assert intervals(grid, violated, None)[0].kind == "etmaal"


ITEMS = st.one_of(
    st.sampled_from(["altijd", "anw", "dag"]),
    st.builds(
        lambda days, a, b: (
            f"{','.join(days)} {a // 60:02d}:{a % 60:02d}-{b // 60:02d}:{b % 60:02d}"
        ),
        st.lists(st.sampled_from(DAY_CODES), min_size=1, max_size=3, unique=True),
        st.integers(0, 23 * 60 + 59),
        st.integers(1, 24 * 60),
    ),
)
STARTS = st.sampled_from(
    [date(2026, 10, 22), date(2027, 3, 25), date(2026, 12, 21), date(2027, 4, 24), date(2027, 5, 3)]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(ITEMS, min_size=1, max_size=3), STARTS)
def test_pattern_mask_equals_covers_slot_by_slot(items, start):
    pattern = parse_pattern("; ".join(items))
    grid = Grid(start, 7)
    mask = grid.pattern_mask(pattern, CAL)
    expected = [pattern.covers(moment, CAL) for moment in grid.starts[:-1]]
    assert mask.tolist() == expected
    anw = [CAL.is_anw(moment) for moment in grid.starts[:-1]]
    assert grid.masks(CAL).anw.tolist() == anw
