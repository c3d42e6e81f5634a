"""The ANW calendar: NZa holidays 2025–2027, weekday hours, and the DST days of 2026."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from mgz.core.calendar import TZ, AnwCalendar, calendar_with

UTC = ZoneInfo("UTC")

# Written out from the NZa list (Nieuwjaarsdag, Goede Vrijdag, Pasen, Koningsdag,
# Bevrijdingsdag every year, Hemelvaart, Pinksteren, Kerst) for the three years.
EXPECTED = {
    2025: {
        date(2025, 1, 1): "Nieuwjaarsdag",
        date(2025, 4, 18): "Goede Vrijdag",
        date(2025, 4, 20): "1e Paasdag",
        date(2025, 4, 21): "2e Paasdag",
        date(2025, 4, 26): "Koningsdag",  # 27 April 2025 is a Sunday: moved to Saturday
        date(2025, 5, 5): "Bevrijdingsdag",
        date(2025, 5, 29): "Hemelvaartsdag",
        date(2025, 6, 8): "1e Pinksterdag",
        date(2025, 6, 9): "2e Pinksterdag",
        date(2025, 12, 25): "1e Kerstdag",
        date(2025, 12, 26): "2e Kerstdag",
    },
    2026: {
        date(2026, 1, 1): "Nieuwjaarsdag",
        date(2026, 4, 3): "Goede Vrijdag",
        date(2026, 4, 5): "1e Paasdag",
        date(2026, 4, 6): "2e Paasdag",
        date(2026, 4, 27): "Koningsdag",
        date(2026, 5, 5): "Bevrijdingsdag",
        date(2026, 5, 14): "Hemelvaartsdag",
        date(2026, 5, 24): "1e Pinksterdag",
        date(2026, 5, 25): "2e Pinksterdag",
        date(2026, 12, 25): "1e Kerstdag",
        date(2026, 12, 26): "2e Kerstdag",
    },
    2027: {
        date(2027, 1, 1): "Nieuwjaarsdag",
        date(2027, 3, 26): "Goede Vrijdag",
        date(2027, 3, 28): "1e Paasdag",
        date(2027, 3, 29): "2e Paasdag",
        date(2027, 4, 27): "Koningsdag",
        date(2027, 5, 5): "Bevrijdingsdag",
        date(2027, 5, 6): "Hemelvaartsdag",
        date(2027, 5, 16): "1e Pinksterdag",
        date(2027, 5, 17): "2e Pinksterdag",
        date(2027, 12, 25): "1e Kerstdag",
        date(2027, 12, 26): "2e Kerstdag",
    },
}


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_holidays_are_exactly_the_nza_days(year):
    assert AnwCalendar().holidays_in(year) == EXPECTED[year]


def test_liberation_day_counts_every_year_not_only_in_lustrum_years():
    assert AnwCalendar().is_holiday(date(2026, 5, 5))
    assert AnwCalendar().is_holiday(date(2027, 5, 5))


def test_extra_holiday_from_settings_is_added():
    calendar = AnwCalendar(extra_holidays=frozenset({date(2026, 6, 1)}))
    assert calendar.is_holiday(date(2026, 6, 1))
    assert not AnwCalendar().is_holiday(date(2026, 6, 1))


def test_a_holiday_left_out_of_the_names_is_no_holiday():
    calendar = AnwCalendar(holiday_names=("Christmas Day",))
    assert calendar.holidays_in(2026) == {date(2026, 12, 25): "1e Kerstdag"}


def local(*args) -> datetime:
    return datetime(*args, tzinfo=TZ)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (local(2026, 11, 24, 7, 59), "anw"),  # Tuesday before 08:00
        (local(2026, 11, 24, 8, 0), "dag"),
        (local(2026, 11, 24, 16, 59), "dag"),
        (local(2026, 11, 24, 17, 0), "anw"),
        (local(2026, 11, 28, 12, 0), "anw"),  # Saturday
        (local(2026, 11, 29, 12, 0), "anw"),  # Sunday
        (local(2026, 4, 27, 12, 0), "anw"),  # Koningsdag, a Monday
        (local(2026, 4, 28, 7, 0), "anw"),  # morning after a holiday
        (local(2026, 4, 28, 9, 0), "dag"),
        (local(2026, 12, 24, 16, 0), "dag"),  # Christmas Eve is no holiday
    ],
)
def test_day_or_anw(moment, expected):
    assert AnwCalendar().kind(moment) == expected


def test_weekday_hours_are_configurable_per_region():
    calendar = calendar_with(time(18, 0), time(8, 0))
    assert calendar.kind(local(2026, 11, 24, 17, 30)) == "dag"
    assert calendar.kind(local(2026, 11, 24, 18, 0)) == "anw"
    assert calendar_with(time(18, 0), time(8, 0)) is calendar  # shared, so caches are shared


def test_moments_in_other_time_zones_are_read_on_the_amsterdam_clock():
    # 16:30 UTC in November is 17:30 in Amsterdam: ANW.
    assert AnwCalendar().is_anw(datetime(2026, 11, 24, 16, 30, tzinfo=UTC))


def test_naive_moments_are_refused():
    with pytest.raises(ValueError):
        AnwCalendar().is_anw(datetime(2026, 11, 24, 12, 0))


def test_periods_split_a_week_into_alternating_day_and_anw():
    periods = list(AnwCalendar().periods(local(2026, 11, 23), local(2026, 11, 30)))
    kinds = [kind for _, _, kind in periods]
    assert kinds == ["anw", "dag"] * 5 + ["anw"]
    assert periods[1][:2] == (local(2026, 11, 23, 8), local(2026, 11, 23, 17))
    # Friday 17:00 to Monday 08:00 is one ANW period.
    assert periods[-1][0] == local(2026, 11, 27, 17)


@pytest.mark.parametrize(
    ("day", "hours"),
    [(date(2026, 3, 29), 23), (date(2026, 10, 25), 25), (date(2026, 11, 22), 24)],
)
def test_dst_days_of_2026_have_the_right_length_and_stay_anw(day, hours):
    start = datetime.combine(day, time(0), TZ)
    end = datetime.combine(day + timedelta(days=1), time(0), TZ)
    periods = list(AnwCalendar().periods(start, end))
    assert [kind for _, _, kind in periods] == ["anw"]  # all three are Sundays
    length = periods[0][1].astimezone(UTC) - periods[0][0].astimezone(UTC)
    assert length == timedelta(hours=hours)


def test_every_utc_quarter_hour_across_the_spring_change_is_classified_on_the_wall_clock():
    # Monday 30 March 2026, the first working day after the spring change: 08:00 local is
    # 06:00 UTC (summer time), not 07:00 UTC.
    calendar = AnwCalendar()
    assert calendar.kind(datetime(2026, 3, 30, 5, 45, tzinfo=UTC)) == "anw"
    assert calendar.kind(datetime(2026, 3, 30, 6, 0, tzinfo=UTC)) == "dag"
    # Friday 23 October 2026 (still summer time): 17:00 local is 15:00 UTC.
    assert calendar.kind(datetime(2026, 10, 23, 14, 59, tzinfo=UTC)) == "dag"
    assert calendar.kind(datetime(2026, 10, 23, 15, 0, tzinfo=UTC)) == "anw"
    # Monday 26 October 2026 (winter time): 08:00 local is 07:00 UTC.
    assert calendar.kind(datetime(2026, 10, 26, 6, 59, tzinfo=UTC)) == "anw"
    assert calendar.kind(datetime(2026, 10, 26, 7, 0, tzinfo=UTC)) == "dag"
