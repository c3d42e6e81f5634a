"""The week-pattern language: parsing, Dutch errors, holidays, overnight items, round trip."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgz.core.calendar import TZ, AnwCalendar
from mgz.core.weekpattern import DAY_CODES, PatternError, parse_pattern

CAL = AnwCalendar()


def at(*args) -> datetime:
    return datetime(*args, tzinfo=TZ)


def test_office_hours_hold_on_weekdays_only():
    pattern = parse_pattern("ma-vr 08:00-17:00")
    assert pattern.covers(at(2026, 11, 24, 9, 0), CAL)
    assert not pattern.covers(at(2026, 11, 24, 17, 0), CAL)
    assert not pattern.covers(at(2026, 11, 28, 9, 0), CAL)


def test_weekday_items_do_not_hold_on_a_holiday_unless_fd_is_named():
    kings_day = at(2026, 4, 27, 10, 0)  # a Monday
    assert not parse_pattern("ma-vr 08:00-17:00").covers(kings_day, CAL)
    assert parse_pattern("ma-vr 08:00-17:00; fd 08:00-17:00").covers(kings_day, CAL)


def test_overnight_item_runs_into_the_next_morning():
    nights = parse_pattern("ma-vr 17:00-08:00")
    assert nights.covers(at(2026, 11, 27, 23, 0), CAL)  # Friday night
    assert nights.covers(at(2026, 11, 28, 7, 59), CAL)  # Saturday morning, from Friday
    assert not nights.covers(at(2026, 11, 28, 8, 0), CAL)
    assert not nights.covers(at(2026, 11, 23, 3, 0), CAL)  # Monday morning: Sunday had none


def test_keywords_follow_the_calendar():
    assert parse_pattern("anw").covers(at(2026, 12, 25, 12, 0), CAL)
    assert not parse_pattern("anw").covers(at(2026, 12, 24, 12, 0), CAL)
    assert parse_pattern("dag").covers(at(2026, 12, 24, 12, 0), CAL)
    assert parse_pattern("altijd").covers(at(2026, 12, 24, 3, 0), CAL)


def test_empty_pattern_never_holds():
    assert not parse_pattern("").covers(at(2026, 12, 24, 12, 0), CAL)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("mo-vr 08:00-17:00", "onbekende dag 'mo'"),
        ("ma-vr 8-17", "geen tijd"),
        ("ma-vr 08:00-25:00", "geen bestaande tijd"),
        ("ma-vr", "geen geldig tijdvak"),
        ("vr-ma 08:00-17:00", "dagbereik"),
        ("ma 24:00-08:00", "begintijd 24:00"),
        ("ma 08:70-09:00", "geen bestaande tijd"),
    ],
)
def test_bad_patterns_get_a_dutch_message_naming_the_culprit(text, fragment):
    with pytest.raises(PatternError, match=fragment):
        parse_pattern(text)


clock = st.integers(0, 95).map(lambda q: f"{q * 15 // 60:02d}:{q * 15 % 60:02d}")
day_sets = st.sets(st.sampled_from(DAY_CODES), min_size=1)


@st.composite
def patterns(draw):
    items = []
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.booleans()):
            items.append(draw(st.sampled_from(["anw", "dag", "altijd"])))
        else:
            days = ",".join(sorted(draw(day_sets), key=DAY_CODES.index))
            items.append(f"{days} {draw(clock)}-{draw(clock)}")
    return "; ".join(items)


@given(patterns())
def test_canonical_text_round_trips(text):
    pattern = parse_pattern(text)
    assert parse_pattern(pattern.text()) == pattern
    assert parse_pattern(pattern.text()).text() == pattern.text()
