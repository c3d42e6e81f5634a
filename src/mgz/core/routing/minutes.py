"""Time as whole minutes since the epoch, and where week patterns and ANW change.

The local wall clock of Europe/Amsterdam decides; the change points include every DST
transition, so between two consecutive points nothing a pattern reads can change.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from mgz.core.calendar import TZ, AnwCalendar, local_midnight
from mgz.core.routing.codes import RoutingError
from mgz.core.weekpattern import WeekPattern


def to_minute(moment: datetime) -> int:
    """An aware moment as whole minutes since the epoch (seconds are dropped)."""
    if moment.tzinfo is None:
        raise RoutingError("tijdstip zonder tijdzone")
    return int(moment.timestamp()) // 60


def minute_to_datetime(minute: int | None) -> datetime | None:
    if minute is None:
        return None
    return datetime.fromtimestamp(minute * 60, TZ)


def local_day(minute: int) -> date:
    return datetime.fromtimestamp(minute * 60, TZ).date()


def midnight_minute(day: date) -> int:
    return int(local_midnight(day).timestamp()) // 60


def ceil_minute(moment: datetime) -> int:
    """The first whole minute at or after an aware moment."""
    seconds = moment.timestamp()
    whole = int(seconds // 60)
    return whole if whole * 60 == seconds else whole + 1


def local_change_points(boundaries: Iterable[int], start: int, end: int) -> list[int]:
    """Every epoch minute in [start, end) at which a local wall-clock boundary falls.

    `boundaries` are minutes after local midnight. Midnight and every daylight-saving
    transition are always included, so between two consecutive points the local date and the
    local minute-of-day both move without crossing a boundary.
    """
    wanted = sorted({b % (24 * 60) for b in boundaries} | {0})
    first = local_day(start) - timedelta(days=1)
    last = local_day(end) + timedelta(days=1)
    points: set[int] = set()
    day = first
    while day <= last:
        base = datetime.combine(day, time(0))
        for minute in wanted:
            naive = base + timedelta(minutes=minute)
            for fold in (0, 1):
                points.add(int(naive.replace(tzinfo=TZ, fold=fold).timestamp()) // 60)
        midnight = local_midnight(day)
        following = local_midnight(day + timedelta(days=1))
        if midnight.utcoffset() != following.utcoffset():
            points.update(_dst_transitions(midnight, following))
        day += timedelta(days=1)
    return sorted(p for p in points if start <= p < end)


def _dst_transitions(start: datetime, end: datetime) -> list[int]:
    found = []
    cursor = start.astimezone(UTC)
    stop = end.astimezone(UTC)
    offset = cursor.astimezone(TZ).utcoffset()
    while cursor < stop:
        cursor += timedelta(minutes=15)
        now = cursor.astimezone(TZ).utcoffset()
        if now != offset:
            found.append(int(cursor.timestamp()) // 60)
            offset = now
    return found


def pattern_boundaries(pattern: WeekPattern, calendar: AnwCalendar) -> set[int]:
    points = {0, _clock_minutes(calendar.weekday_start), _clock_minutes(calendar.weekday_end)}
    for item in pattern.items:
        points.add(item.start % (24 * 60))
        points.add(item.end % (24 * 60))
    return points


def _clock_minutes(clock: time) -> int:
    return clock.hour * 60 + clock.minute


def pattern_intervals(
    pattern: WeekPattern, calendar: AnwCalendar, start: int, end: int
) -> list[tuple[int, int]]:
    """The maximal intervals [a, b) within [start, end) in which the pattern holds."""
    points = local_change_points(pattern_boundaries(pattern, calendar), start, end)
    if not points or points[0] != start:
        points.insert(0, start)
    intervals: list[tuple[int, int]] = []
    for i, point in enumerate(points):
        stop = points[i + 1] if i + 1 < len(points) else end
        if pattern.covers(datetime.fromtimestamp(point * 60, UTC), calendar):
            if intervals and intervals[-1][1] == point:
                intervals[-1] = (intervals[-1][0], stop)
            else:
                intervals.append((point, stop))
    return intervals


def kind_boundaries(calendar: AnwCalendar) -> set[int]:
    return {0, _clock_minutes(calendar.weekday_start), _clock_minutes(calendar.weekday_end)}


def is_anw_minute(calendar: AnwCalendar, minute: int) -> bool:
    local = datetime.fromtimestamp(minute * 60, TZ)
    return calendar.is_anw_local(local.date(), local.time())
