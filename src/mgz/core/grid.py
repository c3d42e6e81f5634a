"""The time grid of the conformance engine: 15-minute slots in UTC over a horizon.

A slot is identified by its start; it is "covered" when a pattern holds at that moment
(`WeekPattern.covers` is the reference meaning; `pattern_mask` evaluates the same thing for
all slots at once with NumPy). The grid starts and ends at local midnight in
Europe/Amsterdam, so a day with a daylight-saving change has 92 or 100 slots, and all day
and ANW boundaries stay on the wall clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from itertools import pairwise

import numpy as np

from mgz.core.calendar import TZ, AnwCalendar, local_midnight
from mgz.core.weekpattern import HOLIDAY, WeekPattern

SLOT_MINUTES = 15
SLOT = timedelta(minutes=SLOT_MINUTES)
DEFAULT_DAYS = 28
# A week without holidays or clock changes, used as "the standard week".
STANDARD_WEEK_MONDAY = date(2025, 1, 13)


@dataclass(frozen=True)
class CalendarMasks:
    """Per-slot facts that depend on a region's ANW calendar."""

    anw: np.ndarray  # bool per slot
    day_codes: np.ndarray  # int per local day index, -1 .. days-1 shifted by one (0=ma..6=zo, 7=fd)

    @property
    def day(self) -> np.ndarray:
        return ~self.anw


@dataclass(frozen=True, eq=False)
class Grid:
    """A horizon of whole local days, cut into 15-minute slots.

    `standard` marks the standard week: no holidays, and validity dates and absences are
    ignored (it answers "how is this arranged in an ordinary week?").
    """

    start: date
    days: int = DEFAULT_DAYS
    standard: bool = False
    _masks: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def standard_week(cls) -> Grid:
        return cls(STANDARD_WEEK_MONDAY, 7, standard=True)

    @cached_property
    def start_utc(self) -> datetime:
        return local_midnight(self.start).astimezone(UTC)

    @cached_property
    def end_utc(self) -> datetime:
        return local_midnight(self.start + timedelta(days=self.days)).astimezone(UTC)

    @property
    def end(self) -> date:
        """The first local day after the horizon."""
        return self.start + timedelta(days=self.days)

    @cached_property
    def size(self) -> int:
        return int((self.end_utc - self.start_utc) / SLOT)

    @cached_property
    def starts(self) -> list[datetime]:
        """The start of every slot, as an aware local datetime."""
        return [(self.start_utc + i * SLOT).astimezone(TZ) for i in range(self.size + 1)]

    @cached_property
    def day_index(self) -> np.ndarray:
        """Local day of every slot, 0 .. days-1."""
        return np.array(
            [(moment.date() - self.start).days for moment in self.starts[:-1]], dtype=np.int16
        )

    @cached_property
    def minute(self) -> np.ndarray:
        """Local minute after midnight of every slot start."""
        return np.array(
            [moment.hour * 60 + moment.minute for moment in self.starts[:-1]], dtype=np.int16
        )

    @cached_property
    def day_first_slot(self) -> np.ndarray:
        """For each local day (and one past the end), the index of its first slot."""
        return np.searchsorted(self.day_index, np.arange(self.days + 1)).astype(np.int64)

    def local_day(self, index: int) -> date:
        return self.start + timedelta(days=index)

    def slot_of(self, moment: datetime) -> int:
        """Index of the slot that contains an aware moment, clipped to [0, size]."""
        offset = (moment - self.start_utc) / SLOT
        return max(0, min(self.size, int(np.ceil(offset)) if offset > 0 else 0))

    def slot_at_or_after(self, moment: datetime) -> int:
        """Index of the first slot starting at or after the moment, clipped to [0, size]."""
        offset = (moment - self.start_utc) / SLOT
        return max(0, min(self.size, int(np.ceil(offset))))

    def day_range(self, first: date | None, last: date | None) -> tuple[int, int]:
        """Slot range [a, b) of the local days first..last (inclusive; None is open)."""
        lo = 0 if first is None else (first - self.start).days
        hi = self.days - 1 if last is None else (last - self.start).days
        lo, hi = max(lo, 0), min(hi, self.days - 1)
        if hi < lo:
            return 0, 0
        return int(self.day_first_slot[lo]), int(self.day_first_slot[hi + 1])

    def masks(self, calendar: AnwCalendar) -> CalendarMasks:
        """ANW mask and day codes for a calendar (cached per calendar)."""
        cached = self._masks.get(calendar)
        if cached is not None:
            return cached
        codes = []
        for offset in range(-1, self.days):
            day = self.start + timedelta(days=offset)
            holiday = calendar.is_holiday(day) and not self.standard
            codes.append(HOLIDAY if holiday else day.weekday())
        day_codes = np.array(codes, dtype=np.int8)
        today = day_codes[self.day_index + 1]
        weekend_or_holiday = today >= 5
        start = calendar.weekday_start.hour * 60 + calendar.weekday_start.minute
        end = calendar.weekday_end.hour * 60 + calendar.weekday_end.minute
        anw = weekend_or_holiday | (self.minute >= start) | (self.minute < end)
        anw.flags.writeable = False
        built = CalendarMasks(anw=anw, day_codes=day_codes)
        self._masks[calendar] = built
        return built

    def pattern_mask(self, pattern: WeekPattern, calendar: AnwCalendar) -> np.ndarray:
        """Slots at whose start the pattern holds (the vectorised `WeekPattern.covers`)."""
        key = (pattern, calendar)
        cached = self._masks.get(key)
        if cached is not None:
            return cached
        masks = self.masks(calendar)
        today = masks.day_codes[self.day_index + 1]
        yesterday = masks.day_codes[self.day_index]
        minute = self.minute
        result = np.zeros(self.size, dtype=bool)
        for item in pattern.items:
            if item.keyword == "altijd":
                result[:] = True
                break
            if item.keyword == "anw":
                result |= masks.anw
                continue
            if item.keyword == "dag":
                result |= ~masks.anw
                continue
            days = np.array(sorted(item.days), dtype=np.int8)
            if item.overnight:
                result |= (minute >= item.start) & np.isin(today, days)
                result |= (minute < item.end) & np.isin(yesterday, days)
            else:
                result |= (minute >= item.start) & (minute < item.end) & np.isin(today, days)
        result.flags.writeable = False
        self._masks[key] = result
        return result


@dataclass(frozen=True)
class Interval:
    """A stretch of local time in which a finding holds; kind is 'dag', 'anw' or 'etmaal'."""

    start: datetime
    end: datetime
    kind: str

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)

    def as_dict(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "kind": self.kind}


def intervals(
    grid: Grid, violated: np.ndarray, anw: np.ndarray | None = None
) -> tuple[Interval, ...]:
    """Runs of True in `violated`, cut at every day/ANW boundary when `anw` is given."""
    if not violated.any():
        return ()
    flags = violated.astype(np.int8)
    if anw is not None:
        flags = flags * (1 + anw.astype(np.int8))  # 0 ok, 1 day, 2 anw
    padded = np.concatenate(([0], flags, [0]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    found = []
    starts = grid.starts
    for a, b in pairwise(edges):
        value = padded[a + 1]
        if value == 0:
            continue
        kind = "etmaal" if anw is None else ("anw" if value == 2 else "dag")
        found.append(Interval(starts[a], starts[b], kind))
    return tuple(found)
