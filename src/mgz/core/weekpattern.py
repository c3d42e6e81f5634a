"""Weekly hour patterns such as "ma-vr 17:00-08:00; za-zo 00:00-24:00; fd 00:00-24:00".

One small language serves the database, the workbook and the week view, so a pattern typed
in a spreadsheet means exactly what the conformance engine evaluates.

Items are separated by ';'. An item is one of:
- `altijd` (every hour), `anw` (every ANW hour of the calendar), `dag` (every day hour);
- `<dagen> <van>-<tot>`: days are ma di wo do vr za zo and fd (feestdag), as a list
  (`ma,wo,vr`) or a range (`ma-vr`); times are UU:MM, `24:00` allowed as the end. When the
  end is not after the start, the item runs into the next morning ("ma-vr 17:00-08:00" is
  the night after each weekday).

A public holiday is its own day kind: weekday items do not apply on it, only `fd` items and
the keywords. So a practice open "ma-vr 08:00-17:00" is closed on Koningsdag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from mgz.core.calendar import AnwCalendar, to_local

DAY_CODES = ("ma", "di", "wo", "do", "vr", "za", "zo", "fd")
HOLIDAY = 7  # index of "fd" in DAY_CODES
KEYWORDS = ("altijd", "anw", "dag")
MINUTES_PER_DAY = 24 * 60

_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


class PatternError(ValueError):
    """A pattern that cannot be read; the message is Dutch and names the culprit."""


@dataclass(frozen=True)
class PatternItem:
    keyword: str | None = None
    days: frozenset[int] = frozenset()
    start: int = 0  # minutes after midnight
    end: int = MINUTES_PER_DAY  # minutes after midnight; <= start means "next morning"

    @property
    def overnight(self) -> bool:
        return self.keyword is None and self.end <= self.start

    def text(self) -> str:
        if self.keyword:
            return self.keyword
        return f"{_days_text(self.days)} {_clock(self.start)}-{_clock(self.end)}"


@dataclass(frozen=True)
class WeekPattern:
    items: tuple[PatternItem, ...]

    def text(self) -> str:
        return "; ".join(item.text() for item in self.items)

    def covers(self, moment: datetime, calendar: AnwCalendar) -> bool:
        """Whether the pattern holds at an aware moment."""
        local = to_local(moment)
        day, minute = local.date(), local.hour * 60 + local.minute
        for item in self.items:
            if item.keyword == "altijd":
                return True
            if item.keyword == "anw":
                if calendar.is_anw_local(day, local.time()):
                    return True
                continue
            if item.keyword == "dag":
                if not calendar.is_anw_local(day, local.time()):
                    return True
                continue
            if item.overnight:
                if minute >= item.start:
                    service_day = day
                elif minute < item.end:
                    service_day = day - timedelta(days=1)
                else:
                    continue
            elif item.start <= minute < item.end:
                service_day = day
            else:
                continue
            code = HOLIDAY if calendar.is_holiday(service_day) else service_day.weekday()
            if code in item.days:
                return True
        return False


def parse_pattern(text: str) -> WeekPattern:
    """Parse a pattern; an empty text is an empty pattern (never available)."""
    items = []
    for raw in re.split(r"[;\n]", text or ""):
        part = raw.strip().lower()
        if part:
            items.append(_parse_item(part))
    return WeekPattern(tuple(items))


def _parse_item(part: str) -> PatternItem:
    if part in KEYWORDS:
        return PatternItem(keyword=part)
    pieces = part.split()
    if len(pieces) != 2:
        raise PatternError(
            f"'{part}' is geen geldig tijdvak; schrijf bijvoorbeeld 'ma-vr 08:00-17:00', "
            "'anw', 'dag' of 'altijd'"
        )
    days_text, hours_text = pieces
    days = _parse_days(days_text, part)
    if hours_text.count("-") != 1:
        raise PatternError(f"'{hours_text}' in '{part}' is geen tijdvak (verwacht UU:MM-UU:MM)")
    start_text, end_text = hours_text.split("-")
    start, end = _parse_clock(start_text, part), _parse_clock(end_text, part)
    if start == MINUTES_PER_DAY:
        raise PatternError(f"begintijd 24:00 in '{part}' bestaat niet; gebruik 00:00")
    if end == 0:
        end = MINUTES_PER_DAY
    return PatternItem(days=days, start=start, end=end)


def _parse_days(text: str, part: str) -> frozenset[int]:
    days: set[int] = set()
    for chunk in text.split(","):
        if "-" in chunk:
            first, last = chunk.split("-", 1)
            a, b = _day_index(first, part), _day_index(last, part)
            if HOLIDAY in (a, b) or b < a:
                raise PatternError(f"dagbereik '{chunk}' in '{part}' klopt niet (bijv. ma-vr)")
            days.update(range(a, b + 1))
        else:
            days.add(_day_index(chunk, part))
    return frozenset(days)


def _day_index(code: str, part: str) -> int:
    if code not in DAY_CODES:
        raise PatternError(
            f"onbekende dag '{code}' in '{part}' (gebruik ma, di, wo, do, vr, za, zo of fd)"
        )
    return DAY_CODES.index(code)


def _parse_clock(text: str, part: str) -> int:
    match = _TIME.match(text)
    if not match:
        raise PatternError(f"'{text}' in '{part}' is geen tijd (verwacht UU:MM)")
    hours, minutes = int(match[1]), int(match[2])
    if minutes >= 60 or hours > 24 or (hours == 24 and minutes):
        raise PatternError(f"'{text}' in '{part}' is geen bestaande tijd")
    return hours * 60 + minutes


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _days_text(days: frozenset[int]) -> str:
    ordered = sorted(days)
    runs: list[list[int]] = []
    for d in ordered:
        if runs and d == runs[-1][-1] + 1 and d != HOLIDAY:
            runs[-1].append(d)
        else:
            runs.append([d])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{DAY_CODES[run[0]]}-{DAY_CODES[run[-1]]}")
        else:
            parts.extend(DAY_CODES[d] for d in run)
    return ",".join(parts)


def clock_time(minutes: int) -> time:
    return time(0) if minutes >= MINUTES_PER_DAY else time(minutes // 60, minutes % 60)
