"""The Dutch ANW calendar: which moments are day and which are avond/nacht/weekend.

ANW is every weekday from `weekday_start` to `weekday_end` the next morning, all of Saturday
and Sunday, and every public holiday as the NZa counts them. All reasoning is on the wall
clock of Europe/Amsterdam, so daylight-saving changes never move an ANW boundary.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property, lru_cache
from zoneinfo import ZoneInfo

import holidays as holidays_lib

TZ = ZoneInfo("Europe/Amsterdam")

# The NZa holidays, by their names in the `holidays` package (en_US). Liberation Day counts
# every year for the NZa, whereas the package marks it public only every fifth year, so the
# "optional" category is read too and filtered by this list.
NZA_HOLIDAY_NAMES: tuple[str, ...] = (
    "New Year's Day",
    "Good Friday",
    "Easter Sunday",
    "Easter Monday",
    "King's Day",
    "Liberation Day",
    "Ascension Day",
    "Pentecost",
    "Pentecost Monday",
    "Christmas Day",
    "Second Day of Christmas",
)

DUTCH_HOLIDAY_NAMES = {
    "New Year's Day": "Nieuwjaarsdag",
    "Good Friday": "Goede Vrijdag",
    "Easter Sunday": "1e Paasdag",
    "Easter Monday": "2e Paasdag",
    "King's Day": "Koningsdag",
    "Liberation Day": "Bevrijdingsdag",
    "Ascension Day": "Hemelvaartsdag",
    "Pentecost": "1e Pinksterdag",
    "Pentecost Monday": "2e Pinksterdag",
    "Christmas Day": "1e Kerstdag",
    "Second Day of Christmas": "2e Kerstdag",
}


def parse_clock(text: str) -> time:
    """'17:00' -> time(17, 0); raises ValueError with a Dutch message."""
    try:
        hours, minutes = text.strip().split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValueError(f"'{text}' is geen tijd (verwacht UU:MM, bijvoorbeeld 17:00)") from None


@dataclass(frozen=True)
class AnwCalendar:
    """Day/ANW classification; one instance per region (weekday hours may differ)."""

    weekday_start: time = time(17, 0)
    weekday_end: time = time(8, 0)
    holiday_names: tuple[str, ...] = NZA_HOLIDAY_NAMES
    extra_holidays: frozenset[date] = field(default_factory=frozenset)

    @cached_property
    def _cache(self) -> dict[int, dict[date, str]]:
        return {}

    def holidays_in(self, year: int) -> dict[date, str]:
        """The holidays of one year, with their Dutch names."""
        if year not in self._cache:
            found = holidays_lib.country_holidays(
                "NL", years=year, categories=("public", "optional"), language="en_US"
            )
            wanted = set(self.holiday_names)
            days: dict[date, str] = {}
            for day, names in found.items():
                for name in str(names).split("; "):
                    if name in wanted:
                        days[day] = DUTCH_HOLIDAY_NAMES.get(name, name)
            for day in self.extra_holidays:
                if day.year == year:
                    days.setdefault(day, "Extra feestdag")
            self._cache[year] = dict(sorted(days.items()))
        return self._cache[year]

    def is_holiday(self, day: date) -> bool:
        return day in self.holidays_in(day.year)

    def holiday_name(self, day: date) -> str | None:
        return self.holidays_in(day.year).get(day)

    def is_anw_local(self, day: date, clock: time) -> bool:
        """ANW at a wall-clock time on a local date."""
        if day.weekday() >= 5 or self.is_holiday(day):
            return True
        return clock >= self.weekday_start or clock < self.weekday_end

    def is_anw(self, moment: datetime) -> bool:
        """ANW at an aware moment (any time zone)."""
        local = to_local(moment)
        return self.is_anw_local(local.date(), local.time())

    def kind(self, moment: datetime) -> str:
        """'anw' or 'dag'."""
        return "anw" if self.is_anw(moment) else "dag"

    def periods(self, start: datetime, end: datetime) -> Iterator[tuple[datetime, datetime, str]]:
        """Split [start, end) into maximal day/ANW periods (aware, Europe/Amsterdam)."""
        start, end = to_local(start), to_local(end)
        cursor = start
        while cursor < end:
            kind = self.kind(cursor)
            boundary = min(self._next_boundary(cursor), end)
            while boundary < end and self.kind(boundary) == kind:
                boundary = min(self._next_boundary(boundary), end)
            yield cursor, boundary, kind
            cursor = boundary

    def anw_periods(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        return [(a, b) for a, b, kind in self.periods(start, end) if kind == "anw"]

    def _next_boundary(self, moment: datetime) -> datetime:
        """The next wall-clock moment at which the classification may change."""
        day = moment.date()
        candidates = [
            datetime.combine(day, self.weekday_end, TZ),
            datetime.combine(day, self.weekday_start, TZ),
            datetime.combine(day + timedelta(days=1), time(0), TZ),
        ]
        return min(c for c in candidates if _utc(c) > _utc(moment))


def to_local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("tijdstip zonder tijdzone")
    return moment.astimezone(TZ)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(ZoneInfo("UTC"))


def local_midnight(day: date) -> datetime:
    """Start of a local day as an aware datetime (DST-safe)."""
    return datetime.combine(day, time(0), TZ)


def days(start: date, count: int) -> Iterable[date]:
    return (start + timedelta(days=i) for i in range(count))


@lru_cache(maxsize=64)
def calendar_with(
    weekday_start: time = time(17),
    weekday_end: time = time(8),
    extra_holidays: frozenset[date] = frozenset(),
) -> AnwCalendar:
    """One shared calendar per configuration, so holiday look-ups stay cached."""
    return AnwCalendar(
        weekday_start=weekday_start, weekday_end=weekday_end, extra_holidays=extra_holidays
    )
